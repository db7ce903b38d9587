// patterns/providers.json: the shipped file loads, and a broken copy stops loading with the file and
// the field named (the general rules for every pattern file are in load-patterns.test.ts).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPatternsDir, loadPatterns, PatternError, readPatternData } from '../../src/patterns/load-patterns.js';

const SHIPPED = defaultPatternsDir();

describe('the shipped providers.json', () => {
  it('compiles its cues and word lists', () => {
    const { providers } = loadPatterns();
    const data = JSON.parse(readFileSync(join(SHIPPED, 'providers.json'), 'utf8'));
    expect(providers.visitCues.members).toHaveLength(data.visitCues.length);
    expect(providers.facilityCues.members).toHaveLength(data.facilityCues.length);
    expect([...providers.credentials.keys()]).toEqual(data.credentials);
    // longest suffix first, so "Medical Center" is tried before "Center"
    const lengths = providers.facilitySuffixes.map((s) => s.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });
});

describe('a broken providers.json stops loading with the file and field named', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it.each<[string, (json: any) => void, RegExp]>([
    ['an unknown author cue kind', (j) => (j.authorCues[0].kind = 'stamp'), /^patterns\/providers\.json: authorCues\[0\]\.kind: /],
    ['an unknown history rule', (j) => (j.visitCues[0].inHistory = 'sometimes'), /^patterns\/providers\.json: visitCues\[0\]\.inHistory: /],
    ['a credential written with dots', (j) => (j.credentials[0] = 'M.D.'), /^patterns\/providers\.json: credentials\[0\]: a credential is letters/],
    ['a misspelt field', (j) => (j.facilityCues[0].term = ['at']), /^patterns\/providers\.json: facilityCues\[0\]: Unrecognized key: "term"/],
    ['two visit cues with one id', (j) => j.visitCues.push({ ...j.visitCues[0] }), /^patterns\/providers\.json: visitCues\[\d+\]\.id: duplicate id/],
    ['a facility cue with nothing to find', (j) => Object.assign(j.facilityCues[0], { terms: [], patterns: [] }), /^patterns\/providers\.json: facilityCues\[0\]: a cue needs terms/],
    ['an invalid regular expression', (j) => (j.facilityCues[2].patterns = ['(room']), /^patterns\/providers\.json: facilityCues\[2\]\.patterns\[0\]: invalid regular expression/],
    ['a suffix with a trailing space', (j) => (j.facilitySuffixes[0] = 'hospital '), /^patterns\/providers\.json: facilitySuffixes\[0\]: phrases must not start or end with spaces/],
    ['a letterhead of no lines', (j) => (j.letterhead.lines = 0), /^patterns\/providers\.json: letterhead\.lines: /],
    ['a missing list', (j) => delete j.titles, /^patterns\/providers\.json: titles: /],
  ])('%s', (_label, change, message) => {
    dir = mkdtempSync(join(tmpdir(), 'chartline-patterns-'));
    cpSync(SHIPPED, dir, { recursive: true });
    const file = join(dir, 'providers.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    change(json);
    writeFileSync(file, JSON.stringify(json, null, 2));
    let error: unknown = null;
    try {
      readPatternData(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PatternError);
    expect((error as PatternError).message).toMatch(message);
  });
});
