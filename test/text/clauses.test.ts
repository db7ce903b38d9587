// An exam sentence → one clause per finding it lists; prose lists that share a head stay whole.
import { describe, expect, it } from 'vitest';
import { loadPatterns } from '../../src/patterns/load-patterns.js';
import { analyzeSentence } from '../../src/text/analyze.js';
import { findingClauses } from '../../src/text/clauses.js';

const patterns = loadPatterns();

function clauses(text: string): string[] {
  const s = analyzeSentence(text, 0, text.length, 0, null, 2020, patterns);
  return findingClauses(s).map((c) => c.text);
}

describe('findingClauses', () => {
  it.each<[string, string[]]>([
    ['BP 130/56, HR 68, RR 16, afebrile.', ['BP 130/56', 'HR 68', 'RR 16, afebrile.']],
    ['Reflexes 1/trace at the patellae, 0/0 at the Achilles.', ['Reflexes 1/trace at the patellae', '0/0 at the Achilles.']],
    ['Reflexes are 2+ at the knees; 1+ at the ankles.', ['Reflexes are 2+ at the knees', '1+ at the ankles.']],
  ])('%j → %j', (text, expected) => {
    expect(clauses(text)).toEqual(expected);
  });

  // negative cases: one finding, one clause
  it.each([
    'No cyanosis, clubbing, or edema.',
    'No swelling, crepitus or discoloration noted.',
    'Pupils are equal, round, and reactive to light.',
    'While seated, straight leg raise was negative.',
    'Skin is warm and dry, normal turgor and texture.',
    'Surgery was done on March 8, 2006, with good results.',
    'Neck, supple without adenopathy.',
  ])('%j stays whole', (text) => {
    expect(clauses(text)).toEqual([text]);
  });
});
