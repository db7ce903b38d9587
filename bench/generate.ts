// Deterministic benchmark bundles: one claimant's records from several providers, as a claims
// office receives them — one PDF per provider per period (a compilation of that provider's notes,
// letters or reports, each starting on a new page), with running headers and footers
// ("Page 3 of 12", the claim number) and sometimes a fax banner. The same seed and page count give
// the same files, byte for byte; they are cached in bench/out/<seed>-<pages>/.
//
//   node dist/bench/generate.js [--seed S] [--pages N]...
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { layoutDocument, renderRecordPdf, type RecordDocument } from '../samples/pdf-writer.js';
import { Rng } from './prng.js';
import {
  addDays,
  consultation,
  formatDate,
  historyEntry,
  imagingReport,
  isoDay,
  makeClaim,
  makeProvider,
  procedureNote,
  progressReport,
  reviewLetter,
  therapyNote,
  type Claim,
  type Course,
  type HistoryEntry,
  type Provider,
  type WriteContext,
} from './records.js';

/** Bump when the generated text or layout changes: cached bundles of another version are rebuilt. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 'chartline-bench';

export interface BundleFile {
  name: string;
  pages: number;
  bytes: number;
}

export interface Bundle {
  dir: string;
  seed: string;
  pages: number;
  files: BundleFile[];
}

interface Doc {
  provider: Provider;
  date: Date;
  lines: string[];
  pages: number;
  /** a re-faxed copy of an earlier document: sent as a file of its own */
  refax?: boolean;
}

export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bench'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('cannot find the chartline checkout above bench/');
}

export function bundleDir(seed: string, pages: number, outRoot = join(repoRoot(), 'bench', 'out')): string {
  return join(outRoot, `${seed.replace(/[^A-Za-z0-9_.-]/g, '_')}-${pages}`);
}

/** The bundle for this seed and size, generated unless a cached copy of this generator version exists. */
export async function ensureBundle(seed: string, pages: number, outRoot?: string): Promise<Bundle & { cached: boolean; generateMs: number }> {
  const dir = bundleDir(seed, pages, outRoot);
  const manifestPath = join(dir, '.manifest.json');
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Bundle & { version: number };
    if (m.version === GENERATOR_VERSION && m.seed === seed && m.pages === pages && m.files.every((f) => existsSync(join(dir, f.name)))) {
      return { dir, seed, pages, files: m.files, cached: true, generateMs: 0 };
    }
  }
  const t0 = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: BundleFile[] = [];
  for (const f of planBundle(seed, pages)) {
    const bytes = await renderRecordPdf(f.pages, { title: f.title, author: f.author });
    writeFileSync(join(dir, f.name), bytes);
    files.push({ name: f.name, pages: f.pages.length, bytes: bytes.length });
  }
  const total = files.reduce((s, f) => s + f.pages, 0);
  if (total !== pages) throw new Error(`generator bug: ${total} pages written for a ${pages}-page bundle`);
  // the manifest is a dot file: `chartline process <dir>` skips hidden files
  writeFileSync(manifestPath, `${JSON.stringify({ version: GENERATOR_VERSION, seed, pages, files }, null, 2)}\n`);
  return { dir, seed, pages, files, cached: false, generateMs: performance.now() - t0 };
}

interface PlannedFile {
  name: string;
  title: string;
  author: string;
  pages: ReturnType<typeof layoutDocument>;
}

function pageCount(lines: string[]): number {
  return layoutDocument({ header: [], footer: [], text: lines.join('\n') }).length;
}

/** The bundle's files, laid out: exactly `target` pages. */
export function planBundle(seed: string, target: number): PlannedFile[] {
  const rng = new Rng(`${seed}:${target}`);
  const claim = makeClaim(rng);
  const providers = {
    treating: makeProvider(rng, 'treating'),
    pain: makeProvider(rng, 'pain'),
    imaging: makeProvider(rng, 'imaging'),
    therapy: makeProvider(rng, 'therapy'),
    review: makeProvider(rng, 'review'),
    consult: makeProvider(rng, 'consult'),
  };
  const course: Course = { pain: rng.int(5, 8), improving: true, therapyVisits: 0, mm: rng.int(2, 5) };
  const history: HistoryEntry[] = [];
  // a claim's records span a few years whatever the bundle's size: bigger bundles, denser records
  const pace = Math.min(1, 3650 / (target * 4));
  const step = (lo: number, hi: number) => Math.max(1, Math.round(rng.int(lo, hi) * pace));
  const docs: Doc[] = [];
  let date = addDays(claim.doi, rng.int(2, 9));
  let total = 0;
  let sinceProviderChange = 0;

  const ctxFor = (provider: Provider, at: Date): WriteContext => ({ rng, claim, provider, date: at, course, history });
  const add = (doc: Omit<Doc, 'pages'>): boolean => {
    const pages = pageCount(doc.lines);
    if (total + pages > target) return false;
    docs.push({ ...doc, pages });
    total += pages;
    sinceProviderChange += pages;
    return true;
  };

  for (;;) {
    // a long claim changes hands: a new treating physician, therapy clinic or reviewer now and then
    if (sinceProviderChange > 300 && rng.chance(0.2)) {
      const kind = rng.pick(['treating', 'therapy', 'review', 'pain'] as const);
      providers[kind] = makeProvider(rng, kind);
      sinceProviderChange = 0;
    }
    const kind = rng.weighted([
      ['treating', 34],
      ['therapy', 18],
      ['review', 16],
      ['imaging', 7],
      ['procedure', 8],
      ['consult', 5],
      ['refax', 1],
    ] as const);
    let ok = true;
    switch (kind) {
      case 'treating':
        ok = add({ provider: providers.treating, date, lines: progressReport(ctxFor(providers.treating, date)) });
        break;
      case 'therapy': {
        const visits = rng.int(3, 8);
        for (let v = 1; v <= visits && ok; v++) {
          course.therapyVisits++;
          ok = add({ provider: providers.therapy, date, lines: therapyNote(ctxFor(providers.therapy, date), v, visits) });
          date = addDays(date, step(2, 4));
        }
        break;
      }
      case 'review':
        ok = add({ provider: providers.review, date, lines: reviewLetter(ctxFor(providers.review, date), providers.treating) });
        break;
      case 'imaging':
        ok = add({ provider: providers.imaging, date, lines: imagingReport(ctxFor(providers.imaging, date), providers.treating) });
        break;
      case 'procedure':
        ok = add({ provider: providers.pain, date, lines: procedureNote(ctxFor(providers.pain, date)) });
        break;
      case 'consult':
        ok = add({ provider: providers.consult, date, lines: consultation(ctxFor(providers.consult, date), providers.treating) });
        break;
      case 'refax': {
        const earlier = docs.filter((d) => d.provider.kind === 'treating' && !d.refax).at(-1);
        if (earlier) ok = add({ ...earlier, refax: true });
        break;
      }
    }
    if (!ok) break;
    if (kind !== 'refax') history.push(historyEntry(kind === 'treating' ? 'visit' : kind, ctxFor(providers.treating, date)));
    // the course drifts: pain moves by a point or two, and the trend turns now and then
    if (rng.chance(0.2)) course.improving = !course.improving;
    course.pain = Math.max(1, Math.min(9, course.pain + (course.improving ? -1 : 1) * rng.int(0, 1)));
    date = addDays(date, step(3, 16));
  }
  // the rest with one-page therapy notes, so the bundle has exactly `target` pages
  while (total < target) {
    if (!add({ provider: providers.therapy, date, lines: therapyNote(ctxFor(providers.therapy, date), 1, 1) })) throw new Error('a therapy note is longer than one page');
    date = addDays(date, step(2, 4));
  }
  return groupIntoFiles(rng, claim, docs);
}

/** Each provider's documents in order, in compilations of up to 12-60 pages (a re-fax alone). */
function groupIntoFiles(rng: Rng, claim: Claim, docs: Doc[]): PlannedFile[] {
  const groups: { provider: Provider; docs: Doc[]; limit: number; refax: boolean }[] = [];
  const open = new Map<Provider, (typeof groups)[number]>();
  for (const doc of docs) {
    if (doc.refax) {
      groups.push({ provider: doc.provider, docs: [doc], limit: doc.pages, refax: true });
      continue;
    }
    let g = open.get(doc.provider);
    const pages = g ? g.docs.reduce((s, d) => s + d.pages, 0) : 0;
    const span = g ? (doc.date.getTime() - (g.docs[0] as Doc).date.getTime()) / 86_400_000 : 0;
    if (!g || pages + doc.pages > g.limit || span > 366) {
      g = { provider: doc.provider, docs: [], limit: rng.int(12, 60), refax: false };
      groups.push(g);
      open.set(doc.provider, g);
    }
    g.docs.push(doc);
  }
  groups.sort((a, b) => (a.docs[0]?.date.getTime() ?? 0) - (b.docs[0]?.date.getTime() ?? 0));

  const initials = `${claim.first[0]}.${claim.last[0]}.`;
  return groups.map((g, i) => {
    const p = g.provider;
    const first = g.docs[0] as Doc;
    const last = g.docs.at(-1) as Doc;
    const header =
      p.kind === 'review'
        ? [`${p.practice} - Utilization Review`, `Employee: ${initials}    Claim No. ${claim.claimNo}    Administrator: ${claim.administrator}`]
        : [p.practice, `Patient: ${initials}    DOB: ${formatDate(claim.dob, 'mdy4')}    Claim No. ${claim.claimNo}`];
    const footer = [`${p.practice} - ${p.address} - ${p.phone}`, 'Page {page} of {pages}'];
    const sentOn = addDays(last.date, g.refax ? rng.int(20, 60) : rng.int(1, 5));
    const faxed = p.faxes || g.refax;
    const doc: RecordDocument = {
      header,
      footer,
      ...(faxed
        ? { fax: `${formatDate(sentOn, 'iso')} ${String(rng.int(7, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}  FROM: ${p.fax}  TO: ${claim.administrator}  P.{page}/{pages}` }
        : {}),
      text: g.docs.map((d) => d.lines.join('\n')).join('\n@page\n'),
    };
    const pages = layoutDocument(doc);
    const expected = g.docs.reduce((s, d) => s + d.pages, 0);
    if (pages.length !== expected) throw new Error(`generator bug: a file laid out to ${pages.length} pages, its documents to ${expected}`);
    const slug = p.practice
      .toLowerCase()
      .replace(/&/g, 'and')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const span = first === last ? isoDay(first.date) : `${isoDay(first.date)}-to-${isoDay(last.date)}`;
    return {
      name: `${String(i + 1).padStart(4, '0')}-${slug}${g.refax ? '-refax' : ''}-${span}.pdf`,
      title: `${p.practice} records - ${initials} - ${span}`,
      author: p.practice,
      pages,
    };
  });
}

// ── command line ──────────────────────────────────────────────────────────────────────────────────

async function cli(argv: string[]): Promise<void> {
  let seed = DEFAULT_SEED;
  const sizes: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seed') seed = argv[++i] ?? seed;
    else if (argv[i] === '--pages') sizes.push(Number(argv[++i]));
    else throw new Error(`unknown argument ${argv[i]}; usage: generate.js [--seed S] [--pages N]...`);
  }
  for (const pages of sizes.length ? sizes : [50, 500]) {
    if (!Number.isInteger(pages) || pages < 1) throw new Error('--pages must be a positive whole number');
    const b = await ensureBundle(seed, pages);
    process.stdout.write(`${b.dir}: ${b.files.length} files, ${b.pages} pages${b.cached ? ' (cached)' : ` (${(b.generateMs / 1000).toFixed(1)} s)`}\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  cli(process.argv.slice(2)).catch((err: Error) => {
    process.stderr.write(`generate: ${err.message}\n`);
    process.exit(1);
  });
}
