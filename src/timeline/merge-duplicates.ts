// The same fact stated in several places becomes one event with every source kept:
// - the injury: "Date of Injury: 10/17/2016" in the header, "sustained an industrial injury on
//   10-17-2016" in the summary and again in the rationale;
// - the same sentence in two documents of a bundle (a report attached twice, a page re-faxed).
import type { Source, TimelineEvent } from '../schema.js';

const normalized = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const sourceKey = (s: Source): string => `${s.document}:${s.page}:${s.start}:${s.end}`;

export function mergeDuplicates(events: readonly TimelineEvent[]): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  // per merged event, the sources it already has: a fact stated on every page of a long bundle
  // ("Date of Injury: ..." in each report) must not make merging quadratic
  const byKey = new Map<string, { event: TimelineEvent; seen: Set<string> }>();
  for (const e of events) {
    const key = e.type === 'injury' && e.date ? `injury|${e.date}` : `${e.type}|${e.date ?? ''}|${normalized(e.source.quote)}`;
    const prev = byKey.get(key);
    if (!prev) {
      const copy = { ...e, sources: [...e.sources] };
      byKey.set(key, { event: copy, seen: new Set(copy.sources.map(sourceKey)) });
      out.push(copy);
      continue;
    }
    for (const s of e.sources) {
      const k = sourceKey(s);
      if (prev.seen.has(k)) continue;
      prev.seen.add(k);
      prev.event.sources.push(s);
    }
    // the explicit statement is the better primary source
    if (prev.event.dateCertainty !== 'explicit' && e.dateCertainty === 'explicit') {
      prev.event.dateText = e.dateText;
      prev.event.dateCertainty = e.dateCertainty;
    }
  }
  return out;
}
