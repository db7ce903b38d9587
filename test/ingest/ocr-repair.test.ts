import { describe, expect, it } from 'vitest';
import type { OcrWord } from '../../src/ingest/ocr-engine.js';
import { mapOffset, repairOcrText } from '../../src/ingest/ocr-repair.js';

/** words of a text as Tesseract would give them: every space- or newline-separated token, confidence 90 */
function wordsOf(text: string, low: string[] = []): OcrWord[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, confidence: low.includes(m[0]) ? 10 : 90 }));
}

describe('repairOcrText: dates read with confusable glyphs', () => {
  it.each<[string, string, string]>([
    ['O for 0', 'Seen on O1/11/2O17 for follow-up.', 'Seen on 01/11/2017 for follow-up.'],
    ['l and I for 1', 'Injury on 0l/1I/2017.', 'Injury on 01/11/2017.'],
    ['S for 5, B for 8', 'MRI dated 11/2S/2016 and 11/2B/2016.', 'MRI dated 11/25/2016 and 11/28/2016.'],
    ['a stray space inside the day', 'Decision Date: 01/1 1/2017', 'Decision Date: 01/11/2017'],
    ['a stray dot beside a separator', 'signed on 12/14/.2016 by', 'signed on 12/14/2016 by'],
    ['dashes and a two-digit year', 'On 11-9-l6, the worker', 'On 11-9-16, the worker'],
  ])('%s', (_label, input, repaired) => {
    expect(repairOcrText(input, wordsOf(input)).text).toBe(repaired);
  });

  it.each<[string, string]>([
    ['a real date', 'Seen on 01/11/2017.'],
    ['month names and words are not digits', 'Oct visit; Ill; SI joint; BID dosing'],
    ['a fraction and a count', 'take 1 1/2 tablets, 3 times'],
    ['not a date once repaired (month 13)', 'code 13/O1/2017'],
    ['a blood pressure', 'BP 120/80 today'],
    ['a ratio then a year', 'pain 8/10 in 2016'],
  ])('leaves %s alone', (_label, input) => {
    expect(repairOcrText(input, wordsOf(input)).text).toBe(input);
  });
});

describe('repairOcrText: speck tokens', () => {
  it('drops tokens with no letter or digit, and poorly read one- or two-letter tokens at a line end', () => {
    const input = '| Case Number: CM16-0232182 .\nCo CLINICAL CASE SUMMARY\nThe worker : was seen & examined.';
    const out = repairOcrText(input, wordsOf(input, ['Co']));
    expect(out.text).toBe('Case Number: CM16-0232182\nCLINICAL CASE SUMMARY\nThe worker was seen & examined.');
  });

  it('keeps a short word read well, and a poorly read one inside a line', () => {
    const input = 'He is at\nI was a 53 year old';
    expect(repairOcrText(input, wordsOf(input, ['a'])).text).toBe(input);
  });

  it('moves the words with the text: each word still covers its own characters', () => {
    const input = '| On O1/1 1/2O17 the patient : presented';
    const out = repairOcrText(input, wordsOf(input));
    expect(out.text).toBe('On 01/11/2017 the patient presented');
    expect(out.words.map((w) => out.text.slice(w.start, w.end))).toEqual(['On', '01/11/2017', '01/11/2017', 'the', 'patient', 'presented']);
  });
});

describe('mapOffset', () => {
  const edits = [{ start: 2, end: 5, text: 'X' }];
  it.each<[number, 'start' | 'end', number]>([
    [0, 'start', 0],
    [2, 'start', 2],
    [3, 'start', 2],
    [3, 'end', 3],
    [5, 'start', 3],
    [9, 'end', 7],
  ])('%i (%s) → %i', (pos, side, expected) => {
    expect(mapOffset(edits, pos, side)).toBe(expected);
  });
});
