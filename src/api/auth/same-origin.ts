// Cross-site request forgery guard for cookie sessions: a browser sends the cookie by itself, so a
// state-changing request authenticated by the cookie must come from our own pages. Browsers mark
// that with `Sec-Fetch-Site: same-origin` and an `Origin` naming this host. Bearer requests need
// no such check (a page on another site cannot set the header).
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

export function isSameOrigin(headers: { origin?: string; host?: string; 'sec-fetch-site'?: string; 'x-forwarded-host'?: string }): boolean {
  const site = headers['sec-fetch-site'];
  if (site && site !== 'same-origin') return false;
  const origin = headers.origin;
  if (!origin || origin === 'null') return site === 'same-origin';
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const hosts = [headers.host, ...(headers['x-forwarded-host']?.split(',').map((h) => h.trim()) ?? [])].filter(Boolean);
  return hosts.includes(originHost);
}
