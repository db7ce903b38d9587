// /api/flags: the analyst's queue across bundles (filters, paging, counts), its CSV export, one flag,
// and its review trail — a review records the token's name and id and the time.
import { z } from 'zod';
import { FlagPageSchema, FlagRecordSchema, FlagReviewSchema } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { FlagIdSchema } from '../api-ids.js';
import type { ApiRouter } from '../api-route.js';
import { BulkReviewBodySchema, NewReviewBodySchema, ReviewListSchema } from '../api-schemas.js';
import { FlagExportQuerySchema, FlagQuerySchema, toFlagFilter } from '../flag-query.js';
import { flagsToCsv } from '../flags-csv.js';
import { notFound } from '../http-error.js';

const IdParams = z.object({ id: FlagIdSchema }).strict();

export function flagRoutes(router: ApiRouter, { store }: { store: Store }): void {
  router.add({
    method: 'POST',
    url: '/api/flags/reviews',
    tag: 'flags',
    role: 'analyst',
    summary: 'One decision with one note on several flags (all recorded, or none)',
    description: 'Each flag gets its own entry in its audit trail. A dismissal needs a note.',
    body: BulkReviewBodySchema,
    responses: {
      201: { description: 'the reviews as recorded, one per flag', schema: ReviewListSchema },
      400: { description: 'no flags, no decision, or a dismissal without a note' },
      404: { description: 'a flag does not exist (nothing was recorded)' },
    },
    handler: async ({ body, principal, request }) => {
      const who = principal as NonNullable<typeof principal>;
      const items = await store.addFlagReviews(body.ids, { decision: body.decision, note: body.note, reviewer: who.name, tokenId: who.tokenId });
      request.log.info({ flags: items.length, decision: body.decision, token: who.tokenId }, 'flags reviewed together');
      return { status: 201, body: { items } };
    },
  });

  router.add({
    method: 'GET',
    url: '/api/flags',
    tag: 'flags',
    role: 'analyst',
    summary: 'Flags across bundles, most severe first, with counts by kind and by status',
    query: FlagQuerySchema,
    responses: { 200: { description: 'a page of flags, the total and the counts', schema: FlagPageSchema } },
    handler: async ({ query }) => ({ status: 200, body: await store.listFlags(toFlagFilter(query)) }),
  });

  router.add({
    method: 'GET',
    url: '/api/flags.csv',
    tag: 'flags',
    role: 'analyst',
    summary: 'The filtered flag list as CSV (the same filters as GET /api/flags; up to 10,000 rows)',
    query: FlagExportQuerySchema,
    responses: {
      200: { description: 'one row per flag: id, bundle, kind, severity, status, date, summary, evidence quotes with file names and pages, pages, events, reviews', contentType: 'text/csv' },
    },
    handler: async ({ query, reply, request }) => {
      const page = await store.listFlags(toFlagFilter(query));
      const names = await store.documentNames([...new Set(page.items.map((r) => r.bundleId))]);
      request.log.info({ rows: page.items.length, total: page.total }, 'flags exported');
      const day = new Date().toISOString().slice(0, 10);
      await reply
        .code(200)
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="chartline-flags-${day}.csv"`)
        .header('X-Total-Count', String(page.total))
        .send(flagsToCsv(page.items, names));
      return { sent: true };
    },
  });

  router.add({
    method: 'GET',
    url: '/api/flags/:id',
    tag: 'flags',
    role: 'reviewer',
    summary: 'One flag with its status',
    params: IdParams,
    responses: { 200: { description: 'the flag', schema: FlagRecordSchema }, 404: { description: 'no such flag' } },
    handler: async ({ params }) => {
      const flag = await store.getFlag(params.id);
      if (!flag) throw notFound(`no flag ${params.id}`);
      return { status: 200, body: flag };
    },
  });

  router.add({
    method: 'GET',
    url: '/api/flags/:id/reviews',
    tag: 'flags',
    role: 'reviewer',
    summary: "A flag's audit trail, oldest first",
    params: IdParams,
    responses: { 200: { description: 'every decision taken on the flag', schema: ReviewListSchema }, 404: { description: 'no such flag' } },
    handler: async ({ params }) => {
      if (!(await store.getFlag(params.id))) throw notFound(`no flag ${params.id}`);
      return { status: 200, body: { items: await store.listFlagReviews(params.id) } };
    },
  });

  router.add({
    method: 'POST',
    url: '/api/flags/:id/reviews',
    tag: 'flags',
    role: 'reviewer',
    summary: 'Decide on a flag: confirm, dismiss or needs-info, with a note',
    description: "Appends to the audit trail (who: the token's name; when: now) and sets the flag's status to confirmed, dismissed or needs-info. A dismissal needs a note (400 without).",
    params: IdParams,
    body: NewReviewBodySchema,
    responses: { 201: { description: 'the review as recorded', schema: FlagReviewSchema }, 400: { description: 'no decision, or a dismissal without a note' }, 404: { description: 'no such flag' } },
    handler: async ({ params, body, principal, request }) => {
      const who = principal as NonNullable<typeof principal>;
      const review = await store.addFlagReview({ flagId: params.id, decision: body.decision, note: body.note, reviewer: who.name, tokenId: who.tokenId });
      request.log.info({ flag: params.id, bundle: review.bundleId, decision: review.decision, review: review.id, token: who.tokenId }, 'flag reviewed');
      return { status: 201, body: review };
    },
  });
}
