// Two uploads at the same moment under one bundle id with different files: before, both got 202
// "added" and the timeline silently held only one upload's files (9 of 25 tries). Now the id is
// claimed atomically: one upload wins, the other gets 409 — never both accepted, never files lost.
// The same for two `chartline enqueue --bundle ID` at once.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, uploadForm, type ApiHarness } from './support/api-harness.js';
import { runCli } from '../queue/support/cli.js';
import { deletePrefix, freshPrefix, REDIS_URL, tempDir } from '../queue/support/services.js';

const note = (who: string, day: number): { name: string; data: Uint8Array } => ({
  name: `${who}-note-${day}.txt`,
  data: Buffer.from(`PROGRESS NOTE\nThe claimant was seen on 03/${String(day).padStart(2, '0')}/2015 by ${who} for low back pain.\n`),
});

let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
}, 60_000);
afterAll(async () => {
  await api?.close();
});

describe('racing uploads under one bundle id', () => {
  it("10 rounds of two POST /api/bundles at once: one 202, one 409, and the timeline holds exactly the winner's files", async () => {
    for (let round = 0; round < 10; round++) {
      const bundleId = `race-${round}`;
      const uploads = [
        [note('alpha', 1), note('alpha', 2)],
        [note('beta', 3), note('beta', 4), note('beta', 5)],
      ];
      const answers = await Promise.all(uploads.map((files) => api.call('/api/bundles', { method: 'POST', role: 'intake', body: uploadForm(files, { bundleId, referenceDate: '2020-06-01' }) })));
      const statuses = answers.map((r) => r.status);
      expect(statuses.slice().sort(), `round ${round}`).toEqual([202, 409]);
      const loser = answers[statuses.indexOf(409)] as Response;
      expect(((await loser.json()) as { message: string }).message).toBe(`bundle ${bundleId} is already queued with other files; give this upload another bundleId`);
      const winner = uploads[statuses.indexOf(202)] as { name: string }[];
      await api.finished(bundleId);
      const timeline = (await (await api.call(`/api/bundles/${bundleId}/timeline`, { role: 'reviewer' })).json()) as { documents: { name: string }[] };
      expect(timeline.documents.map((d) => d.name).sort(), `round ${round}`).toEqual(winner.map((f) => f.name).sort());
    }
  }, 240_000);

  it('the same files uploaded twice at once: both accepted, one bundle, nothing doubled', async () => {
    const files = [note('gamma', 6)];
    const answers = await Promise.all([0, 1].map(() => api.call('/api/bundles', { method: 'POST', role: 'intake', body: uploadForm(files, { bundleId: 'same-twice', referenceDate: '2020-06-01' }) })));
    expect(answers.map((r) => r.status)).toEqual([202, 202]);
    await api.finished('same-twice');
    const timeline = (await (await api.call('/api/bundles/same-twice/timeline', { role: 'reviewer' })).json()) as { documents: { name: string }[] };
    expect(timeline.documents.map((d) => d.name)).toEqual(['gamma-note-6.txt']);
  }, 60_000);
});

describe('racing `chartline enqueue --bundle ID`', () => {
  it('4 rounds of two enqueues at once with different files: one exits 0, the other exits 1 with a clear message', async () => {
    const prefix = freshPrefix();
    const dir = tempDir('enqueue-race');
    try {
      for (const who of ['alpha', 'beta']) {
        mkdirSync(join(dir.path, who));
        for (const day of who === 'alpha' ? [1, 2] : [3, 4, 5]) {
          const f = note(who, day);
          writeFileSync(join(dir.path, who, f.name), f.data);
        }
      }
      const env = { REDIS_URL, CHARTLINE_QUEUE_PREFIX: prefix, CHARTLINE_DATA: join(dir.path, 'data'), DATABASE_URL: '' };
      for (let round = 0; round < 4; round++) {
        const runs = await Promise.all(['alpha', 'beta'].map((who) => runCli(['enqueue', join(dir.path, who), '--bundle', `cli-race-${round}`, '--no-progress'], env)));
        const codes = runs.map((r) => r.code);
        expect(codes.slice().sort(), `round ${round}: ${runs.map((r) => r.stderr).join(' | ')}`).toEqual([0, 1]);
        expect((runs[codes.indexOf(1)] as { stderr: string }).stderr).toMatch(`bundle cli-race-${round} is already queued with other files`);
      }
    } finally {
      await deletePrefix(prefix);
      dir.remove();
    }
  }, 120_000);
});
