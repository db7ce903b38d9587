// The security gaps of issue 15 (items 7–11), each shown closed on a real server (PostgreSQL, Redis):
// malformed multipart is a 400; failed credentials are rate-limited; sign-out and cookie writes need
// this server's whole origin; the session cookie is an opaque, revocable id, not the token; dates
// must be real calendar days; a bundle none of whose files could be read is failed; the audit trail
// refuses TRUNCATE.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/api/auth/cookies.js';
import { isCalendarDay, isCalendarPartialDate } from '../../src/reference-day.js';
import { startApi, uploadForm, type ApiHarness } from './support/api-harness.js';
import { CONSULT, lumbarFiles } from './support/samples.js';

let api: ApiHarness;
let flagId = '';

beforeAll(async () => {
  api = await startApi();
  const res = await api.call('/api/bundles', { method: 'POST', role: 'intake', body: uploadForm(lumbarFiles([CONSULT]), { bundleId: 'consult', referenceDate: '2020-01-01' }) });
  expect(res.status).toBe(202);
  await api.finished('consult');
  const flags = (await (await api.call('/api/flags', { role: 'analyst' })).json()) as { items: { id: string }[] };
  flagId = flags.items[0]!.id;
}, 120_000);
afterAll(async () => api?.close());

async function messageOf(res: Response, status: number): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as { statusCode: number; message: string };
  expect(body.statusCode).toBe(status);
  return body.message;
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

async function signIn(h: ApiHarness, token: string): Promise<string> {
  const res = await h.call('/login', { method: 'POST', headers: { ...FORM, Origin: h.base }, body: new URLSearchParams({ token, next: '/bundles' }).toString() });
  expect(res.status).toBe(303);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('malformed multipart (issue 15 item 7)', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['no boundary', { 'Content-Type': 'multipart/form-data' }, '--x\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\nhello\r\n--x--\r\n'],
    [
      'a truncated body',
      { 'Content-Type': 'multipart/form-data; boundary=x' },
      '--x\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nDate of exam 01/02/2015 and then the bod',
    ],
    ['a part without headers', { 'Content-Type': 'multipart/form-data; boundary=x' }, '--x\r\n\r\nno headers at all\r\n--x--\r\n'],
    ['garbage', { 'Content-Type': 'multipart/form-data; boundary=x' }, 'this is not multipart at all'],
  ];
  it.each(cases)('%s is a 400 with a message, not a 500', async (_name, headers, body) => {
    const res = await api.call('/api/bundles', { method: 'POST', role: 'intake', headers, body });
    const message = await messageOf(res, 400);
    expect(message).toMatch(/multipart|upload|part/i);
    expect(message).not.toMatch(/internal error/);
  });
});

describe('strict calendar dates (issue 15 item 10)', () => {
  it.each([
    ['2016-02-29', true],
    ['2015-02-29', false],
    ['2016-02-31', false],
    ['2016-13-45', false],
    ['2016-00-10', false],
    ['2016-04-31', false],
    ['2016-12-31', true],
  ] as const)('isCalendarDay(%s) is %s', (day, ok) => expect(isCalendarDay(day)).toBe(ok));

  it.each([
    ['2016', true],
    ['2016-02', true],
    ['2016-13', false],
    ['2016-13-45', false],
    ['16-02', false],
  ] as const)('isCalendarPartialDate(%s) is %s', (day, ok) => expect(isCalendarPartialDate(day)).toBe(ok));

  it('refuses referenceDate=2016-02-31 on upload', async () => {
    const res = await api.call('/api/bundles', { method: 'POST', role: 'intake', body: uploadForm(lumbarFiles([CONSULT]), { bundleId: 'bad-date', referenceDate: '2016-02-31' }) });
    expect(await messageOf(res, 400)).toMatch(/referenceDate.*not a calendar date/);
    expect(await api.store.getBundle('bad-date')).toBeNull();
  });

  it('refuses ?from=2016-13-45 and ?to=2016-02-30 on the flags API, its CSV and page, and takes real dates', async () => {
    expect(await messageOf(await api.call('/api/flags?from=2016-13-45', { role: 'analyst' }), 400)).toMatch(/query\.from.*not a calendar date/);
    expect(await messageOf(await api.call('/api/flags?to=2016-02-30', { role: 'analyst' }), 400)).toMatch(/query\.to/);
    expect(await messageOf(await api.call('/api/flags.csv?from=2016-13', { role: 'analyst' }), 400)).toMatch(/query\.from/);
    expect((await api.call('/flags?from=2016-13-45', { role: 'analyst', headers: { Accept: 'text/html' } })).status).toBe(400);
    for (const ok of ['2016', '2016-02', '2016-02-29']) expect((await api.call(`/api/flags?from=${ok}`, { role: 'analyst' })).status).toBe(200);
  });
});

describe('opaque, revocable sessions (issue 15 item 11)', () => {
  it('the cookie holds a random session id, not the token', async () => {
    const cookie = await signIn(api, api.tokens.reviewer);
    const value = decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1));
    expect(value).toMatch(/^cls_[A-Za-z0-9_-]{40,}$/);
    expect(value).not.toContain(api.tokens.reviewer);
    expect(value).not.toContain(api.tokens.reviewer.slice(4, 20));
    // the session works; the database keeps neither the id nor the token in clear
    expect(await (await api.call('/api/me', { headers: { Cookie: cookie } })).json()).toMatchObject({ role: 'reviewer', via: 'cookie' });
    const rows = await api.store.db.query<{ id_hash: string }>('select id_hash from sessions');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id_hash).join(' ')).not.toContain(value);
    // the session id is not a token: as a bearer it is refused
    expect((await api.call('/api/me', { token: value })).status).toBe(401);
  });

  it('signing out ends the session on the server: the old cookie replayed is refused', async () => {
    const cookie = await signIn(api, api.tokens.reviewer);
    const out = await api.call('/logout', { method: 'POST', headers: { Cookie: cookie, Origin: api.base } });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=; .*Max-Age=0`));
    const replay = await api.call('/api/me', { headers: { Cookie: cookie } });
    expect(await messageOf(replay, 401)).toMatch(/session has ended/);
  });

  it('revoking the token ends its sessions at once', async () => {
    const { token, record } = await api.store.createApiToken({ name: 'Session test', role: 'reviewer' });
    const cookie = await signIn(api, token);
    expect((await api.call('/api/me', { headers: { Cookie: cookie } })).status).toBe(200);
    await api.store.revokeApiToken(record.id);
    expect((await api.call('/api/me', { headers: { Cookie: cookie } })).status).toBe(401);
    const page = await api.call('/bundles', { headers: { Cookie: cookie, Accept: 'text/html' } });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/login\?next=/);
  });
});

describe("CSRF: sign-out and cookie writes need this server's whole origin (issue 15 item 9)", () => {
  it('a foreign page cannot sign a user out', async () => {
    const cookie = await signIn(api, api.tokens.reviewer);
    for (const headers of [{ Origin: 'https://evil.example' }, { Origin: api.base, 'Sec-Fetch-Site': 'cross-site' }, {}]) {
      const res = await api.call('/logout', { method: 'POST', headers: { Cookie: cookie, ...headers } });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    // still signed in
    expect((await api.call('/api/me', { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it('compares scheme, host and port, not the host alone', async () => {
    const cookie = await signIn(api, api.tokens.reviewer);
    const url = new URL(api.base);
    const review = (origin: string) =>
      api.call(`/api/flags/${flagId}/reviews`, {
        method: 'POST',
        headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json' },
        body: JSON.stringify({ decision: 'needs-info', note: 'origin test' }),
      });
    expect((await review(`https://${url.host}`)).status).toBe(403);
    expect((await review(`http://${url.hostname}:${Number(url.port) + 1}`)).status).toBe(403);
    expect((await review(`http://localhost.evil.example:${url.port}`)).status).toBe(403);
    expect((await review(api.base)).status).toBe(201);
    // the same goes for signing in (login CSRF)
    const login = await api.call('/login', { method: 'POST', headers: { ...FORM, Origin: `https://${url.host}` }, body: new URLSearchParams({ token: api.tokens.reviewer }).toString() });
    expect(login.status).toBe(403);
  });
});

describe('a bundle none of whose files could be read (issue 15 item 11)', () => {
  it('is failed, with the reasons, and its documents are listed for intake', async () => {
    const fixtures = resolve('test/fixtures');
    const files = ['corrupt.pdf', 'encrypted.pdf'].map((name) => ({ name, data: new Uint8Array(readFileSync(resolve(fixtures, name))) }));
    const res = await api.call('/api/bundles', { method: 'POST', role: 'intake', body: uploadForm(files, { bundleId: 'all-bad', referenceDate: '2020-01-01' }) });
    expect(res.status).toBe(202);
    await api.finished('all-bad');
    const bundle = await api.store.getBundle('all-bad');
    expect(bundle).toMatchObject({ status: 'failed', documentsTotal: 2, documentsUnreadable: 2, hasTimeline: true });
    expect(bundle!.error).toMatch(/none of the 2 documents could be read/);
    const detail = (await (await api.call('/api/bundles/all-bad', { role: 'intake' })).json()) as { bundle: { status: string } };
    expect(detail.bundle.status).toBe('failed');
    // one readable file among unreadable ones: completed, with the count
    const mixed = [...files, ...lumbarFiles([CONSULT])];
    expect((await api.call('/api/bundles', { method: 'POST', role: 'intake', body: uploadForm(mixed, { bundleId: 'some-bad', referenceDate: '2020-01-01' }) })).status).toBe(202);
    await api.finished('some-bad');
    expect(await api.store.getBundle('some-bad')).toMatchObject({ status: 'completed', documentsTotal: 3, documentsUnreadable: 2, error: null });
  }, 90_000);
});

describe('the audit trail (issue 15 item 11)', () => {
  it('refuses TRUNCATE, as it refuses UPDATE and DELETE', async () => {
    await api.store.addFlagReview({ flagId, decision: 'confirm', note: 'kept', reviewer: 'Test' });
    const before = await api.store.listFlagReviews(flagId);
    expect(before.length).toBeGreaterThan(0);
    await expect(api.store.db.exec('truncate flag_reviews')).rejects.toThrow(/append-only/);
    await expect(api.store.db.exec('delete from flag_reviews')).rejects.toThrow(/append-only/);
    expect(await api.store.listFlagReviews(flagId)).toEqual(before);
  });
});

describe('rate limits on failed credentials (issue 15 item 8)', () => {
  let limited: ApiHarness;
  beforeAll(async () => {
    limited = await startApi({ engine: 'pglite', authLimits: { maxFailures: 5, windowMs: 3000, maxSignIns: 8 } });
  }, 60_000);
  afterAll(async () => limited?.close());

  it('blocks an address after too many wrong bearer tokens, even for a right one, until the window ends', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await limited.call('/api/me', { token: `clt_guess_${i}` })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const right = await limited.call('/api/me', { role: 'analyst' });
    expect(await messageOf(right.clone(), 429)).toMatch(/too many failed sign-ins or invalid tokens/);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    // requests without any credential are not blocked (they are simply 401)
    expect((await limited.call('/api/me')).status).toBe(401);
    await new Promise((r) => setTimeout(r, 3200));
    expect((await limited.call('/api/me', { role: 'analyst' })).status).toBe(200);
  }, 20_000);

  it('limits sign-in attempts: wrong tokens on the form count, and posts are capped whatever their outcome', async () => {
    await new Promise((r) => setTimeout(r, 3200));
    const tries: number[] = [];
    for (let i = 0; i < 7; i++) {
      tries.push((await limited.call('/login', { method: 'POST', headers: { ...FORM, Origin: limited.base }, body: `token=clt_wrong_${i}` })).status);
    }
    expect(tries.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(tries.slice(5)).toEqual([429, 429]);
    await new Promise((r) => setTimeout(r, 3200));
    const ok: number[] = [];
    for (let i = 0; i < 9; i++)
      ok.push((await limited.call('/login', { method: 'POST', headers: { ...FORM, Origin: limited.base }, body: new URLSearchParams({ token: limited.tokens.reviewer }).toString() })).status);
    expect(ok.slice(0, 8).every((s) => s === 303)).toBe(true);
    expect(ok[8]).toBe(429);
  }, 30_000);
});
