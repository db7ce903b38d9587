// Command-line paths → input files. Directories are read recursively in name order, following
// symbolic links; hidden files and folders are skipped. A path that does not exist is a usage error, reported before any work.
import { readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { InputFile } from '../ingest/ingest-document.js';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface InputPath {
  path: string;
  /** the name shown in output: the path relative to the directory given, or the file's name */
  name: string;
}

export function expandInputs(paths: readonly string[]): InputPath[] {
  if (paths.length === 0) throw new UsageError('no input files: give one or more PDF or text files, or folders of them');
  const out: InputPath[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
    if (st.isDirectory()) {
      const files = walk(p, new Set([realpathSync(p)])).map((f) => ({ path: f, name: relative(p, f) }));
      if (files.length === 0) throw new UsageError(`the folder ${p} holds no files`);
      out.push(...files);
    } else out.push({ path: p, name: basename(p) });
  }
  return out;
}

/**
 * Files under a folder, in name order. Symbolic links are followed — a records folder often links
 * to files kept elsewhere ("2014/ortho-consult.pdf -> ../../scans/0042.pdf"), and they used to be
 * skipped without a word. A link to a folder already being read (a loop) is not read twice; a
 * broken link stops the run with its name, as a missing path does.
 */
function walk(dir: string, seen: Set<string>): string[] {
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name));
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      let target;
      try {
        target = statSync(path);
      } catch {
        throw new UsageError(`broken symbolic link: ${path} -> ${readlinkSync(path)} (fix or remove it)`);
      }
      isDir = target.isDirectory();
      isFile = target.isFile();
    }
    if (isDir) {
      const real = realpathSync(path);
      if (seen.has(real)) return [];
      return walk(path, new Set([...seen, real]));
    }
    return isFile ? [path] : [];
  });
}

export function readInput(input: InputPath): InputFile {
  return { name: input.name, data: new Uint8Array(readFileSync(input.path)) };
}

/** A bundle name from the inputs: the folder's name, or the single file's name without extension. */
export function defaultBundleName(paths: readonly string[]): string {
  const first = paths[0] ?? 'bundle';
  const name = basename(first.replace(/[/\\]+$/, '')).replace(/\.[a-z0-9]+$/i, '');
  return paths.length === 1 ? name : `${name}+${paths.length - 1}`;
}
