// A page's fingerprint, carried from ingest to the duplicate check: an exact hash of its normalised
// text and a MinHash signature of its word 5-grams (src/ingest/fingerprint.ts computes them).
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

/** The share of MinHash values two pages agree on: an estimate of their shingles' Jaccard similarity. */
export function similarity(a: PageFingerprint, b: PageFingerprint): number {
  let same = 0;
  for (let k = 0; k < a.minhash.length; k++) if (a.minhash[k] === b.minhash[k]) same++;
  return same / Math.max(1, a.minhash.length);
}
