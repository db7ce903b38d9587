// duplicate: the same page twice in a bundle — a report attached twice, a note re-faxed with a new
// stamp — so a reviewer knows the timeline is not counting it twice (the timeline merges the
// identical statements; this flag says why).
import { makeFlag } from './flag.js';
import { similarity } from '../model/page-fingerprint.js';
import type { Check, CheckContext } from './check.js';

// 32 signature values in 8 bands of 4: pages with similarity 0.9 share a band with near certainty
const BAND = 4;

export const duplicateCheck: Check = {
  name: 'duplicate',
  run(ctx: CheckContext) {
    const cfg = ctx.patterns.data.checks.duplicate;
    const pages = ctx.documents.flatMap((d) => d.fingerprints.filter((f) => f.chars >= cfg.minPageChars).map((f) => ({ doc: d, f })));
    type Page = (typeof pages)[number];
    // page pairs, grouped by the pair of documents: a report attached twice is one flag, not one per page
    const pairs = new Map<string, { original: Page; copy: Page; exact: boolean }[]>();
    const claimed = new Set<string>();
    const key = (p: Page): string => `${p.doc.info.id}:${p.f.page}`;
    // Candidate pairs by locality-sensitive hashing: pages that agree on every value of one band of
    // their MinHash signature, or have the same text. Comparing every page with every other is
    // quadratic (seconds at 5,000 pages); this is linear, and finds the same pairs in practice.
    const buckets = new Map<string, number[]>();
    pages.forEach((p, i) => {
      const keys = [`x${p.f.exact}`];
      for (let b = 0; b < p.f.minhash.length; b += BAND) keys.push(`${b}:${p.f.minhash.slice(b, b + BAND).join(',')}`);
      for (const k of keys) buckets.set(k, [...(buckets.get(k) ?? []), i]);
    });
    const candidates = new Map<number, Set<number>>();
    for (const members of buckets.values()) {
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const i = members[x] as number;
          const set = candidates.get(i) ?? new Set<number>();
          set.add(members[y] as number);
          candidates.set(i, set);
        }
      }
    }
    for (let i = 0; i < pages.length; i++) {
      const a = pages[i] as Page;
      if (claimed.has(key(a))) continue;
      for (const j of [...(candidates.get(i) ?? [])].sort((x, y) => x - y)) {
        const b = pages[j] as Page;
        if (claimed.has(key(b))) continue;
        const exact = a.f.exact === b.f.exact;
        if (!exact && similarity(a.f, b.f) < cfg.nearDuplicateJaccard) continue;
        claimed.add(key(b));
        const docs = `${a.doc.info.id}|${b.doc.info.id}`;
        pairs.set(docs, [...(pairs.get(docs) ?? []), { original: a, copy: b, exact }]);
      }
    }
    const flags = [];
    for (const group of pairs.values()) {
      const first = group[0] as (typeof group)[number];
      const pagesOf = (ps: Page[]): string => (ps.length === 1 ? `p.${ps[0]?.f.page}` : `pp.${ps.map((p) => p.f.page).join(', ')}`);
      const sameDoc = first.original.doc === first.copy.doc;
      const allExact = group.every((g) => g.exact);
      const what = `${allExact ? 'identical' : 'nearly identical'} text`;
      const summary = sameDoc
        ? `${first.original.doc.info.name} repeats ${group.map((g) => `p.${g.original.f.page} as p.${g.copy.f.page}`).join(', ')} (${what}); the events are counted once.`
        : `${first.original.doc.info.name} ${pagesOf(group.map((g) => g.original))} appears again in ${first.copy.doc.info.name} ${pagesOf(group.map((g) => g.copy))} (${what}); the events are counted once.`;
      flags.push(
        makeFlag({
          kind: 'duplicate',
          rule: allExact ? 'duplicate.identical-page' : 'duplicate.near-identical-page',
          severity: 'low',
          date: null,
          summary,
          evidence: group.flatMap((g) =>
            [g.original, g.copy].map((p, n) => ({
              role: n === 0 ? 'original' : 'copy',
              source: { document: p.doc.info.id, page: p.f.page, start: p.f.excerptStart, end: p.f.excerptStart + p.f.excerpt.length, quote: p.f.excerpt },
            })),
          ),
          eventIds: [],
        }),
      );
    }
    return flags;
  },
};
