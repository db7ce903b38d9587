// Bounded-work rows (issue 15): pathological texts through `chartline process` as a child process,
// wall time and peak RSS each, against the targets. Timing targets live here, not in tests.
//
//   npm run bench:stress            (after npm run build)
//   node dist/bench/stress-bench.js [--only 1mb-unpunctuated,200mb-text]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './generate.js';
import { sentencesText, unpunctuatedText } from './stress-text.js';

interface Row {
  name: string;
  make: () => string | Buffer;
  /** target wall time, s, and peak RSS, MiB */
  targetS: number;
  targetRssMiB: number;
  /** what the document must come out as */
  expect: 'read' | 'too_large';
}

const MB = 1_000_000;
const ROWS: Row[] = [
  { name: '1mb-unpunctuated', make: () => unpunctuatedText(MB), targetS: 10, targetRssMiB: 1024, expect: 'read' },
  { name: '5mb-unpunctuated', make: () => unpunctuatedText(5 * MB), targetS: 10, targetRssMiB: 1024, expect: 'read' },
  { name: '5mb-sentences', make: () => sentencesText(5 * MB), targetS: 10, targetRssMiB: 1024, expect: 'read' },
  // refused by the per-document budget before it is decoded: RSS stays near the file's own size
  { name: '200mb-text', make: () => Buffer.alloc(200 * MB, 'the patient was seen on 04/14/2015 '), targetS: 10, targetRssMiB: 1024, expect: 'too_large' },
];

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; wallMs: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, wallMs: performance.now() - t0, stdout, stderr }));
  });
}

export interface StressRow {
  name: string;
  wallS: number;
  targetS: number;
  peakRssMiB: number;
  targetRssMiB: number;
  document: string;
  ok: boolean;
}

/** Runs the rows (all, or those named in `only`), one after another; `log` gets each as it ends. */
export async function runStressRows(root: string, only: readonly string[] | null = null, log: (line: string) => void = () => undefined): Promise<StressRow[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'chartline-stress-'));
  const rows: StressRow[] = [];
  try {
    for (const row of ROWS.filter((r) => !only || only.includes(r.name))) {
      const file = join(tmp, `${row.name}.txt`);
      writeFileSync(file, row.make());
      const probe = join(tmp, 'probe.json');
      const out = join(tmp, 'out.json');
      rmSync(out, { force: true });
      const r = await run(
        ['--import', join(root, 'dist', 'bench', 'rss-probe.js'), join(root, 'bin', 'chartline.mjs'), 'process', file, '--no-ocr', '--no-progress', '--reference-date', '2020-06-01', '--out', out],
        { ...process.env, BENCH_PROBE_FILE: probe },
      );
      rmSync(file, { force: true });
      const rss = (JSON.parse(readFileSync(probe, 'utf8')) as { maxRssKiB: number }).maxRssKiB / 1024;
      let got = `exit ${r.code}`;
      try {
        const timeline = JSON.parse(readFileSync(out, 'utf8')) as { documents: { errors: { code: string }[] }[]; events: unknown[] };
        const codes = timeline.documents[0]?.errors.map((e) => e.code) ?? [];
        got = codes.includes('too_large') ? 'too_large' : codes.length === 0 ? `read (${timeline.events.length} events)` : codes.join(',');
      } catch {
        // no output: the row failed; `got` keeps the exit status
      }
      const result = {
        name: row.name,
        wallS: r.wallMs / 1000,
        targetS: row.targetS,
        peakRssMiB: rss,
        targetRssMiB: row.targetRssMiB,
        document: got,
        ok: got.startsWith(row.expect) && r.wallMs / 1000 <= row.targetS && rss <= row.targetRssMiB,
      };
      log(stressLine(result));
      rows.push(result);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}

export const STRESS_HEAD = ['| row | wall s | target s | peak RSS MiB | target MiB | document | ok |', '|---|---|---|---|---|---|---|'];

export function stressLine(r: StressRow): string {
  return `| ${r.name} | ${r.wallS.toFixed(1)} | ${r.targetS} | ${r.peakRssMiB.toFixed(0)} | ${r.targetRssMiB} | ${r.document} | ${r.ok ? 'yes' : 'NO'} |`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const only = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '').split(',') : null;
  const rows = await runStressRows(repoRoot(), only, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${[...STRESS_HEAD, ...rows.map(stressLine)].join('\n')}\n`);
}
