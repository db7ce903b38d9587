// Plans and referrals (src/extract/extractors/plans.ts): requested, recommended and ordered services
// take the date written against the request, else the visit's; one sentence with two request dates
// gives two plans; a referral is its own type; a plan of medications only is a medication event.
import { describe, expect, it } from 'vitest';
import type { EventType } from '../../src/schema.js';
import { describeEvents, eventsOf, eventWith, ofType, pick, type Expected } from './support.js';

const VISIT = 'She was seen on 04/02/16 for right shoulder pain.';

describe('plans at a visit take the visit date', () => {
  it.each<[sentence: string, type: EventType]>([
    ['Physical therapy was recommended.', 'plan'],
    ['An EMG of the bilateral upper extremities was ordered.', 'plan'],
    ['An EMG of the bilateral upper extremities was requested.', 'plan'],
    ['A cortisone injection of the right shoulder was recommended.', 'plan'],
    ['We recommend an MRI of the right shoulder.', 'plan'],
    ['Physical therapy 2 times a week for 4 weeks and a lumbar MRI were requested.', 'plan'],
    ['The plan is to continue the home exercise program.', 'plan'],
    ['He was referred to Dr. Patel for a pain management consultation.', 'referral'],
    ['A referral to a hand surgeon was made.', 'referral'],
    ['An orthopedic referral was ordered to address the shoulder.', 'referral'],
    // a medication ordered is a plan; one carried on is a medication
    ['Ibuprofen 600 mg three times daily was prescribed.', 'plan'],
    ['A request was submitted for cyclobenzaprine 7.5 mg #60.', 'plan'],
    ['Tramadol 50 mg was continued.', 'medication'],
    ['Naproxen was refilled.', 'medication'],
  ])('%j → %s on the visit date', async (sentence, type) => {
    const events = await eventsOf(`${VISIT} ${sentence}`);
    const expected: Expected = { type, date: '2016-04-02', dateCertainty: 'inherited', reportedOn: '2016-04-02', assertion: 'present' };
    expect(pick(eventWith(events, type, sentence), expected)).toEqual(expected);
  });
});

describe('plans with their own request date', () => {
  it.each<[text: string, type: EventType, quotePart: string, date: string]>([
    ['The Request for Authorization dated 03-02-17 is for an ultrasound of the right shoulder.', 'plan', 'ultrasound', '2017-03-02'],
    ['The request for authorization was signed on 11/21/2016.', 'plan', 'signed', '2016-11-21'],
    ['On 11/08/2016, a request was made for acupuncture 6 sessions.', 'plan', 'acupuncture', '2016-11-08'],
    // the request date wins over the visit in force
    [`${VISIT} A request for authorization dated 04/05/16 was submitted for a shoulder MRI.`, 'plan', 'shoulder MRI', '2016-04-05'],
  ])('%j → %s on %s', async (text, type, quotePart, date) => {
    const e = eventWith(await eventsOf(text), type, quotePart);
    expect({ date: e.date, dateCertainty: e.dateCertainty }).toEqual({ date, dateCertainty: 'explicit' });
  });
});

describe('one sentence with two request dates gives two plans', () => {
  it.each<[text: string, expected: [date: string, rule: string][]]>([
    [
      'A request for authorization on September 12, 2016 for chiropractic care 2x3 and September 20, 2016 for acupuncture.',
      [
        ['2016-09-12', 'plan.therapy.chiropractic'],
        ['2016-09-20', 'plan.therapy.acupuncture'],
      ],
    ],
    [
      'Requests for authorization were submitted on 10/03/2016 for a lumbar MRI and on 10/17/2016 for an EMG of the lower extremities.',
      [
        ['2016-10-03', 'plan.imaging.mri'],
        ['2016-10-17', 'plan.test.electrodiagnostic'],
      ],
    ],
    [
      'The treating physician requested an MRI of the left knee on 03/05/2017 and physical therapy on 04/02/2017.',
      [
        ['2017-03-05', 'plan.imaging.mri'],
        ['2017-04-02', 'plan.therapy.physical'],
      ],
    ],
  ])('%j', async (text, expected) => {
    const plans = ofType(await eventsOf(text), 'plan');
    // each plan is the service its date was written against
    expect(plans.map((p) => [p.date, p.rule])).toEqual(expected);
    for (const p of plans) expect({ dateCertainty: p.dateCertainty, quote: p.source.quote }).toEqual({ dateCertainty: 'explicit', quote: text });
  });
});

describe('the original request restated by a reviewer takes the date of the request', () => {
  it('"... was the original request" in the rationale → the visit\'s plan date', async () => {
    const events = await eventsOf(
      [VISIT, 'Physical therapy 2 times a week for 6 weeks was requested.', 'DECISION RATIONALE:', 'Physical therapy 2 times a week for 6 weeks was the original request.'].join('\n'),
    );
    const restated = eventWith(events, 'plan', 'original request');
    expect({ date: restated.date, dateCertainty: restated.dateCertainty, sectionCategory: restated.sectionCategory }).toEqual({
      date: '2016-04-02',
      dateCertainty: 'inherited',
      sectionCategory: 'rationale',
    });
  });
});

describe("a request on the letter's UR date is the decision, not a new request", () => {
  it('"On <UR date>, request for ..." → determination', async () => {
    const events = await eventsOf('UR Denial Date: 11/22/2016\nOn 11/22/2016, request for chiropractic treatment 2 times a week for 3 weeks.');
    const e = eventWith(events, 'determination', 'chiropractic');
    expect({ date: e.date, rule: e.rule }).toEqual({ date: '2016-11-22', rule: 'plan.therapy.chiropractic>determination.on-ur-date' });
    expect(ofType(events, 'plan')).toEqual([]);
  });

  it('the same sentence on another date stays a plan', async () => {
    const events = await eventsOf('UR Denial Date: 11/29/2016\nOn 11/22/2016, request for chiropractic treatment 2 times a week for 3 weeks.');
    expect(eventWith(events, 'plan', 'chiropractic').date).toBe('2016-11-22');
  });
});

describe('not a plan', () => {
  it.each<[label: string, sentence: string]>([
    ['a negated recommendation', 'Surgery is not recommended at this time.'],
    ['a follow-up appointment', 'She will follow up in 4 weeks.'],
    ['a continuation word alone', 'She will continue as before.'],
  ])('%s: %j', async (_label, sentence) => {
    const events = await eventsOf(`${VISIT} ${sentence}`);
    expect(describeEvents(events.filter((e) => ['plan', 'referral'].includes(e.type)))).toEqual([]);
  });
});

describe("in the reviewer's sections", () => {
  it('the reviewer naming a dated request form: a plan on that date', async () => {
    const events = await eventsOf(['DECISION RATIONALE:', 'The request for authorization form is dated 12/02/2016.'].join('\n'));
    expect(eventWith(events, 'plan', 'request for authorization form')).toMatchObject({ date: '2016-12-02', dateCertainty: 'explicit' });
  });

  it.each<[label: string, sentence: string]>([
    ['a judgement of a dated request', 'The request for an MRI dated 12/02/2016 is not medically necessary.'],
    ['a guideline about requests', 'The request for a repeat MRI is recommended for new neurological findings, per guidelines updated 05/2016.'],
  ])('%s: no plan', async (_label, sentence) => {
    const events = await eventsOf(['DECISION RATIONALE:', sentence].join('\n'));
    expect(describeEvents(events.filter((e) => ['plan', 'referral'].includes(e.type)))).toEqual([]);
  });
});
