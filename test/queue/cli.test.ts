// The CLI's store and queue commands as a user meets them: clear one-line errors, and the embedded
// path (`process --store` then `timeline`) giving back exactly what `process` printed.
import { join } from 'node:path';
import { writeFileSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { sampleBundle } from './support/sample-pdfs.js';
import { tempDir } from './support/services.js';

const data = tempDir('cli');
const records = join(data.path, 'records');
const env = { CHARTLINE_DATA: join(data.path, 'data'), DATABASE_URL: '', CHARTLINE_QUEUE_PREFIX: 'cltest-cli-unused' };

beforeAll(async () => {
  mkdirSync(records);
  for (const f of await sampleBundle()) writeFileSync(join(records, f.name), f.data);
});

afterAll(() => data.remove());

it('says in one line that Redis is unreachable, and exits 1', async () => {
  const r = await runCli(['enqueue', records], { ...env, REDIS_URL: 'redis://127.0.0.1:1' });
  expect(r.code).toBe(1);
  expect(r.stderr).toBe('chartline: cannot reach Redis at redis://127.0.0.1:1 (ECONNREFUSED): start Redis or set REDIS_URL\n');
  expect(r.stdout).toBe('');
  const s = await runCli(['status'], { ...env, REDIS_URL: 'redis://127.0.0.1:1' });
  expect(s.code).toBe(1);
  expect(s.stderr.trim().split('\n')).toHaveLength(1);
});

it('rejects a bad bundle id as a usage error', async () => {
  const r = await runCli(['enqueue', records, '--bundle', 'no spaces/allowed'], env);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^chartline: --bundle must be/);
});

it('stores a processed bundle in the embedded database and reads the same JSON back', async () => {
  const processed = await runCli(['process', records, '--store', '--reference-date', '2020-01-01', '--no-progress'], env);
  expect(processed.code, processed.stderr).toBe(0);
  const id = /stored as bundle (\S+) in the embedded database/.exec(processed.stderr)?.[1];
  // never the folder's name: it may be a patient's
  expect(id).toMatch(/^bundle-[0-9a-f]{10}$/);

  const back = await runCli(['timeline', id!], env);
  expect(back.code, back.stderr).toBe(0);
  expect(back.stdout).toBe(processed.stdout);
  const timeline = JSON.parse(back.stdout) as { documents: { name: string; errors: { code: string }[] }[] };
  expect(timeline.documents.find((d) => d.name === 'fax-scan.pdf')?.errors[0]?.code).toBe('corrupt');

  const text = await runCli(['timeline', id!, '--format', 'text'], env);
  expect(text.stdout).toMatch(/^Bundle records: 3 documents/);

  const missing = await runCli(['timeline', 'no-such-bundle'], env);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toMatch(/^chartline: no bundle no-such-bundle in the embedded database in /);
}, 120_000);

it('explains that there is no database to read yet', async () => {
  const r = await runCli(['timeline', 'x'], { ...env, CHARTLINE_DATA: join(data.path, 'empty') });
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^chartline: no database: DATABASE_URL is not set/);
});
