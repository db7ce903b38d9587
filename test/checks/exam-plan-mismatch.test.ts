// exam_plan_mismatch (src/checks/exam-plan-mismatch.ts): within one visit, the examination says a
// domain is normal while the assessment, discussion or plan of the same visit cites it as abnormal,
// or the other way round. Side, region, negation and the visit date all matter.
import { describe, expect, it } from 'vitest';
import type { Flag } from '../../src/schema.js';
import { timelineOf } from '../extract/support.js';

/** A one-visit note: a date of service, then each section header with its lines. */
function note(sections: Record<string, string>, date = '04/10/2018'): string {
  return [`Date of Service: ${date}`, ...Object.entries(sections).flatMap(([header, body]) => [`${header}:`, body])].join('\n');
}

async function mismatches(...texts: string[]): Promise<Flag[]> {
  return (await timelineOf(...texts)).flags.filter((f) => f.kind === 'exam_plan_mismatch');
}

const NORMAL_EXAM = 'Motor strength is full in both lower extremities. Sensation is intact.';

describe('exam_plan_mismatch: no flag', () => {
  it.each<[label: string, texts: string[]]>([
    [
      'normal exam and a normal plan',
      [
        note({
          'PHYSICAL EXAMINATION': 'Strength is 5/5 in all muscle groups of both lower extremities. Sensation is intact to light touch. Reflexes are 2+ and symmetric. Gait is normal.',
          ASSESSMENT: 'Lumbar strain without neurologic deficit.',
          PLAN: 'Continue home exercises. Physical therapy twice weekly for 4 weeks was requested.',
        }),
      ],
    ],
    [
      'right weakness in the exam, left strength normal in the discussion',
      [note({ 'PHYSICAL EXAMINATION': 'There is 4/5 weakness of the right ankle dorsiflexors. Left lower extremity strength is 5/5.', DISCUSSION: 'Her left leg strength is normal.' })],
    ],
    [
      'left strength normal in the exam, right weakness in the discussion',
      [note({ 'PHYSICAL EXAMINATION': 'Left lower extremity strength is 5/5.', DISCUSSION: 'She has 4/5 weakness of the right extensor hallucis longus.' })],
    ],
    ['"no weakness" in the plan', [note({ 'PHYSICAL EXAMINATION': NORMAL_EXAM, PLAN: 'There is no weakness or sensory loss, and she will continue her home exercises.' })]],
    ['a negated finding in the discussion', [note({ 'PHYSICAL EXAMINATION': NORMAL_EXAM, DISCUSSION: 'She has no weakness of the left quadriceps.' })]],
    ['a hypothetical diagnosis in the plan', [note({ 'PHYSICAL EXAMINATION': NORMAL_EXAM, PLAN: 'An EMG of the lower extremities is requested to rule out radiculopathy.' })]],
    ['a different motion: normal extension, painful flexion', [note({ 'PHYSICAL EXAMINATION': 'Lumbar extension is normal.', ASSESSMENT: 'Lumbar strain with pain on flexion.' })]],
    [
      'a symptom in the plan, not a sign: "tingling" against intact sensation',
      [note({ 'PHYSICAL EXAMINATION': 'Sensation is intact to light touch.', PLAN: 'I explained that the nerve is irritated, causing the pain and tingling.' })],
    ],
    [
      'a condition the plan warns of: "if ... drainage"',
      [note({ 'PHYSICAL EXAMINATION': 'There is no drainage.', PLAN: 'If she notices increased redness, warmth or pus-like drainage, she is to return.' })],
    ],
    ['a soft abdomen and an umbilical hernia', [note({ 'PHYSICAL EXAMINATION': 'Abdomen: Soft, nontender.', PLAN: 'Umbilical hernia, reducible; surgical consult.' })]],
    [
      'a broad abnormal claim does not deny a narrower normal one',
      [note({ 'PHYSICAL EXAMINATION': 'Cranial nerves II through XII are intact.', ASSESSMENT: 'Lumbar radiculopathy with neurological deficits in the left leg.' })],
    ],
    ['a different body part: normal grip, swollen knee', [note({ 'PHYSICAL EXAMINATION': 'Right hand: no swelling.', ASSESSMENT: 'Swelling of the right knee.' })]],
    [
      'exam and assessment agree on the weakness',
      [note({ 'PHYSICAL EXAMINATION': 'There is 4/5 weakness of the left ankle dorsiflexors.', ASSESSMENT: 'Left L5 radiculopathy with weakness of the left ankle dorsiflexors.' })],
    ],
    [
      'normal grip strength does not contradict a weak ankle',
      [note({ 'PHYSICAL EXAMINATION': 'Grip strength is 5/5 bilaterally.', DISCUSSION: 'She has 4/5 weakness of the left ankle dorsiflexors.' })],
    ],
    [
      'exam and discussion on different dates, one note',
      [
        [
          'Date of Service: 04/10/2018',
          'PHYSICAL EXAMINATION:',
          NORMAL_EXAM,
          'Date of Service: 06/12/2018',
          'DISCUSSION:',
          'She has weakness of the left quadriceps, graded 4/5, and decreased sensation over the left anterior thigh.',
        ].join('\n'),
      ],
    ],
    [
      'exam and discussion at two visits told in one narrative',
      ['He was examined on 04/10/2018. Motor strength was full in both lower extremities. He was examined on 06/12/2018. He had weakness of the left quadriceps, graded 4/5.'],
    ],
  ])('%s', async (_label, texts) => {
    expect((await mismatches(...texts)).map((f) => f.summary)).toEqual([]);
  });
});

interface Mismatch {
  label: string;
  text: string;
  exam: string[];
  discussion: string[];
  summary: RegExp;
}

describe('exam_plan_mismatch: one flag, with evidence on both sides', () => {
  it.each<Mismatch>([
    {
      label: 'full strength and intact sensation vs left leg weakness and numbness, with a repeat MRI',
      text: note({
        'PHYSICAL EXAMINATION': NORMAL_EXAM,
        DISCUSSION: 'She has weakness of the left quadriceps, graded 4/5, and decreased sensation over the left anterior thigh. A repeat MRI of the lumbar spine is requested.',
      }),
      exam: ['Motor strength is full in both lower extremities.', 'Sensation is intact.'],
      discussion: ['She has weakness of the left quadriceps, graded 4/5, and decreased sensation over the left anterior thigh.'],
      summary: /^04\/10\/18: the exam documents .*full.*, but the discussion of the same visit cites .*4\/5.*decreased sensation.*\.$/,
    },
    {
      label: '"neurologically intact" vs decreased sensation in the assessment',
      text: note({ 'PHYSICAL EXAMINATION': 'She is neurologically intact in both upper extremities.', ASSESSMENT: 'Right C6 radiculopathy with decreased sensation in the right thumb.' }),
      exam: ['She is neurologically intact in both upper extremities.'],
      discussion: ['Right C6 radiculopathy with decreased sensation in the right thumb.'],
      summary: /^04\/10\/18: the exam documents "neurologically intact.*", but the assessment of the same visit cites "decreased sensation \(right\)"\.$/,
    },
    {
      label: 'an abnormal exam and a plan that calls it normal',
      text: note({ 'PHYSICAL EXAMINATION': 'Her gait is antalgic.', PLAN: 'Her gait is normal, and she may return to full duty.' }),
      exam: ['Her gait is antalgic.'],
      discussion: ['Her gait is normal, and she may return to full duty.'],
      summary: /^04\/10\/18: the exam documents .*antalgic.*, but the plan of the same visit states .*normal.*\.$/,
    },
    {
      label: 'no edema on exam, edema in the plan',
      text: note({ 'PHYSICAL EXAMINATION': 'Extremities: No edema.', PLAN: 'He does have 1+ edema in his legs; continue the diuretic.' }),
      exam: ['Extremities: No edema.'],
      discussion: ['He does have 1+ edema in his legs; continue the diuretic.'],
      summary: /the exam documents "no edema", but the plan of the same visit cites "1\+ edema/i,
    },
    {
      label: 'lungs clear on exam, wheezing heard on exam per the assessment',
      text: note({ 'PHYSICAL EXAMINATION': 'Lungs: Clear to auscultation, no wheezing.', ASSESSMENT: 'Asthma exacerbation with slight expiratory wheezing bilaterally on exam.' }),
      exam: ['Lungs: Clear to auscultation, no wheezing.'],
      discussion: ['Asthma exacerbation with slight expiratory wheezing bilaterally on exam.'],
      summary: /wheezing/,
    },
    {
      label: 'no warmth on exam, a hot knee in the plan',
      text: note({ 'PHYSICAL EXAMINATION': 'Right knee: no warmth to touch, no effusion.', PLAN: 'The right knee continues to be hot; aspirate if it persists.' }),
      exam: ['Right knee: no warmth to touch, no effusion.'],
      discussion: ['The right knee continues to be hot; aspirate if it persists.'],
      summary: /no warmth to touch.*hot/,
    },
    {
      label: 'a negative Phalen on exam, a positive one in the assessment',
      text: note({ 'PHYSICAL EXAMINATION': "Phalen's test is negative bilaterally.", ASSESSMENT: "Carpal tunnel syndrome, right, with a positive Phalen's test." }),
      exam: ["Phalen's test is negative bilaterally."],
      discussion: ["Carpal tunnel syndrome, right, with a positive Phalen's test."],
      summary: /Phalen/,
    },
  ])('$label', async ({ text, exam, discussion, summary }) => {
    const timeline = await timelineOf(text);
    const flags = timeline.flags.filter((f) => f.kind === 'exam_plan_mismatch');
    expect(flags).toHaveLength(1);
    const [flag] = flags as [Flag];
    expect({ date: flag.date, severity: flag.severity, rule: flag.rule }).toEqual({ date: '2018-04-10', severity: 'high', rule: 'exam-plan-mismatch.finding-conflict' });
    expect(flag.summary).toMatch(summary);
    expect(flag.evidence.filter((e) => e.role === 'exam').map((e) => e.quote)).toEqual(exam);
    expect(flag.evidence.filter((e) => e.role === 'discussion').map((e) => e.quote)).toEqual(discussion);
    expect(flag.evidence.every((e) => e.role === 'exam' || e.role === 'discussion')).toBe(true);
    // each quote is where it says it is (a one-page text document: page offsets are text offsets)
    const doc = timeline.documents[0]?.id;
    for (const e of flag.evidence) {
      expect({ document: e.document, page: e.page }).toEqual({ document: doc, page: 1 });
      expect(text.slice(e.start, e.end)).toBe(e.quote);
    }
    const ids = new Set(timeline.events.map((e) => e.id));
    expect(flag.eventIds.length).toBeGreaterThanOrEqual(2);
    for (const id of flag.eventIds) expect(ids.has(id)).toBe(true);
  });
});

describe('exam_plan_mismatch: the same sign on the other side', () => {
  it.each<[label: string, sections: Record<string, string>, flagged: boolean]>([
    [
      'an effusion of the left knee in the exam, of the right knee in the assessment',
      { 'PHYSICAL EXAMINATION': 'Left knee: moderate effusion.', ASSESSMENT: 'Right knee effusion noted on exam today, likely post-traumatic.' },
      true,
    ],
    [
      'a node in the right groin in the exam, a left inguinal node in the plan',
      { 'PHYSICAL EXAMINATION': 'There is a firm lymph node in the right groin.', PLAN: 'The left inguinal lymph node will be biopsied.' },
      true,
    ],
    ['the exam finds it on both sides', { 'PHYSICAL EXAMINATION': 'Left knee: moderate effusion. Right knee: small effusion.', ASSESSMENT: 'Right knee effusion.' }, false],
    ['two different joints', { 'PHYSICAL EXAMINATION': 'Left knee: moderate effusion.', ASSESSMENT: 'Right ankle effusion.' }, false],
  ])('%s', async (_, sections, flagged) => {
    const flags = (await mismatches(note(sections))).filter((f) => f.rule === 'exam-plan-mismatch.side-conflict');
    expect(flags.length).toBe(flagged ? 1 : 0);
  });
});
