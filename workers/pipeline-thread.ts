// Worker-thread entry: runs the pure pipeline for the queue workers (src/queue/pipeline-thread-pool.ts),
// off the thread that renews BullMQ's job locks. One task at a time; patterns load once per thread.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { loadPatterns, type Patterns } from '../src/patterns/load-patterns.js';
import { processDocument, type DocumentResult } from '../src/pipeline.js';
import { referenceDay } from '../src/reference-day.js';
import type { PipelineTask, ThreadReply } from '../src/queue/pipeline-thread-pool.js';

let patterns: Patterns | undefined;


async function run(task: PipelineTask): Promise<DocumentResult> {
  patterns ??= loadPatterns();
  const data = new Uint8Array(readFileSync(task.blobPath));
  const actual = createHash('sha256').update(data).digest('hex');
  if (actual !== task.sha256) {
    throw Object.assign(new Error(`the stored original ${task.blobPath} is damaged: its sha256 is ${actual}`), { name: 'DamagedBlobError' });
  }
  return processDocument({ name: task.name, data }, { patterns, referenceDate: referenceDay(task.referenceDate) });
}

const port = parentPort;
if (!port) throw new Error('workers/pipeline-thread.js runs as a worker thread, started by the queue worker');
port.on('message', (msg: { id: number; task: PipelineTask }) => {
  run(msg.task).then(
    (value) => port.postMessage({ id: msg.id, ok: true, value } satisfies ThreadReply),
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      port.postMessage({ id: msg.id, ok: false, error: { name: e.name, message: e.message } } satisfies ThreadReply);
    },
  );
});
