// Queue settings from the environment. Defaults suit one machine with Redis on 127.0.0.1:6379;
// every worker on every machine reading the same REDIS_URL and CHARTLINE_QUEUE_PREFIX shares the work.
import { availableParallelism } from 'node:os';

export interface QueueConfig {
  redisUrl: string;
  /** Redis key prefix: separate deployments (or test runs) on one Redis never see each other's jobs */
  prefix: string;
  /** documents one worker process reads at once (each in its own thread) */
  concurrency: number;
  /** how long a job's lock lasts without renewal before the job counts as stalled (a dead worker) */
  lockDurationMs: number;
  /** how often workers look for stalled jobs to take over */
  stalledIntervalMs: number;
  /** tries per job for transient errors (database or Redis briefly away), with exponential backoff */
  attempts: number;
  /** first retry delay; doubles each time */
  backoffMs: number;
  /** a document taking longer than this is given up as unreadable */
  documentTimeoutMs: number;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return n;
}

export function queueConfigFromEnv(env: NodeJS.ProcessEnv = process.env): QueueConfig {
  const prefix = env.CHARTLINE_QUEUE_PREFIX || 'chartline';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) throw new Error(`CHARTLINE_QUEUE_PREFIX must be letters, digits, _ . or -, not "${prefix}"`);
  return {
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    prefix,
    concurrency: positiveInt(env, 'CHARTLINE_CONCURRENCY', Math.max(1, availableParallelism())),
    lockDurationMs: positiveInt(env, 'CHARTLINE_LOCK_MS', 30_000),
    stalledIntervalMs: positiveInt(env, 'CHARTLINE_STALLED_INTERVAL_MS', 30_000),
    attempts: positiveInt(env, 'CHARTLINE_ATTEMPTS', 5),
    backoffMs: positiveInt(env, 'CHARTLINE_BACKOFF_MS', 2_000),
    documentTimeoutMs: positiveInt(env, 'CHARTLINE_DOCUMENT_TIMEOUT_MS', 600_000),
  };
}
