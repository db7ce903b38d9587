// One JSON API route: who may call it, its params, query and body as zod schemas, and what it answers.
// Routes are registered through ApiRouter so that every one is authenticated, validated the same way
// and listed in /api/openapi.json.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ApiRole } from '../store/records.js';
import type { Principal } from './api-schemas.js';
import type { Authenticator } from './auth/authenticate.js';
import { HttpError } from './http-error.js';
import { parseInput } from './zod-input.js';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface ResponseDoc {
  description: string;
  /** JSON body schema; omit for bodies described by contentType alone */
  schema?: z.ZodType;
  /** default application/json */
  contentType?: string;
}

export interface RequestBodyDoc {
  contentType: string;
  schema: z.ZodType;
}

export interface RouteDoc {
  method: 'GET' | 'POST';
  url: string;
  summary: string;
  description?: string;
  tag: string;
  /** the least role that may call it; null: no token needed */
  role: ApiRole | null;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** a body the handler reads itself (multipart), for the document only */
  bodyDoc?: RequestBodyDoc;
  responses: Record<number, ResponseDoc>;
}

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** null only on routes with role null */
  principal: Principal | null;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** what a handler answers: a status and a JSON body (checked against the route's schema), or a reply it sent itself */
export type RouteResult = { status: number; body: unknown } | { sent: true };

export interface RouteSpec<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined> extends RouteDoc {
  params?: P & z.ZodType;
  query?: Q & z.ZodType;
  body?: B & z.ZodType;
  handler(ctx: RouteContext<Out<P>, Out<Q>, Out<B>>): Promise<RouteResult>;
}

export class ApiRouter {
  readonly docs: RouteDoc[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly auth: Authenticator,
  ) {}

  add<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(spec: RouteSpec<P, Q, B>): void {
    const { handler, ...doc } = spec;
    this.docs.push(doc);
    this.app.route({
      method: spec.method,
      url: spec.url,
      handler: async (request, reply) => {
        const principal = spec.role ? await this.auth.require(request, spec.role) : null;
        const params = (spec.params ? parseInput(spec.params, request.params, 'params') : undefined) as Out<P>;
        const query = (spec.query ? parseInput(spec.query, request.query, 'query') : undefined) as Out<Q>;
        const body = (spec.body ? parseInput(spec.body, request.body, 'body') : undefined) as Out<B>;
        const result = await handler({ params, query, body, principal, request, reply });
        if ('sent' in result) return reply;
        const schema = spec.responses[result.status]?.schema;
        if (schema) {
          // the body is sent as the handler built it (a timeline keeps its key order); the schema only checks it
          const checked = schema.safeParse(result.body);
          if (!checked.success) {
            request.log.error({ route: spec.url, status: result.status, issues: checked.error.issues.length, path: checked.error.issues[0]?.path.join('.') }, 'response failed its schema');
            throw new HttpError(500, 'the server built a response that does not match its schema');
          }
        }
        return reply.code(result.status).type('application/json; charset=utf-8').send(JSON.stringify(result.body));
      },
    });
  }
}
