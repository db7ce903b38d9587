// chartline — command-line entry. Each command lives in commands/; this file wires them and turns
// errors into clear messages and exit codes (2: usage, 1: failure), never a stack trace.
import { Command, CommanderError } from 'commander';
import { UsageError } from './inputs.js';

type Register = (program: Command) => void;

// Commands are loaded when used: `chartline process` should not pay for BullMQ, PGlite and the
// web server at start-up (loading everything costs over a second per run).
const COMMANDS: Record<string, () => Promise<Register>> = {
  process: async () => (await import('./commands/process.js')).registerProcess,
  schema: async () => (await import('./commands/schema.js')).registerSchema,
  enqueue: async () => (await import('./commands/enqueue.js')).registerEnqueue,
  worker: async () => (await import('./commands/worker.js')).registerWorker,
  status: async () => (await import('./commands/status.js')).registerStatus,
  timeline: async () => (await import('./commands/timeline.js')).registerTimeline,
  export: async () => (await import('./commands/export.js')).registerExport,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  token: async () => (await import('./commands/token.js')).registerToken,
};

/** The program with every command, or only `only` when it names one (anything else, e.g. --help, gets all). */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command();
  program
    .name('chartline')
    .description('Turn bundles of medical records into a dated timeline of clinical events, and flag inconsistencies for a reviewer.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const names = only && only in COMMANDS ? [only] : Object.keys(COMMANDS);
  for (const name of names) (await (COMMANDS[name] as () => Promise<Register>)())(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `chartline process … | head`: the reader stopped reading; that ends the run quietly, not with a trace
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  try {
    const program = await buildProgram(argv[2]);
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`chartline: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    // by name: importing load-patterns here would load zod and every schema before any command
    // starts (~50 ms), delaying `process`'s PDF reader thread by as much
    if (err instanceof Error && err.name === 'PatternError') {
      process.stderr.write(`chartline: bad pattern file\n${err.message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`chartline: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.CHARTLINE_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    process.exitCode = 1;
  }
}
