// chartline export <bundleId> --format docx|xlsx|pdf|csv|json|fhir — a processed bundle as a file.
// The chronology formats (src/export/exporters.ts: the case header, one page-cited row per visit or
// report, the flags with both sides quoted and their review status, the reviewers' notes; the same as
// the web app's Export menu) and the other exports of a stored bundle (src/export/index.ts: fhir).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isCalendarPartialDate } from '../../reference-day.js';
import { isBundleId } from '../../queue/job-ids.js';
import { EXPORT_FORMATS, EXPORTERS } from '../../export/index.js';
import { UsageError } from '../inputs.js';

interface ExportOpts {
  format: string;
  out?: string;
  detail: string;
  search?: string;
  from?: string;
  to?: string;
  type?: string;
  flags?: string;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description("write a processed bundle's chronology as Word, Excel, PDF, CSV or JSON")
    .argument('<bundleId>', 'the id `chartline enqueue`, `process --store` or the web app gave the bundle')
    .requiredOption('-f, --format <format>', `docx, xlsx, pdf, csv, json, or ${EXPORT_FORMATS.join(', ')}`)
    .option('-o, --out <file>', 'where to write it (default: <bundle>-chronology-<date>.<format> here, - for stdout; fhir: stdout)')
    .option('--detail <detail>', 'summary (one line per visit) or full (every statement under its visit too)', 'summary')
    .option('--search <words>', 'only the visits whose statements hold these words or this date (08/25/14)')
    .option('--from <date>', 'only visits on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'only visits on or before this date')
    .option('--type <types>', 'only these kinds of row, comma-separated ("Imaging,Procedure")')
    .option('--flags <which>', 'only flagged rows (flagged) or rows with open flags (open)')
    .addHelpText(
      'after',
      `
Formats:
  docx, xlsx, pdf, csv, json   the chronology (filters and --detail apply)
  fhir   a FHIR R4 Bundle (type collection) as JSON: a resource per event, a DetectedIssue per flag
         with its review status, a DocumentReference per document with its page texts, and
         Provenance giving each quote's page, offset and length (to stdout unless --out)

PDF prints with Chromium (Debian's /usr/bin/chromium, or CHARTLINE_CHROMIUM); the other formats need
nothing else. Reads PostgreSQL when DATABASE_URL is set, else the embedded database in CHARTLINE_DATA
(also while \`chartline serve\` runs on it).

Examples:
  chartline export lumbar-mri-dispute-3f9a0c21b7 --format docx
  chartline export lumbar-mri-dispute-3f9a0c21b7 --format xlsx --detail full -o chronology.xlsx
  chartline export lumbar-mri-dispute-3f9a0c21b7 --format pdf --from 2014-06 --flags open
  chartline export lumbar-mri-dispute-3f9a0c21b7 --format json -o - | jq '.rows | length'
  chartline export lumbar-2014 -f fhir | jq '.entry[].resource.resourceType' | sort | uniq -c`,
    )
    .action(async (bundleId: string, opts: ExportOpts) => {
      if (!isBundleId(bundleId)) throw new UsageError(`"${bundleId}" is not a bundle id`);
      const [{ exporterFor, exportFormats }, { loadExportData, ExportUnavailableError }, { exportFileName }, { openStore }] = await Promise.all([
        import('../../export/exporters.js'),
        import('../../export/export-data.js'),
        import('../../export/formats.js'),
        import('../../store/store.js'),
      ]);
      const exporter = exporterFor(opts.format);
      if (!exporter) {
        if (EXPORTERS[opts.format]) return exportStored(bundleId, opts);
        throw new UsageError(`--format must be one of ${[...exportFormats(), ...EXPORT_FORMATS].join(', ')}, not "${opts.format}"`);
      }
      if (opts.detail !== 'summary' && opts.detail !== 'full') throw new UsageError(`--detail must be summary or full, not "${opts.detail}"`);
      for (const [name, value] of [
        ['--from', opts.from],
        ['--to', opts.to],
      ] as const) {
        if (value !== undefined && !isCalendarPartialDate(value)) throw new UsageError(`${name} must be a real date as YYYY, YYYY-MM or YYYY-MM-DD, not "${value}"`);
      }
      if (opts.flags !== undefined && opts.flags !== 'flagged' && opts.flags !== 'open') throw new UsageError(`--flags must be flagged or open, not "${opts.flags}"`);
      const filter = {
        ...(opts.search ? { q: opts.search } : {}),
        ...(opts.from ? { from: opts.from } : {}),
        ...(opts.to ? { to: opts.to } : {}),
        ...(opts.type
          ? {
              kinds: opts.type
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            }
          : {}),
        ...(opts.flags ? { flags: opts.flags as 'flagged' | 'open' } : {}),
      };
      const store = await openStore({}, process.env, { mustExist: true });
      try {
        let data;
        try {
          data = await loadExportData(store, bundleId, { filter });
        } catch (err) {
          if (err instanceof ExportUnavailableError) throw new Error(`${err.message}; wait for it with \`chartline status ${bundleId} --wait\``);
          throw err;
        }
        if (!data) throw new Error(`no bundle ${bundleId} in ${store.location}`);
        const body = await exporter.write(data, { detail: opts.detail as 'summary' | 'full' });
        const out = opts.out ?? exportFileName(data, exporter);
        if (out === '-') process.stdout.write(typeof body === 'string' ? body : Buffer.from(body));
        else writeFileSync(out, typeof body === 'string' ? body : Buffer.from(body));
        process.stderr.write(
          `chartline: ${data.rows.length} of ${data.chronology.rows.length} visits and reports, ${data.flags.length} flag${data.flags.length === 1 ? '' : 's'}${out === '-' ? '' : ` → ${out}`}\n`,
        );
      } finally {
        await (await import('../../export/chromium.js')).closeBrowser();
        await store.close();
      }
    });
}

/** the other exports of a stored bundle (src/export/index.ts), e.g. fhir: to stdout unless --out */
async function exportStored(bundleId: string, opts: { format: string; out?: string }): Promise<void> {
  const load = EXPORTERS[opts.format] as () => Promise<import('../../export/index.js').Exporter>;
  const exporter = await load();
  const { openStore } = await import('../../store/store.js');
  const store = await openStore({}, process.env, { mustExist: true });
  try {
    const file = await exporter.exportBundle(store, bundleId);
    if (!file) {
      const bundle = await store.getBundle(bundleId);
      if (!bundle) throw new Error(`no bundle ${bundleId} in ${store.location}`);
      throw new Error(`bundle ${bundleId} has no timeline yet (${bundle.status}${bundle.error ? `: ${bundle.error}` : ''}); wait for it with \`chartline status ${bundleId} --wait\``);
    }
    if (opts.out && opts.out !== '-') writeFileSync(opts.out, file.body);
    else {
      // `chartline export x -f fhir | head` closes the pipe early: that is not an error
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE') throw err;
      });
      process.stdout.write(file.body);
    }
  } finally {
    await store.close();
  }
}
