// The chronology as JSON, for other systems: the case, each visit or report with its statements (event
// ids, dates, words, page cites), and the flags with both sides quoted and their review trail. The
// shape is ChronologyExportSchema (zod), the same every time.
import { z } from 'zod';
import type { ExportData } from './export-data.js';
import { flagSides } from './flag-sides.js';
import type { ExportOptions } from './formats.js';

const Cite = z.object({ document: z.string(), documentName: z.string(), page: z.number().int(), start: z.number().int(), end: z.number().int(), quote: z.string() }).strict();

export const ChronologyExportSchema = z
  .object({
    bundle: z.object({ id: z.string(), name: z.string() }).strict(),
    case: z.object({ claimant: z.string().nullable(), claimNumber: z.string().nullable(), injuryDate: z.string().nullable(), employer: z.string().nullable() }).strict(),
    range: z.object({ from: z.string().nullable(), to: z.string().nullable() }).strict(),
    filter: z.string().describe('what the rows were filtered by; "" for all'),
    generatedAt: z.string(),
    rows: z.array(
      z
        .object({
          id: z.string(),
          date: z.string().nullable(),
          type: z.string(),
          provider: z.string().nullable(),
          facility: z.string().nullable(),
          summary: z.string(),
          document: z.object({ id: z.string(), name: z.string() }).strict(),
          pages: z.array(z.number().int()),
          encounterId: z.string().nullable(),
          flags: z.array(z.string()),
          statements: z
            .array(
              z
                .object({
                  eventId: z.string(),
                  group: z.string(),
                  type: z.string(),
                  date: z.string().nullable(),
                  text: z.string(),
                  page: z.number().int(),
                  start: z.number().int(),
                  end: z.number().int(),
                })
                .strict(),
            )
            .optional(),
        })
        .strict(),
    ),
    flags: z.array(
      z
        .object({
          id: z.string(),
          flagId: z.string(),
          kind: z.string(),
          severity: z.string(),
          status: z.string(),
          date: z.string().nullable(),
          summary: z.string(),
          rows: z.array(z.string()),
          sides: z.array(z.object({ role: z.string(), derived: z.boolean(), quotes: z.array(Cite) }).strict()),
          reviews: z.array(z.object({ decision: z.string(), reviewer: z.string(), note: z.string(), at: z.string() }).strict()),
        })
        .strict(),
    ),
  })
  .strict();
export type ChronologyExport = z.infer<typeof ChronologyExportSchema>;

export function chronologyJson(data: ExportData, options: ExportOptions): string {
  const name = (id: string) => data.documentNames.get(id) ?? id;
  const out: ChronologyExport = {
    bundle: { id: data.bundle.id, name: data.timeline.bundle },
    case: data.facts,
    range: { from: data.chronology.from, to: data.chronology.to },
    filter: data.filterText,
    generatedAt: data.generatedAt,
    rows: data.rows.map((r) => ({
      id: r.id,
      date: r.date,
      type: r.kind,
      provider: r.provider,
      facility: r.facility,
      summary: r.summary,
      document: { id: r.document.id, name: r.document.name },
      pages: r.pages,
      encounterId: r.encounterId,
      flags: data.flags.filter((f) => r.flagIds.includes(f.flag.id)).map((f) => f.record.id),
      ...(options.detail === 'full'
        ? {
            statements: r.items.map((i) => ({
              eventId: i.event.id,
              group: i.group,
              type: i.event.type,
              date: i.event.date,
              text: i.text,
              page: i.event.source.page,
              start: i.event.source.start,
              end: i.event.source.end,
            })),
          }
        : {}),
    })),
    flags: data.flags.map((f) => ({
      id: f.record.id,
      flagId: f.flag.id,
      kind: f.flag.kind,
      severity: f.flag.severity,
      status: f.record.status,
      date: f.flag.date,
      summary: f.flag.summary,
      rows: f.rowIds,
      sides: flagSides(f.flag, data.timeline.events).map((s) => ({
        role: s.role,
        derived: s.derived,
        quotes: s.quotes.map((q) => ({ document: q.document, documentName: name(q.document), page: q.page, start: q.start, end: q.end, quote: q.quote })),
      })),
      reviews: f.reviews.map((v) => ({ decision: v.decision, reviewer: v.reviewer, note: v.note, at: v.createdAt })),
    })),
  };
  return `${JSON.stringify(ChronologyExportSchema.parse(out), null, 2)}\n`;
}
