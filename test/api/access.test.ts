// Who may do what: every route but /healthz needs a token (401 without, or with a bad or revoked
// one), roles are cumulative (intake < reviewer < analyst < admin, 403 below), the pages' session cookie is
// HttpOnly and works only from chartline's own pages for changes; the OpenAPI document lists every
// route. Runs on embedded PGlite (the other API tests use PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/api/auth/cookies.js';
import type { ApiRole } from '../../src/store/records.js';
import { startApi, uploadForm, type ApiHarness } from './support/api-harness.js';
import { CONSULT, lumbarFiles } from './support/samples.js';

let api: ApiHarness;
let flagId: string;
let documentId: string;

beforeAll(async () => {
  // the matrix sends a wrong token to every route on purpose: the failure limit has its own tests (security.test.ts)
  api = await startApi({ engine: 'pglite', authLimits: { maxFailures: 1000 } });
  const res = await api.call('/api/bundles', { method: 'POST', role: 'intake', body: uploadForm(lumbarFiles([CONSULT]), { bundleId: 'consult', referenceDate: '2020-01-01' }) });
  expect(res.status).toBe(202);
  await api.finished('consult');
  const flags = (await (await api.call('/api/flags', { role: 'analyst' })).json()) as { items: { id: string; flag: { evidence: { document: string }[] } }[] };
  flagId = flags.items[0]!.id;
  documentId = flags.items[0]!.flag.evidence[0]!.document;
}, 120_000);
afterAll(async () => api?.close());

interface RouteCase {
  name: string;
  method: 'GET' | 'POST';
  path: () => string;
  least: ApiRole;
  body?: () => BodyInit;
  type?: string;
}

const ROUTES: RouteCase[] = [
  { name: 'GET /api/me', method: 'GET', path: () => '/api/me', least: 'intake' },
  { name: 'GET /api/openapi.json', method: 'GET', path: () => '/api/openapi.json', least: 'intake' },
  { name: 'GET /api/bundles', method: 'GET', path: () => '/api/bundles', least: 'intake' },
  { name: 'POST /api/bundles', method: 'POST', path: () => '/api/bundles', least: 'intake', body: () => uploadForm(lumbarFiles([CONSULT]), { bundleId: 'consult', referenceDate: '2020-01-01' }) },
  { name: 'GET /api/bundles/consult', method: 'GET', path: () => '/api/bundles/consult', least: 'intake' },
  { name: 'GET /api/bundles/consult/timeline', method: 'GET', path: () => '/api/bundles/consult/timeline', least: 'reviewer' },
  { name: 'GET /api/bundles/consult/fhir', method: 'GET', path: () => '/api/bundles/consult/fhir', least: 'reviewer' },
  { name: 'GET /api/documents/:id/pages/1', method: 'GET', path: () => `/api/documents/${documentId}/pages/1`, least: 'reviewer' },
  { name: 'GET /api/flags/:id', method: 'GET', path: () => `/api/flags/${flagId}`, least: 'reviewer' },
  { name: 'GET /api/flags/:id/reviews', method: 'GET', path: () => `/api/flags/${flagId}/reviews`, least: 'reviewer' },
  {
    name: 'POST /api/flags/:id/reviews',
    method: 'POST',
    path: () => `/api/flags/${flagId}/reviews`,
    least: 'reviewer',
    body: () => JSON.stringify({ decision: 'needs-info', note: 'access test' }),
    type: 'application/json',
  },
  { name: 'GET /api/flags', method: 'GET', path: () => '/api/flags', least: 'analyst' },
  { name: 'GET /api/flags.csv', method: 'GET', path: () => '/api/flags.csv', least: 'analyst' },
  { name: 'GET /admin/queues/api/queues', method: 'GET', path: () => '/admin/queues/api/queues', least: 'analyst' },
  { name: 'GET /api/bundles/consult/export', method: 'GET', path: () => '/api/bundles/consult/export?format=csv', least: 'reviewer' },
  { name: 'GET /api/bundles/consult/search', method: 'GET', path: () => '/api/bundles/consult/search?q=lumbar', least: 'reviewer' },
  { name: 'GET /api/documents/:id/original', method: 'GET', path: () => `/api/documents/${documentId}/original`, least: 'reviewer' },
  { name: 'GET /api/documents/:id/pages/1/image', method: 'GET', path: () => `/api/documents/${documentId}/pages/1/image`, least: 'reviewer' },
  { name: 'GET /api/documents/:id/pages/1/boxes', method: 'GET', path: () => `/api/documents/${documentId}/pages/1/boxes?start=0&end=20`, least: 'reviewer' },
  {
    name: 'POST /api/flags/reviews',
    method: 'POST',
    path: () => '/api/flags/reviews',
    least: 'analyst',
    body: () => JSON.stringify({ ids: [flagId], decision: 'needs-info', note: 'bulk access test' }),
    type: 'application/json',
  },
  { name: 'GET /api/tokens', method: 'GET', path: () => '/api/tokens', least: 'admin' },
  { name: 'POST /api/tokens', method: 'POST', path: () => '/api/tokens', least: 'admin', body: () => JSON.stringify({ name: 'matrix', role: 'intake' }), type: 'application/json' },
];
const ROLES: ApiRole[] = ['intake', 'reviewer', 'analyst', 'admin'];
const RANK = { intake: 1, reviewer: 2, analyst: 3, admin: 4 };

function send(r: RouteCase, auth: { role?: ApiRole; token?: string; headers?: Record<string, string> }) {
  return api.call(r.path(), { method: r.method, role: auth.role, token: auth.token, body: r.body?.(), headers: { ...(r.type ? { 'Content-Type': r.type } : {}), ...auth.headers } });
}

describe('tokens and roles', () => {
  it('/healthz needs no token', async () => {
    const res = await api.call('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: 'ok', queue: 'ok' });
  });

  it.each(ROUTES.map((r) => [r.name, r] as const))('%s: 401 without a token, with a bad one, or a malformed header', async (_name, r) => {
    for (const auth of [{}, { token: 'clt_not-a-real-token' }, { headers: { Authorization: 'Basic dXNlcjpwYXNz' } }]) {
      const res = await send(r, auth);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="chartline"');
      const body = (await res.json()) as { statusCode: number; error: string; message: string };
      expect(body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    }
  });

  it.each(ROUTES.map((r) => [r.name, r] as const))('%s: 403 below its role, allowed from it up', async (_name, r) => {
    for (const role of ROLES) {
      const res = await send(r, { role });
      if (RANK[role] < RANK[r.least]) {
        expect(res.status, role).toBe(403);
        const body = (await res.json()) as { message: string };
        expect(body.message).toContain(`has the role ${role}`);
      } else expect(res.status, `${role}: ${await res.clone().text()}`).toBeLessThan(300);
    }
  });

  it('a revoked token is refused at once', async () => {
    const { token, record } = await api.store.createApiToken({ name: 'Temp', role: 'analyst' });
    expect((await api.call('/api/me', { token })).status).toBe(200);
    expect(await (await api.call('/api/me', { token })).json()).toEqual({ tokenId: record.id, name: 'Temp', role: 'analyst', via: 'bearer' });
    await api.store.revokeApiToken(record.id);
    const res = await api.call('/api/me', { token });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toMatch(/not valid \(unknown or revoked\)/);
  });

  it('unknown routes are a JSON 404', async () => {
    const res = await api.call('/api/nothing-here', { role: 'analyst' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'no such page or route: GET /api/nothing-here' });
  });
});

describe('pages and their session cookie', () => {
  async function signIn(role: ApiRole): Promise<string> {
    const res = await api.call('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: api.base },
      body: new URLSearchParams({ token: api.tokens[role], next: '/flags' }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/flags');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=cls_`)); // an opaque session id, never the token
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    return cookie.split(';')[0]!;
  }

  it('sends a page without a session to the sign-in page, and refuses a wrong token', async () => {
    const res = await api.call('/flags?kind=duplicate');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/flags?kind=duplicate')}`);
    const login = await api.call('/login?next=/flags');
    expect(login.status).toBe(200);
    expect(login.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await login.text()).toContain('name="token"');
    const wrong = await api.call('/login', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: api.base }, body: 'token=clt_wrong' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(await wrong.text()).toContain('That token is not valid');
    const elsewhere = await api.call('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      body: new URLSearchParams({ token: api.tokens.analyst }).toString(),
    });
    expect(elsewhere.status).toBe(403);
    // never an open redirect
    const open = await api.call('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: api.base },
      body: new URLSearchParams({ token: api.tokens.analyst, next: '//evil.example/x' }).toString(),
    });
    expect(open.headers.get('location')).toBe('/bundles');
  });

  it('serves pages to a signed-in role that may see them, 403 to one that may not', async () => {
    const analyst = await signIn('analyst');
    for (const path of ['/bundles', '/bundles/consult', '/flags', `/flags/${flagId}`, `/documents/${documentId}/pages/1?start=0&end=10&bundle=consult`, '/admin/queues']) {
      const res = await api.call(path, { headers: { Cookie: analyst, Accept: 'text/html' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
    }
    const intake = await signIn('intake');
    expect((await api.call('/bundles', { headers: { Cookie: intake } })).status).toBe(200);
    for (const path of ['/flags', `/flags/${flagId}`, '/admin/queues', '/admin/tokens']) {
      const res = await api.call(path, { headers: { Cookie: intake, Accept: 'text/html' } });
      expect(res.status, path).toBe(403);
    }
    // intake sees a bundle's status and what could not be read, never its chronology
    const status = await api.call('/bundles/consult', { headers: { Cookie: intake, Accept: 'text/html' } });
    expect(status.status).toBe(200);
    const statusPage = await status.text();
    expect(statusPage).toContain('id="pending"');
    expect(statusPage).not.toContain('id="chronology"');
    expect(await (await api.call('/flags', { headers: { Cookie: intake, Accept: 'text/html' } })).text()).toMatch(/needs one of the roles analyst, admin/);
  });

  it('lets the session cookie call the API from our own pages only: changes need a same-origin request', async () => {
    const reviewer = await signIn('reviewer');
    const me = await api.call('/api/me', { headers: { Cookie: reviewer } });
    expect(await me.json()).toMatchObject({ role: 'reviewer', via: 'cookie' });
    expect((await api.call('/api/flags', { headers: { Cookie: reviewer } })).status).toBe(403);
    const review = (headers: Record<string, string>) =>
      api.call(`/api/flags/${flagId}/reviews`, {
        method: 'POST',
        headers: { Cookie: reviewer, 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ decision: 'confirm', note: 'cookie' }),
      });
    expect((await review({})).status).toBe(403);
    expect((await review({ Origin: 'https://evil.example' })).status).toBe(403);
    expect((await review({ Origin: api.base, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    const ok = await review({ Origin: api.base, 'Sec-Fetch-Site': 'same-origin' });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ reviewer: 'Test reviewer', tokenId: api.tokenIds.reviewer });
    // the page form does the same
    const form = await api.call(`/flags/${flagId}/reviews`, {
      method: 'POST',
      headers: { Cookie: reviewer, Origin: api.base, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'decision=dismiss&note=from+the+form',
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe(`/flags/${flagId}#audit-trail`);
    const bad = await api.call(`/flags/${flagId}/reviews`, {
      method: 'POST',
      headers: { Cookie: reviewer, Origin: api.base, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'note=no+decision',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Choose confirm, dismiss or needs-info');
    const trail = (await (await api.call(`/api/flags/${flagId}/reviews`, { role: 'reviewer' })).json()) as { items: { decision: string; note: string }[] };
    expect(trail.items.slice(-2).map((r) => [r.decision, r.note])).toEqual([
      ['confirm', 'cookie'],
      ['dismiss', 'from the form'],
    ]);
  });

  it('signing out clears the cookie', async () => {
    const res = await api.call('/logout', { method: 'POST', headers: { Origin: api.base } });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=; .*Max-Age=0`));
  });
});

describe('OpenAPI and the queue dashboard', () => {
  it('documents every route, generated from the zod schemas', async () => {
    const doc = (await (await api.call('/api/openapi.json', { role: 'intake' })).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            security: unknown[];
            parameters: { name: string }[];
            responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }>;
            requestBody?: { content: Record<string, unknown> };
          }
        >
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/bundles',
        '/api/bundles/{id}',
        '/api/bundles/{id}/timeline',
        '/api/bundles/{id}/export',
        '/api/bundles/{id}/search',
        '/api/bundles/{id}/fhir',
        '/api/documents/{id}/pages/{n}',
        '/api/documents/{id}/pages/{n}/image',
        '/api/documents/{id}/pages/{n}/boxes',
        '/api/documents/{id}/original',
        '/api/flags',
        '/api/flags.csv',
        '/api/flags/reviews',
        '/api/flags/{id}',
        '/api/flags/{id}/reviews',
        '/api/tokens',
        '/api/tokens/{id}/revoke',
        '/api/me',
        '/api/openapi.json',
        '/healthz',
      ].sort(),
    );
    expect(Object.keys(doc.paths['/api/flags/{id}/reviews']!).sort()).toEqual(['get', 'post']);
    expect(doc.paths['/healthz']!.get!.security).toEqual([]);
    expect(doc.paths['/api/flags']!.get!.parameters.map((p) => p.name)).toEqual(['kind', 'severity', 'status', 'bundle', 'from', 'to', 'limit', 'offset']);
    const timeline = doc.paths['/api/bundles/{id}/timeline']!.get!.responses['200']!.content!['application/json']!.schema;
    expect(Object.keys(timeline.properties ?? {})).toEqual(['bundle', 'documents', 'events', 'flags']);
    expect(Object.keys(doc.paths['/api/bundles']!.post!.requestBody!.content)).toEqual(['multipart/form-data']);
    expect(doc.paths['/api/flags/{id}/reviews']!.post!.responses['400']).toBeDefined();
  });

  it('mounts bull-board for analysts', async () => {
    const res = await api.call('/admin/queues/api/queues?activeQueue=bundles&status=latest&page=1&jobsPerPage=10', { role: 'analyst' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(['bundles', 'documents']);
    expect((await api.call('/admin/queues', { role: 'analyst', headers: { Accept: 'text/html' } })).status).toBe(200);
    const anonymous = await api.call('/admin/queues', { headers: { Accept: 'text/html' } });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fadmin%2Fqueues');
  });

  it('serves the stylesheet and script without a token, cacheable', async () => {
    const page = await (await api.call('/login')).text();
    const js = /src="(\/assets\/app\.js\?v=[0-9a-f]+)"/.exec(page)![1]!;
    const res = await api.call(js);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect((await api.call('/assets/app.css')).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('logs requests by route, status and token id — no tokens, names or record text', () => {
    const log = api.logs.join('');
    expect(log).toMatch(/"route":"\/api\/flags\/:id\/reviews","status":201/);
    expect(log).toContain(`"token":"${api.tokenIds.reviewer}"`);
    for (const secret of [...Object.values(api.tokens), CONSULT, 'Test reviewer', 'from the form', 'access test', 'bulk access test']) expect(log).not.toContain(secret);
  });
});
