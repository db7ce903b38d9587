#!/usr/bin/env node
// `npm run eval`: scores every development set with ../shared/eval/score.mjs and prints one TOTAL
// line per set. Documents are read out of ../shared/data into a temporary folder (never copied into
// the repository); gold files hold short cues only.
//
//   npm run eval                      every set
//   npm run eval -- notes imr-letters only these sets
//   npm run eval -- --verbose         the scorer's per-document misses too
//   npm run eval -- --cli             run `chartline process` per document instead of in-process
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sharedDir } from './sources.mjs';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const cli = args.includes('--cli');
const wanted = args.filter((a) => !a.startsWith('--'));

const shared = sharedDir(repo);
const setsDir = join(repo, 'eval', 'sets');
const sets = [];
for (const f of readdirSync(setsDir)
  .filter((f) => f.endsWith('.mjs'))
  .sort()) {
  const mod = (await import(pathToFileURL(join(setsDir, f)).href)).default;
  sets.push(mod);
}
sets.sort((a, b) => a.order - b.order);
const unknown = wanted.filter((w) => !sets.some((s) => s.name === w));
if (unknown.length) {
  console.error(`unknown set(s): ${unknown.join(', ')}; sets: ${sets.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'chartline-eval-'));
const { predictor } = await import('./predict.mjs');
const predict = await predictor(repo, { cli });
let failed = false;
try {
  for (const set of sets) {
    if (wanted.length && !wanted.includes(set.name)) continue;
    const dir = join(tmp, set.name);
    const started = performance.now();
    const result = await set.run({ repo, shared, dir, predict, verbose });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (verbose && result.detail) process.stdout.write(result.detail.endsWith('\n') ? result.detail : `${result.detail}\n`);
    console.log(`[${set.name}] ${result.total}  (${seconds} s)`);
    if (result.failed) failed = true;
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
