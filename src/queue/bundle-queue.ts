// The producer side: put a bundle on the queue as a BullMQ flow, and read where it is.
//
//   bundle job  b-<bundle>            runs when every child has finished: timeline → store
//   ├─ document job  d-<bundle>-<sha256>   ingest + text + extract → store
//   └─ document job  d-<bundle>-<sha256>
//
// The files go into the blob store first; jobs carry only their sha256. Job ids are deterministic,
// so the same bundle enqueued twice is one flow, and a file that appears twice is one job.
import { createHash } from 'node:crypto';
import { FlowProducer, Queue, type Job, type JobState } from 'bullmq';
import { Redis } from 'ioredis';
import type { InputFile } from '../ingest/ingest-document.js';
import type { BlobStore } from '../store/blob-store.js';
import { distinctDocuments } from '../store/bundle-queries.js';
import type { Store } from '../store/store.js';
import { assertBundleId, BUNDLES_QUEUE, bundleJobId, deriveBundleId, DOCUMENTS_QUEUE, documentJobId } from './job-ids.js';
import { BundleJobDataSchema, type BundleJobData, type BundleJobResult, type DocumentJobData, type DocumentJobResult, type JobProgress } from './job-schemas.js';
import { queueConfigFromEnv, type QueueConfig } from './queue-config.js';
import { assertRedisReachable, bullConnection } from './redis-connection.js';

export interface EnqueueInput {
  files: readonly InputFile[];
  /** the name in the timeline ("bundle") */
  name: string;
  /** defaults to one derived from the files' contents ("bundle-3f9a0c21b7") */
  bundleId?: string;
  /** the name was typed by the user (not taken from a file or folder name): it may appear in the derived id */
  named?: boolean;
  /** YYYY-MM-DD to read dates against; default today (UTC) */
  referenceDate?: string;
}

export interface EnqueueResult {
  bundleId: string;
  name: string;
  referenceDate: string;
  documents: { name: string; sha256: string }[];
  /** false when this bundle was already queued (or done) with the same files: nothing was added */
  added: boolean;
}

export type DocumentState = JobState | 'unknown';

export interface DocumentStatus {
  name: string;
  sha256: string;
  state: DocumentState;
  percent: number;
  stage: string;
  attempts: number;
  /** why it failed (for a failed job) */
  error: string | null;
  result: DocumentJobResult | null;
}

export type BundleState = 'queued' | 'processing' | 'completed' | 'failed' | 'unknown';

export interface BundleStatus {
  bundleId: string;
  name: string;
  state: BundleState;
  /** 0–100 over the whole bundle */
  percent: number;
  referenceDate: string;
  documents: DocumentStatus[];
  error: string | null;
  result: BundleJobResult | null;
  enqueuedAt: string;
  finishedAt: string | null;
}

export class BundleQueue {
  private constructor(
    readonly config: QueueConfig,
    private readonly flows: FlowProducer,
    private readonly bundles: Queue,
    private readonly documents: Queue,
    /** claims on bundle ids (enqueue), outside BullMQ's own keys but under the same prefix */
    private readonly redis: Redis,
  ) {}

  /** the two BullMQ queues, e.g. for the bull-board dashboard */
  get queues(): { bundles: Queue; documents: Queue } {
    return { bundles: this.bundles, documents: this.documents };
  }

  /** Connects to Redis (one clear error when it is not there). */
  static async connect(config: Partial<QueueConfig> = {}): Promise<BundleQueue> {
    const full: QueueConfig = { ...queueConfigFromEnv(), ...config };
    await assertRedisReachable(full.redisUrl);
    const opts = { connection: bullConnection(full.redisUrl), prefix: full.prefix };
    return new BundleQueue(full, new FlowProducer(opts), new Queue(BUNDLES_QUEUE, opts), new Queue(DOCUMENTS_QUEUE, opts), new Redis(full.redisUrl, { maxRetriesPerRequest: 3 }));
  }

  async close(): Promise<void> {
    await Promise.all([this.flows.close(), this.bundles.close(), this.documents.close(), this.redis.quit().catch(() => this.redis.disconnect())]);
  }

  /**
   * Stores the originals and adds the flow. With a store, the bundle is also recorded as queued
   * (the API does this so its bundle list shows it at once); without one, the first worker does.
   */
  async enqueue(input: EnqueueInput, target: { blobs: BlobStore; store?: Store }): Promise<EnqueueResult> {
    if (input.files.length === 0) throw new Error('a bundle needs at least one file');
    const documents = input.files.map((f) => ({ name: f.name, sha256: target.blobs.put(f.data) }));
    const bundleId = input.bundleId !== undefined ? assertBundleId(input.bundleId) : deriveBundleId(input.name, documents, input.named === true);
    const referenceDate = input.referenceDate ?? new Date().toISOString().slice(0, 10);

    // Claimed atomically first (SET NX): two uploads racing on one id both found no job and both
    // added their flow, and the second's files were silently lost from the timeline (9 of 25 tries).
    // The claim holds the files' fingerprint: the same files again go on as before, other files are
    // refused, whichever upload came second.
    const fingerprint = documentsFingerprint(documents);
    const client = this.redis;
    const claimKey = `${this.config.prefix}:bundle-claim:${bundleId}`;
    if ((await client.set(claimKey, fingerprint, 'NX')) !== 'OK' && (await client.get(claimKey)) !== fingerprint) {
      throw new Error(`bundle ${bundleId} is already queued with other files; give this one another --bundle id`);
    }
    const existing = await this.bundles.getJob(bundleJobId(bundleId));
    if (existing) {
      const previous = BundleJobDataSchema.safeParse(existing.data);
      if (!previous.success || !sameDocuments(previous.data.documents, documents)) {
        throw new Error(`bundle ${bundleId} is already queued with other files; give this one another --bundle id`);
      }
      // a bundle that finally failed (say the database was down through every retry) runs again
      if ((await existing.getState()) === 'failed') {
        await existing.retry('failed');
        return { bundleId, name: previous.data.name, referenceDate: previous.data.referenceDate, documents, added: true };
      }
      return { bundleId, name: previous.data.name, referenceDate: previous.data.referenceDate, documents, added: false };
    }

    if (target.store) await target.store.createBundle({ id: bundleId, name: input.name, documents, referenceDate });
    const distinct = distinctDocuments(documents);
    const retry = { attempts: this.config.attempts, backoff: { type: 'exponential' as const, delay: this.config.backoffMs } };
    const keep = { removeOnComplete: { age: 7 * 24 * 3600 }, removeOnFail: { age: 30 * 24 * 3600 } };
    const parent: BundleJobData = { v: 1, bundleId, name: input.name, referenceDate, documents };
    await this.flows.add({
      name: 'bundle',
      queueName: BUNDLES_QUEUE,
      data: parent,
      opts: { jobId: bundleJobId(bundleId), ...retry, ...keep },
      children: distinct.map((doc) => ({
        name: 'document',
        queueName: DOCUMENTS_QUEUE,
        data: {
          v: 1,
          bundleId,
          bundleName: input.name,
          documentsTotal: distinct.length,
          ordinal: doc.ordinal,
          sha256: doc.sha256,
          name: doc.name,
          referenceDate,
        } satisfies DocumentJobData,
        // a document that finally fails must not hold its bundle back: the bundle runs and lists its error
        opts: { jobId: documentJobId(bundleId, doc.sha256), ...retry, ...keep, ignoreDependencyOnFailure: true },
      })),
    });
    return { bundleId, name: input.name, referenceDate, documents, added: true };
  }

  /** Where a bundle is, from Redis; null when the queue does not know it (never enqueued, or expired). */
  async status(bundleId: string): Promise<BundleStatus | null> {
    const job = await this.bundles.getJob(bundleJobId(bundleId));
    return job ? this.describe(job) : null;
  }

  /** The most recently enqueued bundles, newest first. */
  async recent(limit = 20): Promise<BundleStatus[]> {
    const jobs = await this.bundles.getJobs(['active', 'waiting', 'waiting-children', 'prioritized', 'delayed', 'completed', 'failed'], 0, limit - 1, false);
    const newest = jobs
      .filter((j): j is Job => Boolean(j))
      .sort((a, b) => b.timestamp - a.timestamp)
      .slice(0, limit);
    return Promise.all(newest.map((j) => this.describe(j)));
  }

  private async describe(job: Job): Promise<BundleStatus> {
    const data = BundleJobDataSchema.parse(job.data);
    const bundleState = await job.getState();
    const documents = await Promise.all(
      distinctDocuments(data.documents).map(async (doc): Promise<DocumentStatus> => {
        const child = await this.documents.getJob(documentJobId(data.bundleId, doc.sha256));
        if (!child) {
          // removed after completing (kept 7 days), or not added yet
          const done = bundleState === 'completed';
          return { name: doc.name, sha256: doc.sha256, state: done ? 'completed' : 'unknown', percent: done ? 100 : 0, stage: '', attempts: 0, error: null, result: null };
        }
        const state = await child.getState();
        const p = readProgress(child.progress);
        const finished = state === 'completed' || state === 'failed';
        return {
          name: doc.name,
          sha256: doc.sha256,
          state,
          percent: finished ? 100 : p.percent,
          stage: finished ? '' : p.stage,
          attempts: child.attemptsMade,
          error: state === 'failed' ? child.failedReason || 'failed' : null,
          result: state === 'completed' ? ((child.returnvalue as DocumentJobResult | null) ?? null) : null,
        };
      }),
    );
    const own = readProgress(job.progress);
    const docsPercent = documents.reduce((s, d) => s + d.percent, 0) / Math.max(documents.length, 1);
    const state: BundleState =
      bundleState === 'completed'
        ? 'completed'
        : bundleState === 'failed'
          ? 'failed'
          : bundleState === 'waiting-children' && documents.every((d) => d.state === 'waiting' || d.state === 'prioritized' || d.state === 'unknown')
            ? 'queued'
            : bundleState === 'unknown'
              ? 'unknown'
              : 'processing';
    return {
      bundleId: data.bundleId,
      name: data.name,
      state,
      percent: state === 'completed' ? 100 : Math.min(99, Math.floor(docsPercent * 0.9 + own.percent * 0.1)),
      referenceDate: data.referenceDate,
      documents,
      error: bundleState === 'failed' ? job.failedReason || 'failed' : null,
      result: bundleState === 'completed' ? ((job.returnvalue as BundleJobResult | null) ?? null) : null,
      enqueuedAt: new Date(job.timestamp).toISOString(),
      finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    };
  }
}

/** The bundle's files, in order, as one hash: what a claim on a bundle id holds. */
function documentsFingerprint(documents: readonly { sha256: string; name: string }[]): string {
  const hash = createHash('sha256');
  for (const d of documents) hash.update(`${d.sha256} ${d.name}\n`);
  return hash.digest('hex');
}

function sameDocuments(a: readonly { sha256: string; name: string }[], b: readonly { sha256: string; name: string }[]): boolean {
  return a.length === b.length && a.every((d, i) => d.sha256 === b[i]?.sha256 && d.name === b[i]?.name);
}

function readProgress(progress: unknown): JobProgress {
  if (typeof progress === 'number') return { percent: progress, stage: '' };
  if (progress && typeof progress === 'object' && typeof (progress as JobProgress).percent === 'number') {
    const p = progress as JobProgress;
    return { percent: p.percent, stage: typeof p.stage === 'string' ? p.stage : '' };
  }
  return { percent: 0, stage: '' };
}
