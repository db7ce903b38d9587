// Loads patterns/*.json through the strict schemas and compiles them into matchers.
// A bad file stops start-up with a message naming the file and the field:
//   patterns/cues.json: cues[3].role: Invalid option: expected one of "encounter_noun"|...
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { EventType, FindingSystem } from '../schema.js';
import { compileDocumentKindCues, type DocumentKindCues } from './document-kind-cues.js';
import { FuzzyReader, SortedWordList, type WordList } from './fuzzy.js';
import { Lexicon, LexiconSet, tokenize } from './lexicon.js';
import { compileProviderCues, type ProviderCues } from './provider-cues.js';
import { FindingsFile, PATTERN_FILES, type CueRole, type FindingsFileData, type LabelRole, type PatternData, type PatternFileName, type Region, type SectionCategory } from './schemas.js';

export class PatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatternError';
  }
}

export interface ServiceValue {
  id: string;
  type: EventType;
}
export interface CueValue {
  id: string;
  role: CueRole;
}
export interface ExamValue {
  /** the vocabulary entry (patterns/findings/<system>.json id) */
  id: string;
  /** what the finding is about, as a dotted path (schema.ts FindingSchema.concept) */
  concept: string;
  system: FindingSystem;
  /** what a bare mention claims; 'test' for a named test whose result the clause's words give */
  polarity: 'normal' | 'abnormal' | 'present' | 'absent' | 'test';
  reportable: boolean;
  neutral: boolean;
  /** the words count only beside one of these words or under this system's label, else null */
  context: Lexicon<true> | null;
  /** a more precise concept under a system's label ("Abdomen: tender" → abdomen.tenderness) */
  underLabel: Partial<Record<FindingSystem, string>>;
}

export interface AssertionValue {
  id: string;
  category: 'negated' | 'hypothetical' | 'historical' | 'pseudo' | 'terminator';
  direction: 'forward' | 'backward' | 'bidirectional';
  maxTokens: number;
}
export interface SectionValue {
  name: string;
  category: SectionCategory;
}
export interface BodyPartValue {
  name: string;
  region: Region;
}

/** A measured sign judged by its number (patterns/findings/*.json `measured`). */
export interface MeasuredSign {
  id: string;
  concept: string;
  system: FindingSystem;
  reading: 'number' | 'pressure' | 'score';
  /** label, a few linking words, the number (and a diastolic after "/"): groups 1 and 2 */
  re: RegExp;
  normal: [number, number] | [[number, number], [number, number]];
  abnormal: { below?: number | [number, number]; atLeast?: number | [number, number] };
  plausible: [number, number];
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function measuredSign(system: FindingSystem, m: NonNullable<FindingsFileData['measured']>[number]): MeasuredSign {
  // longest label first ("pulse ox" before "pulse"); a label of one or two letters ("BP", "T") only as
  // written, a longer one in any usual case ("Blood pressure", "BLOOD PRESSURE", "blood pressure")
  const cases = (l: string): string[] =>
    l.length <= 2 ? [l] : [...new Set([l, l.toLowerCase(), l.toUpperCase(), l[0]!.toUpperCase() + l.slice(1).toLowerCase(), l.replace(/\b[a-z]/g, (c) => c.toUpperCase())])];
  const labels = [...m.labels]
    .sort((a, b) => b.length - a.length)
    .flatMap(cases)
    .map((l) => escapeRe(l).replace(/ /g, '\\s+'));
  const number = m.reading === 'pressure' ? '(\\d{2,3})\\s*\\/\\s*(\\d{2,3})' : m.reading === 'score' ? `(\\d{1,3})\\s*(?:\\/|out\\s+of)\\s*${m.outOf ?? 100}` : '(\\d{1,3}(?:\\.\\d)?)';
  // "Blood pressure of 178/104", "pulse is 90", "BP: 118/72", "blood pressure today in office was 132/80":
  // up to five lower-case words between the label and its number
  const re = new RegExp(`(?<![\\w/])(?:${labels.join('|')})(?![\\w/])[\\s:=,-]*(?:[a-z-]{1,10}\\s+){0,5}?${number}(?![\\d/]|\\.\\d)`, 'g');
  return { id: m.id, concept: m.concept, system, reading: m.reading, re, normal: m.normal, abnormal: m.abnormal, plausible: m.plausible };
}

export interface Patterns {
  dir: string;
  data: PatternData;
  sectionHeaders: Map<string, SectionValue>;
  /** an unknown all-capitals header → its category by the words in it (first group that matches) */
  headerWords: { category: SectionCategory; words: Lexicon<true> }[];
  /** exam and review-of-systems labels ("Lungs:", "HEENT:") → the body system they introduce */
  systemLabels: Map<string, FindingSystem>;
  narratedParts: Lexicon<SectionCategory>;
  labels: Lexicon<{ id: string; role: LabelRole }>;
  services: Lexicon<ServiceValue>;
  /** one member per cue role: roles may overlap ("no relief" and "relief") */
  cues: LexiconSet<CueValue>;
  /** every finding of patterns/findings/*.json and every named test */
  exam: Lexicon<ExamValue>;
  /** a named test's result words ("positive", "stable") */
  testWords: Lexicon<'positive' | 'negative'>;
  /** the motion a range-of-motion finding names ("flexion", "side bending") */
  motions: Lexicon<string>;
  /** "Abdomen: Normal.": a clause that is only these words claims its whole system normal */
  systemNormal: Lexicon<true>;
  /** concepts only an examiner reports, and their narrower concepts */
  examinerOnly: readonly string[];
  /** the polarity of an exam clause the vocabulary does not classify */
  clauseWords: Lexicon<'normal' | 'abnormal'>;
  coordination: {
    nouns: Lexicon<string>;
    normalBefore: Lexicon<true>;
    normalAfter: Lexicon<true>;
  };
  assertion: Lexicon<AssertionValue>;
  /** words that say what a statement is about (patterns/markers.json): done, prior, repeat, the injury, denied */
  markers: Lexicon<'reported_done' | 'prior' | 'repeat' | 'about_injury' | 'denied'>;
  decisionPartial: Lexicon<true>;
  furtherRequest: Lexicon<true>;
  /** "helped for two days", "initially": a response with a time or degree attached */
  qualifiedResponse: Lexicon<true>;
  /** a service term → its family ("medial branch blocks" → "nerve block") */
  serviceFamily: Map<string, string>;
  /** "If ...," opening a sentence: hypothetical up to its last comma */
  conditionalOpeners: Lexicon<true>;
  bodyParts: Lexicon<BodyPartValue>;
  sides: Lexicon<'left' | 'right' | 'bilateral'>;
  levelPattern: RegExp;
  dateIgnoreBefore: Lexicon<true>;
  dateIgnoreAfter: Lexicon<true>;
  dateIgnoreLine: RegExp[];
  relativeCues: Lexicon<true>;
  /** document kind cue sets (patterns/document-kinds.json) */
  documentKinds: DocumentKindCues;
  /** provider and facility cues (patterns/providers.json) */
  providers: ProviderCues;
  /** signs judged by their number: blood pressure, pulse, respirations, temperature, saturation */
  measured: MeasuredSign[];
  /** misspelled words read as vocabulary words (patterns/fuzzy.json; src/patterns/fuzzy.ts) */
  fuzzy: FuzzyReader;
}

/** Finds the shipped patterns/ folder from wherever this module runs (src/ under vitest, dist/src/ when built). */
export function defaultPatternsDir(): string {
  if (process.env.CHARTLINE_PATTERNS) return resolve(process.env.CHARTLINE_PATTERNS);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'patterns', 'sections.json'))) return join(dir, 'patterns');
    dir = dirname(dir);
  }
  throw new PatternError('cannot find the patterns/ folder; set CHARTLINE_PATTERNS to its path');
}

function formatIssues(file: string, error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${file}: ${issue.path.length ? issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') : '(root)'}: ${issue.message}`)
    .join('\n');
}

export function readPatternData(dir: string = defaultPatternsDir()): PatternData {
  const data: Partial<Record<PatternFileName, unknown>> = {};
  for (const [name, schema] of Object.entries(PATTERN_FILES) as [PatternFileName, (typeof PATTERN_FILES)[PatternFileName]][]) {
    const file = join(dir, `${name}.json`);
    const label = `patterns/${name}.json`;
    if (!existsSync(file)) throw new PatternError(`${label}: file is missing (looked in ${dir})`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new PatternError(`${label}: not valid JSON: ${(err as Error).message}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new PatternError(formatIssues(label, parsed.error));
    data[name] = parsed.data;
  }
  return { ...(data as Omit<PatternData, 'findings'>), findings: readFindingFiles(dir) } as PatternData;
}

/** patterns/findings/*.json, each through its schema, in name order. */
function readFindingFiles(dir: string): { name: string; data: FindingsFileData }[] {
  const folder = join(dir, 'findings');
  if (!existsSync(folder)) throw new PatternError(`patterns/findings/: folder is missing (looked in ${dir})`);
  const out: { name: string; data: FindingsFileData }[] = [];
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const label = `patterns/findings/${file}`;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    } catch (err) {
      throw new PatternError(`${label}: not valid JSON: ${(err as Error).message}`);
    }
    const parsed = FindingsFile.safeParse(json);
    if (!parsed.success) throw new PatternError(formatIssues(label, parsed.error));
    out.push({ name: file.replace(/\.json$/, ''), data: parsed.data });
  }
  if (out.length === 0) throw new PatternError('patterns/findings/: no finding files');
  const ids = new Map<string, string>();
  // a term read two ways would take whichever entry the matcher met last
  const terms = new Map<string, string>();
  for (const f of out) {
    for (const e of [...f.data.findings, ...(f.data.tests ?? [])]) {
      const other = ids.get(e.id);
      if (other) throw new PatternError(`patterns/findings/${f.name}.json: id "${e.id}" is also used in patterns/findings/${other}.json`);
      ids.set(e.id, f.name);
      for (const term of e.terms ?? []) {
        const key = tokenize(term)
          .map((t) => t.norm)
          .join(' ');
        const owner = terms.get(key);
        if (owner && owner !== `${f.name}.json ${e.id}`) throw new PatternError(`patterns/findings/${f.name}.json: ${e.id}: the term "${term}" is also in patterns/findings/${owner}`);
        terms.set(key, `${f.name}.json ${e.id}`);
      }
    }
  }
  return out;
}

export function compilePatterns(data: PatternData, dir = ''): Patterns {
  const sectionHeaders = new Map<string, SectionValue>();
  for (const s of data.sections.sections) for (const h of s.headers) sectionHeaders.set(normalizeHeader(h), { name: s.name, category: s.category });

  const cueRoles = new Map<CueRole, { value: CueValue; terms: string[]; caseSensitive: string[]; patterns: string[] }[]>();
  for (const c of data.cues.cues) {
    const list = cueRoles.get(c.role) ?? [];
    list.push({ value: { id: c.id, role: c.role }, terms: c.terms, caseSensitive: c.caseSensitive, patterns: c.patterns });
    cueRoles.set(c.role, list);
  }
  const sidesEntries = (Object.entries(data.anatomy.sides) as ['left' | 'right' | 'bilateral', string[]][]).map(([side, terms]) => ({ value: side, terms }));
  const a = data.assertion;
  const patterns: Omit<Patterns, 'fuzzy'> = {
    dir,
    data,
    sectionHeaders,
    headerWords: data.sections.headerWords.map((g) => ({ category: g.category, words: new Lexicon([{ value: true as const, terms: g.words }]) })),
    systemLabels: new Map(data.sections.systems.flatMap((g) => g.labels.map((l) => [normalizeHeader(l), g.system] as const))),
    narratedParts: new Lexicon(data.sections.narrated.map((n) => ({ value: n.category as SectionCategory, terms: n.cues }))),
    labels: new Lexicon(data.labels.labels.map((l) => ({ value: { id: l.id, role: l.role }, terms: l.labels }))),
    services: new Lexicon(data.services.services.map((s) => ({ value: { id: s.id, type: s.type }, terms: s.terms, caseSensitive: s.caseSensitive, patterns: s.patterns }))),
    // One lexicon per role: "on exam" (exam context) must not hide "exam" (an encounter noun).
    cues: new LexiconSet([...cueRoles.values()]),
    measured: data.findings.flatMap(({ data: file }) => (file.measured ?? []).map((m) => measuredSign(file.system, m))),
    exam: new Lexicon<ExamValue>(
      data.findings.flatMap(({ data: file }) => [
        ...file.findings.map((f) => ({
          value: {
            id: f.id,
            concept: f.concept,
            system: file.system,
            polarity: f.polarity,
            reportable: f.reportable,
            neutral: f.neutral,
            context: f.context ? new Lexicon([{ value: true as const, terms: f.context }]) : null,
            underLabel: f.underLabel ?? {},
          },
          terms: f.terms,
          caseSensitive: f.caseSensitive,
          patterns: f.patterns,
        })),
        ...(file.tests ?? []).map((t) => ({
          value: { id: t.id, concept: t.concept, system: file.system, polarity: 'test' as const, reportable: false, neutral: false, context: null, underLabel: {} },
          terms: t.terms,
        })),
      ]),
    ),
    testWords: new Lexicon([
      { value: 'positive' as const, terms: data.exam.testWords.positive },
      { value: 'negative' as const, terms: data.exam.testWords.negative },
    ]),
    examinerOnly: data.exam.examinerOnly,
    motions: new Lexicon(Object.entries(data.exam.motions).flatMap(([motion, terms]) => (Array.isArray(terms) ? [{ value: motion, terms }] : []))),
    systemNormal: new Lexicon([{ value: true as const, terms: data.exam.systemNormal.terms }]),
    clauseWords: new Lexicon([
      { value: 'normal' as const, terms: data.exam.clauseWords.normal },
      { value: 'abnormal' as const, terms: data.exam.clauseWords.abnormal },
    ]),
    coordination: {
      nouns: new Lexicon(Object.entries(data.exam.coordination.nouns).map(([concept, terms]) => ({ value: concept, terms }))),
      normalBefore: new Lexicon([{ value: true as const, terms: data.exam.coordination.normalBefore }]),
      normalAfter: new Lexicon([{ value: true as const, terms: data.exam.coordination.normalAfter }]),
    },
    assertion: new Lexicon<AssertionValue>([
      // Pseudo triggers first: "no change" must win over "no".
      { value: { id: 'pseudo', category: 'pseudo', direction: 'forward', maxTokens: 0 }, terms: a.pseudo },
      ...a.triggers.map((t) => ({ value: { id: t.id, category: t.category, direction: t.direction, maxTokens: t.maxTokens }, terms: t.terms })),
      { value: { id: 'terminator', category: 'terminator', direction: 'forward', maxTokens: 0 }, terms: a.terminators.filter((t) => !a.strongTerminators.includes(t)) },
      { value: { id: 'terminator.strong', category: 'terminator', direction: 'forward', maxTokens: 0 }, terms: a.strongTerminators },
    ]),
    markers: new Lexicon([
      { value: 'reported_done' as const, terms: data.markers.reportedDone },
      { value: 'prior' as const, terms: data.markers.prior },
      { value: 'repeat' as const, terms: data.markers.repeat },
      { value: 'about_injury' as const, terms: data.markers.aboutInjury },
      { value: 'denied' as const, terms: data.markers.denied },
    ]),
    decisionPartial: new Lexicon([{ value: true as const, terms: data.markers.decisionPartial }]),
    furtherRequest: new Lexicon([{ value: true as const, terms: data.markers.furtherRequest }]),
    qualifiedResponse: new Lexicon([{ value: true as const, terms: data.markers.qualified }]),
    serviceFamily: new Map(Object.entries(data.services.families).flatMap(([family, terms]) => (Array.isArray(terms) ? terms.map((t) => [t.toLowerCase(), family] as const) : []))),
    conditionalOpeners: new Lexicon([{ value: true as const, terms: a.conditionalOpeners }]),
    bodyParts: new Lexicon(data.anatomy.bodyParts.map((b) => ({ value: { name: b.name, region: b.region }, terms: b.terms }))),
    sides: new Lexicon(sidesEntries),
    levelPattern: new RegExp(data.anatomy.levelPattern, 'g'),
    dateIgnoreBefore: new Lexicon([{ value: true as const, terms: data.dates.ignoreBefore }]),
    dateIgnoreAfter: new Lexicon([{ value: true as const, terms: data.dates.ignoreAfter }]),
    dateIgnoreLine: data.dates.ignoreLine.map((src) => new RegExp(src, 'i')),
    relativeCues: new Lexicon([{ value: true as const, terms: data.dates.relativeCues }]),
    documentKinds: compileDocumentKindCues(data['document-kinds']),
    providers: compileProviderCues(data.providers),
  };
  return { ...patterns, fuzzy: new FuzzyReader(data.fuzzy, vocabularyWords(patterns), englishWords) };
}

/** Every word of the lexicons' listed terms: what a misspelled word may be read as. */
function vocabularyWords(p: Omit<Patterns, 'fuzzy'>): Set<string> {
  const words = new Set<string>();
  const lexicons: (Lexicon<unknown> | LexiconSet<unknown>)[] = [
    p.narratedParts,
    p.labels,
    p.services,
    p.cues,
    p.exam,
    p.testWords,
    p.motions,
    p.systemNormal,
    p.clauseWords,
    p.coordination.nouns,
    p.coordination.normalBefore,
    p.coordination.normalAfter,
    p.assertion,
    p.markers,
    p.decisionPartial,
    p.furtherRequest,
    p.qualifiedResponse,
    p.conditionalOpeners,
    p.bodyParts,
    p.sides,
    p.relativeCues,
    ...p.headerWords.map((h) => h.words),
  ];
  for (const l of lexicons) l.words(words);
  return words;
}

export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();
}

let cached: Patterns | null = null;

/** The shipped patterns, loaded once per process. */
export function loadPatterns(dir?: string): Patterns {
  if (dir) return compilePatterns(readPatternData(dir), dir);
  if (!cached) {
    const d = defaultPatternsDir();
    cached = compilePatterns(readPatternData(d), d);
  }
  return cached;
}

let english: WordList | null = null;

/** What loading the English word list cost, once it is loaded (the benchmark prints it). */
export const englishWordsLoad = { ms: 0, words: 0, heapBytes: 0 };

/**
 * an-array-of-english-words (~275,000 words), loaded once per process or thread, on first use. The
 * list is sorted, so a word is looked up by binary search in the parsed array: building a Set of it
 * would cost as much again as parsing it.
 */
export function englishWords(): WordList {
  if (english) return english;
  const t0 = performance.now();
  const heap0 = process.memoryUsage().heapUsed;
  const file = createRequire(import.meta.url).resolve('an-array-of-english-words');
  english = new SortedWordList(JSON.parse(readFileSync(file, 'utf8')) as string[]);
  englishWordsLoad.ms = performance.now() - t0;
  englishWordsLoad.words = english.size;
  englishWordsLoad.heapBytes = process.memoryUsage().heapUsed - heap0;
  return english;
}
