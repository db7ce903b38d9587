// The visit a treating record is about (what cTAKES calls the document time): the day its exam,
// assessment and plan belong to, whatever dates its history narrates. In order of trust:
//   label        "DATE OF SERVICE: 04/18/05", "DOS: 3/4/15", "Date of Exam: ..." (then discharge, admission)
//   today        "I examined him today, September 14, 2007", "seen in clinic today, 3/4/05"
//   yesterday    "injured yesterday morning, 05/12/2022"  → the visit is the day after
//   report date  "Date: 04/18/05" in the header of a report or letter
//   dictation    "D: 04/18/05 T: 04/20/05" (only when no date of service is given)
//   signature    "Electronically signed by ... on 04/20/05"
// and null when the note never states it: its exam then stays undated rather than taking a history
// date. The words that present the visit ("presents today for follow-up", "is here for an
// independent medical evaluation") give the visit its quote even when they carry no date.
import type { AnalyzedDocument, AnalyzedSentence, SentenceDate } from '../text/analyze.js';
import type { LabelRole } from '../patterns/schemas.js';
import { linkDate } from './link-date.js';

export interface NoteVisit {
  /** the first sentence (index) of the part of the document this visit owns */
  from: number;
  date: string | null;
  dateText: string | null;
  /** how the date was found: "note-visit.label", "note-visit.today", ... ; "note-visit.undated" when none */
  rule: string;
  /** the sentence presenting the visit (where its quote comes from), or null when the note has none */
  sentence: AnalyzedSentence | null;
  /** the words presenting it, document offsets */
  start: number;
  end: number;
}

/** How far into a note the words presenting its visit are looked for: the opening, not a later history. */
const OPENING_SENTENCES = 25;
const LABEL_ORDER: readonly string[] = ['label.date-of-service', 'label.discharge-date', 'label.admission-date'];

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function labelled(analyzed: AnalyzedDocument, role: LabelRole, ids?: readonly string[]): { s: AnalyzedSentence; date: SentenceDate; rule: string } | null {
  for (const id of ids ?? [null]) {
    for (const s of analyzed.sentences) {
      for (const ld of s.labelDates) {
        if (ld.role !== role || (id && ld.rule !== id) || ld.date.precision !== 'day') continue;
        // a dictation or signature date is marked ignored as an event date: that is the point here
        if (ld.date.ignored && ld.date.ignored !== ld.rule) continue;
        return { s, date: ld.date, rule: ld.rule };
      }
    }
  }
  return null;
}

/** A date the opening words of the visit are written against: "seen today, 3/4/05", "On 3/4/05 she presents". */
function presentingDate(s: AnalyzedSentence): SentenceDate | null {
  const cue = s.cuesOf('own_visit')[0];
  if (!cue) return null;
  const link = linkDate(s, cue, { kinds: ['after', 'before', 'frame'] });
  return link && !link.date.relativeTo && link.date.precision === 'day' ? link.date : null;
}

/** "yesterday morning, 05/12/2022", "yesterday (05/12/2022)": the visit is the day after the date. */
function yesterdayDate(s: AnalyzedSentence): SentenceDate | null {
  const m = /\byesterday\b(?:\s+(?:morning|afternoon|evening|night))?[\s,(]*$/i;
  for (const d of s.dates) {
    if (d.ignored || d.precision !== 'day' || d.relativeTo) continue;
    if (m.test(s.text.slice(0, d.start - s.start))) return d;
  }
  return null;
}

/**
 * The visits a treating record holds, in order. A note is one visit; a document that gives several
 * dates of service ("DOS: 02/10/2017 ... Date of Service: 03/24/2017 ...", a therapy log, a PDF of
 * several notes) holds one per date, each owning the text from its label to the next.
 */
/** What kind of record the visit is read from: a study report dates itself by its only date; an operative report by its date of surgery. */
export interface VisitReading {
  studyReport?: boolean;
  operative?: boolean;
}

export function findNoteVisits(analyzed: AnalyzedDocument, reading: VisitReading = {}): NoteVisit[] {
  // "DOS:" labels head visits; failing those, "Date: 12-15-14 Visit: 1 of 12" heads each entry of a
  // therapy log (a report's own "Date of Report:" beside a date of service heads nothing)
  for (const rule of ['label.date-of-service', 'label.report-date']) {
    const heads: { s: AnalyzedSentence; date: SentenceDate }[] = [];
    for (const s of analyzed.sentences) {
      for (const ld of s.labelDates) {
        const usable = !ld.date.ignored || ld.date.ignored === ld.rule;
        if (ld.rule === rule && usable && ld.date.precision === 'day' && heads.at(-1)?.date.value !== ld.date.value) heads.push({ s, date: ld.date });
      }
    }
    if (heads.length === 0) continue;
    if (new Set(heads.map((x) => x.date.value)).size < 2) break;
    return heads.map((x, i) => ({
      from: i === 0 ? 0 : x.s.index,
      date: x.date.value,
      dateText: x.date.text,
      rule: `note-visit.${rule.replace(/^label\./, '')}`,
      sentence: x.s,
      start: x.s.start,
      end: x.date.end,
    }));
  }
  return [findNoteVisit(analyzed, reading)];
}

/** The visit that owns a sentence. */
export function visitAt(visits: readonly NoteVisit[], sentenceIndex: number): NoteVisit | null {
  let found: NoteVisit | null = null;
  for (const v of visits) if (v.from <= sentenceIndex) found = v;
  return found;
}

export function findNoteVisit(analyzed: AnalyzedDocument, reading: VisitReading = {}): NoteVisit {
  const sentences = analyzed.sentences;
  const opening = sentences.slice(0, OPENING_SENTENCES);
  const presenting = opening.find((s) => s.cuesOf('own_visit').length > 0) ?? null;
  const cueSpan = (s: AnalyzedSentence | null): { start: number; end: number } => {
    const cue = s?.cuesOf('own_visit')[0];
    return cue ? { start: cue.start, end: cue.end } : s ? { start: s.start, end: s.end } : { start: 0, end: 0 };
  };
  const visit = (date: SentenceDate | null, value: string | null, rule: string, s: AnalyzedSentence | null, span = cueSpan(s)): NoteVisit => ({
    from: 0,
    date: value,
    dateText: date?.text ?? null,
    rule,
    sentence: s,
    ...span,
  });

  // "Exam Date: 02/12/14", "Date of Study:" — a report's own date
  const label = labelled(analyzed, 'encounter', LABEL_ORDER) ?? (reading.studyReport ? labelled(analyzed, 'imaging') : null) ?? (reading.operative ? labelled(analyzed, 'procedure') : null);
  if (label) return visit(label.date, label.date.value, `note-visit.${label.rule.replace(/^label\./, '')}`, label.s, { start: label.s.start, end: label.date.end });

  for (const s of opening) {
    // "admitted yesterday 03/04/10": the visit is the day after the date
    const y = yesterdayDate(s);
    if (y) return visit(y, dayAfter(y.value), 'note-visit.yesterday', presenting ?? s, presenting ? cueSpan(presenting) : { start: y.start, end: y.end });
    const d = presentingDate(s);
    if (d) return visit(d, d.value, 'note-visit.presenting', s);
  }
  for (const [role, rule] of [
    ['report_date', 'note-visit.report-date'],
    ['dictation', 'note-visit.dictation'],
    ['signature', 'note-visit.signature'],
  ] as const) {
    const found = labelled(analyzed, role);
    if (found) return visit(found.date, found.date.value, rule, presenting ?? found.s, presenting ? cueSpan(presenting) : { start: found.s.start, end: found.date.end });
  }
  // "Electronically signed by ... on 04/20/05": a date the analysis set aside as a signature's
  for (const s of sentences) {
    const d = s.dates.find((x) => x.precision === 'day' && /^before:(?:electronically signed|signed electronically|dated signed|dictated|transcribed)$/.test(x.ignored ?? ''));
    if (d) {
      const rule = /dictated|transcribed/.test(d.ignored ?? '') ? 'note-visit.dictation' : 'note-visit.signature';
      if (rule === 'note-visit.dictation' && /transcribed/.test(d.ignored ?? '')) continue;
      return visit(d, d.value, rule, presenting ?? s, presenting ? cueSpan(presenting) : { start: d.start, end: d.end });
    }
  }
  // a study report whose only full date is when its findings were read or called in ("The findings
  // were reported to Dr. X on 04/30/07 at 1715 hours."): that is the study's day
  if (reading.studyReport) {
    const days = new Map<string, { s: AnalyzedSentence; d: SentenceDate }>();
    for (const s of sentences) for (const d of s.dates) if (!d.ignored && !d.relativeTo && d.precision === 'day' && !s.has('comparison')) days.set(d.value, days.get(d.value) ?? { s, d });
    const only = days.size === 1 ? [...days.values()][0] : undefined;
    if (only) return visit(only.d, only.d.value, 'note-visit.only-date', presenting, { start: only.d.start, end: only.d.end });
  }
  return visit(null, null, 'note-visit.undated', presenting);
}
