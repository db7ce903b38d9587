// An imaging, electrodiagnostic or laboratory report is one study: each sentence of its findings and
// impression is a result of that study, dated by the report's own date (note-visit.ts), whatever words
// it uses ("The bony portion of the nasal septum is intact.", "No hydronephrosis is present.").
// A comparison names an earlier study, dated by its own date:
//   "Compared to the study of 10/20/04, the aneurysm has not changed."  → imaging 2004-10-20 too
// Not results: the reason for the study (its history), recommendations.
import type { EventType } from '../../schema.js';
import type { AnalyzedSentence } from '../../text/analyze.js';
import type { Extractor } from '../engine.js';
import { linkDate } from '../link-date.js';
import { linkedDate, newMention, type ExtractContext, type Mention } from '../mention.js';
import { anatomyWords, isStudyReport } from '../reading.js';

const RESULT_SECTIONS: ReadonlySet<string> = new Set(['results', 'assessment', 'discussion', 'exam']);

function resultType(ctx: ExtractContext): EventType {
  return ctx.kind.kind === 'imaging' ? 'imaging' : 'test';
}

export const reportBodyExtractor: Extractor<AnalyzedSentence> = {
  name: 'report-body',
  pattern: (s, ctx) => (isStudyReport(ctx) && (s.section === null || RESULT_SECTIONS.has(s.section.category)) ? [s] : []),
  extract(ctx, s): Mention[] | null {
    const header = s.section && s.section.bodyStart > s.start ? s.section.bodyStart - s.start : 0;
    const body = s.text.slice(header).replace(/^[\s,:]+/, '');
    if (!/[A-Za-z]{3}/.test(body) || /^\d+\.\s*$/.test(body)) return null;
    // "Clinical correlation is recommended." — the reader's suggestion, not a result or a plan of care
    if (s.cuesOf('plan').length > 0) return null;
    const type = resultType(ctx);
    const out: Mention[] = [];
    const comparison = s.cuesOf('comparison')[0];
    const prior = comparison ? linkDate(s, comparison, { kinds: ['after'], anatomyWords: anatomyWords(ctx.patterns), lenientGap: true }) : null;
    if (comparison && prior) {
      out.push(newMention(s, { type, rule: 'report.comparison-study', start: comparison.start, end: prior.date.end, ...linkedDate(prior) }));
    }
    out.push(newMention(s, { type, rule: 'report.result', start: s.start + header, end: s.end, dating: 'inherit' }));
    return out;
  },
};
