// Command-line paths → input files. Directories are read recursively in name order; hidden files
// and folders are skipped. A path that does not exist is a usage error, reported before any work.
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
      const files = walk(p).map((f) => ({ path: f, name: relative(p, f) }));
      if (files.length === 0) throw new UsageError(`the folder ${p} holds no files`);
      out.push(...files);
    } else out.push({ path: p, name: basename(p) });
  }
  return out;
}

function walk(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name));
  return entries.flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
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
