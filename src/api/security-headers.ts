// Headers on every answer: no MIME sniffing, no referrer leaving the site (URLs carry bundle ids);
// on the pages a strict Content-Security-Policy (scripts and styles from this origin only) and no
// framing. The queue dashboard brings its own markup and is left out of the policy.
import type { FastifyInstance } from 'fastify';
import { DASHBOARD_PATH } from './routes/queue-dashboard.js';

export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    if (!request.url.startsWith(DASHBOARD_PATH)) {
      const type = String(reply.getHeader('content-type') ?? '');
      if (type.startsWith('text/html')) {
        reply.header('Content-Security-Policy', PAGE_CSP);
        reply.header('X-Frame-Options', 'DENY');
        reply.header('Cache-Control', 'no-store');
      }
      if (type.startsWith('application/json') || type.startsWith('text/csv')) reply.header('Cache-Control', 'no-store');
    }
    return payload;
  });
}
