// PGlite serves one process: a second process (or a second open in this one) on the same data
// directory is refused with a message naming the holder; a lock left by a killed process is taken over.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { lockFilePath } from '../../src/store/pglite-lock.js';
import { openStore } from '../../src/store/store.js';
import { StoreLockedError } from '../../src/store/store-errors.js';
import { eventually, tempDir } from '../queue/support/services.js';

const data = tempDir('lock');
const config = { databaseUrl: undefined, schema: 'public', dataDir: data.path, blobsDir: join(data.path, 'blobs') };
const storeModule = resolve('dist/src/store/store.js');
let holder: ChildProcess | undefined;

beforeAll(async () => {
  // create the database once, so the child below opens it quickly
  const store = await openStore(config, {});
  await store.close();
}, 60_000);

afterAll(() => {
  if (holder && holder.exitCode === null) holder.kill('SIGKILL');
  data.remove();
});

it('refuses a second open of the same directory in one process', async () => {
  const store = await openStore(config, {});
  try {
    await expect(openStore(config, {})).rejects.toBeInstanceOf(StoreLockedError);
  } finally {
    await store.close();
  }
  expect(existsSync(lockFilePath(data.path))).toBe(false);
});

it('refuses a directory another live process holds, and takes over once that process is killed', async () => {
  // a compiled copy of the store, as `chartline worker` would run it
  const script = `const { openStore } = await import(${JSON.stringify(storeModule)});
    await openStore(${JSON.stringify(config)}, {});
    process.stdout.write('open\\n');
    setInterval(() => {}, 1000);`;
  holder = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  holder.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  await eventually(async () => (out.includes('open') ? true : undefined), 30_000, 'the other process to open the database');

  const owner = JSON.parse(readFileSync(lockFilePath(data.path), 'utf8')) as { pid: number };
  expect(owner.pid).toBe(holder.pid);
  const refused = await openStore(config, {}).then(
    () => null,
    (err: Error) => err,
  );
  expect(refused).toBeInstanceOf(StoreLockedError);
  expect(refused?.message).toContain(`in use by process ${holder.pid}`);
  expect(refused?.message).toContain('DATABASE_URL');

  holder.kill('SIGKILL');
  await eventually(async () => (holder!.exitCode !== null || holder!.signalCode !== null ? true : undefined), 10_000, 'the holder to die');
  const store = await openStore(config, {});
  await store.close();
}, 60_000);
