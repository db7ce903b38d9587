// Phrase matching: longest term first, hyphens and spaces alike, apostrophes dropped, case-sensitive
// terms, regular-expression entries; and LexiconSet, several lexicons scanned as one, giving exactly
// what scanning each member would.
import { describe, expect, it } from 'vitest';
import { Lexicon, LexiconSet, tokenize, type LexiconEntry } from '../../src/patterns/lexicon.js';

const lexicon = new Lexicon<string>([
  { value: 'therapy', terms: ['physical therapy', 'PT', 'therapy'] },
  { value: 'therapy-course', terms: ['physical therapy sessions'] },
  { value: 'follow-up', terms: ['follow-up visit'] },
  { value: 'spurling', terms: ["Spurling's test"] },
  { value: 'mri', caseSensitive: ['MRI'] },
  { value: 'first', terms: ['epidural injection'] },
  { value: 'second', terms: ['epidural injection'] },
  { value: 'level', patterns: ['\\b[LC]\\d-[LCS]\\d\\b'] },
]);

const found = (text: string) => lexicon.find(text).map((m) => [m.text, m.value]);

describe('Lexicon', () => {
  it.each([
    ['She completed physical therapy sessions in May.', [['physical therapy sessions', 'therapy-course']]],
    ['Physical therapy was helpful.', [['Physical therapy', 'therapy']]],
    ['Return for a follow up visit.', [['follow up visit', 'follow-up']]],
    ['Spurlings test was positive on the right.', [['Spurlings test', 'spurling']]],
    ['An MRI of the lumbar spine.', [['MRI', 'mri']]],
    [
      'A lumbar epidural injection at L4-L5 was done.',
      [
        ['epidural injection', 'first'],
        ['L4-L5', 'level'],
      ],
    ],
    [
      'pt and PT are one term, folded',
      [
        ['pt', 'therapy'],
        ['PT', 'therapy'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('reports character offsets in the document when given the span and its offset', () => {
    const text = 'Plan: physical therapy.';
    const [m] = lexicon.find(text, tokenize(text, 100), 100);
    expect(m).toMatchObject({ start: 106, end: 122, text: 'physical therapy', term: 'physical therapy' });
  });

  it.each([
    ['The patient denies any mri findings.'], // "MRI" is case-sensitive
    ['Physical examination was normal.'], // "physical" alone starts a term but ends none
    ['Therapeutic exercises were reviewed.'], // a word that begins like a term is not the term
    ['Spurling maneuver not performed.'],
    [''],
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

// Members overlap on purpose: "no relief" (negation) holds "relief" (response).
const members: LexiconEntry<string>[][] = [
  [{ value: 'negation', terms: ['no', 'no relief', 'denies'] }],
  [{ value: 'response', terms: ['relief', 'significant relief', 'improvement'] }],
  [{ value: 'visit', terms: ['follow-up visit', 'visit', 'office visit'], caseSensitive: ['PR-2'] }],
  [
    { value: 'level', patterns: ['\\b[LC]\\d-[LCS]\\d\\b'] },
    { value: 'procedure', terms: ['epidural injection'] },
  ],
  [
    { value: 'report', caseSensitive: ['PR', 'PR-2 report'] },
    { value: 'report', terms: ['pr 2'] },
  ],
];

describe('LexiconSet', () => {
  const set = new LexiconSet(members);
  const separately = (text: string, offset = 0) => set.members.flatMap((l) => l.find(text, tokenize(text, offset), offset));

  it.each([
    'No relief after the epidural injection at L5-S1.',
    'She reports significant relief and some improvement since the office visit.',
    'At the follow-up visit the PR-2 report noted no relief; denies improvement.',
    'PR-2 dated 3/4/2015: no significant relief from the L4-L5 epidural injection.',
    'pr 2 and PR and PR-2 report',
    'visit visit no no relief relief',
    'Nothing here matches at all.',
    '',
  ])('gives what its members give one by one: %j', (text) => {
    expect(set.find(text)).toEqual(separately(text));
    expect(set.find(text, tokenize(text, 40), 40)).toEqual(separately(text, 40));
  });

  it('keeps overlapping matches of different members', () => {
    const text = 'No relief was reported.';
    expect(set.find(text).map((m) => [m.text, m.value])).toEqual([
      ['No relief', 'negation'],
      ['relief', 'response'],
    ]);
  });
});
