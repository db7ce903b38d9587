// What the store hands out, as zod schemas (the API validates its responses and builds its OpenAPI
// document from them) and the types inferred from them. Timestamps are ISO 8601 strings.
import { z } from 'zod';
import { DocumentErrorSchema, FlagKindSchema, FlagSchema, PartialDateSchema, SEVERITIES } from '../schema.js';

export const BUNDLE_STATUSES = ['queued', 'processing', 'completed', 'failed'] as const;
export const BundleStatusSchema = z.enum(BUNDLE_STATUSES);
export type BundleStatus = z.infer<typeof BundleStatusSchema>;

export const BundleRecordSchema = z
  .object({
    id: z.string(),
    name: z.string().describe('the name in the timeline ("bundle")'),
    status: BundleStatusSchema,
    documentsTotal: z.number().int(),
    documentsDone: z.number().int().describe('documents read so far (including unreadable ones)'),
    documentsUnreadable: z.number().int().describe('documents that could not be read at all (known once the timeline is built)'),
    progress: z.number().int().min(0).max(100).describe('percent'),
    referenceDate: z.string().nullable().describe('the "today" dates were read against, YYYY-MM-DD'),
    error: z.string().nullable(),
    hasTimeline: z.boolean().describe('a complete timeline can be read (also while a reprocessing runs)'),
    createdAt: z.string(),
    updatedAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .strict();
export type BundleRecord = z.infer<typeof BundleRecordSchema>;

export const BundleListSchema = z.object({ items: z.array(BundleRecordSchema), total: z.number().int() }).strict();
export type BundleList = z.infer<typeof BundleListSchema>;

export const DOCUMENT_STATES = ['queued', 'processing', 'done', 'failed'] as const;
export const DocumentStateSchema = z.enum(DOCUMENT_STATES);

export const BundleDocumentSchema = z
  .object({
    bundleId: z.string(),
    ordinal: z.number().int().describe('position of the document in the bundle'),
    documentId: z.string().describe('the id sources refer to (sha256 prefix)'),
    sha256: z.string(),
    name: z.string(),
    state: DocumentStateSchema,
    pages: z.number().int().nullable(),
    errors: z.array(DocumentErrorSchema),
    error: z.string().nullable().describe('why processing failed, when it did'),
    updatedAt: z.string(),
  })
  .strict();
export type BundleDocument = z.infer<typeof BundleDocumentSchema>;

export const PageRecordSchema = z
  .object({
    documentId: z.string(),
    sha256: z.string(),
    num: z.number().int().min(1),
    pageCount: z.number().int(),
    text: z.string().describe('the clean page text source offsets (start, end) refer to'),
  })
  .strict();
export type PageRecord = z.infer<typeof PageRecordSchema>;

export const FLAG_STATUSES = ['open', 'confirmed', 'dismissed', 'needs-info'] as const;
export const FlagStatusSchema = z.enum(FLAG_STATUSES);
export type FlagStatus = z.infer<typeof FlagStatusSchema>;

export const REVIEW_DECISIONS = ['confirm', 'dismiss', 'needs-info'] as const;
export const ReviewDecisionSchema = z.enum(REVIEW_DECISIONS);
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;

/** the status a flag takes after a decision */
export const STATUS_AFTER: Record<ReviewDecision, FlagStatus> = { confirm: 'confirmed', dismiss: 'dismissed', 'needs-info': 'needs-info' };

export const FlagRecordSchema = z
  .object({
    id: z.string().describe("stable id across bundles (the flag's own id is flag.id)"),
    bundleId: z.string(),
    bundleName: z.string(),
    status: FlagStatusSchema,
    reviews: z.number().int().describe('entries in the audit trail'),
    flag: FlagSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type FlagRecord = z.infer<typeof FlagRecordSchema>;

export const FlagFilterSchema = z
  .object({
    kind: z.array(FlagKindSchema).optional(),
    severity: z.array(z.enum(SEVERITIES)).optional(),
    status: z.array(FlagStatusSchema).optional(),
    bundleId: z.string().optional(),
    dateFrom: PartialDateSchema.optional().describe('flags whose date overlaps [dateFrom, dateTo]; undated flags are left out'),
    dateTo: PartialDateSchema.optional(),
    limit: z.number().int().min(1).max(10_000).default(50).describe('up to 10,000 (a CSV export takes one page)'),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type FlagFilter = z.input<typeof FlagFilterSchema>;

export const FlagPageSchema = z
  .object({
    items: z.array(FlagRecordSchema),
    total: z.number().int().describe('matching flags, ignoring limit and offset'),
    counts: z
      .object({
        byKind: z.record(z.string(), z.number().int()).describe('with every filter but kind'),
        byStatus: z.record(z.string(), z.number().int()).describe('with every filter but status'),
      })
      .strict(),
  })
  .strict();
export type FlagPage = z.infer<typeof FlagPageSchema>;

export const NewFlagReviewSchema = z
  .object({
    decision: ReviewDecisionSchema,
    note: z.string().max(10_000).default(''),
  })
  .strict();

export const FlagReviewSchema = z
  .object({
    id: z.number().int(),
    flagId: z.string(),
    bundleId: z.string(),
    decision: ReviewDecisionSchema,
    note: z.string(),
    reviewer: z.string(),
    tokenId: z.string().nullable(),
    createdAt: z.string(),
  })
  .strict();
export type FlagReview = z.infer<typeof FlagReviewSchema>;

export const API_ROLES = ['intake', 'reviewer', 'analyst', 'admin'] as const;
export const ApiRoleSchema = z.enum(API_ROLES);
export type ApiRole = z.infer<typeof ApiRoleSchema>;

export const ApiTokenRecordSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: ApiRoleSchema,
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .strict();
export type ApiTokenRecord = z.infer<typeof ApiTokenRecordSchema>;
