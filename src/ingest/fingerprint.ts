// Page fingerprints (src/model/page-fingerprint.ts) for the duplicate check, computed while the text
// is at hand so the check never needs the pages again: an exact hash of the normalised text and a
// MinHash signature of its word 5-grams (near-duplicates: the same report re-faxed with a new stamp).
import { createHash } from 'node:crypto';
import type { PageFingerprint } from '../model/page-fingerprint.js';

const SIGNATURE = 32;
const EXCERPT = 160;
// 32 hash functions as cheap permutations of one 32-bit hash: h_k = a_k · h + b_k (odd a_k, mod 2^32),
// so each shingle is hashed once, not 32 times
const MULTIPLIERS = Array.from({ length: SIGNATURE }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0);
const OFFSETS = Array.from({ length: SIGNATURE }, (_, i) => Math.imul(i + 7, 0x85ebca6b) >>> 0);

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function fingerprintPage(page: number, text: string, shingleSize: number): PageFingerprint {
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const normalized = words.join(' ');
  const minhash = new Array<number>(SIGNATURE).fill(0xffffffff);
  // each word hashed once; a shingle's hash combines its words' hashes in order
  const wordHashes = words.map(fnv);
  for (let i = 0; i + shingleSize <= words.length; i++) {
    let h = 0;
    for (let j = 0; j < shingleSize; j++) h = Math.imul(h ^ (wordHashes[i + j] as number), 0x01000193);
    h = mix(h);
    for (let k = 0; k < SIGNATURE; k++) {
      const v = (Math.imul(MULTIPLIERS[k] as number, h) + (OFFSETS[k] as number)) >>> 0;
      if (v < (minhash[k] as number)) minhash[k] = v;
    }
  }
  const excerptStart = text.length - text.trimStart().length;
  let excerptEnd = Math.min(text.length, excerptStart + EXCERPT);
  // end at a word boundary, so the quote is whole words
  if (excerptEnd < text.length) {
    const space = text.lastIndexOf(' ', excerptEnd);
    if (space > excerptStart) excerptEnd = space;
  }
  const excerpt = text.slice(excerptStart, excerptEnd);
  return { page, chars: normalized.length, excerpt, excerptStart, exact: createHash('sha1').update(normalized).digest('hex'), minhash };
}
