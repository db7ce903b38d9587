import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/patterns/lexicon.js';
import { loadPatterns } from '../../src/patterns/load-patterns.js';
import { readAnatomy, type AnatomyReading } from '../../src/text/anatomy.js';

const patterns = loadPatterns();

function anatomy(text: string, offset = 0): AnatomyReading {
  return readAnatomy(text, tokenize(text, offset), offset, patterns);
}

describe('readAnatomy: side', () => {
  it.each<[string, 'left' | 'right' | 'bilateral' | null]>([
    ['tenderness over the left lower abdomen', 'left'],
    ['pain in the right shoulder', 'right'],
    ['Rt wrist pain after the fall', 'right'],
    ['Lt knee effusion', 'left'],
    ['left-sided neck pain', 'left'],
    ['bilateral L5 and S1 medial branch blocks', 'bilateral'],
    ['paraspinal spasm bilaterally', 'bilateral'],
    ['numbness in both hands', 'bilateral'],
    ['pain on both sides of the low back', 'bilateral'],
    ['pain in the left and right hips', 'bilateral'],
    ['S1 radiculopathy on the right', 'right'],
    ['diffuse low back pain', null],
    ['headache and neck stiffness', null],
  ])('%j → %s', (text, side) => {
    expect(anatomy(text).side).toBe(side);
  });
});

describe('readAnatomy: spinal levels', () => {
  it.each<[string, string[], string[]]>([
    ['disc protrusion at L4-L5', ['L4-L5'], ['lumbar spine']],
    ['facet arthrosis at L5-S1', ['L5-S1'], ['lumbar spine']],
    ['L4-5 disc desiccation', ['L4-L5'], ['lumbar spine']],
    ['foraminal narrowing at C5-6 and C6-7', ['C5-C6', 'C6-C7'], ['cervical spine']],
    ['C5–C6 spondylosis', ['C5-C6'], ['cervical spine']],
    ['annular fissure at L3/4', ['L3-L4'], ['lumbar spine']],
    ['bilateral L5 and S1 medial branch blocks', ['L5', 'S1'], ['lumbar spine']],
    ['T12 compression fracture', ['T12'], ['thoracic spine']],
    ['stenosis at L4-L5 and again at L4-L5', ['L4-L5'], ['lumbar spine']],
    // not levels
    ['no level here, the L7 and C9 are typos', [], []],
    ['strength 4+/5 and 5/5 elsewhere', [], []],
    ['lower-case l4-5 is not read', [], []],
    // MRI sequences are not the T1/T2 vertebrae
    ['sagittal T2-weighted images show a protrusion at L4-L5', ['L4-L5'], ['lumbar spine']],
    ['increased T2 signal in the L5-S1 disc', ['L5-S1'], ['lumbar spine']],
    ['T1 and T2 hyperintense lesion at C6-7', ['C6-C7'], ['cervical spine']],
    ['T1/T2 weighted sequences at L3-4', ['L3-L4'], ['lumbar spine']],
    ['T1-T2 disc space narrowing', ['T1-T2'], ['thoracic spine']],
    ['T2 vertebral body hemangioma', ['T2'], ['thoracic spine']],
  ])('%j → %j', (text, levels, bodyParts) => {
    const a = anatomy(text);
    expect(a.levels).toEqual(levels);
    expect(a.bodyParts).toEqual(bodyParts);
  });
});

describe('readAnatomy: body parts and regions', () => {
  it.each<[string, string[], string[]]>([
    ['tenderness over the left lower abdomen', ['abdomen'], ['trunk']],
    ['pain in the right shoulder', ['shoulder'], ['upper_extremity']],
    ['left knee and right ankle swelling', ['knee', 'ankle and foot'], ['lower_extremity']],
    ['numbness of the hands and feet', ['wrist and hand', 'ankle and foot'], ['upper_extremity', 'lower_extremity']],
    ['cervical spine pain radiating to the right arm', ['cervical spine', 'arm'], ['cervical', 'upper_extremity']],
    ['low back pain radiating into the left thigh', ['lumbar spine', 'leg'], ['lumbar', 'lower_extremity']],
    ['headache and jaw pain', ['head'], ['head']],
    ['tenderness at the lumbosacral junction, L5-S1', ['lumbar spine'], ['lumbar']],
    ['anxiety and insomnia', [], []],
  ])('%j → %j in %j', (text, bodyParts, regions) => {
    const a = anatomy(text);
    expect(a.bodyParts).toEqual(bodyParts);
    expect(a.regions).toEqual(regions);
  });

  it('reads a span at a document offset the same way', () => {
    expect(anatomy('right L5-S1 transforaminal injection', 1234)).toEqual({
      bodyParts: ['lumbar spine'],
      side: 'right',
      levels: ['L5-S1'],
      regions: ['lumbar'],
    });
  });
});

describe('readAnatomy: muscles, tendons and structures name their joint', () => {
  it.each<[string, string[]]>([
    ['focal strain of the supraspinatus tendon insertion', ['shoulder']],
    ['the acromion was shallow type 2', ['shoulder']],
    ['small glenohumeral joint effusion and a posterior labral tear', ['shoulder']],
  ])('%j → %j', (text, bodyParts) => {
    expect(anatomy(text).bodyParts).toEqual(bodyParts);
  });
});
