// GET /api/flags (and the flags page, and the CSV export) query string → the store's FlagFilter.
// Lists are comma-separated or repeated (`kind=a,b` or `kind=a&kind=b`); dates are YYYY, YYYY-MM or
// YYYY-MM-DD and match flags whose date overlaps the range.
import { z } from 'zod';
import { FLAG_KINDS, FlagKindSchema, SEVERITIES } from '../schema.js';
import { FLAG_STATUSES, FlagStatusSchema, type FlagFilter } from '../store/records.js';
import { BundleIdSchema } from './api-ids.js';
import { CalendarPartialDateSchema } from './api-schemas.js';

function listOf<T extends z.ZodType<unknown, string>>(item: T, values: readonly string[]) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item))
    .optional()
    .describe(`comma-separated or repeated: ${values.join(', ')}`);
}

export const FlagQuerySchema = z
  .object({
    kind: listOf(FlagKindSchema, FLAG_KINDS),
    severity: listOf(z.enum(SEVERITIES), SEVERITIES),
    status: listOf(FlagStatusSchema, FLAG_STATUSES),
    bundle: BundleIdSchema.optional().describe("only this bundle's flags"),
    from: CalendarPartialDateSchema.optional().describe('flags dated on or after (overlapping) this date; undated flags are left out'),
    to: CalendarPartialDateSchema.optional().describe('flags dated on or before (overlapping) this date'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type FlagQuery = z.output<typeof FlagQuerySchema>;

/** the CSV export takes the same filters, and every matching flag up to 10,000 */
export const FlagExportQuerySchema = FlagQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(10_000).default(10_000),
}).strict();

export function toFlagFilter(q: Omit<FlagQuery, 'limit' | 'offset'> & { limit?: number; offset?: number }): FlagFilter {
  const f: FlagFilter = {};
  if (q.kind?.length) f.kind = q.kind;
  if (q.severity?.length) f.severity = q.severity;
  if (q.status?.length) f.status = q.status;
  if (q.bundle) f.bundleId = q.bundle;
  if (q.from) f.dateFrom = q.from;
  if (q.to) f.dateTo = q.to;
  if (q.limit !== undefined) f.limit = q.limit;
  if (q.offset !== undefined) f.offset = q.offset;
  return f;
}

/** the same filters as a query string (paging links, the CSV link), without limit/offset unless asked */
export function flagQueryString(q: Partial<FlagQuery>, paging: { limit?: number; offset?: number } = {}): string {
  const p = new URLSearchParams();
  if (q.kind?.length) p.set('kind', q.kind.join(','));
  if (q.severity?.length) p.set('severity', q.severity.join(','));
  if (q.status?.length) p.set('status', q.status.join(','));
  if (q.bundle) p.set('bundle', q.bundle);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  if (paging.limit !== undefined) p.set('limit', String(paging.limit));
  if (paging.offset) p.set('offset', String(paging.offset));
  const s = p.toString();
  return s ? `?${s}` : '';
}
