// chartline serve — the web app and JSON API (fastify), with the queue workers in the same process
// by default: with the embedded PGlite database that is the only way to both process and read; with
// PostgreSQL (DATABASE_URL) separate `chartline worker`s can do the work instead (--no-workers).
import { installStopSignals } from '../stop-signals.js';
import type { Command } from 'commander';
import { UsageError } from '../inputs.js';

interface ServeOptions {
  port?: string;
  host?: string;
  workers: boolean;
  concurrency?: string;
}

function portOf(raw: string | undefined): number {
  const value = raw ?? process.env.CHARTLINE_PORT ?? '8080';
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, not "${value}"`);
  return port;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the web app and JSON API (and, by default, the queue workers) until stopped')
    .option('-p, --port <port>', 'port to listen on (default CHARTLINE_PORT, else 8080; 0 picks a free one)')
    .option('-H, --host <host>', 'address to listen on (default CHARTLINE_HOST, else 127.0.0.1; 0.0.0.0 for every interface)')
    .option('--no-workers', 'do not process bundles in this process (separate `chartline worker`s do; needs DATABASE_URL)')
    .option('-c, --concurrency <n>', 'documents the in-process workers read at once (default CHARTLINE_CONCURRENCY, else the number of CPUs)')
    .addHelpText(
      'after',
      `
Pages: /bundles (upload, status), /bundles/<id> (timeline), /flags (analyst queue), /admin/queues
(bull-board). JSON API under /api (see /api/openapi.json); /healthz needs no token.
Every page and API route needs a token: create one with \`chartline token create --role R --name N\`
(also while serve runs on the embedded database: local commands reach it through a socket in
CHARTLINE_DATA) or, as an admin, on the Tokens page; sign in with it, or send it as
"Authorization: Bearer <token>".

SIGTERM or Ctrl-C stops accepting requests, lets running jobs finish, and exits.

Environment: REDIS_URL, CHARTLINE_QUEUE_PREFIX, DATABASE_URL, CHARTLINE_DB_SCHEMA, CHARTLINE_DATA,
CHARTLINE_BLOBS, CHARTLINE_CONCURRENCY, CHARTLINE_PORT, CHARTLINE_HOST, CHARTLINE_LOG_LEVEL,
CHARTLINE_UPLOAD_MAX_FILE_MB, CHARTLINE_UPLOAD_MAX_FILES, CHARTLINE_UPLOAD_MAX_TOTAL_MB (see README).

Examples:
  chartline token create --role analyst --name ops > token.txt
  chartline serve --port 8080
  curl -H "Authorization: Bearer $(cat token.txt)" http://127.0.0.1:8080/api/bundles`,
    )
    .action(async (opts: ServeOptions) => {
      const port = portOf(opts.port);
      const host = opts.host ?? process.env.CHARTLINE_HOST ?? '127.0.0.1';
      let concurrency: number | undefined;
      if (opts.concurrency !== undefined) {
        concurrency = Number(opts.concurrency);
        if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a positive whole number, not "${opts.concurrency}"`);
      }
      // loaded here, not at the top: `chartline --help` should not load a web server
      const [{ buildServer }, { BundleQueue }, { createLogger }, { startWorkers }, { openStore }] = await Promise.all([
        import('../../api/server.js'),
        import('../../queue/bundle-queue.js'),
        import('../../queue/logger.js'),
        import('../../queue/start-workers.js'),
        import('../../store/store.js'),
      ]);
      const log = createLogger();
      const signals = installStopSignals(log);

      const store = await openStore();
      if (!opts.workers && store.kind === 'pglite') log.warn('--no-workers with the embedded database: no other process can open it, so uploads will wait until serve runs with workers');
      const closers: (() => Promise<void>)[] = [() => store.close()];
      try {
        // the embedded database serves this process only: local commands (`chartline token create`,
        // `timeline`, `export`) reach it through a socket in the data folder while serve runs
        if (store.db.serveSocket) {
          const closeSocket = await store.db.serveSocket();
          closers.unshift(closeSocket);
          log.info({ socket: 'data folder' }, 'local commands reach the embedded database through its socket');
        }
        const queue = await BundleQueue.connect();
        closers.unshift(() => queue.close());
        if (opts.workers) {
          const workers = await startWorkers({ store, logger: log, config: concurrency ? { concurrency } : {} });
          closers.unshift(() => workers.close());
        }
        const app = await buildServer({ store, queue, logger: log });
        closers.unshift(() => app.close());
        const address = await app.listen({ port, host });
        log.info({ address, workers: opts.workers, store: store.kind, prefix: queue.config.prefix }, 'serving');
        process.stderr.write(`chartline: serving on ${address}${opts.workers ? ' (with workers)' : ''}\n`);
      } catch (err) {
        for (const close of closers) await close().catch(() => undefined);
        throw err;
      }
      const stopSignal = await signals.stopped();
      log.info({ signal: stopSignal }, 'closing: no new requests or jobs, finishing the running ones');
      for (const close of closers) {
        try {
          await close();
        } catch (err) {
          log.error({ err: (err as Error).message }, 'error while closing');
          process.exitCode = 1;
        }
      }
      log.info('server stopped');
    });
}
