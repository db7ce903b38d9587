// The benchmark: `npm run bench` (add `-- --full` for the 5,000-page bundle).
//
// On the same generated bundles (bench/generate.ts) it measures
//   - poppler's pdftotext on every file of the bundle, one process per file, one after another;
//   - `chartline process` end to end, as a child process: wall time, CPU time, peak RSS, and the time
//     per stage it reports with --timings;
//   - the queue: the 500-page bundle enqueued and processed by 1 and by 2 `chartline worker`
//     processes on the local Redis and PostgreSQL, until its timeline is stored;
// several repetitions each, medians reported (the queue's after one warm-up bundle per setup).
// Prints tables and, last, one summary line; writes bench/results.json.
//
//   - bounded work (bench/stress-bench.ts): 1 MB and 5 MB of text without punctuation, 5 MB of
//     sentences, a 200 MB text, each against its time and peak-RSS target;
//   - OCR (bench/ocr-bench.ts): faxed pages read by chartline and by the `tesseract` command line, side
//     by side, with peak RSS and word error rates;
//   node dist/bench/run.js [--full] [--reps N] [--seed S] [--sizes 50,500] [--no-queue] [--no-ocr] [--ocr-pages N] [--ocr-steps]
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, ensureBundle, repoRoot, type Bundle } from './generate.js';
import { benchOcr, formatOcrBench, type OcrBenchResult } from './ocr-bench.js';
import { runStressRows, STRESS_HEAD, stressLine, type StressRow } from './stress-bench.js';

const REFERENCE_DATE = '2025-06-30';
const STAGES = ['ingest', 'text', 'dates', 'extract', 'checks', 'timeline'] as const;

interface Options {
  full: boolean;
  reps: number;
  seed: string;
  sizes: number[];
  queue: boolean;
  queueSize: number;
  ocr: boolean;
  ocrPages: number;
  ocrSteps: boolean;
  /** the bounded-work rows (bench/stress-bench.ts) */
  stress: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { full: false, reps: 5, seed: DEFAULT_SEED, sizes: [], queue: true, queueSize: 500, ocr: true, ocrPages: 8, ocrSteps: false, stress: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--full') o.full = true;
    else if (a === '--reps') o.reps = Number(value());
    else if (a === '--seed') o.seed = value();
    else if (a === '--sizes') o.sizes = value().split(',').map(Number);
    else if (a === '--no-queue') o.queue = false;
    else if (a === '--no-ocr') o.ocr = false;
    else if (a === '--no-stress') o.stress = false;
    else if (a === '--ocr-pages') o.ocrPages = Number(value());
    else if (a === '--ocr-steps') o.ocrSteps = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run bench [-- --full] [--reps N] [--seed S] [--sizes 50,500] [--no-queue] [--no-ocr] [--no-stress] [--ocr-pages N] [--ocr-steps]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (see --help)`);
  }
  if (!Number.isInteger(o.reps) || o.reps < 1) throw new Error('--reps must be a positive whole number');
  if (o.sizes.length === 0) o.sizes = o.full ? [50, 500, 5000] : [50, 500];
  if (o.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes must be positive whole numbers');
  return o;
}

// ── measuring ─────────────────────────────────────────────────────────────────────────────────────

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

interface Run {
  code: number | null;
  wallMs: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; onStdout?: (chunk: string) => void } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      opts.onStdout?.(c);
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, wallMs: performance.now() - t0, stdout, stderr }));
  });
}

function pdftotextVersion(): string | null {
  const r = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (r.error) return null;
  return /pdftotext version ([\d.]+)/.exec(`${r.stdout}${r.stderr}`)?.[1] ?? 'unknown';
}

let clockTicks: number | null | undefined;

/** CPU time (ms) of this process's finished children, from /proc (Linux); null elsewhere. */
function childrenCpuMs(): number | null {
  try {
    clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields from the third: cutime and cstime are the 16th and 17th
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / clockTicks;
  } catch {
    clockTicks = null;
    return null;
  }
}

/** pdftotext on every file of the bundle, one process per file, one after another (as a script would). */
async function timePdftotext(bundle: Bundle, tmp: string): Promise<{ wallMs: number; cpuMs: number | null }> {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  for (const f of bundle.files) {
    const r = await run('pdftotext', ['-q', join(bundle.dir, f.name), join(tmp, 'pdftotext.txt')]);
    if (r.code !== 0) throw new Error(`pdftotext failed on ${f.name}: ${r.stderr}`);
  }
  const wallMs = performance.now() - t0;
  const c1 = childrenCpuMs();
  return { wallMs, cpuMs: c0 === null || c1 === null ? null : c1 - c0 };
}

interface ProcessRun {
  wallMs: number;
  cpuMs: number;
  peakRssMiB: number;
  timings: Record<string, number>;
}

/**
 * The node options in bin/chartline.mjs's first line ("#!/usr/bin/env -S node --v8-pool-size=1"): the
 * bench starts chartline with the same options a user's shell does when it runs the installed command.
 */
export function binNodeOptions(root: string): string[] {
  const first = readFileSync(join(root, 'bin', 'chartline.mjs'), 'utf8').split('\n', 1)[0] ?? '';
  const m = /^#!.*?\bnode\b(.*)$/.exec(first);
  return m?.[1]?.trim() ? (m[1].trim().split(/\s+/) as string[]) : [];
}

async function timeChartline(root: string, bundle: Bundle, tmp: string): Promise<ProcessRun> {
  const probe = join(tmp, 'probe.json');
  const out = join(tmp, 'timeline.json');
  rmSync(probe, { force: true });
  const probeModule = join(root, 'dist', 'bench', 'rss-probe.js');
  const args = [
    ...binNodeOptions(root),
    '--import',
    probeModule,
    join(root, 'bin', 'chartline.mjs'),
    'process',
    bundle.dir,
    '--no-progress',
    '--reference-date',
    REFERENCE_DATE,
    '--timings',
    '--out',
    out,
  ];
  const r = await run(process.execPath, args, { env: { ...process.env, BENCH_PROBE_FILE: probe } });
  if (r.code !== 0) throw new Error(`chartline process failed (exit ${r.code}): ${r.stderr.slice(-2000)}`);
  const line = /chartline: timings (\{.*\})/.exec(r.stderr)?.[1];
  if (!line) throw new Error(`chartline process printed no timings: ${r.stderr.slice(-500)}`);
  const usage = JSON.parse(readFileSync(probe, 'utf8')) as { maxRssKiB: number; userMs: number; systemMs: number };
  return { wallMs: r.wallMs, cpuMs: usage.userMs + usage.systemMs, peakRssMiB: usage.maxRssKiB / 1024, timings: JSON.parse(line) as Record<string, number> };
}

// ── the queue ─────────────────────────────────────────────────────────────────────────────────────

interface QueueConfig {
  workers: number;
  concurrency: number;
}

interface QueueResult extends QueueConfig {
  /** from starting `chartline enqueue` to the timeline stored, per repetition */
  endToEndMs: number[];
  /** from the bundle being on the queue (enqueue printed its id) to the timeline stored */
  queueMs: number[];
  /** the first bundle after the workers started (thread start-up, JIT warm-up), not in the medians */
  warmupMs: number;
}

async function benchQueue(root: string, bundle: Bundle, reps: number, configs: QueueConfig[], log: (s: string) => void): Promise<QueueResult[] | { skipped: string }> {
  const { Redis } = await import('ioredis');
  const pg = (await import('pg')).default;
  const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const unique = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const prefix = `chartline-bench-${unique.replace(/_/g, '-')}`;
  const schema = `chartline_bench_${unique}`;
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  const db = new pg.Client({ connectionString: databaseUrl });
  try {
    await redis.connect();
    await redis.ping();
    await db.connect();
  } catch (err) {
    redis.disconnect();
    await db.end().catch(() => undefined);
    return { skipped: `Redis (${redisUrl}) or PostgreSQL (${databaseUrl}) not reachable: ${(err as Error).message}` };
  }
  const data = mkdtempSync(join(tmpdir(), 'chartline-bench-queue-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    REDIS_URL: redisUrl,
    DATABASE_URL: databaseUrl,
    CHARTLINE_QUEUE_PREFIX: prefix,
    CHARTLINE_DB_SCHEMA: schema,
    CHARTLINE_DATA: join(data, 'data'),
    CHARTLINE_BLOBS: join(data, 'blobs'),
    CHARTLINE_LOG_LEVEL: 'info',
  };
  const cli = join(root, 'bin', 'chartline.mjs');
  const node = [...binNodeOptions(root), cli];
  const results: QueueResult[] = [];
  const children = new Set<ReturnType<typeof spawn>>();
  try {
    for (const config of configs) {
      // workers one at a time: the first creates and migrates the schema
      for (let w = 0; w < config.workers; w++) {
        const child = spawn(process.execPath, [...node, 'worker', '--concurrency', String(config.concurrency)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
        children.add(child);
        await new Promise<void>((resolve, reject) => {
          let err = '';
          const timer = setTimeout(() => reject(new Error(`worker not ready after 60 s: ${err.slice(-1000)}`)), 60_000);
          child.stderr?.setEncoding('utf8').on('data', (c: string) => {
            err += c;
            if (err.includes('workers ready')) {
              clearTimeout(timer);
              resolve();
            }
          });
          child.on('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`worker exited (${code}) before it was ready: ${err.slice(-1000)}`));
          });
        });
      }
      const result: QueueResult = { ...config, endToEndMs: [], queueMs: [], warmupMs: 0 };
      // rep 0 warms the workers up: a worker is a long-running service, its steady state is warm
      for (let rep = 0; rep <= reps; rep++) {
        const id = `bench-${bundle.pages}-w${config.workers}c${config.concurrency}-r${rep}-${unique.replace(/_/g, '-')}`;
        const t0 = performance.now();
        let queuedAt = 0;
        const enqueue = await run(process.execPath, [...node, 'enqueue', bundle.dir, '--bundle', id, '--reference-date', REFERENCE_DATE, '--no-progress'], {
          env,
          onStdout: () => (queuedAt ||= performance.now()),
        });
        if (enqueue.code !== 0) throw new Error(`chartline enqueue failed: ${enqueue.stderr.slice(-1000)}`);
        for (;;) {
          const r = await db.query<{ timeline_at: Date | null; status: string; error: string | null }>(`select timeline_at, status, error from "${schema}".bundles where id = $1`, [id]);
          const row = r.rows[0];
          if (row?.timeline_at) break;
          if (row?.status === 'failed') throw new Error(`bundle ${id} failed: ${row.error}`);
          if (performance.now() - t0 > 600_000) throw new Error(`bundle ${id} not stored after 10 minutes`);
          await new Promise((r) => setTimeout(r, 20));
        }
        const t1 = performance.now();
        if (rep === 0) result.warmupMs = t1 - queuedAt;
        else {
          result.endToEndMs.push(t1 - t0);
          result.queueMs.push(t1 - queuedAt);
        }
        log(
          `  queue ${config.workers} worker${config.workers > 1 ? 's' : ''} × ${config.concurrency} thread${config.concurrency > 1 ? 's' : ''}, ${rep === 0 ? 'warm-up' : `rep ${rep}`}: ${((t1 - t0) / 1000).toFixed(2)} s to the stored timeline (${((t1 - queuedAt) / 1000).toFixed(2)} s from queued)`,
        );
      }
      results.push(result);
      await stopAll(children);
    }
    return results;
  } finally {
    await stopAll(children);
    await db.query(`drop schema if exists "${schema}" cascade`).catch(() => undefined);
    await db.end().catch(() => undefined);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
    rmSync(data, { recursive: true, force: true });
  }
}

async function stopAll(children: Set<ReturnType<typeof spawn>>): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          children.delete(child);
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

/**
 * How much slower the pipeline runs when two copies share the machine: the 500-page bundle through
 * processDocument (warm) in one process alone, then in two at once. Two queue workers can go at most
 * 2 × alone/together times faster than one, whatever the queue does.
 */
async function pipelineScaling(root: string, bundle: Bundle, log: (s: string) => void): Promise<{ aloneMs: number; togetherMs: number[]; ceiling: number }> {
  const probe = [...binNodeOptions(root), join(root, 'dist', 'bench', 'pipeline-probe.js'), bundle.dir, '3'];
  const once = async () => {
    const r = await run(process.execPath, probe);
    if (r.code !== 0) throw new Error(`pipeline probe failed: ${r.stderr.slice(-1000)}`);
    return Number(r.stdout.trim());
  };
  const aloneMs = await once();
  const togetherMs = await Promise.all([once(), once()]);
  const ceiling = (2 * aloneMs) / Math.max(...togetherMs);
  log(`  pipeline alone ${s2(aloneMs)} s, two at once ${togetherMs.map(s2).join(' s and ')} s: two workers can be at most ${ceiling.toFixed(2)}× one`);
  return { aloneMs, togetherMs, ceiling };
}

// ── report ────────────────────────────────────────────────────────────────────────────────────────

const s2 = (ms: number) => (ms / 1000).toFixed(2);
const f1 = (n: number) => n.toFixed(1);

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const root = repoRoot();
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const version = pdftotextVersion();
  if (!version) {
    process.stderr.write('bench: pdftotext (poppler) is not installed; on Debian/Ubuntu: apt-get install -y poppler-utils\n');
    process.exit(2);
  }
  if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js'))) throw new Error('chartline is not built: run `npm run build` first');
  const tmp = mkdtempSync(join(tmpdir(), 'chartline-bench-'));
  const machine = { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version, pdftotext: version, loadAvgStart: loadavg()[0] as number, loadAvgEnd: 0 };
  log(`bench: ${machine.cores} cores (${machine.cpu}), node ${machine.node}, pdftotext ${version}, load average ${machine.loadAvgStart.toFixed(2)}`);

  const sizes: {
    pages: number;
    files: number;
    pdftotextMs: number[];
    pdftotextCpuMs: (number | null)[];
    chartline: ProcessRun[];
  }[] = [];
  try {
    for (const pages of o.sizes) {
      const bundle = await ensureBundle(o.seed, pages);
      log(`${pages} pages: ${bundle.files.length} files in ${bundle.dir}${bundle.cached ? ' (cached)' : `, generated in ${s2(bundle.generateMs)} s`}`);
      const entry = { pages, files: bundle.files.length, pdftotextMs: [] as number[], pdftotextCpuMs: [] as (number | null)[], chartline: [] as ProcessRun[] };
      // the biggest bundle takes a while; fewer repetitions there
      const reps = pages >= 5000 ? Math.min(o.reps, 2) : o.reps;
      if (busy(machine)) log(`  note: the machine is busy (load average ${loadavg()[0]?.toFixed(1)} on ${machine.cores} cores); wall times will be long, CPU times are steadier`);
      for (let rep = 1; rep <= reps; rep++) {
        // alternate the order so neither tool always runs on a warmer page cache
        const order = rep % 2 ? (['pdftotext', 'chartline'] as const) : (['chartline', 'pdftotext'] as const);
        for (const tool of order) {
          if (tool === 'pdftotext') {
            const p = await timePdftotext(bundle, tmp);
            entry.pdftotextMs.push(p.wallMs);
            entry.pdftotextCpuMs.push(p.cpuMs);
          } else entry.chartline.push(await timeChartline(root, bundle, tmp));
        }
        const c = entry.chartline.at(-1) as ProcessRun;
        log(`  rep ${rep}: pdftotext ${s2(entry.pdftotextMs.at(-1) as number)} s · chartline ${s2(c.wallMs)} s (cpu ${s2(c.cpuMs)} s, peak RSS ${f1(c.peakRssMiB)} MiB)`);
      }
      sizes.push(entry);
    }

    let queue: QueueResult[] | { skipped: string } | null = null;
    let scaling: Awaited<ReturnType<typeof pipelineScaling>> | null = null;
    if (o.queue) {
      const bundle = await ensureBundle(o.seed, o.queueSize);
      log(`queue: the ${o.queueSize}-page bundle through chartline enqueue and chartline worker`);
      scaling = await pipelineScaling(root, bundle, log);
      queue = await benchQueue(
        root,
        bundle,
        Math.min(o.reps, 3),
        [
          { workers: 1, concurrency: 1 },
          { workers: 2, concurrency: 1 },
          { workers: 1, concurrency: machine.cores },
        ],
        log,
      );
    }
    let ocr: OcrBenchResult | null = null;
    if (o.ocr) ocr = await benchOcr({ root, pages: o.ocrPages, steps: o.ocrSteps, log });
    let stress: StressRow[] | null = null;
    if (o.stress) {
      log('bounded work: pathological texts through chartline process');
      stress = await runStressRows(root, null, (line) => log(`  ${line}`));
    }
    machine.loadAvgEnd = loadavg()[0] as number;

    // ── figures
    const perSize = sizes.map((s) => {
      const wall = median(s.chartline.map((c) => c.wallMs));
      const pdftotext = median(s.pdftotextMs);
      const cpus = s.pdftotextCpuMs.filter((c): c is number => c !== null);
      const pdftotextCpu = cpus.length ? median(cpus) : null;
      const cpuMs = median(s.chartline.map((c) => c.cpuMs));
      const stageMs = Object.fromEntries(['startup', ...STAGES, 'fingerprint', 'bundle', 'output', 'threads'].map((k) => [k, median(s.chartline.map((c) => c.timings[k] ?? 0))]));
      return {
        pages: s.pages,
        files: s.files,
        reps: s.chartline.length,
        pdftotextMs: pdftotext,
        chartlineMs: wall,
        ratio: wall / pdftotext,
        pagesPerSecond: s.pages / (wall / 1000),
        pdftotextPagesPerSecond: s.pages / (pdftotext / 1000),
        cpuMs,
        pdftotextCpuMs: pdftotextCpu,
        /** CPU time (all threads) against pdftotext's: steadier than wall time on a busy machine */
        cpuRatio: pdftotextCpu ? cpuMs / pdftotextCpu : null,
        peakRssMiB: Math.max(...s.chartline.map((c) => c.peakRssMiB)),
        stageMs,
        runs: { pdftotextMs: s.pdftotextMs, pdftotextCpuMs: s.pdftotextCpuMs, chartline: s.chartline },
      };
    });
    const first = perSize[0];
    const last = perSize.at(-1);
    // checks include the per-page fingerprints the duplicate check compares
    const stageOf = (s: (typeof perSize)[number], stage: string) => (stage === 'checks' ? (s.stageMs.checks ?? 0) + (s.stageMs.fingerprint ?? 0) : (s.stageMs[stage] ?? 0));
    const growth = first && last && last !== first ? Object.fromEntries(STAGES.map((st) => [st, stageOf(last, st) / Math.max(0.001, stageOf(first, st))])) : {};
    const ref = perSize.find((s) => s.pages === 500) ?? last;
    const big = perSize.find((s) => s.pages === 5000);
    const q = queue && !('skipped' in queue) ? queue : null;
    const one = q?.find((r) => r.workers === 1 && r.concurrency === 1);
    const two = q?.find((r) => r.workers === 2 && r.concurrency === 1);
    const workerSpeedup = one && two ? median(one.queueMs) / median(two.queueMs) : null;

    const results = {
      ratioVsPdftotext: ref ? round(ref.ratio, 2) : null,
      pagesPerSecond: ref ? round(ref.pagesPerSecond, 1) : null,
      peakRssMiB5000: big ? round(big.peakRssMiB, 1) : null,
      workerSpeedup: workerSpeedup === null ? null : round(workerSpeedup, 2),
      /** 2 × (pipeline alone ÷ two pipelines at once): the most two workers could gain on this machine */
      workerSpeedupCeiling: scaling ? round(scaling.ceiling, 2) : null,
      pipelineScaling: scaling,
      cpuRatioVsPdftotext: ref?.cpuRatio ? round(ref.cpuRatio, 2) : null,
      referencePages: ref?.pages ?? null,
      machine,
      seed: o.seed,
      sizes: perSize,
      stages: {
        names: STAGES,
        note: 'ms summed over documents (ingest on the PDF reader threads overlaps the others); checks include page fingerprints',
        growth: { from: first?.pages, to: last?.pages, pageFactor: first && last ? last.pages / first.pages : null, factor: growth },
      },
      ocr,
      stress,
      queue: q ? q.map((r) => ({ ...r, medianEndToEndMs: median(r.endToEndMs), medianQueueMs: median(r.queueMs), pagesPerSecond: o.queueSize / (median(r.queueMs) / 1000) })) : queue,
    };
    writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

    // ── tables
    const out: string[] = [];
    out.push(
      `machine: ${machine.cores} cores, ${machine.cpu}, node ${machine.node}, pdftotext ${version}; load average ${machine.loadAvgStart.toFixed(1)} → ${machine.loadAvgEnd.toFixed(1)}; medians of ${o.reps} runs (${Math.min(o.reps, 2)} at 5,000 pages, ${Math.min(o.reps, 3)} per queue setup)`,
    );
    out.push('');
    out.push(
      table(
        ['pages', 'files', 'pdftotext s', 'chartline s', 'ratio', 'pages/s', 'CPU s (pdftotext)', 'CPU ratio', 'peak RSS MiB'],
        perSize.map((s) => [
          s.pages,
          s.files,
          s2(s.pdftotextMs),
          s2(s.chartlineMs),
          s.ratio.toFixed(2),
          f1(s.pagesPerSecond),
          `${s2(s.cpuMs)} (${s.pdftotextCpuMs === null ? 'n/a' : s2(s.pdftotextCpuMs)})`,
          s.cpuRatio === null ? 'n/a' : s.cpuRatio.toFixed(2),
          f1(s.peakRssMiB),
        ]),
      ),
    );
    out.push('');
    const stageHead = ['stage (ms/page)', ...perSize.map((s) => `${s.pages} p`), first && last && first !== last ? `${first.pages}→${last.pages} ×` : ''];
    const stageRows = [
      ...STAGES.map((st) => [st, ...perSize.map((s) => (stageOf(s, st) / s.pages).toFixed(2)), growth[st] !== undefined ? `${f1(growth[st] as number)}` : '']),
      ['startup (ms)', ...perSize.map((s) => String(Math.round(s.stageMs.startup ?? 0))), ''],
      ['output (ms)', ...perSize.map((s) => String(Math.round(s.stageMs.output ?? 0))), ''],
    ];
    out.push(
      table(
        stageHead.filter(Boolean),
        stageRows.map((r) => r.slice(0, stageHead.filter(Boolean).length)),
      ),
    );
    const readers = perSize.map((s) => `${s.pages} p: ${s.stageMs.threads ?? 0}`).join(', ');
    if (first && last && first !== last) out.push(`(linear growth would be × ${last.pages / first.pages}; stage ms are summed over documents; PDF reader threads beside the main thread — ${readers})`);
    if (q) {
      out.push('');
      out.push(
        table(
          [`queue, ${o.queueSize} pages`, 'enqueue → stored s', 'queued → stored s', 'pages/s', 'speed-up'],
          q.map((r) => [
            `${r.workers} worker${r.workers > 1 ? 's' : ''} × ${r.concurrency} thread${r.concurrency > 1 ? 's' : ''}`,
            s2(median(r.endToEndMs)),
            s2(median(r.queueMs)),
            f1(o.queueSize / (median(r.queueMs) / 1000)),
            one ? (median(one.queueMs) / median(r.queueMs)).toFixed(2) : '',
          ]),
        ),
      );
      if (scaling) {
        out.push(
          `(the pipeline alone on the ${o.queueSize}-page bundle, warm: ${s2(scaling.aloneMs)} s; two copies at once: ${scaling.togetherMs.map(s2).join(' s and ')} s each — ` +
            `so two workers can be at most ${scaling.ceiling.toFixed(2)}× one on this machine)`,
        );
      }
    } else if (queue && 'skipped' in queue) out.push(`\nqueue: skipped (${queue.skipped})`);
    out.push('');
    const fmt = (v: number | null, digits: number, unit = '') => (v === null ? 'n/a' : `${v.toFixed(digits)}${unit}`);
    const rss = big ? `${fmt(results.peakRssMiB5000, 0)} MiB` : 'n/a (run with --full)';
    if (ocr) {
      out.push('');
      out.push(...formatOcrBench(ocr));
    }
    if (stress) {
      out.push('');
      out.push('bounded work (targets: issue 15):');
      out.push(...STRESS_HEAD, ...stress.map(stressLine));
    }
    out.push('');
    out.push(
      `ratio vs pdftotext: ${fmt(results.ratioVsPdftotext, 2)} · pages/s: ${fmt(results.pagesPerSecond, 1)} · peak RSS (5000 pages): ${rss} · 2-worker speed-up: ${fmt(results.workerSpeedup, 2)}`,
    );
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** the load average is above the core count: other work competes for the CPUs */
function busy(machine: { cores: number }): boolean {
  return (loadavg()[0] ?? 0) > machine.cores;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err: Error) => {
    process.stderr.write(`bench: ${err.stack ?? err.message}\n`);
    process.exit(1);
  });
}
