// The imaging-results refiner (src/extract/refiners/imaging-results.ts): the findings of a dated study
// often run over the next sentences; they belong to that study, not to the visit that reports it —
// but only until something else is said, a new visit starts, or the study is far behind.
import { describe, expect, it } from 'vitest';
import { describeEvents, eventsOf, eventWith, ofType } from './support.js';

const VISIT = 'He was seen on 02/01/2016 for right shoulder pain.';
const STUDY = 'An MRI of the right shoulder dated 01/20/2016 showed a partial-thickness supraspinatus tear.';

describe('imaging results: a following results sentence is the same study', () => {
  it.each<[label: string, text: string, quotePart: string, rule: string]>([
    ['a findings sentence with nothing else in it', `${VISIT} ${STUDY} There was moderate acromioclavicular joint arthrosis.`, 'acromioclavicular', 'imaging.result-continued'],
    [
      'two findings sentences in a row (the second)',
      `${VISIT} ${STUDY} There was moderate acromioclavicular joint arthrosis. There was no fracture or dislocation.`,
      'no fracture',
      'imaging.result-continued',
    ],
    ['the same study named again without its date', `${VISIT} ${STUDY} The MRI also showed a small joint effusion.`, 'small joint effusion', 'report.imaging.mri'],
    // words an examiner also uses, every one an imaging finding, inside the report
    ['a findings sentence of atrophy', `${VISIT} ${STUDY} There was no supraspinatus muscle atrophy.`, 'muscle atrophy', 'imaging.result-continued'],
    [
      'a findings sentence of effusion',
      `${VISIT} ${STUDY} There was no supraspinatus muscle atrophy. There was small glenohumeral joint effusion.`,
      'glenohumeral joint effusion',
      'imaging.result-continued',
    ],
    ['a findings sentence of dislocation', `${VISIT} ${STUDY} There was no evidence for a biceps dislocation or subluxation.`, 'biceps dislocation', 'imaging.result-continued'],
    [
      'a findings sentence naming a tendon',
      `${VISIT} ${STUDY} There was no evidence of capsulitis. There was a focal strain of the posterior supraspinatus tendon insertion.`,
      'focal strain',
      'imaging.result-continued',
    ],
  ])('%s', async (_label, text, quotePart, rule) => {
    const events = await eventsOf(text);
    const study = eventWith(events, 'imaging', 'dated 01/20/2016');
    expect(study).toMatchObject({ date: '2016-01-20', dateCertainty: 'explicit', reportedOn: '2016-02-01' });
    const result = eventWith(events, 'imaging', quotePart);
    expect({ date: result.date, dateText: result.dateText, dateCertainty: result.dateCertainty, reportedOn: result.reportedOn, rule: result.rule }).toEqual({
      date: '2016-01-20',
      dateText: '01/20/2016',
      dateCertainty: 'inherited',
      reportedOn: '2016-02-01',
      rule,
    });
  });
});

describe('imaging results: where the study ends', () => {
  it.each<[label: string, text: string]>([
    ['a new visit starts', `${VISIT} ${STUDY} He was seen on 03/01/2016. There was moderate acromioclavicular joint arthrosis.`],
    ['a plan comes between', `${VISIT} ${STUDY} Physical therapy was recommended. There was moderate acromioclavicular joint arthrosis.`],
  ])('%s: the later findings sentence is not the study', async (_label, text) => {
    const events = await eventsOf(text);
    const later = events.filter((e) => e.source.quote.includes('acromioclavicular'));
    expect(describeEvents(later.filter((e) => e.type === 'imaging'))).toEqual([]);
  });

  it.each<[label: string, text: string, quotePart: string]>([
    ['an examination after the study', `${VISIT} ${STUDY} On examination there was a small knee effusion.`, 'knee effusion'],
    ['an exam finding that is not an imaging word', `${VISIT} ${STUDY} There was tenderness over the acromioclavicular joint.`, 'tenderness'],
  ])('%s stays an exam finding', async (_label, text, quotePart) => {
    const events = await eventsOf(text);
    expect(eventWith(events, 'exam_finding', quotePart).date).toBe('2016-02-01');
    expect(describeEvents(ofType(events, 'imaging').filter((e) => e.source.quote.includes(quotePart)))).toEqual([]);
  });

  it('an undated study at a visit is not the dated one from before', async () => {
    const events = await eventsOf(`${VISIT} An MRI showed a small joint effusion.`);
    expect(ofType(events, 'imaging').map((e) => ({ date: e.date, reportedOn: e.reportedOn }))).toEqual([{ date: null, reportedOn: '2016-02-01' }]);
  });
});
