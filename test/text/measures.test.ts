import { describe, expect, it } from 'vitest';
import { readMeasures } from '../../src/text/measures.js';
import type { Measure } from '../../src/schema.js';

type Row = [text: string, expected: Measure[]];
const m = (kind: Measure['kind'], text: string, value: number, max: number | null): Measure => ({ kind, text, value, max });

describe('readMeasures: pain scores', () => {
  it.each<Row>([
    ['Pain is rated 8/10 today.', [m('pain_score', '8/10', 8, 10)]],
    ['Pain 8 /10 without medication.', [m('pain_score', '8 /10', 8, 10)]],
    ['She rates her pain 7 out of 10.', [m('pain_score', '7 out of 10', 7, 10)]],
    ['Pain 4.5/10 after the injection.', [m('pain_score', '4.5/10', 4.5, 10)]],
    ['Pain decreased from 9/10 to 3/10.', [m('pain_score', '9/10', 9, 10), m('pain_score', '3/10', 3, 10)]],
    ['Pain 0/10 at rest.', [m('pain_score', '0/10', 0, 10)]],
    ['Pain is 11/10.', []],
    ['Seen on 10/10/2014.', []],
  ])('%j', (text, expected) => {
    expect(readMeasures(text)).toEqual(expected);
  });
});

describe('readMeasures: strength grades', () => {
  it.each<Row>([
    ['Left EHL strength 4+/5.', [m('strength_grade', '4+/5', 4.5, 5)]],
    ['Grip 4-/5 on the right.', [m('strength_grade', '4-/5', 3.5, 5)]],
    ['Quadriceps 5/5 bilaterally.', [m('strength_grade', '5/5', 5, 5)]],
    ['Deltoid 3 out of 5.', [m('strength_grade', '3 out of 5', 3, 5)]],
    ['Born 4/5/1971.', []],
    ['Disc bulge at L4-5.', []],
  ])('%j', (text, expected) => {
    expect(readMeasures(text)).toEqual(expected);
  });
});

describe('readMeasures: degrees, percentages, sessions', () => {
  it.each<Row>([
    ['Lumbar flexion 40°.', [m('degrees', '40°', 40, null)]],
    ['Shoulder abduction to 120 degrees.', [m('degrees', '120 degrees', 120, null)]],
    ['She reports 80% relief after the block.', [m('percent', '80%', 80, 100)]],
    ['About 50 percent improvement in function.', [m('percent', '50 percent', 50, 100)]],
    ['She has completed 12 sessions of physical therapy.', [m('sessions', '12 sessions', 12, null)]],
    ['Six more visits were requested, after 6 visits already.', [m('sessions', '6 visits', 6, null)]],
    ['Physical therapy 2x3 is requested.', [m('sessions', '2x3', 6, null)]],
    ['Chiropractic 2 x 6 weeks.', [m('sessions', '2 x 6', 12, null)]],
    ['Acupuncture 3x4.', [m('sessions', '3x4', 12, null)]],
    ['Norco 10/325 mg #60.', []],
    ['Blood pressure 130/80.', []],
    ['Degenerative changes without percent values.', []],
  ])('%j', (text, expected) => {
    expect(readMeasures(text)).toEqual(expected);
  });
});

describe('readMeasures: several kinds in one sentence', () => {
  it('reads every measure once', () => {
    const found = readMeasures('Pain 6/10, hip flexion 4+/5, lumbar flexion 45 degrees, 70% relief, PT 2x4.');
    expect(found).toHaveLength(5);
    expect(found).toEqual(
      expect.arrayContaining([m('pain_score', '6/10', 6, 10), m('strength_grade', '4+/5', 4.5, 5), m('degrees', '45 degrees', 45, null), m('percent', '70%', 70, 100), m('sessions', '2x4', 8, null)]),
    );
  });
});
