// Page fingerprints for the duplicate check, computed while the text is at hand so the check never
// needs the pages again: an exact hash of the normalised text and a MinHash signature of its word
// 5-grams (near-duplicates: the same report re-faxed with a different stamp).
import { createHash } from 'node:crypto';

export interface PageFingerprint {
  page: number;
  chars: number;
  /** the page's opening words, exactly as on the page, shown as evidence when the page is a duplicate */
  excerpt: string;
  /** where the excerpt starts in the page text */
  excerptStart: number;
  exact: string;
  minhash: number[];
}

const SIGNATURE = 32;
const EXCERPT = 160;
const SEEDS = Array.from({ length: SIGNATURE }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) ^ 0x85ebca6b) >>> 0);

function hash32(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

export function fingerprintPage(page: number, text: string, shingleSize: number): PageFingerprint {
  const words = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  const normalized = words.join(' ');
  const minhash = new Array<number>(SIGNATURE).fill(0xffffffff);
  for (let i = 0; i + shingleSize <= words.length; i++) {
    const shingle = words.slice(i, i + shingleSize).join(' ');
    for (let k = 0; k < SIGNATURE; k++) {
      const h = hash32(shingle, SEEDS[k] as number);
      if (h < (minhash[k] as number)) minhash[k] = h;
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

export function similarity(a: PageFingerprint, b: PageFingerprint): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE; k++) if (a.minhash[k] === b.minhash[k]) same++;
  return same / SIGNATURE;
}
