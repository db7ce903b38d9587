// Debian's Chromium, driven by playwright-core, for printing to PDF: never a browser a tool downloads.
// CHARTLINE_CHROMIUM names another binary. Every request the page makes to anywhere is refused: a
// report is self-contained, and a record must never leave the machine.
import { existsSync } from 'node:fs';

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export class ChromiumMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChromiumMissingError';
  }
}

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.CHARTLINE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new ChromiumMissingError(
      `PDF export prints with Chromium, and none was found (${candidates.join(', ')}): install it (Debian: apt-get install chromium) or set CHARTLINE_CHROMIUM; Word, Excel, CSV and JSON exports need no browser`,
    );
  }
  return found;
}

export interface PrintOptions {
  /** small text at the top of every page */
  headerText: string;
  landscape?: boolean;
}

type Browser = import('playwright-core').Browser;
let shared: Promise<Browser> | null = null;
let idle: NodeJS.Timeout | null = null;
let users = 0;
const IDLE_MS = 120_000;

/**
 * One browser for the process, started on the first print (2–5 s here) and kept for the next ones;
 * closed after two idle minutes, or by closeBrowser() (the CLI and the server call it when they stop).
 */
async function browser(): Promise<Browser> {
  if (idle) clearTimeout(idle);
  idle = null;
  if (!shared) {
    const executablePath = chromiumPath();
    shared = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS }));
    shared.catch(() => (shared = null));
  }
  const b = await shared;
  if (!b.isConnected()) {
    shared = null;
    return browser();
  }
  return b;
}

export async function closeBrowser(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const b = shared;
  shared = null;
  if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
}

/** prints a self-contained HTML document to PDF bytes */
export async function printHtmlToPdf(documentHtml: string, options: PrintOptions): Promise<Uint8Array> {
  users++;
  const b = await browser();
  const context = await b.newContext({ javaScriptEnabled: false });
  try {
    await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient')));
    const page = await context.newPage();
    await page.setContent(documentHtml, { waitUntil: 'load' });
    const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
    const pdf = await page.pdf({
      format: 'Letter',
      landscape: options.landscape ?? true,
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:7pt;color:#555;width:100%;padding:0 0.5in;text-align:right;font-family:Arial,sans-serif">${esc(options.headerText)}</div>`,
      footerTemplate:
        '<div style="font-size:7pt;color:#555;width:100%;text-align:center;font-family:Arial,sans-serif">Confidential: protected health information · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    });
    return new Uint8Array(pdf);
  } finally {
    await context.close().catch(() => undefined);
    users--;
    if (users === 0) {
      idle = setTimeout(() => void closeBrowser(), IDLE_MS);
      idle.unref();
    }
  }
}
