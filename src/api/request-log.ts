// One log line per request: method, the route's pattern, status, time and the token's id. No URLs
// with their query strings, no bodies, no names: a log must never carry record text.
import type { FastifyInstance } from 'fastify';
import type { Authenticator } from './auth/authenticate.js';

export function installRequestLog(app: FastifyInstance, auth: Authenticator): void {
  app.addHook('onResponse', async (request, reply) => {
    if (request.routeOptions.url === '/healthz') return;
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        token: auth.tokenIdOf(request),
      },
      'request',
    );
  });
}
