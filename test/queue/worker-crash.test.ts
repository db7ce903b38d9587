// Workers as separate processes, driven through the CLI: a worker SIGKILLed in the middle of a bundle
// loses nothing (its job's lock expires, another worker takes the stalled job over) and stores
// nothing twice; a worker sent SIGTERM finishes its running job and exits 0.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DOCUMENTS_QUEUE } from '../../src/queue/job-ids.js';
import { openStore, type Store } from '../../src/store/store.js';
import { runCli, startCli, type BackgroundCli } from './support/cli.js';
import { makePdf, visitPage } from './support/sample-pdfs.js';
import { DATABASE_URL, deletePrefix, dropSchema, eventually, freshPrefix, freshSchema, REDIS_URL, tempDir } from './support/services.js';

const prefix = freshPrefix();
const schema = freshSchema();
const data = tempDir('crash');
const env: NodeJS.ProcessEnv = {
  REDIS_URL,
  CHARTLINE_QUEUE_PREFIX: prefix,
  DATABASE_URL,
  CHARTLINE_DB_SCHEMA: schema,
  CHARTLINE_DATA: join(data.path, 'data'),
  CHARTLINE_BLOBS: join(data.path, 'blobs'),
  CHARTLINE_CONCURRENCY: '1',
  // short locks so a dead worker's job is taken over in seconds, not the default 30 s
  CHARTLINE_LOCK_MS: '3000',
  CHARTLINE_STALLED_INTERVAL_MS: '1000',
  CHARTLINE_LOG_LEVEL: 'warn',
};
const workers: BackgroundCli[] = [];
let documentsQueue: Queue;
let store: Store;

/** a folder of record PDFs big enough that a worker is busy with one when it is killed */
async function writeBundle(dir: string, documents: number, pages: number): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (let d = 0; d < documents; d++) {
    const doc = Array.from({ length: pages }, (_, p) => [`Record ${d + 1}, page ${p + 1}`, ...visitPage(p + d)]);
    writeFileSync(join(dir, `record-${d + 1}.pdf`), await makePdf(doc));
  }
}

function worker(): BackgroundCli {
  const w = startCli(['worker'], env);
  workers.push(w);
  return w;
}

async function jobStates(bundleId: string): Promise<Record<string, string>> {
  const jobs = await documentsQueue.getJobs(['active', 'waiting', 'completed', 'failed', 'delayed', 'prioritized']);
  const states: Record<string, string> = {};
  for (const j of jobs.filter((j) => j.id?.startsWith(`d-${bundleId}-`))) states[j.id as string] = await j.getState();
  return states;
}

beforeAll(async () => {
  documentsQueue = new Queue(DOCUMENTS_QUEUE, { connection: { url: REDIS_URL }, prefix });
  store = await openStore({ databaseUrl: DATABASE_URL, schema, dataDir: env.CHARTLINE_DATA, blobsDir: env.CHARTLINE_BLOBS }, {});
});

afterAll(async () => {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
  await documentsQueue?.close();
  await store?.close();
  await deletePrefix(prefix);
  await dropSchema(schema);
  data.remove();
});

it('completes a bundle whose worker was SIGKILLed mid-job, with nothing lost or doubled', async () => {
  const dir = join(data.path, 'crash-bundle');
  await writeBundle(dir, 6, 120);
  const first = worker();
  const enqueued = await runCli(['enqueue', dir, '--bundle', 'crash-1', '--reference-date', '2020-01-01'], env);
  expect(enqueued.stderr).toBe('');
  expect(enqueued.stdout).toBe('crash-1\n');

  // kill the worker while it is reading a document, after it has finished at least one
  const killedJob = await eventually(
    async () => {
      const states = Object.entries(await jobStates('crash-1'));
      const active = states.find(([, s]) => s === 'active');
      return states.some(([, s]) => s === 'completed') && active ? active[0] : undefined;
    },
    60_000,
    'the first worker to be in the middle of the bundle',
    20,
  );
  first.child.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');
  expect((await jobStates('crash-1'))[killedJob]).toBe('active');

  worker();
  let lastError = '';
  const status = await eventually(
    async () => {
      const r = await runCli(['status', 'crash-1', '--json'], env);
      // a status call can lose a race with a loaded machine; the next poll asks again
      if (r.code !== 0) {
        lastError = r.stderr;
        return undefined;
      }
      const s = JSON.parse(r.stdout) as { state: string; documents: { state: string }[] };
      return s.state === 'completed' || s.state === 'failed' ? s : undefined;
    },
    90_000,
    'the second worker to finish the bundle',
    500,
  ).catch((err: Error) => {
    throw new Error(`${err.message}; last status error: ${lastError}`);
  });
  expect(status.state).toBe('completed');
  expect(status.documents.map((d) => d.state)).toEqual(Array(6).fill('completed'));
  expect((await jobStates('crash-1'))[killedJob]).toBe('completed');

  // the stored timeline is exactly what `chartline process` prints for the same files
  const stored = await runCli(['timeline', 'crash-1'], env);
  const direct = await runCli(['process', dir, '--bundle', 'crash-1', '--reference-date', '2020-01-01', '--no-progress'], env);
  expect(stored.code).toBe(0);
  expect(direct.code).toBe(0);
  expect(stored.stdout).toBe(direct.stdout);

  const timeline = JSON.parse(stored.stdout) as { documents: unknown[]; events: unknown[] };
  const count = async (sql: string) => Number((await store.db.query<{ n: number }>(sql, ['crash-1']))[0]?.n);
  expect(timeline.documents).toHaveLength(6);
  expect(await count('select count(*) as n from document_results where bundle_id = $1')).toBe(6);
  expect(await count("select count(*) as n from document_results where bundle_id = $1 and state = 'done'")).toBe(6);
  expect(await count('select count(*) as n from events where bundle_id = $1')).toBe(timeline.events.length);
  expect(await count('select count(*) as n from pages p join documents d on d.sha256 = p.sha256 where d.bundle_id = $1')).toBe(6 * 120);

  const text = await runCli(['timeline', 'crash-1', '--format', 'text'], env);
  expect(text.stdout).toMatch(/^Bundle crash-1: 6 documents/);
}, 180_000);

it('lets a SIGTERMed worker finish its running job and exit 0', async () => {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
  const dir = join(data.path, 'term-bundle');
  await writeBundle(dir, 4, 120);
  const w = worker();
  expect((await runCli(['enqueue', dir, '--bundle', 'term-1', '--reference-date', '2020-01-01'], env)).code).toBe(0);
  const running = await eventually(async () => Object.entries(await jobStates('term-1')).find(([, s]) => s === 'active')?.[0], 60_000, 'a job to be running', 20);
  w.child.kill('SIGTERM');
  const exit = await w.exited;
  expect(exit, w.output()).toEqual({ code: 0, signal: null });
  expect((await jobStates('term-1'))[running]).toBe('completed');

  // the rest is still queued for the next worker
  worker();
  const done = await runCli(['status', 'term-1', '--wait', '--no-progress'], env, 90_000);
  expect(done.code, done.stderr).toBe(0);
  expect(done.stdout).toMatch(/^bundle term-1 \(term-1\): completed 100%/);
}, 180_000);
