// One small query interface over both engines, so every query in src/store is written once:
// `pg` against PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise.
// Both return DATE as 'YYYY-MM-DD' text and int8 as a number (pg's defaults are a local-midnight
// Date and a string; PGlite's are UTC and a number), so rows look the same whichever runs.
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { acquirePgliteLock } from './pglite-lock.js';
import { redactUrl, type StoreConfig } from './store-config.js';
import { StoreLockedError, StoreUnavailableError } from './store-errors.js';

export type Row = Record<string, unknown>;

export interface Queryable {
  /** one statement with $1… parameters */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** several statements, no parameters (migrations) */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pg' | 'pglite';
  /** reached through the socket of the process that holds the embedded database (serveSocket) */
  readonly viaSocket?: boolean;
  /**
   * pglite only: lets local commands reach this process's embedded database through a Unix socket in
   * the data folder (see PGLITE_SOCKET); resolves to a function that closes it.
   */
  serveSocket?(): Promise<() => Promise<void>>;
  /** for messages: where the data is */
  readonly location: string;
  /** runs fn in one transaction: committed when it resolves, rolled back when it throws */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid schema name "${name}": use lowercase letters, digits and _`);
  return `"${name}"`;
}

/**
 * The Unix socket a process holding the embedded database (`chartline serve`) listens on, in the data
 * folder, named as PostgreSQL names its own (so pg connects with host = the folder, port 5432):
 * `chartline token create` and the other commands reach the database through it instead of stopping
 * at the lock.
 */
export const PGLITE_SOCKET = '.s.PGSQL.5432';

export async function openDatabase(config: StoreConfig): Promise<Database> {
  if (config.databaseUrl) return openPg(config.databaseUrl, config.schema);
  try {
    return await openPglite(config.dataDir, config.schema);
  } catch (err) {
    // held by another process: through its socket, when it offers one
    if (err instanceof StoreLockedError && existsSync(join(config.dataDir, PGLITE_SOCKET))) {
      return openPg(`postgres://postgres@localhost/postgres?host=${encodeURIComponent(config.dataDir)}&port=5432`, config.schema, {
        location: `the embedded database in ${config.dataDir} (through the socket of the process that holds it)`,
        pool: 1,
      });
    }
    throw err;
  }
}

async function openPg(url: string, schema: string, via?: { location: string; pool: number }): Promise<Database> {
  const { default: pg } = await import('pg');
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === DATE_OID) return (s: string) => s;
      if (oid === INT8_OID) return (s: string) => Number(s);
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: via?.pool ?? (Number(process.env.CHARTLINE_DB_POOL) || 5),
    connectionTimeoutMillis: 5000,
    // every connection works in the configured schema; migrations create it (through a PGlite socket
    // the schema is set by the process that holds the database)
    ...(via ? {} : { options: `-c search_path=${quoteIdent(schema)}` }),
    types: types as never,
  });
  // an idle connection dropped by the server (restart, failover) must not crash the worker; the
  // next query opens a new one
  pool.on('error', () => undefined);
  const location = via?.location ?? `PostgreSQL ${redactUrl(url)}${schema === 'public' ? '' : ` (schema ${schema})`}`;
  try {
    await pool.query('select 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new StoreUnavailableError(`cannot reach ${location}: ${describePgError(err)}; check DATABASE_URL`);
  }
  const wrap = (client: { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> }): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(sql, [...params])).rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  const direct = wrap(pool);
  return {
    kind: 'pg',
    viaSocket: via !== undefined,
    location,
    query: direct.query,
    exec: direct.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

function describePgError(err: unknown): string {
  const e = err as { code?: string; message?: string; errors?: { message?: string }[] };
  // an AggregateError (IPv4 and IPv6 both refused) has an empty message of its own
  const message = e.message || e.errors?.map((x) => x.message).join('; ') || String(err);
  return e.code && !message.includes(e.code) ? `${e.code} ${message}` : message;
}

async function openPglite(dataDir: string, schema: string): Promise<Database> {
  const release = acquirePgliteLock(dataDir);
  const dir = join(dataDir, 'pglite');
  let db: import('@electric-sql/pglite').PGlite;
  try {
    mkdirSync(dir, { recursive: true });
    const { PGlite } = await import('@electric-sql/pglite');
    db = new PGlite({ dataDir: dir, parsers: { [DATE_OID]: (s: string) => s, [INT8_OID]: (s: string) => Number(s) } });
    await db.waitReady;
    await db.exec(`create schema if not exists ${quoteIdent(schema)}; set search_path to ${quoteIdent(schema)}`);
  } catch (err) {
    release();
    throw new StoreUnavailableError(`cannot open the embedded database in ${dir}: ${(err as Error).message}`);
  }
  const engine = db;
  const wrap = (q: Pick<typeof engine, 'query' | 'exec'>): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return (await q.query<T>(sql, [...params])).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const direct = wrap(engine);
  return {
    kind: 'pglite',
    location: `the embedded database in ${dataDir}`,
    query: direct.query,
    exec: direct.exec,
    // PGlite runs one statement at a time; its transaction() holds the engine until fn settles
    transaction: (fn) => engine.transaction((tx) => fn(wrap(tx))),
    async serveSocket() {
      const path = join(dataDir, PGLITE_SOCKET);
      // we hold the lock: a socket file left there is from a process that died
      rmSync(path, { force: true });
      const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
      const server = new PGLiteSocketServer({ db: engine, path, maxConnections: 8 });
      await server.start();
      // only this user may connect (the database files are theirs too)
      chmodSync(path, 0o600);
      return async () => {
        await server.stop();
        rmSync(path, { force: true });
      };
    },
    async close() {
      try {
        await engine.close();
      } finally {
        release();
      }
    },
  };
}
