// Writes a stress text to a file for profiling by hand:
//   node dist/bench/stress-gen.js unpunctuated 1000000 /tmp/u1.txt
//   node --cpu-prof dist/bin… process /tmp/u1.txt
import { writeFileSync } from 'node:fs';
import { sentencesText, unpunctuatedText } from './stress-text.js';

const [kind, size, out] = process.argv.slice(2);
if (!kind || !size || !out) throw new Error('usage: stress-gen unpunctuated|sentences <bytes> <file>');
writeFileSync(out, kind === 'sentences' ? sentencesText(Number(size)) : unpunctuatedText(Number(size)));
