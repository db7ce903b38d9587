import { describe, expect, it } from 'vitest';
import { splitSentences, type Sentence } from '../../src/text/sentences.js';

function texts(text: string): string[] {
  return splitSentences(text).map((s) => s.text);
}

function expectExactOffsets(text: string, sentences: Sentence[]): void {
  for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
}

describe('splitSentences: no break inside clinical abbreviations and numbers', () => {
  it.each<[string, string[]]>([
    ['He was referred to Dr. Okafor for a spine consult. He agreed to go.', ['He was referred to Dr. Okafor for a spine consult.', 'He agreed to go.']],
    ['Seen by Drs. Lin and Park today. No changes were made.', ['Seen by Drs. Lin and Park today.', 'No changes were made.']],
    ['The scar measured approx. 4 cm in length. It was well healed.', ['The scar measured approx. 4 cm in length.', 'It was well healed.']],
    ['Facet arthropathy at L5-S1. She declined injections.', ['Facet arthropathy at L5-S1.', 'She declined injections.']],
    ['Disc bulge at L5-S1 with mild narrowing. Cord is normal.', ['Disc bulge at L5-S1 with mild narrowing.', 'Cord is normal.']],
    ['Ankle dorsiflexion was 4+/5. Reflexes were symmetric.', ['Ankle dorsiflexion was 4+/5.', 'Reflexes were symmetric.']],
    ['A lumbar MRI was done on 01/12/10. An injection followed.', ['A lumbar MRI was done on 01/12/10.', 'An injection followed.']],
    ['Use modalities, e.g. Ice and heat, as needed. Return in two weeks.', ['Use modalities, e.g. Ice and heat, as needed.', 'Return in two weeks.']],
    ['Avoid repetitive tasks, i.e. Lifting over 20 pounds. Work modified.', ['Avoid repetitive tasks, i.e. Lifting over 20 pounds.', 'Work modified.']],
    ['Compare with the prior study vs. Current films. Unchanged.', ['Compare with the prior study vs. Current films.', 'Unchanged.']],
    ['Seen by Mr. Alvarez, PA-C. Plan unchanged.', ['Seen by Mr. Alvarez, PA-C.', 'Plan unchanged.']],
    ['Reviewed by J. Whitfield for the carrier. Approved.', ['Reviewed by J. Whitfield for the carrier.', 'Approved.']],
    ['Prescription no. 4 was filled. She takes it nightly.', ['Prescription no. 4 was filled.', 'She takes it nightly.']],
    ['See p. 12 of the QME report. It lists the ratings.', ['See p. 12 of the QME report.', 'It lists the ratings.']],
    ['Naproxen 500 mg b.i.d. was continued.', ['Naproxen 500 mg b.i.d. was continued.']],
    // no space after the period: a break only after a number or a lowercase word, before a capitalised word
    ['Referred to Dr.Okafor for a consult.', ['Referred to Dr.Okafor for a consult.']],
    ['Seen by Mrs.Alvarez, e.g.Monday visits.', ['Seen by Mrs.Alvarez, e.g.Monday visits.']],
    ['Noted at L4.5 and 2.5Mg dosing.', ['Noted at L4.5 and 2.5Mg dosing.']],
    ['The scar is approx.Four cm long.', ['The scar is approx.Four cm long.']],
    ['Weight 182.5 lbs. Height 5 ft 10 in.', ['Weight 182.5 lbs.', 'Height 5 ft 10 in.']],
  ])('%j', (text, expected) => {
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    expectExactOffsets(text, sentences);
  });
});

describe('splitSentences: breaks', () => {
  it.each<[string, string[]]>([
    ['Pain improved with therapy. He returned to work.', ['Pain improved with therapy.', 'He returned to work.']],
    ['Pain is rated 6/10. She sleeps poorly.', ['Pain is rated 6/10.', 'She sleeps poorly.']],
    ['Gait was antalgic! Heel walk was difficult? Toe walk was normal.', ['Gait was antalgic!', 'Heel walk was difficult?', 'Toe walk was normal.']],
    ['Pain is worse at night. "It wakes me up," she said.', ['Pain is worse at night.', '"It wakes me up," she said.']],
    ['Follow up in 4 weeks. (Sooner if the numbness spreads.)', ['Follow up in 4 weeks.', '(Sooner if the numbness spreads.)']],
    ['Injection at L4-L5. 2 weeks later the pain was better.', ['Injection at L4-L5.', '2 weeks later the pain was better.']],
    ['She was asked about smoking and said no. Then she left.', ['She was asked about smoking and said no.', 'Then she left.']],
    ['Takes ibuprofen, tramadol, etc. He is working full duty.', ['Takes ibuprofen, tramadol, etc.', 'He is working full duty.']],
    ['Knee pain improved\nPlan: continue home exercise', ['Knee pain improved', 'Plan: continue home exercise']],
    ['Cervical spine:\nTender over the paraspinals\nRange of motion limited', ['Cervical spine:', 'Tender over the paraspinals', 'Range of motion limited']],
    ['Lumbar strain.   He was given a brace.', ['Lumbar strain.', 'He was given a brace.']],
    // the space after the period lost in text extraction
    ['Medications since at least March 2015.On 4-2-15, he reported neck pain.', ['Medications since at least March 2015.', 'On 4-2-15, he reported neck pain.']],
    ['There was tenderness and spasm.The plan included therapy.', ['There was tenderness and spasm.', 'The plan included therapy.']],
    ['Seen on 03/04/15.Follow up in four weeks.', ['Seen on 03/04/15.', 'Follow up in four weeks.']],
    ['no capital after this period. continues here', ['no capital after this period. continues here']],
  ])('%j', (text, expected) => {
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    expectExactOffsets(text, sentences);
  });
});

describe('splitSentences: what is not a sentence', () => {
  it.each<[string, string[]]>([
    ['1.\nPhysical therapy twice weekly.', ['Physical therapy twice weekly.']],
    ['Diagnoses:\n-\nLumbar radiculopathy', ['Diagnoses:', 'Lumbar radiculopathy']],
    ['\n\n   \n', []],
    ['Dates reviewed:\n3/4/15\n4/1/15', ['Dates reviewed:', '3/4/15', '4/1/15']],
  ])('%j', (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });
});

describe('splitSentences: offsets are exact document offsets', () => {
  const doc = 'HEADER LINE\nThe claimant was seen by Dr. Reyes on 07/29/14. Lumbar flexion was 40 degrees.\n  Plan: continue PT 2x3.  \nEnd.';

  it('every sentence is text.slice(start, end), trimmed of surrounding space', () => {
    const sentences = splitSentences(doc);
    expect(sentences.map((s) => s.text)).toEqual(['HEADER LINE', 'The claimant was seen by Dr. Reyes on 07/29/14.', 'Lumbar flexion was 40 degrees.', 'Plan: continue PT 2x3.', 'End.']);
    expectExactOffsets(doc, sentences);
    for (const s of sentences) expect(s.text).toBe(s.text.trim());
  });

  const claimant = doc.indexOf('The claimant');
  const lumbar = doc.indexOf('Lumbar');
  const plan = doc.indexOf('Plan');
  it.each<[number, number, string[]]>([
    [claimant, lumbar, ['The claimant was seen by Dr. Reyes on 07/29/14.']],
    [claimant, plan, ['The claimant was seen by Dr. Reyes on 07/29/14.', 'Lumbar flexion was 40 degrees.']],
    [lumbar, doc.length, ['Lumbar flexion was 40 degrees.', 'Plan: continue PT 2x3.', 'End.']],
    // a region that starts mid-sentence yields the rest of that sentence
    [doc.indexOf('Dr. Reyes'), lumbar, ['Dr. Reyes on 07/29/14.']],
  ])('a region [%i, %i) keeps document offsets', (start, end, expected) => {
    const sentences = splitSentences(doc, start, end);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    expectExactOffsets(doc, sentences);
    for (const s of sentences) {
      expect(s.start).toBeGreaterThanOrEqual(start);
      expect(s.end).toBeLessThanOrEqual(end);
    }
  });

  it.each<[string, number[], string[]]>([
    ['IMPRESSION Lumbar strain with spasm.', [11], ['IMPRESSION', 'Lumbar strain with spasm.']],
    ['Plan: PT twice weekly. Recheck in a month.', [6], ['Plan:', 'PT twice weekly.', 'Recheck in a month.']],
    // a break outside the region is ignored
    ['Plan: PT twice weekly.', [0, 99], ['Plan: PT twice weekly.']],
  ])('extra breaks %j at %j', (text, breaks, expected) => {
    const sentences = splitSentences(text, 0, text.length, breaks);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    expectExactOffsets(text, sentences);
  });
});
