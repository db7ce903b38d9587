// The chartline web server (fastify): the JSON API under /api, the pages, the queue dashboard, and
// /healthz. It reads the same store the workers write and enqueues uploads on the same queue.
//
//   const app = await buildServer({ store, queue });
//   await app.listen({ port: 8080, host: '127.0.0.1' });
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { BundleQueue } from '../queue/bundle-queue.js';
import { silentLogger, type Logger } from '../queue/logger.js';
import type { Store } from '../store/store.js';
import { ApiRouter } from './api-route.js';
import { Authenticator } from './auth/authenticate.js';
import { FailureLimiter, failureLimitsFromEnv, type FailureLimits } from './auth/failure-limit.js';
import { installErrorHandling } from './error-handler.js';
import { renderErrorPage } from './pages/error-page.js';
import { installRequestLog } from './request-log.js';
import { bundleRoutes } from './routes/bundle-routes.js';
import { documentRoutes } from './routes/document-routes.js';
import { fhirRoutes } from './routes/fhir-routes.js';
import { flagRoutes } from './routes/flag-routes.js';
import { exportRoutes } from './routes/export-routes.js';
import { tokenApiRoutes, tokenPageRoutes } from './routes/token-routes.js';
import { metaRoutes } from './routes/meta-routes.js';
import { originalRoutes } from './routes/original-routes.js';
import { PageImageCache } from './page-images/page-image-cache.js';
import { pageRoutes } from './routes/page-routes.js';
import { queueDashboard } from './routes/queue-dashboard.js';
import { installSecurityHeaders } from './security-headers.js';
import { uploadLimitsFromEnv, type UploadLimits } from './upload-limits.js';

export interface ServerOptions {
  store: Store;
  queue: BundleQueue;
  /** pino logger (ids and counts only); default: silent */
  logger?: Logger;
  /** upload limits; unset ones come from the environment (CHARTLINE_UPLOAD_MAX_*) */
  limits?: Partial<UploadLimits>;
  /** how many failed credentials and sign-ins a client may send; unset ones come from the environment */
  authLimits?: Partial<FailureLimits>;
  /** trust X-Forwarded-* from a reverse proxy (default: CHARTLINE_TRUST_PROXY=1) */
  trustProxy?: boolean;
  /** mount bull-board at /admin/queues (default true) */
  dashboard?: boolean;
  version?: string;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store, queue } = options;
  const limits: UploadLimits = { ...uploadLimitsFromEnv(), ...Object.fromEntries(Object.entries(options.limits ?? {}).filter(([, v]) => v !== undefined)) };
  const app = Fastify({
    loggerInstance: options.logger ?? silentLogger(),
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    // behind a TLS-terminating proxy: request.protocol from X-Forwarded-Proto (the session cookie is then Secure)
    trustProxy: options.trustProxy ?? ['1', 'true'].includes(process.env.CHARTLINE_TRUST_PROXY ?? ''),
  }) as unknown as FastifyInstance;

  // the pages' plain forms (sign-in, decisions)
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
    // a repeated field (the flags page's checkboxes: id=…&id=…) becomes a list
    const out: Record<string, string | string[]> = Object.create(null);
    for (const [k, v] of new URLSearchParams(body as string)) {
      const had = out[k];
      out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
    }
    done(null, { ...out });
  });
  await app.register(multipart, { limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles } });

  // counted per client address; routes opt in (sign-in), and failed credentials are counted by hand
  await app.register(rateLimit, { global: false });
  const authLimits: FailureLimits = { ...failureLimitsFromEnv(), ...Object.fromEntries(Object.entries(options.authLimits ?? {}).filter(([, v]) => v !== undefined)) };
  const auth = new Authenticator(store, new FailureLimiter(app, authLimits));
  installErrorHandling(app, async (request, status, message) => {
    const identity = await auth.identify(request).catch(() => null);
    return renderErrorPage(status, message, identity && 'principal' in identity ? identity.principal : null);
  });
  installRequestLog(app, auth);
  installSecurityHeaders(app);

  const router = new ApiRouter(app, auth);
  metaRoutes(router, { store, queue, version: options.version ?? '0.1.0' });
  bundleRoutes(router, { store, queue, limits });
  flagRoutes(router, { store });
  documentRoutes(router, { store });
  const images = new PageImageCache(store);
  app.addHook('onClose', async () => {
    await images.close();
    await (await import('../export/chromium.js')).closeBrowser();
  });
  originalRoutes(router, { store, images });
  exportRoutes(router, { store });
  tokenApiRoutes(router, { store });
  fhirRoutes(router, { store });
  pageRoutes(app, { store, auth, limits, authLimits });
  tokenPageRoutes(app, { store, auth });
  if (options.dashboard !== false) await queueDashboard(app, { auth, queue });
  return app;
}
