// Queue names and deterministic job ids. A document job's id is its bundle id plus its sha256, so
// enqueueing the same bundle twice, or a client retrying an upload, adds nothing new: BullMQ ignores
// a job whose id exists. e.g. bundle "lumbar-2014" → parent "b-lumbar-2014",
// children "d-lumbar-2014-<sha256>" (BullMQ forbids ":" in custom ids).
export { assertBundleId, deriveBundleId, isBundleId } from '../store/bundle-id.js';

export const DOCUMENTS_QUEUE = 'documents';
export const BUNDLES_QUEUE = 'bundles';

export function bundleJobId(bundleId: string): string {
  return `b-${bundleId}`;
}

export function documentJobId(bundleId: string, sha256: string): string {
  return `d-${bundleId}-${sha256}`;
}
