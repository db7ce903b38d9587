// contradiction (src/checks/contradiction.ts): two statements about the same fact disagree — the
// response to the same treatment reported at two visits, or a decision on the same request stated
// both ways with the approval first.
import { describe, expect, it } from 'vitest';
import type { Flag } from '../../src/schema.js';
import { timelineOf } from '../extract/support.js';

async function contradictions(...texts: string[]): Promise<Flag[]> {
  return (await timelineOf(...texts)).flags.filter((f) => f.kind === 'contradiction');
}

describe('contradiction: treatment response', () => {
  it.each<{ label: string; texts: string[]; date: string; helped: string[]; noRelief: string[]; summary: RegExp }>([
    {
      label: 'helped at one visit, no relief at a later one (two notes)',
      texts: ['She was seen on 02/03/2017 for neck pain. Physical therapy helped.', 'She was seen on 04/07/2017. Physical therapy did not help.'],
      date: '2017-04-07',
      helped: ['Physical therapy helped.'],
      noRelief: ['Physical therapy did not help.'],
      summary: /^04\/07\/17: the record says physical therapy gave no relief, but the 02\/03\/17 note says physical therapy helped\.$/,
    },
    {
      label: 'two visits in one note',
      texts: ['He was seen on 05/02/2017. He had a right L5-S1 epidural steroid injection which gave good relief. He was seen on 06/20/2017. The epidural steroid injection did not help.'],
      date: '2017-06-20',
      helped: ['He had a right L5-S1 epidural steroid injection which gave good relief.'],
      noRelief: ['The epidural steroid injection did not help.'],
      summary: /^06\/20\/17: the record says epidural steroid injection gave no relief, but the 05\/02\/17 note says epidural steroid injection helped\.$/,
    },
    {
      label: 'a named block and its family ("facet blocks" are "nerve blocks")',
      texts: ['He was seen on 05/02/2017. He had bilateral L4-L5 facet blocks which helped.', 'He was seen on 08/11/2017. He has had nerve blocks without relief.'],
      date: '2017-08-11',
      helped: ['He had bilateral L4-L5 facet blocks which helped.'],
      noRelief: ['He has had nerve blocks without relief.'],
      summary: /nerve blocks gave no relief.*facet blocks helped/,
    },
    {
      label: 'the later statement is the one that helped',
      texts: ['She was seen on 02/03/2017 for neck pain. Acupuncture did not help.', 'She was seen on 04/07/2017. Acupuncture helped.'],
      date: '2017-04-07',
      helped: ['Acupuncture helped.'],
      noRelief: ['Acupuncture did not help.'],
      summary: /^04\/07\/17: the record says acupuncture helped, but the 02\/03\/17 note says acupuncture gave no relief\.$/,
    },
  ])('$label → one flag dated at the later visit', async ({ texts, date, helped, noRelief, summary }) => {
    const flags = await contradictions(...texts);
    expect(flags).toHaveLength(1);
    const [flag] = flags as [Flag];
    expect({ date: flag.date, rule: flag.rule, severity: flag.severity }).toEqual({ date, rule: 'contradiction.treatment-response', severity: 'medium' });
    expect(flag.summary).toMatch(summary);
    expect(flag.evidence.filter((e) => e.role === 'helped').map((e) => e.quote)).toEqual(helped);
    expect(flag.evidence.filter((e) => e.role === 'no relief').map((e) => e.quote)).toEqual(noRelief);
  });

  it('one fact, one flag: every "helped" statement is evidence of the same contradiction', async () => {
    const flags = await contradictions(
      'He was seen on 03/01/2017. He had bilateral L4-L5 facet blocks which helped.',
      'He was seen on 05/02/2017. The facet blocks helped for about a week.',
      'He was seen on 08/11/2017. He has had nerve blocks without relief.',
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]?.date).toBe('2017-08-11');
    expect(flags[0]?.evidence.map((e) => e.role)).toEqual(['helped', 'helped', 'no relief']);
    expect(new Set(flags[0]?.evidence.map((e) => e.document)).size).toBe(3);
  });

  it.each<[label: string, texts: string[]]>([
    [
      'a mixed report against no help',
      ['She was seen on 02/03/2017 for neck pain. Physical therapy helped her strength but not the pain.', 'She was seen on 04/07/2017. Physical therapy did not help.'],
    ],
    ['different treatments', ['She was seen on 02/03/2017 for neck pain. Physical therapy helped.', 'She was seen on 04/07/2017. Acupuncture did not help.']],
    ['different procedures', ['He was seen on 05/02/2017. He had a cortisone injection of the left knee which helped.', 'He was seen on 08/11/2017. The radiofrequency ablation did not help.']],
    ['the same response twice', ['He was seen on 05/02/2017. Chiropractic care helped.', 'He was seen on 08/11/2017. Chiropractic care helped.']],
    ['both said at one visit', ['He was seen on 05/02/2017. Chiropractic care helped for two days. Chiropractic care did not help in the long run.']],
  ])('no flag: %s', async (_label, texts) => {
    expect((await contradictions(...texts)).map((f) => f.summary)).toEqual([]);
  });
});

describe('contradiction: a decision stated both ways', () => {
  it('approved, then denied → one flag with both quotes', async () => {
    const approved = 'On 05/02/2017, Utilization Review certified the request for a cervical MRI.';
    const denied = 'On 05/20/2017, Utilization Review non-certified the request for a cervical MRI.';
    const flags = await contradictions(approved, denied);
    expect(flags).toHaveLength(1);
    const [flag] = flags as [Flag];
    expect({ rule: flag.rule, date: flag.date }).toEqual({ rule: 'contradiction.decision-both-ways', date: '2017-05-02' });
    expect(flag.summary).toBe('05/02/17: the record states the request for MRI was approved, yet on 05/20/17 it is reported as denied or non-certified.');
    expect(flag.evidence.map((e) => [e.role, e.quote])).toEqual([
      ['approved', approved],
      ['denied', denied],
    ]);
  });

  it.each<[label: string, texts: string[]]>([
    [
      'denied, then approved on appeal',
      ['On 05/02/2017, Utilization Review non-certified the request for a cervical MRI.', 'On 05/20/2017, Utilization Review certified the request for a cervical MRI.'],
    ],
    ['different body parts', ['On 05/02/2017, Utilization Review certified the request for a cervical MRI.', 'On 05/20/2017, Utilization Review non-certified the request for a lumbar MRI.']],
    [
      'a different (additional) request',
      ['On 05/02/2017, Utilization Review certified the request for physical therapy.', 'On 05/20/2017, Utilization Review non-certified the request for additional physical therapy.'],
    ],
    [
      'a modification is a partial decision',
      ['On 05/02/2017, Utilization Review certified the request for a cervical MRI.', 'On 05/20/2017, Utilization Review modified the request for a cervical MRI.'],
    ],
    [
      'a quantity approved is a partial decision',
      ['On 05/02/2017, Utilization Review certified 6 sessions of physical therapy.', 'On 05/20/2017, Utilization Review non-certified the request for physical therapy.'],
    ],
  ])('no flag: %s', async (_label, texts) => {
    expect((await contradictions(...texts)).map((f) => f.summary)).toEqual([]);
  });
});

describe('contradiction: the side of a limb', () => {
  const LEFT_KNEE = [
    'Date of Injury: 03/02/2017',
    'The injured worker sustained an injury to the left knee when he slipped on a wet floor.',
    'Diagnoses include left knee medial meniscus tear.',
    'He was seen on 04/11/2017 for left knee pain.',
    'There was tenderness along the medial joint line of the left knee.',
    "McMurray's test was positive on the left knee.",
  ];

  it('one finding on the other side of a record about one side: flagged at its visit', async () => {
    const flags = await contradictions([...LEFT_KNEE, 'The right knee had decreased range of motion in flexion.'].join('\n'));
    expect(flags.map((f) => ({ rule: f.rule, date: f.date }))).toEqual([{ rule: 'contradiction.laterality', date: '2017-04-11' }]);
    const [flag] = flags as [Flag];
    expect(flag.summary).toMatch(/^04\/11\/17: an exam finding about the right knee, while the record's \d+ other statements about the knee are all about the left one\.$/);
    expect(flag.evidence[0]).toMatchObject({ role: 'right knee', quote: 'The right knee had decreased range of motion in flexion.' });
    expect(flag.evidence.slice(1).map((e) => e.role)).toContain('left knee');
    expect(flag.evidence.some((e) => e.quote.startsWith('Diagnoses include left knee'))).toBe(true);
  });

  it.each<[label: string, extra: string[]]>([
    ['both knees named once', ['Bilateral knee crepitus was noted.', 'The right knee had decreased range of motion in flexion.']],
    ['the other side named twice', ['The right knee had decreased range of motion in flexion.', 'There was mild swelling of the right knee.']],
    ['the other side only in the history', ['He had a right knee arthroscopy in 2009 which helped.']],
  ])('no flag: %s', async (_label, extra) => {
    expect((await contradictions([...LEFT_KNEE, ...extra].join('\n'))).filter((f) => f.rule === 'contradiction.laterality')).toEqual([]);
  });

  it('no flag when the record says too little about the side', async () => {
    const text = ['He was seen on 04/11/2017 for left knee pain.', 'The right knee had decreased range of motion in flexion.'].join('\n');
    expect((await contradictions(text)).filter((f) => f.rule === 'contradiction.laterality')).toEqual([]);
  });
});

describe('contradiction: a prior procedure denied in one place and described in another', () => {
  const note = (...lines: string[]): string => ['DATE OF SERVICE: 03/10/2016', ...lines].join('\n');
  it.each<[label: string, text: string, denied: string, described: string]>([
    [
      'a denied back surgery, then status post one',
      note('PAST SURGICAL HISTORY:', 'He denies any prior back surgery.', 'ASSESSMENT:', 'Low back pain, status post lumbar surgery in 2012.'),
      'denies any prior back surgery',
      'status post lumbar surgery',
    ],
    [
      '"never had surgery" covers every surgery',
      note('PAST SURGICAL HISTORY:', 'She has never had surgery.', 'HISTORY OF PRESENT ILLNESS:', 'She underwent a right knee arthroscopy in 2014.'),
      'never had surgery',
      'underwent a right knee arthroscopy',
    ],
  ])('%s', async (_label, text, denied, described) => {
    const flags = (await contradictions(text)).filter((f) => f.rule === 'contradiction.denied-procedure');
    expect(flags).toHaveLength(1);
    const [flag] = flags as [Flag];
    expect(flag.evidence.find((e) => e.role === 'denied')?.quote).toContain(denied);
    expect(flag.evidence.find((e) => e.role === 'described')?.quote).toContain(described);
  });

  it.each<[label: string, text: string]>([
    ['a different body part', note('PAST SURGICAL HISTORY:', 'He denies any prior back surgery.', 'HISTORY OF PRESENT ILLNESS:', 'He had a right knee arthroscopy in 2014.')],
    ['a denial with nothing described', note('PAST SURGICAL HISTORY:', 'He denies any prior surgery.', 'PLAN:', 'Physical therapy.')],
    ['surgery discussed, not done', note('PAST SURGICAL HISTORY:', 'He denies any prior back surgery.', 'PLAN:', 'We discussed the option of lumbar surgery.')],
  ])('no flag: %s', async (_label, text) => {
    expect((await contradictions(text)).filter((f) => f.rule === 'contradiction.denied-procedure')).toEqual([]);
  });
});

describe('contradiction: the side of a paired organ within one note', () => {
  const note = (...lines: string[]): string => ['DATE OF SERVICE: 03/10/2016', ...lines].join('\n');
  it('a left testicular nodule in the assessment of a right-sided exam and complaint', async () => {
    const flags = await contradictions(
      note(
        'CHIEF COMPLAINT:',
        'Swelling of the right testicle for two weeks.',
        'PHYSICAL EXAMINATION:',
        'There is a firm nodule in the right testicle.',
        'The right testicle is tender.',
        'ASSESSMENT:',
        'Left testicular nodule.',
      ),
    );
    const lateral = flags.filter((f) => f.rule === 'contradiction.laterality');
    expect(lateral).toHaveLength(1);
    expect(lateral[0]?.evidence[0]?.quote).toBe('Left testicular nodule.');
  });

  it.each<[label: string, text: string]>([
    [
      'the other side examined normal for comparison',
      note('PHYSICAL EXAMINATION:', 'There is a firm nodule in the right testicle.', 'The right testicle is tender.', 'The left testicle is normal.', 'ASSESSMENT:', 'Right testicular nodule.'),
    ],
    ['both sides named', note('PHYSICAL EXAMINATION:', 'Bilateral inguinal lymph nodes are palpable.', 'There is a nodule in the right testicle.', 'ASSESSMENT:', 'Left inguinal node.')],
  ])('no flag: %s', async (_label, text) => {
    expect((await contradictions(text)).filter((f) => f.rule === 'contradiction.laterality')).toEqual([]);
  });
});

describe('contradiction: a response told both ways within one note', () => {
  it('physical therapy helped and did not help, in one undated note', async () => {
    const flags = await contradictions(['HISTORY OF PRESENT ILLNESS:', 'Physical therapy helped her neck pain.', 'ASSESSMENT:', 'Neck pain; physical therapy did not help.'].join('\n'));
    const response = flags.filter((f) => f.rule === 'contradiction.treatment-response');
    expect(response).toHaveLength(1);
    expect(response[0]?.summary).toMatch(/^The same note says/);
  });

  it('no flag for a mixed report in one sentence', async () => {
    const flags = await contradictions(['HISTORY OF PRESENT ILLNESS:', 'Physical therapy helped her strength but not the pain.'].join('\n'));
    expect(flags.filter((f) => f.rule === 'contradiction.treatment-response')).toEqual([]);
  });
});
