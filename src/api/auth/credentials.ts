// Where a request's token comes from: `Authorization: Bearer <token>` (API clients), else the
// session cookie the login page set (browsers). A header that is there but malformed is an error,
// not a reason to fall back to the cookie.
import { parseCookies, SESSION_COOKIE } from './cookies.js';

export type Credential = { via: 'bearer' | 'cookie'; token: string } | { via: 'malformed'; reason: string } | null;

export function readCredential(headers: { authorization?: string; cookie?: string }): Credential {
  const auth = headers.authorization;
  if (auth !== undefined && auth !== '') {
    const m = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(auth);
    if (!m) return { via: 'malformed', reason: 'the Authorization header must be "Bearer <token>"' };
    return { via: 'bearer', token: m[1] as string };
  }
  const cookie = parseCookies(headers.cookie)[SESSION_COOKIE];
  return cookie ? { via: 'cookie', token: cookie } : null;
}
