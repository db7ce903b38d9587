// Bundle job (the parent of a flow): runs once every document job has finished or finally failed.
// Collects the saved document results in bundle order, builds the timeline and writes it in one
// transaction (saveTimeline replaces the bundle's previous one whole, so a retry or
// a reprocessing never leaves two). A document whose job failed without saving anything (its
// original missing, or every attempt crashed) is listed with an "unreadable" error.
import { UNCLASSIFIED } from '../src/model/document-kind.js';
import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import { documentId } from '../src/ingest/ingest-document.js';
import { loadPatterns } from '../src/patterns/load-patterns.js';
import { buildTimeline, type DocumentResult } from '../src/pipeline.js';
import { referenceDay } from '../src/reference-day.js';
import { BundleJobDataSchema, type BundleJobResult, type JobProgress } from '../src/queue/job-schemas.js';
import type { Store, StoredDocumentResult } from '../src/store/store.js';
import type { PipelineThreadPool } from '../src/queue/pipeline-thread-pool.js';

/**
 * Past this many events the timeline is built on a pipeline thread: 5 MB of notes (72,000 events)
 * took 4 s of checks and merging, and under `serve` that held the thread answering HTTP (/healthz
 * took 32 s) and renewing job locks. Below it copying the events to a thread costs more than the work.
 */
export const BIG_BUNDLE_EVENTS = 20_000;

export interface BundleJobDeps {
  store: Store;
  /** builds big bundles' timelines off this thread */
  pool?: PipelineThreadPool;
}

export function createBundleJobProcessor(deps: BundleJobDeps): (job: Job) => Promise<BundleJobResult> {
  return async (job) => {
    const parsed = BundleJobDataSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid bundle job ${job.id}: ${z.prettifyError(parsed.error)}`);
    const d = parsed.data;
    const progress = (percent: number, stage: string) => job.updateProgress({ percent, stage } satisfies JobProgress);

    const t0 = performance.now();
    await progress(5, 'collecting documents');
    // keys look like "chartline:documents:d-<bundle>-<sha256>"; the sha256 is the last 64 characters
    const failures = new Map(Object.entries(await job.getIgnoredChildrenFailures()).map(([key, reason]) => [key.slice(-64), reason]));
    const stored = await deps.store.loadDocumentResults(d.bundleId);
    const documents = d.documents.map((doc) => documentResultFor(doc, stored.get(doc.sha256), failures.get(doc.sha256)));

    const t1 = performance.now();
    await progress(30, 'building timeline');
    // On this thread for ordinary bundles: the checks and the merge are linear in events (tens of ms
    // for 500 pages), and copying every document's events to a pipeline thread and the timeline back
    // cost more than the work. A big one goes to a pipeline thread (BIG_BUNDLE_EVENTS).
    const events = documents.reduce((n, r) => n + r.events.length, 0);
    const timeline =
      deps.pool && events > BIG_BUNDLE_EVENTS
        ? await deps.pool.buildTimeline({ bundle: d.name, documents, referenceDate: d.referenceDate })
        : buildTimeline(d.name, documents, { patterns: loadPatterns(), referenceDate: referenceDay(d.referenceDate) });

    const t2 = performance.now();
    await progress(80, 'storing timeline');
    await deps.store.saveTimeline({ bundleId: d.bundleId, timeline, referenceDate: d.referenceDate });
    await progress(100, 'done');
    const t3 = performance.now();
    const ms = { collect: Math.round(t1 - t0), build: Math.round(t2 - t1), store: Math.round(t3 - t2) };
    return { documents: timeline.documents.length, events: timeline.events.length, flags: timeline.flags.length, ms };
  };
}

function documentResultFor(doc: { sha256: string; name: string }, stored: StoredDocumentResult | undefined, failure: string | undefined): DocumentResult {
  if (stored?.result) {
    const { result } = stored;
    // the same file given twice under two names is read once; each entry keeps its own name
    const info = result.info.name === doc.name ? result.info : { ...result.info, name: doc.name };
    return { ...result, info, pages: [] };
  }
  const reason = failure ?? stored?.error ?? 'it was not processed';
  return {
    info: { id: documentId(doc.sha256), name: doc.name, pages: 0, sha256: doc.sha256, kind: UNCLASSIFIED, errors: [{ code: 'unreadable', message: `${doc.name}: could not be processed: ${reason}` }] },
    events: [],
    fingerprints: [],
    pages: [],
    stageMs: { ingest: 0, extract: 0 },
  };
}
