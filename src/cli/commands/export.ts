// chartline export <bundleId> --format <format> — a processed bundle from the database in another
// format (see src/export/index.ts for the formats).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { EXPORT_FORMATS, EXPORTERS } from '../../export/index.js';
import { isBundleId } from '../../queue/job-ids.js';
import { openStore } from '../../store/store.js';
import { UsageError } from '../inputs.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export a processed bundle from the database in another format')
    .argument('<bundleId>', 'the id `chartline enqueue` or `chartline process --store` printed')
    .requiredOption('-f, --format <format>', `one of: ${EXPORT_FORMATS.join(', ')}`)
    .option('-o, --out <file>', 'write the export to a file instead of stdout')
    .addHelpText(
      'after',
      `
Formats:
  fhir   a FHIR R4 Bundle (type collection) as JSON: a resource per event (Encounter, Condition,
         Observation, Procedure, DiagnosticReport, ServiceRequest, MedicationStatement, Task), a
         DetectedIssue per flag with its review status, a DocumentReference per document with its
         page texts, and Provenance giving each quote's page, offset and length

Reads PostgreSQL when DATABASE_URL is set, else the embedded database in CHARTLINE_DATA. The same
bundle exported twice gives the same output until it is processed again or a flag is reviewed.

Examples:
  chartline export lumbar-2014 --format fhir --out lumbar-2014.fhir.json
  chartline export lumbar-2014 -f fhir | jq '.entry[].resource.resourceType' | sort | uniq -c`,
    )
    .action(async (bundleId: string, opts: { format: string; out?: string }) => {
      const load = EXPORTERS[opts.format];
      if (!load) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${opts.format}"`);
      if (!isBundleId(bundleId)) throw new UsageError(`"${bundleId}" is not a bundle id`);
      const exporter = await load();
      const store = await openStore({}, process.env, { mustExist: true });
      try {
        const file = await exporter.exportBundle(store, bundleId);
        if (!file) {
          const bundle = await store.getBundle(bundleId);
          if (!bundle) throw new Error(`no bundle ${bundleId} in ${store.location}`);
          throw new Error(`bundle ${bundleId} has no timeline yet (${bundle.status}${bundle.error ? `: ${bundle.error}` : ''}); wait for it with \`chartline status ${bundleId} --wait\``);
        }
        if (opts.out) writeFileSync(opts.out, file.body);
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
    });
}
