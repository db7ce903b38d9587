// Bundles whose jobs vanished from Redis — restarted without persistence, or keys evicted — are found
// in the store (queued or processing there, no bundle job in the queue) and enqueued again from the
// stored originals. Job ids are deterministic, so a bundle enqueued twice by two reconcilers (or by
// a reconciler racing the API's own enqueue) is still one flow; documents already stored are
// rewritten with the same rows. The bundle's `error` says it was re-queued until its timeline is written.
import type { Logger } from './logger.js';
import type { BundleQueue } from './bundle-queue.js';
import type { Store } from '../store/store.js';

export interface ReconcileResult {
  requeued: string[];
  /** bundles that could not be re-queued: an original missing from the blob store, or the id claimed with other files */
  failed: { bundleId: string; reason: string }[];
}

/**
 * A bundle touched this recently is left alone: the API records a bundle a moment before it adds its
 * flow, and a reconciler looking in between would find "no job" for a bundle that is fine.
 */
export const RECONCILE_GRACE_MS = 30_000;

export async function reconcileBundles(deps: { store: Store; queue: BundleQueue; log: Logger; now?: () => Date; graceMs?: number }): Promise<ReconcileResult> {
  const { store, queue, log } = deps;
  const now = deps.now?.() ?? new Date();
  const grace = deps.graceMs ?? RECONCILE_GRACE_MS;
  const result: ReconcileResult = { requeued: [], failed: [] };
  for (const status of ['queued', 'processing'] as const) {
    const { items } = await store.listBundles({ status, limit: 1000 });
    for (const bundle of items) {
      if (now.getTime() - Date.parse(bundle.updatedAt) < grace) continue;
      if (await queue.status(bundle.id)) continue;
      try {
        const docs = await store.listBundleDocuments(bundle.id);
        const files = docs.map((d) => {
          const data = store.blobs.get(d.sha256);
          if (!data) throw new Error(`the original of document ${d.documentId} is not in the blob store`);
          return { name: d.name, data };
        });
        if (files.length === 0) throw new Error('the store lists no documents for it');
        await queue.enqueue({ files, name: bundle.name, bundleId: bundle.id, ...(bundle.referenceDate ? { referenceDate: bundle.referenceDate } : {}) }, { blobs: store.blobs });
        await store.noteBundle(bundle.id, `re-queued at ${now.toISOString()}: its jobs had vanished from Redis (restarted without persistence, or keys evicted)`);
        log.warn({ bundle: bundle.id, documents: files.length }, 'bundle re-queued: its jobs had vanished from Redis');
        result.requeued.push(bundle.id);
      } catch (err) {
        const reason = (err as Error).message;
        // the id is claimed with other files: another enqueue has it; nothing lost here
        if (/already queued with other files/.test(reason)) continue;
        log.error({ bundle: bundle.id, reason }, 'bundle lost from the queue and could not be re-queued');
        // failed, with the reason, rather than "processing" for ever
        await store.markBundleFailed(bundle.id, `lost from the queue (Redis restarted without persistence?) and could not be re-queued: ${reason}`).catch(() => undefined);
        result.failed.push({ bundleId: bundle.id, reason });
      }
    }
  }
  return result;
}
