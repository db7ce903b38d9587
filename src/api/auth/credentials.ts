// Where a request's credential comes from: `Authorization: Bearer <token>` (API clients), else the
// session cookie the sign-in page set (browsers: an opaque session id). A header that is there but
// malformed is an error, not a reason to fall back to the cookie.
import { parseCookies, SESSION_COOKIE } from './cookies.js';

export type Credential = { via: 'bearer'; token: string } | { via: 'cookie'; session: string } | { via: 'malformed'; reason: string } | null;

export function readCredential(headers: { authorization?: string; cookie?: string }): Credential {
  const auth = headers.authorization;
  if (auth !== undefined && auth !== '') {
    const m = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(auth);
    if (!m) return { via: 'malformed', reason: 'the Authorization header must be "Bearer <token>"' };
    return { via: 'bearer', token: m[1] as string };
  }
  const session = parseCookies(headers.cookie)[SESSION_COOKIE];
  return session ? { via: 'cookie', session } : null;
}
