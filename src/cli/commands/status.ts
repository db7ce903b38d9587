// chartline status [bundleId] [--wait] — where bundles are in the queue: per-document state, and a
// progress bar on stderr while waiting.
import type { Command } from 'commander';
import { BundleQueue, type BundleStatus, type DocumentStatus } from '../../queue/bundle-queue.js';
import { isBundleId } from '../../queue/job-ids.js';
import { UsageError } from '../inputs.js';
import { createProgress, type Progress } from '../progress.js';

const ENV_HELP = `
Environment: REDIS_URL (default redis://127.0.0.1:6379), CHARTLINE_QUEUE_PREFIX (default chartline).`;

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description("show queued bundles, or one bundle's documents and their state")
    .argument('[bundleId]', 'the id `chartline enqueue` printed; without it, the 20 most recent bundles')
    .option('-w, --wait', 'wait until the bundle is completed or failed, with a progress bar on stderr')
    .option('--json', 'print the status as JSON')
    .option('--progress', 'draw the progress bar even when stderr is not a terminal')
    .option('--no-progress', 'never draw the progress bar')
    .addHelpText(
      'after',
      `
Exit status: 0; with a bundle id, 1 when the bundle failed or is unknown.
${ENV_HELP}

Examples:
  chartline status
  chartline status lumbar-2014 --wait`,
    )
    .action(async (bundleId: string | undefined, opts: { wait?: boolean; json?: boolean; progress?: boolean }) => {
      if (bundleId !== undefined && !isBundleId(bundleId)) throw new UsageError(`"${bundleId}" is not a bundle id`);
      if (opts.wait && bundleId === undefined) throw new UsageError('--wait needs a bundle id');
      const queue = await BundleQueue.connect();
      try {
        if (bundleId === undefined) {
          const recent = await queue.recent(20);
          if (opts.json) process.stdout.write(`${JSON.stringify(recent, null, 2)}\n`);
          else if (recent.length === 0) process.stdout.write(`no bundles in the queue (prefix ${queue.config.prefix})\n`);
          else process.stdout.write(`${recent.map(summaryLine).join('\n')}\n`);
          return;
        }
        let status = await queue.status(bundleId);
        if (!status) throw new Error(`the queue (prefix ${queue.config.prefix}) has no bundle ${bundleId}; finished bundles stay 7 days — a stored one reads with \`chartline timeline ${bundleId}\``);
        if (opts.wait) status = await waitForBundle(queue, bundleId, progressFor(opts.progress));
        process.stdout.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : renderStatus(status));
        if (status.state === 'failed') process.exitCode = 1;
      } finally {
        await queue.close();
      }
    });
}

export function progressFor(flag: boolean | undefined): Progress {
  return createProgress(flag ?? process.stderr.isTTY === true, 'processing');
}

/** Polls until the bundle is completed or failed. */
export async function waitForBundle(queue: BundleQueue, bundleId: string, progress: Progress, intervalMs = 500): Promise<BundleStatus> {
  for (;;) {
    const status = await queue.status(bundleId);
    if (!status) throw new Error(`bundle ${bundleId} left the queue while waiting for it`);
    const done = status.documents.filter((d) => d.state === 'completed' || d.state === 'failed').length;
    const active = status.documents.find((d) => d.state === 'active');
    progress.update(done, status.documents.length, `documents · ${status.percent}%${active ? ` · ${active.name}` : ''}`);
    if (status.state === 'completed' || status.state === 'failed') {
      progress.done();
      return status;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

function summaryLine(s: BundleStatus): string {
  const failed = s.documents.filter((d) => d.state === 'failed').length;
  return [
    s.state.padEnd(10),
    `${String(s.percent).padStart(3)}%`,
    s.bundleId,
    `· ${s.documents.length} document${s.documents.length === 1 ? '' : 's'}`,
    failed ? `· ${failed} failed` : '',
    `· ${s.enqueuedAt}`,
  ]
    .filter(Boolean)
    .join(' ');
}

function documentLine(d: DocumentStatus, nameWidth: number): string {
  const state = d.state === 'active' ? `active ${d.percent}%` : d.state;
  let detail = '';
  if (d.state === 'failed') detail = d.error ?? '';
  else if (d.result)
    detail = `${d.result.pages} page${d.result.pages === 1 ? '' : 's'}, ${d.result.events} event${d.result.events === 1 ? '' : 's'}${d.result.errors.length ? ` (${d.result.errors.join(', ')})` : ''}`;
  else if (d.stage) detail = d.stage;
  if (d.attempts > 1 || (d.attempts > 0 && d.state !== 'completed' && d.state !== 'failed')) detail += ` (attempt ${d.attempts + (d.state === 'active' ? 1 : 0)})`;
  return `  ${state.padEnd(12)} ${d.name.padEnd(nameWidth)}${detail ? `  ${detail}` : ''}`.trimEnd();
}

export function renderStatus(s: BundleStatus): string {
  const head = `bundle ${s.bundleId} (${s.name}): ${s.state} ${s.percent}%`;
  const result = s.result ? ` · ${s.result.documents} documents, ${s.result.events} events, ${s.result.flags} flags` : '';
  const nameWidth = Math.min(40, Math.max(0, ...s.documents.map((d) => d.name.length)));
  const lines = [`${head}${result}`, ...s.documents.map((d) => documentLine(d, nameWidth))];
  if (s.error) lines.push(`  error: ${s.error}`);
  return `${lines.join('\n')}\n`;
}
