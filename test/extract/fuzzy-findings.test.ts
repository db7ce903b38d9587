// Misspelled words read as vocabulary words through the whole pipeline (src/patterns/fuzzy.ts,
// applied to every sentence's tokens in src/text/analyze.ts): the finding and its side are found,
// the quote stays the exact source text with its offsets, and the finding records the correction.
import { describe, expect, it } from 'vitest';
import type { IngestedDocument } from '../../src/ingest/ingest-document.js';
import { extractDocument } from '../../src/extract/extract-document.js';
import type { TimelineEvent } from '../../src/schema.js';
import { describeEvents, eventsOf, ofType, patterns, REFERENCE_DATE } from './support.js';

/** "concept polarity side [from→to,…]" for each finding of the exam events. */
function claims(events: readonly TimelineEvent[]): string[] {
  const out = new Set<string>();
  for (const e of ofType(events, 'exam_finding')) {
    for (const f of e.findings) out.add(`${f.concept} ${f.polarity} ${f.side ?? '-'}${f.corrected ? ` [${f.corrected.map((c) => `${c.from}→${c.to}`).join(',')}]` : ''}`);
  }
  return [...out].sort();
}

describe('misspelled findings are found, and say they were read through a correction', () => {
  it.each<[text: string, expected: string[]]>([
    ['On exam there was tenderess over the right medial joint line.', ['msk.tenderness abnormal right [tenderess→tenderness]']],
    ['Examination shows paresthesis in the left foot.', ['neuro.sensation abnormal left [paresthesis→paresthesias]']],
    ['Physical exam: decreased sensaton in the right thumb.', ['neuro.sensation abnormal right [sensaton→sensation]']],
    ['On examination, muscle weaknes of the left hip flexors.', ['neuro.strength abnormal left [weaknes→weakness]']],
    // the side misspelled, on a typed page: a long word is read anyway
    ['On exam, tenderness of the lumbar paraspinals bilateraly.', ['msk.tenderness abnormal bilateral [bilateraly→bilaterally]']],
  ])('%j → %j', async (text, expected) => {
    const events = await eventsOf(text);
    expect(claims(events), describeEvents(events).join('\n')).toEqual(expected);
    const exam = ofType(events, 'exam_finding');
    // the rule says so, and the quote is the text as written
    for (const e of exam) {
      expect(e.rule).toMatch(/>fuzzy$/);
      expect(text.slice(e.source.start, e.source.end)).toBe(e.source.quote);
      for (const f of e.findings) {
        expect(f.rule).toMatch(/>fuzzy$/);
        expect(text.slice(f.span.start, f.span.end)).toBe(f.text);
      }
    }
  });

  it('a spelled-right finding records no correction', async () => {
    const events = await eventsOf('On exam there was tenderness over the right medial joint line.');
    const [e] = ofType(events, 'exam_finding');
    expect(e?.rule).not.toMatch(/fuzzy/);
    expect(e?.findings.every((f) => f.corrected === undefined && !f.rule.includes('fuzzy'))).toBe(true);
  });

  it('a misspelled service is found under its vocabulary term, its text as written', async () => {
    const events = await eventsOf('The patient underwent a lumbar diskectomy on 03/02/2019.');
    const e = events.find((x) => x.services.some((s) => s.term === 'discectomy'));
    expect(e, describeEvents(events).join('\n')).toBeDefined();
    expect(e?.rule).toMatch(/>fuzzy$/);
    expect(e?.services.find((s) => s.term === 'discectomy')?.text).toBe('diskectomy');
  });
});

describe('words one edit from a vocabulary word that are read as written', () => {
  it.each<[text: string, near: string]>([
    // English words: "tenders" is no "tender", "later" no "lateral", "planter" no "plantar"
    ['On exam he tenders his resignation later.', 'tender'],
    ['The planter box was moved.', 'plantar'],
    // a name after a title
    ['She follows with Dr. Tendrness.', 'tenderness'],
    // a capitalised drug name inside a sentence, and a procedure one edit from another (kept as written)
    ['He was placed on Keflex after a lateral rhinotomy in 2015.', 'rhizotomy'],
  ])('%j (not %s)', async (text, near) => {
    const events = await eventsOf(text);
    const read = events.flatMap((e) => [...e.findings.map((f) => f.concept), ...e.services.map((s) => s.term)]);
    expect(
      read.some((r) => r.includes(near)),
      describeEvents(events).join('\n'),
    ).toBe(false);
    expect(
      events.some((e) => e.rule.includes('fuzzy') || e.findings.some((f) => f.corrected)),
      describeEvents(events).join('\n'),
    ).toBe(false);
  });
});

/** One page of text as if OCR had read it. */
function ocrDocument(text: string): IngestedDocument {
  return {
    id: 'ocr0000000000000',
    name: 'fax.pdf',
    sha256: '0'.repeat(64),
    text,
    pages: [{ num: 1, offset: 0, length: text.length }],
    errors: [],
    pageInfo: [{ num: 1, text: 'ocr', confidence: 80 }],
  };
}

describe("short side words on OCR'd pages", () => {
  it.each<[text: string, expected: string[]]>([
    ['On exam there was tenderness over the lett knee.', ['msk.tenderness abnormal left [lett→left]']],
    ['Straight leg raise was positive on the rigth at 40 degrees.', ['neuro.tension_sign abnormal right [rigth→right]']],
    // an English word one edit from a side is no side
    ['On exam there was tenderness over the knee, lest it be missed.', ['msk.tenderness abnormal -']],
  ])('%j → %j', (text, expected) => {
    const { events } = extractDocument(ocrDocument(text), patterns, { referenceDate: REFERENCE_DATE });
    expect(claims(events), describeEvents(events).join('\n')).toEqual(expected);
  });

  it('typed text keeps them as written', async () => {
    const events = await eventsOf('On exam there was tenderness over the lett knee.');
    expect(claims(events)).toEqual(['msk.tenderness abnormal -']);
  });
});
