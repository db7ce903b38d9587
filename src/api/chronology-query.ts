// The chronology's filters in a query string — the page (/bundles/:id?q=08%2F25&type=Imaging), the
// export route and the search route read the same names:
//   q         words or a date to find      from, to   YYYY[-MM[-DD]]    type      row kinds, comma-separated
//   provider  facility                     flags      flagged | open    detail    summary | full (exports)
import { z } from 'zod';
import { FLAG_FILTERS, type ChronologyFilter } from '../export/chronology-filter.js';
import { CalendarPartialDateSchema } from './api-schemas.js';

const blankIsAbsent = (v: unknown) => (v === '' ? undefined : v);

export const ChronologyQuerySchema = z
  .object({
    q: z.preprocess(blankIsAbsent, z.string().trim().max(200).optional()).describe('words or a date (08/25, 08/25/14, 2014-08) to find in the events; rows of that date match too'),
    from: z.preprocess(blankIsAbsent, CalendarPartialDateSchema.optional()).describe('rows dated on or after (overlapping) this date'),
    to: z.preprocess(blankIsAbsent, CalendarPartialDateSchema.optional()).describe('rows dated on or before (overlapping) this date'),
    type: z
      .preprocess(blankIsAbsent, z.union([z.string(), z.array(z.string())]).optional())
      .transform((v) =>
        v === undefined
          ? undefined
          : (Array.isArray(v) ? v : [v])
              .flatMap((s) => s.split(','))
              .map((s) => s.trim())
              .filter(Boolean),
      )
      .describe('row kinds, comma-separated or repeated, e.g. "Imaging,Therapy"'),
    provider: z.preprocess(blankIsAbsent, z.string().max(300).optional()),
    facility: z.preprocess(blankIsAbsent, z.string().max(300).optional()),
    flags: z.preprocess(blankIsAbsent, z.enum(FLAG_FILTERS).optional()).describe('flagged: rows with any flag; open: rows with an open flag'),
    jump: z.preprocess(blankIsAbsent, CalendarPartialDateSchema.optional()).describe('(page only) scroll to this date'),
  })
  .strict();
export type ChronologyQuery = z.output<typeof ChronologyQuerySchema>;

export function toChronologyFilter(q: ChronologyQuery): ChronologyFilter {
  const f: ChronologyFilter = {};
  if (q.q) f.q = q.q;
  if (q.from) f.from = q.from;
  if (q.to) f.to = q.to;
  if (q.type?.length) f.kinds = q.type;
  if (q.provider) f.provider = q.provider;
  if (q.facility) f.facility = q.facility;
  if (q.flags) f.flags = q.flags;
  return f;
}
