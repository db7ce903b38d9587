// chartline worker — process queued bundles until stopped. Run as many as you like, on as many
// machines as share Redis, PostgreSQL and the blob folder; each takes jobs as it has room.
import { installStopSignals } from '../stop-signals.js';
import type { Command } from 'commander';
import { createLogger } from '../../queue/logger.js';
import { startWorkers } from '../../queue/start-workers.js';
import { openStore } from '../../store/store.js';
import { UsageError } from '../inputs.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('process queued bundles (Redis) into timelines in the database; runs until stopped')
    .option('-c, --concurrency <n>', 'documents read at once, each in its own thread (default CHARTLINE_CONCURRENCY, else the number of CPUs)')
    .addHelpText(
      'after',
      `
SIGTERM or Ctrl-C stops taking jobs and lets the running ones finish (a second one exits at once).
A worker killed outright loses nothing: another worker takes its jobs over once their locks expire.

Without DATABASE_URL the worker keeps results in the embedded database in CHARTLINE_DATA, which
only this process can open while it runs; use PostgreSQL (DATABASE_URL) to run several workers
or to read timelines meanwhile.

Environment: REDIS_URL, CHARTLINE_QUEUE_PREFIX, CHARTLINE_CONCURRENCY, DATABASE_URL,
CHARTLINE_DB_SCHEMA, CHARTLINE_DATA, CHARTLINE_BLOBS, CHARTLINE_LOG_LEVEL (see README).`,
    )
    .action(async (opts: { concurrency?: string }) => {
      let concurrency: number | undefined;
      if (opts.concurrency !== undefined) {
        concurrency = Number(opts.concurrency);
        if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a positive whole number, not "${opts.concurrency}"`);
      }
      const log = createLogger();
      // Signal handlers first: a SIGTERM that lands while the workers start (they take jobs as soon
      // as they exist) must still let a running job finish, not kill the process mid-document.
      const signals = installStopSignals(log);

      const store = await openStore();
      let workers;
      try {
        workers = await startWorkers({ store, logger: log, config: concurrency ? { concurrency } : {} });
      } catch (err) {
        await store.close().catch(() => undefined);
        throw err;
      }
      const stopSignal = await signals.stopped();
      log.info({ signal: stopSignal }, 'closing: no new jobs, finishing the running ones');
      try {
        await workers.close();
        await store.close();
      } catch (err) {
        log.error({ err: (err as Error).message }, 'error while closing');
        process.exitCode = 1;
      }
      log.info('worker stopped');
    });
}
