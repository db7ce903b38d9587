// Bundle ids are made from a hash of the files (or the name the user typed), never from file or
// folder names: those carry personal data into job ids, URLs and every log line (the probe found
// "john-smith-dob-1961-04-02-ssn-123-45-6789-1dcd921913" in the worker's log).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, uploadForm, type ApiHarness } from './support/api-harness.js';

const FILE = 'john-smith-dob-1961-04-02-ssn-123-45-6789.txt';
const data = Buffer.from('PROGRESS NOTE\nThe claimant was seen on 03/02/2015 for low back pain.\n');

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe('bundle ids without file names', () => {
  it.each<[label: string, fields: Record<string, string>, id: RegExp]>([
    ['no name given: a hash', {}, /^bundle-[0-9a-f]{10}$/],
    ['a name typed by the user: that name and a hash', { name: 'Claim 4711' }, /^claim-4711-[0-9a-f]{10}$/],
  ])(
    '%s; the log of the whole run never holds the file name',
    async (_label, fields, id) => {
      const res = await api.call('/api/bundles', { method: 'POST', role: 'intake', body: uploadForm([{ name: FILE, data }], { ...fields, referenceDate: '2020-06-01' }) });
      expect(res.status).toBe(202);
      const { bundleId } = (await res.json()) as { bundleId: string };
      expect(bundleId).toMatch(id);
      await api.finished(bundleId);
      expect((await api.call(`/api/bundles/${bundleId}`, { role: 'intake' })).status).toBe(200);
      const log = api.logs.join('');
      expect(log).toContain(bundleId);
      expect(log).not.toContain('john-smith');
      expect(log).not.toContain('123-45-6789');
    },
    60_000,
  );
});
