// The validator the export tests rely on must fail on invalid FHIR: each row breaks one valid
// Bundle in one way and names the layer that has to catch it.
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { timelineToFhir } from '../../../src/export/fhir/timeline-to-fhir.js';
import { createFhirValidator, formatIssues, type FhirIssue, type FhirValidator } from '../../support/fhir-validator.js';
import { event, flag, PAGES, service, sourceOf, timeline } from './fixtures.js';
import { RECORDED } from './support.js';

function validBundle(): Bundle {
  const visit = event('ev_visit', 'encounter', sourceOf('Date of Exam: 06/18/2014.'), { date: '2014-06-18' });
  return timelineToFhir(
    timeline(
      [
        visit,
        event('ev_exam', 'exam_finding', sourceOf('No edema.'), { date: '2014-06-18', encounterId: 'ev_visit' }),
        event('ev_plan', 'plan', sourceOf('Refer to orthopedic spine surgery.'), { services: [service({ id: 'referral.specialist', type: 'referral', status: 'planned' })] }),
        event('ev_dx', 'diagnosis', sourceOf('Impression: rule out lumbar radiculopathy.')),
        event('ev_mbb', 'procedure', sourceOf('Status post L5 medial branch block, which helped.')),
      ],
      [flag('fl_1', { evidence: [{ ...sourceOf('No edema.'), role: 'exam' }], eventIds: ['ev_exam'] })],
    ),
    { pages: PAGES, recorded: RECORDED },
  );
}

function first(bundle: Bundle, type: string): Resource & Record<string, unknown> {
  return bundle.entry?.find((e) => e.resource?.resourceType === type)?.resource as Resource & Record<string, unknown>;
}

const BREAKS: { name: string; layer: FhirIssue['layer']; breakIt: (b: Bundle) => void }[] = [
  { name: 'a status code outside its value set (Observation)', layer: 'schema', breakIt: (b) => void (first(b, 'Observation').status = 'done') },
  { name: 'a status code outside its value set the JSON schema does not enumerate (ServiceRequest)', layer: 'binding', breakIt: (b) => void (first(b, 'ServiceRequest').status = 'approved') },
  {
    name: 'a CodeableConcept without a code of its required value set (Condition.verificationStatus)',
    layer: 'binding',
    breakIt: (b) => void (first(b, 'Condition').verificationStatus = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'maybe' }] }),
  },
  { name: 'a severity R4 does not have', layer: 'schema', breakIt: (b) => void (first(b, 'DetectedIssue').severity = 'medium') },
  { name: 'a missing required element', layer: 'structure', breakIt: (b) => void delete first(b, 'Procedure').subject },
  { name: 'a month 13', layer: 'structure', breakIt: (b) => void (first(b, 'Observation').effectiveDateTime = '2014-13') },
  { name: 'a day written without its leading zero', layer: 'schema', breakIt: (b) => void (first(b, 'Encounter').period = { start: '2014-06-8' }) },
  { name: 'an id with an underscore', layer: 'schema', breakIt: (b) => void (first(b, 'Observation').id = 'ev_exam') },
  { name: 'an element R4 does not define', layer: 'structure', breakIt: (b) => void (first(b, 'Observation').note_text = 'x') },
  { name: 'an empty string', layer: 'schema', breakIt: (b) => void (first(b, 'Observation').code = { text: '' }) },
  { name: 'a reference to no entry', layer: 'reference', breakIt: (b) => void (first(b, 'Observation').encounter = { reference: 'urn:uuid:00000000-0000-5000-8000-000000000000' }) },
  {
    name: 'a reference to a resource of a type the element does not allow',
    layer: 'structure',
    breakIt: (b) => void (first(b, 'Encounter').subject = { reference: b.entry?.find((e) => e.resource?.resourceType === 'Device')?.fullUrl }),
  },
  { name: 'a reference whose type is not its target’s', layer: 'reference', breakIt: (b) => void ((first(b, 'Observation').subject as { type: string }).type = 'Group') },
  { name: 'two entries with one fullUrl', layer: 'bundle', breakIt: (b) => void ((b.entry as { fullUrl?: string }[])[3]!.fullUrl = b.entry?.[2]?.fullUrl) },
  { name: 'a Provenance without its recorded instant', layer: 'structure', breakIt: (b) => void delete first(b, 'Provenance').recorded },
];

let validator: FhirValidator;

beforeAll(() => {
  validator = createFhirValidator();
}, 120_000);

describe('the FHIR validator of the export tests', () => {
  it('passes the unbroken Bundle', () => {
    expect(formatIssues(validator.validateBundle(validBundle()))).toBe('');
  });

  it.each(BREAKS)('catches $name ($layer)', ({ layer, breakIt }) => {
    const bundle = validBundle();
    breakIt(bundle);
    const issues = validator.validateBundle(bundle);
    expect(
      issues.map((i) => i.layer),
      formatIssues(issues),
    ).toContain(layer);
  });
});
