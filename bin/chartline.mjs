#!/usr/bin/env node
// Runs the compiled CLI. `npm ci` builds dist/ (the prepare script); in a checkout without it, say so.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('chartline: not built yet: run `npm ci` (or `npm run build`) in the chartline folder first\n');
  process.exit(1);
}
const { main } = await import(entry.href);
await main(process.argv);
