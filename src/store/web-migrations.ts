// Migrations of the web app and API (issue 13, issue 15 items 7–11), numbered from 20: other parts of
// chartline number theirs from 10 and 30, and the runner (migrations.ts) applies every version it has
// not applied yet, in version order, gaps and all.
import type { Migration } from './migrations.js';

export const WEB_MIGRATIONS: readonly Migration[] = [
  {
    version: 20,
    name: 'flag_reviews refuses TRUNCATE too (append-only audit trail)',
    // the row trigger of version 1 catches UPDATE and DELETE; TRUNCATE fires statement triggers only
    sql: `
create trigger flag_reviews_no_truncate before truncate on flag_reviews
  for each statement execute function flag_reviews_append_only();
`,
  },
  {
    version: 21,
    name: 'page sessions: opaque ids kept as hashes, revocable, ending with their token',
    // The browser's cookie holds a random session id, never the bearer token. Only its sha256 is kept,
    // so a copy of the database opens no session. Revoking the token ends its sessions (the join in
    // session-queries.ts); signing out revokes the one session.
    sql: `
create table sessions (
  id_hash text primary key,
  token_id text not null references api_tokens (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_token on sessions (token_id);
create index sessions_expires on sessions (expires_at);
`,
  },
  {
    version: 22,
    name: 'admin role: manages tokens in the web app',
    sql: `
alter table api_tokens drop constraint if exists api_tokens_role_check;
alter table api_tokens add constraint api_tokens_role_check check (role in ('intake', 'reviewer', 'analyst', 'admin'));
`,
  },
  {
    version: 23,
    name: 'bundles count their unreadable documents (a bundle none of whose documents could be read is failed)',
    sql: `
alter table bundles add column documents_unreadable integer not null default 0;
`,
  },
];
