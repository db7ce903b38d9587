// The web pages: server-rendered HTML over the same store the API reads. A page needs the same token
// as the API, kept after sign-in in an HttpOnly session cookie; without one a page redirects to
// /login, with a role too low it answers 403.
import { closeSync, openSync, readSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiRole, BundleList } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import { BundleIdSchema, FlagIdSchema } from '../api-ids.js';
import { BulkReviewFormSchema, DISMISS_NEEDS_NOTE, LoginFormSchema, ReviewFormSchema, type Principal } from '../api-schemas.js';
import type { Authenticator } from '../auth/authenticate.js';
import { clearedSessionCookie, SESSION_MAX_AGE_S, sessionCookie } from '../auth/cookies.js';
import { readCredential } from '../auth/credentials.js';
import type { FailureLimits } from '../auth/failure-limit.js';
import { describeRoleNeeded, roleAllows } from '../auth/roles.js';
import { isSameOrigin } from '../auth/same-origin.js';
import { FlagQuerySchema, flagQueryString, toFlagFilter } from '../flag-query.js';
import { forbidden, notFound } from '../http-error.js';
import { ASSETS } from '../pages/assets.js';
import { renderBundleRows, renderBundlesPage, unreadableOf } from '../pages/bundles-page.js';
import { renderFlagPage, type QueuePosition } from '../pages/flag-page.js';
import { renderFlagsPage } from '../pages/flags-page.js';
import { renderLogin } from '../pages/login-page.js';
import { originalPagePng } from '../page-image-route.js';
import { renderSourcePage } from '../pages/source-page.js';
import { renderBundleStatusPage, renderChronologyPage } from '../pages/chronology-page.js';
import type { UploadLimits } from '../upload-limits.js';
import { ChronologyQuerySchema, toChronologyFilter } from '../chronology-query.js';
import { isPdf } from '../page-images/page-image-cache.js';
import { filterRows, isFiltered } from '../../export/chronology-filter.js';
import { ExportUnavailableError, loadExportData, preparedTimeline, type ExportData } from '../../export/export-data.js';
import { flagSides } from '../../export/flag-sides.js';
import { describeIssues, parseInput } from '../zod-input.js';
import { PageParamsSchema } from './document-routes.js';

export interface PageRouteDeps {
  store: Store;
  auth: Authenticator;
  limits: UploadLimits;
  authLimits: FailureLimits;
}

const PAGE = { page: true };

/** only a path on this site: never an open redirect */
export function safeNext(next: string | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/bundles';
  return next;
}

function secure(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

const SourceQuerySchema = z
  .object({
    start: z.coerce.number().int().min(0).optional(),
    end: z.coerce.number().int().min(0).optional(),
    bundle: BundleIdSchema.optional(),
  })
  .strict();

/** anything odd in the sign-in page's query is ignored: it must always show */
const LoginQuerySchema = z.object({ next: z.string().max(2000).optional(), signedOut: z.string().max(1).optional() });

/** whether the stored original is a PDF (its first KiB), without reading the whole file */
function originalIsPdf(store: Store, sha256: string): boolean {
  try {
    const fd = openSync(store.blobs.pathOf(sha256), 'r');
    try {
      const head = Buffer.alloc(1024);
      const n = readSync(fd, head, 0, head.length, 0);
      return isPdf(head.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

function openFlagIds(data: ExportData): Set<string> {
  return new Set(data.flags.filter((f) => f.record.status === 'open' || f.record.status === 'needs-info').map((f) => f.flag.id));
}

export function pageRoutes(app: FastifyInstance, { store, auth, limits, authLimits }: PageRouteDeps): void {
  /** the signed-in caller with at least `role`; null when the reply is already a redirect to /login */
  async function signedIn(request: FastifyRequest, reply: FastifyReply, role: ApiRole): Promise<Principal | null> {
    const identity = await auth.identify(request);
    if ('error' in identity) {
      if (identity.error.statusCode !== 401) throw identity.error;
      const next = request.method === 'GET' ? request.url : '/bundles';
      await reply.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
      return null;
    }
    if (!roleAllows(identity.principal.role, role)) {
      throw forbidden(`this page needs ${describeRoleNeeded(role)}; you are signed in as "${identity.principal.name}" (${identity.principal.role})`);
    }
    return identity.principal;
  }

  /** why documents could not be read, for the bundles that have such documents (or failed) */
  async function unreadableDocuments(list: BundleList): Promise<Map<string, { name: string; reason: string }[]>> {
    const out = new Map<string, { name: string; reason: string }[]>();
    const affected = list.items.filter((b) => b.documentsUnreadable > 0 || b.status === 'failed').slice(0, 50);
    await Promise.all(affected.map(async (b) => out.set(b.id, unreadableOf(await store.listBundleDocuments(b.id)))));
    return out;
  }

  const htmlReply = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(body);

  for (const a of Object.values(ASSETS)) {
    app.get(a.path, async (request, reply) => {
      const versioned = (request.query as { v?: string }).v === a.url.split('v=')[1];
      return reply
        .type(a.contentType)
        .header('Cache-Control', versioned ? 'public, max-age=31536000, immutable' : 'no-cache')
        .send(a.body);
    });
  }

  app.get('/', { config: PAGE }, async (_request, reply) => reply.redirect('/bundles', 303));

  app.get('/login', { config: PAGE }, async (request, reply) => {
    const q = LoginQuerySchema.safeParse(request.query ?? {});
    const next = q.success ? q.data.next : undefined;
    return htmlReply(reply, renderLogin({ next: safeNext(next), signedOut: q.success && q.data.signedOut === '1' }));
  });

  // sign-in posts are limited per address whatever their outcome; failed ones also count towards the
  // block on every credential (failure-limit.ts)
  app.post('/login', { config: { ...PAGE, rateLimit: { max: authLimits.maxSignIns, timeWindow: authLimits.windowMs } } }, async (request, reply) => {
    if (!isSameOrigin(request.headers as Record<string, string>, request)) throw forbidden("sign in from chartline's own sign-in page");
    auth.failures?.assertNotBlocked(request);
    const form = LoginFormSchema.safeParse(request.body ?? {});
    if (!form.success) return htmlReply(reply, renderLogin({ error: describeIssues(form.error.issues, 'form') }), 400);
    const record = await store.verifyApiToken(form.data.token);
    if (!record) {
      request.log.info({ route: '/login' }, 'sign-in refused: unknown or revoked token');
      await auth.failures?.fail(request);
      return htmlReply(reply, renderLogin({ error: 'That token is not valid (unknown or revoked).', next: safeNext(form.data.next) }), 401);
    }
    // the cookie gets a new random session id, never the token: signing out or revoking the token ends it
    const session = await store.createSession(record.id, SESSION_MAX_AGE_S);
    request.log.info({ token: record.id, role: record.role }, 'signed in');
    reply.header('Set-Cookie', sessionCookie(session.id, secure(request)));
    return reply.redirect(safeNext(form.data.next), 303);
  });

  // a cross-site form must not sign anyone out (CSRF): same origin only, and the session ends on the server
  app.post('/logout', { config: PAGE }, async (request, reply) => {
    if (!isSameOrigin(request.headers as Record<string, string>, request)) throw forbidden("sign out from chartline's own pages (cross-site request refused)");
    const cred = readCredential(request.headers as { authorization?: string; cookie?: string });
    if (cred?.via === 'cookie') await store.revokeSession(cred.session);
    reply.header('Set-Cookie', clearedSessionCookie(secure(request)));
    return reply.redirect('/login?signedOut=1', 303);
  });

  app.get('/bundles', { config: PAGE }, async (request, reply) => {
    const principal = await signedIn(request, reply, 'intake');
    if (!principal) return reply;
    const list = await store.listBundles({ limit: 100 });
    return htmlReply(reply, renderBundlesPage({ principal, list, limits, unreadable: await unreadableDocuments(list) }));
  });

  // the table's rows alone, for the bundles page to refresh itself while bundles are processed
  app.get('/bundles/rows', { config: PAGE }, async (request, reply) => {
    const principal = await signedIn(request, reply, 'intake');
    if (!principal) return reply;
    const list = await store.listBundles({ limit: 100 });
    return htmlReply(reply, renderBundleRows(list, principal, await unreadableDocuments(list)).value);
  });

  // reviewers get the chronology; intake (and anyone while it is processed) the bundle's status, with
  // every document's state and what could not be read
  app.get('/bundles/:id', { config: PAGE }, async (request, reply) => {
    const principal = await signedIn(request, reply, 'intake');
    if (!principal) return reply;
    const { id } = parseInput(z.object({ id: BundleIdSchema }), request.params, 'params');
    const query = parseInput(ChronologyQuerySchema, request.query, 'query');
    const bundle = await store.getBundle(id);
    if (!bundle) throw notFound(`no bundle ${id}`);
    if (!bundle.hasTimeline || !roleAllows(principal.role, 'reviewer')) {
      return htmlReply(reply, renderBundleStatusPage({ principal, bundle, documents: await store.listBundleDocuments(id) }));
    }
    const filter = toChronologyFilter(query);
    const data = await loadExportData(store, id, { generatedBy: principal.name }).catch((err: unknown) => {
      if (err instanceof ExportUnavailableError) return null;
      throw err;
    });
    if (!data) return htmlReply(reply, renderBundleStatusPage({ principal, bundle, documents: await store.listBundleDocuments(id) }));
    // the rows are all sent; the script shows those the filter keeps (and so does the server without it)
    data.rows = isFiltered(filter) ? filterRows(data.chronology.rows, filter, openFlagIds(data)) : data.chronology.rows;
    const textHits = filter.q ? await store.searchBundleText(id, filter.q, 100) : null;
    return htmlReply(reply, renderChronologyPage({ principal, data, filter, textHits }));
  });

  app.get('/documents/:id/pages/:n', { config: PAGE }, async (request, reply) => {
    const principal = await signedIn(request, reply, 'reviewer');
    if (!principal) return reply;
    const params = parseInput(PageParamsSchema, request.params, 'params');
    const q = parseInput(SourceQuerySchema, request.query, 'query');
    const page = await store.getPage(params.id, params.n);
    if (!page) throw notFound(`no page ${params.n} of document ${params.id}`);
    const range = q.start !== undefined && q.end !== undefined && q.end >= q.start ? { start: q.start, end: q.end } : null;
    const next = range && range.end > page.text.length && page.num < page.pageCount ? await store.getPage(page.sha256, page.num + 1) : null;
    const doc = await store.findDocument(page.sha256, q.bundle);
    // an OCR'd page is shown beside its picture: the reviewer checks the reading against the scan
    const info = q.bundle ? (await store.getTimeline(q.bundle))?.documents.find((d) => d.sha256 === page.sha256)?.pageInfo?.find((p) => p.num === page.num) : undefined;
    const ocr = info?.text === 'ocr' && store.blobs.has(page.sha256) ? { confidence: info.confidence, image: `/documents/${encodeURIComponent(page.documentId)}/pages/${page.num}/image` } : null;
    return htmlReply(reply, renderSourcePage({ principal, page, next, range, documentName: doc?.name ?? null, bundleId: q.bundle ?? null, hasImage: originalIsPdf(store, page.sha256), ocr }));
  });

  app.get('/documents/:id/pages/:n/image', { config: PAGE }, async (request, reply) => {
    const principal = await signedIn(request, reply, 'reviewer');
    if (!principal) return reply;
    const params = parseInput(PageParamsSchema, request.params, 'params');
    const page = await store.getPage(params.id, params.n);
    if (!page || !store.blobs.has(page.sha256)) throw notFound(`no picture of page ${params.n} of document ${params.id}`);
    const png = await originalPagePng(store.blobs.pathOf(page.sha256), page.num);
    if (!png) throw notFound(`document ${params.id} has no page pictures (it is not a PDF or an image)`);
    return reply.type('image/png').header('Cache-Control', 'private, max-age=3600').send(png);
  });

  app.get('/flags', { config: PAGE }, async (request, reply) => {
    const principal = await signedIn(request, reply, 'analyst');
    if (!principal) return reply;
    // "done" and "decision" report a bulk decision just recorded; the rest are the queue's filters
    const { done, decision, ...filters } = (request.query ?? {}) as Record<string, unknown>;
    const query = parseInput(FlagQuerySchema, filters, 'query');
    const [page, bundles] = await Promise.all([store.listFlags(toFlagFilter(query)), store.listBundles({ limit: 1000 })]);
    const recorded = typeof done === 'string' && /^\d+$/.test(done) && typeof decision === 'string' ? { count: Number(done), decision: decision.slice(0, 20) } : undefined;
    return htmlReply(reply, renderFlagsPage({ principal, query, page, bundles: bundles.items, done: recorded }));
  });

  /** where a flag stands in the queue it was opened from (the flags page's filters, in its order) */
  async function queuePosition(id: string, rawQuery: unknown): Promise<QueuePosition | null> {
    const parsed = FlagQuerySchema.safeParse(rawQuery ?? {});
    if (!parsed.success) return null;
    const { limit: _l, offset: _o, ...filters } = parsed.data;
    const ids = await store.listFlagIds(toFlagFilter(filters));
    const index = ids.indexOf(id);
    if (index < 0) return null;
    return { index, total: ids.length, prev: ids[index - 1] ?? null, next: ids[index + 1] ?? null, query: flagQueryString(filters) };
  }

  async function flagPage(
    request: FastifyRequest,
    reply: FastifyReply,
    principal: Principal,
    id: string,
    extra: { error?: string; note?: string; status?: number; queue?: QueuePosition | null } = {},
  ) {
    const record = await store.getFlag(id);
    if (!record) throw notFound(`no flag ${id}`);
    const [reviews, documents, timeline, queue] = await Promise.all([
      store.listFlagReviews(id),
      store.listBundleDocuments(record.bundleId),
      preparedTimeline(store, record.bundleId),
      extra.queue !== undefined ? extra.queue : queuePosition(id, request.query),
    ]);
    const documentNames = new Map(documents.map((d) => [d.documentId, d.name]));
    const events = timeline?.events ?? [];
    const byId = new Map(events.map((e) => [e.id, e]));
    const sides = flagSides(record.flag, events);
    const concerned = record.flag.eventIds.map((e) => byId.get(e)).filter((e): e is NonNullable<typeof e> => !!e);
    return htmlReply(reply, renderFlagPage({ principal, record, reviews, documentNames, sides, events: concerned, queue, error: extra.error, note: extra.note }), extra.status ?? 200);
  }

  app.get('/flags/:id', { config: PAGE }, async (request, reply) => {
    const principal = await signedIn(request, reply, 'reviewer');
    if (!principal) return reply;
    const { id } = parseInput(z.object({ id: FlagIdSchema }), request.params, 'params');
    return flagPage(request, reply, principal, id);
  });

  app.post('/flags/:id/reviews', { config: PAGE }, async (request, reply) => {
    const principal = await signedIn(request, reply, 'reviewer');
    if (!principal) return reply;
    const { id } = parseInput(z.object({ id: FlagIdSchema }), request.params, 'params');
    const body = (request.body ?? {}) as { note?: unknown; queue?: unknown };
    const queueText = typeof body.queue === 'string' && body.queue.startsWith('?') ? body.queue : '';
    const queue = await queuePosition(id, Object.fromEntries(new URLSearchParams(queueText)));
    const form = ReviewFormSchema.safeParse(request.body ?? {});
    if (!form.success) {
      const note = typeof body.note === 'string' ? body.note : undefined;
      const dismissWithoutNote = form.error.issues.some((i) => i.message === DISMISS_NEEDS_NOTE);
      return flagPage(request, reply, principal, id, {
        error: dismissWithoutNote ? `Not recorded: ${DISMISS_NEEDS_NOTE}.` : `Choose confirm, dismiss or needs-info (${describeIssues(form.error.issues, 'form')})`,
        note,
        status: 400,
        queue,
      });
    }
    if (!(await store.getFlag(id))) throw notFound(`no flag ${id}`);
    const review = await store.addFlagReview({ flagId: id, decision: form.data.decision, note: form.data.note, reviewer: principal.name, tokenId: principal.tokenId });
    request.log.info({ flag: id, bundle: review.bundleId, decision: review.decision, review: review.id, token: principal.tokenId }, 'flag reviewed');
    const q = queue?.query ?? '';
    // "record and open the next": the next of the queue as it was when the flag was opened
    if (form.data.next && FlagIdSchema.safeParse(form.data.next).success) return reply.redirect(`/flags/${form.data.next}${q}`, 303);
    return reply.redirect(`/flags/${id}${q}#audit-trail`, 303);
  });

  // several flags, one decision, one note (the flags page's selection)
  app.post('/flags/reviews', { config: PAGE }, async (request, reply) => {
    const principal = await signedIn(request, reply, 'analyst');
    if (!principal) return reply;
    const body = (request.body ?? {}) as { back?: unknown; note?: unknown };
    const back = typeof body.back === 'string' && body.back.startsWith('?') ? body.back : '';
    const form = BulkReviewFormSchema.safeParse(request.body ?? {});
    if (!form.success) {
      const query = parseInput(FlagQuerySchema, Object.fromEntries(new URLSearchParams(back)), 'query');
      const [page, bundles] = await Promise.all([store.listFlags(toFlagFilter(query)), store.listBundles({ limit: 1000 })]);
      const message = form.error.issues.some((i) => i.message === DISMISS_NEEDS_NOTE) ? `Not recorded: ${DISMISS_NEEDS_NOTE}.` : `Not recorded: ${describeIssues(form.error.issues, 'form')}`;
      return htmlReply(reply, renderFlagsPage({ principal, query, page, bundles: bundles.items, error: message, note: typeof body.note === 'string' ? body.note : '' }), 400);
    }
    const reviews = await store.addFlagReviews(form.data.id, { decision: form.data.decision, note: form.data.note, reviewer: principal.name, tokenId: principal.tokenId });
    request.log.info({ flags: reviews.length, decision: form.data.decision, token: principal.tokenId }, 'flags reviewed together');
    const sep = back ? '&' : '?';
    return reply.redirect(`/flags${back}${sep}done=${reviews.length}&decision=${form.data.decision}`, 303);
  });
}
