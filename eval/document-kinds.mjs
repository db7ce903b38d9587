#!/usr/bin/env node
// How well src/extract/document-kind.ts names a document's kind, on development documents read out of
// ../shared/data (never copied into the repository):
//   MTSamples  the kind its medical_specialty and sample_name say (kindOfSample below), notes whose
//              metadata does not say one kind left out; split by note id into even (the notes the cues
//              were tuned on) and odd (held out)
//   ACI-BENCH  visit notes: progress or consult both count as right
//   IMR        determination letters: review_letter
// Prints a confusion table per set and one accuracy line each.
//   npm run build && node eval/document-kinds.mjs [--per-kind N] [--misses]
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCsv } from './csv.mjs';
import { sharedDir } from './sources.mjs';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const perKind = Number(args[args.indexOf('--per-kind') + 1]) || 40;
const showMisses = args.includes('--misses');
const shared = sharedDir(repo);
const dist = (p) => import(pathToFileURL(join(repo, 'dist', 'src', p)).href);
const { loadPatterns } = await dist('patterns/load-patterns.js');
const { ingestDocument } = await dist('ingest/ingest-document.js');
const { analyzeDocument } = await dist('text/analyze.js');
const { classifyDocument } = await dist('extract/document-kind.js');
const { DOCUMENT_KINDS } = await dist('schema.js');
const { GROUP_OF } = await dist('model/document-kind.js');
const patterns = loadPatterns();

/**
 * The kind an MTSamples note's metadata says, or null when it does not say one clearly. The sample
 * name is read first (a Radiology entry named "Radiofrequency Ablation" is a procedure), then the
 * specialty.
 */
export function kindOfSample(specialty, name, text = '') {
  const n = name.toLowerCase();
  const s = specialty.trim();
  if (/letter|template|form\b|normal .*exam/.test(n)) return null;
  // a transesophageal echo is a study done as a procedure under sedation: either kind is fair
  if (/transesophageal/.test(n)) return null;
  // neurology teaching cases ("CC:, HX:" histories with the study inside) filed under a study's name
  if (/^\s*CC\s*:/.test(text)) return null;
  // cardiac catheterisation and angiography: invasive procedures reported as such
  if (/angiogra|aortogra|\bcath/.test(n)) return 'operative';
  if (/\bemg\b|nerve conduction|\bncs\b|\bncv\b|electromyogra|electrodiagnos/.test(n)) return 'emg';
  if (/physical therapy|occupational therapy|\bpt\b|therapeutic recreation|speech therapy|chiropractic (progress|treatment|daily)|acupuncture/.test(n)) return 'therapy';
  if (/\bime\b|independent medical|\bqme\b/.test(n)) return 'ime';
  if (/records review/.test(n)) return 'records_review';
  if (/discharge summary/.test(n)) return 'discharge';
  if (
    /guided|placement|ablation|thermocoagulation|brachytherapy|biopsy|aspiration|injection|block\b|catheteri[sz]ation|\bcath\b|insertion|ectomy|otomy|plasty|repair|excision|bronchoscopy|endoscopy|colonoscopy|\begd\b|arthroscop/.test(
      n,
    )
  )
    return s === 'Lab Medicine - Pathology' ? 'lab' : 'operative';
  if (
    /\bmri\b|\bct\b|cat scan|x-?ray|ultrasound|sonogra|echocardiogra|mammogra|bone scan|\bpet\b|nuclear|perfusion imaging|myoview|mayoview|views?\b|series\b|radiologic|doppler|angiogra|venogra|arteriogra|arthrogra|myelogra|\bdexa\b|\bkub\b|chest film/.test(
      n,
    )
  )
    return 'imaging';
  if (/pathology|path report|immunohistochem/.test(n)) return 'lab';
  if (/\ber\b|emergency|urgent care/.test(n)) return 'emergency';
  if (/consult|h&p|history and physical|initial evaluation|evaluation\b/.test(n)) return 'consult';
  if (/progress note|follow-?up|soap|office visit|recheck|re-?evaluation/.test(n)) return 'progress';
  switch (s) {
    case 'Surgery':
      return 'operative';
    case 'Discharge Summary':
      return 'discharge';
    case 'Radiology':
      return 'imaging';
    case 'Lab Medicine - Pathology':
      return 'lab';
    case 'SOAP / Chart / Progress Notes':
      return 'progress';
    case 'Consult - History and Phy.':
      return 'consult';
    case 'Emergency Room Reports':
      return 'emergency';
    default:
      return null;
  }
}

async function kindOf(name, text) {
  const doc = await ingestDocument({ name, data: new TextEncoder().encode(text) });
  return classifyDocument(analyzeDocument(doc, patterns, { referenceDate: new Date('2020-06-01T12:00:00Z') }), patterns);
}

function table(title, rows, right = (r) => r.expected === r.got) {
  const expectedKinds = DOCUMENT_KINDS.filter((k) => rows.some((r) => r.expected === k));
  const gotKinds = DOCUMENT_KINDS.filter((k) => rows.some((r) => r.got === k));
  const w = Math.max(10, ...expectedKinds.map((k) => k.length)) + 2;
  const short = (k) =>
    k
      .replace('permanent_stationary', 'p&s')
      .replace('records_review', 'records')
      .replace('review_letter', 'review')
      .replace('fax_cover', 'fax')
      .replace('legal_letter', 'legal')
      .replace('emergency', 'emerg')
      .replace('operative', 'oper')
      .replace('progress', 'progr')
      .replace('discharge', 'disch')
      .replace('imaging', 'imag')
      .replace('therapy', 'ther')
      .replace('consult', 'cons');
  const lines = [`\n${title} (rows: expected, columns: got)`, `${''.padEnd(w)}${gotKinds.map((k) => short(k).padStart(7)).join('')}    n  right`];
  for (const e of expectedKinds) {
    const mine = rows.filter((r) => r.expected === e);
    const cells = gotKinds.map((g) => String(mine.filter((r) => r.got === g).length || '.').padStart(7)).join('');
    lines.push(`${e.padEnd(w)}${cells}${String(mine.length).padStart(5)}${`${Math.round((100 * mine.filter(right).length) / mine.length)}%`.padStart(7)}`);
  }
  const ok = rows.filter(right).length;
  // the group (treating note, report, therapy note, review letter, administrative) is what the
  // timeline mostly leans on: a consult read as a progress note is still a treating note
  const groupOk = rows.filter((r) => right(r) || GROUP_OF[r.expected] === GROUP_OF[r.got]).length;
  lines.push(`${title}: accuracy ${ok}/${rows.length} = ${((100 * ok) / rows.length).toFixed(1)}%; group ${groupOk}/${rows.length} = ${((100 * groupOk) / rows.length).toFixed(1)}%`);
  console.log(lines.join('\n'));
  if (showMisses) for (const r of rows.filter((r) => !right(r))) console.log(`  miss ${r.id}: ${r.expected} → ${r.got} (${r.rule ?? '-'}) ${r.label ?? ''}`);
}

// MTSamples: one row per distinct text (the same note is filed under several specialties); a text
// whose entries disagree on the kind is left out.
const rows = parseCsv(readFileSync(join(shared, 'data/mtsamples/mtsamples.csv'), 'utf8'));
const header = rows.shift();
const col = (n) => header.indexOf(n);
const byText = new Map();
for (const r of rows) {
  const text = r[col('transcription')] ?? '';
  if (text.trim().length < 200) continue;
  const kind = kindOfSample(r[col('medical_specialty')] ?? '', r[col('sample_name')] ?? '', text);
  const prev = byText.get(text);
  if (!prev) byText.set(text, { id: r[col('note_id')], kind, label: `${(r[col('medical_specialty')] ?? '').trim()} / ${(r[col('sample_name')] ?? '').trim()}` });
  else if (prev.kind !== kind) prev.kind = prev.kind === null ? kind : kind === null ? prev.kind : 'conflict';
}
const notes = [...byText].map(([text, v]) => ({ text, ...v })).filter((n) => n.kind && n.kind !== 'conflict');
notes.sort((a, b) => Number(a.id) - Number(b.id));
const started = performance.now();
let documents = 0;
for (const [split, parity] of [
  ['MTSamples even ids (tuned on)', 0],
  ['MTSamples odd ids (held out)', 1],
]) {
  const taken = new Map();
  const results = [];
  for (const n of notes) {
    if (Number(n.id) % 2 !== parity) continue;
    const count = taken.get(n.kind) ?? 0;
    if (count >= perKind) continue;
    taken.set(n.kind, count + 1);
    const got = await kindOf(`mts-${n.id}.txt`, n.text);
    documents++;
    results.push({ id: `mts-${n.id}`, expected: n.kind, got: got.kind, rule: got.rule, label: n.label });
  }
  table(split, results);
}

// ACI-BENCH visit notes
const aci = [];
const aciDir = join(shared, 'data/aci-bench');
for (const f of readdirSync(aciDir)
  .filter((f) => f.endsWith('.csv') && !f.includes('metadata'))
  .sort()) {
  const t = parseCsv(readFileSync(join(aciDir, f), 'utf8'));
  const h = t.shift();
  for (const r of t) {
    const note = r[h.indexOf('note')];
    if (!note) continue;
    const got = await kindOf(`aci-${r[h.indexOf('encounter_id')]}.txt`, note);
    documents++;
    aci.push({ id: `aci-${r[h.indexOf('encounter_id')]}`, expected: 'progress', got: got.kind, rule: got.rule });
  }
}
table('ACI-BENCH visit notes (progress or consult both right)', aci, (r) => r.got === 'progress' || r.got === 'consult');

// IMR determination letters (the text layer of the PDFs)
const imrDir = join(shared, 'data/imr-determinations/text');
const imr = [];
for (const f of readdirSync(imrDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const got = await kindOf(f, readFileSync(join(imrDir, f), 'utf8'));
  documents++;
  imr.push({ id: f, expected: 'review_letter', got: got.kind, rule: got.rule });
}
table('IMR determination letters', imr);
console.log(`\n${documents} documents in ${((performance.now() - started) / 1000).toFixed(1)} s (ingest, analysis and classification)`);
