import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compilePatterns, defaultPatternsDir, loadPatterns, PatternError, readPatternData } from '../../src/patterns/load-patterns.js';
import { FindingsFile, PATTERN_FILES, type PatternFileName } from '../../src/patterns/schemas.js';

const SHIPPED = defaultPatternsDir();
const shippedFiles = readdirSync(SHIPPED)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('shipped patterns/*.json', () => {
  it('the folder is found and has files', () => {
    expect(basename(SHIPPED)).toBe('patterns');
    expect(shippedFiles.length).toBeGreaterThan(0);
  });

  it('every schema has its file', () => {
    for (const name of Object.keys(PATTERN_FILES)) expect(shippedFiles).toContain(`${name}.json`);
  });

  // Iterates the folder, not the schema list: a new pattern file without a schema fails here.
  it.each(shippedFiles)('%s has a schema and passes it', (file) => {
    const name = file.replace(/\.json$/, '');
    expect(Object.keys(PATTERN_FILES), `patterns/${file} has no schema in src/patterns/schemas.ts`).toContain(name);
    const schema = PATTERN_FILES[name as PatternFileName];
    const parsed = schema.safeParse(JSON.parse(readFileSync(join(SHIPPED, file), 'utf8')));
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  // one term per line, so a synonym added or removed is a one-line diff
  it.each(shippedFiles)('%s is pretty-printed, one term per line', (file) => {
    const text = readFileSync(join(SHIPPED, file), 'utf8');
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it.each(shippedFiles)('every regular expression in %s compiles the way the matchers use it', (file) => {
    const bad: string[] = [];
    const visit = (value: unknown, path: string, inPatterns: boolean): void => {
      if (typeof value === 'string' && inPatterns) {
        try {
          new RegExp(value, 'giu');
        } catch (err) {
          bad.push(`${path}: ${(err as Error).message}`);
        }
      } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`, inPatterns));
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`, inPatterns || ['patterns', 'ignoreLine', 'levelPattern'].includes(k));
      }
    };
    visit(JSON.parse(readFileSync(join(SHIPPED, file), 'utf8')), file, false);
    expect(bad).toEqual([]);
  });

  it('the whole set loads and compiles', () => {
    const patterns = loadPatterns();
    expect(patterns.sectionHeaders.size).toBeGreaterThan(0);
    expect(patterns.cues.members.length).toBeGreaterThan(0);
    expect(loadPatterns()).toBe(patterns);
    expect(compilePatterns(readPatternData(SHIPPED)).sectionHeaders.size).toBe(patterns.sectionHeaders.size);
  });
});

const FINDINGS = join(SHIPPED, 'findings');
const findingFiles = readdirSync(FINDINGS)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('shipped patterns/findings/*.json', () => {
  it('one file per body system, at least the systems an exam covers', () => {
    const systems = findingFiles.map((f) => JSON.parse(readFileSync(join(FINDINGS, f), 'utf8')).system);
    for (const s of ['general', 'vitals', 'heent', 'neck', 'lungs', 'heart', 'abdomen', 'skin', 'extremities', 'musculoskeletal', 'neuro', 'psych']) expect(systems).toContain(s);
  });

  it.each(findingFiles)('%s passes its schema and is pretty-printed', (file) => {
    const text = readFileSync(join(FINDINGS, file), 'utf8');
    const parsed = FindingsFile.safeParse(JSON.parse(text));
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });
});

describe('a broken copy of the folder stops loading with the file and field named', () => {
  let dir = '';
  const copy = (): string => {
    dir = mkdtempSync(join(tmpdir(), 'chartline-patterns-'));
    cpSync(SHIPPED, dir, { recursive: true });
    return dir;
  };
  const edit = (file: string, change: (json: any) => void): void => {
    const path = join(dir, file);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    change(json);
    writeFileSync(path, JSON.stringify(json, null, 2));
  };
  const loadError = (): PatternError => {
    try {
      readPatternData(dir);
    } catch (err) {
      expect(err).toBeInstanceOf(PatternError);
      return err as PatternError;
    }
    throw new Error('the broken patterns folder loaded without an error');
  };

  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it('an unbroken copy loads', () => {
    copy();
    expect(() => readPatternData(dir)).not.toThrow();
    expect(() => loadPatterns(dir)).not.toThrow();
  });

  it.each<[string, string, (json: any) => void, RegExp]>([
    ['an unknown cue role', 'cues.json', (j) => (j.cues[0].role = 'nonsense'), /^patterns\/cues\.json: cues\[0\]\.role: /],
    ['a service type that is not an event type', 'services.json', (j) => (j.services[1].type = 'surgery'), /^patterns\/services\.json: services\[1\]\.type: /],
    ['a misspelt field', 'sections.json', (j) => (j.sections[2].heders = ['notes']), /^patterns\/sections\.json: sections\[2\]: Unrecognized key: "heders"/],
    ['a missing required field', 'labels.json', (j) => delete j.labels[0].role, /^patterns\/labels\.json: labels\[0\]\.role: /],
    ['a label id with a space', 'labels.json', (j) => (j.labels[0].id = 'Date Of Injury'), /^patterns\/labels\.json: labels\[0\]\.id: ids are lowercase/],
    ['a phrase with a trailing space', 'anatomy.json', (j) => (j.sides.left[0] = 'left '), /^patterns\/anatomy\.json: sides\.left\[0\]: phrases must not start or end with spaces/],
    ['a number out of range', 'assertion.json', (j) => (j.triggers[0].maxTokens = 0), /^patterns\/assertion\.json: triggers\[0\]\.maxTokens: /],
    ['an empty list that must have entries', 'sections.json', (j) => (j.sections = []), /^patterns\/sections\.json: sections: /],
    [
      'an invalid regular expression in a pattern list',
      'services.json',
      (j) => (j.services[0].patterns = ['(unclosed']),
      /^patterns\/services\.json: services\[0\]\.patterns\[0\]: invalid regular expression/,
    ],
    ['an invalid level pattern', 'anatomy.json', (j) => (j.levelPattern = '([CTLS](\\d'), /^patterns\/anatomy\.json: levelPattern: invalid regular expression/],
    ['an invalid ignore-line pattern', 'dates.json', (j) => (j.ignoreLine[0] = '[fax'), /^patterns\/dates\.json: ignoreLine\[0\]: invalid regular expression/],
    ['a wrong type at the root', 'checks.json', (j) => (j.gapInCare = 'often'), /^patterns\/checks\.json: gapInCare: /],
    ['a finding polarity that does not exist', 'findings/lungs.json', (j) => (j.findings[0].polarity = 'bad'), /^patterns\/findings\/lungs\.json: findings\[0\]\.polarity: /],
    [
      'a concept that is not a dotted path',
      'findings/heart.json',
      (j) => (j.findings[1].concept = 'Heart Rhythm'),
      /^patterns\/findings\/heart\.json: findings\[1\]\.concept: a concept is a dotted path/,
    ],
    ['a system that does not exist', 'findings/skin.json', (j) => (j.system = 'dermis'), /^patterns\/findings\/skin\.json: system: /],
    [
      'a term read two ways',
      'findings/lungs.json',
      (j) => j.findings[0].terms.push('murmur'),
      /^patterns\/findings\/lungs\.json: lungs\.normal: the term "murmur" is also in patterns\/findings\/heart\.json/,
    ],
  ])('%s', (_label, file, change, message) => {
    copy();
    edit(file, change);
    expect(loadError().message).toMatch(message);
  });

  it('a file that is not JSON', () => {
    copy();
    writeFileSync(join(dir, 'dates.json'), '{ "ignoreBefore": [ "dob", }');
    expect(loadError().message).toMatch(/^patterns\/dates\.json: not valid JSON: /);
  });

  it.each(Object.keys(PATTERN_FILES))('a missing %s.json', (name) => {
    copy();
    rmSync(join(dir, `${name}.json`));
    const message = loadError().message;
    expect(message).toContain(`patterns/${name}.json: file is missing`);
    expect(message).toContain(dir);
  });

  it('loadPatterns(dir) reports the same error', () => {
    copy();
    edit('cues.json', (j) => (j.cues[0].role = 'nonsense'));
    expect(() => loadPatterns(dir)).toThrow(/patterns\/cues\.json: cues\[0\]\.role/);
  });
});
