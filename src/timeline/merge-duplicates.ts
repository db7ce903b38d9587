// The same fact stated in several places becomes one event with every source kept:
// - the injury: "Date of Injury: 10/17/2016" in the header, "sustained an industrial injury on
//   10-17-2016" in the summary and again in the rationale;
// - the same sentence in two documents of a bundle (a report attached twice, a page re-faxed).
import type { TimelineEvent } from '../schema.js';

const normalized = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

export function mergeDuplicates(events: readonly TimelineEvent[]): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  const byKey = new Map<string, TimelineEvent>();
  for (const e of events) {
    const key = e.type === 'injury' && e.date ? `injury|${e.date}` : `${e.type}|${e.date ?? ''}|${normalized(e.source.quote)}`;
    const prev = byKey.get(key);
    if (!prev) {
      const copy = { ...e, sources: [...e.sources] };
      byKey.set(key, copy);
      out.push(copy);
      continue;
    }
    for (const s of e.sources) {
      if (!prev.sources.some((p) => p.document === s.document && p.page === s.page && p.start === s.start && p.end === s.end)) prev.sources.push(s);
    }
    // the explicit statement is the better primary source
    if (prev.dateCertainty !== 'explicit' && e.dateCertainty === 'explicit') {
      prev.dateText = e.dateText;
      prev.dateCertainty = e.dateCertainty;
    }
  }
  return out;
}
