// A text with no sentence punctuation is one "sentence" of megabytes; every later stage works per
// sentence, some of it in time that grows with the square of its length. Sentences are capped.
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/pipeline.js';
import { loadPatterns } from '../../src/patterns/load-patterns.js';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../src/text/sentences.js';

const words = (n: number, word = 'pain'): string => Array.from({ length: n }, () => word).join(' ');

describe('splitSentences: over-long sentences are cut, at clause punctuation first', () => {
  it.each<[label: string, text: string, cutAfter: RegExp]>([
    // 1,800 characters: the cut falls in the second half of the first 1,000
    ['at a semicolon', `${words(150)}; ${words(200)}`, /;$/],
    ['at a comma when there is no semicolon', `${words(150)}, ${words(200)}`, /,$/],
    ['at a space when there is no punctuation', words(400), /pain$/],
  ])('%s', (_label, text, cutAfter) => {
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(1);
    for (const s of sentences) {
      expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    expect(sentences[0]?.text).toMatch(cutAfter);
    // nothing but the spaces at the cuts is lost
    expect(
      sentences
        .map((s) => s.text)
        .join(' ')
        .replace(/\s+/g, ' '),
    ).toBe(text.replace(/\s+/g, ' '));
  });

  it('the comma of "March 8, 2006" is not a cut', () => {
    const text = `${words(120)} on March 8, 2006 ${words(120)}`;
    const at = text.indexOf('8, 2006');
    for (const s of splitSentences(text)) expect(s.start <= at && s.end > at + 1 && s.end < at + 7).toBe(false);
  });

  it('a word longer than the cap is cut hard, still with exact offsets', () => {
    const text = 'x'.repeat(2500);
    const sentences = splitSentences(text);
    expect(sentences.map((s) => [s.start, s.end])).toEqual([
      [0, 1000],
      [1000, 2000],
      [2000, 2500],
    ]);
  });

  it('ordinary sentences are not touched', () => {
    expect(splitSentences('Seen on 04/14/2015. Plan: PT.').map((s) => s.text)).toEqual(['Seen on 04/14/2015.', 'Plan: PT.']);
  });
});

describe('a 1 MB text without sentence punctuation or line breaks', () => {
  it('is processed (before the cap: over an hour) and its dates come out', async () => {
    const chunk = 'the patient reports low back pain with radiation to the left leg he was seen on 04/14/2015 for follow up plan physical therapy ';
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const t0 = performance.now();
    const result = await processDocument({ name: 'one-line.txt', data: Buffer.from(text) }, { patterns: loadPatterns(), referenceDate: new Date('2020-06-01') });
    const seconds = (performance.now() - t0) / 1000;
    expect(result.info.errors).toEqual([]);
    expect(result.events.some((e) => e.date === '2015-04-14')).toBe(true);
    // generous: about 5 s alone here; the bench (npm run bench) holds the timing target
    expect(seconds).toBeLessThan(90);
  }, 120_000);
});
