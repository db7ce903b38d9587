// A chartline server on a free port for API tests: the machine's Redis (own queue prefix) and
// PostgreSQL (own schema) or PGlite (own temp dir), workers in-process, one token per role, and a
// log captured in memory so tests can check what it says (and what it must not).
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildServer } from '../../../src/api/server.js';
import type { FailureLimits } from '../../../src/api/auth/failure-limit.js';
import type { UploadLimits } from '../../../src/api/upload-limits.js';
import { BundleQueue } from '../../../src/queue/bundle-queue.js';
import { startWorkers, type RunningWorkers } from '../../../src/queue/start-workers.js';
import type { ApiRole } from '../../../src/store/records.js';
import { openStore, type Store } from '../../../src/store/store.js';
import { DATABASE_URL, deletePrefix, dropSchema, eventually, freshPrefix, freshSchema, REDIS_URL, tempDir } from '../../queue/support/services.js';

export interface ApiHarness {
  app: FastifyInstance;
  store: Store;
  queue: BundleQueue;
  base: string;
  tokens: Record<ApiRole, string>;
  tokenIds: Record<ApiRole, string>;
  /** every log line so far (JSON text) */
  logs: string[];
  /** fetch against the server with a role's bearer token (or none) */
  call(path: string, init?: RequestInit & { role?: ApiRole | null; token?: string }): Promise<Response>;
  /** polls until the bundle is completed or failed */
  finished(bundleId: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startApi(options: { engine?: 'pg' | 'pglite'; limits?: Partial<UploadLimits>; authLimits?: Partial<FailureLimits> } = {}): Promise<ApiHarness> {
  const engine = options.engine ?? 'pg';
  const schema = freshSchema();
  const data = tempDir(`api-${engine}`);
  const prefix = freshPrefix();
  const logs: string[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  );
  const store = await openStore(
    engine === 'pg'
      ? { databaseUrl: DATABASE_URL, schema, dataDir: data.path, blobsDir: `${data.path}/blobs` }
      : { databaseUrl: undefined, schema: 'public', dataDir: data.path, blobsDir: `${data.path}/blobs` },
    {},
  );
  const config = { redisUrl: REDIS_URL, prefix, concurrency: 2, attempts: 2, backoffMs: 200 };
  let workers: RunningWorkers | undefined;
  let queue: BundleQueue | undefined;
  let app: FastifyInstance | undefined;
  const close = async () => {
    await app?.close().catch(() => undefined);
    await workers?.close().catch(() => undefined);
    await queue?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    await deletePrefix(prefix);
    if (engine === 'pg') await dropSchema(schema);
    data.remove();
  };
  try {
    workers = await startWorkers({ store, config, logger });
    queue = await BundleQueue.connect(config);
    app = await buildServer({ store, queue, logger, limits: options.limits, authLimits: options.authLimits });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const tokens = {} as Record<ApiRole, string>;
    const tokenIds = {} as Record<ApiRole, string>;
    for (const role of ['intake', 'reviewer', 'analyst', 'admin'] as const) {
      const created = await store.createApiToken({ name: `Test ${role}`, role });
      tokens[role] = created.token;
      tokenIds[role] = created.record.id;
    }
    const call: ApiHarness['call'] = (path, init = {}) => {
      const { role, token, headers, ...rest } = init;
      const h = new Headers(headers);
      const t = token ?? (role ? tokens[role] : undefined);
      if (t) h.set('Authorization', `Bearer ${t}`);
      return fetch(`${base}${path}`, { ...rest, headers: h, redirect: 'manual' });
    };
    const finished = async (bundleId: string, timeoutMs = 60_000) => {
      await eventually(
        async () => {
          const b = await store.getBundle(bundleId);
          return b && (b.status === 'completed' || b.status === 'failed') ? b : undefined;
        },
        timeoutMs,
        `bundle ${bundleId} to finish`,
      );
    };
    return { app, store, queue, base, tokens, tokenIds, logs, call, finished, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** a multipart body of files (and text fields) as a browser form sends it */
export function uploadForm(files: readonly { name: string; data: Uint8Array }[], fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('files', new Blob([f.data], { type: f.name.endsWith('.pdf') ? 'application/pdf' : 'text/plain' }), f.name);
  return form;
}
