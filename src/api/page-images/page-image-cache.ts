// The original page as an image, for any stored PDF page: rendered once on a worker thread (pdf.js),
// then served from a cache on disk (<data>/page-images/ab/<sha256>/<page>-<width>.png, with the page's
// text boxes beside it as .json), so a reviewer's second look costs a file read. Other originals
// (scanned TIFFs, photos) are not PDFs: a renderer for them can be registered (registerPageRenderer),
// e.g. by the OCR work, and is tried first.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../../store/store.js';
import { ThreadPool } from '../../thread-pool.js';
import type { PageLayout } from './page-layout.js';
import type { RenderResult, RenderTask } from './render-thread.js';

export const PAGE_IMAGE_WIDTH = 1100;

export interface PageImage {
  png: Buffer;
  layout: PageLayout;
}

/** a renderer for originals that are not PDFs: null when it does not handle these bytes */
export type PageRenderer = (original: Uint8Array, page: number, width: number) => Promise<Omit<RenderResult, 'pageCount'> | null>;
const extraRenderers: PageRenderer[] = [];

export function registerPageRenderer(renderer: PageRenderer): void {
  extraRenderers.push(renderer);
}

export function isPdf(bytes: Uint8Array): boolean {
  // %PDF- within the first KiB (some files carry junk before the header)
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

export function renderThreadScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, 'render-thread.js');
  if (existsSync(beside)) return beside;
  let dir = here;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'dist', 'src', 'api', 'page-images', 'render-thread.js');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('cannot find the compiled dist/src/api/page-images/render-thread.js: run `npm run build` first');
}

export class PageImageError extends Error {
  constructor(
    readonly reason: 'no_original' | 'not_an_image' | 'no_page' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'PageImageError';
  }
}

export class PageImageCache {
  private pool: ThreadPool<RenderTask, RenderResult> | null = null;
  private readonly inflight = new Map<string, Promise<PageImage>>();

  constructor(
    private readonly store: Store,
    readonly dir: string = join(store.config.dataDir, 'page-images'),
  ) {}

  private paths(sha256: string, page: number, width: number) {
    const base = join(this.dir, sha256.slice(0, 2), sha256, `${page}-${width}`);
    return { png: `${base}.png`, json: `${base}.json` };
  }

  /** the page's image and text boxes; PageImageError when there is none to show */
  async get(sha256: string, page: number, width = PAGE_IMAGE_WIDTH): Promise<PageImage> {
    const p = this.paths(sha256, page, width);
    if (existsSync(p.png) && existsSync(p.json)) {
      try {
        return { png: readFileSync(p.png), layout: JSON.parse(readFileSync(p.json, 'utf8')) as PageLayout };
      } catch {
        // a damaged cache entry is rendered again
      }
    }
    const key = `${sha256}:${page}:${width}`;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.render(sha256, page, width).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  private async render(sha256: string, page: number, width: number): Promise<PageImage> {
    const original = this.store.getOriginal(sha256);
    if (!original) throw new PageImageError('no_original', 'the original file is not in the blob store (CHARTLINE_BLOBS) of this server');
    let result: Omit<RenderResult, 'pageCount'> | null = null;
    for (const r of extraRenderers) {
      result = await r(original, page, width);
      if (result) break;
    }
    if (!result) {
      if (!isPdf(original)) throw new PageImageError('not_an_image', 'the original is not a PDF (a text file has no page image: its text is the original)');
      this.pool ??= new ThreadPool<RenderTask, RenderResult>({
        size: 1,
        script: renderThreadScript(),
        timeoutMs: 60_000,
        taskError: (e) => (e.code === 'no_page' ? new PageImageError('no_page', e.message) : new PageImageError('failed', `the page could not be rendered: ${e.message}`)),
        lostError: (reason) => new PageImageError('failed', `the page renderer stopped (${reason})`),
        timeoutError: (ms) => new PageImageError('failed', `rendering the page took longer than ${ms / 1000} s`),
        closedMessage: 'the page renderer',
      });
      result = await this.pool.run({ data: original, page, width });
    }
    const png = Buffer.from(result.png);
    const p = this.paths(sha256, page, width);
    try {
      mkdirSync(dirname(p.png), { recursive: true });
      // written aside and renamed: a reader never sees half a file
      writeFileSync(`${p.json}.tmp`, JSON.stringify(result.layout));
      renameSync(`${p.json}.tmp`, p.json);
      writeFileSync(`${p.png}.tmp`, png);
      renameSync(`${p.png}.tmp`, p.png);
    } catch {
      // a read-only or full disk: serve it uncached
    }
    return { png, layout: result.layout };
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }
}
