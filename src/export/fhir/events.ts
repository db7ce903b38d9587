// One timeline event → one FHIR resource. Which resource depends on the event's type and on what
// the statement says was done with the service it names:
//
//   encounter                                  → Encounter
//   injury, diagnosis                          → Condition
//   exam_finding, other                        → Observation
//   procedure, therapy (done / not done)       → Procedure
//   imaging, test (done)                       → DiagnosticReport; not done → Procedure (not-done)
//   plan, referral, and any service planned,
//     requested, proposed, approved or denied  → ServiceRequest
//   medication                                 → MedicationStatement
//   determination                              → Task (the utilization review's decision)
//
// What FHIR has no element for (the assertion, markers, the services as chartline read them, a
// decision on an event that is not a determination, measures outside an Observation) rides in
// chartline's extensions, so nothing the timeline says is lost.
import type {
  CodeableConcept,
  Condition,
  DiagnosticReport,
  Encounter,
  Extension,
  MedicationStatement,
  Observation,
  ObservationComponent,
  Procedure,
  Resource,
  ServiceRequest,
  Task,
} from '@medplum/fhirtypes';
import type { Decision, Measure, Service, TimelineEvent } from '../../schema.js';
import type { Ref } from './context.js';
import { bodySites, coding, concept, extension, extensions, fhirDate, singleBodySite, text } from './elements.js';
import { DOCUMENT_KIND_LABELS, documentKindCodings } from './labels.js';
import { CS, EXT, SID } from './namespace.js';

/** What the statement says happened to the service: chartline's service status, or read off the assertion. */
export type Stage = 'done' | 'not-done' | 'planned' | 'requested' | 'hypothetical' | 'approved' | 'denied';

const REQUEST_STAGES: ReadonlySet<Stage> = new Set(['planned', 'requested', 'hypothetical', 'approved', 'denied']);

export function stageOf(event: TimelineEvent): Stage {
  const status = event.services[0]?.status;
  if (event.assertion === 'absent') return 'not-done';
  if (status) return status;
  if (event.assertion === 'hypothetical') return 'hypothetical';
  if (event.type === 'plan') return 'planned';
  if (event.type === 'referral') return 'requested';
  return 'done';
}

export type EventResourceType = 'Encounter' | 'Condition' | 'Observation' | 'Procedure' | 'DiagnosticReport' | 'ServiceRequest' | 'MedicationStatement' | 'Task';

export function resourceTypeFor(event: TimelineEvent): EventResourceType {
  const stage = stageOf(event);
  switch (event.type) {
    case 'encounter':
      return 'Encounter';
    case 'injury':
    case 'diagnosis':
      return 'Condition';
    case 'exam_finding':
    case 'other':
      return 'Observation';
    case 'determination':
      return 'Task';
    case 'medication':
      return 'MedicationStatement';
    case 'plan':
    case 'referral':
      return 'ServiceRequest';
    case 'procedure':
    case 'therapy':
      return REQUEST_STAGES.has(stage) ? 'ServiceRequest' : 'Procedure';
    case 'imaging':
    case 'test':
      if (REQUEST_STAGES.has(stage)) return 'ServiceRequest';
      return stage === 'not-done' ? 'Procedure' : 'DiagnosticReport';
  }
}

/** "Diagnosis: Lumbar facet arthropathy" → "Lumbar facet arthropathy": the summary without its type label */
export function statementText(event: TimelineEvent): string {
  const stripped = event.summary.replace(/^(?:Injury|Imaging|Procedure|Visit|Encounter|Exam|Finding|Plan|Medication|Decision|Determination|Diagnosis|Therapy|Referral|Test|Other):\s+/, '');
  return text(stripped) ?? text(event.summary) ?? text(event.source.quote) ?? event.type;
}

export function serviceConcept(service: Service): CodeableConcept {
  return concept([coding(CS.service, service.id, service.term)], service.text || service.term);
}

/** the named service when there is exactly one; else the statement's words */
function whatConcept(event: TimelineEvent): CodeableConcept {
  const [only, ...more] = event.services;
  if (only && more.length === 0) return serviceConcept(only);
  return { text: statementText(event) };
}

function serviceExtension(s: Service): Extension[] {
  return extension.complex(EXT.service, [
    { url: 'id', valueCode: s.id },
    { url: 'type', valueCode: s.type },
    ...extension.string('term', s.term),
    ...extension.string('text', s.text),
    ...extension.string('family', s.family),
    ...extension.code('status', s.status),
    ...extension.code('response', s.response),
    ...extension.string('site', s.site),
    ...extension.code('side', s.side),
  ]);
}

function decisionExtension(d: Decision): Extension[] {
  return extension.complex(EXT.decision, [
    { url: 'outcome', valueCode: d.outcome },
    { url: 'partial', valueBoolean: d.partial },
    { url: 'itemLine', valueBoolean: d.itemLine },
  ]);
}

function measureExtension(m: Measure): Extension[] {
  return extension.complex(EXT.measure, [
    { url: 'kind', valueCode: m.kind },
    ...extension.string('text', m.text),
    { url: 'value', valueDecimal: m.value },
    ...(m.max !== null ? [{ url: 'max', valueDecimal: m.max }] : []),
  ]);
}

/** A measure as an Observation component: degrees and percent in UCUM, scores out of a maximum as ratios. */
export function measureComponent(m: Measure): ObservationComponent {
  const code = concept([coding(CS.measureKind, m.kind)], m.text || m.kind.replace(/_/g, ' '));
  switch (m.kind) {
    case 'degrees':
      return { code, valueQuantity: { value: m.value, unit: 'degrees', system: CS.ucum, code: 'deg' } };
    case 'percent':
      return { code, valueQuantity: { value: m.value, unit: '%', system: CS.ucum, code: '%' } };
    case 'sessions':
      return { code, valueQuantity: { value: m.value, unit: 'sessions', system: CS.ucum, code: '{session}' } };
    default:
      return m.max !== null ? { code, valueRatio: { numerator: { value: m.value }, denominator: { value: m.max } } } : { code, valueQuantity: { value: m.value } };
  }
}

export interface EventLinks {
  id: string;
  subject: Ref;
  /** the Encounter the event was reported at (event.encounterId), when it is in the Bundle */
  encounter?: Ref;
  /** Observations made of the event's structured findings */
  findings: Ref[];
  /** encounters: the Practitioner and Organization made of provider and facility */
  practitioner?: Ref;
  organization?: Ref;
}

/** Extensions every event resource carries, minus those its resource has an element for. */
function commonExtensions(event: TimelineEvent, omit: { reportedOn?: boolean; decision?: boolean; measures?: boolean } = {}): Extension[] {
  return [
    ...extension.code(EXT.assertion, event.assertion),
    ...event.markers.flatMap((m) => extension.code(EXT.marker, m)),
    ...(omit.reportedOn ? [] : extension.date(EXT.reportedOn, event.reportedOn)),
    ...event.services.flatMap(serviceExtension),
    ...(omit.decision || !event.decision ? [] : decisionExtension(event.decision)),
    ...(omit.measures ? [] : event.measures.flatMap(measureExtension)),
  ];
}

function identifier(event: TimelineEvent) {
  return [{ system: SID.event, value: event.id }];
}

function encounterResource(event: TimelineEvent, links: EventLinks): Encounter {
  const date = fhirDate(event.date);
  const kind = event.documentKind;
  const klass = kind === 'emergency' ? coding(CS.actCode, 'EMER', 'emergency') : kind === 'discharge' ? coding(CS.actCode, 'IMP', 'inpatient encounter') : coding(CS.actCode, 'AMB', 'ambulatory');
  const resource: Encounter = {
    resourceType: 'Encounter',
    id: links.id,
    ...extensions(commonExtensions(event)),
    identifier: identifier(event),
    status: event.assertion === 'hypothetical' ? 'planned' : event.assertion === 'absent' ? 'cancelled' : 'finished',
    class: klass,
    type: [concept(documentKindCodings(kind), DOCUMENT_KIND_LABELS[kind])],
    subject: links.subject,
  };
  if (links.practitioner) resource.participant = [{ type: [{ coding: [coding(CS.participationType, 'PPRF', 'primary performer')] }], individual: links.practitioner }];
  if (date) resource.period = { start: date, end: date };
  if (links.findings.length) resource.reasonReference = links.findings;
  if (links.organization) resource.serviceProvider = links.organization;
  return resource;
}

const VERIFICATION: Record<TimelineEvent['assertion'], CodeableConcept> = {
  present: { coding: [coding(CS.conditionVerification, 'confirmed', 'Confirmed')] },
  historical: { coding: [coding(CS.conditionVerification, 'confirmed', 'Confirmed')] },
  absent: { coding: [coding(CS.conditionVerification, 'refuted', 'Refuted')] },
  hypothetical: { coding: [coding(CS.conditionVerification, 'provisional', 'Provisional')] },
};

function conditionResource(event: TimelineEvent, links: EventLinks): Condition {
  const date = fhirDate(event.date);
  const injury = event.type === 'injury';
  const resource: Condition = {
    resourceType: 'Condition',
    id: links.id,
    ...extensions(extension.dateTime(EXT.conditionAssertedDate, event.reportedOn), commonExtensions(event, { reportedOn: true })),
    identifier: identifier(event),
    verificationStatus: VERIFICATION[event.assertion],
    category: [
      injury ? { coding: [coding(CS.chartlineConditionCategory, 'injury', 'Injury')], text: 'injury' } : { coding: [coding(CS.conditionCategory, 'encounter-diagnosis', 'Encounter Diagnosis')] },
    ],
    code: { text: statementText(event) },
    subject: links.subject,
  };
  const sites = bodySites(event.anatomy);
  if (sites.length) resource.bodySite = sites;
  if (links.encounter) resource.encounter = links.encounter;
  // an injury's date is when it happened; a diagnosis's own date is when it was made
  if (date && injury) resource.onsetDateTime = date;
  if (date && !injury) resource.recordedDate = date;
  if (links.findings.length) resource.evidence = [{ detail: links.findings }];
  return resource;
}

function observationResource(event: TimelineEvent, links: EventLinks): Observation {
  const date = fhirDate(event.date);
  const site = singleBodySite(event.anatomy);
  const resource: Observation = {
    resourceType: 'Observation',
    id: links.id,
    ...extensions(commonExtensions(event, { measures: true })),
    identifier: identifier(event),
    status: 'final',
    ...(event.type === 'exam_finding' ? { category: [{ coding: [coding(CS.observationCategory, 'exam', 'Exam')] }] } : {}),
    code: { text: statementText(event) },
    subject: links.subject,
  };
  if (links.encounter) resource.encounter = links.encounter;
  if (date) resource.effectiveDateTime = date;
  if (site) resource.bodySite = site;
  if (links.findings.length) resource.hasMember = links.findings;
  if (event.measures.length) resource.component = event.measures.map(measureComponent);
  return resource;
}

/** HL7 v2 table 0074 sections for the services chartline names */
function reportCategories(event: TimelineEvent): CodeableConcept[] {
  const v2 = (code: string, display: string) => ({ coding: [coding(CS.diagnosticServiceSection, code, display)] });
  const out: CodeableConcept[] = [];
  if (event.type === 'imaging') out.push(v2('RAD', 'Radiology'));
  const id = event.services[0]?.id ?? '';
  if (id.startsWith('imaging.mri')) out.push(v2('NMR', 'Nuclear Magnetic Resonance'));
  else if (id.startsWith('imaging.ct')) out.push(v2('CT', 'CAT Scan'));
  else if (id.startsWith('imaging.xray')) out.push(v2('RX', 'Radiograph'));
  else if (id.startsWith('imaging.ultrasound')) out.push(v2('RUS', 'Radiology Ultrasound'));
  else if (id.startsWith('test.electrodiagnostic')) out.push(v2('EN', 'Electroneuro (EEG, EMG,EP,PSG)'));
  else if (id.startsWith('test.lab')) out.push(v2('LAB', 'Laboratory'));
  else if (id.startsWith('test.drug-screen')) out.push(v2('TX', 'Toxicology'));
  return out;
}

function diagnosticReportResource(event: TimelineEvent, links: EventLinks): DiagnosticReport {
  const date = fhirDate(event.date);
  const categories = reportCategories(event);
  const resource: DiagnosticReport = {
    resourceType: 'DiagnosticReport',
    id: links.id,
    ...extensions(commonExtensions(event)),
    identifier: identifier(event),
    status: 'final',
    ...(categories.length ? { category: categories } : {}),
    code: whatConcept(event),
    subject: links.subject,
  };
  if (links.encounter) resource.encounter = links.encounter;
  if (date) resource.effectiveDateTime = date;
  if (links.findings.length) resource.result = links.findings;
  resource.conclusion = statementText(event);
  return resource;
}

const RESPONSE_TEXT: Record<NonNullable<Service['response']>, string> = { helped: 'helped', no_relief: 'no relief', mixed: 'mixed response' };

function procedureResource(event: TimelineEvent, links: EventLinks): Procedure {
  const date = fhirDate(event.date);
  const response = event.services.find((s) => s.response)?.response;
  const resource: Procedure = {
    resourceType: 'Procedure',
    id: links.id,
    ...extensions(commonExtensions(event)),
    identifier: identifier(event),
    status: stageOf(event) === 'not-done' ? 'not-done' : 'completed',
    category: concept([coding(CS.eventType, event.type)], event.type),
    code: whatConcept(event),
    subject: links.subject,
  };
  if (links.encounter) resource.encounter = links.encounter;
  if (date) resource.performedDateTime = date;
  if (links.findings.length) resource.reasonReference = links.findings;
  const sites = bodySites(event.anatomy);
  if (sites.length) resource.bodySite = sites;
  if (response) resource.outcome = { text: RESPONSE_TEXT[response] };
  return resource;
}

type RequestState = Pick<ServiceRequest, 'status' | 'intent'> & { doNotPerform?: boolean };

const REQUEST_STATE: Record<Stage, RequestState> = {
  planned: { status: 'active', intent: 'plan' },
  requested: { status: 'active', intent: 'order' },
  hypothetical: { status: 'draft', intent: 'proposal' },
  approved: { status: 'active', intent: 'order' },
  denied: { status: 'revoked', intent: 'order' },
  done: { status: 'completed', intent: 'order' },
  // "no injections are planned": a request not to do it
  'not-done': { status: 'active', intent: 'plan', doNotPerform: true },
};

function serviceRequestResource(event: TimelineEvent, links: EventLinks): ServiceRequest {
  const date = fhirDate(event.date);
  const state = REQUEST_STATE[stageOf(event)];
  const sessions = event.measures.find((m) => m.kind === 'sessions');
  const resource: ServiceRequest = {
    resourceType: 'ServiceRequest',
    id: links.id,
    ...extensions(commonExtensions(event)),
    identifier: identifier(event),
    status: state.status,
    intent: state.intent,
    ...(event.type === 'referral' ? { category: [{ coding: [coding(CS.snomed, '3457005', 'Patient referral')], text: 'referral' }] } : {}),
    ...(state.doNotPerform ? { doNotPerform: true } : {}),
    code: whatConcept(event),
    subject: links.subject,
  };
  if (sessions) resource.quantityQuantity = { value: sessions.value, unit: 'sessions', system: CS.ucum, code: '{session}' };
  if (links.encounter) resource.encounter = links.encounter;
  if (date) resource.authoredOn = date;
  if (links.findings.length) resource.reasonReference = links.findings;
  const sites = bodySites(event.anatomy);
  if (sites.length) resource.bodySite = sites;
  return resource;
}

function medicationStatus(event: TimelineEvent): MedicationStatement['status'] {
  const stage = stageOf(event);
  if (stage === 'not-done') return 'not-taken';
  if (stage === 'denied') return 'unknown';
  if (stage === 'done') return event.assertion === 'historical' ? 'completed' : 'active';
  return 'intended';
}

function medicationStatementResource(event: TimelineEvent, links: EventLinks): MedicationStatement {
  const date = fhirDate(event.date);
  const asserted = fhirDate(event.reportedOn);
  const resource: MedicationStatement = {
    resourceType: 'MedicationStatement',
    id: links.id,
    ...extensions(commonExtensions(event, { reportedOn: true })),
    identifier: identifier(event),
    status: medicationStatus(event),
    medicationCodeableConcept: whatConcept(event),
    subject: links.subject,
  };
  if (links.encounter) resource.context = links.encounter;
  if (date) resource.effectiveDateTime = date;
  if (asserted) resource.dateAsserted = asserted;
  if (links.findings.length) resource.reasonReference = links.findings;
  return resource;
}

function decisionConcept(d: Decision): CodeableConcept {
  return concept([coding(CS.decisionOutcome, d.outcome)], d.partial ? `${d.outcome} in part` : d.outcome);
}

function taskResource(event: TimelineEvent, links: EventLinks): Task {
  const date = fhirDate(event.date);
  const resource: Task = {
    resourceType: 'Task',
    id: links.id,
    ...extensions(commonExtensions(event, { decision: true })),
    identifier: identifier(event),
    status: event.assertion === 'hypothetical' ? 'draft' : 'completed',
    intent: 'order',
    code: concept([coding(CS.task, 'utilization-determination', 'Utilization review determination')], 'Utilization review determination'),
    description: statementText(event),
    for: links.subject,
  };
  if (event.decision) resource.businessStatus = decisionConcept(event.decision);
  if (links.encounter) resource.encounter = links.encounter;
  if (date) resource.executionPeriod = { end: date };
  const inputs = [
    ...event.services.map((s) => ({ type: { text: 'service decided on' }, valueCodeableConcept: serviceConcept(s) })),
    ...links.findings.map((f) => ({ type: { text: 'finding cited' }, valueReference: f })),
  ];
  if (inputs.length) resource.input = inputs;
  if (event.decision) resource.output = [{ type: { text: 'decision' }, valueCodeableConcept: decisionConcept(event.decision) }];
  return resource;
}

export function eventResource(event: TimelineEvent, type: EventResourceType, links: EventLinks): Resource {
  switch (type) {
    case 'Encounter':
      return encounterResource(event, links);
    case 'Condition':
      return conditionResource(event, links);
    case 'Observation':
      return observationResource(event, links);
    case 'DiagnosticReport':
      return diagnosticReportResource(event, links);
    case 'Procedure':
      return procedureResource(event, links);
    case 'ServiceRequest':
      return serviceRequestResource(event, links);
    case 'MedicationStatement':
      return medicationStatementResource(event, links);
    case 'Task':
      return taskResource(event, links);
  }
}
