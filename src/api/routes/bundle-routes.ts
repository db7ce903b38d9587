// /api/bundles: upload a bundle (it is stored and queued at once), list bundles with their status and
// progress, one bundle's documents, and its timeline (the `chartline process` contract).
import { z } from 'zod';
import { defaultBundleName } from '../../cli/inputs.js';
import type { BundleQueue } from '../../queue/bundle-queue.js';
import { TimelineSchema } from '../../schema.js';
import { BundleListSchema } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { BundleIdSchema } from '../api-ids.js';
import type { ApiRouter } from '../api-route.js';
import { BundleDetailSchema, BundleListQuerySchema, UploadFieldsSchema, UploadFormSchema, UploadResultSchema } from '../api-schemas.js';
import { badRequest, conflict, HttpError, notFound, payloadTooLarge } from '../http-error.js';
import { readUpload } from '../read-upload.js';
import { formatBytes, type UploadLimits } from '../upload-limits.js';
import { parseInput } from '../zod-input.js';

export interface BundleRouteDeps {
  store: Store;
  queue: BundleQueue;
  limits: UploadLimits;
}

const IdParams = z.object({ id: BundleIdSchema }).strict();

/** a plain HTML form post (no script) gets a redirect back to the pages instead of JSON */
function fromHtmlForm(accept: string | undefined): boolean {
  return /text\/html/.test(accept ?? '') && !/application\/json/.test(accept ?? '');
}

export function bundleRoutes(router: ApiRouter, { store, queue, limits }: BundleRouteDeps): void {
  router.add({
    method: 'POST',
    url: '/api/bundles',
    tag: 'bundles',
    role: 'intake',
    summary: 'Upload a bundle of record files and queue it',
    description: `multipart/form-data with one part named "files" per file (PDF or text), and optionally name, bundleId and referenceDate. Limits: ${formatBytes(limits.maxFileBytes)} per file, ${limits.maxFiles} files, ${formatBytes(limits.maxTotalBytes)} in all (413 past them). The same files uploaded again under the same id add nothing (added: false).`,
    bodyDoc: { contentType: 'multipart/form-data', schema: UploadFormSchema },
    responses: {
      202: { description: 'stored and queued; poll GET /api/bundles/{id} for progress', schema: UploadResultSchema },
      409: { description: 'a bundle with this id is already queued with other files' },
      413: { description: 'a file, the number of files, or the whole upload is over the limit' },
      415: { description: 'not multipart/form-data' },
    },
    handler: async ({ request, reply, principal }) => {
      const length = Number(request.headers['content-length'] ?? 0);
      if (length > limits.maxTotalBytes + limits.maxFiles * 1024 + 65_536) throw payloadTooLarge(`the upload is larger than ${formatBytes(limits.maxTotalBytes)} in all`);
      const upload = await readUpload(request, limits);
      const fields = parseInput(UploadFieldsSchema, upload.fields, 'form');
      if (upload.files.length === 0) throw badRequest('no files: send one or more parts named "files" (PDF or text)');
      const name = fields.name ?? defaultBundleName(upload.files.map((f) => f.name));
      let result;
      try {
        result = await queue.enqueue({ files: upload.files, name, named: fields.name !== undefined, bundleId: fields.bundleId, referenceDate: fields.referenceDate }, { blobs: store.blobs, store });
      } catch (err) {
        const message = (err as Error).message;
        if (/already queued with other files/.test(message)) {
          throw conflict(`${fields.bundleId ? `bundle ${fields.bundleId}` : 'this bundle'} is already queued with other files; give this upload another bundleId`);
        }
        if (/invalid bundle id/.test(message)) throw new HttpError(400, message);
        throw err;
      }
      request.log.info({ bundle: result.bundleId, files: upload.files.length, bytes: upload.bytes, added: result.added, token: principal?.tokenId }, 'bundle uploaded');
      if (fromHtmlForm(request.headers.accept)) {
        await reply.redirect('/bundles', 303);
        return { sent: true };
      }
      const bundle = await store.getBundle(result.bundleId);
      return { status: 202, body: { ...result, bundle } };
    },
  });

  router.add({
    method: 'GET',
    url: '/api/bundles',
    tag: 'bundles',
    role: 'intake',
    summary: 'Bundles, newest first, with status and progress',
    query: BundleListQuerySchema,
    responses: { 200: { description: 'a page of bundles and the total', schema: BundleListSchema } },
    handler: async ({ query }) => ({ status: 200, body: await store.listBundles(query) }),
  });

  router.add({
    method: 'GET',
    url: '/api/bundles/:id',
    tag: 'bundles',
    role: 'intake',
    summary: "One bundle: status, progress and each document's state",
    params: IdParams,
    responses: { 200: { description: 'the bundle and its documents', schema: BundleDetailSchema }, 404: { description: 'no such bundle' } },
    handler: async ({ params }) => {
      const bundle = await store.getBundle(params.id);
      if (!bundle) throw notFound(`no bundle ${params.id}`);
      return { status: 200, body: { bundle, documents: await store.listBundleDocuments(params.id) } };
    },
  });

  router.add({
    method: 'GET',
    url: '/api/bundles/:id/timeline',
    tag: 'bundles',
    role: 'reviewer',
    summary: "A processed bundle's timeline: the same JSON as `chartline process`",
    params: IdParams,
    responses: {
      200: { description: 'documents, dated events in order, flags', schema: TimelineSchema },
      404: { description: 'no such bundle' },
      409: { description: 'the bundle has no timeline yet (queued, processing or failed)' },
    },
    handler: async ({ params }) => {
      const timeline = await store.getTimeline(params.id);
      if (!timeline) {
        const bundle = await store.getBundle(params.id);
        if (!bundle) throw notFound(`no bundle ${params.id}`);
        throw conflict(`bundle ${params.id} has no timeline yet (${bundle.status}, ${bundle.progress}%)${bundle.error ? `: ${bundle.error}` : ''}`);
      }
      return { status: 200, body: timeline };
    },
  });
}
