// Numbers a reviewer compares across visits:
//   pain scores "8/10", "rated 5 out of 10"; strength grades "4+/5"; range of motion "flexion 40°";
//   percentages "80% of his pain"; sessions "12 sessions", "2x3".
import type { Measure } from '../schema.js';

const RULES: { kind: Measure['kind']; re: RegExp; read: (m: RegExpMatchArray) => { value: number; max: number | null } | null }[] = [
  { kind: 'pain_score', re: /(?<![\d/.])(\d{1,2}(?:\.\d)?)\s*(?:\/|out of)\s*10(?![\d/])/gi, read: (m) => bounded(Number(m[1]), 0, 10, 10) },
  { kind: 'strength_grade', re: /(?<![\d/.])([0-5])([+-]?)\s?(?:\/|out of)\s?5(?![\d/])/gi, read: (m) => bounded(Number(m[1]) + (m[2] === '+' ? 0.5 : m[2] === '-' ? -0.5 : 0), 0, 5, 5) },
  { kind: 'degrees', re: /(?<![\d.])(\d{1,3})\s*(?:°|degrees?\b|deg\b)/gi, read: (m) => bounded(Number(m[1]), 0, 360, null) },
  { kind: 'percent', re: /(?<![\d.])(\d{1,3})\s*(?:%|percent\b)/gi, read: (m) => bounded(Number(m[1]), 0, 100, 100) },
  { kind: 'sessions', re: /(?<![\d.])(\d{1,3})\s+(?:sessions|visits|treatments)\b/gi, read: (m) => bounded(Number(m[1]), 1, 200, null) },
  { kind: 'sessions', re: /(?<![\d.])(\d)\s?x\s?(\d{1,2})(?![\d])/gi, read: (m) => bounded(Number(m[1]) * Number(m[2]), 1, 200, null) },
];

function bounded(value: number, min: number, max: number, scaleMax: number | null): { value: number; max: number | null } | null {
  return Number.isFinite(value) && value >= min && value <= max ? { value, max: scaleMax } : null;
}

export function readMeasures(text: string): Measure[] {
  const out: Measure[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.re)) {
      const read = rule.read(m);
      if (read) out.push({ kind: rule.kind, text: m[0], value: read.value, max: read.max });
    }
  }
  return out;
}
