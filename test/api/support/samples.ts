// Record files from samples/lumbar-mri-dispute for API and browser tests: the orthopedic consult
// (its exam contradicts its own discussion: exam_plan_mismatch) and the pain-management note before
// it (medial branch blocks "helped", the consult says "no relief": contradiction).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { InputFile } from '../../../src/ingest/ingest-document.js';

export const LUMBAR_DIR = resolve('samples/lumbar-mri-dispute');

export function lumbarFiles(names?: readonly string[]): InputFile[] {
  const all = readdirSync(LUMBAR_DIR)
    .filter((n) => n.endsWith('.pdf'))
    .sort();
  return (names ?? all).map((name) => ({ name, data: new Uint8Array(readFileSync(join(LUMBAR_DIR, name))) }));
}

export const CONSULT = '07-ortho-spine-consult-2014-08-25.pdf';
export const PAIN_NOTE = '06-pr2-pain-management-2014-07-29.pdf';
