// API bearer tokens. The token itself is shown once, when created; only its sha256 is stored, so a
// copy of the database does not let anyone in.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable, Row } from './database.js';
import { ApiRoleSchema, type ApiRole, type ApiTokenRecord } from './records.js';
import { iso, isoOrNull } from './sql-helpers.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface CreatedToken {
  /** the bearer token, e.g. "clt_Q2x…"; not stored, so this is the only time it can be shown */
  token: string;
  record: ApiTokenRecord;
}

export async function createApiToken(q: Queryable, input: { name: string; role: ApiRole }): Promise<CreatedToken> {
  const role = ApiRoleSchema.parse(input.role);
  const name = input.name.trim();
  if (!name) throw new Error('a token needs a name (who or what uses it)');
  const token = `clt_${randomBytes(24).toString('base64url')}`;
  const id = `tok_${randomBytes(6).toString('hex')}`;
  const rows = await q.query('insert into api_tokens (id, name, role, token_hash) values ($1, $2, $3, $4) returning *', [id, name, role, hashToken(token)]);
  return { token, record: tokenFromRow(rows[0] as Row) };
}

/** The token's record when it exists and is not revoked, else null. */
export async function verifyApiToken(q: Queryable, token: string): Promise<ApiTokenRecord | null> {
  if (!token) return null;
  const rows = await q.query('update api_tokens set last_used_at = now() where token_hash = $1 and revoked_at is null returning *', [hashToken(token)]);
  return rows[0] ? tokenFromRow(rows[0]) : null;
}

export async function listApiTokens(q: Queryable): Promise<ApiTokenRecord[]> {
  return (await q.query('select * from api_tokens order by created_at, id')).map(tokenFromRow);
}

/** true when the token existed and was active */
export async function revokeApiToken(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('update api_tokens set revoked_at = now() where id = $1 and revoked_at is null returning id', [id])).length > 0;
}

function tokenFromRow(r: Row): ApiTokenRecord {
  return {
    id: String(r.id),
    name: String(r.name),
    role: r.role as ApiRole,
    createdAt: iso(r.created_at),
    lastUsedAt: isoOrNull(r.last_used_at),
    revokedAt: isoOrNull(r.revoked_at),
  };
}
