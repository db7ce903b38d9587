#!/usr/bin/env -S node --v8-pool-size=1
// --v8-pool-size=1: one V8 helper thread for background compilation and GC, not four. chartline
// already keeps every core busy with its own threads (PDF readers beside the analysis); on a 2-core
// machine four more helpers competing with them made `chartline process` ~10% slower (bench/).
// Runs the compiled CLI. `npm ci` builds dist/ (the prepare script); in a checkout without it, say so.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('chartline: not built yet: run `npm ci` (or `npm run build`) in the chartline folder first\n');
  process.exit(1);
}
// `process` reads PDFs on a thread that takes a while to load pdf.js: start it before the rest
if (process.argv[2] === 'process') (await import(new URL('../dist/src/ingest/pdf-pool.js', import.meta.url).href)).prestartReader();
const { main } = await import(entry.href);
await main(process.argv);
