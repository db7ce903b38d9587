// chartline process <file|dir>... — the main job, with no Redis and no database.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { detectFormat } from '../../ingest/detect-format.js';
import type { InputFile } from '../../ingest/ingest-document.js';
import { PdfPool } from '../../ingest/pdf-pool.js';
import { isCalendarDay, referenceDay } from '../../reference-day.js';
import type { Timeline } from '../../schema.js';
import { defaultBundleName, expandInputs, readInput, UsageError } from '../inputs.js';
import { createProgress } from '../progress.js';

/** A bundle of few or small PDFs is read faster on the main thread than a thread's start-up would save. */
const POOL_MIN_BYTES = 256 * 1024;

/**
 * Reader threads for a bundle: one less than the CPUs (the main thread analyses what they read),
 * at least one; none for a single PDF or a small bundle.
 */
export function defaultThreads(files: readonly InputFile[], cpus = availableParallelism()): number {
  const pdfs = files.filter((f) => detectFormat(f.name, f.data) === 'pdf');
  const bytes = pdfs.reduce((n, f) => n + f.data.byteLength, 0);
  if (pdfs.length < 2 || bytes < POOL_MIN_BYTES) return 0;
  return Math.min(pdfs.length, Math.max(1, cpus - 1));
}

export function registerProcess(program: Command): void {
  program
    .command('process')
    .description('read record files (PDF, text, scanned TIFF/PNG/JPEG) and print their timeline: dated events with sources, and flagged discrepancies')
    .argument('<paths...>', 'files, or folders read recursively')
    .option('-f, --format <format>', 'json, text, or fhir (a FHIR R4 Bundle: see `chartline export --help`)', 'json')
    .option('-o, --out <file>', 'write the output to a file instead of stdout')
    .option('-b, --bundle <name>', 'bundle name in the output (default: the folder or file name)')
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .option('--no-progress', 'never show progress')
    .option('--reference-date <date>', 'read dates against this day instead of today (YYYY-MM-DD)')
    .option('--store', 'also keep the bundle in the database (DATABASE_URL, else the embedded one in CHARTLINE_DATA) for `chartline timeline` and the web app; its id goes to stderr')
    .option(
      '--threads <n>',
      'threads reading PDFs while the main thread analyses them (default: one less than the CPUs, at least 1, for bundles of several PDFs over 256 KiB; else 0: read on the main thread)',
    )
    .option('--timings', 'print the time spent in each stage (ms, summed over documents) as one JSON line on stderr')
    .option('--no-ocr', 'do not OCR pages without a text layer (scans, faxes, TIFF/PNG/JPEG files); report them as needs_ocr instead')
    .addHelpText(
      'after',
      `
Exit status: 0 when at least one document was read (unreadable ones are listed in
documents[].errors), 1 when none could be, 2 on a usage error.

Examples:
  chartline process samples/lumbar-mri-dispute
  chartline process a.pdf b.pdf --format text
  chartline process records/ --out timeline.json`,
    )
    .action(
      async (
        paths: string[],
        opts: { format: string; out?: string; bundle?: string; progress?: boolean; referenceDate?: string; store?: boolean; threads?: string; timings?: boolean; ocr?: boolean },
      ) => {
        if (opts.format !== 'json' && opts.format !== 'text' && opts.format !== 'fhir') throw new UsageError(`--format must be json, text or fhir, not "${opts.format}"`);
        if (opts.threads !== undefined && !(Number.isInteger(Number(opts.threads)) && Number(opts.threads) >= 0))
          throw new UsageError(`--threads must be a whole number, 0 or more, not "${opts.threads}"`);
        let referenceDate: Date | undefined;
        if (opts.referenceDate) {
          if (!isCalendarDay(opts.referenceDate)) throw new UsageError(`--reference-date must be YYYY-MM-DD, not "${opts.referenceDate}"`);
          referenceDate = referenceDay(opts.referenceDate);
        }
        const inputs = expandInputs(paths);
        const showProgress = opts.progress ?? process.stderr.isTTY === true;
        const progress = createProgress(showProgress && opts.progress !== false, 'processing');
        const files = inputs.map(readInput);
        const threads = opts.threads !== undefined ? Number(opts.threads) : defaultThreads(files);
        // opened first: a database that is locked or unreachable fails before the work, not after
        const recorder = opts.store ? await (await import('../../store/process-recorder.js')).ProcessRecorder.open() : undefined;
        // --format fhir embeds each document's page texts, which the timeline itself does not keep
        const pageTexts = opts.format === 'fhir' ? new Map<string, string[]>() : undefined;
        // PDFs are read on other threads while this one analyses those already read. The first reader
        // starts loading pdf.js now, while this thread loads the pipeline.
        // One reader thread is the slower side of the two (pdf.js costs more than the analysis), so this
        // thread cleans and fingerprints the pages; several readers do both on their threads.
        const pool = threads > 0 ? new PdfPool({ size: threads, clean: threads > 1 }) : undefined;
        // and reads the first documents while this thread loads the rest of chartline
        pool?.prefetch(
          files
            .filter((f) => detectFormat(f.name, f.data) === 'pdf')
            .slice(0, pool.size * pool.depth)
            .map((f) => f.data),
        );
        const [{ emptyTimings, processBundle }, { TimelineSchema }, { loadPatterns }] = await Promise.all([
          import('../../pipeline.js'),
          import('../../schema.js'),
          import('../../patterns/load-patterns.js'),
        ]);
        if (pool && pool.size > 1) pool.fingerprintShingle = loadPatterns().data.checks.duplicate.shingleSize;
        // ms since the process started: node, and loading chartline's modules
        const startup = performance.now();
        const timings = emptyTimings();
        const started = performance.now();
        let processed = started;
        let timeline: Timeline;
        let bundleProgress = { done: 0, total: files.length, pages: 0 };
        try {
          timeline = await processBundle(opts.bundle ?? defaultBundleName(paths), files, {
            referenceDate,
            pdfReader: pool?.read,
            // enough documents in progress to keep every reader thread's queue full while one is analysed
            // (without reader threads, still a few documents at once: a bundle of small faxes keeps every
            // OCR thread busy instead of reading one page at a time)
            concurrency: pool ? pool.size * pool.depth + 1 : opts.ocr !== false ? availableParallelism() : 1,
            timings,
            onProgress: (p) => {
              bundleProgress = p;
              progress.update(p.done, p.total, `${p.pages} pages${p.current ? ` · ${p.current}` : ''}`);
            },
            // OCR takes seconds a page: the bar moves with every page read
            onOcrPage: (file, done, total) => progress.update(bundleProgress.done, bundleProgress.total, `${bundleProgress.pages} pages · OCR ${file}: page ${done} of ${total}`),
            ocr: { enabled: opts.ocr !== false },
            onDocument:
              recorder || pageTexts
                ? (result, file) => {
                    pageTexts?.set(
                      result.info.sha256,
                      result.pages.map((p) => p.text),
                    );
                    return recorder?.onDocument(result, file);
                  }
                : undefined,
          });
          processed = performance.now();
          progress.done();
          await pool?.close();
          TimelineSchema.parse(timeline);
          if (recorder) {
            const id = await recorder.save(timeline, { bundleId: opts.bundle, referenceDate: opts.referenceDate ?? new Date().toISOString().slice(0, 10) });
            process.stderr.write(`chartline: stored as bundle ${id} in ${recorder.location}\n`);
          }
        } finally {
          await pool?.close();
          await recorder?.close();
        }
        const rendered =
          opts.format === 'text'
            ? (await import('../format-text.js')).formatText(timeline, { width: process.stdout.columns, color: !opts.out && process.stdout.isTTY === true })
            : opts.format === 'fhir'
              ? await renderFhirBundle(timeline, pageTexts ?? new Map(), opts.bundle)
              : `${JSON.stringify(timeline, null, 2)}\n`;
        if (opts.out) writeFileSync(opts.out, rendered);
        else process.stdout.write(rendered);
        if (opts.timings) {
          const round = (ms: number) => Math.round(ms * 10) / 10;
          const stages = Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, round(v)]));
          const report = {
            startup: round(startup),
            ...stages,
            bundle: round(processed - started),
            output: round(performance.now() - processed),
            threads,
            pages: timeline.documents.reduce((n, d) => n + d.pages, 0),
          };
          process.stderr.write(`chartline: timings ${JSON.stringify(report)}\n`);
        }
        // readable: some page has text (a scan with no text layer at all counts as unreadable)
        const readable = timeline.documents.filter((d) => d.pages > 0 && !d.errors.some((e) => (e.code !== 'needs_ocr' && e.code !== 'ocr_unreadable') || (e.pages?.length ?? 0) >= d.pages));
        if (readable.length === 0) {
          process.stderr.write(`chartline: none of the ${timeline.documents.length} document(s) could be read\n`);
          process.exitCode = 1;
        }
      },
    );
}

/**
 * `--format fhir`: the timeline as a FHIR Bundle. Its fullUrls are keyed by the id `--store` gives
 * the bundle (the --bundle id, or one derived from the name and files), so a stored bundle's
 * `chartline export` refers to every resource by the same fullUrl.
 */
async function renderFhirBundle(timeline: Timeline, bySha256: ReadonlyMap<string, string[]>, bundle: string | undefined): Promise<string> {
  const [{ timelineToFhir }, { renderFhir }, { chartlineVersion }, { deriveBundleId, isBundleId }] = await Promise.all([
    import('../../export/fhir/timeline-to-fhir.js'),
    import('../../export/fhir/fhir-exporter.js'),
    import('../../export/fhir/chartline-version.js'),
    import('../../store/bundle-id.js'),
  ]);
  const pages = new Map<string, string[]>();
  for (const doc of timeline.documents) {
    const texts = bySha256.get(doc.sha256);
    if (texts) pages.set(doc.id, texts);
  }
  const bundleId = bundle !== undefined && isBundleId(bundle) ? bundle : deriveBundleId(timeline.bundle, timeline.documents);
  return renderFhir(timelineToFhir(timeline, { pages, recorded: new Date().toISOString(), bundleId, version: chartlineVersion() }));
}
