// The claims a visit makes about findings, for the checks that compare them: each exam finding of a
// treating note's visit (or of a visit a letter tells) with its role — what the exam documents, or
// what the assessment, discussion and plan cite — its side and the region of its site.
//   exam:       "Extremities: No edema."          → extremities.edema absent (exam)
//   plan:       "He does have 1+ edema in his legs." → extremities.edema present (discussion)
import type { Finding, TimelineEvent } from '../schema.js';
import { isReviewKind } from '../model/document-kind.js';
import { isReviewCategory } from '../model/section-roles.js';
import type { CheckContext } from './check.js';
import { eventOrder, listPhrases } from './flag.js';

export type Role = 'exam' | 'discussion';
const DISCUSSION_SECTIONS = new Set<string>(['assessment', 'plan', 'discussion']);

export interface Claim {
  finding: Finding;
  abnormal: boolean;
  region: string | null;
  role: Role;
  event: TimelineEvent;
}

export function isAbnormal(f: Finding): boolean {
  return f.polarity === 'abnormal' || f.polarity === 'present';
}

/** Concepts too broad or too vague to compare: "general", an unclassified clause, a test with no name. */
function comparable(concept: string, config: CheckContext['patterns']['data']['checks']['examPlanMismatch']): boolean {
  return !config.ignoredConcepts.includes(concept) && !concept.endsWith('.unclassified');
}

/**
 * a ⊒ b: a is b or one of its ancestors ("lungs" ⊒ "lungs.wheeze"); "exam" (a normal physical
 * examination) covers every finding but the vital signs ("Examination is unremarkable" says nothing of
 * a blood pressure of 160/78).
 */
export function covers(a: string, b: string): boolean {
  if (a === 'exam') return !b.startsWith('vitals') && b !== 'heart.rate';
  return a === b || b.startsWith(`${a}.`);
}

/** The exam claim and the discussion claim cannot both be true at one visit. */
export function conflict(a: Claim, b: Claim): boolean {
  if (a.abnormal === b.abnormal) return false;
  // two readings of a measured sign are two measurements ("BP 160/78 … I did retake her blood pressure and it was 130/70")
  if (a.finding.measured && b.finding.measured) return false;
  const normal = a.abnormal ? b : a;
  const abnormal = a.abnormal ? a : b;
  if (!covers(normal.finding.concept, abnormal.finding.concept)) return false;
  return sidesCompatible(a.finding.side, b.finding.side) && (a.region === null || b.region === null || a.region === b.region);
}

export function sidesCompatible(a: Finding['side'], b: Finding['side']): boolean {
  return a === null || b === null || a === b || a === 'bilateral' || b === 'bilateral';
}

const LEVEL_REGION: Record<string, string> = { C: 'cervical', T: 'thoracic', L: 'lumbar', S: 'lumbar' };

/**
 * Which side of the visit a statement is: its discussion (assessment, plan, discussion — or the part a
 * letter's summary says the provider "stated in the summary"), or its exam: a treating record's exam
 * section, or the rest of a letter's account of the visit. The reviewer's own sections are neither.
 */
function roleOf(e: TimelineEvent): Role | null {
  const category = e.sectionCategory;
  if (category && DISCUSSION_SECTIONS.has(category)) return 'discussion';
  if (category === 'exam') return 'exam';
  if (isReviewKind(e.documentKind) && !isReviewCategory(category)) return 'exam';
  return null;
}

/** Every visit's claims, in record order: one list per visit (the encounter the statements were reported at, else the date they share). */
export function visitClaims(ctx: CheckContext): Claim[][] {
  const config = ctx.patterns.data.checks.examPlanMismatch;
  // where a site is: "knee" → lower_extremity, "L5" → lumbar (anatomy.json regions)
  const regionOf = new Map(ctx.patterns.data.anatomy.bodyParts.map((b) => [b.name, b.region as string]));
  const region = (site: string | null): string | null => (site ? (regionOf.get(site) ?? LEVEL_REGION[site[0] ?? ''] ?? null) : null);
  const out: Claim[][] = [];
  for (const doc of ctx.documents) {
    const byVisit = new Map<string, TimelineEvent[]>();
    for (const e of doc.events) {
      if (e.type !== 'exam_finding' || e.findings.length === 0) continue;
      if (e.assertion === 'hypothetical' || e.assertion === 'historical') continue;
      // a treating note with no visit of its own on record is one visit
      const key = e.encounterId ?? (e.date ? `date:${e.date}` : isReviewKind(e.documentKind) ? null : 'note');
      if (!key) continue;
      // push, not a copy per event: a note read as one visit with 50,000 findings made this quadratic
      const visit = byVisit.get(key);
      if (visit) visit.push(e);
      else byVisit.set(key, [e]);
    }
    for (const events of byVisit.values()) {
      events.sort(eventOrder);
      const claims: Claim[] = [];
      for (const e of events) {
        const role = roleOf(e);
        if (!role) continue;
        for (const f of e.findings) {
          if (f.reported || f.assertion !== 'present' || !comparable(f.concept, config)) continue;
          claims.push({ finding: f, abnormal: isAbnormal(f), region: region(f.site), role, event: e });
        }
      }
      if (claims.length > 0) out.push(claims);
    }
  }
  return out;
}

/** "no edema", "4+/5 weakness (left)": a claim as the record words it, with its side when the words do not say it. */
export function describeClaims(claims: readonly Claim[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of claims) {
    const f = c.finding;
    const words = f.text.replace(/\s+/g, ' ').trim();
    // "edema" read under "No edema." is its absence
    const phrase = f.polarity === 'absent' && !/^(?:no|non|not|without|negative|absent)\b/i.test(words) ? `no ${words}` : words;
    const side = f.side && !words.toLowerCase().includes(f.side) ? ` (${f.side})` : '';
    const key = phrase.toLowerCase().replace(/s$/, '');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(`${phrase}${side}`);
  }
  return listPhrases(out.map((p) => `"${p}"`));
}

/** One claim per signature, the first of each: a note read as one visit with thousands of alike claims compares each kind once. */
export function distinctClaims<C extends Claim>(claims: readonly C[], signature: (c: C) => string): C[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const key = signature(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The two claims can be about the same place: their regions and their sites agree wherever both name
 * one ("edema of the right knee" and "no ankle edema" are two places; "no edema" and "leg swelling" may be one).
 */
export function samePlace(a: Claim, b: Claim): boolean {
  const agree = (x: string | null, y: string | null) => x === null || y === null || x === y;
  return agree(a.region, b.region) && agree(a.finding.site, b.finding.site);
}
