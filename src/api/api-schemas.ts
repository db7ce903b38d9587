// Request and response bodies of the JSON API that are not the store's records (those are in
// src/store/records.ts, the timeline in src/schema.ts). Every route validates against these, and
// /api/openapi.json is generated from them.
import { z } from 'zod';
import { ApiRoleSchema, BundleDocumentSchema, BundleRecordSchema, BundleStatusSchema, FlagReviewSchema, ReviewDecisionSchema } from '../store/records.js';
import { isCalendarDay, isCalendarPartialDate } from '../reference-day.js';
import { BundleIdSchema, FlagIdSchema } from './api-ids.js';

export const BundleListQuerySchema = z
  .object({
    status: BundleStatusSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const ReferenceDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isCalendarDay, 'not a calendar date (e.g. 2016-02-31 has no such day)')
  .describe('read dates in the records against this day instead of today (YYYY-MM-DD)');

/** YYYY, YYYY-MM or YYYY-MM-DD naming a real month or day, in query strings (from, to) */
export const CalendarPartialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY-MM-DD, YYYY-MM or YYYY')
  .refine(isCalendarPartialDate, 'not a calendar date (no such month or day)');

/** the text fields of the multipart upload (the files come as parts named "files") */
// a browser sends the form's empty fields as "": each means "use the default"
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const UploadFieldsSchema = z
  .object({
    name: z.preprocess(blank, z.string().trim().min(1).max(200).optional()).describe("the bundle's name (default, or blank: the first file's name)"),
    bundleId: z.preprocess(blank, BundleIdSchema.optional()).describe("the bundle's id (default: derived from the name and the files)"),
    referenceDate: z.preprocess(blank, ReferenceDateSchema.optional()).describe('read dates in the records against this day (default, or blank: today)'),
  })
  .strict();

export const UploadFormSchema = UploadFieldsSchema.extend({
  files: z
    .array(z.string().meta({ format: 'binary' }))
    .min(1)
    .describe('the record files (PDF or text); several parts named "files"'),
});

export const UploadResultSchema = z
  .object({
    bundleId: z.string(),
    name: z.string(),
    referenceDate: z.string(),
    added: z.boolean().describe('false when the same bundle with the same files was already queued: nothing new was added'),
    documents: z.array(z.object({ name: z.string(), sha256: z.string() }).strict()),
    bundle: BundleRecordSchema.nullable(),
  })
  .strict();
export type UploadResult = z.infer<typeof UploadResultSchema>;

export const BundleDetailSchema = z.object({ bundle: BundleRecordSchema, documents: z.array(BundleDocumentSchema) }).strict();

/** a dismissal says why: the audit trail must show what the reviewer checked */
export const DISMISS_NEEDS_NOTE = 'a dismissal needs a note: say why this is not a discrepancy (what you checked)';
const needsNoteToDismiss = (r: { decision: string; note: string }) => r.decision !== 'dismiss' || r.note.trim().length > 0;

export const NewReviewBodySchema = z
  .object({
    decision: ReviewDecisionSchema.describe('confirm: the discrepancy is real; dismiss: it is not (a note is required); needs-info: cannot tell from the records'),
    note: z.string().max(10_000).default('').describe('why; required to dismiss; shown in the audit trail'),
  })
  .strict()
  .refine(needsNoteToDismiss, { message: DISMISS_NEEDS_NOTE, path: ['note'] });

export const BulkReviewBodySchema = z
  .object({
    ids: z.array(FlagIdSchema).min(1, 'select at least one flag').max(500).describe('the flags (FlagRecord.id) to decide on together'),
    decision: ReviewDecisionSchema,
    note: z.string().max(10_000).default('').describe('one note for all of them; required to dismiss'),
  })
  .strict()
  .refine(needsNoteToDismiss, { message: DISMISS_NEEDS_NOTE, path: ['note'] });

export const ReviewListSchema = z.object({ items: z.array(FlagReviewSchema) }).strict();

export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    store: z.enum(['ok', 'unavailable']),
    queue: z.enum(['ok', 'unavailable']),
  })
  .strict();

export const PrincipalSchema = z
  .object({
    tokenId: z.string(),
    name: z.string(),
    role: ApiRoleSchema,
    via: z.enum(['bearer', 'cookie']),
  })
  .strict();
export type Principal = z.infer<typeof PrincipalSchema>;

export const LoginFormSchema = z
  .object({
    token: z.string().trim().min(1, 'enter a token').max(500),
    next: z.string().max(2000).optional(),
  })
  .strict();

export const ReviewFormSchema = z
  .object({
    decision: ReviewDecisionSchema,
    note: z.string().max(10_000).default(''),
    /** the queue the flag was opened from (its filters), to go on to the next one */
    queue: z.string().max(2000).optional(),
    next: z.string().max(2000).optional(),
  })
  .strict()
  .refine(needsNoteToDismiss, { message: DISMISS_NEEDS_NOTE, path: ['note'] });

/** the flags page's form: several flags, one decision, one note (ids repeated or comma-separated) */
export const BulkReviewFormSchema = z
  .object({
    id: z
      .union([FlagIdSchema, z.array(FlagIdSchema)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
    decision: ReviewDecisionSchema,
    note: z.string().max(10_000).default(''),
    back: z.string().max(2000).optional(),
  })
  .strict()
  .refine((r) => r.id.length > 0, { message: 'select at least one flag', path: ['id'] })
  .refine(needsNoteToDismiss, { message: DISMISS_NEEDS_NOTE, path: ['note'] });
