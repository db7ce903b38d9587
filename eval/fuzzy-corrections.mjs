#!/usr/bin/env node
// The misspelled words error-tolerant matching reads as vocabulary words (patterns/fuzzy.json,
// src/patterns/fuzzy.ts) over real notes, to read for false corrections: every correction with its
// count, rule and one context, then how many events and findings were read through one.
// Documents are read out of ../shared/data (nothing is written). Run after `npm run build`.
//
//   node eval/fuzzy-corrections.mjs                 300 MTSamples notes, evenly spaced over note ids
//   node eval/fuzzy-corrections.mjs --limit 1000    more of them
//   node eval/fuzzy-corrections.mjs --aci           every ACI-BENCH note as well
//   node eval/fuzzy-corrections.mjs --events        also run the whole pipeline, counting events read through a correction
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCsv } from './csv.mjs';
import { sharedDir } from './sources.mjs';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 300;
const withEvents = args.includes('--events');
const shared = sharedDir(repo);
const dist = (p) => import(pathToFileURL(join(repo, 'dist', 'src', p)).href);
const { ingestDocument } = await dist('ingest/ingest-document.js');
const { analyzeDocument } = await dist('text/analyze.js');
const { loadPatterns, englishWordsLoad } = await dist('patterns/load-patterns.js');
const { processBundle } = await dist('pipeline.js');
const patterns = loadPatterns();
const referenceDate = new Date('2024-01-01T00:00:00Z');

const squash = (s) =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim();

function mtsamples() {
  const rows = parseCsv(readFileSync(join(shared, 'data/mtsamples/mtsamples.csv'), 'utf8'));
  const header = rows.shift() ?? [];
  const [id, text] = ['note_id', 'transcription'].map((c) => header.indexOf(c));
  const seen = new Set();
  const unique = rows
    .filter((r) => {
      const t = squash(r[text]);
      if (!t || seen.has(t)) return false;
      seen.add(t);
      return true;
    })
    .sort((a, b) => Number(a[id]) - Number(b[id]));
  const n = Math.min(limit, unique.length);
  const step = unique.length / n;
  return Array.from({ length: n }, (_, i) => unique[Math.floor(i * step)]).map((r) => ({ name: `mts-${r[id]}.txt`, text: r[text] }));
}

function aciBench() {
  const dir = join(shared, 'data/aci-bench');
  const out = new Map();
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.csv') && !f.includes('metadata'))
    .sort()) {
    const rows = parseCsv(readFileSync(join(dir, f), 'utf8'));
    const header = rows.shift() ?? [];
    const [id, note] = ['encounter_id', 'note'].map((c) => header.indexOf(c));
    for (const r of rows) if (squash(r[note]) && !out.has(r[id])) out.set(r[id], { name: `aci-${r[id]}.txt`, text: r[note] });
  }
  return [...out.values()];
}

const docs = [...mtsamples(), ...(args.includes('--aci') ? aciBench() : [])];
const corrections = new Map();
let tokens = 0;
let sentences = 0;
let events = 0;
let fuzzyEvents = 0;
let fuzzyFindings = 0;
const started = performance.now();
let analyzeMs = 0;
for (const d of docs) {
  const data = new TextEncoder().encode(d.text);
  const doc = await ingestDocument({ name: d.name, data });
  const t0 = performance.now();
  const analyzed = analyzeDocument(doc, patterns, { referenceDate });
  analyzeMs += performance.now() - t0;
  for (const s of analyzed.sentences) {
    sentences++;
    for (const t of s.tokens) {
      tokens++;
      if (!t.corrected) continue;
      const key = `${t.corrected.from} → ${t.corrected.to}`;
      const c = corrections.get(key) ?? { count: 0, rule: t.corrected.rule, docs: new Set(), context: '' };
      c.count++;
      c.docs.add(d.name);
      if (!c.context) c.context = `${d.name}: …${squash(doc.text.slice(Math.max(0, t.start - 50), t.end + 40))}…`;
      corrections.set(key, c);
    }
  }
  if (withEvents) {
    const timeline = await processBundle(d.name, [{ name: d.name, data }], { patterns, referenceDate });
    for (const e of timeline.events) {
      events++;
      if (e.rule.includes('>fuzzy')) fuzzyEvents++;
      fuzzyFindings += e.findings.filter((f) => f.corrected).length;
    }
  }
}
const list = [...corrections.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
const total = list.reduce((n, [, c]) => n + c.count, 0);
console.log(`${docs.length} documents, ${sentences} sentences, ${tokens} tokens: ${total} corrections of ${list.length} distinct words (${((total / tokens) * 1e4).toFixed(2)} per 10,000 tokens)`);
console.log(
  `analysis ${(analyzeMs / docs.length).toFixed(1)} ms/document; English word list ${englishWordsLoad.words ? `loaded in ${englishWordsLoad.ms.toFixed(0)} ms, ${(englishWordsLoad.heapBytes / 1e6).toFixed(1)} MB heap` : 'never loaded'}; ${((performance.now() - started) / 1000).toFixed(1)} s in all`,
);
if (withEvents) console.log(`${events} events, ${fuzzyEvents} read through a correction (rule …>fuzzy), ${fuzzyFindings} findings record one`);
for (const [key, c] of list) console.log(`${String(c.count).padStart(4)} ${String(c.docs.size).padStart(3)} docs  ${key.padEnd(36)} ${c.rule.padEnd(15)} ${c.context}`);
