// chartline timeline <bundleId> — a processed bundle's timeline, read back from the database: the
// same JSON as `chartline process` printed for the same files.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isBundleId } from '../../queue/job-ids.js';
import { openStore } from '../../store/store.js';
import { formatText } from '../format-text.js';
import { UsageError } from '../inputs.js';

export function registerTimeline(program: Command): void {
  program
    .command('timeline')
    .description("print a processed bundle's timeline from the database (the same contract as `process`)")
    .argument('<bundleId>', 'the id `chartline enqueue` or `chartline process --store` printed')
    .option('-f, --format <format>', 'json or text', 'json')
    .option('-o, --out <file>', 'write the output to a file instead of stdout')
    .addHelpText(
      'after',
      `
Reads PostgreSQL when DATABASE_URL is set, else the embedded database in CHARTLINE_DATA (which
a running \`chartline worker\` without DATABASE_URL holds: stop it first, or use PostgreSQL).

Examples:
  chartline timeline lumbar-2014
  chartline timeline lumbar-2014 --format text`,
    )
    .action(async (bundleId: string, opts: { format: string; out?: string }) => {
      if (opts.format !== 'json' && opts.format !== 'text') throw new UsageError(`--format must be json or text, not "${opts.format}"`);
      if (!isBundleId(bundleId)) throw new UsageError(`"${bundleId}" is not a bundle id`);
      const store = await openStore({}, process.env, { mustExist: true });
      try {
        const timeline = await store.getTimeline(bundleId);
        if (!timeline) {
          const bundle = await store.getBundle(bundleId);
          if (!bundle) throw new Error(`no bundle ${bundleId} in ${store.location}`);
          throw new Error(`bundle ${bundleId} has no timeline yet (${bundle.status}${bundle.error ? `: ${bundle.error}` : ''}); wait for it with \`chartline status ${bundleId} --wait\``);
        }
        const rendered = opts.format === 'text' ? formatText(timeline, { width: process.stdout.columns, color: !opts.out && process.stdout.isTTY === true }) : `${JSON.stringify(timeline, null, 2)}\n`;
        if (opts.out) writeFileSync(opts.out, rendered);
        else {
          // `chartline timeline x | head` closes the pipe early: that is not an error
          process.stdout.on('error', (err: NodeJS.ErrnoException) => {
            if (err.code !== 'EPIPE') throw err;
          });
          process.stdout.write(rendered);
        }
      } finally {
        await store.close();
      }
    });
}
