// What a job carries, validated by the worker before any work: a job from an older or foreign
// producer fails at once (UnrecoverableError) instead of retrying five times. Documents travel by
// reference — the sha256 of an original in the blob store — never as bytes in Redis.
import { z } from 'zod';
import { isCalendarDay } from '../reference-day.js';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256');
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(isCalendarDay, 'a real calendar day');

export const DocumentJobDataSchema = z
  .object({
    v: z.literal(1),
    bundleId: z.string().min(1),
    bundleName: z.string(),
    /** distinct documents in the bundle, for progress */
    documentsTotal: z.number().int().min(1),
    /** position of the document in the bundle */
    ordinal: z.number().int().min(0),
    sha256: Sha256,
    name: z.string().min(1),
    referenceDate: Day,
  })
  .strict();
export type DocumentJobData = z.infer<typeof DocumentJobDataSchema>;

export const BundleJobDataSchema = z
  .object({
    v: z.literal(1),
    bundleId: z.string().min(1),
    name: z.string(),
    referenceDate: Day,
    /** every input in order; a file given twice appears twice, as in `chartline process` */
    documents: z.array(z.object({ sha256: Sha256, name: z.string().min(1) }).strict()).min(1),
  })
  .strict();
export type BundleJobData = z.infer<typeof BundleJobDataSchema>;

/** A document job's return value: a summary for status, not the document (that is in the store). */
export interface DocumentJobResult {
  documentId: string;
  pages: number;
  events: number;
  errors: string[];
  /** ms: starting (the bundle and document rows), the pipeline (in its thread), storing the result */
  ms?: { begin: number; pipeline: number; store: number };
}

export interface BundleJobResult {
  documents: number;
  events: number;
  flags: number;
  /** ms spent collecting the document results, building the timeline, and storing it */
  ms: { collect: number; build: number; store: number };
}

/** What job.progress holds while a job runs. */
export interface JobProgress {
  percent: number;
  stage: string;
}
