// /api/documents/:id/pages/:n — a source page's clean text: the text every source.start/end offset
// of an event or flag points into.
import { z } from 'zod';
import { PageRecordSchema } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { DocumentIdSchema, PageNumberSchema } from '../api-ids.js';
import type { ApiRouter } from '../api-route.js';
import { notFound } from '../http-error.js';

export const PageParamsSchema = z.object({ id: DocumentIdSchema, n: PageNumberSchema.describe('1-based page number') }).strict();

export function documentRoutes(router: ApiRouter, { store }: { store: Store }): void {
  router.add({
    method: 'GET',
    url: '/api/documents/:id/pages/:n',
    tag: 'documents',
    role: 'reviewer',
    summary: "A source page's text (what source offsets refer to)",
    params: PageParamsSchema,
    responses: { 200: { description: 'the page', schema: PageRecordSchema }, 404: { description: 'no such document or page' } },
    handler: async ({ params }) => {
      const page = await store.getPage(params.id, params.n);
      if (!page) throw notFound(`no page ${params.n} of document ${params.id}`);
      return { status: 200, body: page };
    },
  });
}
