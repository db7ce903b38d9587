// Document job (a child of a bundle flow): the original, by sha256 → processDocument in a pipeline
// thread → saved by upsert keyed on (bundle, sha256), so a retry or a second run after a crash
// rewrites the same row. A file that cannot be read (corrupt, encrypted, not a PDF) is saved with
// its error and then fails the job with UnrecoverableError: no retries, the queue shows it failed,
// and the bundle still completes, listing that file's error as `chartline process` would.
import { existsSync } from 'node:fs';
import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import type { DocumentResult } from '../src/pipeline.js';
import { DocumentJobDataSchema, type DocumentJobResult, type JobProgress } from '../src/queue/job-schemas.js';
import { PipelineOutOfMemoryError, PipelineTimeoutError, type PipelineThreadPool } from '../src/queue/pipeline-thread-pool.js';
import type { Store } from '../src/store/store.js';
import type { DocumentError } from '../src/schema.js';

export interface DocumentJobDeps {
  store: Store;
  pool: PipelineThreadPool;
}

/** The first error that means the file could not be read at all (a scan needing OCR, or a page OCR read poorly, still has pages). */
export function inputError(errors: readonly DocumentError[]): DocumentError | undefined {
  return errors.find((e) => e.code !== 'needs_ocr' && e.code !== 'ocr_unreadable');
}

export function createDocumentJobProcessor(deps: DocumentJobDeps): (job: Job) => Promise<DocumentJobResult> {
  return async (job) => {
    const parsed = DocumentJobDataSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid document job ${job.id}: ${z.prettifyError(parsed.error)}`);
    const d = parsed.data;
    const progress = (percent: number, stage: string) => job.updateProgress({ percent, stage } satisfies JobProgress);

    // two progress updates per document, not more: each is a round trip to Redis, and a bundle has
    // hundreds of documents; a finished job shows 100% by its state
    const t0 = performance.now();
    await deps.store.beginDocument({
      bundleId: d.bundleId,
      bundleName: d.bundleName,
      documentsTotal: d.documentsTotal,
      referenceDate: d.referenceDate,
      sha256: d.sha256,
      name: d.name,
      ordinal: d.ordinal,
    });
    const blobPath = deps.store.blobs.pathOf(d.sha256);
    if (!existsSync(blobPath)) {
      throw new UnrecoverableError(`the original is not in the blob store (${blobPath}); every worker needs the same CHARTLINE_BLOBS as the process that enqueued it`);
    }

    await progress(10, 'reading');
    const t1 = performance.now();
    let result: DocumentResult;
    try {
      // OCR: one more progress update per page, at most every 2 s (a page takes seconds; each update is
      // a round trip to Redis)
      let last = 0;
      result = await deps.pool.processDocument({ blobPath, sha256: d.sha256, name: d.name, referenceDate: d.referenceDate }, (done, total) => {
        const now = Date.now();
        if (now - last < 2000 && done < total) return;
        last = now;
        progress(10 + Math.floor((75 * done) / Math.max(total, 1)), `OCR: page ${done} of ${total}`).catch(() => undefined);
      });
    } catch (err) {
      // the same bytes would time out, run out of memory or hash wrong again: do not retry
      if (err instanceof PipelineTimeoutError || err instanceof PipelineOutOfMemoryError || (err as Error).name === 'DamagedBlobError') throw new UnrecoverableError((err as Error).message);
      throw err;
    }

    const t2 = performance.now();
    await progress(90, 'storing');
    await deps.store.saveDocumentResult(d.bundleId, result);
    const ms = { begin: Math.round(t1 - t0), pipeline: Math.round(t2 - t1), store: Math.round(performance.now() - t2) };

    const bad = inputError(result.info.errors);
    if (bad) throw new UnrecoverableError(`${bad.code}: ${bad.message}`);
    return { documentId: result.info.id, pages: result.info.pages, events: result.events.length, errors: result.info.errors.map((e) => e.code), ms };
  };
}
