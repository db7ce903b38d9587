// The words a lexicon's regular expression cannot match without (a prefilter before running it):
// exact for the shapes the pattern files use, and never a word a match could lack.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayMatch, requiredLiterals } from '../../src/patterns/required-literals.js';

describe('requiredLiterals', () => {
  it.each([
    ['\\bpainful\\s+arc\\b', [['painful'], ['arc']]],
    ['\\breflex(?:es)?\\s+(?:is|was)\\s+absent', [['reflex'], ['absent'], ['is', 'was']]],
    // an optional group, a quantified letter, a character class: nothing required from them
    ['\\btests?\\s+(?:were\\s+)?positive\\b', [['positive'], ['test']]],
    ['(?:was|were)?\\s*[a-z]+', []],
    // an alternation at the top level: no single word is in every match
    ['\\bmotor\\b|\\bsensory\\b', []],
    // words inside lookarounds are not part of the match
    ['(?<!page\\s)[0-4]\\s+of\\s+5(?!\\s+pages)', [['of']]],
    ['\\bpain (?:over|at) the (?!past|last)[a-z]', [['pain'], ['the'], ['over', 'at']]],
    ['\\b(?:[a-z]+\\s+){1,3}(?:was|were)\\s+noted', [['noted'], ['was', 'were']]],
    ['\\d{1,3}\\s*(?:°|degrees?)', []],
  ])('%s', (source, expected) => {
    expect(requiredLiterals(source)).toEqual(expected);
  });
});

// Every regular expression in the shipped pattern files, on sentences that match some of them: the
// prefilter lets through every sentence the expression matches.
const PATTERNS = join(import.meta.dirname, '..', '..', 'patterns');
const sources = [...readdirSync(PATTERNS).filter((f) => f.endsWith('.json')), ...readdirSync(join(PATTERNS, 'findings')).map((f) => join('findings', f))]
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => {
    const found: string[] = [];
    JSON.stringify(JSON.parse(readFileSync(join(PATTERNS, f), 'utf8')), (key, value: unknown) => {
      if (key === 'patterns' && Array.isArray(value)) found.push(...value.filter((v): v is string => typeof v === 'string'));
      return value;
    });
    return found;
  });

const SENTENCES = [
  'Motor strength is 4+/5 in the right extensor hallucis longus; sensory exam shows decreased sensation in the L5 dermatome.',
  'Patellar reflexes were diminished bilaterally; Achilles reflex is absent on the left.',
  "Spurling's test was positive on the right. Straight leg raise testing was noted to be negative.",
  'Range of motion of the lumbar spine is restricted: flexion to 40 degrees, extension 10°.',
  'Pain over the lateral epicondyle; painful arc between 60 and 120 degrees of abduction.',
  'Musculoskeletal: within normal limits. Pulses 2+ and symmetric.',
  'Strength 5 out of 5 throughout; reflexes 2+ and symmetric.',
  'MRI of the lumbar spine on 3/2/2014 showed an L4-L5 disc protrusion; EMG/NCV was normal.',
  'She underwent a right L5-S1 transforaminal epidural steroid injection and 12 sessions of PT.',
  'Compression of the forearm reproduced her pain. Flexion caused severe pain.',
];

describe('prefilter on the shipped patterns', () => {
  it('finds regular expressions to check', () => {
    expect(sources.length).toBeGreaterThan(20);
  });
  it('never rules out a sentence the expression matches', () => {
    let matched = 0;
    for (const source of sources) {
      const re = new RegExp(source, 'iu');
      for (const text of SENTENCES) {
        if (!re.test(text)) continue;
        matched++;
        expect({ source, text, may: mayMatch(requiredLiterals(source), text.toLowerCase()) }).toEqual({ source, text, may: true });
      }
    }
    expect(matched).toBeGreaterThan(15);
  });
});
