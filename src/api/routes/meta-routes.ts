// /healthz (no token: for load balancers and compose), /api/me (who the token is), and the OpenAPI
// document of every route.
import type { BundleQueue } from '../../queue/bundle-queue.js';
import type { Store } from '../../store/store.js';
import type { ApiRouter } from '../api-route.js';
import { HealthSchema, PrincipalSchema } from '../api-schemas.js';
import { buildOpenApi } from '../openapi.js';

async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export function metaRoutes(router: ApiRouter, { store, queue, version }: { store: Store; queue: BundleQueue; version: string }): void {
  router.add({
    method: 'GET',
    url: '/healthz',
    tag: 'meta',
    role: null,
    summary: 'Health: the database and Redis answer (no token needed)',
    responses: { 200: { description: 'healthy', schema: HealthSchema }, 503: { description: 'the database or Redis does not answer', schema: HealthSchema } },
    handler: async () => {
      const [db, redis] = await Promise.all([
        within(3000, store.db.query('select 1')).then(
          () => 'ok' as const,
          () => 'unavailable' as const,
        ),
        within(3000, queue.queues.bundles.getJobCounts('active')).then(
          () => 'ok' as const,
          () => 'unavailable' as const,
        ),
      ]);
      const ok = db === 'ok' && redis === 'ok';
      return { status: ok ? 200 : 503, body: { status: ok ? 'ok' : 'unavailable', store: db, queue: redis } };
    },
  });

  router.add({
    method: 'GET',
    url: '/api/me',
    tag: 'meta',
    role: 'intake',
    summary: "The token's name and role",
    responses: { 200: { description: 'who is asking', schema: PrincipalSchema } },
    handler: async ({ principal }) => ({ status: 200, body: principal }),
  });

  let document: unknown;
  router.add({
    method: 'GET',
    url: '/api/openapi.json',
    tag: 'meta',
    role: 'intake',
    summary: 'This API as an OpenAPI 3.1 document, generated from its zod schemas',
    responses: { 200: { description: 'the OpenAPI document' } },
    handler: async () => {
      document ??= buildOpenApi(router.docs, { version });
      return { status: 200, body: document };
    },
  });
}
