// Tokens for admins, in the API and on the Tokens page: list (never the tokens themselves), create
// (the token is in the answer once), revoke (its sessions end at once). The same as `chartline token`.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ApiRoleSchema, ApiTokenRecordSchema } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import type { ApiRouter } from '../api-route.js';
import type { Authenticator } from '../auth/authenticate.js';
import { forbidden, notFound } from '../http-error.js';
import { renderTokensPage } from '../pages/tokens-page.js';
import { describeIssues, parseInput } from '../zod-input.js';
import { describeRoleNeeded, roleAllows } from '../auth/roles.js';

export const TokenIdSchema = z.string().regex(/^tok_[0-9a-f]{12}$/, 'not a token id (tok_ and 12 hex digits)');
const IdParams = z.object({ id: TokenIdSchema }).strict();
export const NewTokenSchema = z.object({ name: z.string().trim().min(1, 'a token needs a name (who or what uses it)').max(200), role: ApiRoleSchema }).strict();
const TokenListSchema = z.object({ items: z.array(ApiTokenRecordSchema.extend({ sessions: z.number().int().describe('sessions open with it') }).strict()) }).strict();
const CreatedTokenSchema = z.object({ token: z.string().describe('the bearer token: shown only now'), record: ApiTokenRecordSchema }).strict();

export function tokenApiRoutes(router: ApiRouter, { store }: { store: Store }): void {
  router.add({
    method: 'GET',
    url: '/api/tokens',
    tag: 'tokens',
    role: 'admin',
    summary: 'Every token with its role, last use and open sessions (never the token itself)',
    responses: { 200: { description: 'the tokens, oldest first', schema: TokenListSchema } },
    handler: async () => {
      const [tokens, sessions] = await Promise.all([store.listApiTokens(), store.countLiveSessions()]);
      return { status: 200, body: { items: tokens.map((t) => ({ ...t, sessions: sessions.get(t.id) ?? 0 })) } };
    },
  });
  router.add({
    method: 'POST',
    url: '/api/tokens',
    tag: 'tokens',
    role: 'admin',
    summary: 'Create a token (its value is in this answer only)',
    body: NewTokenSchema,
    responses: { 201: { description: 'the token and its record', schema: CreatedTokenSchema } },
    handler: async ({ body, principal, request }) => {
      const created = await store.createApiToken(body);
      request.log.info({ created: created.record.id, role: created.record.role, token: principal?.tokenId }, 'token created');
      return { status: 201, body: created };
    },
  });
  router.add({
    method: 'POST',
    url: '/api/tokens/:id/revoke',
    tag: 'tokens',
    role: 'admin',
    summary: 'Revoke a token: it and its sessions stop working at once',
    params: IdParams,
    responses: { 200: { description: 'revoked', schema: z.object({ revoked: z.string() }).strict() }, 404: { description: 'no such active token' } },
    handler: async ({ params, principal, request }) => {
      if (!(await store.revokeApiToken(params.id))) throw notFound(`no active token ${params.id}`);
      request.log.info({ revoked: params.id, token: principal?.tokenId }, 'token revoked');
      return { status: 200, body: { revoked: params.id } };
    },
  });
}

export function tokenPageRoutes(app: FastifyInstance, { store, auth }: { store: Store; auth: Authenticator }): void {
  const PAGE = { page: true };
  async function admin(request: Parameters<Authenticator['identify']>[0], reply: FastifyReply) {
    const identity = await auth.identify(request);
    if ('error' in identity) {
      if (identity.error.statusCode !== 401) throw identity.error;
      await reply.redirect(`/login?next=${encodeURIComponent(request.method === 'GET' ? request.url : '/admin/tokens')}`, 303);
      return null;
    }
    if (!roleAllows(identity.principal.role, 'admin'))
      throw forbidden(`this page needs ${describeRoleNeeded('admin')}; you are signed in as "${identity.principal.name}" (${identity.principal.role})`);
    return identity.principal;
  }
  const page = async (reply: FastifyReply, principal: NonNullable<Awaited<ReturnType<typeof admin>>>, extra: Partial<Parameters<typeof renderTokensPage>[0]> = {}, status = 200) => {
    const [tokens, sessions] = await Promise.all([store.listApiTokens(), store.countLiveSessions()]);
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(renderTokensPage({ principal, tokens, sessions, ...extra }));
  };

  app.get('/admin/tokens', { config: PAGE }, async (request, reply) => {
    const principal = await admin(request, reply);
    if (!principal) return reply;
    const revoked = (request.query as { revoked?: unknown }).revoked;
    return page(reply, principal, typeof revoked === 'string' && TokenIdSchema.safeParse(revoked).success ? { revoked } : {});
  });
  app.post('/admin/tokens', { config: PAGE }, async (request, reply) => {
    const principal = await admin(request, reply);
    if (!principal) return reply;
    const form = NewTokenSchema.safeParse(request.body ?? {});
    if (!form.success) return page(reply, principal, { error: `Not created: ${describeIssues(form.error.issues, 'form')}` }, 400);
    const created = await store.createApiToken(form.data);
    request.log.info({ created: created.record.id, role: created.record.role, token: principal.tokenId }, 'token created');
    // the answer holds the token: shown once, never cached (the security headers say no-store)
    return page(reply, principal, { created }, 201);
  });
  app.post('/admin/tokens/:id/revoke', { config: PAGE }, async (request, reply) => {
    const principal = await admin(request, reply);
    if (!principal) return reply;
    const { id } = parseInput(IdParams, request.params, 'params');
    if (!(await store.revokeApiToken(id))) throw notFound(`no active token ${id}`);
    request.log.info({ revoked: id, token: principal.tokenId }, 'token revoked');
    return reply.redirect(id === principal.tokenId ? '/login?signedOut=1' : `/admin/tokens?revoked=${id}`, 303);
  });
}
