// Run by the bench as a child process: the pure pipeline (processDocument, as a queue worker's
// pipeline thread runs it) over every file of a bundle, several passes, printing the last pass's ms
// on stdout. The bench runs one alone, then two at once: how much slower each gets when two share
// the machine bounds what two queue workers can gain, whatever the queue does.
//
//   node dist/bench/pipeline-probe.js <bundle dir> [passes]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPatterns } from '../src/patterns/load-patterns.js';
import { processDocument } from '../src/pipeline.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: pipeline-probe <bundle dir> [passes]');
const passes = Number(process.argv[3] ?? 3);
const patterns = loadPatterns();
const referenceDate = new Date('2025-06-30T12:00:00Z');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.pdf'))
  .sort()
  .map((name) => ({ name, data: new Uint8Array(readFileSync(join(dir, name))) }));
let last = 0;
// the first passes warm the code up, as a long-running worker is warm
for (let pass = 0; pass < passes; pass++) {
  const t0 = performance.now();
  for (const f of files) await processDocument(f, { patterns, referenceDate });
  last = performance.now() - t0;
}
process.stdout.write(`${last.toFixed(1)}\n`);
