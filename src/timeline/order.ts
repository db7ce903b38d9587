// Timeline order: by date, a partial date ("2016-12") before the days of its month; undated events
// sit with the visit they were reported at, after that visit's own events; the rest keep document order.
import type { TimelineEvent } from '../schema.js';

export function sortKey(date: string | null): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  return `${y}-${m ?? '00'}-${d ?? '00'}`;
}

export function orderEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  const indexed = events.map((e, i) => ({ e, i }));
  const key = (e: TimelineEvent): [string, number] => {
    if (e.date) return [sortKey(e.date), 0];
    if (e.reportedOn) return [sortKey(e.reportedOn), 1];
    return ['\uffff', 2];
  };
  indexed.sort((a, b) => {
    const [ka, ra] = key(a.e);
    const [kb, rb] = key(b.e);
    if (ka !== kb) return ka < kb ? -1 : 1;
    if (ra !== rb) return ra - rb;
    return a.i - b.i;
  });
  return indexed.map((x) => x.e);
}
