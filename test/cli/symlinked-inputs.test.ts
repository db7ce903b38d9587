// Symbolic links in a folder given to `process` / `enqueue`: followed, never skipped without a word
// (before, a linked note was silently missing from the timeline); a loop is read once; a broken link
// is a clear usage error.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expandInputs, UsageError } from '../../src/cli/inputs.js';
import { TimelineSchema } from '../../src/schema.js';

let root = '';
const note = (day: number) => `PROGRESS NOTE\nThe claimant was seen on 03/${String(day).padStart(2, '0')}/2015 for low back pain.\n`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'chartline-links-'));
  mkdirSync(join(root, 'records'));
  mkdirSync(join(root, 'elsewhere', 'imaging'), { recursive: true });
  writeFileSync(join(root, 'records', 'a-visit.txt'), note(1));
  writeFileSync(join(root, 'elsewhere', 'b-visit.txt'), note(2));
  writeFileSync(join(root, 'elsewhere', 'imaging', 'c-mri.txt'), note(3));
  symlinkSync(join(root, 'elsewhere', 'b-visit.txt'), join(root, 'records', 'b-link.txt'));
  symlinkSync(join(root, 'elsewhere', 'imaging'), join(root, 'records', 'imaging-link'));
  // a loop: a link inside the folder to the folder itself
  symlinkSync(join(root, 'records'), join(root, 'records', 'loop'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('symbolic links in an input folder', () => {
  it('links to files and folders are followed; a loop is read once', () => {
    expect(expandInputs([join(root, 'records')]).map((i) => i.name)).toEqual(['a-visit.txt', 'b-link.txt', join('imaging-link', 'c-mri.txt')]);
  });

  it('a broken link is a usage error naming it and its target', () => {
    symlinkSync(join(root, 'gone.txt'), join(root, 'records', 'z-broken.txt'));
    expect(() => expandInputs([join(root, 'records')])).toThrow(UsageError);
    expect(() => expandInputs([join(root, 'records')])).toThrow(`broken symbolic link: ${join(root, 'records', 'z-broken.txt')} -> ${join(root, 'gone.txt')} (fix or remove it)`);
  });

  it('chartline process reads the linked files: their dates are in the timeline', () => {
    const run = spawnSync(process.execPath, [resolve('bin/chartline.mjs'), 'process', join(root, 'records'), '--reference-date', '2020-06-01', '--no-ocr'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const timeline = TimelineSchema.parse(JSON.parse(run.stdout));
    expect(timeline.documents.map((d) => d.name)).toEqual(['a-visit.txt', 'b-link.txt', join('imaging-link', 'c-mri.txt')]);
    expect(new Set(timeline.events.map((e) => e.date))).toEqual(new Set(['2015-03-01', '2015-03-02', '2015-03-03']));
  }, 60_000);
});
