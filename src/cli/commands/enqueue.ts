// chartline enqueue <file|dir>... — put a bundle on the queue for `chartline worker` (here or on
// other machines) and print its id.
import type { Command } from 'commander';
import { BundleQueue } from '../../queue/bundle-queue.js';
import { isCalendarDay } from '../../reference-day.js';
import { isBundleId } from '../../queue/job-ids.js';
import { BlobStore } from '../../store/blob-store.js';
import { storeConfigFromEnv } from '../../store/store-config.js';
import { defaultBundleName, expandInputs, readInput, UsageError } from '../inputs.js';
import { progressFor, renderStatus, waitForBundle } from './status.js';

export function registerEnqueue(program: Command): void {
  program
    .command('enqueue')
    .description('queue record files (PDF, text) as one bundle for the workers; prints the bundle id')
    .argument('<paths...>', 'files, or folders read recursively')
    .option('-b, --bundle <id>', "the bundle's id and name (default: the folder or file name plus a hash of the files)")
    .option('-w, --wait', 'wait until the bundle is processed, with a progress bar on stderr')
    .option('--reference-date <date>', 'read dates against this day instead of today (YYYY-MM-DD)')
    .option('--progress', 'with --wait, draw the progress bar even when stderr is not a terminal')
    .option('--no-progress', 'never draw the progress bar')
    .addHelpText(
      'after',
      `
The originals are copied to the blob store (CHARTLINE_BLOBS, default <CHARTLINE_DATA>/blobs);
every worker must see the same folder. Enqueueing the same files again adds nothing.

Exit status: 0; with --wait, 1 when the bundle failed; 2 on a usage error.

Environment: REDIS_URL (default redis://127.0.0.1:6379), CHARTLINE_QUEUE_PREFIX, CHARTLINE_DATA,
CHARTLINE_BLOBS.

Examples:
  chartline enqueue samples/lumbar-mri-dispute
  chartline enqueue a.pdf b.pdf --bundle claim-4711 --wait
  chartline timeline "$(chartline enqueue records/ --wait)"`,
    )
    .action(async (paths: string[], opts: { bundle?: string; wait?: boolean; referenceDate?: string; progress?: boolean }) => {
      if (opts.bundle !== undefined && !isBundleId(opts.bundle)) {
        throw new UsageError(`--bundle must be up to 100 letters, digits, . _ or -, starting with a letter or digit, not "${opts.bundle}"`);
      }
      if (opts.referenceDate !== undefined && !isCalendarDay(opts.referenceDate)) {
        throw new UsageError(`--reference-date must be YYYY-MM-DD, not "${opts.referenceDate}"`);
      }
      const files = expandInputs(paths).map(readInput);
      const queue = await BundleQueue.connect();
      try {
        const blobs = new BlobStore(storeConfigFromEnv().blobsDir);
        const r = await queue.enqueue({ files, name: opts.bundle ?? defaultBundleName(paths), bundleId: opts.bundle, referenceDate: opts.referenceDate }, { blobs });
        process.stdout.write(`${r.bundleId}\n`);
        if (!r.added) process.stderr.write(`chartline: bundle ${r.bundleId} was already queued with these files; nothing added\n`);
        if (opts.wait) {
          const status = await waitForBundle(queue, r.bundleId, progressFor(opts.progress));
          process.stderr.write(renderStatus(status));
          if (status.state === 'failed') process.exitCode = 1;
        }
      } finally {
        await queue.close();
      }
    });
}
