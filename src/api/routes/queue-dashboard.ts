// bull-board, the queue dashboard, at /admin/queues for operators: the same sign-in as the pages
// (or a bearer token), analyst role. An app holding patient records makes no request to any other
// host: bull-board's page asks Google for its fonts, so that link is taken out of the page (the
// board falls back to the system's fonts); a link leads back to chartline.
import type { FastifyInstance } from 'fastify';
import type { BundleQueue } from '../../queue/bundle-queue.js';
import type { Authenticator } from '../auth/authenticate.js';
import { describeRoleNeeded, roleAllows } from '../auth/roles.js';
import { errorBody } from '../http-error.js';

export const DASHBOARD_PATH = '/admin/queues';

const BACK_LINK =
  '<a id="chartline-back" href="/bundles" style="position:fixed;right:1rem;bottom:1rem;z-index:9999;background:#16213a;color:#fff;padding:.45rem .8rem;border-radius:6px;font:14px system-ui,sans-serif;text-decoration:none;box-shadow:0 2px 10px rgba(0,0,0,.3)">← Back to chartline</a>';

/** a way back to the app on every dashboard page */
export function withBackLink(page: string): string {
  return page.includes('</body>') ? page.replace('</body>', `${BACK_LINK}</body>`) : page;
}

/** the dashboard page without anything it would load from another host (stylesheets, scripts, fonts) */
export function stripOutsideRequests(page: string): string {
  return page.replace(/<link\b[^>]*\bhref="https?:\/\/[^"]*"[^>]*>/gi, '').replace(/<script\b[^>]*\bsrc="https?:\/\/[^"]*"[^>]*>\s*<\/script>/gi, '');
}

export async function queueDashboard(app: FastifyInstance, { auth, queue }: { auth: Authenticator; queue: BundleQueue }): Promise<void> {
  const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter }] = await Promise.all([import('@bull-board/api'), import('@bull-board/api/bullMQAdapter'), import('@bull-board/fastify')]);
  await app.register(async (scope) => {
    // answered here, not thrown: bull-board's own error handler would wrap a thrown error
    scope.addHook('onRequest', async (request, reply) => {
      const identity = await auth.identify(request);
      if ('error' in identity) {
        if (identity.error.statusCode === 401 && request.method === 'GET' && /text\/html/.test(request.headers.accept ?? '')) {
          return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
        }
        if (identity.error.statusCode === 401) reply.header('WWW-Authenticate', 'Bearer realm="chartline"');
        return reply.code(identity.error.statusCode).send(errorBody(identity.error.statusCode, identity.error.message));
      }
      if (!roleAllows(identity.principal.role, 'analyst')) {
        return reply.code(403).send(errorBody(403, `the queue dashboard needs ${describeRoleNeeded('analyst')}; the token "${identity.principal.name}" has the role ${identity.principal.role}`));
      }
    });
    scope.addHook('onSend', async (_request, reply, payload) => {
      if (typeof payload !== 'string' || !String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
      return withBackLink(stripOutsideRequests(payload));
    });
    const adapter = new FastifyAdapter();
    adapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: [new BullMQAdapter(queue.queues.bundles, { readOnlyMode: false }), new BullMQAdapter(queue.queues.documents)],
      serverAdapter: adapter,
      options: {
        uiConfig: {
          boardTitle: 'chartline queues',
          miscLinks: [{ text: '← Back to chartline', url: '/bundles' }],
          hideDocsLink: true,
          favIcon: { default: 'data:,', alternative: 'data:,' },
        },
      },
    });
    await scope.register(adapter.registerPlugin(), { prefix: DASHBOARD_PATH });
  });
}
