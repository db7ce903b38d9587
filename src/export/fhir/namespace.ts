// The URLs a chartline FHIR export uses: HL7's own code systems and extensions where one fits, and
// chartline's namespace for what FHIR R4 has no element for (the quote, how a date was known, the
// flag's review status ...). chartline's URLs are identifiers, not web pages: nothing fetches them.
// They all hang off one base so that a deployment publishing its own definitions changes one line.

/** chartline's namespace: extensions are `${NS}/StructureDefinition/<name>`, code systems `${NS}/CodeSystem/<name>`. */
export const NS = 'https://chartline.example/fhir';

export const EXT = {
  // HL7 (R4 core extensions and the Extensions Pack)
  /** reference + path + offset + length: where in a source text a resource was read */
  derivationReference: 'http://hl7.org/fhir/StructureDefinition/derivation-reference',
  /** Condition: the date the condition was asserted (chartline: the visit it was reported at) */
  conditionAssertedDate: 'http://hl7.org/fhir/StructureDefinition/condition-assertedDate',
  /** R5's Attachment.pages, as the cross-version extension R4 documents carry it */
  attachmentPages: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Attachment.pages',
  // chartline
  quote: `${NS}/StructureDefinition/quote`,
  page: `${NS}/StructureDefinition/page`,
  dateCertainty: `${NS}/StructureDefinition/date-certainty`,
  dateText: `${NS}/StructureDefinition/date-text`,
  reportedOn: `${NS}/StructureDefinition/reported-on`,
  rule: `${NS}/StructureDefinition/rule`,
  section: `${NS}/StructureDefinition/section`,
  sectionCategory: `${NS}/StructureDefinition/section-category`,
  assertion: `${NS}/StructureDefinition/assertion`,
  marker: `${NS}/StructureDefinition/marker`,
  service: `${NS}/StructureDefinition/service`,
  decision: `${NS}/StructureDefinition/decision`,
  measure: `${NS}/StructureDefinition/measure`,
  laterality: `${NS}/StructureDefinition/laterality`,
  spinalLevel: `${NS}/StructureDefinition/spinal-level`,
  reported: `${NS}/StructureDefinition/patient-reported`,
  evidenceRole: `${NS}/StructureDefinition/evidence-role`,
  reviewStatus: `${NS}/StructureDefinition/review-status`,
  flagDate: `${NS}/StructureDefinition/flag-date`,
  documentError: `${NS}/StructureDefinition/document-error`,
  documentKindRule: `${NS}/StructureDefinition/document-kind-rule`,
} as const;

export const CS = {
  // HL7 and external terminologies
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  diagnosticServiceSection: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  provenanceParticipant: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
  // chartline
  eventType: `${NS}/CodeSystem/event-type`,
  documentKind: `${NS}/CodeSystem/document-kind`,
  documentGroup: `${NS}/CodeSystem/document-group`,
  findingConcept: `${NS}/CodeSystem/finding-concept`,
  findingSystem: `${NS}/CodeSystem/finding-system`,
  service: `${NS}/CodeSystem/service`,
  serviceStatus: `${NS}/CodeSystem/service-status`,
  decisionOutcome: `${NS}/CodeSystem/decision-outcome`,
  flagKind: `${NS}/CodeSystem/flag-kind`,
  measureKind: `${NS}/CodeSystem/measure-kind`,
  reviewDecision: `${NS}/CodeSystem/review-decision`,
  task: `${NS}/CodeSystem/task`,
  chartlineConditionCategory: `${NS}/CodeSystem/condition-category`,
} as const;

/** identifier systems: which chartline id an identifier holds */
export const SID = {
  bundle: `${NS}/sid/bundle`,
  event: `${NS}/sid/event`,
  finding: `${NS}/sid/finding`,
  flag: `${NS}/sid/flag`,
  flagRecord: `${NS}/sid/flag-record`,
  document: `${NS}/sid/document`,
  sha256: `${NS}/sid/sha256`,
} as const;
