import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/patterns/lexicon.js';
import { loadPatterns } from '../../src/patterns/load-patterns.js';
import { assertionScopes } from '../../src/text/assertion.js';
import type { Assertion } from '../../src/schema.js';

const patterns = loadPatterns();

/** The assertion of the first occurrence of `mention` in `sentence`, read at a document offset. */
function assertionOf(sentence: string, mention: string, offset = 0): Assertion {
  const at = sentence.indexOf(mention);
  if (at < 0) throw new Error(`"${mention}" is not in "${sentence}"`);
  return assertionScopes(sentence, tokenize(sentence, offset), offset, patterns).at(offset + at, offset + at + mention.length).assertion;
}

type Row = [sentence: string, mention: string, expected: Assertion];

describe('assertion: negation', () => {
  it.each<Row>([
    ['MRI showed no disc herniation at L4-L5.', 'disc herniation', 'absent'],
    ['The patient did not have any swelling of the ankle.', 'swelling', 'absent'],
    ['The patient is neurologically intact without weakness.', 'weakness', 'absent'],
    ['Denies bowel or bladder incontinence.', 'bladder', 'absent'],
    ['Flexion-extension views ruled out instability.', 'instability', 'absent'],
    ['No evidence of fracture or dislocation.', 'dislocation', 'absent'],
    // backward triggers
    ['Straight leg raise was negative bilaterally.', 'Straight leg raise', 'absent'],
    ['Spurling test was negative.', 'Spurling', 'absent'],
    ['Clonus is absent.', 'Clonus', 'absent'],
    ['Weakness was not noted in the right hand.', 'Weakness', 'absent'],
    ['Her headaches have resolved.', 'headaches', 'absent'],
    // nothing to negate
    ['Patient reports low back pain radiating to the left leg.', 'low back pain', 'present'],
    ['Sensation was intact to light touch.', 'Sensation', 'present'],
    ['Positive Tinel sign at the right wrist.', 'Tinel', 'present'],
  ])('%j: %j is %s', (sentence, mention, expected) => {
    expect(assertionOf(sentence, mention)).toBe(expected);
  });
});

describe('assertion: a new clause after a comma', () => {
  it.each<Row>([
    ['He is in no acute distress, looks well, afebrile and nontoxic.', 'afebrile', 'present'],
    ['No fever, chills or night sweats.', 'night sweats', 'absent'],
  ])('%j: %j is %s', (sentence, mention, expected) => {
    expect(assertionOf(sentence, mention)).toBe(expected);
  });
});

describe('assertion: an earlier visit', () => {
  it.each<Row>([
    ['Her heart rate was 120 at the last visit.', 'heart rate', 'historical'],
    ['At his last visit there was 1+ edema of the ankles.', 'edema', 'historical'],
    ['There is 1+ edema of the ankles today.', 'edema', 'present'],
  ])('%j: %j is %s', (sentence, mention, expected) => {
    expect(assertionOf(sentence, mention)).toBe(expected);
  });
});

describe('assertion: hypothetical', () => {
  it.each<Row>([
    ['The differential includes fracture, contusion, laceration and sprain.', 'laceration', 'hypothetical'],
    ['Differential would include cellulitis versus early abscess.', 'cellulitis', 'hypothetical'],
    ['EMG was ordered to rule out radiculopathy.', 'radiculopathy', 'hypothetical'],
    ['MRI to rule out a rotator cuff tear.', 'rotator cuff tear', 'hypothetical'],
    ['Nerve studies are requested to evaluate for radiculopathy.', 'radiculopathy', 'hypothetical'],
    ['Possible left carpal tunnel syndrome.', 'carpal tunnel syndrome', 'hypothetical'],
    ['Consider a lumbar epidural steroid injection.', 'lumbar epidural', 'hypothetical'],
    ['Epidural injection was recommended.', 'Epidural injection', 'hypothetical'],
    ['Lumbar fusion was considered.', 'Lumbar fusion', 'hypothetical'],
  ])('%j: %j is %s', (sentence, mention, expected) => {
    expect(assertionOf(sentence, mention)).toBe(expected);
  });
});

describe('assertion: historical', () => {
  it.each<Row>([
    ['He has a history of lumbar fusion in 2010.', 'fusion', 'historical'],
    ['She is status post carpal tunnel release.', 'carpal tunnel release', 'historical'],
    ['Status post left shoulder arthroscopy in 2013.', 'shoulder arthroscopy', 'historical'],
    ['Previous epidural injection helped for three months.', 'epidural injection', 'historical'],
    ['Prior lumbar fusion at L5-S1.', 'lumbar fusion', 'historical'],
  ])('%j: %j is %s', (sentence, mention, expected) => {
    expect(assertionOf(sentence, mention)).toBe(expected);
  });
});

describe('assertion: scope', () => {
  it.each<Row>([
    // a terminator ends the scope
    ['There is no weakness but there is numbness in the left foot.', 'numbness', 'present'],
    ['He has no radicular pain, however there is axial back pain.', 'axial', 'present'],
    ['No weakness and positive Tinel sign at the wrist.', 'Tinel', 'present'],
    // hard stops end it
    ['She denies numbness; she reports burning in the foot.', 'burning', 'present'],
    ['No tenderness. Spasm is present.', 'Spasm', 'present'],
    ['No tenderness (spasm on the left).', 'spasm', 'present'],
    // a list continues the scope through commas
    ['She denies weakness, numbness or tingling.', 'weakness', 'absent'],
    ['She denies weakness, numbness or tingling.', 'numbness', 'absent'],
    ['She denies weakness, numbness or tingling.', 'tingling', 'absent'],
    ['No spasm, tenderness, or guarding.', 'guarding', 'absent'],
    ['No swelling, warmth, or redness.', 'redness', 'absent'],
    ['Negative for fever, chills or night sweats.', 'night sweats', 'absent'],
    ['Denies headache, dizziness, or blurred vision.', 'blurred vision', 'absent'],
    // a comma before a longer clause ends it
    ['No loss of lordosis, tenderness at C5-6 was present on palpation.', 'tenderness', 'present'],
    ['No tenderness to palpation, spasm noted in the lumbar paraspinals with decreased range of motion.', 'spasm', 'present'],
    ['No loss of lordosis, tenderness and spasm at C5-6 were present.', 'tenderness', 'present'],
    ['No loss of lordosis, tenderness or spasm at the C5-6 level was found on palpation.', 'tenderness', 'present'],
    // forward triggers do not reach back, backward ones do not reach forward
    ['He reports pain, no numbness.', 'pain', 'present'],
    ['Spurling test was negative; shoulder pain persists.', 'shoulder pain', 'present'],
    // at most maxTokens words away
    ['No acute findings are seen on the images.', 'images', 'absent'],
    ['No acute findings are seen on the images of the lumbar spine or sacrum.', 'sacrum', 'present'],
  ])('%j: %j is %s', (sentence, mention, expected) => {
    expect(assertionOf(sentence, mention)).toBe(expected);
  });
});

describe('assertion: pseudo-triggers do not negate', () => {
  it.each<Row>([
    ['No change in his radicular symptoms.', 'radicular', 'present'],
    ['No significant change in the lumbar pain since the last visit.', 'lumbar pain', 'present'],
    ['No further physical therapy is needed.', 'physical therapy', 'present'],
    ['Not only neck pain but headaches are reported.', 'neck pain', 'present'],
    ['Gait is non-antalgic.', 'Gait', 'present'],
    ['He is nontender over the spine.', 'spine', 'present'],
    ['No improvement with physical therapy.', 'physical therapy', 'present'],
    ['Without relief from the injection.', 'injection', 'present'],
  ])('%j: %j is %s', (sentence, mention, expected) => {
    expect(assertionOf(sentence, mention)).toBe(expected);
  });
});

describe('assertion: precedence and offsets', () => {
  it('negation outranks a hypothetical in the same scope', () => {
    expect(assertionOf('Possible but not likely fracture.', 'fracture')).toBe('absent');
  });

  it('reports the trigger that decided', () => {
    const sentence = 'MRI showed no disc herniation.';
    const start = sentence.indexOf('disc');
    const result = assertionScopes(sentence, tokenize(sentence), 0, patterns).at(start, start + 4);
    expect(result).toEqual({ assertion: 'absent', trigger: 'neg.no' });
  });

  it.each<Row>([
    ['MRI showed no disc herniation at L4-L5.', 'disc herniation', 'absent'],
    ['History of lumbar fusion.', 'lumbar fusion', 'historical'],
    ['Rule out radiculopathy.', 'radiculopathy', 'hypothetical'],
  ])('works on a sentence at a document offset: %j', (sentence, mention, expected) => {
    expect(assertionOf(sentence, mention, 5000)).toBe(expected);
  });

  it('a mention that is the trigger itself is not modified by it', () => {
    const sentence = 'No.';
    const result = assertionScopes(sentence, tokenize(sentence), 0, patterns).at(0, 2);
    expect(result.assertion).toBe('present');
  });
});
