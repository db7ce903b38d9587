// Error-tolerant vocabulary matching (src/patterns/fuzzy.ts, patterns/fuzzy.json): which words are
// read as which vocabulary word, and which are read as written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FuzzyReader, nearest, SortedWordList } from '../../src/patterns/fuzzy.js';
import { defaultPatternsDir, englishWords, loadPatterns } from '../../src/patterns/load-patterns.js';
import { tokenize } from '../../src/patterns/lexicon.js';
import { FuzzyFile } from '../../src/patterns/schemas.js';

const patterns = loadPatterns();
const fuzzy = patterns.fuzzy;

describe('patterns/fuzzy.json', () => {
  it('loads through its strict schema', () => {
    const parsed = FuzzyFile.safeParse(JSON.parse(readFileSync(join(defaultPatternsDir(), 'fuzzy.json'), 'utf8')));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(patterns.data.fuzzy.words.minLength).toBeGreaterThanOrEqual(4);
  });

  it.each<[name: string, edit: (d: Record<string, unknown>) => void, message: RegExp]>([
    ['an unknown field', (d) => (d.maxDistance = 1), /unrecognized key/i],
    ['a keep word with a capital', (d) => (d.keep = ['Keflex']), /lowercase word/],
    ['a distance of 4', (d) => ((d.words as { maxDistance: number }).maxDistance = 4), /maxDistance/],
    ['long words no longer than words', (d) => ((d.longWords as { minLength: number }).minLength = 6), /greater than words.minLength/],
  ])('rejects %s', (_name, edit, message) => {
    const data = JSON.parse(readFileSync(join(defaultPatternsDir(), 'fuzzy.json'), 'utf8')) as Record<string, unknown>;
    edit(data);
    const parsed = FuzzyFile.safeParse(data);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')).toMatch(message);
  });
});

describe('a misspelled word is read as the one vocabulary word near it', () => {
  it.each<[word: string, to: string]>([
    ['tenderess', 'tenderness'],
    ['tendernes', 'tenderness'],
    ['stenossis', 'stenosis'],
    ['weaknes', 'weakness'],
    ['numbess', 'numbness'],
    ['tingeling', 'tingling'],
    ['antalgc', 'antalgic'],
    ['bilateraly', 'bilaterally'],
    // one edit from "paresthesia" and from "paresthesias": the one ending as the word does
    ['paresthesis', 'paresthesias'],
    ['paresthesi', 'paresthesia'],
    ['spasams', 'spasms'],
    // a transposition is one edit
    ['tendenress', 'tenderness'],
  ])('%s → %s', (word, to) => {
    expect(fuzzy.read(word)).toEqual({ from: word, to, rule: 'fuzzy.word' });
  });
});

describe('words read as written', () => {
  it.each<[word: string, why: string]>([
    ['tenders', 'an English word one edit from "tender"'],
    ['lesion', 'an English word'],
    ['later', 'short, and an English word ("lateral")'],
    ['planter', 'an English word ("plantar")'],
    ['tenderness', 'a vocabulary word'],
    ['parasthesias', 'a vocabulary word (the vocabulary lists the common misspelling)'],
    ['surgicel', 'kept as written (a product near "surgical")'],
    ['limitus', 'kept as written ("hallux limitus", near "limits")'],
    ['rhinotomy', 'kept as written (a procedure one edit from "rhizotomy")'],
    ['cranioplasty', 'three edits from "angioplasty"'],
    ['extubation', 'two edits from "intubation": long words are read within one edit too'],
    ['corpectomy', 'two edits from "colectomy"'],
    ['keflex', 'its first letter differs from "reflex"'],
    ['reoperative', 'its first letter differs from "preoperative"'],
    ['craniotome', 'only its last letter differs from "craniotomy": another form of the word'],
    ['catheted', 'only its last letter differs from "catheter"'],
    ['antalgik', 'only its last letter differs from "antalgic" (the price of the rule above)'],
    ['planus', 'the nearest vocabulary word ("plans") is shorter than a word read error-tolerantly'],
    ['illicited', 'two edits from "elicited"'],
    ['radiculapathy', 'one edit from "radiculopathy", which is no vocabulary word'],
    ['l5s1', 'not letters only'],
  ])('%s (%s)', (word) => {
    expect(fuzzy.read(word)).toBeNull();
  });
});

describe('short words on OCR pages only', () => {
  it.each<[word: string, ocr: string | null]>([
    ['lett', 'left'],
    ['lefl', 'left'],
    ['rigth', 'right'],
    ['riqht', 'right'],
    // English words one edit from a side
    ['lest', null],
    ['loft', null],
    ['light', null],
    ['fight', null],
    ['rig', null],
  ])('%s on an OCR page → %s, in typed text → as written', (word, ocr) => {
    expect(fuzzy.read(word, true)?.to ?? null).toBe(ocr);
    expect(fuzzy.read(word, false)).toBeNull();
  });
});

describe('tokens', () => {
  it('keep their offsets and spelling; only the form lexicons match on changes', () => {
    const text = 'Tenderess over the lett knee.';
    const tokens = tokenize(text, 100);
    const read = fuzzy.correct(tokens, true);
    const word = read.find((t) => t.raw === 'Tenderess');
    expect(word).toMatchObject({ norm: 'tenderness', raw: 'Tenderess', start: 100, end: 109, corrected: { from: 'tenderess', to: 'tenderness', rule: 'fuzzy.word' } });
    expect(read.find((t) => t.raw === 'lett')).toMatchObject({ norm: 'left', start: 119, end: 123, corrected: { rule: 'fuzzy.ocr' } });
    // the input is not changed
    expect(tokens.some((t) => t.corrected)).toBe(false);
  });

  it.each<[sentence: string, word: string]>([
    ['He was started on Keflex by day two.', 'Keflex'],
    ['Followed by Dr. Tendrness for years.', 'Tendrness'],
  ])('a capitalised word inside a sentence is a name: %j', (sentence, word) => {
    expect(fuzzy.correct(tokenize(sentence)).find((t) => t.raw === word)?.corrected).toBeUndefined();
  });

  it('a sentence may open with a misspelled word', () => {
    expect(fuzzy.correct(tokenize('Tendrness at the joint line.'))[0]?.norm).toBe('tenderness');
  });

  it('does nothing when disabled', () => {
    const off = new FuzzyReader({ ...patterns.data.fuzzy, enabled: false }, ['tenderness'], englishWords);
    const tokens = tokenize('tenderess');
    expect(off.correct(tokens)).toBe(tokens);
  });
});

describe('nearest', () => {
  it.each<[word: string, candidates: string[], max: number, expected: string | null]>([
    ['stenossis', ['stenosis', 'sclerosis'], 1, 'stenosis'],
    // two words at the same distance: not read at all
    ['tendor', ['tender', 'tendon'], 1, null],
    // a word and its plural: the one ending as the word does
    ['fractur', ['fracture', 'fractures'], 1, 'fracture'],
    ['veress', ['versus'], 1, null],
  ])('%s among %j within %d → %s', (word, candidates, max, expected) => {
    expect(nearest(word, candidates, max)).toBe(expected);
  });
});

describe('the English word list', () => {
  it('is looked up by binary search, sorted when it is not', () => {
    const list = new SortedWordList(['pear', 'apple', 'fig', 'apple']);
    expect(['apple', 'fig', 'pear', 'plum'].map((w) => list.has(w))).toEqual([true, true, true, false]);
    expect(list.size).toBe(3);
  });

  it('has the words that must stay as written', () => {
    const english = englishWords();
    expect(english.size).toBeGreaterThan(200_000);
    expect(['tenders', 'lesion', 'planter', 'later', 'light'].every((w) => english.has(w))).toBe(true);
    expect(english.has('tenderess')).toBe(false);
  });
});
