// Whatever bytes arrive, reading them ends in text or a per-file error, never an exception: random
// bytes, random bytes behind each byte-order mark, and a note with bytes flipped, dropped and NULs
// inserted (seeded, so a failure is the same on every run).
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/ingest/ingest-document.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOTE = Buffer.from('PROGRESS NOTE\nSeñor García was seen on 04/14/2015 for low back pain.\nPlan: physical therapy.\n', 'utf8');
const BOMS = [[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]];

function sample(next: () => number, i: number): Uint8Array {
  const kind = i % 3;
  if (kind === 0) return Uint8Array.from({ length: Math.floor(next() * 2048) }, () => Math.floor(next() * 256));
  if (kind === 1) {
    const bom = BOMS[Math.floor(next() * BOMS.length)] as number[];
    return Uint8Array.from([...bom, ...Array.from({ length: Math.floor(next() * 512) }, () => Math.floor(next() * 256))]);
  }
  const bytes = [...NOTE];
  for (let n = Math.floor(next() * 12); n > 0; n--) {
    const at = Math.floor(next() * bytes.length);
    const op = next();
    if (op < 0.4) bytes[at] = Math.floor(next() * 256);
    else if (op < 0.7) bytes.splice(at, 1);
    else bytes.splice(at, 0, 0);
  }
  return Uint8Array.from(bytes);
}

describe('ingestDocument on 600 mutated and random inputs', () => {
  it('always answers with text or a per-file error', async () => {
    const next = rng(15);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 600; i++) {
      const data = sample(next, i);
      const doc = await ingestDocument({ name: `input-${i}.txt`, data }, undefined, { enabled: false });
      const outcome = doc.errors[0]?.code ?? (doc.text.trim() ? 'text' : 'blank');
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      for (const e of doc.errors) expect(e.message.startsWith(`input-${i}.txt: `), e.message).toBe(true);
      expect(doc.text).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/);
    }
    // the mutated notes are still mostly read as text; pure noise is mostly refused
    expect(outcomes.get('text') ?? 0).toBeGreaterThan(150);
    expect(outcomes.get('unsupported') ?? 0).toBeGreaterThan(100);
  }, 60_000);
});
