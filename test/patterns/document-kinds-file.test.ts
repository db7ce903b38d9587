// patterns/document-kinds.json: the shipped file loads, and a broken copy stops loading with the file
// and the field named (the general rules for every pattern file are in load-patterns.test.ts).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPatternsDir, loadPatterns, PatternError, readPatternData } from '../../src/patterns/load-patterns.js';
import { DOCUMENT_KINDS } from '../../src/schema.js';

const SHIPPED = defaultPatternsDir();

describe('the shipped document-kinds.json', () => {
  it('compiles one cue set per entry, and every term finds its cue set in the one lexicon', () => {
    const { documentKinds } = loadPatterns();
    const data = JSON.parse(readFileSync(join(SHIPPED, 'document-kinds.json'), 'utf8'));
    expect(documentKinds.cues.map((c) => c.id)).toEqual(data.cues.map((c: { id: string }) => c.id));
    const lost: string[] = [];
    for (const c of data.cues as { id: string; terms?: string[]; caseSensitive?: string[] }[]) {
      for (const term of [...(c.terms ?? []), ...(c.caseSensitive ?? [])]) {
        const found = documentKinds.lexicon.find(term).some((m) => m.start === 0 && m.end === term.length && m.value.some((cue) => cue.id === c.id));
        if (!found) lost.push(`${c.id}: ${term}`);
      }
    }
    expect(lost).toEqual([]);
  });

  it('has cues for every kind but other', () => {
    const kinds = new Set(loadPatterns().documentKinds.cues.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(DOCUMENT_KINDS.filter((k) => k !== 'other').sort());
  });
});

describe('a broken document-kinds.json stops loading with the file and field named', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it.each<[string, (json: any) => void, RegExp]>([
    ['a kind that is not a document kind', (j) => (j.cues[0].kind = 'memo'), /^patterns\/document-kinds\.json: cues\[0\]\.kind: /],
    ['"other" as a cue kind', (j) => (j.cues[1].kind = 'other'), /^patterns\/document-kinds\.json: cues\[1\]\.kind: /],
    ['an unknown scope', (j) => (j.cues[2].scope = 'footer'), /^patterns\/document-kinds\.json: cues\[2\]\.scope: /],
    ['a misspelt field', (j) => (j.cues[0].wieght = 3), /^patterns\/document-kinds\.json: cues\[0\]: Unrecognized key: "wieght"/],
    ['a weight of zero', (j) => (j.cues[3].weight = 0), /^patterns\/document-kinds\.json: cues\[3\]\.weight: /],
    ['minTerms above maxTerms', (j) => Object.assign(j.cues[0], { minTerms: 3, maxTerms: 2 }), /^patterns\/document-kinds\.json: cues\[0\]\.minTerms: minTerms must not exceed maxTerms/],
    ['a cue set with nothing to find', (j) => Object.assign(j.cues[4], { terms: [], caseSensitive: [], patterns: [] }), /^patterns\/document-kinds\.json: cues\[4\]: a cue set needs terms/],
    ['two cue sets with one id', (j) => (j.cues[1].id = j.cues[0].id), /^patterns\/document-kinds\.json: cues\[1\]\.id: duplicate id/],
    ['an invalid regular expression', (j) => (j.cues[0].patterns = ['(unclosed']), /^patterns\/document-kinds\.json: cues\[0\]\.patterns\[0\]: invalid regular expression/],
    ['a missing opening', (j) => delete j.top, /^patterns\/document-kinds\.json: top: /],
    ['a negative minimum score', (j) => (j.minScore = -1), /^patterns\/document-kinds\.json: minScore: /],
  ])('%s', (_label, change, message) => {
    dir = mkdtempSync(join(tmpdir(), 'chartline-patterns-'));
    cpSync(SHIPPED, dir, { recursive: true });
    const file = join(dir, 'document-kinds.json');
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
