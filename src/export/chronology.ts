// The reviewer's chronology: one row per encounter or report — its date, provider, facility, the kind
// of document, a one-line summary and the pages it cites — with everything reported at it (findings,
// imaging, diagnoses, treatment, plans, decisions) folded underneath. The web page, the print view and
// every export (Word, Excel, PDF, CSV, JSON) are made from this one structure.
//
// Rows come from the events themselves:
//  - an event with `encounterId` belongs to that encounter's row (the encounter event heads it, with
//    its provider and facility);
//  - otherwise to the row of its document and the visit it was reported at (`reportedOn`, else its own
//    date): the 08/25/14 consult's exam, impression and plan are one row, and the 02/12/14 MRI it
//    reviews sits in that row too, under "earlier dates";
//  - an event with neither date nor reporting visit goes to the visit whose text it is in: the row of
//    the nearest event before it in its document (else after it); a document with no dated event at
//    all is one undated row.
import { createHash } from 'node:crypto';
import { isReviewKind } from '../model/document-kind.js';
import type { DocumentInfo, EventType, Flag, Timeline, TimelineEvent } from '../schema.js';
import { clip, DOCUMENT_KIND_LABELS, usDate } from './format.js';

export const ITEM_GROUPS = ['finding', 'imaging', 'diagnosis', 'treatment', 'plan', 'decision', 'visit'] as const;
export type ItemGroup = (typeof ITEM_GROUPS)[number];

export const ITEM_GROUP_LABELS: Record<ItemGroup, string> = {
  finding: 'Findings',
  imaging: 'Imaging and tests',
  diagnosis: 'Diagnoses',
  treatment: 'Procedures and treatment',
  plan: 'Plan and requests',
  decision: 'Decisions',
  visit: 'Visit and history',
};

const GROUP_OF_TYPE: Record<EventType, ItemGroup> = {
  exam_finding: 'finding',
  imaging: 'imaging',
  test: 'imaging',
  diagnosis: 'diagnosis',
  procedure: 'treatment',
  therapy: 'treatment',
  medication: 'treatment',
  plan: 'plan',
  referral: 'plan',
  determination: 'decision',
  encounter: 'visit',
  injury: 'visit',
  other: 'visit',
};

export interface ChronologyItem {
  event: TimelineEvent;
  /** position in timeline.events */
  index: number;
  group: ItemGroup;
  /** the record's words, whitespace flattened */
  text: string;
  /** the event's own date when it is not the row's (an earlier study reviewed at the visit) */
  otherDate: string | null;
  /** no date of its own: placed at the visit it was reported at */
  undated: boolean;
  /** an abnormal or present finding, a positive sign (for ordering and marking) */
  abnormal: boolean;
  flagIds: string[];
}

export interface ChronologyRow {
  /** stable across renderings of the same timeline, e.g. "r-3f9a0c21b7" */
  id: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY; null for a document with no dated event */
  date: string | null;
  document: { id: string; name: string; kind: DocumentInfo['kind']['kind'] | null; pages: number };
  /** what the row is: the document's kind when known ("Consultation"), else read from its events ("Imaging") */
  kind: string;
  provider: string | null;
  facility: string | null;
  /** one line: what was seen or done, the chief finding, what was requested or decided */
  summary: string;
  /** the encounter event heading the row, when the timeline links events to encounters */
  encounterId: string | null;
  /** a review letter's account of a visit documented elsewhere */
  account: boolean;
  /** the pages of its document the row cites, ascending */
  pages: number[];
  items: ChronologyItem[];
  counts: Record<ItemGroup, number>;
  flagIds: string[];
  /** lower-case text of the row and its items, for search */
  searchText: string;
}

export interface Chronology {
  rows: ChronologyRow[];
  events: number;
  /** first and last dated row */
  from: string | null;
  to: string | null;
}

const QUOTE_LABEL = /^(?:Injury|Visit|Procedure|Imaging|Test|Exam|Therapy|Medication|Referral|Plan|Decision|Diagnosis|Other): /;

/** the event's words: its whole quote, flattened (the summary is cut at 180 characters) */
export function eventText(e: TimelineEvent): string {
  const quote = e.source.quote.replace(/\s+/g, ' ').trim();
  return quote || e.summary.replace(QUOTE_LABEL, '');
}

function isAbnormal(e: TimelineEvent): boolean {
  return (e.findings ?? []).some((f) => (f.polarity === 'abnormal' || f.polarity === 'present') && f.assertion === 'present' && !f.reported);
}

interface Draft {
  key: string;
  date: string | null;
  documentId: string;
  encounter: TimelineEvent | null;
  items: ChronologyItem[];
  first: number;
}

export function buildChronology(timeline: Pick<Timeline, 'documents' | 'events' | 'flags'>): Chronology {
  const docs = new Map(timeline.documents.map((d, i) => [d.id, { info: d, order: i }]));
  const flagsByEvent = new Map<string, string[]>();
  for (const f of timeline.flags) for (const id of f.eventIds) (flagsByEvent.get(id) ?? flagsByEvent.set(id, []).get(id))?.push(f.id);
  const encounters = new Map(timeline.events.filter((e) => e.type === 'encounter').map((e) => [e.id, e]));
  // when extraction links events to encounters, every encounter heads its own row
  const linked = new Set(timeline.events.map((e) => e.encounterId).filter((id): id is string => !!id && encounters.has(id)));

  // an event no link places, reported at a date a linked encounter of its document has, joins that
  // encounter's row (a second "Date of Service …" line over the same visit, a header block)
  const encounterOfDay = new Map<string, string>();
  for (const id of linked) {
    const enc = encounters.get(id) as TimelineEvent;
    const day = enc.date ?? enc.reportedOn;
    if (day && !encounterOfDay.has(`${enc.source.document}|${day}`)) encounterOfDay.set(`${enc.source.document}|${day}`, id);
  }
  const drafts = new Map<string, Draft>();
  const draftOf = (key: string, date: string | null, documentId: string, index: number, encounter: TimelineEvent | null): Draft => {
    let d = drafts.get(key);
    if (!d) {
      d = { key, date, documentId, encounter, items: [], first: index };
      drafts.set(key, d);
    }
    return d;
  };
  const item = (e: TimelineEvent, index: number, rowDate: string | null): ChronologyItem => ({
    event: e,
    index,
    group: GROUP_OF_TYPE[e.type] ?? 'visit',
    text: eventText(e),
    otherDate: e.date && e.date !== rowDate ? e.date : null,
    undated: e.date === null,
    abnormal: isAbnormal(e),
    flagIds: flagsByEvent.get(e.id) ?? [],
  });

  // events placed by encounter or by date; the rest wait for their neighbours
  const placedRow = new Map<number, Draft>();
  const waiting: number[] = [];
  timeline.events.forEach((e, index) => {
    const sameDay = !e.encounterId && (e.reportedOn ?? e.date) ? encounterOfDay.get(`${e.source.document}|${e.reportedOn ?? e.date}`) : undefined;
    const encId = e.type === 'encounter' && linked.has(e.id) ? e.id : e.encounterId && linked.has(e.encounterId) ? e.encounterId : (sameDay ?? null);
    if (encId) {
      const enc = encounters.get(encId) as TimelineEvent;
      const d = draftOf(`enc:${encId}`, enc.date ?? enc.reportedOn ?? null, enc.source.document, index, enc);
      d.items.push(item(e, index, d.date));
      placedRow.set(index, d);
      return;
    }
    const visit = e.reportedOn ?? e.date;
    if (!visit) {
      waiting.push(index);
      return;
    }
    const d = draftOf(`doc:${e.source.document}|${visit}`, visit, e.source.document, index, null);
    d.items.push(item(e, index, visit));
    placedRow.set(index, d);
  });

  // an undated, unlinked event: the visit whose text it is in (nearest placed event before it in the
  // same document, by page and offset; else the nearest after it)
  const byDocument = new Map<string, number[]>();
  for (const index of placedRow.keys()) {
    const doc = (timeline.events[index] as TimelineEvent).source.document;
    (byDocument.get(doc) ?? byDocument.set(doc, []).get(doc))?.push(index);
  }
  const position = (i: number) => {
    const s = (timeline.events[i] as TimelineEvent).source;
    return s.page * 1e7 + s.start;
  };
  for (const list of byDocument.values()) list.sort((a, b) => position(a) - position(b));
  for (const index of waiting) {
    const e = timeline.events[index] as TimelineEvent;
    const candidates = byDocument.get(e.source.document) ?? [];
    const at = position(index);
    let chosen: number | undefined;
    for (const c of candidates) {
      if (position(c) <= at) chosen = c;
      else {
        chosen ??= c;
        break;
      }
    }
    const d = chosen !== undefined ? (placedRow.get(chosen) as Draft) : draftOf(`doc:${e.source.document}|undated`, null, e.source.document, index, null);
    d.items.push(item(e, index, d.date));
  }

  foldMentions(drafts, timeline.events);
  const rows = [...drafts.values()].map((d) => finishRow(d, docs.get(d.documentId)?.info));
  const docOrder = (r: ChronologyRow) => docs.get(r.document.id)?.order ?? Number.MAX_SAFE_INTEGER;
  const firstIndex = new Map([...drafts.values()].map((d) => [d.key, d.first]));
  rows.sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date < b.date ? -1 : 1;
    }
    // the visit's own record before another document's account of it
    return Number(a.account) - Number(b.account) || docOrder(a) - docOrder(b) || (firstIndex.get(keyOf(a)) ?? 0) - (firstIndex.get(keyOf(b)) ?? 0);
  });
  const dated = rows.filter((r) => r.date !== null);
  return { rows, events: timeline.events.length, from: dated[0]?.date ?? null, to: dated.at(-1)?.date ?? null };
}

/**
 * Without encounter links, a date a note merely mentions makes a row of its own: "5-23-11: A follow-up
 * visit took place" in a consult's records review, a form's "[X] Periodic Report" dated the last
 * report — and, once extraction links events to encounters, each visit a history list tells of. Such
 * a row — no visit of the note's own, fewer than three statements, not its document's only row — is
 * folded into the visit of its document whose text it is in (the nearest one before it, else after),
 * where its items keep their own date.
 */
function foldMentions(drafts: Map<string, Draft>, events: readonly TimelineEvent[]): void {
  const byDocument = new Map<string, Draft[]>();
  for (const d of drafts.values()) (byDocument.get(d.documentId) ?? byDocument.set(d.documentId, []).get(d.documentId))?.push(d);
  const position = (d: Draft) => Math.min(...d.items.map((i) => i.event.source.page * 1e7 + i.event.source.start));
  // the note's own visit ("Date of Exam: 05/07/14"), not one it tells of ("7-14-11: a follow-up visit
  // took place" in a history list, whose visit is the note's)
  const own = (e: TimelineEvent) => e.type === 'encounter' && (e.reportedOn === null || e.reportedOn === e.date);
  for (const list of byDocument.values()) {
    if (list.length < 2) continue;
    const anchored = list.filter((d) => d.items.length >= 3 || (d.encounter ? own(d.encounter) : d.items.some((i) => own(i.event))));
    if (anchored.length === 0) continue;
    anchored.sort((a, b) => position(a) - position(b));
    for (const d of list) {
      if (anchored.includes(d)) continue;
      const at = position(d);
      let host = anchored[0] as Draft;
      for (const a of anchored) if (position(a) <= at) host = a;
      for (const i of d.items) host.items.push({ ...i, otherDate: i.event.date && i.event.date !== host.date ? i.event.date : (i.otherDate ?? (d.date !== host.date ? d.date : null)) });
      host.first = Math.min(host.first, d.first);
      drafts.delete(d.key);
    }
  }
  void events;
}

const rowKeys = new WeakMap<ChronologyRow, string>();
function keyOf(r: ChronologyRow): string {
  return rowKeys.get(r) ?? r.id;
}

function finishRow(d: Draft, doc: DocumentInfo | undefined): ChronologyRow {
  // within a row: the groups in reading order, abnormal findings first, then the record's order
  const rank = new Map(ITEM_GROUPS.map((g, i) => [g, i]));
  d.items.sort(
    (a, b) => (rank.get(a.group) ?? 0) - (rank.get(b.group) ?? 0) || Number(b.abnormal) - Number(a.abnormal) || Number(a.otherDate !== null) - Number(b.otherDate !== null) || a.index - b.index,
  );
  const counts = Object.fromEntries(ITEM_GROUPS.map((g) => [g, 0])) as Record<ItemGroup, number>;
  for (const i of d.items) counts[i.group]++;
  const docKind = doc?.kind?.kind ?? d.items[0]?.event.documentKind ?? null;
  const enc = d.encounter ?? d.items.find((i) => i.event.type === 'encounter' && (i.event.provider || i.event.facility))?.event ?? null;
  const decided = d.items.some((i) => i.event.type === 'determination' || i.event.decision);
  const row: ChronologyRow = {
    id: `r-${createHash('sha1').update(d.key).digest('hex').slice(0, 10)}`,
    date: d.date,
    document: { id: d.documentId, name: doc?.name ?? d.documentId, kind: docKind, pages: doc?.pages ?? 0 },
    kind: rowKind(docKind, d.items),
    provider: enc?.provider ?? firstOf(d.items, (e) => e.provider),
    facility: enc?.facility ?? firstOf(d.items, (e) => e.facility),
    summary: rowSummary(d.items, d.date),
    encounterId: d.encounter?.id ?? null,
    account: isReviewKind(docKind ?? undefined) && !decided,
    pages: [...new Set(d.items.flatMap((i) => [i.event.source.page]))].sort((a, b) => a - b),
    items: d.items,
    counts,
    flagIds: [...new Set(d.items.flatMap((i) => i.flagIds))],
    searchText: '',
  };
  // the same fields the page's script searches: date, kind, provider, facility, document, summary, statements and their dates
  row.searchText = [usDate(row.date), row.kind, row.provider, row.facility, row.document.name, row.summary, ...d.items.map((i) => (i.otherDate ? `${usDate(i.otherDate)} ${i.text}` : i.text))]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
  rowKeys.set(row, d.key);
  return row;
}

function firstOf(items: readonly ChronologyItem[], pick: (e: TimelineEvent) => string | null | undefined): string | null {
  for (const i of items) {
    const v = pick(i.event);
    if (v) return v;
  }
  return null;
}

/** the document's kind when classified; else what the row's events are mostly about */
function rowKind(kind: DocumentInfo['kind']['kind'] | null, items: readonly ChronologyItem[]): string {
  if (kind && kind !== 'other') return DOCUMENT_KIND_LABELS[kind];
  const n = (types: EventType[]) => items.filter((i) => types.includes(i.event.type) && i.otherDate === null).length;
  const total = Math.max(1, items.filter((i) => i.otherDate === null).length);
  const exam = n(['exam_finding']);
  if (n(['determination']) > 0 && exam === 0) return 'Determination';
  if (n(['imaging', 'test']) / total >= 0.5 && exam <= 1) return 'Imaging';
  if (items.some((i) => i.event.sectionCategory === 'procedure' && i.otherDate === null) && n(['procedure']) >= 2) return 'Procedure';
  if (
    (n(['therapy']) / total >= 0.3 && items.some((i) => /\btherap|\bPT\b/i.test(i.text))) ||
    items.some((i) => i.otherDate === null && /\bTherapist:|\b(?:PT|physical therapy|occupational therapy) (?:daily note|re-?evaluation|visit)\b/i.test(i.text))
  )
    return 'Therapy';
  if (n(['encounter']) > 0 || exam > 0) return 'Visit';
  return 'Record';
}

/**
 * Form furniture that reads badly as a summary: a header block of labels ("Date of Service: 2011-05-26
 * Visit: 1 of 8 Therapist: …"), check boxes ("[X] Periodic Report [ ] Change in work status"), a
 * letterhead's address and telephone.
 */
export function isFormText(text: string): boolean {
  if (/^\s*(?:\[[ xX]?\]|☐|☒|☑)/.test(text)) return true;
  // a letterhead: "6780 N. Palm Avenue, Suite 110, Fresno, CA 93704 Tel (559) 555-0133"
  if (/\b(?:Tel|Fax|Phone)\b\.?:?\s*\(?\d{3}\)?[\s.-]?\d{3}-\d{4}/i.test(text)) return true;
  const labels = text.match(/(?:^|\s)[A-Z][A-Za-z/()&. -]{1,28}:\s/g) ?? [];
  return labels.length >= 2 && /^\s*[A-Z][A-Za-z/()&. -]{1,28}:\s/.test(text);
}

function distinctTexts(items: readonly ChronologyItem[], max: number, each: number): string[] {
  const out: string[] = [];
  for (const i of items) {
    if (isFormText(i.text)) continue;
    const t = clip(i.text.replace(/^(?:Impression|Assessment|Diagnos[ie]s|Plan|Exam|Procedure|Procedures? performed)\s*:\s*/i, '').replace(/^\d+\.\s+/, ''), each);
    // "…stenosis." and "…strain." joined by "; " read better without their full stops
    const bare = t.replace(/\.$/, '');
    if (bare && !out.some((o) => o === bare)) out.push(bare);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * One line: the study or procedure done, the chief finding (an impression, a diagnosis, or else the
 * abnormal findings), what was planned or requested, and a decision — e.g. "Dx: Lumbar facet
 * arthropathy, L5-S1 · Abnormal: 4+/5 weakness left tibialis anterior · Plan: Repeat MRI of the lumbar spine".
 */
export function rowSummary(items: readonly ChronologyItem[], date: string | null): string {
  const own = items.filter((i) => i.otherDate === null);
  const parts: string[] = [];
  const done = own.filter(
    (i) =>
      ((i.event.type === 'procedure' && i.event.sectionCategory === 'procedure') || (i.event.type === 'imaging' && (i.event.sectionCategory === 'exam' || i.event.sectionCategory === null))) &&
      !/^(?:exam |date of )?(?:date|procedure date)\b/i.test(i.text),
  );
  const impressions = own.filter((i) => (i.event.type === 'imaging' || i.event.type === 'test') && i.event.sectionCategory === 'assessment');
  const diagnoses = own.filter((i) => i.event.type === 'diagnosis' && i.event.assertion === 'present');
  const abnormal = own.filter((i) => i.event.type === 'exam_finding' && i.abnormal);
  // the plan section's own words first ("Repeat MRI of the lumbar spine"), then plans told elsewhere
  const plans = own
    .filter(
      (i) =>
        (i.event.type === 'plan' || i.event.type === 'referral' || (i.event.services ?? []).some((s) => s.status === 'requested' || s.status === 'planned')) && i.event.sectionCategory !== 'history',
    )
    .sort((a, b) => Number(b.event.sectionCategory === 'plan') - Number(a.event.sectionCategory === 'plan') || a.index - b.index);
  const decisions = own.filter(
    (i) =>
      i.event.type === 'determination' && (i.event.decision || i.event.sectionCategory === 'decision' || /\b(?:upheld|overturned|denied|non-?certified|certified|approved|modified)\b/i.test(i.text)),
  );
  const therapy = own.filter((i) => i.event.type === 'therapy');

  const first = (xs: ChronologyItem[], label: string, max = 1, each = 110) => {
    const texts = distinctTexts(xs, max, each);
    if (texts.length) parts.push(`${label}${texts.join('; ')}`);
  };
  first(done, '', 1, 100);
  if (impressions.length) first(impressions, 'Impression: ', 2, 90);
  else if (diagnoses.length) first(diagnoses, 'Dx: ', 2, 80);
  if (abnormal.length) first(abnormal, 'Exam: ', 2, 80);
  if (!parts.length && therapy.length) first(therapy, '', 1, 110);
  first(plans, 'Plan: ', 2, 90);
  first(decisions, 'Decision: ', 1, 110);
  if (!parts.length) {
    // nothing typed stands out: the first words of the visit itself
    const lead = own.find((i) => i.event.type !== 'encounter' || !/^date/i.test(i.text)) ?? items[0];
    if (lead) parts.push(clip(lead.text, 140));
  }
  const line = parts.join(' · ');
  return line ? clip(line, 300) : date ? 'Record of this date' : 'Undated record';
}

/** flags concerning a row, in the timeline's order */
export function rowFlags(row: ChronologyRow, flags: readonly Flag[]): Flag[] {
  const ids = new Set(row.flagIds);
  return flags.filter((f) => ids.has(f.id));
}
