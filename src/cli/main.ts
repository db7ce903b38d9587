// chartline — command-line entry. Each command lives in commands/; this file wires them and turns
// errors into clear messages and exit codes (2: usage, 1: failure), never a stack trace.
import { Command, CommanderError } from 'commander';
import { PatternError } from '../patterns/load-patterns.js';
import { registerEnqueue } from './commands/enqueue.js';
import { registerProcess } from './commands/process.js';
import { registerSchema } from './commands/schema.js';
import { registerStatus } from './commands/status.js';
import { registerTimeline } from './commands/timeline.js';
import { registerWorker } from './commands/worker.js';
import { UsageError } from './inputs.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('chartline')
    .description('Turn bundles of medical records into a dated timeline of clinical events, and flag inconsistencies for a reviewer.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerProcess(program);
  registerSchema(program);
  registerEnqueue(program);
  registerWorker(program);
  registerStatus(program);
  registerTimeline(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
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
    if (err instanceof PatternError) {
      process.stderr.write(`chartline: bad pattern file\n${err.message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`chartline: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.CHARTLINE_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    process.exitCode = 1;
  }
}
