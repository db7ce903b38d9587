// GET /api/bundles/:id/export?format=docx|xlsx|pdf|csv|json — the chronology as a file, with the
// page's filters (so an export holds the rows on screen); GET /api/bundles/:id/search?q= — pages of
// the bundle's records whose text holds the words, with the words around them.
import { z } from 'zod';
import { ChromiumMissingError } from '../../export/chromium.js';
import { ExportUnavailableError, loadExportData } from '../../export/export-data.js';
import { exporterFor, exportFormats } from '../../export/exporters.js';
import { exportFileName } from '../../export/formats.js';
import type { Store } from '../../store/store.js';
import { BundleIdSchema } from '../api-ids.js';
import type { ApiRouter } from '../api-route.js';
import { ChronologyQuerySchema, toChronologyFilter } from '../chronology-query.js';
import { badRequest, conflict, HttpError, notFound } from '../http-error.js';
import { dispositionName } from './original-routes.js';

const IdParams = z.object({ id: BundleIdSchema }).strict();

export const ExportQuerySchema = ChronologyQuerySchema.extend({
  format: z.string().describe('docx, xlsx, pdf, csv or json (every registered exporter)'),
  detail: z.enum(['summary', 'full']).default('summary').describe('summary: one line per visit; full: every statement under its visit too'),
}).strict();

const SearchQuerySchema = z.object({ q: z.string().trim().min(1, 'give words to find').max(200), limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

export const TextSearchResultSchema = z
  .object({
    q: z.string(),
    pages: z.number().int().describe('pages that contain the words (hits lists up to limit of them)'),
    hits: z.array(
      z
        .object({
          documentId: z.string(),
          documentName: z.string(),
          page: z.number().int(),
          start: z.number().int().describe('where the words start in the page text'),
          end: z.number().int(),
          before: z.string(),
          match: z.string(),
          after: z.string(),
        })
        .strict(),
    ),
  })
  .strict();

export function exportRoutes(router: ApiRouter, { store }: { store: Store }): void {
  router.add({
    method: 'GET',
    url: '/api/bundles/:id/export',
    tag: 'bundles',
    role: 'reviewer',
    summary: 'The chronology as Word, Excel, PDF, CSV or JSON, with the same filters as the page',
    description:
      "A header (bundle, claimant and claim number when the records state them, date of injury, date range, documents), one page-cited row per visit or report, the flags with both sides quoted and their review status, and the reviewers' notes. PDF needs Chromium on the server (503 without it).",
    params: IdParams,
    query: ExportQuerySchema,
    responses: {
      200: { description: 'the file, as an attachment', contentType: 'application/octet-stream' },
      404: { description: 'no such bundle' },
      409: { description: 'the bundle has no timeline yet' },
      503: { description: 'PDF asked for and no Chromium on the server' },
    },
    handler: async ({ params, query, reply, request, principal }) => {
      const exporter = exporterFor(query.format);
      if (!exporter) throw badRequest(`query.format: one of ${exportFormats().join(', ')}, not "${query.format}"`);
      let data;
      try {
        data = await loadExportData(store, params.id, { filter: toChronologyFilter(query), generatedBy: principal?.name ?? null });
      } catch (err) {
        if (err instanceof ExportUnavailableError) throw conflict(err.message);
        throw err;
      }
      if (!data) throw notFound(`no bundle ${params.id}`);
      let body: Uint8Array | string;
      try {
        body = await exporter.write(data, { detail: query.detail });
      } catch (err) {
        if (err instanceof ChromiumMissingError) throw new HttpError(503, err.message);
        throw err;
      }
      const name = dispositionName(exportFileName(data, exporter));
      request.log.info({ bundle: params.id, format: exporter.format, rows: data.rows.length, token: principal?.tokenId }, 'chronology exported');
      await reply
        .code(200)
        .type(exporter.contentType)
        .header('Content-Disposition', `attachment; filename="${name.ascii}"; filename*=UTF-8''${name.utf8}`)
        .header('Cache-Control', 'private, no-store')
        .header('X-Row-Count', String(data.rows.length))
        .send(typeof body === 'string' ? body : Buffer.from(body));
      return { sent: true };
    },
  });

  router.add({
    method: 'GET',
    url: '/api/bundles/:id/search',
    tag: 'bundles',
    role: 'reviewer',
    summary: "Pages of the bundle's records whose text contains the words (case-insensitive), with the words around them",
    params: IdParams,
    query: SearchQuerySchema,
    responses: { 200: { description: 'matching pages in document and page order', schema: TextSearchResultSchema }, 404: { description: 'no such bundle' } },
    handler: async ({ params, query }) => {
      const bundle = await store.getBundle(params.id);
      if (!bundle) throw notFound(`no bundle ${params.id}`);
      const [found, documents] = await Promise.all([store.searchBundleText(params.id, query.q, query.limit), store.listBundleDocuments(params.id)]);
      const names = new Map(documents.map((d) => [d.documentId, d.name]));
      return { status: 200, body: { q: query.q, pages: found.pages, hits: found.hits.map(({ sha256: _sha, ...h }) => ({ ...h, documentName: names.get(h.documentId) ?? h.documentId })) } };
    },
  });
}
