// How much text one document may have. Every stage after ingest keeps the text, its sentences and
// its events in memory: 5 MB of clinical text is about 0.9 GB at peak, and a 200 MB text file (or a
// 1 MB PDF that expands to 1 GB of text) exhausted V8's heap and killed the process with no word
// about which file did it. Past the budget a document is refused with `too_large` and the rest of
// the bundle goes on.
import { IngestError } from './ingest-error.js';

/** Default: 8 million characters — about 2,500 pages of dense typed notes. */
export const DEFAULT_MAX_TEXT_CHARS = 8_000_000;

/** `CHARTLINE_MAX_DOCUMENT_MB` (millions of characters of text per document), else the default. */
export function maxTextCharsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CHARTLINE_MAX_DOCUMENT_MB?.trim();
  if (!raw) return DEFAULT_MAX_TEXT_CHARS;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error(`CHARTLINE_MAX_DOCUMENT_MB must be a positive number, not "${raw}"`);
  return Math.floor(mb * 1_000_000);
}

const mb = (n: number): string => `${(n / 1_000_000).toFixed(1)} MB`;

/** Throws `too_large` when `size` (characters of text, or bytes before decoding) is over the budget. */
export function checkTextSize(size: number, budget: number, what: 'text' | 'bytes'): void {
  if (size <= budget) return;
  throw new IngestError(
    'too_large',
    `too large to read: ${mb(size)} of ${what === 'text' ? 'text' : 'text file'}, over the ${mb(budget)} per-document limit (CHARTLINE_MAX_DOCUMENT_MB); split the file and upload the parts`,
  );
}
