// The API's pure helpers: roles, credentials and cookies, the same-origin guard, flag filters, CSV,
// timeline grouping, quote highlighting, HTML escaping, and the page script's syntax.
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readCredential } from '../../src/api/auth/credentials.js';
import { clearedSessionCookie, parseCookies, SESSION_COOKIE, sessionCookie } from '../../src/api/auth/cookies.js';
import { describeRoleNeeded, roleAllows } from '../../src/api/auth/roles.js';
import { isSameOrigin } from '../../src/api/auth/same-origin.js';
import { FlagQuerySchema, flagQueryString, toFlagFilter } from '../../src/api/flag-query.js';
import { csvField, flagsToCsv } from '../../src/api/flags-csv.js';
import { ASSETS } from '../../src/api/pages/assets.js';
import { escapeHtml, html } from '../../src/api/pages/html.js';
import { highlightContinuation, highlightOnPage } from '../../src/api/quote-highlight.js';
import { cleanFileName } from '../../src/api/read-upload.js';
import { safeNext } from '../../src/api/routes/page-routes.js';
import { uploadLimitsFromEnv } from '../../src/api/upload-limits.js';
import type { FlagRecord } from '../../src/store/records.js';

describe('roles', () => {
  it.each([
    ['intake', 'intake', true],
    ['intake', 'reviewer', false],
    ['reviewer', 'intake', true],
    ['reviewer', 'analyst', false],
    ['analyst', 'reviewer', true],
    ['analyst', 'analyst', true],
    ['analyst', 'admin', false],
    ['admin', 'analyst', true],
  ] as const)('%s may do what %s may: %s', (role, needed, ok) => expect(roleAllows(role, needed)).toBe(ok));
  it('names the roles that would do', () => {
    expect(describeRoleNeeded('admin')).toBe('the admin role');
    expect(describeRoleNeeded('analyst')).toBe('one of the roles analyst, admin');
    expect(describeRoleNeeded('reviewer')).toBe('one of the roles reviewer, analyst, admin');
  });
});

describe('credentials and the session cookie', () => {
  it('reads a bearer header first, then the cookie', () => {
    expect(readCredential({ authorization: 'Bearer clt_abc-DEF_1' })).toEqual({ via: 'bearer', token: 'clt_abc-DEF_1' });
    expect(readCredential({ authorization: 'bearer   clt_x' })).toEqual({ via: 'bearer', token: 'clt_x' });
    expect(readCredential({ authorization: 'Bearer clt_a', cookie: `${SESSION_COOKIE}=cls_b` })).toEqual({ via: 'bearer', token: 'clt_a' });
    expect(readCredential({ cookie: `theme=dark; ${SESSION_COOKIE}=cls_b` })).toEqual({ via: 'cookie', session: 'cls_b' });
    expect(readCredential({})).toBeNull();
    expect(readCredential({ authorization: 'Basic abc' })).toMatchObject({ via: 'malformed' });
    expect(readCredential({ authorization: 'Bearer two words' })).toMatchObject({ via: 'malformed' });
  });
  it('sets an HttpOnly, SameSite=Lax cookie (Secure over HTTPS) and clears it', () => {
    expect(sessionCookie('cls_a/b', false)).toBe(`${SESSION_COOKIE}=cls_a%2Fb; Path=/; Max-Age=43200; HttpOnly; SameSite=Lax`);
    expect(sessionCookie('t', true)).toMatch(/; Secure$/);
    expect(clearedSessionCookie(false)).toMatch(/Max-Age=0/);
    expect(parseCookies(`a=1; ${SESSION_COOKIE}=clt_a%2Fb; b="q"`)).toEqual({ a: '1', [SESSION_COOKIE]: 'clt_a/b', b: 'q' });
  });
  it("accepts changes only from this server's whole origin: scheme, host and port", () => {
    const server = { protocol: 'http', host: '127.0.0.1:8080' };
    expect(isSameOrigin({ origin: 'http://127.0.0.1:8080' }, server)).toBe(true);
    // behind a trusted proxy the server sees the public scheme and host
    expect(isSameOrigin({ origin: 'https://app.example' }, { protocol: 'https', host: 'app.example' })).toBe(true);
    expect(isSameOrigin({ origin: 'https://app.example:443' }, { protocol: 'https', host: 'app.example' })).toBe(true);
    expect(isSameOrigin({ 'sec-fetch-site': 'same-origin' }, server)).toBe(true);
    expect(isSameOrigin({ origin: 'https://127.0.0.1:8080' }, server)).toBe(false);
    expect(isSameOrigin({ origin: 'http://127.0.0.1:8081' }, server)).toBe(false);
    expect(isSameOrigin({ origin: 'https://evil.example' }, server)).toBe(false);
    expect(isSameOrigin({ origin: 'http://127.0.0.1:8080', 'sec-fetch-site': 'same-site' }, server)).toBe(false);
    expect(isSameOrigin({}, server)).toBe(false);
    expect(isSameOrigin({ origin: 'null' }, server)).toBe(false);
  });
  it('redirects after sign-in only to a path on this site', () => {
    expect(safeNext('/flags?kind=duplicate')).toBe('/flags?kind=duplicate');
    for (const bad of [undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example']) expect(safeNext(bad)).toBe('/bundles');
  });
});

describe('flag filters', () => {
  it('reads comma-separated and repeated lists, dates and paging into the store filter', () => {
    const q = FlagQuerySchema.parse({ kind: ['exam_plan_mismatch,contradiction', 'duplicate'], status: 'open', bundle: 'b-1', from: '2014-06', to: '2014', limit: '20', offset: '40' });
    expect(toFlagFilter(q)).toEqual({ kind: ['exam_plan_mismatch', 'contradiction', 'duplicate'], status: ['open'], bundleId: 'b-1', dateFrom: '2014-06', dateTo: '2014', limit: 20, offset: 40 });
    expect(toFlagFilter(FlagQuerySchema.parse({}))).toEqual({ limit: 50, offset: 0 });
    expect(flagQueryString(q)).toBe('?kind=exam_plan_mismatch%2Ccontradiction%2Cduplicate&status=open&bundle=b-1&from=2014-06&to=2014');
    expect(flagQueryString(q, { offset: 60, limit: 20 })).toMatch(/&limit=20&offset=60$/);
    expect(FlagQuerySchema.safeParse({ kind: 'nope' }).success).toBe(false);
    expect(FlagQuerySchema.safeParse({ severity: 'urgent' }).success).toBe(false);
  });
});

describe('CSV export', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-5 mg')).toBe("'-5 mg");
    expect(csvField(3)).toBe('3');
    expect(csvField(null)).toBe('');
  });
  it('writes one CRLF row per flag with its evidence', () => {
    const r: FlagRecord = {
      id: 'fl_1',
      bundleId: 'b',
      bundleName: 'B, one',
      status: 'open',
      reviews: 0,
      createdAt: 't',
      updatedAt: 'u',
      flag: {
        id: 'F1',
        kind: 'duplicate',
        severity: 'low',
        date: null,
        summary: 'Pages 1 and 2 are the same',
        rule: 'dup',
        eventIds: ['ev_1', 'ev_2'],
        evidence: [{ role: 'first', document: 'd1', page: 1, start: 0, end: 3, quote: 'abc' }],
      },
    };
    expect(flagsToCsv([r]).split('\r\n')[1]).toBe('fl_1,b,"B, one",F1,duplicate,low,open,,Pages 1 and 2 are the same,"first: d1 p.1 ""abc""",d1 p.1,ev_1 ev_2,0,dup,u');
    // with the bundle's documents known, the evidence and the pages name the files
    expect(flagsToCsv([r], new Map([['b|d1', '07 consult.pdf']])).split('\r\n')[1]).toContain('"first: 07 consult.pdf p.1 ""abc""",07 consult.pdf p.1,');
  });
});

describe('quote highlighting', () => {
  it('marks the quote on its page', () => {
    expect(highlightOnPage('Exam: full strength. Plan: MRI.', 6, 20)).toEqual({ before: 'Exam: ', quote: 'full strength.', after: ' Plan: MRI.', continues: 0 });
  });
  it('carries a quote that runs past the page end onto the next page (pages joined by one character)', () => {
    const first = highlightOnPage('He has weakness', 7, 15 + 1 + 9);
    expect(first).toMatchObject({ quote: 'weakness', after: '', continues: 9 });
    expect(highlightContinuation('of the EHL. Plan follows.', first.continues)).toEqual({ before: '', quote: 'of the EH', after: 'L. Plan follows.', continues: 0 });
  });
  it('clamps offsets that are out of range', () => {
    expect(highlightOnPage('abc', 5, 2)).toEqual({ before: 'abc', quote: '', after: '', continues: 0 });
  });
});

describe('pages', () => {
  it('escapes every interpolated value unless it is markup already', () => {
    const quote = '<script>alert("x")</script> & \'y\'';
    expect(html`<p title="${quote}">${quote}</p>`.value).toBe(`<p title="${escapeHtml(quote)}">${escapeHtml(quote)}</p>`);
    expect(html`<ul>${['a<b', html`<li>ok</li>`]}</ul>`.value).toBe('<ul>a&lt;b<li>ok</li></ul>');
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
  });
  it('ships a script that parses, and versioned asset URLs', () => {
    expect(() => new Script(ASSETS.js.body)).not.toThrow();
    expect(ASSETS.js.body).not.toMatch(/\$\{/);
    expect(ASSETS.css.url).toMatch(/^\/assets\/app\.css\?v=[0-9a-f]{12}$/);
  });
  it('keeps only the base name of an uploaded file', () => {
    expect(cleanFileName('C:\\records\\07 consult.pdf')).toBe('07 consult.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b.pdf')).toBe('ab.pdf');
  });
  it('reads upload limits from the environment', () => {
    expect(uploadLimitsFromEnv({ CHARTLINE_UPLOAD_MAX_FILE_MB: '2', CHARTLINE_UPLOAD_MAX_FILES: '3' })).toEqual({ maxFileBytes: 2 * 1024 * 1024, maxFiles: 3, maxTotalBytes: 500 * 1024 * 1024 });
    expect(() => uploadLimitsFromEnv({ CHARTLINE_UPLOAD_MAX_FILES: 'many' })).toThrow(/CHARTLINE_UPLOAD_MAX_FILES/);
  });
});
