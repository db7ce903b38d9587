// bull-board, the queue dashboard, at /admin/queues for operators: the same sign-in as the pages
// (or a bearer token), analyst role.
import type { FastifyInstance } from 'fastify';
import type { BundleQueue } from '../../queue/bundle-queue.js';
import type { Authenticator } from '../auth/authenticate.js';
import { describeRoleNeeded, roleAllows } from '../auth/roles.js';
import { errorBody } from '../http-error.js';

export const DASHBOARD_PATH = '/admin/queues';

export async function queueDashboard(app: FastifyInstance, { auth, queue }: { auth: Authenticator; queue: BundleQueue }): Promise<void> {
  const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/fastify'),
  ]);
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
    const adapter = new FastifyAdapter();
    adapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: [new BullMQAdapter(queue.queues.bundles, { readOnlyMode: false }), new BullMQAdapter(queue.queues.documents)],
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: 'chartline queues' } },
    });
    await scope.register(adapter.registerPlugin(), { prefix: DASHBOARD_PATH });
  });
}
