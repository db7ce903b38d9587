// The timeline page's structure: events grouped by date (the day, month or year they carry), then by
// encounter — the document that reports them — in timeline order. An undated event sits in the group
// of the visit it was reported at (reportedOn), after that visit's dated events; one with neither
// goes to a last "undated" group.
import type { Timeline, TimelineEvent } from '../schema.js';

export interface GroupedEvent {
  event: TimelineEvent;
  /** position in timeline.events */
  index: number;
  /** no date of its own: placed by reportedOn (or at the end) */
  undated: boolean;
}

export interface EncounterGroup {
  /** document id (source.document) */
  document: string;
  documentName: string;
  events: GroupedEvent[];
}

export interface DateGroup {
  /** YYYY-MM-DD, YYYY-MM or YYYY; null for events with no date and no reporting visit */
  date: string | null;
  encounters: EncounterGroup[];
  size: number;
}

export function groupTimeline(timeline: Pick<Timeline, 'events' | 'documents'>): DateGroup[] {
  const names = new Map(timeline.documents.map((d) => [d.id, d.name]));
  const groups = new Map<string, DateGroup>();
  const order: string[] = [];
  timeline.events.forEach((event, index) => {
    const date = event.date ?? event.reportedOn ?? null;
    const key = date ?? '\uffff';
    let group = groups.get(key);
    if (!group) {
      group = { date, encounters: [], size: 0 };
      groups.set(key, group);
      order.push(key);
    }
    const doc = event.source.document;
    let enc = group.encounters.find((e) => e.document === doc);
    if (!enc) {
      enc = { document: doc, documentName: names.get(doc) ?? doc, events: [] };
      group.encounters.push(enc);
    }
    enc.events.push({ event, index, undated: event.date === null });
    group.size++;
  });
  // the timeline is already date-ordered; keep that order, with the undated group last
  const sorted = order.filter((k) => k !== '\uffff');
  if (groups.has('\uffff')) sorted.push('\uffff');
  return sorted.map((k) => {
    const g = groups.get(k) as DateGroup;
    for (const enc of g.encounters) enc.events.sort((a, b) => Number(a.undated) - Number(b.undated) || a.index - b.index);
    return g;
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon 25 Aug 2014", "Aug 2014", "2014" — the date as the record gives it, never more precise */
export function formatPartialDate(date: string | null): string {
  if (!date) return 'Undated';
  const [y, m, d] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return String(y);
  const month = MONTHS[m - 1] ?? String(m);
  if (d === undefined) return `${month} ${y}`;
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday} ${d} ${month} ${y}`;
}
