// Bullets in a note (src/text/analyze.ts): "• Cardiovascular: Regular rate and rhythm. No murmurs.
// • Musculoskeletal: …" — each bullet ends the sentence before it and opens the next, so a quote
// never runs from one system's line into the next.
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/ingest/ingest-document.js';
import { loadPatterns } from '../../src/patterns/load-patterns.js';
import { analyzeDocument } from '../../src/text/analyze.js';

const patterns = loadPatterns();

async function sentences(text: string): Promise<string[]> {
  const doc = await ingestDocument({ name: 'note.txt', data: new TextEncoder().encode(text) });
  return analyzeDocument(doc, patterns, { referenceDate: new Date('2020-01-01T00:00:00Z') }).sentences.map((s) => s.text);
}

describe('bullets split sentences', () => {
  it.each<[text: string, expected: string[]]>([
    ['PHYSICAL EXAMINATION\n• Lungs: Clear. No wheezes. • Heart: Regular rhythm. No murmurs.', ['Lungs: Clear.', 'No wheezes.', 'Heart: Regular rhythm.', 'No murmurs.']],
    ['Plan: ● Continue ibuprofen ● Return in 4 weeks', ['Continue ibuprofen', 'Return in 4 weeks']],
    // no bullet: the sentence stays whole
    ['He has no weakness, numbness or tingling in either leg.', ['He has no weakness, numbness or tingling in either leg.']],
  ])('%j', async (text, expected) => {
    expect((await sentences(text)).filter((s) => s !== 'PHYSICAL EXAMINATION')).toEqual(expected);
  });
});
