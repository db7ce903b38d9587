// A refined mention → a timeline event with provenance: document, page, offsets in the page, and
// the exact quote.
import { createHash } from 'node:crypto';
import { locate } from '../ingest/ingest-document.js';
import type { EventType, Source, TimelineEvent } from '../schema.js';
import { readAnatomy } from '../text/anatomy.js';
import { readMeasures } from '../text/measures.js';
import { eventFacts } from './event-facts.js';
import type { ExtractContext, Mention } from './mention.js';

const LABEL: Record<EventType, string> = {
  injury: 'Injury',
  encounter: 'Visit',
  procedure: 'Procedure',
  imaging: 'Imaging',
  test: 'Test',
  exam_finding: 'Exam',
  therapy: 'Therapy',
  medication: 'Medication',
  referral: 'Referral',
  plan: 'Plan',
  determination: 'Decision',
  diagnosis: 'Diagnosis',
  other: 'Other',
};
const SUMMARY_MAX = 180;

export function sourceOf(ctx: ExtractContext, start: number, end: number): Source {
  const doc = ctx.analyzed.doc;
  const { page, pageOffset } = locate(doc.pages, start);
  return { document: doc.id, page, start: pageOffset, end: pageOffset + (end - start), quote: doc.text.slice(start, end) };
}

export function summarize(type: EventType, quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  const body = flat.length <= SUMMARY_MAX ? flat : `${flat.slice(0, flat.lastIndexOf(' ', SUMMARY_MAX - 1))} …`;
  return `${LABEL[type]}: ${body}`;
}

export function eventId(docSha: string, m: Pick<Mention, 'type' | 'quoteStart' | 'quoteEnd' | 'date'>): string {
  return `ev_${createHash('sha1')
    .update(`${docSha}|${m.type}|${m.quoteStart}|${m.quoteEnd}|${m.date ?? ''}`)
    .digest('hex')
    .slice(0, 16)}`;
}

/**
 * A mention read through a misspelled word (src/patterns/fuzzy.ts): a corrected word among the words
 * that triggered it, a finding that records one, or a service of its quote matched through one.
 */
function readThroughCorrection(m: Mention): boolean {
  const s = m.sentence;
  if (m.findings.some((f) => f.corrected)) return true;
  if (s.tokens.some((t) => t.corrected && t.start >= m.start && t.end <= m.end)) return true;
  return s.services.some((sv) => sv.corrected && sv.start >= m.quoteStart && sv.end <= m.quoteEnd);
}

export function mentionToEvent(ctx: ExtractContext, m: Mention): TimelineEvent {
  const doc = ctx.analyzed.doc;
  const source = sourceOf(ctx, m.quoteStart, m.quoteEnd);
  const span = doc.text.slice(m.quoteStart, m.quoteEnd);
  const tokens = m.sentence.tokens.filter((t) => t.start >= m.quoteStart && t.end <= m.quoteEnd);
  const anatomy = readAnatomy(span, tokens, m.quoteStart, ctx.patterns);
  return {
    id: eventId(doc.sha256, m),
    type: m.type,
    date: m.date,
    dateText: m.dateText,
    dateCertainty: m.date ? m.dateCertainty : null,
    reportedOn: m.reportedOn,
    summary: summarize(m.type, source.quote),
    section: m.sentence.section?.name ?? null,
    sectionCategory: m.narratedPart ?? m.sentence.section?.category ?? null,
    assertion: m.assertion,
    anatomy: { bodyParts: anatomy.bodyParts, side: anatomy.side, levels: anatomy.levels },
    measures: readMeasures(span),
    findings: m.findings.map(({ start, end, ...f }) => {
      const at = locate(doc.pages, start);
      return { ...f, page: at.page, span: { start: at.pageOffset, end: at.pageOffset + (end - start) } };
    }),
    ...eventFacts(ctx, m),
    documentKind: ctx.kind.kind,
    encounterId: m.encounter ? eventId(doc.sha256, m.encounter) : null,
    provider: m.type === 'encounter' && typeof m.facts.provider === 'string' ? m.facts.provider : null,
    facility: m.type === 'encounter' && typeof m.facts.facility === 'string' ? m.facts.facility : null,
    rule: readThroughCorrection(m) ? `${m.rule}>fuzzy` : m.rule,
    source,
    sources: [source],
  };
}
