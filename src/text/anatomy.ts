// Body part, side and spinal levels named in a span of text:
//   "tenderness over the left lower abdomen"          → abdomen, left
//   "bilateral L5 and L6 medial branch blocks"         → bilateral, levels L5, L6
//   "facet arthrosis at L5-S1"                         → lumbar spine, L5-S1
import type { Anatomy } from '../schema.js';
import type { Patterns } from '../patterns/load-patterns.js';
import type { Token } from '../patterns/lexicon.js';
import type { Region } from '../patterns/schemas.js';

export interface AnatomyReading extends Anatomy {
  regions: Region[];
}

const LEVEL_REGION: Record<string, Region> = { C: 'cervical', T: 'thoracic', L: 'lumbar', S: 'lumbar' };
// "T2-weighted images", "T1 and T2 signal": MRI sequences, not the T1/T2 vertebrae
const MRI_SEQUENCE_AFTER = /^(?:\s*(?:,|and|or|&|\/)\s*T[12])?[\s-]*(?:weighted|signal|hyperintens|hypointens|images?\b|sequences?\b|stir\b|flair\b)/i;

export function readAnatomy(text: string, tokens: readonly Token[], offset: number, patterns: Patterns): AnatomyReading {
  const bodyParts: string[] = [];
  const regions: Region[] = [];
  for (const m of patterns.bodyParts.find(text, tokens, offset)) {
    if (!bodyParts.includes(m.value.name)) bodyParts.push(m.value.name);
    if (!regions.includes(m.value.region)) regions.push(m.value.region);
  }
  const sides = new Set(patterns.sides.find(text, tokens, offset).map((m) => m.value));
  let side: Anatomy['side'] = null;
  if (sides.has('bilateral') || (sides.has('left') && sides.has('right'))) side = 'bilateral';
  else if (sides.has('left')) side = 'left';
  else if (sides.has('right')) side = 'right';

  const levels: string[] = [];
  const re = new RegExp(patterns.levelPattern.source, 'g');
  for (const m of text.matchAll(re)) {
    const level = m[1] ? `${m[1]}${m[2]}-${m[3] ?? m[1]}${m[4]}` : `${m[5]}${m[6]}`;
    const letter = (m[1] ?? m[5] ?? '').toUpperCase();
    if (!isPlausibleLevel(letter, Number(m[2] ?? m[6]))) continue;
    if (/^T[12](?:\s*(?:-|–|to|\/)\s*T?[12])?$/i.test(m[0]) && MRI_SEQUENCE_AFTER.test(text.slice(m.index + m[0].length))) continue;
    if (!levels.includes(level)) levels.push(level);
    const region = LEVEL_REGION[letter];
    if (region && !regions.includes(region)) regions.push(region);
    if (region) {
      const part = region === 'cervical' ? 'cervical spine' : region === 'thoracic' ? 'thoracic spine' : 'lumbar spine';
      if (!bodyParts.includes(part)) bodyParts.push(part);
    }
  }
  return { bodyParts, side, levels, regions };
}

function isPlausibleLevel(letter: string, n: number): boolean {
  switch (letter) {
    case 'C':
      return n >= 1 && n <= 8;
    case 'T':
      return n >= 1 && n <= 12;
    case 'L':
      return n >= 1 && n <= 6;
    case 'S':
      return n >= 1 && n <= 5;
    default:
      return false;
  }
}
