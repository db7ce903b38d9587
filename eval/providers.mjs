#!/usr/bin/env node
// Who saw the patient where (src/extract/provider.ts), measured on development documents read out of
// ../shared/data (never copied into the repository):
//   eval/gold/providers/mtsamples.json  66 MTSamples notes with their own provider and facility by hand
//   IMR determination letters           97 letters, anonymised: any provider or facility is a false find
// and the same cue spans read by compromise (people(), organizations()) instead of the rules, and
// after them where they find nothing, with the time each takes.
//   npm run build && node eval/providers.mjs [--misses]
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { noteText, sharedDir } from './sources.mjs';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const showMisses = process.argv.includes('--misses');
const shared = sharedDir(repo);
const dist = (p) => import(pathToFileURL(join(repo, 'dist', 'src', p)).href);
const { loadPatterns } = await dist('patterns/load-patterns.js');
const { ingestDocument } = await dist('ingest/ingest-document.js');
const { analyzeDocument } = await dist('text/analyze.js');
const { findProvider } = await dist('extract/provider.js');
const patterns = loadPatterns();
const cues = patterns.providers;

let nlp = null;
let loadMs = 0;
async function compromise() {
  if (!nlp) {
    const t0 = performance.now();
    nlp = (await import('compromise')).default;
    nlp('warm up'); // its lexicon is built on first use
    loadMs = performance.now() - t0;
  }
  return nlp;
}

/**
 * The short spans a rule reads a name or an organisation from: the text after each author, visit or
 * facility cue, to the end of its line and at most 120 characters. compromise reads the same spans.
 */
function cueSpans(analyzed) {
  const text = analyzed.doc.text;
  const spans = { person: [], org: [] };
  const tail = (at) => {
    const nl = text.indexOf('\n', at);
    return text.slice(at, Math.min(nl < 0 ? text.length : nl, at + 120));
  };
  for (const s of analyzed.sentences) {
    if (s.has('plan') || s.has('referral')) continue;
    const history = s.section?.category === 'history';
    for (const m of cues.authorCues.find(s.text, s.tokens, s.start)) {
      if (m.value.kind === 'pseudo') continue;
      const at = m.end + (/^[\s:,-]*(?:yours)?[\s:,-]*/.exec(text.slice(m.end, m.end + 200))?.[0].length ?? 0);
      spans.person.push(tail(at));
      spans.org.push(tail(at));
    }
    for (const m of cues.visitCues.find(s.text, s.tokens, s.start)) if (!history || m.value.inHistory === 'always') spans.person.push(text.slice(m.end, s.end).slice(0, 120));
    for (const m of cues.facilityCues.find(s.text, s.tokens, s.start)) {
      if (history && m.value.inHistory === 'never') continue;
      if (history && m.value.inHistory === 'unless-past' && cues.pastMarkers.find(s.text, s.tokens, s.start).length > 0) continue;
      spans.org.push(text.slice(m.end, s.end).slice(0, 120));
    }
  }
  return spans;
}

const clean = (s) =>
  (s ?? '')
    .replace(/\b(?:M\.?D|D\.?O|D\.?C|Ph\.?D)\b\.?/g, '')
    .replace(/^(?:Dr|Doctor)\.?\s+/i, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .toLowerCase();
function readByCompromise(spans) {
  let person = null;
  let org = null;
  for (const s of spans.person) {
    const p = nlp(s).people().out('array')[0];
    if (p) {
      person = p.replace(/[,.]+$/, '');
      break;
    }
  }
  for (const s of spans.org) {
    const o = nlp(s).organizations().out('array')[0];
    if (o) {
      org = o.replace(/[,.]+$/, '');
      break;
    }
  }
  return { person, org };
}

function score(expected, got) {
  if (expected === '?') return 'unscored';
  if (expected === null) return got === null ? 'right-none' : 'false';
  if (got === null) return 'missed';
  const ok = [expected].flat().some((e) => clean(e) === clean(got));
  return ok ? 'right' : 'wrong';
}

const gold = JSON.parse(readFileSync(join(repo, 'eval/gold/providers/mtsamples.json'), 'utf8')).documents;
const docs = [];
for (const g of gold) docs.push({ id: `mts-${g.id}`, text: noteText(shared, g), provider: g.provider, facility: g.facility });
const imrDir = join(shared, 'data/imr-determinations/text');
for (const f of readdirSync(imrDir)
  .filter((f) => f.endsWith('.txt'))
  .sort())
  docs.push({ id: f, text: readFileSync(join(imrDir, f), 'utf8'), provider: null, facility: null, imr: true });

await compromise();
const modes = ['rules', 'compromise', 'rules, then compromise'];
const tally = Object.fromEntries(modes.map((m) => [m, { provider: {}, facility: {}, ms: 0, spans: 0 }]));
const misses = [];
for (const d of docs) {
  const doc = await ingestDocument({ name: `${d.id}.txt`, data: new TextEncoder().encode(d.text) });
  const analyzed = analyzeDocument(doc, patterns, { referenceDate: new Date('2020-06-01T12:00:00Z') });
  let t0 = performance.now();
  const rules = findProvider(analyzed, patterns);
  tally.rules.ms += performance.now() - t0;
  const spans = cueSpans(analyzed);
  t0 = performance.now();
  const byNlp = readByCompromise(spans);
  const nlpMs = performance.now() - t0;
  tally.compromise.ms += nlpMs;
  tally.compromise.spans += spans.person.length + spans.org.length;
  const results = {
    rules: { provider: rules.provider, facility: rules.facility },
    compromise: { provider: byNlp.person, facility: byNlp.org },
    'rules, then compromise': { provider: rules.provider ?? byNlp.person, facility: rules.facility ?? byNlp.org },
  };
  tally['rules, then compromise'].ms += nlpMs;
  for (const m of modes) {
    for (const field of ['provider', 'facility']) {
      const s = score(d[field], results[m][field]);
      const key = `${d.imr ? 'imr' : 'mts'}:${s}`;
      tally[m][field][key] = (tally[m][field][key] ?? 0) + 1;
      if (m !== 'compromise' && s !== 'right' && s !== 'right-none' && s !== 'unscored' && m === 'rules')
        misses.push(`${d.id} ${field}: expected ${JSON.stringify(d[field])}, got ${JSON.stringify(results[m][field])}`);
    }
  }
  if (showMisses && (byNlp.person || byNlp.org)) misses.push(`  (compromise on ${d.id}: person ${JSON.stringify(byNlp.person)}, org ${JSON.stringify(byNlp.org)})`);
}

const n = (t, k) => t[k] ?? 0;
console.log(`${gold.length} MTSamples notes by hand, ${docs.length - gold.length} IMR letters (nothing to find)\n`);
console.log('mode                     field      right  wrong  missed  false(MTS)  false(IMR)  precision  recall');
for (const m of modes) {
  for (const field of ['provider', 'facility']) {
    const t = tally[m][field];
    const right = n(t, 'mts:right');
    const wrong = n(t, 'mts:wrong');
    const missed = n(t, 'mts:missed');
    const falseM = n(t, 'mts:false');
    const falseI = n(t, 'imr:false');
    const found = right + wrong + falseM + falseI;
    const expected = right + wrong + missed;
    console.log(
      `${m.padEnd(24)} ${field.padEnd(9)} ${String(right).padStart(6)} ${String(wrong).padStart(6)} ${String(missed).padStart(7)} ${String(falseM).padStart(11)} ${String(falseI).padStart(11)} ${`${found ? ((100 * right) / found).toFixed(0) : '-'}%`.padStart(10)} ${`${expected ? ((100 * right) / expected).toFixed(0) : '-'}%`.padStart(7)}`,
    );
  }
}
console.log(
  `\ntime on ${docs.length} documents: rules ${tally.rules.ms.toFixed(0)} ms; compromise ${tally.compromise.ms.toFixed(0)} ms on ${tally.compromise.spans} cue spans, plus ${loadMs.toFixed(0)} ms to load it`,
);

// What compromise could add: a visit cue followed by a name with no title or credential, which the
// rules leave alone ("seen by Maria Gonzalez"). Sentences written for this measure; the negatives
// name a service, a team or a role, not a person.
const UNTITLED = [
  ['She was seen today by Maria Gonzalez for her neck pain.', 'Maria Gonzalez'],
  ['The patient was examined by John Okafor in the clinic.', 'John Okafor'],
  ['He is seen by Priya Raman every two weeks.', 'Priya Raman'],
  ['The patient was seen and examined by Thomas Reilly.', 'Thomas Reilly'],
  ['She was evaluated by Hannah Becker on arrival.', 'Hannah Becker'],
  ['He was seen by Luis Ortega, who adjusted the brace.', 'Luis Ortega'],
  ['She was seen by physical therapy for gait training.', null],
  ['He was evaluated by orthopedics in the emergency room.', null],
  ['She was seen by the nurse practitioner this morning.', null],
  ['The patient was examined by the on-call resident.', null],
  ['He was seen by Valley Orthopedics last week.', null],
  ['She was evaluated by neurology for the numbness.', null],
];
const untitled = { rules: { right: 0, false: 0 }, compromise: { right: 0, false: 0 } };
for (const [sentence, name] of UNTITLED) {
  const doc = await ingestDocument({ name: 'own.txt', data: new TextEncoder().encode(`EXAM:\n${sentence}`) });
  const analyzed = analyzeDocument(doc, patterns, { referenceDate: new Date('2020-06-01T12:00:00Z') });
  const byRules = findProvider(analyzed, patterns).provider;
  const byNlp = readByCompromise(cueSpans(analyzed)).person;
  for (const [mode, got] of [
    ['rules', byRules],
    ['compromise', byNlp],
  ]) {
    if (name && got && clean(got) === clean(name)) untitled[mode].right++;
    else if (got) untitled[mode].false++;
  }
}
const positives = UNTITLED.filter(([, n]) => n).length;
console.log(`\nnames with no title or credential after a visit cue (${positives} people, ${UNTITLED.length - positives} services or roles, sentences written for this):`);
for (const mode of ['rules', 'compromise']) console.log(`  ${mode.padEnd(11)} found ${untitled[mode].right}/${positives} people, ${untitled[mode].false} false`);
if (showMisses) console.log(`\n${misses.join('\n')}`);
