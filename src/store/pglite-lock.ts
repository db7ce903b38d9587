// PGlite is PostgreSQL compiled to WebAssembly inside one process: two processes opening the same
// directory would both write its files and corrupt it. A lock file holding the owner's pid makes the
// second one stop with a clear message, e.g. `chartline timeline` run while `chartline worker` holds
// ./.chartline. A lock left by a process that died (SIGKILL, power loss) is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StoreLockedError } from './store-errors.js';

interface LockOwner {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

/** directories this process has open: a second open in the same process is refused too */
const heldHere = new Set<string>();

export function lockFilePath(dataDir: string): string {
  return join(dataDir, 'pglite.lock');
}

/** Takes the lock or throws StoreLockedError; returns the release function. */
export function acquirePgliteLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = lockFilePath(dataDir);
  if (heldHere.has(path)) {
    throw new StoreLockedError(`the embedded database in ${dataDir} is already open in this process; share the one Store instead of opening it twice`);
  }
  const me: LockOwner = { pid: process.pid, host: hostname(), command: commandLine(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${JSON.stringify(me)}\n`);
      closeSync(fd);
      heldHere.add(path);
      const release = (): void => {
        heldHere.delete(path);
        process.off('exit', release);
        try {
          if (readOwner(path)?.pid === process.pid) unlinkSync(path);
        } catch {
          // already gone
        }
      };
      // a normal exit without close() must not leave a lock behind
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readOwner(path);
    if (owner && isAlive(owner)) {
      const who = owner.host === me.host ? `process ${owner.pid}` : `process ${owner.pid} on ${owner.host}`;
      throw new StoreLockedError(
        `the embedded database in ${dataDir} is in use by ${who} (${owner.command}, since ${owner.startedAt}). ` +
          'PGlite serves one process at a time: stop that process, or set DATABASE_URL so several processes share PostgreSQL' +
          (owner.host === me.host ? '' : `; if that process is gone, delete ${path}`),
      );
    }
    // stale: its owner died without releasing it
    try {
      unlinkSync(path);
    } catch {
      // another process took it over first; the next attempt sees its lock
    }
  }
  throw new StoreLockedError(`could not lock the embedded database in ${dataDir}: another process is taking it at the same moment`);
}

function readOwner(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number') return null;
    return { pid: owner.pid, host: owner.host ?? '', command: owner.command ?? 'unknown command', startedAt: owner.startedAt ?? 'unknown time' };
  } catch {
    return null;
  }
}

function isAlive(owner: LockOwner): boolean {
  // a pid on another machine (a data dir on a shared volume) cannot be checked: assume it is alive
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandLine(): string {
  const args = process.argv.slice(1).map((a) => a.replace(/^.*[/\\]/, ''));
  return args.join(' ').slice(0, 120) || 'node';
}
