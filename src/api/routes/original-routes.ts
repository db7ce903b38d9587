// The originals behind the text, for reviewers: any stored PDF page as an image (rendered once,
// cached), where a quote is on that image, and the original file itself to download. Kept apart from
// the text routes (document-routes.ts) and generic over every stored original: a renderer for scans
// that are not PDFs can be registered with the page-image cache.
import { z } from 'zod';
import type { Store } from '../../store/store.js';
import { BundleIdSchema, DocumentIdSchema, PageNumberSchema } from '../api-ids.js';
import type { ApiRouter } from '../api-route.js';
import { HttpError, notFound } from '../http-error.js';
import { isPdf, PageImageError, type PageImageCache } from '../page-images/page-image-cache.js';
import { quoteBoxes } from '../page-images/page-layout.js';

const DocParams = z.object({ id: DocumentIdSchema }).strict();
const PageParams = z.object({ id: DocumentIdSchema, n: PageNumberSchema.describe('1-based page number') }).strict();
const OriginalQuery = z.object({ bundle: BundleIdSchema.optional().describe('name the file as in this bundle') }).strict();
const BoxesQuery = z
  .object({
    start: z.coerce.number().int().min(0).describe("the quote's start in the page text (source.start)"),
    end: z.coerce.number().int().min(0).describe('one past its end (source.end)'),
  })
  .strict()
  .refine((q) => q.end >= q.start, 'end must not be before start');

const BoxSchema = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }).strict();
export const QuoteBoxesSchema = z
  .object({
    width: z.number().int().describe("the page image's width in pixels"),
    height: z.number().int(),
    found: z.boolean().describe('false when the quote could not be placed on the image (its text is still highlighted in the page text)'),
    boxes: z.array(BoxSchema).describe("rectangles over the quote, as fractions of the image's width and height from its top left"),
  })
  .strict();

/** a file name safe in a Content-Disposition header, keeping what it can of the original */
export function dispositionName(name: string): { ascii: string; utf8: string } {
  const base = name.split(/[\\/]/).pop() || 'original';
  const ascii = base.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return { ascii, utf8: encodeURIComponent(base) };
}

function pageImageFailure(err: unknown): never {
  if (err instanceof PageImageError) {
    if (err.reason === 'failed') throw new HttpError(500, err.message);
    throw notFound(err.message);
  }
  throw err;
}

export function originalRoutes(router: ApiRouter, { store, images }: { store: Store; images: PageImageCache }): void {
  router.add({
    method: 'GET',
    url: '/api/documents/:id/original',
    tag: 'documents',
    role: 'reviewer',
    summary: 'Download the original file as it was uploaded',
    params: DocParams,
    query: OriginalQuery,
    responses: { 200: { description: "the file's bytes (PDF, text, …)", contentType: 'application/octet-stream' }, 404: { description: 'no such document, or its original is not on this server' } },
    handler: async ({ params, query, reply, request, principal }) => {
      const doc = await store.findDocument(params.id, query.bundle);
      if (!doc) throw notFound(`no document ${params.id}`);
      const bytes = store.getOriginal(doc.sha256);
      if (!bytes) throw notFound(`the original of document ${params.id} is not in this server's blob store (CHARTLINE_BLOBS)`);
      const type = isPdf(bytes) ? 'application/pdf' : /\.txt$/i.test(doc.name ?? '') ? 'text/plain; charset=utf-8' : 'application/octet-stream';
      const name = dispositionName(doc.name ?? `${doc.documentId}${type === 'application/pdf' ? '.pdf' : ''}`);
      request.log.info({ document: doc.documentId, token: principal?.tokenId }, 'original downloaded');
      await reply
        .code(200)
        .type(type)
        .header('Content-Disposition', `attachment; filename="${name.ascii}"; filename*=UTF-8''${name.utf8}`)
        .header('Cache-Control', 'private, no-store')
        .send(Buffer.from(bytes));
      return { sent: true };
    },
  });

  router.add({
    method: 'GET',
    url: '/api/documents/:id/pages/:n/image',
    tag: 'documents',
    role: 'reviewer',
    summary: 'The original page as a PNG image (rendered once, then cached)',
    params: PageParams,
    responses: {
      200: { description: 'the page, 1100 pixels wide', contentType: 'image/png' },
      404: { description: 'no such document or page, or the original is not a PDF (a text file has no page image)' },
    },
    handler: async ({ params, reply }) => {
      const doc = await store.findDocument(params.id);
      if (!doc) throw notFound(`no document ${params.id}`);
      const image = await images.get(doc.sha256, params.n).catch(pageImageFailure);
      await reply.code(200).type('image/png').header('Cache-Control', 'private, max-age=86400').send(image.png);
      return { sent: true };
    },
  });

  router.add({
    method: 'GET',
    url: '/api/documents/:id/pages/:n/boxes',
    tag: 'documents',
    role: 'reviewer',
    summary: 'Where a quote (source.start–end of the page text) is on the page image',
    params: PageParams,
    query: BoxesQuery,
    responses: { 200: { description: 'the image size and the rectangles over the quote', schema: QuoteBoxesSchema }, 404: { description: 'no such page, or no page image' } },
    handler: async ({ params, query }) => {
      const page = await store.getPage(params.id, params.n);
      if (!page) throw notFound(`no page ${params.n} of document ${params.id}`);
      const image = await images.get(page.sha256, params.n).catch(pageImageFailure);
      const quote = page.text.slice(query.start, Math.min(query.end, page.text.length));
      // where to start looking: about as far into the page as the quote is in the clean text
      const hint = Math.max(0, page.text.slice(0, query.start).replace(/\s+/g, '').length - 400);
      const boxes = quoteBoxes(image.layout, quote, hint);
      return { status: 200, body: { width: image.layout.width, height: image.layout.height, found: boxes.length > 0, boxes } };
    },
  });
}
