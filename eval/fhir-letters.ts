#!/usr/bin/env -S npx tsx
// The FHIR export of development IMR letters (../shared/data/imr-determinations/pdf), checked as
// the tests check the samples: every resource validated against the R4 definitions (Medplum's
// validator with the R4 StructureDefinitions, the R4 JSON schema, required bindings, references)
// and the round trip (each event and flag exactly once, each quote cut back out of its page by its
// Provenance). The letters are read from the shared folder, never copied into the repository, so
// this is a script to run, not a test: CI has only the repository.
//
//   npx tsx eval/fhir-letters.ts                  the first ten letters of eval/gold/imr-letters
//   npx tsx eval/fhir-letters.ts --all            every letter in the shared folder
//   npx tsx eval/fhir-letters.ts CM16-0230651 …   these letters
//   npx tsx eval/fhir-letters.ts --verbose        each issue, not only the counts
//
// One line per letter, then a TOTAL line; exit status 1 when any letter has an issue.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXT, SID } from '../src/export/fhir/namespace.js';
import { timelineToFhir } from '../src/export/fhir/timeline-to-fhir.js';
import { loadPatterns } from '../src/patterns/load-patterns.js';
import { processBundle } from '../src/pipeline.js';
import { createFhirValidator, formatIssues } from '../test/support/fhir-validator.js';
import { REFERENCE_DATE, RECORDED, roundTripProblems } from '../test/export/fhir/support.js';
// @ts-expect-error plain JavaScript module of the eval scripts
import { sharedDir } from './sources.mjs';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const shared: string = sharedDir(repo);
const pdfDir = join(shared, 'data', 'imr-determinations', 'pdf');
const named = args.filter((a) => !a.startsWith('--'));
const letters = named.length
  ? named
  : args.includes('--all')
    ? readdirSync(pdfDir)
        .filter((f) => f.endsWith('.pdf'))
        .sort()
        .map((f) => f.replace(/\.pdf$/, ''))
    : readdirSync(join(repo, 'eval', 'gold', 'imr-letters'))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .slice(0, 10)
        .map((f) => f.replace(/\.json$/, ''));

const started = performance.now();
const validator = createFhirValidator();
const patterns = loadPatterns();
let failed = 0;
const totals = { events: 0, flags: 0, resources: 0, issues: 0, roundTrip: 0 };
for (const id of letters) {
  const name = `${id}.pdf`;
  const bySha = new Map<string, string[]>();
  const timeline = await processBundle(id, [{ name, data: new Uint8Array(readFileSync(join(pdfDir, name))) }], {
    patterns,
    referenceDate: REFERENCE_DATE,
    onDocument: (r) =>
      void bySha.set(
        r.info.sha256,
        r.pages.map((p) => p.text),
      ),
  });
  const pages = new Map(timeline.documents.flatMap((d) => (bySha.has(d.sha256) ? [[d.id, bySha.get(d.sha256) as string[]] as const] : [])));
  const bundle = timelineToFhir(timeline, { pages, recorded: RECORDED, version: '0.1.0' });
  const issues = validator.validateBundle(bundle);
  const problems = roundTripProblems(timeline, pages, bundle, { event: SID.event, flag: SID.flag, quote: EXT.quote });
  const resources = bundle.entry?.length ?? 0;
  totals.events += timeline.events.length;
  totals.flags += timeline.flags.length;
  totals.resources += resources;
  totals.issues += issues.length;
  totals.roundTrip += problems.length;
  if (issues.length || problems.length) failed++;
  const pageCount = timeline.documents.reduce((n, d) => n + d.pages, 0);
  console.log(
    `${id}  ${pageCount} pages  ${timeline.events.length} events  ${timeline.flags.length} flags  ${resources} resources  validation issues ${issues.length}  round-trip problems ${problems.length}`,
  );
  if (verbose || issues.length || problems.length) {
    if (issues.length) console.log(formatIssues(issues, verbose ? 1000 : 10).replace(/^/gm, '    '));
    for (const p of problems.slice(0, verbose ? 1000 : 10)) console.log(`    ${p}`);
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `TOTAL ${letters.length} letters: ${letters.length - failed} valid and round-tripping, ${failed} not; ${totals.events} events, ${totals.flags} flags, ${totals.resources} resources, ${totals.issues} validation issues, ${totals.roundTrip} round-trip problems (${seconds} s)`,
);
process.exit(failed ? 1 : 0);
