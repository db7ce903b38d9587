// The merge-sentence refiner (src/extract/refiners/merge-sentence.ts): one sentence gives one event
// per type and date, carrying every structured finding or service of the sentence.
import { describe, expect, it } from 'vitest';
import type { EventType } from '../../src/schema.js';
import { eventsOf, ofType } from './support.js';

describe('merge sentence', () => {
  it.each<[text: string, type: EventType, domains: string[]]>([
    ['Tenderness and spasm were noted in the paracervical and trapezius muscles.', 'exam_finding', ['msk.spasm', 'msk.tenderness']],
    ['Sensation was intact and reflexes were 2+ and symmetric.', 'exam_finding', ['neuro.reflexes', 'neuro.sensation']],
    ['There was tenderness over the right medial joint line and the gait was antalgic.', 'exam_finding', ['msk.tenderness', 'neuro.gait']],
  ])('%j → one %s with %j', async (text, type, domains) => {
    const events = ofType(await eventsOf(text), type);
    expect(events).toHaveLength(1);
    expect([...new Set(events[0]?.findings.map((f) => f.concept))].sort()).toEqual(domains);
  });

  it.each<[text: string, dates: (string | null)[]]>([
    ['Physical therapy and acupuncture were recommended.', [null]],
    ['She was seen on 04/02/16. Physical therapy and acupuncture were recommended.', ['2016-04-02']],
    // different dates stay different events
    ['The treating physician requested an MRI of the left knee on 03/05/2017 and physical therapy on 04/02/2017.', ['2017-03-05', '2017-04-02']],
  ])('plans of one sentence: %j → dates %j', async (text, dates) => {
    expect(ofType(await eventsOf(text), 'plan').map((e) => e.date)).toEqual(dates);
  });
});
