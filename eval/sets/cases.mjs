// Discrepancy cases (eval/cases/*.json): a real development note with minimal edits, and the flag
// a reviewer expects. `edit` cases must raise their flag; `control` (the unedited note) and
// `negative` cases (edits that look like a discrepancy and are not one) must raise none.
//   { id, source: {dataset, id}, system, type: edit|control|negative, edits: [{find, replace}],
//     expect: [{ kind: string|string[], cues: [[side A cues], [side B cues]] }] }
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noteText } from '../sources.mjs';

const norm = (s) =>
  String(s ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const asList = (x) => (Array.isArray(x) ? x : [x]);

export function applyEdits(text, edits, id) {
  let out = text;
  for (const e of edits) {
    const at = out.indexOf(e.find);
    if (at < 0 || out.indexOf(e.find, at + 1) >= 0) throw new Error(`case ${id}: "${e.find}" must occur exactly once`);
    out = out.slice(0, at) + e.replace + out.slice(at + e.find.length);
  }
  return out;
}

function matches(flag, expected) {
  if (!asList(expected.kind).includes(flag.kind)) return false;
  const quotes = flag.evidence.map((e) => norm(e.quote));
  // each side's cue in some quote of the flag
  return expected.cues.every((group) => group.some((c) => quotes.some((q) => q.includes(norm(c)))));
}

/** Scores the cases of casesDir: edits found, false flags on controls and negatives. */
export async function scoreCases({ shared, dir, predict }, casesDir) {
  const cases = readdirSync(casesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(casesDir, f), 'utf8')));
  const lines = [];
  const tally = { edit: [0, 0], control: [0, 0], negative: [0, 0], falseOnEdits: 0 };
  for (const c of cases) {
    const text = applyEdits(noteText(shared, c.source), c.edits, c.id);
    const name = `${c.source.dataset === 'mtsamples' ? 'mts' : 'aci'}-${c.source.id}.txt`;
    const timeline = await predict(name, Buffer.from(text, 'utf8'), dir);
    const flags = timeline.flags ?? [];
    const used = new Set();
    let found = 0;
    for (const exp of c.expect) {
      const i = flags.findIndex((f, k) => !used.has(k) && matches(f, exp));
      if (i >= 0) {
        used.add(i);
        found++;
      }
    }
    const extra = flags.filter((_, k) => !used.has(k));
    const t = tally[c.type] ?? (tally[c.type] = [0, 0]);
    if (c.type === 'edit') {
      t[0] += found;
      t[1] += c.expect.length;
      tally.falseOnEdits += extra.length;
    } else {
      t[0] += extra.length;
      t[1] += 1;
    }
    const ok = c.type === 'edit' ? found === c.expect.length : extra.length === 0;
    if (!ok || extra.length) {
      lines.push(`${c.id} (${c.type}, ${c.system ?? '-'}): ${c.type === 'edit' ? `found ${found}/${c.expect.length}` : 'should raise nothing'}`);
      for (const f of extra) lines.push(`   ${c.type === 'edit' ? 'other' : 'false'} flag ${f.kind} ${f.rule}: ${f.summary.slice(0, 160)}`);
    }
  }
  const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) : '0.0');
  const falseFlags = tally.control[0] + tally.negative[0];
  const total = `TOTAL ${cases.length} cases: edits found ${tally.edit[0]}/${tally.edit[1]} (${pct(tally.edit[0], tally.edit[1])}%) · false flags ${falseFlags} (controls ${tally.control[0]} on ${tally.control[1]}, negatives ${tally.negative[0]} on ${tally.negative[1]}) · other flags on edited notes ${tally.falseOnEdits}`;
  return { total, detail: lines.join('\n'), failed: false };
}

export default {
  name: 'cases',
  order: 4,
  run: (ctx) => scoreCases(ctx, join(ctx.repo, 'eval', 'cases')),
};
