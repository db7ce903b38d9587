// Both sides of a flagged discrepancy, quoted. Most checks give evidence for each side ("exam" /
// "discussion", "helped" / "no relief", "original" / "copy"); a chronology flag quotes only the
// statement out of order ("reported as done: 8-15-11: Trigger point injections … performed"), so the
// other side is the visit it was reported at — "visit: 7-19-11: A follow-up visit …" — found among the
// events: the encounter of that document on the flag's date; failing that, the quotes of the events
// the flag names that its evidence does not already quote.
import type { Evidence, Flag, Source, Timeline, TimelineEvent } from '../schema.js';

export interface FlagSide {
  role: string;
  quotes: Source[];
  /** true when the side was found among the events, not given by the check */
  derived: boolean;
}

const same = (a: Source, b: Source) => a.document === b.document && a.page === b.page && a.start === b.start && a.end === b.end;

export function flagSides(flag: Flag, events: Timeline['events'] | ReadonlyMap<string, TimelineEvent>): FlagSide[] {
  const sides: FlagSide[] = [];
  for (const e of flag.evidence) {
    const { role, ...quote } = e as Evidence;
    let side = sides.find((s) => s.role === role);
    if (!side) sides.push((side = { role, quotes: [], derived: false }));
    side.quotes.push(quote);
  }
  if (sides.length !== 1) return sides;
  const list = events instanceof Map ? [...events.values()] : (events as TimelineEvent[]);
  const given = flag.evidence as Source[];
  const doc = given[0]?.document;
  const visit = flag.date ? list.find((e) => e.type === 'encounter' && e.date === flag.date && e.source.document === doc && !given.some((g) => same(g, e.source))) : undefined;
  if (visit) {
    sides.push({ role: 'visit', quotes: [visit.source], derived: true });
    return sides;
  }
  const byId = events instanceof Map ? events : new Map(list.map((e) => [e.id, e]));
  const others = flag.eventIds.map((id) => byId.get(id)?.source).filter((s): s is Source => !!s && !given.some((g) => same(g, s)));
  if (others.length) sides.push({ role: 'events concerned', quotes: others, derived: true });
  return sides;
}
