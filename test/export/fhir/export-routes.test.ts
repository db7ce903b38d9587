// The FHIR export where users get it: `chartline process --format fhir`, `chartline export <id>
// --format fhir` (the built CLI, separate processes, PostgreSQL in a schema of its own) and
// GET /api/bundles/:id/fhir (the server with workers, a bundle uploaded and processed). A stored
// bundle's export is the same as process printed, identical when exported again, and follows the
// reviewers' decisions on its flags.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, DetectedIssue, Provenance } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedBundleToFhir } from '../../../src/export/fhir/fhir-exporter.js';
import { EXT, SID } from '../../../src/export/fhir/namespace.js';
import { openStore } from '../../../src/store/store.js';
import { startApi, uploadForm, type ApiHarness } from '../../api/support/api-harness.js';
import { CONSULT, lumbarFiles, PAIN_NOTE } from '../../api/support/samples.js';
import { runCli } from '../../queue/support/cli.js';
import { DATABASE_URL, dropSchema, freshSchema, tempDir } from '../../queue/support/services.js';
import { ext, resources } from './support.js';

/**
 * The Bundle without what only the store knows or when it was made: process stamps its run, export
 * the time the stored timeline was written; export adds each flag's record id in the store.
 */
function withoutStoreFacts(bundle: Bundle): unknown {
  const copy = structuredClone(bundle);
  delete copy.timestamp;
  for (const r of resources(copy)) {
    if (r.resourceType === 'Provenance') delete (r as Partial<Provenance>).recorded;
    if (r.resourceType === 'DetectedIssue') r.identifier = r.identifier?.filter((i) => i.system !== SID.flagRecord);
  }
  return copy;
}

function issues(bundle: Bundle): DetectedIssue[] {
  return resources(bundle).filter((r): r is DetectedIssue => r.resourceType === 'DetectedIssue');
}

describe('chartline process --format fhir and chartline export --format fhir', () => {
  const schema = freshSchema();
  const data = tempDir('fhir-cli');
  const out = mkdtempSync(join(tmpdir(), 'chartline-fhir-'));
  const env = { DATABASE_URL, CHARTLINE_DB_SCHEMA: schema, CHARTLINE_DATA: data.path, CHARTLINE_LOG_LEVEL: 'warn' };

  afterAll(async () => {
    await dropSchema(schema);
    data.remove();
    rmSync(out, { recursive: true, force: true });
  });

  it('prints a FHIR Bundle from process, and export of the stored bundle gives the same resources, byte-identical when run again', async () => {
    const processed = await runCli(['process', 'samples/lumbar-mri-dispute', '--format', 'fhir', '--store', '--reference-date', '2020-06-01', '--no-progress'], env, 120_000);
    expect(processed.code, processed.stderr).toBe(0);
    const bundleId = /stored as bundle (\S+)/.exec(processed.stderr)?.[1] as string;
    expect(bundleId).toMatch(/^bundle-[0-9a-f]{10}$/);
    const fromProcess = JSON.parse(processed.stdout) as Bundle;
    expect(fromProcess).toMatchObject({ resourceType: 'Bundle', type: 'collection', identifier: { value: bundleId } });

    const first = join(out, 'first.fhir.json');
    const exported = await runCli(['export', bundleId, '--format', 'fhir', '--out', first], env);
    expect(exported.code, exported.stderr).toBe(0);
    const fromExport = JSON.parse(readFileSync(first, 'utf8')) as Bundle;
    expect(withoutStoreFacts(fromExport)).toEqual(withoutStoreFacts(fromProcess));
    expect(issues(fromExport).every((i) => i.identifier?.some((id) => id.system === SID.flagRecord))).toBe(true);
    // the stored bundle's own time, not the export's
    const store = await openStore({ databaseUrl: DATABASE_URL, schema }, {});
    try {
      expect(fromExport.timestamp).toBe((await store.getBundle(bundleId))?.completedAt);
    } finally {
      await store.close();
    }
    const again = await runCli(['export', bundleId, '-f', 'fhir'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(readFileSync(first, 'utf8'));

    const timeline = await runCli(['timeline', bundleId], env);
    const events = (JSON.parse(timeline.stdout) as { events: { id: string }[] }).events;
    for (const e of events) {
      const found = resources(fromExport).filter((r) => ((r as { identifier?: { system?: string; value?: string }[] }).identifier ?? []).some((i) => i.system === SID.event && i.value === e.id));
      expect(found, e.id).toHaveLength(1);
    }
  }, 180_000);

  it('exports the reviewers’ decisions on the flags', async () => {
    const store = await openStore({ databaseUrl: DATABASE_URL, schema }, {});
    try {
      const bundleId = (await store.listBundles()).items[0]?.id as string;
      const flags = await store.listFlags({ bundleId });
      expect(flags.items.length).toBeGreaterThan(0);
      const before = (await storedBundleToFhir(store, bundleId)) as Bundle;
      expect(issues(before).map((i) => i.status)).toEqual(flags.items.map(() => 'preliminary'));
      const target = flags.items[0]!;
      await store.addFlagReview({ flagId: target.id, decision: 'dismiss', note: 'same finding, two reports', reviewer: 'Dr. A. Reviewer' });
      const after = (await storedBundleToFhir(store, bundleId)) as Bundle;
      const issue = issues(after).find((i) => i.identifier?.some((id) => id.system === SID.flagRecord && id.value === target.id)) as DetectedIssue;
      expect(issue.status).toBe('entered-in-error');
      expect(ext(issue.extension, EXT.reviewStatus)[0]?.valueCode).toBe('dismissed');
      expect(issue.mitigation?.[0]?.action.text).toBe('Dismissed by reviewer: same finding, two reports');
      expect(issue.mitigation?.[0]?.author?.display).toBe('Dr. A. Reviewer');
    } finally {
      await store.close();
    }
  }, 60_000);

  it('answers bad requests with a clear message and exit status', async () => {
    const format = await runCli(['export', 'lumbar', '--format', 'hl7v2'], env);
    expect([format.code, format.stderr.trim()]).toEqual([2, 'chartline: --format must be one of docx, xlsx, pdf, csv, json, fhir, not "hl7v2"']);
    const missing = await runCli(['export', 'lumbar'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--format/);
    const unknown = await runCli(['export', 'no-such-bundle', '--format', 'fhir'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no bundle no-such-bundle/);
    const badId = await runCli(['export', '../etc', '--format', 'fhir'], env);
    expect(badId.code).toBe(2);
    const processFormat = await runCli(['process', 'samples/lumbar-mri-dispute', '--format', 'xml'], env);
    expect([processFormat.code, processFormat.stderr.trim()]).toEqual([2, 'chartline: --format must be json, text or fhir, not "xml"']);
  }, 60_000);
});

describe('GET /api/bundles/:id/fhir', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
    const res = await api.call('/api/bundles', { method: 'POST', role: 'intake', body: uploadForm(lumbarFiles([PAIN_NOTE, CONSULT]), { bundleId: 'lumbar-fhir', referenceDate: '2020-06-01' }) });
    expect(res.status).toBe(202);
    await api.finished('lumbar-fhir');
  }, 120_000);
  afterAll(async () => api?.close());

  it('answers a reviewer with the FHIR Bundle, as application/fhir+json, the same on every request', async () => {
    const res = await api.call('/api/bundles/lumbar-fhir/fhir', { role: 'reviewer' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/fhir+json; fhirVersion=4.0; charset=utf-8');
    const text = await res.text();
    const bundle = JSON.parse(text) as Bundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', identifier: { value: 'lumbar-fhir' } });
    const timeline = (await (await api.call('/api/bundles/lumbar-fhir/timeline', { role: 'reviewer' })).json()) as { events: unknown[]; flags: unknown[] };
    expect(issues(bundle)).toHaveLength(timeline.flags.length);
    expect(resources(bundle).filter((r) => ((r as { identifier?: { system?: string }[] }).identifier ?? []).some((i) => i.system === SID.event))).toHaveLength(timeline.events.length);
    expect(await (await api.call('/api/bundles/lumbar-fhir/fhir', { role: 'analyst' })).text()).toBe(text);
  });

  it('follows a review made through the API', async () => {
    const flags = (await (await api.call('/api/flags?bundle=lumbar-fhir', { role: 'analyst' })).json()) as { items: { id: string }[] };
    const flagId = flags.items[0]?.id as string;
    const review = await api.call(`/api/flags/${flagId}/reviews`, {
      method: 'POST',
      role: 'reviewer',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ decision: 'confirm', note: 'agreed' }),
    });
    expect(review.status).toBe(201);
    const bundle = (await (await api.call('/api/bundles/lumbar-fhir/fhir', { role: 'reviewer' })).json()) as Bundle;
    const issue = issues(bundle).find((i) => i.identifier?.some((id) => id.value === flagId)) as DetectedIssue;
    expect(issue.status).toBe('final');
    expect(issue.mitigation?.map((m) => [m.action.coding?.[0]?.code, m.author?.display])).toEqual([['confirm', 'Test reviewer']]);
  });

  it('refuses intake (403), no token (401), an unknown bundle (404) and one without a timeline (409)', async () => {
    expect((await api.call('/api/bundles/lumbar-fhir/fhir', { role: 'intake' })).status).toBe(403);
    expect((await api.call('/api/bundles/lumbar-fhir/fhir')).status).toBe(401);
    expect((await api.call('/api/bundles/no-such-bundle/fhir', { role: 'reviewer' })).status).toBe(404);
    await api.store.createBundle({ id: 'not-yet', name: 'not yet', documents: [] });
    const pending = await api.call('/api/bundles/not-yet/fhir', { role: 'reviewer' });
    expect(pending.status).toBe(409);
    expect(((await pending.json()) as { message: string }).message).toMatch(/no timeline yet/);
  });
});
