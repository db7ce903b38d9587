// Cross-site request forgery guard for cookie sessions: a browser sends the cookie by itself, so a
// state-changing request authenticated by the cookie (and signing in or out) must come from our own
// pages. Browsers mark that with `Sec-Fetch-Site: same-origin` and an `Origin` that must be this
// server's whole origin — scheme, host and port: `https://chartline.example` is not
// `http://chartline.example`, nor `http://chartline.example:8081`. Bearer requests need no such check
// (a page on another site cannot set the header).
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** "http://127.0.0.1:8080" from a URL or scheme and host; null when it is not one */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.origin;
  } catch {
    return null;
  }
}

export interface RequestOrigin {
  /** 'http' or 'https' as the server sees it (X-Forwarded-Proto only behind a trusted proxy) */
  protocol: string;
  /** host[:port] as the server sees it (X-Forwarded-Host only behind a trusted proxy) */
  host: string;
}

export function isSameOrigin(headers: { origin?: string; 'sec-fetch-site'?: string }, server: RequestOrigin): boolean {
  const site = headers['sec-fetch-site'];
  if (site && site !== 'same-origin') return false;
  const origin = headers.origin;
  if (!origin || origin === 'null') return site === 'same-origin';
  const theirs = originOf(origin);
  const ours = originOf(`${server.protocol}://${server.host}`);
  return theirs !== null && ours !== null && theirs === ours;
}
