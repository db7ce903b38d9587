#!/usr/bin/env node
// `npm run precision`: the discrepancy checks over a large unlabeled set (issue 11, item 4) — every
// IMR letter of ../shared/data/imr-determinations/pdf, a deterministic stratified sample of
// MTSamples visit notes and every ACI-BENCH note, each processed on its own as a one-document bundle.
// Every flag goes to bench/out/precision/flags.jsonl (git-ignored: it holds quotes and their
// surrounding text, read out of ../shared/data, never committed). The script prints, per set,
// documents, flags and flags per 100 documents by kind and rule; and, with a physician's verdicts in
// eval/precision/judgements.json, the share judged real and the flags still to judge.
//
//   npm run precision                       every set
//   npm run precision -- imr aci-bench      only these sets
//   npm run precision -- --out DIR          write flags.jsonl elsewhere
//   npm run precision -- --list             print every flag (key, kind, rule, summary) too
//
// A judgement's key is the document, the rule and a hash of the flag's evidence quotes, so it
// survives a re-run that raises the same flag, and a flag whose quotes change asks to be judged anew:
//   { "aci-D2N068.txt|exam-plan-mismatch.finding-conflict|3f2a…": { "set": "aci-bench", "verdict": "false",
//       "cause": "plan-hypothetical", "reason": "…" } }
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCsv } from './csv.mjs';
import { documentBytes, sharedDir } from './sources.mjs';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    `${readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('\nimport ')[0]
      .replace(/^#!.*\n/, '')
      .replace(/^\/\/ ?/gm, '')}\n`,
  );
  process.exit(0);
}
const outAt = args.indexOf('--out');
const outDir = outAt >= 0 ? args[outAt + 1] : join(repo, 'bench', 'out', 'precision');
const list = args.includes('--list');
const wanted = args.filter((a, i) => !a.startsWith('--') && !(outAt >= 0 && i === outAt + 1));
const shared = sharedDir(repo);
const judgementsFile = join(repo, 'eval', 'precision', 'judgements.json');

// ---- the documents ---------------------------------------------------------------------------

/**
 * MTSamples specialties that hold visit notes, and how many notes each gives the sample (330 in
 * all). Within a specialty the notes are taken evenly spaced over its note ids, so the sample is
 * the same on every run.
 */
const MTSAMPLES_QUOTAS = [
  ['Orthopedic', 35],
  ['Neurology', 30],
  ['Pain Management', 20],
  ['SOAP / Chart / Progress Notes', 35],
  ['Consult - History and Phy.', 40],
  ['General Medicine', 30],
  ['Office Notes', 20],
  ['Emergency Room Reports', 20],
  ['Discharge Summary', 20],
  ['Radiology', 15],
  ['Surgery', 20],
  ['Cardiovascular / Pulmonary', 20],
  ['Physical Medicine - Rehab', 10],
  ['Chiropractic', 8],
  ['IME-QME-Work Comp etc.', 7],
];

const squash = (s) =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/** Note ids the project already evaluates on (eval/gold/notes, eval/cases): the sample leaves them out. */
function notesInUse(dataset) {
  const ids = new Set();
  for (const dir of [join(repo, 'eval', 'gold', 'notes'), join(repo, 'eval', 'cases')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const source = JSON.parse(readFileSync(join(dir, f), 'utf8')).source;
      if (source?.dataset === dataset) ids.add(String(source.id));
    }
  }
  return ids;
}

function mtsamplesSample() {
  const rows = parseCsv(readFileSync(join(shared, 'data/mtsamples/mtsamples.csv'), 'utf8'));
  const header = rows.shift() ?? [];
  const [id, specialty, text] = ['note_id', 'medical_specialty', 'transcription'].map((c) => header.indexOf(c));
  const used = notesInUse('mtsamples');
  // MTSamples files one transcription under several specialties: a text already evaluated on, or
  // already in the sample, is not taken twice
  const seen = new Set(rows.filter((r) => used.has(String(r[id]))).map((r) => squash(r[text])));
  const picked = [];
  for (const [name, quota] of MTSAMPLES_QUOTAS) {
    const eligible = rows.filter((r) => squash(r[specialty]) === name && squash(r[text]) && !used.has(String(r[id])) && !seen.has(squash(r[text]))).sort((a, b) => Number(a[id]) - Number(b[id]));
    const step = eligible.length / Math.min(quota, eligible.length);
    const take = [];
    for (let i = 0; i < Math.min(quota, eligible.length); i++) {
      const r = eligible[Math.floor(i * step)];
      if (seen.has(squash(r[text]))) continue;
      seen.add(squash(r[text]));
      take.push(r);
    }
    for (const r of take) picked.push({ name: `mts-${r[id]}.txt`, stratum: name, source: { dataset: 'mtsamples', id: String(r[id]) } });
  }
  return picked;
}

function aciBenchNotes() {
  const dir = join(shared, 'data/aci-bench');
  const ids = [];
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.csv') && !f.includes('metadata'))
    .sort()) {
    const rows = parseCsv(readFileSync(join(dir, f), 'utf8'));
    const header = rows.shift() ?? [];
    const [id, note] = ['encounter_id', 'note'].map((c) => header.indexOf(c));
    for (const r of rows)
      if (squash(r[note]) && !ids.some((x) => x.source.id === r[id])) ids.push({ name: `aci-${r[id]}.txt`, stratum: f.replace(/\.csv$/, ''), source: { dataset: 'aci-bench', id: r[id] } });
  }
  return ids.sort((a, b) => a.source.id.localeCompare(b.source.id, 'en', { numeric: true }));
}

function imrLetters() {
  const dir = join(shared, 'data/imr-determinations/pdf');
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .sort()
    .map((f) => ({ name: f, stratum: 'imr', source: { dataset: 'imr', id: f.replace(/\.pdf$/i, '') } }));
}

const SETS = [
  { name: 'imr', label: 'IMR letters (all development PDFs)', documents: imrLetters },
  { name: 'mtsamples', label: 'MTSamples (stratified sample of visit-note specialties)', documents: mtsamplesSample },
  { name: 'aci-bench', label: 'ACI-BENCH (every note)', documents: aciBenchNotes },
];
const unknown = wanted.filter((w) => !SETS.some((s) => s.name === w));
if (unknown.length) {
  console.error(`unknown set(s): ${unknown.join(', ')}; sets: ${SETS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

// ---- flags ------------------------------------------------------------------------------------

/** A flag's stable key: document | rule | hash of its evidence quotes (whitespace-normalised, sorted). */
export function flagKey(document, flag) {
  const quotes = flag.evidence.map((e) => squash(e.quote).toLowerCase()).sort();
  const hash = createHash('sha256').update(quotes.join('\u0000')).digest('hex').slice(0, 12);
  return `${document}|${flag.rule}|${hash}`;
}

/** The quote with up to `span` characters of its page on either side, for the reviewer reading it. */
function around(pages, ev, span = 300) {
  const page = pages.find((p) => p.num === ev.page);
  if (!page) return null;
  const from = pages.indexOf(page);
  const text = pages
    .slice(from)
    .map((p) => p.text)
    .join('\n');
  return { before: text.slice(Math.max(0, ev.start - span), ev.start), after: text.slice(ev.end, ev.end + span) };
}

const dist = (p) => import(pathToFileURL(join(repo, 'dist', 'src', p)).href);
const { processBundle } = await dist('pipeline.js');
const { loadPatterns } = await dist('patterns/load-patterns.js');
const patterns = loadPatterns();

const judgements = existsSync(judgementsFile) ? JSON.parse(readFileSync(judgementsFile, 'utf8')) : null;
mkdirSync(outDir, { recursive: true });
const jsonl = [];
const results = [];
const started = performance.now();

for (const set of SETS) {
  if (wanted.length && !wanted.includes(set.name)) continue;
  const docs = set.documents();
  const setStarted = performance.now();
  const flags = [];
  const errors = [];
  for (const [i, doc] of docs.entries()) {
    if (process.stderr.isTTY) process.stderr.write(`\r[${set.name}] ${i + 1}/${docs.length} ${doc.name}`.padEnd(60));
    let pages = [];
    const timeline = await processBundle(doc.name.replace(/\.[a-z0-9]+$/i, ''), [{ name: doc.name, data: new Uint8Array(documentBytes(shared, doc.source)) }], {
      patterns,
      onDocument: (r) => {
        pages = r.pages;
      },
    });
    for (const d of timeline.documents) for (const e of d.errors) errors.push(`${doc.name}: ${e.code} ${e.message}`);
    for (const f of timeline.flags) {
      const key = flagKey(doc.name, f);
      const row = {
        key,
        set: set.name,
        document: doc.name,
        stratum: doc.stratum,
        kind: f.kind,
        rule: f.rule,
        severity: f.severity,
        date: f.date,
        summary: f.summary,
        evidence: f.evidence.map((e) => ({ role: e.role, page: e.page, start: e.start, end: e.end, quote: e.quote, ...around(pages, e) })),
      };
      flags.push(row);
      jsonl.push(JSON.stringify(row));
    }
  }
  if (process.stderr.isTTY) process.stderr.write(`${'\r'.padEnd(61)}\r`);
  results.push({ set, docs, documents: docs.length, flags, errors, seconds: (performance.now() - setStarted) / 1000 });
}
const outFile = join(outDir, 'flags.jsonl');
writeFileSync(outFile, jsonl.join('\n') + (jsonl.length ? '\n' : ''));

// ---- report -----------------------------------------------------------------------------------

const per100 = (n, d) => (d ? ((100 * n) / d).toFixed(1) : '0.0');
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(0)}%` : '-');
const countBy = (rows, f) => {
  const m = new Map();
  for (const r of rows) m.set(f(r), (m.get(f(r)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
};
const verdictOf = (row) => judgements?.[row.key]?.verdict;
/** "real 3/5 (60%)" over the judged rows, with how many are still to judge */
function share(rows) {
  const judged = rows.filter((r) => verdictOf(r) === 'real' || verdictOf(r) === 'false');
  const real = judged.filter((r) => verdictOf(r) === 'real').length;
  const open = rows.length - judged.length;
  return `real ${real}/${judged.length} (${pct(real, judged.length)})${open ? `, ${open} not judged` : ''}`;
}

const all = results.flatMap((r) => r.flags);
const allDocs = results.reduce((n, r) => n + r.documents, 0);
for (const r of results) {
  console.log(
    `\n[${r.set.name}] ${r.set.label}: ${r.documents} documents, ${r.flags.length} flags, ${per100(r.flags.length, r.documents)} per 100 documents${judgements ? ` · ${share(r.flags)}` : ''}  (${r.seconds.toFixed(1)} s)`,
  );
  if (r.set.name === 'mtsamples') {
    console.log(
      `  strata: ${countBy(r.docs, (d) => d.stratum)
        .map(([s, n]) => `${s} ${n}`)
        .join(' · ')}`,
    );
  }
  for (const [kind, n] of countBy(r.flags, (f) => f.kind)) {
    const rows = r.flags.filter((f) => f.kind === kind);
    console.log(`  ${kind}: ${n} (${per100(n, r.documents)} per 100)${judgements ? ` · ${share(rows)}` : ''}`);
    for (const [rule, m] of countBy(rows, (f) => f.rule)) console.log(`    ${rule}: ${m}${judgements ? ` · ${share(rows.filter((f) => f.rule === rule))}` : ''}`);
  }
  if (r.errors.length) console.log(`  document errors: ${r.errors.length}\n    ${r.errors.slice(0, 5).join('\n    ')}`);
}
console.log(
  `\nTOTAL ${allDocs} documents, ${all.length} flags, ${per100(all.length, allDocs)} per 100 documents${judgements ? ` · ${share(all)}` : ''}  (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
if (judgements) {
  for (const [kind] of countBy(all, (f) => f.kind)) console.log(`  ${kind}: ${share(all.filter((f) => f.kind === kind))}`);
  const causes = countBy(
    all.filter((f) => verdictOf(f) === 'false'),
    (f) => judgements[f.key].cause ?? '(no cause given)',
  );
  if (causes.length) console.log(`  false flags by cause:\n${causes.map(([c, n]) => `    ${n}  ${c}`).join('\n')}`);
  const odd = Object.entries(judgements).filter(([, j]) => j.verdict !== 'real' && j.verdict !== 'false');
  if (odd.length) console.log(`  judgements whose verdict is neither "real" nor "false" (counted as not judged): ${odd.map(([k]) => k).join(', ')}`);
  const open = all.filter((f) => verdictOf(f) !== 'real' && verdictOf(f) !== 'false');
  if (open.length) {
    console.log(`\nflags without a judgement (${open.length}); add them to eval/precision/judgements.json:`);
    for (const f of open) console.log(`  ${f.key}  ${f.kind}: ${squash(f.summary).slice(0, 140)}`);
  }
  const raised = new Set(all.map((f) => f.key));
  const ran = new Set(results.map((r) => r.set.name));
  const gone = Object.keys(judgements).filter((k) => !raised.has(k) && ran.has(judgements[k].set ?? ''));
  if (gone.length)
    console.log(
      `\njudged flags no longer raised: ${gone.length} (${countBy(gone, (k) => judgements[k].verdict)
        .map(([v, n]) => `${v} ${n}`)
        .join(', ')})`,
    );
} else {
  console.log(`no judgements yet (${judgementsFile})`);
}
if (list) for (const f of all) console.log(`  ${f.key}  ${f.kind}/${f.rule}: ${squash(f.summary).slice(0, 160)}`);
console.log(`flags: ${outFile}`);
