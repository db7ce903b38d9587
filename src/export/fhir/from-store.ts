// What a FHIR export of a stored bundle needs besides its timeline: the page texts (one copy per
// distinct file in the store), each flag's review state, and when the timeline was made.
import type { Timeline } from '../../schema.js';
import type { Store } from '../../store/store.js';
import { flagKey } from '../../store/timeline-queries.js';
import type { FlagReviewState } from './flags.js';
import type { FhirExportOptions } from './timeline-to-fhir.js';

export interface StoredFhirInput {
  timeline: Timeline;
  options: FhirExportOptions;
}

/** Page texts by document id; a document some page of which is missing gets none (its spans then carry no path). */
async function loadPages(store: Store, timeline: Timeline): Promise<Map<string, string[]>> {
  const bySha = new Map<string, string[] | null>();
  for (const doc of timeline.documents) {
    if (bySha.has(doc.sha256)) continue;
    const stored = await store.getPageTexts(doc.sha256);
    // complete and in order (page n at index n-1), or not used at all
    const texts = stored.every((p, i) => p.num === i + 1) ? stored.map((p) => p.text) : [];
    bySha.set(doc.sha256, texts.length === doc.pages ? texts : null);
  }
  const pages = new Map<string, string[]>();
  for (const doc of timeline.documents) {
    const texts = bySha.get(doc.sha256);
    if (texts) pages.set(doc.id, texts);
  }
  return pages;
}

/**
 * The review state of each flag, in timeline order. Flag records are keyed as saveTimeline keys
 * them: the bundle id and the flag's id, "#2" for a second flag with the same id.
 */
async function loadReviews(store: Store, bundleId: string, timeline: Timeline): Promise<(FlagReviewState | undefined)[]> {
  const seen = new Map<string, number>();
  const out: (FlagReviewState | undefined)[] = [];
  for (const flag of timeline.flags) {
    const n = (seen.get(flag.id) ?? 0) + 1;
    seen.set(flag.id, n);
    const key = flagKey(bundleId, n === 1 ? flag.id : `${flag.id}#${n}`);
    const record = await store.getFlag(key);
    if (!record) {
      out.push(undefined);
      continue;
    }
    const reviews = record.reviews > 0 ? await store.listFlagReviews(key) : [];
    out.push({
      recordId: record.id,
      status: record.status,
      reviews: reviews.map((r) => ({ decision: r.decision, note: r.note, reviewer: r.reviewer, createdAt: r.createdAt })),
    });
  }
  return out;
}

/** Everything timelineToFhir needs for a stored bundle, or null when the bundle has no timeline (yet). */
export async function loadStoredFhirInput(store: Store, bundleId: string, version?: string): Promise<StoredFhirInput | null> {
  const timeline = await store.getTimeline(bundleId);
  const bundle = timeline ? await store.getBundle(bundleId) : null;
  if (!timeline || !bundle) return null;
  return {
    timeline,
    options: {
      pages: await loadPages(store, timeline),
      recorded: bundle.completedAt ?? bundle.updatedAt,
      bundleId,
      flagReviews: await loadReviews(store, bundleId, timeline),
      version,
    },
  };
}
