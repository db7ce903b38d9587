// A set of gold files whose documents come from ../shared/data: each document is written out (or
// predicted directly), predicted, and the shared scorer reads gold and predictions.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentBytes } from './sources.mjs';

/** Runs ../shared/eval/score.mjs over gold and prediction folders; its output and TOTAL line. */
export function score(shared, goldDir, predDir) {
  let out;
  try {
    out = execFileSync(process.execPath, [join(shared, 'eval', 'score.mjs'), '--gold', goldDir, '--pred', predDir], { encoding: 'utf8', maxBuffer: 256 << 20 });
  } catch (e) {
    out = `${String(e.stdout ?? '')}${String(e.stderr ?? '')}`;
  }
  const total =
    out
      .trim()
      .split('\n')
      .find((l) => l.startsWith('TOTAL')) ?? `TOTAL missing: ${out.trim().split('\n').at(-1)}`;
  return { detail: out, total, failed: !total.startsWith('TOTAL') || / \(([1-9]\d*) failed\)/.test(total) };
}

export function goldFiles(goldDir) {
  if (!existsSync(goldDir)) return [];
  return readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, gold: JSON.parse(readFileSync(join(goldDir, f), 'utf8')) }));
}

/** Scores the gold files of goldDir, each document read by `bytesOf(gold)`. */
export async function scoreGoldSet({ shared, dir, predict }, goldDir, bytesOf = (g) => documentBytes(shared, g.source)) {
  const golds = goldFiles(goldDir);
  if (golds.length === 0) return { total: 'TOTAL 0 docs: no gold files yet', detail: '', failed: false };
  const predDir = join(dir, 'pred');
  mkdirSync(predDir, { recursive: true });
  for (const { file, gold } of golds) {
    const timeline = await predict(gold.document, bytesOf(gold), dir);
    writeFileSync(join(predDir, file), JSON.stringify(timeline));
  }
  return score(shared, goldDir, predDir);
}
