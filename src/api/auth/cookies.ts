// The session cookie of the web pages: an opaque session id (cls_…) the server looks up — never the
// bearer token — HttpOnly (page scripts never see it), SameSite=Lax (not sent with cross-site POSTs),
// Secure over HTTPS. Signing out or revoking the token ends the session on the server.
export const SESSION_COOKIE = 'chartline_session';
export const SESSION_MAX_AGE_S = 12 * 3600;

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

export function sessionCookie(sessionId: string, secure: boolean): string {
  return [`${SESSION_COOKIE}=${encodeURIComponent(sessionId)}`, 'Path=/', `Max-Age=${SESSION_MAX_AGE_S}`, 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'Max-Age=0', 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');
}
