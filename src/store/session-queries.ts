// Page sessions: after sign-in the browser's cookie holds a random session id, never the bearer token.
// Only the id's sha256 is stored. A session ends when it expires, when its user signs out (revoked),
// or when its token is revoked (the join below), whichever comes first.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable, Row } from './database.js';
import type { ApiTokenRecord } from './records.js';
import { iso, isoOrNull } from './sql-helpers.js';

function hashSessionId(id: string): string {
  return createHash('sha256').update(`session:${id}`).digest('hex');
}

export interface CreatedSession {
  /** the cookie's value, e.g. "cls_Zk3…" (shown to the browser only) */
  id: string;
  expiresAt: string;
}

export async function createSession(q: Queryable, tokenId: string, maxAgeSeconds: number): Promise<CreatedSession> {
  const id = `cls_${randomBytes(32).toString('base64url')}`;
  const rows = await q.query<{ expires_at: unknown }>(`insert into sessions (id_hash, token_id, expires_at) values ($1, $2, now() + make_interval(secs => $3)) returning expires_at`, [
    hashSessionId(id),
    tokenId,
    maxAgeSeconds,
  ]);
  return { id, expiresAt: iso(rows[0]?.expires_at) };
}

/** The session's token when the session is live and its token active; else null. */
export async function verifySession(q: Queryable, id: string): Promise<ApiTokenRecord | null> {
  if (!/^cls_[A-Za-z0-9_-]{20,100}$/.test(id)) return null;
  const rows = await q.query(
    `with s as (
       update sessions set last_seen_at = now()
       where id_hash = $1 and revoked_at is null and expires_at > now()
       returning token_id)
     select t.* from api_tokens t join s on s.token_id = t.id where t.revoked_at is null`,
    [hashSessionId(id)],
  );
  const r = rows[0] as Row | undefined;
  if (!r) return null;
  return {
    id: String(r.id),
    name: String(r.name),
    role: r.role as ApiTokenRecord['role'],
    createdAt: iso(r.created_at),
    lastUsedAt: isoOrNull(r.last_used_at),
    revokedAt: isoOrNull(r.revoked_at),
  };
}

/** Signs one session out; true when it was live. */
export async function revokeSession(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('update sessions set revoked_at = now() where id_hash = $1 and revoked_at is null returning token_id', [hashSessionId(id)])).length > 0;
}

/** Ends every session of a token (the token stays as it is). */
export async function revokeSessionsOf(q: Queryable, tokenId: string): Promise<number> {
  return (await q.query('update sessions set revoked_at = now() where token_id = $1 and revoked_at is null returning token_id', [tokenId])).length;
}

/** Live sessions per token id, for the token list. */
export async function countLiveSessions(q: Queryable): Promise<Map<string, number>> {
  const rows = await q.query<{ token_id: string; n: number }>('select token_id, count(*)::integer as n from sessions where revoked_at is null and expires_at > now() group by token_id');
  return new Map(rows.map((r) => [r.token_id, Number(r.n)]));
}

/** Removes sessions that ended more than a day ago (they prove nothing any more). */
export async function pruneSessions(q: Queryable): Promise<number> {
  return (await q.query(`delete from sessions where coalesce(revoked_at, expires_at) < now() - interval '1 day' returning token_id`)).length;
}
