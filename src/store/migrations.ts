// The SQL schema, as numbered migrations applied in order when a store opens. Never edit a shipped
// migration: add the next number (a database at version 1 only ever runs 2, 3, …).
// Kept to what PostgreSQL 15 supports (the server here and in compose); PGlite is PostgreSQL 18.
// JSON is stored as `json`, not `jsonb`: json keeps the text as written, so a timeline read back
// has its keys in the same order as `chartline process` printed them.
import { quoteIdent, type Database } from './database.js';
import { WEB_MIGRATIONS } from './web-migrations.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const CORE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'bundles, documents, pages, events, flags, reviews, tokens',
    sql: `
create table bundles (
  id text primary key,
  name text not null,
  status text not null default 'queued' check (status in ('queued', 'processing', 'completed', 'failed')),
  documents_total integer not null default 0,
  documents_done integer not null default 0,
  progress integer not null default 0 check (progress between 0 and 100),
  reference_date text,
  error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz,
  -- set when a whole timeline has been written; a reprocessed bundle keeps showing its last one
  timeline_at timestamptz
);
create index bundles_created_at on bundles (created_at desc);

-- Each document a worker has read, keyed by the document sha256 within its bundle: the pipeline's
-- DocumentResult (without page texts) waits here until the bundle's timeline is built.
create table document_results (
  bundle_id text not null references bundles (id) on delete cascade,
  sha256 text not null,
  ordinal integer not null,
  name text not null,
  state text not null default 'queued' check (state in ('queued', 'processing', 'done', 'failed')),
  result json,
  error text,
  updated_at timestamptz not null default now(),
  primary key (bundle_id, sha256)
);

-- The timeline's documents[], in order; written with its events and flags in one transaction.
create table documents (
  bundle_id text not null references bundles (id) on delete cascade,
  ordinal integer not null,
  document_id text not null,
  sha256 text not null,
  name text not null,
  pages integer not null,
  errors json not null,
  info json not null,
  primary key (bundle_id, ordinal)
);
create index documents_document_id on documents (document_id);
create index documents_sha256 on documents (sha256);

-- Clean page text, the text every source offset points into; one copy per distinct file.
create table pages (
  sha256 text not null,
  num integer not null,
  document_id text not null,
  text text not null,
  primary key (sha256, num)
);
create index pages_document_id on pages (document_id, num);

create table events (
  bundle_id text not null references bundles (id) on delete cascade,
  ordinal integer not null,
  event_id text not null,
  type text not null,
  date text,
  document_id text not null,
  page integer not null,
  data json not null,
  primary key (bundle_id, ordinal)
);
create index events_bundle_type on events (bundle_id, type);
create index events_date on events (date);

-- id is derived from the bundle id and the flag's own id, so a reprocessed bundle keeps its flags'
-- ids, statuses and review trail.
create table flags (
  id text primary key,
  bundle_id text not null references bundles (id) on delete cascade,
  flag_id text not null,
  ordinal integer not null,
  kind text not null,
  severity text not null,
  date text,
  date_start text,
  date_end text,
  status text not null default 'open' check (status in ('open', 'confirmed', 'dismissed', 'needs-info')),
  data json not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (bundle_id, flag_id)
);
create index flags_bundle on flags (bundle_id, ordinal);
create index flags_kind on flags (kind);
create index flags_status on flags (status);
create index flags_severity on flags (severity);
create index flags_date on flags (date_start, date_end);

-- The audit trail: who decided what about a flag, when, and why. Rows are only ever added (a
-- trigger refuses UPDATE and DELETE); no foreign key, so the trail outlives a flag.
create table flag_reviews (
  id bigint generated always as identity primary key,
  flag_id text not null,
  bundle_id text not null,
  decision text not null check (decision in ('confirm', 'dismiss', 'needs-info')),
  note text not null default '',
  reviewer text not null,
  token_id text,
  created_at timestamptz not null default now()
);
create index flag_reviews_flag on flag_reviews (flag_id, id);

create function flag_reviews_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'flag_reviews is an append-only audit trail: reviews are never changed or deleted';
end
$$;
create trigger flag_reviews_append_only before update or delete on flag_reviews
  for each row execute function flag_reviews_append_only();

-- Bearer tokens for the API; only the sha256 of a token is kept.
create table api_tokens (
  id text primary key,
  name text not null,
  role text not null check (role in ('intake', 'reviewer', 'analyst')),
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
`,
  },
];

/**
 * Every migration, in version order. Parts of chartline number theirs in their own ranges (web: 20+,
 * see web-migrations.ts), so versions have gaps; a version is never used twice.
 */
export const MIGRATIONS: readonly Migration[] = sortedMigrations([...CORE_MIGRATIONS, ...WEB_MIGRATIONS]);

export function sortedMigrations(list: readonly Migration[]): Migration[] {
  const sorted = [...list].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version < 1) throw new Error(`migration "${m.name}" has an invalid version ${m.version}`);
    if (i > 0 && sorted[i - 1]?.version === m.version) throw new Error(`two migrations have version ${m.version}: "${sorted[i - 1]?.name}" and "${m.name}"`);
  });
  return sorted;
}

/** Brings the schema up to the latest version; returns the versions it applied. Safe when several
 * workers start at once: they queue on an advisory lock and the later ones find nothing to do. */
export async function migrate(db: Database, schema: string, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const s = quoteIdent(schema);
  const ordered = sortedMigrations(migrations);
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [lockKey(schema)]);
    await tx.exec(`create schema if not exists ${s}; set local search_path to ${s}`);
    await tx.exec(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    // a database that has run a migration this code does not know was written by a newer chartline
    const known = new Set(ordered.map((m) => m.version));
    const unknown = [...done].filter((v) => !known.has(v)).sort((a, b) => a - b);
    if (unknown.length) {
      throw new Error(`the database schema has migration${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}, which this chartline does not know: upgrade chartline`);
    }
    // every version not applied yet, in order: a gap (20 after 1) is fine, and so is a lower number
    // arriving after a higher one (another part's migration 10 merged after 20 was applied)
    for (const m of ordered) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}

/** For a database another process migrated (a PGlite socket): it must have every version this code has, and no other. */
export async function checkMigrated(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  const done = new Set((await db.query<{ version: number }>('select version from schema_migrations')).map((r) => Number(r.version)));
  const missing = migrations.filter((m) => !done.has(m.version)).map((m) => m.version);
  const unknown = [...done].filter((v) => !migrations.some((m) => m.version === v));
  if (missing.length || unknown.length) {
    throw new Error(
      `the process holding the embedded database runs another chartline version (its schema ${missing.length ? `lacks migration ${missing.join(', ')}` : `has migration ${unknown.join(', ')}, unknown here`}): run this command with the same chartline, or stop that process`,
    );
  }
}

function lockKey(schema: string): number {
  let h = 0x6368;
  for (const c of `chartline:${schema}`) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}
