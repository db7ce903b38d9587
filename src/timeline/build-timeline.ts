// Events of every document in a bundle → one ordered timeline, then the discrepancy checks.
import type { DocumentInfo, Flag, Timeline, TimelineEvent } from '../schema.js';
import { mergeDuplicates } from './merge-duplicates.js';
import { orderEvents } from './order.js';

export interface DocumentEvents {
  info: DocumentInfo;
  events: TimelineEvent[];
}

export function assembleTimeline(bundle: string, documents: readonly DocumentEvents[], flags: Flag[] = []): Timeline {
  const events = orderEvents(mergeDuplicates(documents.flatMap((d) => d.events)));
  return { bundle, documents: documents.map((d) => d.info), events, flags };
}
