// The queue workers of one process: documents (child jobs) and bundles (parent jobs), sharing one
// pool of pipeline threads. `chartline worker` runs this; `chartline serve` can run it in-process
// with the same Store (which is how the embedded PGlite database serves both).
//
// A worker killed with SIGKILL loses nothing: its jobs' locks expire (lockDurationMs) and another
// worker's stalled-job check puts them back in the queue, where they run again from the start;
// everything they write is an upsert, so running twice stores once. close() is the SIGTERM path:
// no new jobs are taken and the running ones finish.
import { Worker, type Job } from 'bullmq';
import { loadPatterns } from '../patterns/load-patterns.js';
import type { Store } from '../store/store.js';
import { createBundleJobProcessor } from '../../workers/bundle-job.js';
import { createDocumentJobProcessor } from '../../workers/document-job.js';
import { BUNDLES_QUEUE, DOCUMENTS_QUEUE } from './job-ids.js';
import { BundleJobDataSchema, DocumentJobDataSchema } from './job-schemas.js';
import { createLogger, type Logger } from './logger.js';
import { PipelineThreadPool } from './pipeline-thread-pool.js';
import { queueConfigFromEnv, type QueueConfig } from './queue-config.js';
import { assertRedisReachable, bullConnection } from './redis-connection.js';
import { BundleQueue } from './bundle-queue.js';
import { reconcileBundles } from './reconcile-bundles.js';
import { checkRedisDurability } from './redis-durability.js';

export interface StartWorkersOptions {
  store: Store;
  /** overrides of the environment's settings (REDIS_URL, CHARTLINE_CONCURRENCY, …) */
  config?: Partial<QueueConfig>;
  logger?: Logger;
  /** how often to look for bundles whose jobs vanished from Redis (ms; default CHARTLINE_RECONCILE_MS or 60000; 0: only at start) */
  reconcileMs?: number;
  /** bundles updated more recently than this are not reconciled (default 30 s; tests use 0) */
  reconcileGraceMs?: number;
}

export interface RunningWorkers {
  readonly config: QueueConfig;
  readonly documents: Worker;
  readonly bundles: Worker;
  /** stop taking jobs, let running ones finish, stop the threads */
  close(): Promise<void>;
}

export async function startWorkers(options: StartWorkersOptions): Promise<RunningWorkers> {
  const config: QueueConfig = { ...queueConfigFromEnv(), ...options.config };
  const log = options.logger ?? createLogger();
  const { store } = options;
  // a broken pattern file stops the worker now, not in every job
  loadPatterns();
  await assertRedisReachable(config.redisUrl);
  for (const warning of await checkRedisDurability(config.redisUrl)) log.warn({ redis: 'settings' }, warning);

  const pool = new PipelineThreadPool(config.concurrency, { timeoutMs: config.documentTimeoutMs });
  const common = {
    connection: bullConnection(config.redisUrl),
    prefix: config.prefix,
    concurrency: config.concurrency,
    lockDuration: config.lockDurationMs,
    stalledInterval: config.stalledIntervalMs,
    // a job whose worker died twice is still worth a third try; more means the job kills workers
    maxStalledCount: 2,
  };
  const documents = new Worker(DOCUMENTS_QUEUE, createDocumentJobProcessor({ store, pool }), common);
  const bundles = new Worker(BUNDLES_QUEUE, createBundleJobProcessor({ store, pool }), common);

  const isFinal = (job: Job, err: Error) => err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);

  documents.on('completed', (job, value) => log.info({ job: job.id, doc: docRef(job), ...value }, 'document done'));
  documents.on('failed', (job, err) => {
    if (!job) return;
    const final = isFinal(job, err);
    const data = DocumentJobDataSchema.safeParse(job.data);
    // messages name the file ("c.pdf: the PDF is damaged"); the log gets the reason without it
    const reason = (data.success ? err.message.replaceAll(data.data.name, '<file>') : err.message).slice(0, 300);
    log.warn({ job: job.id, doc: docRef(job), attempt: job.attemptsMade, final, reason }, final ? 'document failed' : 'document failed, will retry');
    if (!final) return;
    if (data.success) {
      store.recordDocumentFailure(data.data.bundleId, data.data.sha256, err.message).catch((e: Error) => log.error({ job: job.id, err: e.message }, 'could not record the failure'));
    }
  });
  bundles.on('completed', (job, value) => log.info({ job: job.id, ...value }, 'bundle done'));
  bundles.on('failed', (job, err) => {
    if (!job) return;
    const final = isFinal(job, err);
    log.error({ job: job.id, attempt: job.attemptsMade, final, reason: err.message.slice(0, 300) }, final ? 'bundle failed' : 'bundle failed, will retry');
    const data = BundleJobDataSchema.safeParse(job.data);
    if (final && data.success) {
      store.markBundleFailed(data.data.bundleId, err.message).catch((e: Error) => log.error({ job: job.id, err: e.message }, 'could not record the failure'));
    }
  });
  for (const w of [documents, bundles]) {
    w.on('stalled', (jobId) => log.warn({ job: jobId }, 'stalled job taken over (its worker stopped)'));
    // Redis going away: BullMQ reconnects by itself; say so once per error, do not crash
    w.on('error', (err) => log.error({ queue: w.name, err: err.message }, 'queue error'));
  }
  await Promise.all([documents.waitUntilReady(), bundles.waitUntilReady()]);
  log.info({ prefix: config.prefix, concurrency: config.concurrency, store: store.kind }, 'workers ready');

  // bundles whose jobs vanished from Redis: at start, then every reconcileMs
  const producer = await BundleQueue.connect(config);
  const reconcileMs = options.reconcileMs ?? Number(process.env.CHARTLINE_RECONCILE_MS || 60_000);
  let reconciling: Promise<unknown> = reconcileBundles({ store, queue: producer, log, ...(options.reconcileGraceMs !== undefined ? { graceMs: options.reconcileGraceMs } : {}) }).catch((err: Error) =>
    log.error({ err: err.message }, 'reconcile failed'),
  );
  const timer =
    reconcileMs > 0
      ? setInterval(() => {
          reconciling = reconciling
            .then(() => reconcileBundles({ store, queue: producer, log, ...(options.reconcileGraceMs !== undefined ? { graceMs: options.reconcileGraceMs } : {}) }))
            .catch((err: Error) => log.error({ err: err.message }, 'reconcile failed'));
        }, reconcileMs).unref()
      : null;

  let closing: Promise<void> | undefined;
  return {
    config,
    documents,
    bundles,
    close() {
      closing ??= (async () => {
        if (timer) clearInterval(timer);
        await reconciling;
        await producer.close();
        await Promise.all([documents.close(), bundles.close()]);
        await pool.close();
      })();
      return closing;
    },
  };
}

function docRef(job: Job): string | undefined {
  const sha = (job.data as { sha256?: unknown } | undefined)?.sha256;
  return typeof sha === 'string' ? sha.slice(0, 16) : undefined;
}
