#!/usr/bin/env node
// Development aid: shows how chartline reads one development document — its sections, sentences and
// the events of each sentence — beside its gold, if any.
//   node eval/explain.mjs mtsamples 3105 | aci-bench D2N003 | imr CM16-0230651 | case <case-id> | path/to/file
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { documentBytes, sharedDir } from './sources.mjs';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const [a, b] = process.argv.slice(2);
const shared = sharedDir(repo);
let name;
let bytes;
if (a === 'case') {
  // a discrepancy case: its note with the case's edits applied
  const { applyEdits } = await import('./sets/cases.mjs');
  const { noteText } = await import('./sources.mjs');
  const c = JSON.parse(readFileSync(join(repo, 'eval/cases', `${b}.json`), 'utf8'));
  name = `${b}.txt`;
  bytes = Buffer.from(applyEdits(noteText(shared, c.source), c.edits, c.id), 'utf8');
} else if (b) {
  const source = { dataset: a, id: b };
  name = a === 'imr' ? `${b}.pdf` : `${a === 'mtsamples' ? 'mts' : 'aci'}-${b}.txt`;
  bytes = documentBytes(shared, source);
} else {
  name = basename(a);
  bytes = readFileSync(a);
}
const dist = (p) => import(pathToFileURL(join(repo, 'dist', 'src', p)).href);
const { loadPatterns } = await dist('patterns/load-patterns.js');
const { ingestDocument } = await dist('ingest/ingest-document.js');
const { extractDocument } = await dist('extract/extract-document.js');
const patterns = loadPatterns();
const doc = await ingestDocument({ name, data: new Uint8Array(bytes) });
const { events, context, kind } = extractDocument(doc, patterns, {});
console.log(`kind: ${kind.kind} (${kind.rule ?? '-'})`);
const byStart = new Map();
for (const e of events) {
  const list = byStart.get(e.source.start) ?? [];
  list.push(e);
  byStart.set(e.source.start, list);
}
let section = null;
for (const s of context.analyzed.sentences) {
  if (s.section !== section) {
    section = s.section;
    console.log(`\n== ${section ? `${section.name} [${section.category}] "${section.header}"` : '(no section)'}`);
  }
  console.log(`  · ${s.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  const page = doc.pages.find((p) => s.start >= p.offset && s.start < p.offset + p.length + 1);
  for (const e of events.filter((e) => e.source.page === page?.num && e.source.start >= s.start - (page?.offset ?? 0) && e.source.start < s.end - (page?.offset ?? 0))) {
    console.log(
      `      → ${e.type} ${e.date ?? 'undated'}${e.reportedOn ? ` (at ${e.reportedOn})` : ''} [${e.rule}] ${e.findings.map((f) => `${f.concept}:${f.polarity}${f.assertion !== 'present' ? `/${f.assertion}` : ''}${f.reported ? '/reported' : ''}${f.side ? `/${f.side}` : ''}`).join(' ')}${e.services.length ? ` svc:${e.services.map((v) => `${v.family}/${v.status}/${v.response}`).join(',')}` : ''}${e.markers.length ? ` m:${e.markers.join(',')}` : ''} enc:${e.encounterId ?? '-'}`,
    );
  }
}
const goldPath = [join(repo, 'eval/gold/notes', name.replace(/\.\w+$/, '.json')), join(repo, 'eval/gold/imr-letters', name.replace(/\.\w+$/, '.json'))].find(existsSync);
if (goldPath) {
  console.log('\nGOLD');
  for (const g of JSON.parse(readFileSync(goldPath, 'utf8')).events) console.log(`  ${g.date ?? 'undated'} ${[g.type].flat().join('|')} "${[g.cue].flat().join('" / "')}"`);
}
