// A structured finding ("4+/5 weakness of the left EHL", "no edema", "Lachman negative") as an
// Observation of its own: the concept as code, the grade or measure as value, normal/abnormal and
// present/absent as interpretation, the site with its side as bodySite.
import type { CodeableConcept, Observation, Quantity } from '@medplum/fhirtypes';
import type { EventType, Finding } from '../../schema.js';
import type { Ref } from './context.js';
import { bodySite, coding, concept, extension, extensions, fhirDate } from './elements.js';
import { CS, EXT, SID } from './namespace.js';

const INTERPRETATION: Record<Finding['polarity'], CodeableConcept> = {
  normal: { coding: [coding(CS.interpretation, 'N', 'Normal')], text: 'normal' },
  abnormal: { coding: [coding(CS.interpretation, 'A', 'Abnormal')], text: 'abnormal' },
  present: { coding: [coding(CS.interpretation, 'POS', 'Positive')], text: 'present' },
  absent: { coding: [coding(CS.interpretation, 'NEG', 'Negative')], text: 'absent' },
};

const PRESENCE: Partial<Record<Finding['polarity'], CodeableConcept>> = {
  present: { coding: [coding(CS.snomed, '52101004', 'Present')], text: 'present' },
  absent: { coding: [coding(CS.snomed, '2667000', 'Absent')], text: 'absent' },
};

/**
 * A value as written, as a FHIR value: "40 degrees" and "90%" become quantities in UCUM units; any
 * other value ("4+/5", "2+", "130/56") stays the string it was.
 */
export function findingValue(value: string): { valueQuantity: Quantity } | { valueString: string } {
  const degrees = /^(\d+(?:\.\d+)?)\s*(?:degrees?|deg|°)$/i.exec(value.trim());
  if (degrees) return { valueQuantity: { value: Number(degrees[1]), unit: 'degrees', system: CS.ucum, code: 'deg' } };
  const percent = /^(\d+(?:\.\d+)?)\s*(?:%|percent)$/i.exec(value.trim());
  if (percent) return { valueQuantity: { value: Number(percent[1]), unit: '%', system: CS.ucum, code: '%' } };
  return { valueString: value };
}

export interface FindingContext {
  id: string;
  /** the event the finding was read in, its chartline id and type */
  eventId: string;
  eventType: EventType;
  index: number;
  subject: Ref;
  encounter?: Ref;
  date: string | null;
}

export function findingObservation(finding: Finding, ctx: FindingContext): Observation {
  // a sign the examiner found, or an imaging finding; a symptom the patient reports is neither
  const category: CodeableConcept[] = [];
  if (!finding.reported) {
    category.push(ctx.eventType === 'imaging' ? { coding: [coding(CS.observationCategory, 'imaging', 'Imaging')] } : { coding: [coding(CS.observationCategory, 'exam', 'Exam')] });
  }
  category.push({ coding: [coding(CS.findingSystem, finding.system)], text: finding.system });
  const value = finding.value !== null && /\S/.test(finding.value) ? findingValue(finding.value) : PRESENCE[finding.polarity] ? { valueCodeableConcept: PRESENCE[finding.polarity] } : {};
  const effective = fhirDate(ctx.date);
  const site = bodySite(finding.site, finding.side);
  const observation: Observation = {
    resourceType: 'Observation',
    id: ctx.id,
    ...extensions(extension.code(EXT.assertion, finding.assertion), finding.reported ? extension.boolean(EXT.reported, true) : [], extension.string(EXT.rule, finding.rule)),
    identifier: [{ system: SID.finding, value: `${ctx.eventId}/${ctx.index}` }],
    status: 'final',
    category,
    code: concept([coding(CS.findingConcept, finding.concept)], finding.text || finding.concept),
    subject: ctx.subject,
    ...(ctx.encounter ? { encounter: ctx.encounter } : {}),
    ...(effective ? { effectiveDateTime: effective } : {}),
    ...value,
    interpretation: [INTERPRETATION[finding.polarity]],
    ...(site ? { bodySite: site } : {}),
  };
  return observation;
}
