// The OCR row of `npm run bench`: faxed pages read by chartline and by the stock `tesseract` command
// line, side by side in one run, on the same page images.
//
//   - pages: the first pages of the benchmark bundle (bench/generate.ts), faxed by bench/fax.ts
//     (200 dpi, ±0.4° skew, light speckle, 1-bit G4, image-only PDF);
//   - chartline: `chartline process fax.pdf` as a child process (every core: its OCR pool has one
//     Tesseract per CPU), wall time and peak RSS, at two sizes (half the pages, all of them): the
//     memory should not grow with the pages;
//   - tesseract: Debian's `tesseract` (tesseract-ocr), one process per page, one per core at a time
//     (OMP_THREAD_LIMIT=1), on the same pages as 1-bit PNGs, no preprocessing;
//   - accuracy: word error rate of each against the original pages' text layer;
//   - with --ocr-steps, each preprocessing step left out in turn: its effect on accuracy and time.
//
//   node dist/bench/ocr-bench.js [--pages 8] [--ocr-steps]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { OcrPool } from '../src/ingest/ocr-pool.js';
import { readScannedPages } from '../src/ingest/ocr-pages.js';
import type { PreprocessOptions } from '../src/ingest/ocr-preprocess.js';
import { readPdfPages } from '../src/ingest/read-pdf.js';
import { faxPages, faxPdf, type FaxPage } from './fax.js';
import { DEFAULT_SEED, ensureBundle, repoRoot } from './generate.js';

export interface OcrBenchResult {
  pages: number;
  cores: number;
  /** cpuMsPerPage: CPU time of all threads ÷ pages — steadier than wall time on a busy machine */
  chartline: { pagesPerSecond: number; wallMs: number; cpuMsPerPage: number; peakRssMiB: number; peakRssMiBHalf: number; wer: number };
  tesseract: { pagesPerSecond: number; wallMs: number; cpuMsPerPage: number | null; wer: number; version: string } | { skipped: string };
  steps?: Array<{ without: string; wer: number; msPerPage: number }>;
}

/** Words, lower case, punctuation off their ends: what a reader compares. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ''))
    .filter(Boolean);
}

/** Word error rate: word-level edit distance ÷ reference words. */
export function wordErrorRate(hypothesis: string, reference: string): { errors: number; words: number } {
  const h = words(hypothesis);
  const r = words(reference);
  let prev = Array.from({ length: r.length + 1 }, (_, j) => j);
  for (let i = 1; i <= h.length; i++) {
    const cur = [i];
    for (let j = 1; j <= r.length; j++) cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (h[i - 1] === r[j - 1] ? 0 : 1));
    prev = cur;
  }
  return { errors: prev[r.length] as number, words: r.length };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - t0 }));
  });
}

/** CPU time (ms) of this process's finished children, from /proc (Linux); null elsewhere. */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticks;
  } catch {
    return null;
  }
}

async function timeChartline(root: string, pdf: string, tmp: string): Promise<{ wallMs: number; cpuMs: number; peakRssMiB: number }> {
  const probe = join(tmp, 'probe.json');
  const r = await run(
    process.execPath,
    ['--v8-pool-size=1', '--import', join(root, 'dist', 'bench', 'rss-probe.js'), join(root, 'bin', 'chartline.mjs'), 'process', pdf, '--no-progress', '--out', join(tmp, 'timeline.json')],
    {
      ...process.env,
      BENCH_PROBE_FILE: probe,
    },
  );
  if (r.code !== 0) throw new Error(`chartline process failed on ${pdf}: ${r.stderr.slice(-1000)}`);
  const usage = JSON.parse(readFileSync(probe, 'utf8')) as { maxRssKiB: number; userMs: number; systemMs: number };
  return { wallMs: r.ms, cpuMs: usage.userMs + usage.systemMs, peakRssMiB: usage.maxRssKiB / 1024 };
}

/** `tesseract` on every page, `cores` processes at a time, each on one thread. */
async function timeTesseract(pngs: string[], cores: number): Promise<{ wallMs: number; cpuMs: number | null; texts: string[] }> {
  const texts: string[] = new Array(pngs.length).fill('');
  let next = 0;
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const lane = async () => {
    while (next < pngs.length) {
      const i = next++;
      const r = await run('tesseract', [pngs[i] as string, 'stdout'], { ...process.env, OMP_THREAD_LIMIT: '1' });
      if (r.code !== 0) throw new Error(`tesseract failed: ${r.stderr.slice(-500)}`);
      texts[i] = r.stdout;
    }
  };
  await Promise.all(Array.from({ length: cores }, lane));
  const c1 = childrenCpuMs();
  return { wallMs: performance.now() - t0, cpuMs: c0 === null || c1 === null ? null : c1 - c0, texts };
}

export async function benchOcr(options: { root?: string; pages?: number; steps?: boolean; log?: (line: string) => void } = {}): Promise<OcrBenchResult> {
  const root = options.root ?? repoRoot();
  const log = options.log ?? (() => undefined);
  const want = Math.max(2, options.pages ?? 8);
  const cores = availableParallelism();
  const tmp = mkdtempSync(join(tmpdir(), 'chartline-ocr-bench-'));
  try {
    // the pages: the benchmark bundle's first pages, faxed; the reference: their text layer
    const bundle = await ensureBundle(DEFAULT_SEED, 50);
    const fax: FaxPage[] = [];
    const reference: string[] = [];
    for (const f of bundle.files) {
      if (fax.length >= want) break;
      const pdf = new Uint8Array(readFileSync(join(bundle.dir, f.name)));
      const layer = await readPdfPages(pdf);
      const pages = await faxPages(pdf, { seed: f.name });
      for (const [i, p] of pages.entries()) {
        if (fax.length >= want) break;
        fax.push(p);
        reference.push(layer[i]?.text ?? '');
      }
    }
    const pdfPath = join(tmp, 'fax.pdf');
    const halfPath = join(tmp, 'fax-half.pdf');
    const faxBytes = await faxPdf(fax);
    writeFileSync(pdfPath, faxBytes);
    writeFileSync(halfPath, await faxPdf(fax.slice(0, Math.ceil(fax.length / 2))));
    const pngs: string[] = [];
    for (const [i, p] of fax.entries()) {
      const png = join(tmp, `page-${i + 1}.png`);
      await sharp(p.pixels, { raw: { width: p.width, height: p.height, channels: 1 } })
        .toColourspace('b-w')
        .png()
        .withMetadata({ density: p.dpi })
        .toFile(png);
      pngs.push(png);
    }
    log(`ocr: ${fax.length} fax pages from ${bundle.dir}`);

    // side by side: tesseract, chartline, tesseract again, chartline again; the faster of each pair
    const version = /tesseract ([\d.]+)/.exec(spawnSync('tesseract', ['--version'], { encoding: 'utf8' }).stdout ?? '')?.[1];
    const cli: Array<{ wallMs: number; cpuMs: number | null; texts: string[] }> = [];
    const ours: Array<{ wallMs: number; cpuMs: number; peakRssMiB: number }> = [];
    for (let rep = 0; rep < 2; rep++) {
      if (version) cli.push(await timeTesseract(pngs, cores));
      ours.push(await timeChartline(root, pdfPath, tmp));
      log(`ocr: rep ${rep + 1}: chartline ${(ours.at(-1)?.wallMs ?? 0) / 1000} s${version ? `, tesseract ${(cli.at(-1)?.wallMs ?? 0) / 1000} s` : ''}`);
    }
    const half = await timeChartline(root, halfPath, tmp);
    const best = ours.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));

    // accuracy: chartline's OCR'd page text (before cleaning) against the text layer
    const pool = new OcrPool();
    const wer = async (preprocess?: PreprocessOptions) => {
      const t0 = performance.now();
      const read = await readScannedPages(
        'fax.pdf',
        faxBytes,
        fax.map((_, i) => ({ num: i + 1, text: '' })),
        { pool, ...(preprocess ? { preprocess } : {}) },
      );
      const ms = performance.now() - t0;
      let errors = 0;
      let total = 0;
      for (const [i, p] of read.pages.entries()) {
        const w = wordErrorRate(p.text, reference[i] ?? '');
        errors += w.errors;
        total += w.words;
      }
      return { wer: errors / Math.max(total, 1), msPerPage: ms / fax.length };
    };
    let steps: OcrBenchResult['steps'];
    try {
      const all = await wer();
      if (options.steps) {
        steps = [{ without: 'nothing (all steps)', ...all }];
        for (const [name, p] of [
          ['rule erasing', { rules: false }],
          ['speck erasing', { specks: false }],
          ['rules and specks', { rules: false, specks: false }],
        ] as const) {
          steps.push({ without: name, ...(await wer(p)) });
          log(`ocr: without ${name}: WER ${(100 * (steps.at(-1)?.wer ?? 0)).toFixed(1)}%`);
        }
      }
      const cliWer = cli[0]
        ? cli[0].texts.reduce(
            (acc, t, i) => {
              const w = wordErrorRate(t, reference[i] ?? '');
              return { e: acc.e + w.errors, n: acc.n + w.words };
            },
            { e: 0, n: 0 },
          )
        : null;
      const cliBest = cli.length ? cli.reduce((a, b) => (b.wallMs < a.wallMs ? b : a)) : null;
      return {
        pages: fax.length,
        cores,
        chartline: {
          pagesPerSecond: fax.length / (best.wallMs / 1000),
          wallMs: best.wallMs,
          cpuMsPerPage: Math.min(...ours.map((o) => o.cpuMs)) / fax.length,
          peakRssMiB: Math.max(...ours.map((o) => o.peakRssMiB)),
          peakRssMiBHalf: half.peakRssMiB,
          wer: all.wer,
        },
        tesseract:
          cliBest && cliWer && version
            ? {
                pagesPerSecond: fax.length / (cliBest.wallMs / 1000),
                wallMs: cliBest.wallMs,
                cpuMsPerPage: cliBest.cpuMs === null ? null : cliBest.cpuMs / fax.length,
                wer: cliWer.e / Math.max(cliWer.n, 1),
                version,
              }
            : { skipped: 'the tesseract command is not installed (apt-get install tesseract-ocr)' },
        ...(steps ? { steps } : {}),
      };
    } finally {
      await pool.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function formatOcrBench(r: OcrBenchResult): string[] {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = [
    `OCR, ${r.pages} fax pages (200 dpi G4, skewed, speckled), ${r.cores} cores:`,
    `  chartline (tesseract.js, cleaned pages, one Tesseract per core): ${r.chartline.pagesPerSecond.toFixed(2)} pages/s · ${(r.chartline.cpuMsPerPage / 1000).toFixed(2)} CPU s/page (start-up included) · WER ${pct(r.chartline.wer)} · peak RSS ${r.chartline.peakRssMiB.toFixed(0)} MiB (${Math.ceil(r.pages / 2)} pages: ${r.chartline.peakRssMiBHalf.toFixed(0)} MiB)`,
    'skipped' in r.tesseract
      ? `  tesseract CLI: skipped (${r.tesseract.skipped})`
      : `  tesseract ${r.tesseract.version} CLI (one process per core, no preprocessing): ${r.tesseract.pagesPerSecond.toFixed(2)} pages/s · ${r.tesseract.cpuMsPerPage === null ? 'n/a' : (r.tesseract.cpuMsPerPage / 1000).toFixed(2)} CPU s/page · WER ${pct(r.tesseract.wer)} · speed ratio chartline/CLI ${(r.chartline.pagesPerSecond / r.tesseract.pagesPerSecond).toFixed(2)}`,
  ];
  for (const s of r.steps ?? []) lines.push(`  without ${s.without}: WER ${pct(s.wer)}, ${(s.msPerPage / 1000).toFixed(2)} s/page (pool of ${r.cores})`);
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  const pagesArg = argv.indexOf('--pages');
  benchOcr({ pages: pagesArg >= 0 ? Number(argv[pagesArg + 1]) : 8, steps: argv.includes('--ocr-steps'), log: (l) => process.stderr.write(`${l}\n`) })
    .then((r) => {
      process.stdout.write(`${formatOcrBench(r).join('\n')}\n`);
      writeFileSync(join(repoRoot(), 'bench', 'ocr-results.json'), `${JSON.stringify(r, null, 2)}\n`);
    })
    .catch((err: Error) => {
      process.stderr.write(`ocr bench: ${err.stack ?? err.message}\n`);
      process.exit(1);
    });
}
