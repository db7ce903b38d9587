// Shared by the extraction and check tests: plain text through the whole real pipeline
// (ingest → sections → sentences → dates → extractors → refiners → events), against a fixed "today".
import { buildTimeline, processDocument, type DocumentResult } from '../../src/pipeline.js';
import { loadPatterns } from '../../src/patterns/load-patterns.js';
import type { EventType, Timeline, TimelineEvent } from '../../src/schema.js';

export const patterns = loadPatterns();
export const REFERENCE_DATE = new Date('2020-06-01T12:00:00Z');

/** One plain-text document (form feeds separate pages) through ingest and extraction. */
export function processText(text: string, name = 'note.txt'): Promise<DocumentResult> {
  return processDocument({ name, data: new TextEncoder().encode(text) }, { referenceDate: REFERENCE_DATE, patterns });
}

export async function eventsOf(text: string): Promise<TimelineEvent[]> {
  return (await processText(text)).events;
}

/** Several documents (note-1.txt, note-2.txt, ...) → one timeline with the checks run. */
export async function timelineOf(...texts: string[]): Promise<Timeline> {
  const docs = await Promise.all(texts.map((t, i) => processText(t, `note-${i + 1}.txt`)));
  return buildTimeline('test-bundle', docs, { referenceDate: REFERENCE_DATE, patterns });
}

/** One line per event, for readable failure messages. */
export function describeEvents(events: readonly TimelineEvent[]): string[] {
  return events.map((e) => `${e.type} ${e.date ?? 'undated'} (${e.dateCertainty ?? '-'}, reported ${e.reportedOn ?? '-'}, ${e.assertion}, ${e.rule}): ${e.source.quote}`);
}

/** The fields a table row states about an event. */
export interface Expected {
  type: EventType;
  date: string | null;
  dateCertainty?: TimelineEvent['dateCertainty'];
  reportedOn?: string | null;
  assertion?: TimelineEvent['assertion'];
  dateText?: string | null;
}

/** The one event of `type` whose quote contains `quotePart`; fails with the list of events otherwise. */
export function eventWith(events: readonly TimelineEvent[], type: EventType, quotePart: string): TimelineEvent {
  const found = events.filter((e) => e.type === type && e.source.quote.includes(quotePart));
  if (found.length !== 1) {
    throw new Error(`expected one ${type} event quoting ${JSON.stringify(quotePart)}, found ${found.length}:\n  ${describeEvents(events).join('\n  ')}`);
  }
  return found[0] as TimelineEvent;
}

/** The fields of `e` that `expected` names, for toEqual. */
export function pick(e: TimelineEvent, expected: Expected): Expected {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(expected)) out[k] = e[k as keyof TimelineEvent];
  return out as unknown as Expected;
}

export function ofType(events: readonly TimelineEvent[], type: EventType): TimelineEvent[] {
  return events.filter((e) => e.type === type);
}
