// The development IMR letters that have gold (../shared/eval/docs/*.pdf, ../shared/eval/gold), sent
// as faxes: each page rendered at 200 dpi, skewed up to ±0.4°, lightly speckled, cut to 1 bit, G4-
// compressed into an image-only PDF (bench/fax.ts). chartline reads them by OCR and the shared scorer
// scores them against the same gold. The same letters' text-layer score is printed beside it.
//
// The faxes are made fresh on every run in the eval's temporary folder (a few seconds); OCR is never
// cached: every run reads every page.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { goldFiles, score } from '../gold-set.mjs';

export default {
  name: 'faxes',
  order: 7,
  async run(ctx) {
    const { faxPdfOf } = await import(pathToFileURL(join(ctx.repo, 'dist', 'bench', 'fax.js')).href);
    const goldDir = join(ctx.shared, 'eval', 'gold');
    const letters = goldFiles(goldDir).filter(({ gold }) => /\.pdf$/i.test(gold.document));
    if (letters.length === 0) return { total: 'TOTAL 0 docs: no gold for PDF letters', detail: '', failed: false };
    // gold for these letters only (the set also has a text file, which has no fax)
    const gold = join(ctx.dir, 'gold');
    mkdirSync(gold, { recursive: true });
    for (const { file } of letters) copyFileSync(join(goldDir, file), join(gold, file));

    const textPred = join(ctx.dir, 'pred-text');
    const faxPred = join(ctx.dir, 'pred-fax');
    mkdirSync(textPred, { recursive: true });
    mkdirSync(faxPred, { recursive: true });
    let pages = 0;
    let faxMs = 0;
    let ocrMs = 0;
    for (const { file, gold: g } of letters) {
      const original = readFileSync(join(ctx.shared, 'eval', 'docs', g.document));
      writeFileSync(join(textPred, file), JSON.stringify(await ctx.predict(g.document, original, ctx.dir)));
      const t0 = performance.now();
      // the seed is the letter's name: the same fax on every run and machine
      const fax = await faxPdfOf(new Uint8Array(original), { seed: g.document });
      const t1 = performance.now();
      const timeline = await ctx.predict(g.document, Buffer.from(fax), ctx.dir);
      ocrMs += performance.now() - t1;
      faxMs += t1 - t0;
      pages += timeline.documents.reduce((n, d) => n + d.pages, 0);
      writeFileSync(join(faxPred, file), JSON.stringify(timeline));
    }
    const text = score(ctx.shared, gold, textPred);
    const fax = score(ctx.shared, gold, faxPred);
    const rate = ` · ${pages} fax pages, ${(pages / (ocrMs / 1000)).toFixed(2)} pages/s read (faxing them: ${(faxMs / 1000).toFixed(1)} s)`;
    return {
      total: `${fax.total}  | text layer of the same ${letters.length} letters: ${text.total}${rate}`,
      detail: `── faxed ──\n${fax.detail}\n── text layer ──\n${text.detail}`,
      failed: fax.failed || text.failed,
    };
  },
};
