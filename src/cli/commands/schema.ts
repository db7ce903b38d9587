// chartline schema — the output contract as JSON Schema.
import type { Command } from 'commander';
import { timelineJsonSchema } from '../../schema.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the timeline output (process, timeline, and the API)')
    .action(() => {
      process.stdout.write(`${JSON.stringify(timelineJsonSchema(), null, 2)}\n`);
    });
}
