// The web app in Debian's Chromium (playwright-core; never a downloaded browser), against
// `chartline serve` run as a user would: embedded PGlite, workers in-process, the machine's Redis.
// Upload the lumbar sample through the form, wait for it, read its timeline, open an event's source
// page with the quote highlighted, open a flag, dismiss it with a note, see the audit entry; and the
// API refuses a request without a token, or with an intake token on the flags API.
// Screenshots of the timeline and flags pages (and the timeline printed to PDF) go to test/artifacts/.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, request, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Timeline } from '../../src/schema.js';
import { runCli, startCli, type BackgroundCli } from '../queue/support/cli.js';
import { deletePrefix, freshPrefix, REDIS_URL, tempDir } from '../queue/support/services.js';

const CHROMIUM = '/usr/bin/chromium';
// as STACK.md says; playwright adds the fresh --user-data-dir itself (launchPersistentContext)
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SAMPLE = resolve('samples/lumbar-mri-dispute');
const ARTIFACTS = resolve('test/artifacts');
const NOTE = 'Exam and discussion describe different sides of the same visit; checked page 2, not a discrepancy.';

const data = tempDir('browser-data');
const profile = tempDir('browser-profile');
const prefix = freshPrefix();
const env = { DATABASE_URL: '', CHARTLINE_DATA: data.path, REDIS_URL, CHARTLINE_QUEUE_PREFIX: prefix, CHARTLINE_CONCURRENCY: '2', CHARTLINE_LOG_LEVEL: 'warn' };

let serve: BackgroundCli | undefined;
let base = '';
let analystToken = '';
let intakeToken = '';
let context: BrowserContext;
let page: Page;
let bundleId = '';

async function createToken(role: string, name: string): Promise<string> {
  const r = await runCli(['token', 'create', '--role', role, '--name', name], env, 90_000);
  if (r.code !== 0) throw new Error(`token create failed: ${r.stderr}`);
  return r.stdout.trim();
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium); .ci/run does this`);
  mkdirSync(ARTIFACTS, { recursive: true });
  // tokens first: the embedded database serves one process, and serve will hold it
  analystToken = await createToken('analyst', 'Ana Analyst');
  intakeToken = await createToken('intake', 'Intake Desk');
  serve = startCli(['serve', '--port', '0'], env);
  base = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`chartline serve did not start:\n${serve?.output()}`)), 60_000);
    const poll = setInterval(() => {
      const m = /serving on (http:\/\/\S+)/.exec(serve?.output() ?? '');
      if (m) {
        clearInterval(poll);
        clearTimeout(timer);
        done(m[1] as string);
      }
    }, 50);
    void serve?.exited.then(() => fail(new Error(`chartline serve exited:\n${serve?.output()}`)));
  });
  context = await chromium.launchPersistentContext(profile.path, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1366, height: 860 },
    acceptDownloads: true,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
}, 150_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  if (serve && serve.child.exitCode === null) {
    serve.child.kill('SIGTERM');
    await serve.exited;
  }
  await deletePrefix(prefix);
  data.remove();
  profile.remove();
}, 60_000);

describe('the web app in Chromium', () => {
  it('sends a visitor to the sign-in page and signs in with a token', async () => {
    await page.goto(`${base}/bundles`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    await page.fill('input[name=token]', analystToken);
    await Promise.all([page.waitForURL(`${base}/bundles`), page.click('form[action="/login"] button[type=submit]')]);
    await expect(page.textContent('.who')).resolves.toContain('Ana Analyst · analyst');
    // the session cookie is out of the page's reach
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('uploads the sample bundle through the form and shows it processed', async () => {
    const files = readdirSync(SAMPLE)
      .filter((n) => n.endsWith('.pdf'))
      .sort()
      .map((n) => join(SAMPLE, n));
    expect(files.length).toBe(8);
    await page.setInputFiles('#upload-form input[type=file]', files);
    await page.fill('#upload-form input[name=name]', 'lumbar-mri-dispute');
    await page.fill('#upload-form input[name=referenceDate]', '2020-01-01');
    await page.click('#upload-form button[type=submit]');
    const link = page.locator('#upload-status a[data-bundle-id]');
    await link.waitFor();
    await expect(page.textContent('#upload-status')).resolves.toMatch(/Queued bundle lumbar-mri-dispute-[0-9a-f]{10} \(8 documents\)/);
    bundleId = (await link.getAttribute('data-bundle-id')) as string;
    // the list refreshes by itself until the bundle is done
    const row = page.locator(`tr[data-bundle-id="${bundleId}"]`);
    await row.waitFor();
    await page.locator(`tr[data-bundle-id="${bundleId}"][data-status="completed"]`).waitFor({ timeout: 90_000 });
    await expect(row.locator('progress').getAttribute('value')).resolves.toBe('100');
    await expect(row.textContent()).resolves.toContain('8 / 8');
  }, 120_000);

  it('shows the timeline; clicking an event opens its source page with the quote highlighted', async () => {
    await Promise.all([page.waitForURL(`${base}/bundles/${bundleId}`), page.click(`tr[data-bundle-id="${bundleId}"] a.button`)]);
    await page.locator('#timeline .event').first().waitFor();
    const timeline = (await page.evaluate(async (url) => (await fetch(url)).json(), `/api/bundles/${bundleId}/timeline`)) as Timeline;
    expect(await page.locator('#timeline .event').count()).toBe(timeline.events.length);
    // date-ordered: the day groups follow the events' own order
    const days = await page.locator('#timeline > li.day').evaluateAll((els) => els.map((e) => e.getAttribute('data-date')));
    const dated = days.filter(Boolean) as string[];
    expect(dated).toEqual([...dated].sort());

    // an event of the planted exam/plan mismatch carries the flag's badge
    const mismatch = timeline.flags.find((f) => f.kind === 'exam_plan_mismatch');
    expect(mismatch).toBeDefined();
    const flaggedId = mismatch!.eventIds.find((id) => {
      const e = timeline.events.find((x) => x.id === id);
      return e && e.source.end <= e.source.start + e.source.quote.length;
    })!;
    const event = timeline.events.find((e) => e.id === flaggedId)!;
    const item = page.locator(`li.event[id="${flaggedId}"]`);
    await expect(item.locator('a.flag-badge').first().textContent()).resolves.toContain('exam/plan mismatch');

    await item.locator('a.ev-summary').click();
    const mark = page.locator('#source-panel mark.quote');
    await mark.waitFor();
    await expect(mark.textContent()).resolves.toBe(event.source.quote);
    const docName = timeline.documents.find((d) => d.id === event.source.document)!.name;
    await expect(page.textContent('#panel-title')).resolves.toContain(`${docName} · page ${event.source.page} of`);
    await expect(item.getAttribute('class')).resolves.toContain('selected');
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'timeline.png') });

    // filters by event type
    const exams = timeline.events.filter((e) => e.type === 'exam_finding').length;
    await page.uncheck('#type-filters input[value=exam_finding]');
    await expect(page.textContent('#filter-status')).resolves.toBe(`Showing ${timeline.events.length - exams} of ${timeline.events.length} events`);
    await expect(item.isHidden()).resolves.toBe(true);
    await page.check('#type-filters input[value=exam_finding]');
    await expect(item.isVisible()).resolves.toBe(true);

    // printable: no bars, filters or side panel on paper, every event kept
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.topbar', '#type-filters', '#source-panel']) await expect(page.locator(chrome).isVisible(), chrome).resolves.toBe(false);
    await expect(item.isVisible()).resolves.toBe(true);
    await page.pdf({ path: join(ARTIFACTS, 'timeline.pdf'), format: 'Letter', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
  }, 60_000);

  it('lists the flags with counts, opens one, dismisses it with a note and shows the audit entry', async () => {
    await page.goto(`${base}/flags`);
    await page.locator('.flags-table tbody tr').first().waitFor();
    await expect(page.textContent('[data-facet="kind:exam_plan_mismatch"]')).resolves.toMatch(/exam\/plan mismatch\s*1/);
    await expect(page.textContent('[data-facet="kind:contradiction"]')).resolves.toMatch(/contradiction\s*\d+/);
    await expect(page.textContent('[data-facet="status:open"]')).resolves.toMatch(/open\s*\d+/);
    await page.screenshot({ path: join(ARTIFACTS, 'flags.png'), fullPage: true });

    // the CSV export of the filtered list
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-export')]);
    const csv = await (await request.newContext()).get(`${base}${new URL(download.url()).pathname}`, { headers: { Authorization: `Bearer ${analystToken}` } });
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^id,bundle_id,bundle_name,flag_id,kind,severity,status/);

    await Promise.all([page.waitForURL(/\/flags\/fl_[0-9a-f]{24}$/), page.click('tr[data-kind="exam_plan_mismatch"] td.summary a')]);
    await expect(page.locator('.evidence .side').evaluateAll((els) => els.map((e) => e.getAttribute('data-role')))).resolves.toEqual(['exam', 'discussion']);
    await expect(page.locator('.evidence blockquote footer a').first().getAttribute('href')).resolves.toMatch(/^\/documents\/[0-9a-f]{16}\/pages\/\d+\?start=\d+&end=\d+&bundle=/);
    await page.check('#review-form input[value=dismiss]');
    await page.fill('#review-form textarea[name=note]', NOTE);
    await Promise.all([page.waitForURL(/#audit-trail$/), page.click('#review-form button[type=submit]')]);
    const entry = page.locator('#audit-trail li[data-decision="dismiss"]');
    await entry.waitFor();
    await expect(entry.textContent()).resolves.toContain('Dismissed by Ana Analyst');
    await expect(entry.textContent()).resolves.toContain(NOTE);
    await expect(page.textContent('#flag-status')).resolves.toBe('dismissed');

    // the source link of a quote opens its page with the quote marked
    await page.click('.evidence blockquote footer a >> nth=0');
    await page.locator('mark.quote').waitFor();
    expect((await page.textContent('mark.quote'))?.length).toBeGreaterThan(10);

    await page.goto(`${base}/flags?status=dismissed`);
    await expect(page.locator('.flags-table tbody tr[data-status="dismissed"]').count()).resolves.toBe(1);
  }, 60_000);

  it('refuses the API without a token, and the flags API to an intake token', async () => {
    const anonymous = await request.newContext();
    const none = await anonymous.get(`${base}/api/flags`);
    expect(none.status()).toBe(401);
    expect(await none.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    const intake = await anonymous.get(`${base}/api/flags`, { headers: { Authorization: `Bearer ${intakeToken}` } });
    expect(intake.status()).toBe(403);
    expect(((await intake.json()) as { message: string }).message).toMatch(/needs the analyst role; the token "Intake Desk" has the role intake/);
    expect((await anonymous.get(`${base}/api/bundles`, { headers: { Authorization: `Bearer ${intakeToken}` } })).status()).toBe(200);
    await anonymous.dispose();

    // in the browser: after signing out, the API answers 401 to the page too
    await page.goto(`${base}/bundles`);
    await Promise.all([page.waitForURL(/\/login\?signedOut=1$/), page.click('.who button[type=submit]')]);
    const res = await page.goto(`${base}/api/flags`);
    expect(res?.status()).toBe(401);
  });
});
