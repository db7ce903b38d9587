// One sentence, one event per type and date: "Tenderness and spasm were noted in the paracervical
// and trapezius" is one exam finding with two structured findings, not two events.
import type { Refiner } from '../engine.js';
import type { Mention } from '../mention.js';

export const mergeSentenceRefiner: Refiner = {
  name: 'merge-sentence',
  refine(_ctx, mentions): Mention[] {
    const out: Mention[] = [];
    const byKey = new Map<string, Mention>();
    for (const m of mentions) {
      const key = `${m.sentence.index}|${m.type}|${m.date ?? ''}|${m.quoteStart}|${m.quoteEnd}`;
      const prev = byKey.get(key);
      if (!prev) {
        byKey.set(key, m);
        out.push(m);
        continue;
      }
      prev.start = Math.min(prev.start, m.start);
      prev.end = Math.max(prev.end, m.end);
      prev.services = [...new Set([...prev.services, ...m.services])];
      for (const f of m.findings) if (!prev.findings.some((p) => p.text === f.text && p.concept === f.concept)) prev.findings.push(f);
      prev.setsContext ||= m.setsContext;
      if (prev.assertion !== 'present' && m.assertion === 'present') prev.assertion = 'present';
      prev.facts = { ...m.facts, ...prev.facts };
      // a date written in the sentence beats one filled in from elsewhere
      if ((!prev.dateCertainty || (prev.dateCertainty !== 'explicit' && m.dateCertainty === 'explicit')) && m.dateCertainty) {
        prev.dateText = m.dateText;
        prev.dateCertainty = m.dateCertainty;
        prev.dateRule = m.dateRule;
      }
    }
    return out;
  },
};
