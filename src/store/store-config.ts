// Where chartline keeps its results, from the environment. PostgreSQL when DATABASE_URL is set (any
// number of workers and machines); otherwise an embedded PGlite database in CHARTLINE_DATA, which
// serves one process — e.g. `chartline process --store` on a laptop.
import { join, resolve } from 'node:path';

export interface StoreConfig {
  /** postgres://user@host:5432/db — unset means the embedded PGlite database */
  databaseUrl?: string;
  /** PostgreSQL schema holding chartline's tables; tests give each run its own, e.g. "t_queue_4821" */
  schema: string;
  /** folder of the embedded database, its lock file and (by default) the originals */
  dataDir: string;
  /** originals, content-addressed by sha256: <blobsDir>/ab/abcdef… */
  blobsDir: string;
}

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const dataDir = resolve(env.CHARTLINE_DATA || '.chartline');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    schema: env.CHARTLINE_DB_SCHEMA || 'public',
    dataDir,
    blobsDir: resolve(env.CHARTLINE_BLOBS || join(dataDir, 'blobs')),
  };
}

/** A connection string fit for messages and logs: the password replaced by ***. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
