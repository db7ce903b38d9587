// duplicate (src/checks/duplicate.ts): the same page twice in a bundle — a report attached twice, a
// note re-faxed — gives one flag per pair of documents, and the timeline counts its events once.
import { describe, expect, it } from 'vitest';
import type { Flag } from '../../src/schema.js';
import { timelineOf } from '../extract/support.js';

const PAGE_1 = [
  'Date of Exam: 09/14/2016',
  'HISTORY:',
  'The patient is a 47-year-old delivery driver who returns for follow-up of right shoulder pain that began when he lifted a crate onto his truck.',
  'He reports that the pain is worse with reaching overhead and that it wakes him at night two or three times a week.',
  'He has completed six sessions of physical therapy with some improvement in his range of motion.',
  'PHYSICAL EXAMINATION:',
  'There is tenderness over the right greater tuberosity. Forward flexion is limited to 150 degrees on the right. Strength is 5/5 in the left shoulder.',
].join('\n');
const PAGE_2 = [
  'ASSESSMENT:',
  'Right shoulder impingement syndrome, improving slowly with conservative care, without signs of a full-thickness rotator cuff tear.',
  'PLAN:',
  'Physical therapy twice a week for four more weeks was requested. He will continue naproxen as needed and return to clinic in four weeks for re-evaluation.',
  'He may continue modified work with no lifting over 20 pounds and no reaching above shoulder level with the right arm.',
].join('\n');
const REPORT = `${PAGE_1}\f${PAGE_2}`;
/** The same report saved again: other bytes (so another document id), the same page text. */
const resaved = (text: string, n = 1): string => `${text}${'\n'.repeat(n)}`;
const OTHER = [
  'Date of Exam: 10/12/2016',
  'HISTORY:',
  'The patient returns for follow-up of right shoulder pain. He has now completed ten sessions of physical therapy and reports that overhead reaching is easier.',
  'PHYSICAL EXAMINATION:',
  'Forward flexion is full on the right. There is mild tenderness over the right greater tuberosity. Strength is 5/5 in both shoulders.',
  'PLAN:',
  'He will continue his home exercise program and return in six weeks. He may return to full duty without restrictions.',
].join('\n');

async function duplicates(...texts: string[]): Promise<Flag[]> {
  return (await timelineOf(...texts)).flags.filter((f) => f.kind === 'duplicate');
}

describe('duplicate: one flag per pair of documents', () => {
  it('a two-page report attached twice', async () => {
    const flags = await duplicates(REPORT, resaved(REPORT));
    expect(flags).toHaveLength(1);
    const [flag] = flags as [Flag];
    expect({ rule: flag.rule, severity: flag.severity, date: flag.date }).toEqual({ rule: 'duplicate.identical-page', severity: 'low', date: null });
    expect(flag.summary).toBe('note-1.txt pp.1, 2 appears again in note-2.txt pp.1, 2 (identical text); the events are counted once.');
    expect(flag.evidence.map((e) => [e.role, e.page])).toEqual([
      ['original', 1],
      ['copy', 1],
      ['original', 2],
      ['copy', 2],
    ]);
  });

  it('the same report in three documents: a flag for each copy', async () => {
    const flags = await duplicates(REPORT, OTHER, resaved(REPORT, 1), resaved(REPORT, 2));
    expect(flags.map((f) => f.summary)).toEqual([
      'note-1.txt pp.1, 2 appears again in note-3.txt pp.1, 2 (identical text); the events are counted once.',
      'note-1.txt pp.1, 2 appears again in note-4.txt pp.1, 2 (identical text); the events are counted once.',
    ]);
  });

  it('a page repeated inside one document', async () => {
    // (the page is long: the first and last lines of a page that repeats are read as a running header and footer)
    const long = [PAGE_1, ...PAGE_2.split('\n'), 'Work status: modified duty.', 'He understands and agrees with the plan.'].join('\n');
    const flags = await duplicates(`${long}\f${OTHER}\f${long}`);
    expect(flags.map((f) => f.summary)).toEqual(['note-1.txt repeats p.1 as p.3 (identical text); the events are counted once.']);
  });

  it('a re-faxed copy with one word changed is nearly identical', async () => {
    const refax = REPORT.replace('three times a week', 'four times a week');
    const flags = await duplicates(REPORT, refax);
    expect(flags.map((f) => f.rule)).toEqual(['duplicate.near-identical-page']);
    // page 1 nearly, page 2 exactly: one flag for the pair of documents
    expect(flags[0]?.summary).toBe('note-1.txt pp.1, 2 appears again in note-2.txt pp.1, 2 (nearly identical text); the events are counted once.');
  });

  it('the duplicated events are counted once in the timeline', async () => {
    const timeline = await timelineOf(REPORT, resaved(REPORT));
    const visits = timeline.events.filter((e) => e.type === 'encounter');
    expect(visits).toHaveLength(1);
    expect(visits[0]?.sources.map((s) => s.document)).toEqual(timeline.documents.map((d) => d.id));
  });

  it.each<[label: string, texts: string[]]>([
    ['two different visits of the same patient', [REPORT, OTHER]],
    ['short pages that happen to be identical', ['Date of Exam: 09/14/2016\nPain is 5/10.', 'Date of Exam: 09/14/2016\nPain is 5/10.']],
  ])('no flag: %s', async (_label, texts) => {
    expect((await duplicates(...texts)).map((f) => f.summary)).toEqual([]);
  });
});
