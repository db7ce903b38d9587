// The web app in Debian's Chromium (playwright-core; never a downloaded browser), against
// `chartline serve` run as a user would: embedded PGlite, workers in-process, the machine's Redis.
// Tokens are created with `chartline token create` while serve runs (through its socket). It covers
// issue 13's "Done when": upload with a blank name and date; a bundle with unreadable files seen by
// intake; the lumbar sample's chronology with its 08/25/14 visit (findings folded) within two
// screens after searching "08/25"; expanding a visit; the original page image with the quote;
// exports to Word, Excel and PDF opened and checked; a dismissal without a note refused; the next
// flag; 390 px without horizontal scroll; and no request to any host but 127.0.0.1 from any page.
// Screenshots go to test/artifacts/.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
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
const FIXTURES = resolve('test/fixtures');
const ARTIFACTS = resolve('test/artifacts');
const CONSULT = '07-ortho-spine-consult-2014-08-25.pdf';
const NOTE = 'Exam and discussion describe different sides of the same visit; checked page 2, not a discrepancy.';
const VIEW = { width: 1366, height: 860 };

const data = tempDir('browser-data');
const profile = tempDir('browser-profile');
const intakeProfile = tempDir('browser-intake');
const prefix = freshPrefix();
const env = { DATABASE_URL: '', CHARTLINE_DATA: data.path, REDIS_URL, CHARTLINE_QUEUE_PREFIX: prefix, CHARTLINE_CONCURRENCY: '2', CHARTLINE_LOG_LEVEL: 'warn' };

let serve: BackgroundCli | undefined;
let base = '';
const tokens: Record<string, string> = {};
let context: BrowserContext;
let intakeContext: BrowserContext | undefined;
let page: Page;
let bundleId = '';
let timeline: Timeline;
/** every request a page made to anywhere but 127.0.0.1 (refused, and failing the suite) */
const outside: string[] = [];

async function createToken(role: string, name: string): Promise<string> {
  const r = await runCli(['token', 'create', '--role', role, '--name', name], env, 90_000);
  if (r.code !== 0) throw new Error(`token create failed: ${r.stderr}`);
  return r.stdout.trim();
}

async function launch(dir: string): Promise<BrowserContext> {
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: VIEW, acceptDownloads: true });
  // nothing leaves this machine: any other host is refused and remembered
  await ctx.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    outside.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  return ctx;
}

async function signIn(p: Page, token: string, who: string): Promise<void> {
  await p.goto(`${base}/bundles`);
  await expect.poll(() => new URL(p.url()).pathname).toBe('/login');
  await p.fill('input[name=token]', token);
  await Promise.all([p.waitForURL(`${base}/bundles`), p.click('form[action="/login"] button[type=submit]')]);
  await expect(p.textContent('.who')).resolves.toContain(who);
}

async function shot(p: Page, name: string, fullPage = false): Promise<void> {
  await p.screenshot({ path: join(ARTIFACTS, name), fullPage });
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium); .ci/run does this`);
  mkdirSync(ARTIFACTS, { recursive: true });
  // the first token makes the database; the rest are created while serve holds it
  tokens.analyst = await createToken('analyst', 'Ana Analyst');
  serve = startCli(['serve', '--port', '0'], env);
  base = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`chartline serve did not start:\n${serve?.output()}`)), 90_000);
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
  context = await launch(profile.path);
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
}, 180_000);

afterAll(async () => {
  await intakeContext?.close().catch(() => undefined);
  await context?.close().catch(() => undefined);
  if (serve && serve.child.exitCode === null) {
    serve.child.kill('SIGTERM');
    await serve.exited;
  }
  await deletePrefix(prefix);
  data.remove();
  profile.remove();
  intakeProfile.remove();
}, 60_000);

describe('the web app in Chromium', () => {
  it('creates tokens while serve holds the embedded database, and signs in with one', async () => {
    tokens.intake = await createToken('intake', 'Intake Desk');
    tokens.admin = await createToken('admin', 'Ada Admin');
    const list = await runCli(['token', 'list'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/intake\s+active.*Intake Desk/);
    await signIn(page, tokens.analyst as string, 'Ana Analyst · analyst');
    // the session cookie is out of the page's reach
    expect(await page.evaluate(() => document.cookie)).toBe('');
  }, 120_000);

  it('uploads the 9-document sample with a blank name and date, and shows it processed', async () => {
    const files = readdirSync(SAMPLE)
      .filter((n) => n.endsWith('.pdf') || n.endsWith('.txt'))
      .sort()
      .map((n) => join(SAMPLE, n));
    expect(files.length).toBe(9);
    const before = Number(/\d+/.exec((await page.textContent('#bundle-count')) ?? '0')?.[0]);
    await page.setInputFiles('#upload-form input[type=file]', files);
    // the name and date fields stay blank: the first file's name and today
    expect(await page.inputValue('#upload-form input[name=name]')).toBe('');
    expect(await page.inputValue('#upload-form input[name=referenceDate]')).toBe('');
    await page.click('#upload-form button[type=submit]');
    const link = page.locator('#upload-status a[data-bundle-id]');
    await link.waitFor();
    const today = new Date().toISOString().slice(0, 10);
    await expect(page.textContent('#upload-status')).resolves.toContain(`Queued bundle 01-mri-lumbar-2014-02-12+8 (9 documents, dates read as of ${today}).`);
    bundleId = (await link.getAttribute('data-bundle-id')) as string;
    const row = page.locator(`tr[data-bundle-id="${bundleId}"]`);
    await row.waitFor();
    await page.locator(`tr[data-bundle-id="${bundleId}"][data-status="completed"]`).waitFor({ timeout: 120_000 });
    await expect(row.locator('progress').getAttribute('value')).resolves.toBe('100');
    await expect(row.textContent()).resolves.toContain('9 / 9');
    // the header counts the new bundle without a reload
    await expect.poll(async () => Number(/\d+/.exec((await page.textContent('#bundle-count')) ?? '0')?.[0])).toBe(before + 1);
    await shot(page, 'bundles.png');
    timeline = (await page.evaluate(async (url) => (await fetch(url)).json(), `/api/bundles/${bundleId}/timeline`)) as Timeline;
    expect(timeline.documents).toHaveLength(9);
  }, 180_000);

  it('shows the chronology: after searching "08/25" the 08/25/14 visit, findings folded, is within the first two screens', async () => {
    await Promise.all([page.waitForURL(`${base}/bundles/${bundleId}`), page.click(`tr[data-bundle-id="${bundleId}"] a.button`)]);
    const rows = page.locator('#chronology tr.visit');
    await rows.first().waitFor();
    const total = await rows.count();
    // one row per visit or report: far fewer rows than statements
    expect(total).toBeGreaterThan(8);
    expect(total).toBeLessThan(timeline.events.length / 5);
    await expect(page.locator('#chronology tr.items li.item').count()).resolves.toBe(timeline.events.length);
    // the case header read from the records
    await expect(page.textContent('.case-line')).resolves.toMatch(/Claim\s*05-4471-WC.*Date of injury\s*01\/12\/2010/s);
    // the flag summary can be folded away
    await expect(page.locator('#flags-summary > summary').isVisible()).resolves.toBe(true);
    await shot(page, 'chronology.png');

    await page.fill('#chrono-q', '08/25');
    await page.press('#chrono-q', 'Enter');
    await expect.poll(() => page.textContent('#chrono-status')).toMatch(/^Showing \d+ of \d+ visits and reports matching “08\/25”$/);
    const visit = page.locator(`#chronology tr.visit[data-date="2014-08-25"]`, { has: page.locator(`.doc-name[title="${CONSULT}"]`) });
    await expect(visit.isVisible()).resolves.toBe(true);
    // its findings are folded
    const items = page.locator(`#i-${await visit.getAttribute('id')}`);
    await expect(items.isHidden()).resolves.toBe(true);
    await expect(visit.locator('button.fold').getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(visit.textContent()).resolves.toMatch(/\d+ findings/);
    // within the first two screens of the page, from its top
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await visit.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(2 * VIEW.height);
    // the records' text is searched too
    await page.locator('#text-hits:not([hidden])').waitFor();
    await expect(page.textContent('#text-hits-count')).resolves.toMatch(/^\d+ pages?$/);
    await page.setViewportSize({ width: VIEW.width, height: 2 * VIEW.height });
    await shot(page, 'chronology-search-0825.png');
    await page.setViewportSize(VIEW);
  }, 60_000);

  it('expands a visit: its findings, plan and other statements, each citing its page', async () => {
    const visit = page.locator(`#chronology tr.visit[data-date="2014-08-25"]`, { has: page.locator(`.doc-name[title="${CONSULT}"]`) });
    await visit.locator('button.fold').click();
    const items = page.locator(`#i-${await visit.getAttribute('id')}`);
    await expect(items.isVisible()).resolves.toBe(true);
    await expect(visit.locator('button.fold').getAttribute('aria-expanded')).resolves.toBe('true');
    const findings = items.locator('.g-finding li.item');
    expect(await findings.count()).toBeGreaterThanOrEqual(10);
    await expect(items.locator('.g-plan').textContent()).resolves.toMatch(/repeat MRI of the lumbar spine/i);
    for (const href of await items.locator('a.src').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      expect(href).toMatch(/^\/documents\/[0-9a-f]{16}\/pages\/\d+\?start=\d+&end=\d+&bundle=/);
    await visit.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -60));
    await shot(page, 'chronology-expanded.png');
    // expand all, collapse all
    await page.click('[data-action="expand-all"]');
    await expect(page.locator('#chronology tr.items:not([hidden]):not(.is-hidden)').count()).resolves.toBe(await page.locator('#chronology tr.visit:not(.is-hidden)').count());
    await page.click('[data-action="collapse-all"]');
    await expect(page.locator('#chronology tr.items:not([hidden])').count()).resolves.toBe(0);
  });

  it('shows the original page as an image with the quote boxed, beside its text with the quote marked', async () => {
    const visit = page.locator(`#chronology tr.visit[data-date="2014-08-25"]`, { has: page.locator(`.doc-name[title="${CONSULT}"]`) });
    if ((await visit.locator('button.fold').getAttribute('aria-expanded')) !== 'true') await visit.locator('button.fold').click();
    const item = page.locator(`#i-${await visit.getAttribute('id')} li.item`, { hasText: '4+/5 weakness' }).first();
    const event = timeline.events.find((e) => e.source.document === timeline.documents.find((d) => d.name === CONSULT)!.id && e.source.quote.includes('4+/5 weakness of the left'))!;
    expect(await item.getAttribute('id')).toBe(event.id);
    await item.locator('.item-text').click();
    const img = page.locator('#panel-original img');
    await img.waitFor();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), { timeout: 30_000 }).toBe(1100);
    const boxes = page.locator('#panel-original .quote-box');
    await boxes.first().waitFor();
    expect(await boxes.count()).toBeGreaterThan(0);
    // the boxes sit inside the image, over the middle of the page where the discussion is
    const imgBox = (await img.boundingBox())!;
    for (const b of await boxes.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(b.left).toBeGreaterThanOrEqual(imgBox.x - 1);
      expect(b.right).toBeLessThanOrEqual(imgBox.x + imgBox.width + 1);
      expect(b.height).toBeGreaterThan(4);
    }
    await expect(page.textContent('#panel-title')).resolves.toMatch(new RegExp(`${CONSULT.replace(/\./g, '\\.')} · page \\d of 4`));
    await shot(page, 'source-original.png');
    await page.click('#tab-text');
    await expect(page.textContent('#panel-text mark.quote')).resolves.toBe(event.source.quote);
    await page.click('#tab-original');

    // the page on its own: image and text side by side, and the original file for download
    const href = (await item.locator('a.src').getAttribute('href')) as string;
    const source = await context.newPage();
    await source.goto(`${base}${href}`);
    await source.locator('.page-image .quote-box').first().waitFor();
    await expect(source.textContent('mark.quote')).resolves.toBe(event.source.quote);
    await shot(source, 'source-page.png');
    const [download] = await Promise.all([source.waitForEvent('download'), source.click('a[download]:has-text("Original file")')]);
    expect(download.suggestedFilename()).toBe(CONSULT);
    expect(
      readFileSync((await download.path()) as string)
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    await source.close();
    await page.click('#panel-close');
  }, 90_000);

  it('exports the chronology to Word, Excel and PDF with rows, dates, page cites and flags', async () => {
    await page.goto(`${base}/bundles/${bundleId}`);
    const rows = await page.locator('#chronology tr.visit').count();
    const download = async (format: string) => {
      await page.click('#export-menu > summary');
      const [d] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.click(`#export-menu a[data-format="${format}"]`)]);
      expect(d.suggestedFilename()).toMatch(new RegExp(`-chronology-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
      return (await d.path()) as string;
    };

    const { default: mammoth } = await import('mammoth');
    const docx = (await mammoth.extractRawText({ path: await download('docx') })).value;
    expect(docx).toContain('Medical chronology');
    expect(docx).toContain('05-4471-WC');
    expect(docx).toContain(`Chronology (${rows} visits and reports)`);
    // the consult's row: its date, then its type as the page shows it
    const kind = (await page.locator(`#chronology tr.visit[data-date="2014-08-25"]`, { has: page.locator(`.doc-name[title="${CONSULT}"]`) }).getAttribute('data-kind')) as string;
    expect(docx).toMatch(new RegExp(`08/25/2014\\s+${kind}\\s`));
    expect(docx).toContain(CONSULT);
    expect(docx).toMatch(/p\. 1, 2(, \d)*/);
    expect(docx).toMatch(/HIGH · exam plan mismatch — 08\/25\/2014 — open/);
    expect(docx).toMatch(/exam:\s+“/);
    expect(docx).toMatch(/discussion:\s+“/);

    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download('xlsx'));
    const sheet = wb.getWorksheet('Chronology')!;
    expect(sheet.rowCount - 1).toBe(rows);
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(1, 8)).toEqual(['Date', 'Type', 'Provider', 'Facility', 'Summary', 'Document', 'Pages']);
    const consult = sheet.getRows(2, rows)!.find((r) => r.getCell(6).value === CONSULT)!;
    expect(consult.getCell(1).value).toEqual(new Date('2014-08-25T00:00:00Z'));
    expect(String(consult.getCell(7).value)).toMatch(/^1, 2/);
    expect(String(consult.getCell(9).value)).toContain('exam plan mismatch (open)');
    const flags = wb.getWorksheet('Flags')!;
    expect(flags.rowCount - 1).toBe(timeline.flags.length);
    const mismatch = flags.getRows(2, flags.rowCount - 1)!.find((r) => r.getCell(2).value === 'exam plan mismatch')!;
    expect(String(mismatch.getCell(6).value)).toMatch(/^exam:\n“.*” \(07-ortho-spine-consult-2014-08-25\.pdf p\. \d\)/);
    expect(String(mismatch.getCell(7).value)).toMatch(/^discussion:\n/);
    expect(wb.getWorksheet('Statements')!.rowCount - 1).toBe(timeline.events.length);

    const { PDFParse } = await import('pdf-parse');
    const parser = new PDFParse({ data: new Uint8Array(readFileSync(await download('pdf'))) });
    try {
      const text = await parser.getText();
      expect(text.total).toBeGreaterThanOrEqual(2);
      expect(text.total).toBeLessThanOrEqual(8);
      expect(text.text).toContain('Medical chronology');
      expect(text.text).toContain('08/25/2014');
      expect(text.text).toContain('05-4471-WC');
    } finally {
      await parser.destroy();
    }
  }, 240_000);

  it('prints the chronology in a few pages, one line per visit', async () => {
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.topbar', '#chrono-tools', '#source-panel']) await expect(page.locator(chrome).isVisible(), chrome).resolves.toBe(false);
    const pdf = await page.pdf({ path: join(ARTIFACTS, 'chronology-print.pdf'), format: 'Letter', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const { PDFParse } = await import('pdf-parse');
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      // the page printed before this chronology took 21 Letter pages for this sample
      expect((await parser.getInfo()).total).toBeLessThanOrEqual(5);
    } finally {
      await parser.destroy();
    }
  });

  it('refuses a dismissal without a note, records one with a note, and goes on to the next flag', async () => {
    await page.goto(`${base}/flags?status=open`);
    await page.locator('.flags-table tbody tr').first().waitFor();
    await shot(page, 'flags.png', true);
    const open = await page.locator('.flags-table tbody tr[data-flag-id]').count();
    expect(open).toBe(timeline.flags.length);
    await Promise.all([page.waitForURL(/\/flags\/fl_[0-9a-f]{24}\?status=open$/), page.click('tr[data-kind="exam_plan_mismatch"] td.summary a')]);
    // both sides, quoted, by file name; no raw ids
    await expect(page.locator('.evidence .side').evaluateAll((els) => els.map((e) => e.getAttribute('data-role')))).resolves.toEqual(['exam', 'discussion']);
    await expect(page.locator('.evidence blockquote footer a').first().textContent()).resolves.toMatch(/^07-ortho-spine-consult-2014-08-25\.pdf, page \d$/);
    expect(await page.locator('main').textContent()).not.toMatch(/\bev_[0-9a-f]{16}\b|exam-plan-mismatch\.domain-conflict/);
    await expect(page.textContent('.queue-nav')).resolves.toMatch(/1 of 2 in the queue/);
    const flagUrl = page.url();

    // dismiss without a note: refused, nothing recorded
    await page.check('#review-form input[value=dismiss]');
    expect(await page.locator('#review-note').evaluate((t: HTMLTextAreaElement) => t.required)).toBe(true);
    await page.locator('#review-note').evaluate((t: HTMLTextAreaElement) => (t.required = false)); // what a script-less browser would send
    const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('#review-form button[name=next][value=""]')]);
    expect(refused.status()).toBe(400);
    await expect(page.textContent('#review-form .notice.error')).resolves.toContain('a dismissal needs a note');
    await expect(page.textContent('#flag-status')).resolves.toBe('open');
    await expect(page.textContent('#audit-trail')).resolves.toContain('No decisions yet');
    await shot(page, 'flag-dismiss-refused.png', true);

    // with a note, and on to the next flag of the queue
    await page.goto(flagUrl);
    await page.check('#review-form input[value=dismiss]');
    await page.fill('#review-form textarea[name=note]', NOTE);
    const nextHref = (await page.locator('.queue-nav a[rel=next]').getAttribute('href')) as string;
    await Promise.all([page.waitForURL(`${base}${nextHref}`), page.click('#review-form button[name=next]:not([value=""])')]);
    // the next flag of the open queue, which the dismissed one has just left
    expect(nextHref).toMatch(/^\/flags\/fl_[0-9a-f]{24}\?status=open$/);
    expect(nextHref).not.toBe(new URL(flagUrl).pathname + new URL(flagUrl).search);
    await expect(page.textContent('.queue-nav')).resolves.toMatch(/1 of 1 in the queue/);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/contradiction/);
    await shot(page, 'flag-next.png', true);
    // the dismissed flag's trail
    await page.goto(flagUrl);
    const entry = page.locator('#audit-trail li[data-decision="dismiss"]');
    await expect(entry.textContent()).resolves.toContain('Dismissed by Ana Analyst');
    await expect(entry.textContent()).resolves.toContain(NOTE);
    await expect(page.textContent('#flag-status')).resolves.toBe('dismissed');
  }, 60_000);

  it('shows intake a bundle whose files could not be read: amber, with the reasons', async () => {
    intakeContext = await launch(intakeProfile.path);
    const p = intakeContext.pages()[0] ?? (await intakeContext.newPage());
    p.setDefaultTimeout(30_000);
    await signIn(p, tokens.intake as string, 'Intake Desk · intake');
    await p.setInputFiles(
      '#upload-form input[type=file]',
      ['corrupt.pdf', 'encrypted.pdf', 'good.pdf'].map((n) => join(FIXTURES, n)),
    );
    await p.fill('#upload-form input[name=name]', 'three files, two unreadable');
    await p.click('#upload-form button[type=submit]');
    const link = p.locator('#upload-status a[data-bundle-id]');
    await link.waitFor();
    const id = (await link.getAttribute('data-bundle-id')) as string;
    const row = p.locator(`tr[data-bundle-id="${id}"][data-status="completed"]`);
    await row.waitFor({ timeout: 120_000 });
    const badge = row.locator('.badge.state-completed');
    await expect(badge.textContent()).resolves.toBe('completed — 2 of 3 unreadable');
    await expect(badge.getAttribute('class')).resolves.toContain('partial');
    await expect(badge.evaluate((b) => getComputedStyle(b).backgroundColor)).resolves.toBe('rgb(255, 244, 224)');
    await row.locator('details.problems > summary').click();
    await expect(row.locator('details.problems').textContent()).resolves.toMatch(/corrupt\.pdf.*encrypted\.pdf/s);
    await shot(p, 'intake-unreadable.png');
    // the bundle's own page, for intake: every document and why
    await Promise.all([p.waitForURL(`${base}/bundles/${id}`), row.locator('a.button').click()]);
    await expect(p.textContent('#intake-notice')).resolves.toMatch(/Completed — 2 of 3 documents are unreadable/);
    await expect(p.locator('#chronology').count()).resolves.toBe(0);
    await shot(p, 'intake-status.png');
  }, 180_000);

  it('lets an admin create and revoke a token on the Tokens page', async () => {
    const p = await context.newPage();
    await p.goto(`${base}/login`);
    await p.fill('input[name=token]', tokens.admin as string);
    await Promise.all([p.waitForURL(`${base}/bundles`), p.click('form[action="/login"] button[type=submit]')]);
    await p.click('nav a[href="/admin/tokens"]');
    await p.fill('form[action="/admin/tokens"] input[name=name]', 'Dr. New Reviewer');
    await p.selectOption('form[action="/admin/tokens"] select[name=role]', 'reviewer');
    await p.click('form[action="/admin/tokens"] button[type=submit]');
    const token = await p.inputValue('#new-token');
    expect(token).toMatch(/^clt_/);
    await shot(p, 'tokens.png');
    const anon = await request.newContext();
    expect((await anon.get(`${base}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(200);
    await p.goto(`${base}/admin/tokens`);
    await p.locator('tr', { hasText: 'Dr. New Reviewer' }).locator('button').click();
    await p.locator('.notice.ok', { hasText: 'Revoked' }).waitFor();
    expect((await anon.get(`${base}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
    await anon.dispose();
    await p.close();
  }, 60_000);

  it('shows the queue dashboard with no outside request and a way back', async () => {
    await page.goto(`${base}/admin/queues`);
    await page.locator('#chartline-back').waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, 'queues.png');
    await Promise.all([page.waitForURL(`${base}/bundles`), page.click('#chartline-back')]);
  }, 60_000);

  it('fits a phone (390 px): nothing scrolls sideways, the chronology is a readable list', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const paths = ['/bundles', `/bundles/${bundleId}`, `/bundles/${bundleId}?q=08%2F25`, '/flags', `/flags?status=dismissed`];
    const flagHref = (await (await request.newContext()).get(`${base}/api/flags?limit=1`, { headers: { Authorization: `Bearer ${tokens.analyst}` } }).then((r) => r.json())) as {
      items: { id: string }[];
    };
    paths.push(`/flags/${flagHref.items[0]!.id}`);
    for (const path of paths) {
      await page.goto(`${base}${path}`);
      await page.waitForLoadState('networkidle');
      const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: window.innerWidth }));
      expect(widths.doc, path).toBeLessThanOrEqual(390);
      expect(widths.body, path).toBeLessThanOrEqual(390);
    }
    await page.goto(`${base}/bundles/${bundleId}?q=08%2F25`);
    const visit = page.locator(`#chronology tr.visit[data-date="2014-08-25"]`).first();
    await expect(visit.evaluate((tr) => getComputedStyle(tr).display)).resolves.toBe('grid');
    await visit.locator('button.fold').click();
    await shot(page, 'phone-chronology.png');
    await page.goto(`${base}/bundles`);
    await shot(page, 'phone-bundles.png');
    await page.setViewportSize(VIEW);
  }, 90_000);

  it('refuses the API without a token, and the flags API to an intake token; signing out ends the session', async () => {
    const anonymous = await request.newContext();
    const none = await anonymous.get(`${base}/api/flags`);
    expect(none.status()).toBe(401);
    expect(await none.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    const intake = await anonymous.get(`${base}/api/flags`, { headers: { Authorization: `Bearer ${tokens.intake}` } });
    expect(intake.status()).toBe(403);
    expect(((await intake.json()) as { message: string }).message).toMatch(/needs one of the roles analyst, admin; the token "Intake Desk" has the role intake/);
    await anonymous.dispose();
    await page.goto(`${base}/bundles`);
    await Promise.all([page.waitForURL(/\/login\?signedOut=1$/), page.click('.who button[type=submit]')]);
    const res = await page.goto(`${base}/api/flags`);
    expect(res?.status()).toBe(401);
  });

  it('made no request to any host but 127.0.0.1, from any page', () => {
    expect(outside).toEqual([]);
  });
});
