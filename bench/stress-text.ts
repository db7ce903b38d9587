// Pathological texts for the bounded-work rows of the bench: clinical words with no sentence
// punctuation at all (a form export that lost its periods and line breaks, one 5 MB "sentence"), and
// ordinary punctuated sentences of the same size. Seeded: the same bytes on every machine.
import { Rng } from './prng.js';

const WORDS = (
  'the patient reports low back pain with radiation to the left leg and numbness in the foot he was seen on 04/14/2015 ' +
  'for follow up exam shows full strength normal sensation and reflexes plan physical therapy twice a week MRI of the lumbar ' +
  'spine was reviewed she denies bowel or bladder symptoms his knee pain is worse with stairs her shoulder range of motion is ' +
  'limited tenderness over the paraspinal muscles straight leg raise negative gait normal medications ibuprofen 600 mg ' +
  'referral to orthopedic surgery epidural steroid injection requested on 05/02/2015 denied by utilization review'
).split(' ');

/** About `bytes` of space-separated words, no . ! ? and no line breaks. */
export function unpunctuatedText(bytes: number, seed = 'unpunctuated'): string {
  const rng = new Rng(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const w = WORDS[Math.floor(rng.next() * WORDS.length)] as string;
    parts.push(w);
    size += w.length + 1;
  }
  return parts.join(' ');
}

const HEADERS = ['PHYSICAL EXAMINATION:', 'ASSESSMENT:', 'PLAN:', 'HISTORY OF PRESENT ILLNESS:', 'DISCUSSION:'];

/** About `bytes` of ordinary sentences of 8–20 words, in paragraphs under section headers (exam, assessment, plan …). */
export function sentencesText(bytes: number, seed = 'sentences'): string {
  const rng = new Rng(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    if (rng.next() < 0.05) {
      const h = `\n${HEADERS[Math.floor(rng.next() * HEADERS.length)] as string}\n`;
      parts.push(h);
      size += h.length;
    }
    const n = 8 + Math.floor(rng.next() * 13);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(rng.next() * WORDS.length)] as string);
    const s = `${(words[0] as string).charAt(0).toUpperCase()}${words.join(' ').slice(1)}.${rng.next() < 0.15 ? '\n' : ' '}`;
    parts.push(s);
    size += s.length;
  }
  return parts.join('');
}
