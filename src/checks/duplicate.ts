// duplicate: the same page twice in a bundle — a report attached twice, a note re-faxed with a new
// stamp — so a reviewer knows the timeline is not counting it twice (the timeline merges the
// identical statements; this flag says why).
import { makeFlag } from './flag.js';
import { similarity } from './fingerprint.js';
import type { Check, CheckContext } from './run-checks.js';

export const duplicateCheck: Check = {
  name: 'duplicate',
  run(ctx: CheckContext) {
    const cfg = ctx.patterns.data.checks.duplicate;
    const pages = ctx.documents.flatMap((d) => d.fingerprints.filter((f) => f.chars >= cfg.minPageChars).map((f) => ({ doc: d, f })));
    const flags = [];
    const claimed = new Set<string>();
    const key = (p: (typeof pages)[number]): string => `${p.doc.info.id}:${p.f.page}`;
    for (let i = 0; i < pages.length; i++) {
      const a = pages[i]!;
      if (claimed.has(key(a))) continue;
      const copies = [];
      for (let j = i + 1; j < pages.length; j++) {
        const b = pages[j]!;
        if (claimed.has(key(b))) continue;
        const exact = a.f.exact === b.f.exact;
        if (exact || similarity(a.f, b.f) >= cfg.nearDuplicateJaccard) copies.push({ page: b, exact });
      }
      if (copies.length === 0) continue;
      for (const c of copies) claimed.add(key(c.page));
      const where = (p: (typeof pages)[number]): string => `${p.doc.info.name} p.${p.f.page}`;
      const allExact = copies.every((c) => c.exact);
      flags.push(
        makeFlag({
          kind: 'duplicate',
          rule: allExact ? 'duplicate.identical-page' : 'duplicate.near-identical-page',
          severity: 'low',
          date: null,
          summary: `${where(a)} appears again as ${copies.map((c) => where(c.page)).join(', ')} (${allExact ? 'identical text' : 'nearly identical text'}); its events are counted once.`,
          evidence: [a, ...copies.map((c) => c.page)].map((p, n) => ({
            role: n === 0 ? 'original' : 'copy',
            source: { document: p.doc.info.id, page: p.f.page, start: 0, end: p.f.excerpt.length, quote: p.f.excerpt },
          })),
          eventIds: [],
        }),
      );
    }
    return flags;
  },
};
