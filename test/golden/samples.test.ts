// Golden files over samples/: each sample bundle (real PDFs, and the seed IMR letter as text) goes
// through the whole pipeline — processBundle, as `chartline process` runs it — against a fixed
// reference date, and the result is compared with test/golden/<bundle>.json.
//
// When a change to extraction or the checks is intended, regenerate the goldens and review the diff:
//
//   UPDATE_GOLDEN=1 npx vitest run test/golden
//   git diff test/golden
//
// Besides the golden comparison, each bundle is held to what samples/README.md says is planted in
// it (flag kinds, zero flags for the negative control), and every quote is checked against the page
// texts processDocument returns: a source's offsets must cut exactly its quote out of its page,
// also when the quote runs onto the next page.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPatterns } from '../../src/patterns/load-patterns.js';
import { processBundle, type PageText } from '../../src/pipeline.js';
import { TimelineSchema, type Flag, type Source, type Timeline, type TimelineEvent } from '../../src/schema.js';

const SAMPLES = resolve('samples');
const GOLDEN_DIR = resolve('test/golden');
const REFERENCE_DATE = new Date('2020-06-01T12:00:00Z');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const patterns = loadPatterns();

interface BundleRun {
  timeline: Timeline;
  /** page texts by document id, as processDocument returned them */
  pages: Map<string, PageText[]>;
  names: Map<string, string>;
}

async function runBundle(bundle: string): Promise<BundleRun> {
  const dir = join(SAMPLES, bundle);
  // the way `chartline process <dir>` reads a folder: every visible file, in name order
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({ name, data: new Uint8Array(readFileSync(join(dir, name))) }));
  const pages = new Map<string, PageText[]>();
  const timeline = await processBundle(bundle, files, {
    patterns,
    referenceDate: REFERENCE_DATE,
    onDocument: (r) => {
      pages.set(r.info.id, r.pages);
    },
  });
  return { timeline, pages, names: new Map(timeline.documents.map((d) => [d.id, d.name])) };
}

// ---------------------------------------------------------------------------------------------
// The golden form: the whole timeline, with document names instead of ids and event references
// instead of hashes, so a diff reads as a change of behaviour.

function where(run: BundleRun, s: Source): string {
  return `${run.names.get(s.document) ?? s.document} p.${s.page} ${s.start}-${s.end}`;
}

function eventKey(run: BundleRun, e: TimelineEvent): string {
  return `${e.type} ${e.date ?? 'undated'} @ ${where(run, e.source)}`;
}

function goldenOf(run: BundleRun): unknown {
  const { timeline } = run;
  const byId = new Map(timeline.events.map((e) => [e.id, e]));
  return {
    bundle: timeline.bundle,
    referenceDate: REFERENCE_DATE.toISOString().slice(0, 10),
    documents: timeline.documents.map((d) => ({ name: d.name, pages: d.pages, sha256: d.sha256, errors: d.errors })),
    events: timeline.events.map((e) => ({
      type: e.type,
      date: e.date,
      dateText: e.dateText,
      dateCertainty: e.dateCertainty,
      reportedOn: e.reportedOn,
      assertion: e.assertion,
      section: e.section,
      sectionCategory: e.sectionCategory,
      rule: e.rule,
      anatomy: `${e.anatomy.bodyParts.join(', ')} | ${e.anatomy.side ?? '-'} | ${e.anatomy.levels.join(', ')}`,
      measures: e.measures.map((m) => `${m.kind} ${m.text}`),
      findings: e.findings.map((f) => `${f.concept} ${f.polarity} ${f.side ?? '-'} ${f.site ?? '-'} "${f.text}" (${f.rule})`),
      at: where(run, e.source),
      quote: e.source.quote,
      alsoAt: e.sources.filter((s) => s !== e.sources[0]).map((s) => where(run, s)),
    })),
    flags: timeline.flags.map((f) => ({
      kind: f.kind,
      rule: f.rule,
      severity: f.severity,
      date: f.date,
      summary: f.summary,
      evidence: f.evidence.map((ev) => ({ role: ev.role, at: where(run, ev), quote: ev.quote })),
      events: f.eventIds.map((id) => {
        const e = byId.get(id);
        return e ? eventKey(run, e) : `missing ${id}`;
      }),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Provenance: the quote is the page text between the offsets. A quote that runs past the end of
// its page continues on the next one, after the one character that joins the two pages in the
// document text (a newline, or a space where the sentence runs on).

function checkProvenance(pages: PageText[], s: Source, label: string): void {
  let page = pages.find((p) => p.num === s.page);
  expect(page, `${label}: page ${s.page} exists`).toBeDefined();
  expect(s.end - s.start, `${label}: offsets span the quote`).toBe(s.quote.length);
  let rest = s.quote;
  let start = s.start;
  while (page) {
    const piece = page.text.slice(start, start + rest.length);
    if (piece.length === rest.length) {
      expect(piece, label).toBe(rest);
      return;
    }
    expect(rest.startsWith(piece), `${label}: the quote starts with the end of page ${page.num}`).toBe(true);
    const joiner = rest.charAt(piece.length);
    expect([' ', '\n'], `${label}: one character joins page ${page.num} to the next`).toContain(joiner);
    rest = rest.slice(piece.length + 1);
    start = 0;
    const next: PageText | undefined = pages.find((p) => p.num === (page as PageText).num + 1);
    page = next;
  }
  throw new Error(`${label}: the quote runs past the last page`);
}

interface Crossing {
  document: string;
  page: number;
  quote: string;
}

function crossingQuotes(run: BundleRun): Crossing[] {
  const out: Crossing[] = [];
  for (const e of run.timeline.events) {
    for (const s of e.sources) {
      const page = run.pages.get(s.document)?.find((p) => p.num === s.page);
      if (page && s.end > page.text.length) out.push({ document: run.names.get(s.document) ?? s.document, page: s.page, quote: s.quote });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const BUNDLES = ['lumbar-mri-dispute', 'shoulder-consistent', 'knee-chronology'] as const;
const runs = new Map<string, BundleRun>();

beforeAll(async () => {
  for (const b of BUNDLES) runs.set(b, await runBundle(b));
});

const runOf = (bundle: string): BundleRun => {
  const run = runs.get(bundle);
  if (!run) throw new Error(`bundle ${bundle} was not processed`);
  return run;
};

describe.each(BUNDLES)('samples/%s', (bundle) => {
  it('is a valid timeline (TimelineSchema)', () => {
    expect(() => TimelineSchema.parse(runOf(bundle).timeline)).not.toThrow();
  });

  it(`matches test/golden/${bundle}.json`, () => {
    const file = join(GOLDEN_DIR, `${bundle}.json`);
    const actual = goldenOf(runOf(bundle));
    if (UPDATE) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    if (!existsSync(file)) throw new Error(`no golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run test/golden and review it`);
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it('reads every document without errors', () => {
    expect(runOf(bundle).timeline.documents.filter((d) => d.errors.length > 0)).toEqual([]);
  });

  it('every event source quote is the page text between its offsets', () => {
    const run = runOf(bundle);
    let checked = 0;
    for (const e of run.timeline.events) {
      expect(e.sources[0]).toEqual(e.source);
      for (const s of e.sources) {
        const pages = run.pages.get(s.document);
        expect(pages, `pages of ${s.document}`).toBeDefined();
        checkProvenance(pages as PageText[], s, `${e.type} ${e.id} in ${run.names.get(s.document)}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('every flag quote (duplicate pages too) is the page text between its offsets, and names events of the timeline', () => {
    const run = runOf(bundle);
    const ids = new Set(run.timeline.events.map((e) => e.id));
    for (const f of run.timeline.flags) {
      for (const id of f.eventIds) expect(ids.has(id), `${f.kind} refers to ${id}`).toBe(true);
      for (const ev of f.evidence) {
        const pages = run.pages.get(ev.document) as PageText[];
        checkProvenance(pages, ev, `${f.kind} evidence (${ev.role})`);
      }
    }
  });

  it('events are in date order (undated ones at the visit they were reported at)', () => {
    const key = (e: TimelineEvent): string => {
      const d = e.date ?? e.reportedOn;
      if (!d) return '\uffff';
      const [y, m, day] = d.split('-');
      return `${y}-${m ?? '00'}-${day ?? '00'}`;
    };
    const keys = runOf(bundle).timeline.events.map(key);
    expect(keys).toEqual([...keys].sort());
  });
});

const kinds = (flags: readonly Flag[]): string[] => flags.map((f) => f.kind).sort();

describe('what each sample bundle has planted (samples/README.md)', () => {
  it('lumbar-mri-dispute: one exam_plan_mismatch on 08/25/14 and one contradiction about the nerve blocks', () => {
    const run = runOf('lumbar-mri-dispute');
    const { flags } = run.timeline;
    expect(kinds(flags)).toEqual(['contradiction', 'exam_plan_mismatch']);

    const mismatch = flags.find((f) => f.kind === 'exam_plan_mismatch') as Flag;
    expect(mismatch.date).toBe('2014-08-25');
    expect(mismatch.summary).toMatch(/^08\/25\/14: the exam documents .*full strength.*, but the discussion of the same visit cites .*4\+\/5/);
    const consult = mismatch.evidence.filter((e) => run.names.get(e.document) === '07-ortho-spine-consult-2014-08-25.pdf');
    expect(consult.filter((e) => e.role === 'exam').map((e) => e.quote)).toContain('Neurologic: He has full strength, normal sensation and reflexes in both lower extremities.');
    expect(consult.filter((e) => e.role === 'discussion').map((e) => e.quote)).toContain(
      'He has equivocal weakness in the left leg, with 4+/5 weakness of the left tibialis anterior, gastrocsoleus and quadriceps.',
    );

    const contradiction = flags.find((f) => f.kind === 'contradiction') as Flag;
    expect(contradiction.rule).toBe('contradiction.treatment-response');
    expect(contradiction.date).toBe('2014-08-25');
    expect(contradiction.summary).toMatch(/nerve blocks gave no relief.*medial branch blocks helped/);
    expect(contradiction.evidence.filter((e) => e.role === 'no relief').map((e) => e.quote)).toContain('He has had 3 spinal injections including nerve blocks, and the nerve blocks gave no relief.');
    expect(contradiction.evidence.filter((e) => e.role === 'helped').length).toBeGreaterThanOrEqual(2);
  });

  it('shoulder-consistent: no flags at all', () => {
    expect(runOf('shoulder-consistent').timeline.flags.map((f) => `${f.kind}: ${f.summary}`)).toEqual([]);
  });

  it('knee-chronology: the arthroscopy reported before its date, the re-faxed report, and the 273-day gap', () => {
    const run = runOf('knee-chronology');
    const { flags } = run.timeline;
    expect(kinds(flags)).toEqual(['chronology', 'duplicate', 'gap_in_care']);

    const chronology = flags.find((f) => f.kind === 'chronology') as Flag;
    expect({ rule: chronology.rule, date: chronology.date }).toEqual({ rule: 'chronology.reported-before-done', date: '2014-11-20' });
    expect(chronology.summary).toMatch(/^11\/20\/14: the visit reports the arthroscopy as already done, but the record dates it 12\/04\/14, after the visit\.$/);
    expect(chronology.evidence.some((e) => e.role === 'reported as done' && run.names.get(e.document) === '05-pr2-2014-11-20.pdf')).toBe(true);

    const duplicate = flags.find((f) => f.kind === 'duplicate') as Flag;
    expect(new Set(duplicate.evidence.map((e) => run.names.get(e.document)))).toEqual(new Set(['03-pr2-2014-10-09.pdf', '10-pr2-2014-10-09-refax.pdf']));
    expect(duplicate.summary).toMatch(/^03-pr2-2014-10-09\.pdf pp\.1, 2 appears again in 10-pr2-2014-10-09-refax\.pdf pp\.1, 2/);

    const gap = flags.find((f) => f.kind === 'gap_in_care') as Flag;
    expect({ date: gap.date, summary: gap.summary }).toEqual({ date: '2015-11-12', summary: 'No visit is recorded for 273 days, between 02/12/15 and 11/12/15.' });
  });

  it("the re-faxed report is counted once: its statements are merged with the original's", () => {
    const run = runOf('knee-chronology');
    const refax = run.timeline.documents.find((d) => d.name === '10-pr2-2014-10-09-refax.pdf')?.id;
    const original = run.timeline.documents.find((d) => d.name === '03-pr2-2014-10-09.pdf')?.id;
    const fromRefax = run.timeline.events.filter((e) => e.sources.some((s) => s.document === refax));
    expect(fromRefax.length).toBeGreaterThan(5);
    for (const e of fromRefax) expect(e.sources.map((s) => s.document)).toContain(original);
  });

  it('provenance is checked on quotes that run onto the next page too', () => {
    const crossings = BUNDLES.flatMap((b) => crossingQuotes(runOf(b)));
    expect(crossings).toContainEqual({ document: '07-ortho-spine-consult-2014-08-25.pdf', page: 1, quote: 'Seated slump test is negative bilaterally.' });
  });
});
