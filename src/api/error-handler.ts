// Every error becomes {statusCode, error, message} (or, for a page, an HTML page saying the same):
// the caller's own mistakes keep their message, anything else is a 500 with the request id to find
// it in the log — never a stack trace. The log gets ids and the error's name, not record text.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, StoreLockedError, StoreUnavailableError } from '../store/store-errors.js';
import { errorBody, HttpError, STATUS_NAMES, TooManyRequestsError } from './http-error.js';

export function statusOf(err: unknown): number {
  if (err instanceof HttpError) return err.statusCode;
  if (err instanceof NotFoundError) return 404;
  if (err instanceof StoreUnavailableError || err instanceof StoreLockedError) return 503;
  const code = (err as FastifyError).statusCode;
  if (typeof code === 'number' && code >= 400 && code < 500) return code;
  return 500;
}

/** fastify's own client-error messages, made plainer */
function clientMessage(err: FastifyError, status: number): string {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported Content-Type: send JSON (application/json) or, for uploads, multipart/form-data';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the JSON body is empty';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return `the body is not valid JSON${err.message ? ` (${err.message})` : ''}`;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'the request body is too large';
    default:
      if (err instanceof SyntaxError) return `the body is not valid JSON (${err.message})`;
      return err.message || STATUS_NAMES[status] || 'bad request';
  }
}

export type PageErrorRenderer = (request: FastifyRequest, status: number, message: string) => Promise<string> | string;

export function isPageRequest(request: FastifyRequest): boolean {
  if ((request.routeOptions.config as { page?: boolean } | undefined)?.page) return true;
  const url = request.url;
  if (url.startsWith('/api/') || url === '/api' || url.startsWith('/healthz') || url.startsWith('/admin/')) return false;
  return /text\/html/.test(request.headers.accept ?? '');
}

export function installErrorHandling(app: FastifyInstance, renderPage: PageErrorRenderer): void {
  const send = async (request: FastifyRequest, reply: FastifyReply, status: number, message: string) => {
    if (status === 401) reply.header('WWW-Authenticate', 'Bearer realm="chartline"');

    if (isPageRequest(request))
      return reply
        .code(status)
        .type('text/html; charset=utf-8')
        .send(await renderPage(request, status, message));
    return reply.code(status).type('application/json; charset=utf-8').send(errorBody(status, message));
  };
  app.setErrorHandler(async (err: FastifyError, request, reply) => {
    const status = statusOf(err);
    if (err instanceof TooManyRequestsError) reply.header('Retry-After', String(err.retryAfterSeconds));
    if (status >= 500) {
      request.log.error({ route: request.routeOptions.url, errName: err.name, errCode: err.code }, 'request failed');
      const message = status === 503 ? 'the database is not available right now; try again shortly' : `internal error (request ${request.id}; the server log has the details)`;
      return send(request, reply, status, message);
    }
    return send(request, reply, status, err instanceof HttpError ? err.message : clientMessage(err, status));
  });
  app.setNotFoundHandler(async (request, reply) => send(request, reply, 404, `no such page or route: ${request.method} ${request.url.split('?')[0]}`));
}
