// Bytes of a text file → a string, whatever encoding the sender's system used. Records arrive as
// UTF-8 from EHR exports, as UTF-16 from Windows tools ("Save as Unicode" in Notepad) and as
// Windows-1252 from older practice software ("Señor García" with ñ as the single byte 0xF1):
// refusing any of them loses their dates.
//
// Order: a byte-order mark decides; then UTF-16 without a mark (ASCII text in UTF-16 is every other
// byte NUL, which is also valid UTF-8, so it is tested first); then UTF-8 if every byte sequence is
// valid; else the detector (chardet) picks a single-byte encoding, decoded by iconv-lite.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** the encoding the bytes were read as, lower-case WHATWG-style: utf-8, utf-16le, windows-1252 … */
  encoding: string;
  /** what was done to the text on the way, for the reader of the timeline */
  notes: string[];
}

/** Bytes the detectors look at: enough for a verdict, bounded for a 100 MB file. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * Above this share of control characters (after decoding) the bytes are binary, not text with a
 * few stray NULs. Random bytes have about 11% in C0 controls; a text export with NUL padding at the
 * end of each record line has well under 1%.
 */
const BINARY_CONTROL_SHARE = 0.05;

/** Which encoding a text file's bytes are in, or null when they are not text at all. */
export function detectTextEncoding(data: Uint8Array): string | null {
  const bom = bomOf(data);
  if (bom) return bom.encoding;
  const sample = data.subarray(0, SAMPLE_BYTES);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return utf16;
  if (isUtf8(sample.length === data.length ? sample : trimPartialUtf8(sample))) return 'utf-8';
  return singleByteEncoding(sample);
}

/** Whether a sample of bytes reads as text (decoded, with at most a few control characters). */
export function looksLikeText(data: Uint8Array): boolean {
  const encoding = detectTextEncoding(data);
  if (!encoding) return false;
  const sample = data.subarray(0, SAMPLE_BYTES);
  const text = decodeAs(encoding === 'utf-8' && sample.length < data.length ? trimPartialUtf8(sample) : sample, encoding);
  return controlCount(text) <= text.length * BINARY_CONTROL_SHARE;
}

/**
 * Decode a whole text file. NUL and other control characters (except tab, line feed, carriage
 * return, form feed) are dropped with a note: a NUL between letters ("Pat\0ient") would otherwise
 * stop a word matching and hide a date or finding.
 */
export function decodeText(data: Uint8Array): DecodedText {
  const notes: string[] = [];
  const bom = bomOf(data);
  let encoding: string;
  let body: Uint8Array = data;
  if (bom) {
    encoding = bom.encoding;
    body = data.subarray(bom.length);
  } else {
    const sample = data.subarray(0, SAMPLE_BYTES);
    // the whole file must be UTF-8 to be read as UTF-8: a Windows-1252 "ñ" past the sample would
    // otherwise come out as U+FFFD
    encoding = utf16WithoutBom(sample) ?? (isUtf8(data) ? 'utf-8' : (singleByteEncoding(sample) ?? 'windows-1252'));
    if (encoding !== 'utf-8') notes.push(`read as ${encoding} (no byte-order mark; detected from the bytes)`);
  }
  // UTF-8, with or without a mark, is the ordinary case: nothing to tell the reader
  if (bom && encoding !== 'utf-8') notes.push(`read as ${encoding} (byte-order mark)`);
  const decoded = decodeAs(body, encoding);
  const dropped = controlCount(decoded);
  const text = dropped > 0 ? decoded.replace(CONTROL, '') : decoded;
  if (dropped > 0) notes.push(`${dropped} NUL or control character${dropped === 1 ? '' : 's'} dropped`);
  return { text, encoding, notes };
}

// C0 controls other than \t \n \r \f (and ESC, which some printers' exports keep), plus DEL
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/g;

function controlCount(text: string): number {
  return text.match(CONTROL)?.length ?? 0;
}

function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return Buffer.from(bytes).toString('utf8');
  return iconv.decode(Buffer.from(bytes), encoding, { stripBOM: true });
}

function bomOf(data: Uint8Array): { encoding: string; length: number } | null {
  const b = (i: number) => data[i] ?? -1;
  if (b(0) === 0xef && b(1) === 0xbb && b(2) === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b(0) === 0xff && b(1) === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b(0) === 0xfe && b(1) === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 with no mark: English text puts a NUL in every high byte ("P\0a\0t\0"). Most odd (LE) or
 * even (BE) bytes NUL and almost none of the others decides it; scattered NULs in UTF-8 text do not.
 */
function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.4 && evenNul <= pairs * 0.05) return 'utf-16le';
  if (evenNul >= pairs * 0.4 && oddNul <= pairs * 0.05) return 'utf-16be';
  return null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Not UTF-8: a single-byte encoding. chardet names ISO-8859-1 for Western text, but records saved
 * on Windows use Windows-1252, which differs only in 0x80–0x9F — curly quotes, dashes, "…" — that
 * ISO-8859-1 leaves as invisible C1 controls. With such bytes present it is Windows-1252.
 */
function singleByteEncoding(sample: Uint8Array): string | null {
  const guess = chardet.analyse(sample).find((m) => m.confidence >= 10 && iconv.encodingExists(m.name) && !/^(utf|ascii)/i.test(m.name));
  if (!guess) return null;
  const name = guess.name.toLowerCase();
  if (name === 'iso-8859-1' && sample.some((b) => b >= 0x80 && b <= 0x9f)) return 'windows-1252';
  return name;
}

// A sample can cut a multi-byte character in half; drop the partial tail before validating.
export function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  let back = 0;
  while (end > 0 && back < 4 && ((bytes[end - 1] ?? 0) & 0xc0) === 0x80) {
    end--;
    back++;
  }
  if (end > 0 && ((bytes[end - 1] ?? 0) & 0x80) !== 0) end--;
  return bytes.subarray(0, end);
}
