// `chartline token` and `chartline serve` as a user runs them (the built CLI, separate processes),
// against PostgreSQL in a schema of its own.
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { runCli, startCli } from '../queue/support/cli.js';
import { DATABASE_URL, deletePrefix, dropSchema, freshPrefix, freshSchema, REDIS_URL, tempDir } from '../queue/support/services.js';

const schema = freshSchema();
const prefix = freshPrefix();
const data = tempDir('api-cli');
const env = { DATABASE_URL, CHARTLINE_DB_SCHEMA: schema, CHARTLINE_DATA: data.path, REDIS_URL, CHARTLINE_QUEUE_PREFIX: prefix, CHARTLINE_CONCURRENCY: '1', CHARTLINE_LOG_LEVEL: 'warn' };

afterAll(async () => {
  await dropSchema(schema);
  await deletePrefix(prefix);
  data.remove();
});

describe('chartline token', () => {
  it('creates a token, printed once on stdout and stored only as a hash; lists and revokes it', async () => {
    const created = await runCli(['token', 'create', '--role', 'reviewer', '--name', 'Dr. A. Reviewer'], env);
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^clt_[A-Za-z0-9_-]{20,}$/);
    expect(created.stderr).toMatch(/created tok_[0-9a-f]+ \(reviewer, "Dr\. A\. Reviewer"\); the token above is shown only now/);

    const store = await openStore({ databaseUrl: DATABASE_URL, schema }, {});
    try {
      const record = await store.verifyApiToken(token);
      expect(record).toMatchObject({ name: 'Dr. A. Reviewer', role: 'reviewer', revokedAt: null });
      const stored = await store.db.query<{ token_hash: string }>('select token_hash from api_tokens');
      expect(stored.map((r) => r.token_hash)).not.toContain(token);

      const list = await runCli(['token', 'list'], env);
      expect(list.code).toBe(0);
      expect(list.stdout).toContain(record!.id);
      expect(list.stdout).toContain('Dr. A. Reviewer');
      expect(list.stdout).not.toContain(token);

      const revoked = await runCli(['token', 'revoke', record!.id], env);
      expect(revoked.code).toBe(0);
      expect(await store.verifyApiToken(token)).toBeNull();
      expect((await runCli(['token', 'revoke', record!.id], env)).stderr).toMatch(/no active token/);
    } finally {
      await store.close();
    }
  });

  it('refuses an unknown role or an empty name as a usage error', async () => {
    const role = await runCli(['token', 'create', '--role', 'superuser', '--name', 'x'], env);
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/--role must be one of intake, reviewer, analyst, admin, not "superuser"/);
    expect((await runCli(['token', 'create', '--role', 'intake', '--name', ' '], env)).code).toBe(2);
    expect((await runCli(['token', 'create', '--name', 'x'], env)).code).toBe(2);
  });
});

describe('chartline serve', () => {
  it('refuses a bad port', async () => {
    const r = await runCli(['serve', '--port', 'http'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port must be 0–65535/);
  });

  it('serves health and the API with PostgreSQL and no workers, and stops on SIGTERM', async () => {
    const serve = startCli(['serve', '--port', '0', '--no-workers'], env);
    try {
      const base = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve did not start:\n${serve.output()}`)), 30_000);
        const check = setInterval(() => {
          const m = /serving on (http:\/\/[^\s]+)/.exec(serve.output());
          if (m) {
            clearTimeout(timer);
            clearInterval(check);
            resolve(m[1] as string);
          }
        }, 50);
      });
      expect(serve.output()).not.toMatch(/with workers/);
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok', store: 'ok', queue: 'ok' });
      expect((await fetch(`${base}/api/bundles`)).status).toBe(401);
    } finally {
      serve.child.kill('SIGTERM');
    }
    expect(await serve.exited).toEqual({ code: 0, signal: null });
  });
});
