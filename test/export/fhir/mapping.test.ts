// The FHIR mapping, field by field, on timelines built by hand: every event type and service status
// to its resource, findings, services, decisions, markers, encounter links, provider and facility,
// dates at their precision, quotes across a page break, flags and their review state, ids. The whole
// hand-made Bundle also has to validate, so every branch of the mapper produces valid R4.
import type {
  Bundle,
  Condition,
  DetectedIssue,
  DiagnosticReport,
  DocumentReference,
  Encounter,
  MedicationStatement,
  Observation,
  Organization,
  Practitioner,
  Procedure,
  Resource,
  ServiceRequest,
  Task,
} from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXT, SID } from '../../../src/export/fhir/namespace.js';
import { timelineToFhir } from '../../../src/export/fhir/timeline-to-fhir.js';
import type { TimelineEvent } from '../../../src/schema.js';
import { createFhirValidator, formatIssues, type FhirValidator } from '../../support/fhir-validator.js';
import { crossPageSource, DOC, event, finding, flag, PAGE_1, PAGE_2, PAGES, service, sourceOf, TEXT_DOC, timeline } from './fixtures.js';
import { assembleQuote, byFullUrl, datesOf, derivationPieces, embeddedText, ext, fullUrlOf, provenancesOf, RECORDED, resources, withIdentifier } from './support.js';

const VISIT = event('ev_visit', 'encounter', sourceOf('Date of Exam: 06/18/2014.'), {
  date: '2014-06-18',
  dateText: '06/18/2014',
  dateCertainty: 'explicit',
  provider: 'Michael Arroyo, M.D.',
  facility: 'Valley Pain Clinic',
});
const SECOND_VISIT = event('ev_visit2', 'encounter', sourceOf('Dr. Michael  Arroyo saw him at Valley Pain Clinic.', 2), {
  date: '2014-06',
  dateText: 'June 2014',
  dateCertainty: 'explicit',
  provider: 'michael arroyo,  m.d.',
  facility: 'Valley Pain Clinic',
  documentKind: 'emergency',
});

const EXAM = event('ev_exam', 'exam_finding', sourceOf('Exam: 4+/5 weakness of the left EHL. No edema. Lumbar flexion 40 degrees.'), {
  date: '2014-06-18',
  dateCertainty: 'inherited',
  reportedOn: '2014-06-18',
  encounterId: 'ev_visit',
  section: 'PHYSICAL EXAMINATION',
  sectionCategory: 'exam',
  anatomy: { bodyParts: ['lumbar spine'], side: null, levels: ['L4-L5'] },
  measures: [
    { kind: 'degrees', text: '40 degrees', value: 40, max: null },
    { kind: 'strength_grade', text: '4+/5', value: 4.5, max: 5 },
  ],
  findings: [
    finding({ concept: 'neuro.strength', polarity: 'abnormal', text: '4+/5 weakness of the left EHL', value: '4+/5', site: 'EHL', side: 'left' }),
    finding({ concept: 'extremities.edema', system: 'extremities', polarity: 'absent', text: 'No edema' }),
    finding({ concept: 'msk.rom.flexion', system: 'musculoskeletal', polarity: 'abnormal', text: 'Lumbar flexion 40 degrees', value: '40 degrees', site: 'lumbar spine' }),
  ],
});

/** one event per row: what it is, and the resource and status it must become */
const CASES: { name: string; event: TimelineEvent; resourceType: string; check: (r: Resource) => void }[] = [
  {
    name: 'a plan requesting a service → ServiceRequest (active order), a month stays a month',
    event: event('ev_plan', 'plan', sourceOf('Plan: Request authorization for MRI lumbar spine without contrast.'), {
      date: '2014-06',
      services: [service({ id: 'imaging.mri', type: 'imaging', term: 'mri', text: 'MRI lumbar spine without contrast', status: 'requested' })],
      encounterId: 'ev_visit',
    }),
    resourceType: 'ServiceRequest',
    check: (r) => {
      const sr = r as ServiceRequest;
      expect([sr.status, sr.intent]).toEqual(['active', 'order']);
      expect(sr.code?.coding?.[0]).toMatchObject({ code: 'imaging.mri', display: 'mri' });
      expect(sr.code?.text).toBe('MRI lumbar spine without contrast');
      expect(sr.authoredOn).toBe('2014-06');
    },
  },
  {
    name: 'imaging that was done → DiagnosticReport (final, radiology + MR), a bare year stays a year',
    event: event('ev_mri', 'imaging', sourceOf('MRI of the lumbar spine in 2014 showed no herniation.'), {
      date: '2014',
      services: [service({ id: 'imaging.mri', type: 'imaging', status: 'done' })],
    }),
    resourceType: 'DiagnosticReport',
    check: (r) => {
      const dr = r as DiagnosticReport;
      expect(dr.status).toBe('final');
      expect(dr.category?.map((c) => c.coding?.[0]?.code)).toEqual(['RAD', 'NMR']);
      expect(dr.effectiveDateTime).toBe('2014');
      expect(dr.conclusion).toBe('MRI of the lumbar spine in 2014 showed no herniation.');
    },
  },
  {
    name: 'imaging planned → ServiceRequest (plan)',
    event: event('ev_mri_planned', 'imaging', sourceOf('Plan: Request authorization for MRI lumbar spine without contrast.'), {
      services: [service({ id: 'imaging.mri', type: 'imaging', status: 'planned' })],
    }),
    resourceType: 'ServiceRequest',
    check: (r) => expect([(r as ServiceRequest).status, (r as ServiceRequest).intent]).toEqual(['active', 'plan']),
  },
  {
    name: 'imaging not done → Procedure (not-done)',
    event: event('ev_no_mri', 'imaging', sourceOf('No MRI has been done since the injury.'), { assertion: 'absent' }),
    resourceType: 'Procedure',
    check: (r) => expect((r as Procedure).status).toBe('not-done'),
  },
  {
    name: 'a procedure done, which helped → Procedure (completed, outcome), with body site and side',
    event: event('ev_mbb', 'procedure', sourceOf('Status post L5 medial branch block, which helped.'), {
      markers: ['reported_done', 'prior'],
      anatomy: { bodyParts: ['lumbar spine'], side: 'bilateral', levels: ['L5'] },
      services: [service({ id: 'procedure.injection', type: 'procedure', status: 'done', response: 'helped' })],
    }),
    resourceType: 'Procedure',
    check: (r) => {
      const p = r as Procedure;
      expect(p.status).toBe('completed');
      expect(p.outcome?.text).toBe('helped');
      expect(p.bodySite?.[0]?.text).toBe('bilateral lumbar spine L5');
      expect(ext(p.bodySite?.[0]?.extension, EXT.laterality)[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe('51440002');
      expect(ext(p.extension, EXT.marker).map((e) => e.valueCode)).toEqual(['reported_done', 'prior']);
    },
  },
  {
    name: 'therapy only considered → ServiceRequest (draft proposal)',
    event: event('ev_chiro', 'therapy', sourceOf('May consider a course of chiropractic care.'), { assertion: 'hypothetical' }),
    resourceType: 'ServiceRequest',
    check: (r) => expect([(r as ServiceRequest).status, (r as ServiceRequest).intent]).toEqual(['draft', 'proposal']),
  },
  {
    name: 'a referral → ServiceRequest with the referral category',
    event: event('ev_ref', 'referral', sourceOf('Refer to orthopedic spine surgery.')),
    resourceType: 'ServiceRequest',
    check: (r) => {
      const sr = r as ServiceRequest;
      expect([sr.status, sr.intent]).toEqual(['active', 'order']);
      expect(sr.category?.[0]?.coding?.[0]).toMatchObject({ system: 'http://snomed.info/sct', code: '3457005' });
    },
  },
  {
    name: 'a medication taken → MedicationStatement (active), asserted at the visit it was reported at',
    event: event('ev_naproxen', 'medication', sourceOf('Continue naproxen 550 mg twice daily.'), { reportedOn: '2014-06-18', date: '2014-06-18' }),
    resourceType: 'MedicationStatement',
    check: (r) => {
      const ms = r as MedicationStatement;
      expect(ms.status).toBe('active');
      expect(ms.dateAsserted).toBe('2014-06-18');
      expect(ms.medicationCodeableConcept?.text).toBe('Continue naproxen 550 mg twice daily.');
    },
  },
  {
    name: 'a medication denied → MedicationStatement (not-taken)',
    event: event('ev_opioids', 'medication', sourceOf('Denies taking opioids.'), { assertion: 'absent', markers: ['denied'] }),
    resourceType: 'MedicationStatement',
    check: (r) => expect((r as MedicationStatement).status).toBe('not-taken'),
  },
  {
    name: 'a determination → Task with the decision as business status and output, the service as input',
    event: event('ev_imr', 'determination', sourceOf('MRI lumbar spine without contrast: Upheld.', 2), {
      date: '2014-09-03',
      decision: { outcome: 'upheld', partial: false, itemLine: true },
      services: [service({ id: 'imaging.mri', type: 'imaging', text: 'MRI lumbar spine without contrast', status: 'denied' })],
      documentKind: 'review_letter',
    }),
    resourceType: 'Task',
    check: (r) => {
      const t = r as Task;
      expect([t.status, t.intent]).toEqual(['completed', 'order']);
      expect(t.businessStatus?.coding?.[0]?.code).toBe('upheld');
      expect(t.output?.[0]?.valueCodeableConcept?.text).toBe('upheld');
      expect(t.input?.[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe('imaging.mri');
      expect(t.executionPeriod).toEqual({ end: '2014-09-03' });
      expect(ext(t.extension, EXT.decision)).toEqual([]);
      const svc = ext(t.extension, EXT.service)[0]?.extension;
      expect(svc?.find((e) => e.url === 'status')?.valueCode).toBe('denied');
    },
  },
  {
    name: 'a diagnosis to rule out, undated → Condition (provisional), no date, asserted at its visit',
    event: event('ev_dx', 'diagnosis', sourceOf('Impression: rule out lumbar radiculopathy.'), { assertion: 'hypothetical', reportedOn: '2014-06-18' }),
    resourceType: 'Condition',
    check: (r) => {
      const c = r as Condition;
      expect(c.verificationStatus?.coding?.[0]?.code).toBe('provisional');
      expect(c.category?.[0]?.coding?.[0]?.code).toBe('encounter-diagnosis');
      expect(datesOf(c)).toEqual([]);
      expect(ext(c.extension, EXT.conditionAssertedDate)[0]?.valueDateTime).toBe('2014-06-18');
    },
  },
  {
    name: 'an injury → Condition with its onset date',
    event: event('ev_injury', 'injury', sourceOf('Injured his low back on 01/12/2010 stepping into a hole.'), { date: '2010-01-12' }),
    resourceType: 'Condition',
    check: (r) => {
      const c = r as Condition;
      expect(c.onsetDateTime).toBe('2010-01-12');
      expect(c.recordedDate).toBeUndefined();
      expect(c.category?.[0]?.text).toBe('injury');
    },
  },
  {
    name: 'anything else → Observation without a category',
    event: event('ev_other', 'other', sourceOf('Work status: modified duty.')),
    resourceType: 'Observation',
    check: (r) => expect((r as Observation).category).toBeUndefined(),
  },
  {
    name: 'a date that is not a calendar day is left out, not repaired',
    event: event('ev_bad_date', 'plan', sourceOf('Follow-up on 02/30/2014 as written in the note, and the MRI was'), { date: '2014-02-30', dateText: '02/30/2014', dateCertainty: 'explicit' }),
    resourceType: 'ServiceRequest',
    check: (r) => expect(datesOf(r)).toEqual([]),
  },
];

const CROSS_PAGE = event('ev_cross', 'imaging', crossPageSource('Follow-up on 02/30/2014 as written in the note, and the MRI was', 'reviewed with the patient.'), {
  date: '2014-06-18',
  dateCertainty: 'inherited',
});

const EVENTS: TimelineEvent[] = [VISIT, SECOND_VISIT, EXAM, ...CASES.map((c) => c.event), CROSS_PAGE];

const FLAGS = [
  flag('fl_mismatch', {
    kind: 'exam_plan_mismatch',
    severity: 'high',
    eventIds: ['ev_exam', 'ev_plan', 'ev_exam', 'ev_gone'],
    evidence: [
      { ...sourceOf('Exam: 4+/5 weakness of the left EHL. No edema. Lumbar flexion 40 degrees.'), role: 'exam' },
      { ...sourceOf('Seen again in June 2014 for the same complaint.'), role: 'plan' },
    ],
  }),
  flag('fl_same', { kind: 'duplicate', severity: 'low', date: null, evidence: [{ ...sourceOf('Work status: modified duty.'), role: 'copy' }] }),
  flag('fl_same', { kind: 'chronology', severity: 'medium', evidence: [{ ...sourceOf('Refer to orthopedic spine surgery.'), role: 'later' }] }),
];

const REVIEWS = [
  {
    recordId: 'fl_0123456789abcdef01234567',
    status: 'confirmed' as const,
    reviews: [
      { decision: 'needs-info' as const, note: '', reviewer: 'Dr. A. Reviewer', createdAt: '2020-06-02T10:00:00.000Z' },
      { decision: 'confirm' as const, note: 'EHL weakness is in the discussion only', reviewer: 'Dr. A. Reviewer', createdAt: '2020-06-03T10:00:00.000Z' },
    ],
  },
  { status: 'dismissed' as const, reviews: [{ decision: 'dismiss' as const, note: 'same fax twice', reviewer: 'analyst', createdAt: '2020-06-04T10:00:00.000Z' }] },
  undefined,
];

let validator: FhirValidator;
let bundle: Bundle;

function resourceOf(eventId: string): Resource {
  const found = withIdentifier(bundle, SID.event, eventId);
  expect(found, eventId).toHaveLength(1);
  return found[0] as Resource;
}

function resolve(ref: { reference?: string } | undefined): Resource | undefined {
  return ref?.reference ? byFullUrl(bundle).get(ref.reference) : undefined;
}

beforeAll(() => {
  validator = createFhirValidator();
  bundle = timelineToFhir(timeline(EVENTS, FLAGS, [DOC, TEXT_DOC]), { pages: PAGES, recorded: RECORDED, flagReviews: REVIEWS, version: '0.1.0' });
}, 120_000);

describe('timelineToFhir on a hand-made timeline', () => {
  it('validates against the R4 definitions, every branch of the mapper included', () => {
    expect(formatIssues(validator.validateBundle(bundle))).toBe('');
  });

  it.each(CASES)('$name', ({ event: e, resourceType, check }) => {
    const r = resourceOf(e.id);
    expect(r.resourceType).toBe(resourceType);
    expect(r.id).toBe(e.id.replace(/_/g, '-'));
    check(r);
  });

  it('maps a visit to an Encounter with its kind, period, provider and facility (one Practitioner per name)', () => {
    const visit = resourceOf('ev_visit') as Encounter;
    expect(visit.status).toBe('finished');
    expect(visit.class.code).toBe('AMB');
    expect(visit.type?.[0]?.coding?.map((c) => c.code)).toEqual(['progress', '11506-3']);
    expect(visit.period).toEqual({ start: '2014-06-18', end: '2014-06-18' });
    const practitioner = resolve(visit.participant?.[0]?.individual) as Practitioner;
    expect(practitioner.resourceType).toBe('Practitioner');
    expect(practitioner.name?.[0]?.text).toBe('Michael Arroyo, M.D.');
    expect((resolve(visit.serviceProvider) as Organization).name).toBe('Valley Pain Clinic');

    const second = resourceOf('ev_visit2') as Encounter;
    expect(second.class.code).toBe('EMER');
    expect(second.period).toEqual({ start: '2014-06', end: '2014-06' });
    expect(second.participant?.[0]?.individual?.reference).toBe(visit.participant?.[0]?.individual?.reference);
    expect(resources(bundle).filter((r) => r.resourceType === 'Practitioner')).toHaveLength(1);
    expect(resources(bundle).filter((r) => r.resourceType === 'Organization')).toHaveLength(1);
    // each read from the documents of its encounters
    expect(provenancesOf(bundle, practitioner)[0]?.entity?.map((e) => e.role)).toEqual(['source']);
  });

  it('links an event to the Encounter it was reported at, and only to an Encounter', () => {
    const exam = resourceOf('ev_exam') as Observation;
    expect(exam.encounter?.reference).toBe(fullUrlOf(bundle, resourceOf('ev_visit')));
    const orphan = timelineToFhir(timeline([{ ...EXAM, encounterId: 'ev_missing' }, { ...CASES[0]!.event, encounterId: 'ev_exam' }, EXAM]), { pages: PAGES, recorded: RECORDED });
    for (const r of resources(orphan)) expect((r as { encounter?: unknown }).encounter).toBeUndefined();
  });

  it('makes each finding an Observation: concept, value, interpretation, body site with side, linked as a member of the exam', () => {
    const exam = resourceOf('ev_exam') as Observation;
    expect(exam.category?.[0]?.coding?.[0]?.code).toBe('exam');
    expect(exam.bodySite?.text).toBe('lumbar spine L4-L5');
    expect(exam.component?.map((c) => c.valueQuantity ?? c.valueRatio)).toEqual([
      { value: 40, unit: 'degrees', system: 'http://unitsofmeasure.org', code: 'deg' },
      { numerator: { value: 4.5 }, denominator: { value: 5 } },
    ]);
    const members = (exam.hasMember ?? []).map((m) => resolve(m) as Observation);
    expect(members.map((m) => m.code.coding?.[0]?.code)).toEqual(['neuro.strength', 'extremities.edema', 'msk.rom.flexion']);
    const [weakness, edema, flexion] = members as [Observation, Observation, Observation];
    expect(weakness.valueString).toBe('4+/5');
    expect(weakness.interpretation?.[0]?.coding?.[0]?.code).toBe('A');
    expect(weakness.bodySite?.text).toBe('left EHL');
    expect(ext(weakness.bodySite?.extension, EXT.laterality)[0]?.valueCodeableConcept?.coding?.[0]).toMatchObject({ system: 'http://snomed.info/sct', code: '7771000' });
    expect(weakness.encounter?.reference).toBe(exam.encounter?.reference);
    expect(weakness.effectiveDateTime).toBe('2014-06-18');
    expect(edema.valueCodeableConcept?.coding?.[0]?.code).toBe('2667000');
    expect(edema.interpretation?.[0]?.coding?.[0]?.code).toBe('NEG');
    expect(flexion.valueQuantity).toEqual({ value: 40, unit: 'degrees', system: 'http://unitsofmeasure.org', code: 'deg' });
    // each finding's own span
    const entity = provenancesOf(bundle, weakness)[0]?.entity?.[0];
    expect(ext(entity?.extension, EXT.quote)[0]?.valueString).toBe('4+/5 weakness of the left EHL');
    const [piece] = derivationPieces(entity?.extension);
    expect(PAGE_1.slice(piece!.offset, piece!.offset + piece!.length)).toBe('4+/5 weakness of the left EHL');
  });

  it('gives the Provenance of an event the date certainty, date text, rule and section, and one entity per source', () => {
    const provenance = provenancesOf(bundle, resourceOf('ev_exam'))[0];
    expect(provenance?.recorded).toBe(RECORDED);
    expect(ext(provenance?.extension, EXT.dateCertainty)[0]?.valueCode).toBe('inherited');
    expect(ext(provenance?.extension, EXT.rule)[0]?.valueString).toBe('rule.exam_finding');
    expect(ext(provenance?.extension, EXT.section)[0]?.valueString).toBe('PHYSICAL EXAMINATION');
    expect(ext(provenance?.extension, EXT.sectionCategory)[0]?.valueCode).toBe('exam');
    expect(resolve(provenance?.agent[0]?.who)?.resourceType).toBe('Device');
    const bad = provenancesOf(bundle, resourceOf('ev_bad_date'))[0];
    expect(ext(bad?.extension, EXT.dateText)[0]?.valueString).toBe('02/30/2014');
  });

  it('splits a quote that runs onto the next page into one derivation-reference per page', () => {
    const entity = provenancesOf(bundle, resourceOf('ev_cross'))[0]?.entity?.[0];
    const pieces = derivationPieces(entity?.extension);
    expect(pieces.map((p) => p.path)).toEqual(['DocumentReference.content[1].attachment', 'DocumentReference.content[2].attachment']);
    expect(pieces[1]).toMatchObject({ offset: 0, length: 'reviewed with the patient.'.length });
    const doc = resolve(entity?.what) as DocumentReference;
    expect(
      assembleQuote(
        pieces.map((p) => ({ text: embeddedText(doc, p.path as string), offset: p.offset, length: p.length })),
        CROSS_PAGE.source.quote,
      ),
    ).toBe(CROSS_PAGE.source.quote);
    expect(embeddedText(doc, 'DocumentReference.content[2].attachment')).toBe(PAGE_2);
  });

  it('describes each document: kind, sha256, content type from the name, page count, read errors; no text when none was given', () => {
    const [doc] = withIdentifier(bundle, SID.document, DOC.id) as [DocumentReference];
    expect(doc.masterIdentifier?.value).toBe(DOC.sha256);
    expect(doc.type?.coding?.map((c) => c.code)).toEqual(['progress', '11506-3']);
    expect(doc.category?.[0]?.coding?.[0]?.code).toBe('treating_note');
    expect(doc.content[0]?.attachment).toMatchObject({ contentType: 'application/pdf', title: DOC.name });
    expect(ext(doc.content[0]?.attachment.extension, EXT.attachmentPages)[0]?.valuePositiveInt).toBe(2);
    expect(doc.context?.encounter?.map((e) => e.reference)).toEqual([fullUrlOf(bundle, resourceOf('ev_visit')), fullUrlOf(bundle, resourceOf('ev_visit2'))]);
    const [text] = withIdentifier(bundle, SID.document, TEXT_DOC.id) as [DocumentReference];
    expect(text.content).toHaveLength(1);
    expect(text.content[0]?.attachment.contentType).toBe('text/plain');
    expect(ext(text.extension, EXT.documentError)[0]?.extension?.map((e) => e.url)).toEqual(['code', 'message', 'page']);
  });

  it('makes each flag a DetectedIssue: kind, severity, implicated events, evidence at its events, review state', () => {
    const issues = resources(bundle).filter((r): r is DetectedIssue => r.resourceType === 'DetectedIssue');
    expect(issues.map((i) => i.id)).toEqual(['fl-mismatch', 'fl-same', 'fl-same.2']);
    const [mismatch, duplicate, chronology] = issues as [DetectedIssue, DetectedIssue, DetectedIssue];
    expect(mismatch.status).toBe('final');
    expect(ext(mismatch.extension, EXT.reviewStatus)[0]?.valueCode).toBe('confirmed');
    expect(mismatch.identifier?.map((i) => i.value)).toEqual(['fl_mismatch', 'fl_0123456789abcdef01234567']);
    expect(mismatch.severity).toBe('high');
    expect(mismatch.code?.coding?.[0]?.code).toBe('exam_plan_mismatch');
    // the events it concerns, once each; an id not in the timeline is left out
    expect(mismatch.implicated?.map((r) => r.reference)).toEqual([fullUrlOf(bundle, resourceOf('ev_exam')), fullUrlOf(bundle, resourceOf('ev_plan'))]);
    // evidence read where an event was read points at that event; elsewhere at the document
    expect(mismatch.evidence?.map((e) => [e.code?.[0]?.text, resolve(e.detail?.[0])?.resourceType])).toEqual([
      ['exam', 'Observation'],
      ['plan', 'DocumentReference'],
    ]);
    expect(mismatch.mitigation?.map((m) => [m.action.coding?.[0]?.code, m.action.text, m.date, m.author?.display])).toEqual([
      ['needs-info', 'Reviewer asked for more information', '2020-06-02T10:00:00.000Z', 'Dr. A. Reviewer'],
      ['confirm', 'Confirmed by reviewer: EHL weakness is in the discussion only', '2020-06-03T10:00:00.000Z', 'Dr. A. Reviewer'],
    ]);
    expect(ext(mismatch.extension, EXT.flagDate)[0]?.valueDate).toBe('2014-06-18');
    expect([duplicate.status, ext(duplicate.extension, EXT.reviewStatus)[0]?.valueCode, duplicate.severity]).toEqual(['entered-in-error', 'dismissed', 'low']);
    expect(ext(duplicate.extension, EXT.flagDate)).toEqual([]);
    expect([chronology.status, ext(chronology.extension, EXT.reviewStatus)[0]?.valueCode, chronology.mitigation]).toEqual(['preliminary', 'open', undefined]);
    const evidence = provenancesOf(bundle, mismatch)[0]?.entity?.map((e) => ext(e.extension, EXT.evidenceRole)[0]?.valueString);
    expect(evidence).toEqual(['exam', 'plan']);
  });

  it('keeps ids stable: the same timeline gives the same Bundle; another bundle id other fullUrls, the same resource ids', () => {
    const input = timeline(EVENTS, FLAGS, [DOC, TEXT_DOC]);
    const again = timelineToFhir(input, { pages: PAGES, recorded: RECORDED, flagReviews: REVIEWS, version: '0.1.0' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(bundle));
    const other = timelineToFhir(input, { pages: PAGES, recorded: RECORDED, bundleId: 'another-bundle' });
    expect(other.entry?.map((e) => e.resource?.id)).toEqual(bundle.entry?.map((e) => e.resource?.id));
    expect(other.entry?.[5]?.fullUrl).not.toBe(bundle.entry?.[5]?.fullUrl);
    for (const e of bundle.entry ?? []) expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('turns ids FHIR does not allow into valid ones, distinct for distinct ids', () => {
    const odd = [
      event('ev 1/ä', 'other', sourceOf('Work status: modified duty.')),
      event('ev 1/ö', 'other', sourceOf('Work status: modified duty.')),
      event(`ev_${'x'.repeat(80)}`, 'other', sourceOf('Work status: modified duty.')),
    ];
    const b = timelineToFhir(timeline(odd), { pages: PAGES, recorded: RECORDED });
    const ids = odd.map((e) => withIdentifier(b, SID.event, e.id)[0]?.id as string);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    expect(new Set(ids).size).toBe(3);
    expect(formatIssues(validator.validateBundle(b))).toBe('');
  });

  it('exports an empty timeline as a valid Bundle of the Patient and the Device', () => {
    const b = timelineToFhir(timeline([], [], []), { pages: new Map(), recorded: RECORDED });
    expect(b.entry?.map((e) => e.resource?.resourceType)).toEqual(['Patient', 'Device']);
    expect(formatIssues(validator.validateBundle(b))).toBe('');
  });
});
