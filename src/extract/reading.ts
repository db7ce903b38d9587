// Sentence-level facts several extractors share: is this the reviewer's own voice or a guideline
// quote, which plan or determination cue governs a service, which words count as anatomy in date gaps.
import type { LexiconMatch } from '../patterns/lexicon.js';
import type { CueValue, Patterns, ServiceValue } from '../patterns/load-patterns.js';
import type { AnalyzedSentence } from '../text/analyze.js';
import type { ExtractContext } from './mention.js';
import { isReviewCategory } from '../model/section-roles.js';

export { isReviewCategory, REVIEW_CATEGORIES } from '../model/section-roles.js';

/** "MRI lumbar spine without contrast:  Upheld" — an IMR item with its outcome, on a line of its own. */
export const DECISION_OUTCOME = /:\s*(?:upheld|overturned)\s*\.?$/i;

/** Sections whose sentences never yield clinical events: process boilerplate and guideline citations. */
export function isSilentSection(s: AnalyzedSentence): boolean {
  const c = s.section?.category;
  return c === 'boilerplate' || c === 'guideline';
}

/** Sections written by the reviewer about the request, where the visit being described has ended. */
export function isReviewSection(s: AnalyzedSentence): boolean {
  return isReviewCategory(s.section?.category);
}

/**
 * Guideline quotations and the reviewer's reasoning ("The ODG state 'repeat MRI is not routinely
 * recommended...'", "This request is not medically necessary") describe no event of this patient.
 */
export function isGuidelineVoice(s: AnalyzedSentence): boolean {
  if (s.has('guideline')) return true;
  // "An MRI of the right shoulder is recommended." is a plan in a visit note, a guideline in a rationale
  if (!isReviewSection(s) || !(s.has('reviewer_voice') || s.has('guideline_phrase'))) return false;
  // "The request for authorization form is dated 12/02/16.": the reviewer naming the request, then a
  // dated fact of the record, and no judgement of it
  // (cues.json: rationale.names-request)
  const namesTheRequestOnly = !s.has('guideline_phrase') && s.cuesOf('reviewer_voice').every((c) => c.value.id === 'rationale.names-request');
  return !(namesTheRequestOnly && s.dates.some((d) => !d.ignored && !d.relativeTo));
}

// "continue" or "start" alone does not make a plan; with a service it does ("continue physical therapy").
const WEAK_PLAN = new Set(['continue', 'continued', 'continuing', 'start', 'will be', 'pending', 'awaiting', 'refill', 'refilled', 'initiate', 'advised', 'was advised', 'plans', 'planning']);
// A request for authorization is a plan event by itself: "The request for authorization was signed on 11/21/2016."
const SELF_STANDING_PLAN = new Set([
  'request for authorization',
  'request for authorization form',
  'authorization request',
  'requested authorization',
  'rfa',
  'rfas',
  'treatment plan',
  'plan of care',
]);

export function strongPlanCues(s: AnalyzedSentence): LexiconMatch<CueValue>[] {
  return planCues(s).filter((c) => !WEAK_PLAN.has(c.term.toLowerCase()));
}

// "The requesting provider was a pain management physician": a description of who asked, not a request;
// "consistent with her prescribed medications", "taken as prescribed": what she takes, not a new order
const NAMES_A_PERSON = /^\s*(?:provider|physician|doctor|clinician|party|surgeon|practitioner)s?\b/i;
const DESCRIBES_WHAT_IS_TAKEN = /^\s*(?:medications?|meds|regimen|dos(?:e|age)s?|drugs?|opioids?|analgesics?|therapy)\b/i;

export function planCues(s: AnalyzedSentence): LexiconMatch<CueValue>[] {
  return s.cuesOf('plan').filter((c) => {
    const after = s.text.slice(c.end - s.start);
    if (NAMES_A_PERSON.test(after)) return false;
    if (/^prescribed$/i.test(c.text) && (DESCRIBES_WHAT_IS_TAKEN.test(after) || /\b(?:as|her|his|their|the|currently)\s*$/i.test(s.text.slice(0, c.start - s.start)))) return false;
    return true;
  });
}

export function isSelfStandingPlanCue(c: LexiconMatch<CueValue>): boolean {
  return SELF_STANDING_PLAN.has(c.term.toLowerCase());
}

export function determinationCues(s: AnalyzedSentence): LexiconMatch<CueValue>[] {
  return s.cues.filter((c) => c.value.role === 'determination_adverse' || c.value.role === 'determination_favourable');
}

/** Services that are the object of something else in the sentence and are not reported on their own. */
export function servicesAfter(s: AnalyzedSentence, offset: number): LexiconMatch<ServiceValue>[] {
  return s.services.filter((sv) => sv.start >= offset);
}

const anatomyCache = new WeakMap<Patterns, Set<string>>();

/** Lower-case single words of body parts and sides, allowed between a mention and its date. */
export function anatomyWords(patterns: Patterns): Set<string> {
  let words = anatomyCache.get(patterns);
  if (!words) {
    words = new Set<string>();
    for (const part of patterns.data.anatomy.bodyParts) for (const term of part.terms) for (const w of term.toLowerCase().split(/[^a-z0-9]+/)) if (w) words.add(w);
    for (const list of Object.values(patterns.data.anatomy.sides)) for (const term of list) for (const w of term.toLowerCase().split(/[^a-z0-9]+/)) if (w) words.add(w);
    anatomyCache.set(patterns, words);
  }
  return words;
}

/**
 * A treating record — progress note, consult, IME, report, therapy note — as opposed to a review
 * letter (a decision date, a UR date, or a review kind), which summarises many visits of others.
 */
export function isTreatingRecord(ctx: ExtractContext): boolean {
  let known = treatingByContext.get(ctx);
  if (known === undefined) {
    const { group } = ctx.kind;
    const visitSections = ctx.analyzed.sections.some((x) => VISIT_SECTIONS.has(x.category));
    if (ctx.facts.decisionDate || ctx.facts.urDate || group === 'administrative') known = false;
    // an examiner's records review with an exam of its own is an evaluation (IME) with a long history
    else if (group === 'review_letter') known = ctx.kind.kind === 'records_review' && ctx.analyzed.sections.some((x) => x.category === 'exam');
    else if (group !== 'other') known = true;
    // unclassified: a record written in the sections of a visit (an exam, an assessment, a plan) and
    // none of a reviewer's
    else known = visitSections && !ctx.analyzed.sections.some((x) => isReviewCategory(x.category));
    treatingByContext.set(ctx, known);
  }
  return known;
}

const VISIT_SECTIONS: ReadonlySet<string> = new Set(['exam', 'assessment', 'plan']);
const treatingByContext = new WeakMap<ExtractContext, boolean>();

/** A physical-examination sentence of a treating record (not a review letter's summary of one). */
export function isNoteExamSentence(s: AnalyzedSentence, ctx: ExtractContext): boolean {
  // a radiology report's "EXAM:" names its study (report-body.ts reads it)
  return s.section?.category === 'exam' && isTreatingRecord(ctx) && !isStudyReport(ctx);
}

/** An imaging, electrodiagnostic or laboratory report: one study, its findings the study's results. */
export function isStudyReport(ctx: ExtractContext): boolean {
  const kind = ctx.kind.kind;
  return (kind === 'imaging' || kind === 'emg' || kind === 'lab') && isTreatingRecord(ctx);
}
