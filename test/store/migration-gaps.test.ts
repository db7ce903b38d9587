// Parts of chartline number their migrations in their own ranges (1, 10+, 20+, 30+), so the runner
// must take gaps, apply a lower version merged after a higher one was applied, and refuse a database
// that ran a migration this code does not know.
import { afterAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrate, MIGRATIONS, sortedMigrations, type Migration } from '../../src/store/migrations.js';
import { DATABASE_URL, dropSchema, freshSchema, tempDir } from '../queue/support/services.js';

const schema = freshSchema();
const data = tempDir('migration-gaps');
let db: Database | undefined;

afterAll(async () => {
  await db?.close();
  await dropSchema(schema);
  data.remove();
});

const m = (version: number, table: string): Migration => ({ version, name: `create ${table}`, sql: `create table ${table} (id integer)` });

it('applies versions with gaps in order, a late lower version too, and refuses unknown or doubled versions', async () => {
  db = await openDatabase({ databaseUrl: DATABASE_URL, schema, dataDir: data.path, blobsDir: data.path });
  expect(await migrate(db, schema, [m(20, 'web_a'), m(1, 'core_a')])).toEqual([1, 20]);
  // another part's migration 10 arrives after 20 was applied: it runs, the others do not run again
  expect(await migrate(db, schema, [m(1, 'core_a'), m(10, 'ingest_a'), m(20, 'web_a'), m(31, 'queue_a')])).toEqual([10, 31]);
  expect(await migrate(db, schema, [m(1, 'core_a'), m(10, 'ingest_a'), m(20, 'web_a'), m(31, 'queue_a')])).toEqual([]);
  const tables = await db.query<{ table_name: string }>('select table_name from information_schema.tables where table_schema = $1 order by table_name', [schema]);
  expect(tables.map((t) => t.table_name)).toEqual(['core_a', 'ingest_a', 'queue_a', 'schema_migrations', 'web_a']);
  // a database migrated by a newer chartline (31 unknown here) is refused, not half-used
  await expect(migrate(db, schema, [m(1, 'core_a'), m(10, 'ingest_a'), m(20, 'web_a')])).rejects.toThrow(/migration 31, which this chartline does not know/);
  expect(() => sortedMigrations([m(20, 'x'), m(20, 'y')])).toThrow(/two migrations have version 20/);
});

it('ships its migrations in version order, each version once', () => {
  const versions = MIGRATIONS.map((x) => x.version);
  expect(versions).toEqual([...versions].sort((a, b) => a - b));
  expect(new Set(versions).size).toBe(versions.length);
  expect(versions).toEqual(expect.arrayContaining([1, 20, 21, 22, 23]));
});
