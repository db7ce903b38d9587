// A big bundle's timeline (checks and merge) is built on a pipeline thread, off the thread that
// answers HTTP under `serve` and renews job locks: it must be exactly the timeline built inline.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPatterns } from '../../src/patterns/load-patterns.js';
import { buildTimeline, processDocument, type DocumentResult } from '../../src/pipeline.js';
import { PipelineThreadPool } from '../../src/queue/pipeline-thread-pool.js';
import { referenceDay } from '../../src/reference-day.js';

describe('buildTimeline on a pipeline thread', () => {
  it('gives the same timeline as on the calling thread, flags included (samples/lumbar-mri-dispute)', async () => {
    const patterns = loadPatterns();
    const dir = 'samples/lumbar-mri-dispute';
    const documents: DocumentResult[] = [];
    for (const name of readdirSync(dir).sort()) {
      const r = await processDocument({ name, data: new Uint8Array(readFileSync(join(dir, name))) }, { patterns, referenceDate: referenceDay('2020-06-01') });
      documents.push({ ...r, pages: [] });
    }
    const inline = buildTimeline('lumbar', documents, { patterns, referenceDate: referenceDay('2020-06-01') });
    expect(inline.flags.length).toBeGreaterThan(0);
    const pool = new PipelineThreadPool(1, { timeoutMs: 60_000 });
    try {
      expect(await pool.buildTimeline({ bundle: 'lumbar', documents, referenceDate: '2020-06-01' })).toEqual(inline);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
