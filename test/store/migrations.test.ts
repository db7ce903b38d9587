// Several workers starting at once against a new PostgreSQL schema: one migrates, the others wait
// on the advisory lock and find nothing left to do.
import { afterAll, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore, type Store } from '../../src/store/store.js';
import { DATABASE_URL, dropSchema, freshSchema, tempDir } from '../queue/support/services.js';

const schema = freshSchema();
const data = tempDir('migrations');

afterAll(async () => {
  await dropSchema(schema);
  data.remove();
});

it('migrates a new schema once when three stores open it at the same moment', async () => {
  const open = () => openStore({ databaseUrl: DATABASE_URL, schema, dataDir: data.path, blobsDir: data.path }, {});
  const stores: Store[] = await Promise.all([open(), open(), open()]);
  try {
    const rows = await stores[0]!.db.query<{ version: number }>('select version from schema_migrations order by version');
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    // the tables are in the test's schema, not in public
    const tables = await stores[1]!.db.query<{ table_schema: string }>("select table_schema from information_schema.tables where table_name = 'bundles' and table_schema = $1", [schema]);
    expect(tables).toHaveLength(1);
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
});

it('says clearly when PostgreSQL cannot be reached', async () => {
  await expect(openStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/test', schema, dataDir: data.path, blobsDir: data.path }, {})).rejects.toThrow(
    /cannot reach PostgreSQL postgres:\/\/postgres@127\.0\.0\.1:1\/test.*ECONNREFUSED.*check DATABASE_URL/,
  );
});
