// Worker-thread entry: runs the pure pipeline for the queue workers (src/queue/pipeline-thread-pool.ts),
// off the thread that renews BullMQ's job locks. One task at a time; patterns load once per thread.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadPatterns, type Patterns } from '../src/patterns/load-patterns.js';
import { buildTimeline, processDocument, type DocumentResult } from '../src/pipeline.js';
import { referenceDay } from '../src/reference-day.js';
import type { PipelineTask, TimelineTask } from '../src/queue/pipeline-thread-pool.js';
import type { Timeline } from '../src/schema.js';
import { serveTasks } from '../src/thread-pool.js';

let patterns: Patterns | undefined;

async function run(message: PipelineTask | TimelineTask, progress: (value: unknown) => void): Promise<DocumentResult | Timeline> {
  patterns ??= loadPatterns();
  if ('kind' in message && message.kind === 'timeline') return buildTimeline(message.bundle, message.documents, { patterns, referenceDate: referenceDay(message.referenceDate) });
  const task = message as PipelineTask;
  const data = new Uint8Array(readFileSync(task.blobPath));
  const actual = createHash('sha256').update(data).digest('hex');
  if (actual !== task.sha256) {
    throw Object.assign(new Error(`the stored original ${task.blobPath} is damaged: its sha256 is ${actual}`), { name: 'DamagedBlobError' });
  }
  // OCR'd pages are reported as they are read: the job's progress moves during a long fax
  return processDocument({ name: task.name, data }, { patterns, referenceDate: referenceDay(task.referenceDate), onOcrPage: (_file, done, total) => progress({ done, total }) });
}

serveTasks(run);
