// A treating record's own visit (note-visit.ts) becomes its encounter event, and dates what the note
// records at that visit: every statement of its current sections (exam, results, assessment, plan,
// discussion, procedure) that has no date of its own — never a date the history narrated.
//   HPI   "On 12/12/95 he went to see a local orthopedist ..."   → 1995-12-12 (the history's own)
//   EXAM  "Reflexes are 2+ and symmetric."                       → the note's visit, or undated
import type { Refiner } from '../engine.js';
import { newMention, type ExtractContext, type Mention } from '../mention.js';
import { findNoteVisits, visitAt, type NoteVisit } from '../note-visit.js';
import { isStudyReport, isTreatingRecord } from '../reading.js';
import type { AnalyzedSentence } from '../../text/analyze.js';

/** Sections about the visit the note records (patterns/sections.json categories). */
export const CURRENT_CATEGORIES: ReadonlySet<string> = new Set(['exam', 'results', 'assessment', 'plan', 'discussion', 'procedure', 'procedure_name', 'goals', 'medications']);

export function isCurrentSection(s: AnalyzedSentence): boolean {
  return s.section !== null && CURRENT_CATEGORIES.has(s.section.category);
}

const visitsByContext = new WeakMap<ExtractContext, NoteVisit[]>();

/** The note's own visits, once note-visit has run (none for letters). */
export function noteVisitsOf(ctx: ExtractContext): NoteVisit[] {
  return visitsByContext.get(ctx) ?? [];
}

/** The sentence a note presents its visit with, when no words say so: the first of its history of present illness. */
function openingSentence(ctx: ExtractContext): AnalyzedSentence | null {
  return ctx.analyzed.sentences.find((s) => s.section?.category === 'history' && /present illness|^hpi$|^history$|subjective|interval/i.test(s.section.header) && s.text.length > 20) ?? null;
}

export const noteVisitRefiner: Refiner = {
  name: 'note-visit',
  refine(ctx, mentions): Mention[] {
    if (!isTreatingRecord(ctx)) return mentions;
    const visits = findNoteVisits(ctx.analyzed, { studyReport: isStudyReport(ctx), operative: ctx.kind.kind === 'operative' });
    visitsByContext.set(ctx, visits);
    // a report's own event is its study or procedure, not a visit ("PROCEDURE PERFORMED: ...")
    const encounters = new Map<NoteVisit, Mention | null>();
    for (const visit of visits) encounters.set(visit, ctx.kind.group !== 'report' ? addOwnEncounter(ctx, mentions, visit) : null);
    // a study report's unheaded text is its findings
    const study = isStudyReport(ctx);
    for (const m of mentions) {
      const visit = visitAt(visits, m.sentence.index);
      if (!visit) continue;
      // reported at this visit: what the note records today, and what its history tells
      const own = encounters.get(visit);
      if (own && m !== own && m.type !== 'encounter') m.encounter = own;
      if (!isCurrentSection(m.sentence) && !(study && m.sentence.section === null)) {
        // told at this visit: "He had medial branch blocks which helped."
        if (m.reportedOn === null && visit.date && !(m.type === 'encounter' && m.date === visit.date)) m.reportedOn = visit.date;
        continue;
      }
      // a date in the exam does not move the visit ("exam unchanged from 03/21/05")
      m.setsContext = false;
      m.facts.noteVisit = true;
      if (m.date === null && m.dating === 'inherit' && visit.date) {
        m.date = visit.date;
        m.dateText = visit.dateText;
        m.dateCertainty = 'inherited';
        m.dateRule = visit.rule;
      }
      if (m.reportedOn === null && visit.date && !(m.type === 'encounter' && m.date === visit.date)) m.reportedOn = visit.date;
    }
    return mentions;
  },
};

/** The visit's encounter event: the one already read from its sentence, or a new one. */
function addOwnEncounter(ctx: ExtractContext, mentions: Mention[], visit: NoteVisit): Mention | null {
  const sentence = visit.sentence ?? (visit.from === 0 ? openingSentence(ctx) : null);
  if (!sentence) return null;
  const dated = { date: visit.date, dateText: visit.dateText, dateCertainty: visit.date ? ('explicit' as const) : null, dateRule: visit.rule };
  const own = mentions.find((m) => m.type === 'encounter' && m.sentence === sentence && (m.date === visit.date || m.date === null));
  if (own) {
    own.facts.ownVisit = true;
    if (!own.date && visit.date) Object.assign(own, dated);
    return own;
  }
  const labelled = visit.date ? mentions.find((m) => m.type === 'encounter' && m.date === visit.date && m.dateRule === 'label') : undefined;
  if (labelled) return labelled;
  const span = visit.sentence ? { start: visit.start, end: visit.end } : { start: sentence.start, end: sentence.end };
  const m = newMention(sentence, { type: 'encounter', rule: visit.rule, ...span, ...dated, facts: { ownVisit: true } });
  // in sentence order, before the mentions of the same sentence
  const at = mentions.findIndex((x) => x.sentence.index >= sentence.index);
  mentions.splice(at < 0 ? mentions.length : at, 0, m);
  return m;
}
