// What the pipeline knows of one document once it is read: the unit the timeline, the checks, the
// queue and the store pass around (JSON-serialisable: it travels in queue jobs and database rows).
import type { DocumentInfo, TimelineEvent } from '../schema.js';
import type { PageFingerprint } from './page-fingerprint.js';

export interface PageText {
  num: number;
  text: string;
}

/** Everything the timeline and the checks need from one document; JSON-serialisable for queue jobs. */
export interface DocumentResult {
  info: DocumentInfo;
  events: TimelineEvent[];
  fingerprints: PageFingerprint[];
  /** the clean page texts every source offset refers to (kept for storage and the source viewer) */
  pages: PageText[];
  /**
   * ms per stage for this document. extract: the extraction rules; text and dates: the analysis they
   * read (absent in results stored before they were measured apart).
   */
  stageMs: { ingest: number; extract: number; text?: number; dates?: number; fingerprint?: number };
}
