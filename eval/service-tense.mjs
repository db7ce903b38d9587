#!/usr/bin/env node
// Is a service mention done, planned or hypothetical? Cue words — chartline's own vocabulary
// (patterns/cues.json "past", "plan", "referral" and "result" cues, the assertion file's
// hypothetical triggers scoped to the service) and a short list written for this question (WORDS) —
// against compromise's reading of the sentence's verbs (tense and modal form), and the list with
// compromise where the list says nothing, on:
//   eval/gold/service-tense/mtsamples.json  32 sentences of MTSamples notes, labelled by hand
//   the sentences below                      24 written for this measure
// Prints a table per method and the time compromise takes. Not wired into chartline: a measurement.
//   npm run build && node eval/service-tense.mjs [--misses]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { noteText, sharedDir } from './sources.mjs';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const showMisses = process.argv.includes('--misses');
const shared = sharedDir(repo);
const dist = (p) => import(pathToFileURL(join(repo, 'dist', 'src', p)).href);
const { loadPatterns } = await dist('patterns/load-patterns.js');
const { analyzeSentence } = await dist('text/analyze.js');
const patterns = loadPatterns();

/** [sentence, service words in it, status] — written for this measure */
const OWN = [
  ['She had an MRI of the lumbar spine on 3/2/19.', 'MRI', 'done'],
  ['He underwent a right carpal tunnel release in 2017.', 'carpal tunnel release', 'done'],
  ['Status post left knee arthroscopy.', 'arthroscopy', 'done'],
  ['She has completed 12 sessions of physical therapy.', 'physical therapy', 'done'],
  ['An EMG was performed last month.', 'EMG', 'done'],
  ['He received an epidural steroid injection in May.', 'epidural steroid injection', 'done'],
  ['Physical therapy helped her neck pain.', 'Physical therapy', 'done'],
  ['X-rays obtained today show no fracture.', 'X-rays', 'done'],
  ['We will schedule an MRI of the left shoulder.', 'MRI', 'planned'],
  ['An MRI of the cervical spine is requested.', 'MRI', 'planned'],
  ['I am requesting authorization for 8 sessions of acupuncture.', 'acupuncture', 'planned'],
  ['Physical therapy twice a week for six weeks is recommended.', 'Physical therapy', 'planned'],
  ['She is going to start chiropractic care next week.', 'chiropractic care', 'planned'],
  ['Refer to pain management for an epidural injection.', 'epidural injection', 'planned'],
  ['Plan: EMG and nerve conduction studies of both arms.', 'EMG', 'planned'],
  ['We ordered a CT scan of the wrist.', 'CT scan', 'planned'],
  ['He would benefit from a course of physical therapy.', 'physical therapy', 'hypothetical'],
  ['If her symptoms persist, an MRI could be considered.', 'MRI', 'hypothetical'],
  ['She may need surgery in the future.', 'surgery', 'hypothetical'],
  ['Should conservative care fail, a fusion might be an option.', 'fusion', 'hypothetical'],
  ['An injection could help if the pain returns.', 'injection', 'hypothetical'],
  ['He might be a candidate for a spinal cord stimulator trial.', 'spinal cord stimulator', 'hypothetical'],
  ['Surgery would be reasonable if the weakness progresses.', 'Surgery', 'hypothetical'],
  ['Consider repeat MRI if there is no improvement.', 'MRI', 'hypothetical'],
];

/** chartline's cue words: hypothetical at the service, else plan or referral, else past or result. */
function byCueWords(sentence, service) {
  const s = analyzeSentence(sentence, 0, sentence.length, 0, null, 2020, patterns);
  const at = sentence.toLowerCase().indexOf(service.toLowerCase());
  if (at >= 0 && s.assertion.at(at, at + service.length).assertion === 'hypothetical') return 'hypothetical';
  if (s.has('plan') || s.has('referral')) return 'planned';
  if (s.has('past') || s.has('result')) return 'done';
  return null;
}

/**
 * A dedicated short list of cue words for the three statuses (ConText-style triggers), hypothetical
 * before planned before done — what "simple cue words" means for this question.
 */
const WORDS = {
  hypothetical: /\b(would|could|might|may|if|should|consider|candidate|benefit from|possible|possibly|potential(?:ly)?|option|unless|in case)\b/i,
  planned:
    /\b(will|shall|plan(?:s|ned)?|schedul(?:e|ed|ing)|request(?:s|ed|ing)?|recommend(?:s|ed|ing)?|order(?:s|ed)?|refer(?:s|red|ral)?|prescrib(?:e|ed|es)|going to|to start|agreed to proceed|authorization|consist of)\b/i,
  done: /\b(had|has had|have had|underwent|undergone|was performed|were performed|was done|were done|was taken|were taken|was obtained|were obtained|obtained|received|completed|status post|s\/p|showed|shows|revealed|reveals|demonstrated|initiated|was seen|has been|helped|was evacuated|was taken to)\b/i,
};
function byWordList(sentence) {
  for (const status of ['hypothetical', 'planned', 'done']) if (WORDS[status].test(sentence)) return status;
  return null;
}

let nlp = null;
/** compromise: a modal verb ("would benefit", "may need") → hypothetical, future → planned, past → done. */
function byCompromise(sentence) {
  const verbs = nlp(sentence).verbs().json();
  const grammar = verbs.map((v) => ({ text: v.text.toLowerCase(), ...(v.verb?.grammar ?? {}) }));
  if (grammar.some((g) => /modal/.test(g.form ?? '') || /^(would|could|might|may|should|can)\b/.test(g.text))) return 'hypothetical';
  if (grammar.some((g) => g.tense === 'FutureTense')) return 'planned';
  if (grammar.some((g) => g.tense === 'PastTense')) return 'done';
  return null;
}

const items = [];
for (const g of JSON.parse(readFileSync(join(repo, 'eval/gold/service-tense/mtsamples.json'), 'utf8')).items) {
  const text = noteText(shared, g);
  const at = text.indexOf(g.cue);
  if (at < 0) throw new Error(`mtsamples ${g.id}: cue ${JSON.stringify(g.cue)} not found`);
  // the sentence around the cue (transcriptions run sections together with ".,")
  const start = Math.max(text.lastIndexOf('.,', at) + 2, text.lastIndexOf('. ', at) + 2, text.lastIndexOf(':,', at) + 2, 0);
  const endDot = text.indexOf('.', at + g.cue.length);
  const sentence = text.slice(start, endDot < 0 ? text.length : endDot + 1).trim();
  items.push({ set: 'mtsamples', id: g.id, sentence, service: g.service, status: g.status });
}
for (const [sentence, service, status] of OWN) items.push({ set: 'own', id: '-', sentence, service, status });

const t0 = performance.now();
nlp = (await import('compromise')).default;
nlp('warm up');
const loadMs = performance.now() - t0;
let nlpMs = 0;
const methods = { "chartline's cue vocabulary": [], 'a short cue-word list': [], compromise: [], 'cue-word list, then compromise': [] };
for (const it of items) byCompromise(it.sentence); // warm: the first calls build compromise's tables
for (const it of items) {
  const cue = byCueWords(it.sentence, it.service);
  const t = performance.now();
  const comp = byCompromise(it.sentence);
  nlpMs += performance.now() - t;
  const words = byWordList(it.sentence);
  methods["chartline's cue vocabulary"].push({ it, got: cue });
  methods['a short cue-word list'].push({ it, got: words });
  methods.compromise.push({ it, got: comp });
  methods['cue-word list, then compromise'].push({ it, got: words ?? comp });
}

const STATUSES = ['done', 'planned', 'hypothetical'];
for (const [name, results] of Object.entries(methods)) {
  console.log(`\n${name} (rows: expected; columns: got)`);
  console.log(`${''.padEnd(14)}${[...STATUSES, 'none'].map((s) => s.padStart(13)).join('')}`);
  for (const e of STATUSES) {
    const mine = results.filter((r) => r.it.status === e);
    console.log(`${e.padEnd(14)}${[...STATUSES, null].map((g) => String(mine.filter((r) => r.got === g).length || '.').padStart(13)).join('')}`);
  }
  for (const set of ['mtsamples', 'own']) {
    const rs = results.filter((r) => r.it.set === set);
    const ok = rs.filter((r) => r.got === r.it.status).length;
    console.log(`  ${set === 'own' ? 'own sentences' : 'MTSamples sentences'}: ${ok}/${rs.length} = ${((100 * ok) / rs.length).toFixed(0)}%`);
  }
  const ok = results.filter((r) => r.got === r.it.status).length;
  console.log(`${name}: accuracy ${ok}/${results.length} = ${((100 * ok) / results.length).toFixed(1)}%`);
  if (showMisses) for (const r of results.filter((r) => r.got !== r.it.status)) console.log(`   miss ${r.it.set} ${r.it.id}: ${r.it.status} → ${r.got ?? 'none'}: ${r.it.sentence.slice(0, 110)}`);
}
console.log(`\ncompromise: ${nlpMs.toFixed(0)} ms for ${items.length} sentences, warm (${(nlpMs / items.length).toFixed(2)} ms each), plus ${loadMs.toFixed(0)} ms to load and first use`);
