import { describe, expect, it } from 'vitest';
import { loadPatterns } from '../../src/patterns/load-patterns.js';
import { findSections, findSystemLabels, sectionAt, type Section } from '../../src/text/sections.js';

const patterns = loadPatterns();

/** [section name, header as written, the section's body text] */
function read(text: string): [string, string, string][] {
  return findSections(text, patterns).map((s) => [s.name, s.header, text.slice(s.bodyStart, s.end).trim()]);
}

describe('findSections: a header alone on its line', () => {
  it.each<[string, [string, string, string][]]>([
    ['PHYSICAL EXAMINATION\nLumbar flexion is limited to 40 degrees.', [['PHYSICAL EXAMINATION', 'PHYSICAL EXAMINATION', 'Lumbar flexion is limited to 40 degrees.']]],
    ['Physical Examination:\nTenderness over the left trapezius.', [['PHYSICAL EXAMINATION', 'Physical Examination', 'Tenderness over the left trapezius.']]],
    ['  IMPRESSION  \nMild degenerative disc disease.', [['IMPRESSION', 'IMPRESSION', 'Mild degenerative disc disease.']]],
    ['Treatment Plan\nContinue naproxen and home exercise.', [['PLAN', 'Treatment Plan', 'Continue naproxen and home exercise.']]],
    ['CLINICAL CASE SUMMARY\nThe claimant is a 52-year-old warehouse worker.', [['CLINICAL CASE SUMMARY', 'CLINICAL CASE SUMMARY', 'The claimant is a 52-year-old warehouse worker.']]],
    [
      'HISTORY OF PRESENT ILLNESS\nNeck pain after a fall.\nASSESSMENT\nCervical strain.\nPLAN\nPhysical therapy.',
      [
        ['HISTORY', 'HISTORY OF PRESENT ILLNESS', 'Neck pain after a fall.'],
        ['IMPRESSION', 'ASSESSMENT', 'Cervical strain.'],
        ['PLAN', 'PLAN', 'Physical therapy.'],
      ],
    ],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('findSections: "Header: text" on one line', () => {
  it.each<[string, [string, string, string][]]>([
    ['Assessment: Lumbar strain, improving.', [['IMPRESSION', 'Assessment', 'Lumbar strain, improving.']]],
    ['Decision rationale: The request is not medically necessary.', [['DECISION RATIONALE', 'Decision rationale', 'The request is not medically necessary.']]],
    ['HISTORY OF PRESENT ILLNESS:, The patient reports low back pain.', [['HISTORY', 'HISTORY OF PRESENT ILLNESS', 'The patient reports low back pain.']]],
    ['   Impression:   Disc protrusion at L4-L5.', [['IMPRESSION', 'Impression', 'Disc protrusion at L4-L5.']]],
    [
      'Subjective: Knee pain 5/10.\nObjective: Mild effusion.\nPlan: Continue the brace.',
      [
        ['HISTORY', 'Subjective', 'Knee pain 5/10.'],
        ['PHYSICAL EXAMINATION', 'Objective', 'Mild effusion.'],
        ['PLAN', 'Plan', 'Continue the brace.'],
      ],
    ],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('findSections: an all-capitals header inline after a sentence', () => {
  it.each<[string, [string, string, string][]]>([
    ['She reports no drug allergies. MEDICATIONS: Ibuprofen 600 mg.', [['MEDICATIONS', 'MEDICATIONS', 'Ibuprofen 600 mg.']]],
    ['She reports no drug allergies. MEDICATIONS:, Ibuprofen 600 mg.', [['MEDICATIONS', 'MEDICATIONS', 'Ibuprofen 600 mg.']]],
    [
      'Plan: MRI of the lumbar spine. IMPRESSION: Lumbar radiculopathy.',
      [
        ['PLAN', 'Plan', 'MRI of the lumbar spine.'],
        ['IMPRESSION', 'IMPRESSION', 'Lumbar radiculopathy.'],
      ],
    ],
    ['Vitals stable. PHYSICAL EXAMINATION: Gait is normal.', [['PHYSICAL EXAMINATION', 'PHYSICAL EXAMINATION', 'Gait is normal.']]],
    // mixed case inline only for headers of two words or more
    ['The guideline was cited above. Decision rationale: The request is not supported.', [['DECISION RATIONALE', 'Decision rationale', 'The request is not supported.']]],
  ])('%j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('findSections: what is not a header', () => {
  it.each([
    'Received: 12/13/2016',
    'Date Assigned: 12/16/2016',
    'Received:\n12/13/2016',
    'Case Number: CM16-0000001',
    'Employer: Acme Logistics',
    // unknown headers are ignored
    'HOBBIES\nFishing and woodworking.',
    'Favorite Sport: Baseball',
    'PARKING INSTRUCTIONS:\nUse the rear lot.',
    // header words inside a sentence
    'The plan is to continue therapy.',
    'History of lumbar fusion in 2010 is noted.',
    'Assessment of the cervical spine showed: tenderness at C5-6.',
    // an inline header must be in capitals after a sentence end
    'She reports no drug allergies. Medications: Ibuprofen 600 mg.',
    'Pain radiates to the left leg PLAN: injection.',
  ])('%j has no section', (text) => {
    expect(findSections(text, patterns)).toEqual([]);
  });
});

describe('findSections: spans', () => {
  const text = 'Letter text before any header.\nHISTORY\nFell from a ladder.\nExam: Tender left wrist.\nPLAN\nSplint.';
  const sections = findSections(text, patterns);

  it('start is the header, bodyStart the text after it, end the next header', () => {
    expect(sections.map((s) => [s.header, text.slice(s.start, s.bodyStart).trim(), text.slice(s.bodyStart, s.end).trim()])).toEqual([
      ['HISTORY', 'HISTORY', 'Fell from a ladder.'],
      ['Exam', 'Exam:', 'Tender left wrist.'],
      ['PLAN', 'PLAN', 'Splint.'],
    ]);
    expect(sections.at(-1)?.end).toBe(text.length);
    for (let i = 1; i < sections.length; i++) expect(sections[i]?.start).toBe(sections[i - 1]?.end);
  });

  it.each<[string, string | null]>([
    ['Letter text', null],
    ['Fell from', 'HISTORY'],
    ['HISTORY', 'HISTORY'],
    ['Tender left', 'PHYSICAL EXAMINATION'],
    ['Splint', 'PLAN'],
  ])('sectionAt(offset of %j) → %s', (needle, name) => {
    const offset = text.indexOf(needle);
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(sectionAt(sections, offset)?.name ?? null).toBe(name);
  });

  it('sectionAt is null past the last section and with no sections', () => {
    const one: Section[] = [{ name: 'PLAN', category: 'plan', start: 5, bodyStart: 10, end: 20, header: 'PLAN' }];
    expect(sectionAt(one, 25)).toBeNull();
    expect(sectionAt(one, 4)).toBeNull();
    expect(sectionAt(one, 19)?.name).toBe('PLAN');
    expect(sectionAt([], 0)).toBeNull();
  });

  it.each<[string, string]>([
    ['PHYSICAL EXAMINATION', 'exam'],
    ['DECISION RATIONALE', 'rationale'],
    ['GUIDELINE', 'guideline'],
    ['MEDICATIONS', 'medications'],
  ])('%s has category %s', (header, category) => {
    expect(findSections(`${header}\nText.`, patterns)[0]?.category).toBe(category);
  });
});

describe('findSections: all-capitals headers the vocabulary lacks take a category from their words', () => {
  const categories = (text: string): [string, string][] => findSections(text, patterns).map((s) => [s.header, s.category]);
  it.each<[string, [string, string][]]>([
    ['RECOMMENDATIONS AND PLAN:\nReturn in two weeks.', [['RECOMMENDATIONS AND PLAN', 'plan']]],
    ['PERSONAL AND SOCIAL HISTORY:\nHe lives alone.', [['PERSONAL AND SOCIAL HISTORY', 'history']]],
    ['CERVICAL SPINE EXAMINATION:\nTenderness at C5-C6.', [['CERVICAL SPINE EXAMINATION', 'exam']]],
    ['He was seen.,IMPRESSIONS:, Lumbar strain.', [['IMPRESSIONS', 'assessment']]],
    // a one-line export drops the colon of a header that opens a numbered list
    [
      'PREOPERATIVE DIAGNOSES,1.  Torn meniscus.,PROCEDURE,1.  Arthroscopy.',
      [
        ['PREOPERATIVE DIAGNOSES', 'assessment'],
        ['PROCEDURE', 'procedure_name'],
      ],
    ],
  ])('%j', (text, expected) => {
    expect(categories(text)).toEqual(expected);
  });

  it.each(['PARKING INSTRUCTIONS:\nUse the rear lot.', 'PHYSICAL THERAPY DAILY NOTE\nTolerated well.', 'Dr. SMITH:\nhello'])('%j is no section', (text) => {
    expect(categories(text)).toEqual([]);
  });
});

describe('findSystemLabels: the body system an exam clause is under', () => {
  const labels = (text: string): [string, string][] => findSystemLabels(text, patterns).map((l) => [l.header, l.system]);
  it.each<[string, [string, string][]]>([
    [
      'PHYSICAL EXAMINATION:\nLungs: Clear.\nHeart: Regular rate and rhythm.',
      [
        ['Lungs', 'lungs'],
        ['Heart', 'heart'],
      ],
    ],
    // "Vital Signs:" is a section of its own (exam); its measures are labels under it
    [
      'General:  Alert, in no distress.,Vital Signs:  Weight: 121.  Pulse:  64.,HEENT:  PERRLA.',
      [
        ['General', 'general'],
        ['Pulse', 'vitals'],
        ['HEENT', 'heent'],
      ],
    ],
    [
      'CV: No edema. MSK: Tenderness over the wrist.',
      [
        ['CV', 'heart'],
        ['MSK', 'musculoskeletal'],
      ],
    ],
  ])('%j', (text, expected) => {
    expect(labels(text)).toEqual(expected);
  });

  it.each(['The pulse: 64 and regular.', 'Note: the lungs were clear.', 'Plan: recheck.'])('%j has no system label', (text) => {
    expect(labels(text)).toEqual([]);
  });
});
