// `chartline` as a user runs it: node bin/chartline.mjs in a separate process, reading the compiled
// dist/ (`npm test` runs tsc first; on its own: npx tsc -p tsconfig.json && npx vitest run test/cli).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { TimelineSchema, type Timeline } from '../../src/schema.js';

const BIN = resolve('bin/chartline.mjs');
const FIXTURES = 'test/fixtures';
const SAMPLE = 'samples/knee-chronology';
const REFERENCE = ['--reference-date', '2020-06-01'];
const BAD_FILES = ['corrupt.pdf', 'encrypted.pdf', 'empty.pdf', 'scanned.pdf'].map((f) => join(FIXTURES, f));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function chartline(args: readonly string[]): Promise<Run> {
  return new Promise((done, fail) => {
    // stdout and stderr are pipes, not a terminal: no progress bar, no colour
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CHARTLINE_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const runs: Record<string, Run> = {};
let outDir = '';

beforeAll(async () => {
  if (!existsSync(resolve('dist/src/cli/main.js'))) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json` first (npm test does)');
  outDir = mkdtempSync(join(tmpdir(), 'chartline-cli-'));
  const commands: Record<string, string[]> = {
    json: ['process', SAMPLE, ...REFERENCE],
    text: ['process', SAMPLE, '--format', 'text', ...REFERENCE],
    out: ['process', join(FIXTURES, 'good.pdf'), ...REFERENCE, '--out', join(outDir, 'timeline.json'), '--bundle', 'one-note'],
    schema: ['schema'],
    fixtures: ['process', FIXTURES, ...REFERENCE],
    // --no-ocr: the scan is reported as needing OCR instead of being read (and the run stays quick)
    onlyBad: ['process', ...BAD_FILES, ...REFERENCE, '--no-ocr'],
    missing: ['process', 'test/no-such-folder', ...REFERENCE],
    badFormat: ['process', SAMPLE, '--format', 'xml'],
    help: ['--help'],
    processHelp: ['process', '--help'],
  };
  // two at a time: each is a whole node process, and the machine may have few cores
  const queue = Object.entries(commands);
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) runs[next[0]] = await chartline(next[1]);
  };
  await Promise.all([worker(), worker()]);
  // ten whole node processes, one of them OCR-ing a two-page scan: on a busy machine over a minute
}, 180_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const run = (name: string): Run => {
  const r = runs[name];
  if (!r) throw new Error(`no run ${name}`);
  return r;
};

describe('chartline process <folder> (JSON)', () => {
  it('prints one valid timeline on stdout and nothing else, exit 0', () => {
    const { code, stdout, stderr } = run('json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const timeline = TimelineSchema.parse(JSON.parse(stdout));
    expect(timeline.bundle).toBe('knee-chronology');
    expect(timeline.documents.map((d) => d.name)).toEqual([
      '01-pr2-initial-2014-09-15.pdf',
      '02-mri-left-knee-2014-10-02.pdf',
      '03-pr2-2014-10-09.pdf',
      '04-ur-determination-2014-10-17.pdf',
      '05-pr2-2014-11-20.pdf',
      '06-operative-report-2014-12-04.pdf',
      '07-pt-records-2014-12-to-2015-01.pdf',
      '08-pr2-2015-02-12.pdf',
      '09-pr2-2015-11-12.pdf',
      '10-pr2-2014-10-09-refax.pdf',
    ]);
    expect(timeline.events.length).toBeGreaterThan(50);
    expect(timeline.flags.map((f) => f.kind).sort()).toEqual(['chronology', 'duplicate', 'gap_in_care']);
  });

  it('--out writes the same timeline to a file, --bundle names it, stdout stays empty', () => {
    const { code, stdout } = run('out');
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
    const written = TimelineSchema.parse(JSON.parse(readFileSync(join(outDir, 'timeline.json'), 'utf8')));
    expect(written.bundle).toBe('one-note');
    // the same document as in the fixtures bundle, with the same events
    const inBundle = TimelineSchema.parse(JSON.parse(run('fixtures').stdout));
    const good = inBundle.documents.find((d) => d.name === 'good.pdf');
    expect(written.documents).toEqual([good]);
    expect(written.events).toEqual(inBundle.events.filter((e) => e.source.document === good?.id));
  });
});

describe('chartline process --format text', () => {
  it('shows the documents, the timeline and the flags with their quotes and page numbers', () => {
    const { code, stdout, stderr } = run('text');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const timeline = JSON.parse(run('json').stdout) as Timeline;
    const names = new Map(timeline.documents.map((d) => [d.id, d.name]));
    expect(stdout).toContain(`Bundle knee-chronology: 10 documents, ${timeline.events.length} events, 3 flags`);
    expect(stdout).toMatch(/^TIMELINE$/m);
    expect(stdout).toMatch(/^FLAGS \(3\)$/m);
    // the flags come under the timeline
    expect(stdout.indexOf('FLAGS (3)')).toBeGreaterThan(stdout.indexOf('TIMELINE'));
    // a dated visit heads its own row (date, kind, clinician, document and pages); its statements follow with their page
    const heading = stdout.match(/^2014-11-20 · Progress note · [^[\n]+ \[05-pr2-2014-11-20\.pdf pp?\.[\d-]+\]$/m);
    expect(heading).not.toBeNull();
    const row = stdout.slice(heading!.index!).split('\n\n')[0]!;
    expect(row).toMatch(/^ {4}visit +Date of Exam: 11\/20\/14 \[p\.1\]$/m);
    const flagsPart = stdout.slice(stdout.indexOf('FLAGS (3)'));
    for (const f of timeline.flags) {
      expect(flagsPart).toContain(f.summary);
      for (const ev of f.evidence) {
        // each quote (on one line, cut to the terminal width) with its document and page
        const flat = ev.quote.replace(/\s+/g, ' ').trim().slice(0, 40);
        const line = flagsPart.split('\n').find((l) => l.includes(`"${flat}`) && l.includes(`[${names.get(ev.document)} p.${ev.page}]`));
        expect(line, `${f.kind}: "${ev.quote.slice(0, 40)}" [${names.get(ev.document)} p.${ev.page}]`).toBeDefined();
        expect(line).toContain(ev.role);
      }
    }
  });
});

describe('chartline process | head', () => {
  it('ends quietly, exit 0, when the reader stops reading', async () => {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done, fail) => {
      const child = spawn(process.execPath, [BIN, 'process', SAMPLE, ...REFERENCE, '--format', 'text'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      // like `head -1`: read the first chunk, then close the pipe
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('error', fail);
      child.on('close', (code) => done({ code, stderr }));
    });
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });
});

describe('chartline schema', () => {
  it('prints the JSON Schema of the timeline', () => {
    const { code, stdout, stderr } = run('schema');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const schema = JSON.parse(stdout) as { $schema?: string; type?: string; required?: string[]; properties?: Record<string, unknown> };
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual(['bundle', 'documents', 'events', 'flags']);
    expect(schema.required?.sort()).toEqual(['bundle', 'documents', 'events', 'flags']);
  });
});

describe('chartline process on unreadable files', () => {
  it.each<[file: string, code: string, message: RegExp]>([
    ['corrupt.pdf', 'corrupt', /^corrupt\.pdf: the PDF is damaged and cannot be read/],
    ['encrypted.pdf', 'encrypted', /^encrypted\.pdf: the PDF is encrypted \(password-protected\)/],
    ['empty.pdf', 'empty', /^empty\.pdf: the file is empty$/],
    // no text layer: read by OCR, which finds only shapes — reported, page by page, for a person to check
    ['scanned.pdf', 'ocr_unreadable', /^scanned\.pdf: OCR read little on pages 1, 2 \(mean word confidence below 50%\)/],
  ])('a bundle of test/fixtures names %s with a clear %s error', (file, code, message) => {
    const timeline = TimelineSchema.parse(JSON.parse(run('fixtures').stdout));
    const doc = timeline.documents.find((d) => d.name === file);
    expect(doc?.errors).toHaveLength(1);
    expect(doc?.errors[0]?.code).toBe(code);
    expect(doc?.errors[0]?.message).toMatch(message);
  });

  it('the rest of the bundle is read: exit 0, good.pdf and the Word file notes.docx have events, nothing else in the folder', () => {
    const { code, stdout } = run('fixtures');
    expect(code).toBe(0);
    const timeline = TimelineSchema.parse(JSON.parse(stdout));
    expect(timeline.documents.map((d) => d.name).sort()).toEqual(['corrupt.pdf', 'empty.pdf', 'encrypted.pdf', 'good.pdf', 'notes.docx', 'scanned.pdf']);
    const good = timeline.documents.find((d) => d.name === 'good.pdf');
    expect({ pages: good?.pages, errors: good?.errors }).toEqual({ pages: 2, errors: [] });
    const fromGood = timeline.events.filter((e) => e.source.document === good?.id);
    expect(fromGood).toContainEqual(expect.objectContaining({ type: 'encounter', date: '2015-03-02' }));
    const docx = timeline.documents.find((d) => d.name === 'notes.docx');
    expect({ pages: docx?.pages, errors: docx?.errors }).toEqual({ pages: 1, errors: [] });
    expect(timeline.events.filter((e) => e.source.document === docx?.id)).toContainEqual(expect.objectContaining({ date: '2015-04-14' }));
    expect(timeline.events.every((e) => e.source.document === good?.id || e.source.document === docx?.id)).toBe(true);
  });

  it('only unreadable files (with --no-ocr): exit 1, each still listed with its error, and a message on stderr', () => {
    const { code, stdout, stderr } = run('onlyBad');
    expect(code).toBe(1);
    const timeline = TimelineSchema.parse(JSON.parse(stdout));
    expect(timeline.documents.map((d) => [d.name, d.errors.map((e) => e.code)])).toEqual([
      ['corrupt.pdf', ['corrupt']],
      ['encrypted.pdf', ['encrypted']],
      ['empty.pdf', ['empty']],
      ['scanned.pdf', ['needs_ocr']],
    ]);
    expect(timeline.events).toEqual([]);
    expect(stderr).toBe('chartline: none of the 4 document(s) could be read\n');
  });
});

describe('chartline usage errors: exit 2 with a clear message and no output', () => {
  it.each<[name: string, message: string]>([
    ['missing', 'chartline: no such file or folder: test/no-such-folder\n'],
    ['badFormat', 'chartline: --format must be json, text or fhir, not "xml"\n'],
  ])('%s', (name, message) => {
    const { code, stdout, stderr } = run(name);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: message });
  });
});

describe('chartline --help', () => {
  let program: Awaited<ReturnType<typeof buildProgram>>;
  beforeAll(async () => {
    program = await buildProgram();
  });

  it('lists every command', () => {
    const { code, stdout } = run('help');
    expect(code).toBe(0);
    expect(program.commands.length).toBeGreaterThan(0);
    for (const c of program.commands) expect(stdout).toMatch(new RegExp(`^ {2}${c.name()}\\b`, 'm'));
  });

  it('process --help mentions every option of process, and the exit status', () => {
    const { code, stdout } = run('processHelp');
    expect(code).toBe(0);
    const process = program.commands.find((c) => c.name() === 'process');
    const options = process?.options.map((o) => o.long) ?? [];
    expect(options).toEqual(expect.arrayContaining(['--format', '--out', '--bundle', '--reference-date']));
    for (const option of options) expect(stdout).toContain(option as string);
    expect(stdout).toContain('--help');
    expect(stdout).toMatch(/Exit status: 0 when at least one document was read/);
  });
});

describe('the installed command', () => {
  it('runs through its shebang with the node options the bench also uses', async () => {
    const { spawnSync } = await import('node:child_process');
    const { binNodeOptions } = await import('../../bench/run.js');
    // executed directly, as a shell runs the npm-linked command
    const direct = spawnSync(BIN, ['--version'], { encoding: 'utf8' });
    expect({ status: direct.status, stdout: direct.stdout.trim() }).toEqual({ status: 0, stdout: '0.1.0' });
    expect(binNodeOptions(resolve('.'))).toEqual(['--v8-pool-size=1']);
  });
});
