// The output contract of `chartline process`, `chartline timeline` and `GET /api/bundles/:id/timeline`.
// One zod schema describes the whole object; `chartline schema` prints it as JSON Schema.
import { z } from 'zod';

export const EVENT_TYPES = ['injury', 'encounter', 'procedure', 'imaging', 'test', 'exam_finding', 'therapy', 'medication', 'referral', 'plan', 'determination', 'diagnosis', 'other'] as const;
export const EventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventTypeSchema>;

export const ASSERTIONS = ['present', 'absent', 'historical', 'hypothetical'] as const;
export const AssertionSchema = z.enum(ASSERTIONS);
export type Assertion = z.infer<typeof AssertionSchema>;

export const DATE_CERTAINTIES = ['explicit', 'inherited', 'relative'] as const;
export const DateCertaintySchema = z.enum(DATE_CERTAINTIES);
export type DateCertainty = z.infer<typeof DateCertaintySchema>;

/** `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the source gives no more. Never invented to a day. */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY-MM-DD, YYYY-MM or YYYY')
  .describe('YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no more');

/** How sure OCR was of a quote's words. */
export const OcrProvenanceSchema = z
  .object({
    confidence: z.number().min(0).max(100).describe('mean OCR word confidence (0–100) of the quoted words, or of the page when the words are not known'),
  })
  .strict();
export type OcrProvenance = z.infer<typeof OcrProvenanceSchema>;

export const SourceSchema = z
  .object({
    document: z.string().describe('document id (sha256 prefix) within the bundle'),
    page: z.number().int().min(1).describe('1-based page number where the quote starts'),
    start: z.number().int().min(0).describe("character offset of the quote in that page's text"),
    end: z
      .number()
      .int()
      .min(0)
      .describe(
        "offset one past the quote; past the page length when the quote runs onto the next page (the pages' texts joined by one character: a space where the sentence runs on, a newline otherwise)",
      ),
    quote: z.string().describe('the exact source text'),
    ocr: OcrProvenanceSchema.nullable()
      .optional()
      .describe(
        "null when the quote is the PDF's own text; when the page was read by OCR, the mean confidence of the quoted words (always set by chartline; absent only in results stored before OCR)",
      ),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

export const SIDES = ['left', 'right', 'bilateral'] as const;
export const AnatomySchema = z
  .object({
    bodyParts: z.array(z.string()),
    side: z.enum(SIDES).nullable(),
    levels: z.array(z.string()).describe('spinal levels such as L4-L5 or C5-C6'),
  })
  .strict();
export type Anatomy = z.infer<typeof AnatomySchema>;

export const MEASURE_KINDS = ['pain_score', 'strength_grade', 'degrees', 'percent', 'sessions'] as const;
export const MeasureSchema = z
  .object({
    kind: z.enum(MEASURE_KINDS),
    text: z.string(),
    value: z.number(),
    max: z.number().nullable(),
  })
  .strict();
export type Measure = z.infer<typeof MeasureSchema>;

export const FINDING_SYSTEMS = ['general', 'vitals', 'heent', 'neck', 'lungs', 'heart', 'abdomen', 'skin', 'extremities', 'musculoskeletal', 'neuro', 'psych', 'other'] as const;
export const FindingSystemSchema = z.enum(FINDING_SYSTEMS);
export type FindingSystem = z.infer<typeof FindingSystemSchema>;

/**
 * normal / abnormal: a judgement about a domain ("5/5 strength", "gait antalgic"); present / absent:
 * a sign that is there or not ("1+ edema", "no wheezing"). abnormal and present are the pathological
 * sides.
 */
export const FINDING_POLARITIES = ['normal', 'abnormal', 'present', 'absent'] as const;
export const FindingPolaritySchema = z.enum(FINDING_POLARITIES);
export type FindingPolarity = z.infer<typeof FindingPolaritySchema>;

export const SpanSchema = z
  .object({
    start: z.number().int().min(0).describe('character offset in the page text (as source.start)'),
    end: z.number().int().min(0),
  })
  .strict();

/** One clinical finding, as extraction read it ("4+/5 weakness of the left EHL", "no edema", "Lachman negative"). */
export const FindingSchema = z
  .object({
    concept: z
      .string()
      .describe(
        'what the finding is about, as a dotted path from general to specific: "neuro.strength", "lungs.wheeze", "msk.test.lachman"; a claim about a path is a claim about everything under it',
      ),
    system: FindingSystemSchema,
    polarity: FindingPolaritySchema,
    value: z.string().nullable().describe('a grade or measure as written: "4+/5", "2+", "1+", "2/6", "40 degrees", "130/56"'),
    site: z.string().nullable().describe('the body part, spinal level, digit, muscle or quadrant the clause names'),
    side: z.enum(['left', 'right', 'bilateral']).nullable(),
    assertion: z.enum(['present', 'absent', 'historical', 'hypothetical']),
    /** true when the finding is the patient's report (a symptom), not a sign the examiner found */
    reported: z.boolean(),
    text: z.string().describe('the words of the finding'),
    rule: z.string().describe('the vocabulary entry that produced it (patterns/findings/*.json id); ">fuzzy" appended when a misspelled word was read as a vocabulary word'),
    corrected: z
      .array(z.object({ from: z.string(), to: z.string(), rule: z.string() }).strict())
      .optional()
      .describe(
        'misspelled words of the finding or its side read as vocabulary words ("tenderess" as "tenderness", rule fuzzy.word; "lett" as "left" on an OCR\'d page, rule fuzzy.ocr); absent when none was',
      ),
    measured: z
      .boolean()
      .optional()
      .describe('true when the finding is a reading judged by its number ("Blood pressure 178/104" → abnormal): two readings at one visit are two measurements, not a contradiction; absent otherwise'),
    page: z.number().int().min(1),
    span: SpanSchema,
  })
  .strict();
export type Finding = z.infer<typeof FindingSchema>;

export const SERVICE_STATUSES = ['done', 'planned', 'requested', 'hypothetical', 'approved', 'denied'] as const;
export const TREATMENT_RESPONSES = ['helped', 'no_relief', 'mixed'] as const;
/** A service the statement names: an imaging study, test, procedure, therapy, medication or referral. */
export const ServiceSchema = z
  .object({
    id: z.string().describe('vocabulary id, e.g. "imaging.mri", "procedure.facet-injection"'),
    type: z.enum(['imaging', 'test', 'procedure', 'therapy', 'medication', 'referral', 'other']),
    term: z.string().describe('the vocabulary term matched, lower case'),
    text: z.string().describe('the words as written'),
    family: z.string().describe('services that are the same thing for a reviewer share a family ("medial branch block" and "facet injection")'),
    status: z.enum(SERVICE_STATUSES).nullable().describe('done, planned/requested/hypothetical, or a decision on it; null when the statement does not say'),
    response: z.enum(TREATMENT_RESPONSES).nullable().describe('what the statement says the treatment did'),
    site: z.string().nullable(),
    side: z.enum(['left', 'right', 'bilateral']).nullable(),
  })
  .strict();
export type Service = z.infer<typeof ServiceSchema>;

export const DECISION_OUTCOMES = ['approved', 'denied', 'modified', 'upheld', 'overturned'] as const;
export const DecisionSchema = z
  .object({
    outcome: z.enum(DECISION_OUTCOMES),
    /** "6 of 12 sessions authorized", "modified": part of the request */
    partial: z.boolean(),
    /** "additional", "remaining": about a request beyond an earlier one */
    further: z.boolean(),
    /** an IMR item line ("MRI lumbar spine without contrast: Upheld") */
    itemLine: z.boolean(),
  })
  .strict();
export type Decision = z.infer<typeof DecisionSchema>;

/**
 * Facts about a statement that checks need and quotes alone do not say reliably:
 * reported_done — told as already done ("status post", "underwent");
 * prior — about a condition or care before this claim ("prior", "pre-existing");
 * repeat — a repeat study or procedure ("repeat MRI");
 * about_injury — about the injury of this claim ("since the injury", "industrial");
 * denied — the patient denies it ("denies any prior back surgery").
 */
export const EVENT_MARKERS = ['reported_done', 'prior', 'repeat', 'about_injury', 'denied'] as const;

export const DOCUMENT_KINDS = [
  'progress',
  'consult',
  'ime',
  'permanent_stationary',
  'imaging',
  'emg',
  'operative',
  'lab',
  'therapy',
  'discharge',
  'emergency',
  'review_letter',
  'records_review',
  'rfa',
  'fax_cover',
  'legal_letter',
  'other',
] as const;
export const DOCUMENT_GROUPS = ['treating_note', 'report', 'therapy_note', 'review_letter', 'administrative', 'other'] as const;
export const DocumentKindSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    group: z.enum(DOCUMENT_GROUPS),
    /** the cue that decided it (patterns/document-kinds.json id), or null when nothing did */
    rule: z.string().nullable(),
  })
  .strict();
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const EventSchema = z
  .object({
    id: z.string(),
    type: EventTypeSchema,
    date: PartialDateSchema.nullable().describe("the event's own date; null when the record gives none"),
    dateText: z.string().nullable().describe('the date as written, e.g. "07/29/14" or "two weeks later"'),
    dateCertainty: DateCertaintySchema.nullable().describe('explicit: written in the sentence; inherited: from the visit being described; relative: computed from an anchor'),
    reportedOn: PartialDateSchema.nullable().describe('the visit at which this was mentioned, if any'),
    summary: z.string(),
    section: z.string().nullable(),
    sectionCategory: z.string().nullable().describe('what part of the record the statement is in: history, exam, assessment, plan, discussion, results, rationale, ...'),
    assertion: AssertionSchema,
    anatomy: AnatomySchema,
    measures: z.array(MeasureSchema),
    findings: z.array(FindingSchema).describe('structured findings: on exam_finding events, and on findings cited in assessment, discussion and plan'),
    services: z.array(ServiceSchema).describe('services the statement names, with what it says of them'),
    decision: DecisionSchema.nullable().describe('a utilization decision the statement reports'),
    markers: z.array(z.enum(EVENT_MARKERS)),
    documentKind: z.enum(DOCUMENT_KINDS).describe('the kind of the document the event comes from'),
    encounterId: z.string().nullable().describe("the encounter event this was reported at (the note's own visit, or the visit being told), or null"),
    provider: z.string().nullable().describe('encounters: the treating clinician, when the record names one'),
    facility: z.string().nullable().describe('encounters: the practice, clinic or hospital, when the record names one'),
    rule: z.string().describe('the extraction rule that produced the event'),
    source: SourceSchema,
    sources: z.array(SourceSchema).describe('every place the event is stated, including source; more than one after merging duplicates'),
  })
  .strict();
export type TimelineEvent = z.infer<typeof EventSchema>;

export const FLAG_KINDS = ['exam_plan_mismatch', 'contradiction', 'chronology', 'duplicate', 'gap_in_care'] as const;
export const FlagKindSchema = z.enum(FLAG_KINDS);
export type FlagKind = z.infer<typeof FlagKindSchema>;
export const SEVERITIES = ['high', 'medium', 'low'] as const;

export const EvidenceSchema = SourceSchema.extend({
  role: z.string().describe('which side of the discrepancy this quote is, e.g. "exam" or "plan"'),
}).strict();
export type Evidence = z.infer<typeof EvidenceSchema>;

export const FlagSchema = z
  .object({
    id: z.string(),
    kind: FlagKindSchema,
    severity: z.enum(SEVERITIES),
    date: PartialDateSchema.nullable().describe('the encounter concerned, or null'),
    summary: z.string(),
    evidence: z.array(EvidenceSchema).min(1),
    eventIds: z.array(z.string()),
    rule: z.string(),
  })
  .strict();
export type Flag = z.infer<typeof FlagSchema>;

export const DocumentErrorSchema = z
  .object({
    code: z
      .enum(['empty', 'encrypted', 'corrupt', 'unsupported', 'unreadable', 'needs_ocr', 'ocr_unreadable', 'too_large'])
      .describe(
        'ocr_unreadable: pages OCR could not read, or read with low confidence; the rest of the document is read. too_large: more text than the per-document limit (CHARTLINE_MAX_DOCUMENT_MB), or the reader ran out of memory',
      ),
    message: z.string(),
    pages: z.array(z.number().int()).optional(),
  })
  .strict();
export type DocumentError = z.infer<typeof DocumentErrorSchema>;

/** Where a page's text came from: the PDF's text layer, or OCR of its picture. */
export const PageInfoSchema = z
  .object({
    num: z.number().int().min(1),
    text: z.enum(['layer', 'ocr']),
    confidence: z.number().min(0).max(100).nullable().describe('OCR pages: mean word confidence (0–100); null for text-layer pages and blank scanned pages'),
  })
  .strict();
export type PageInfo = z.infer<typeof PageInfoSchema>;

export const DocumentInfoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    pages: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    kind: DocumentKindSchema,
    errors: z.array(DocumentErrorSchema),
    pageInfo: z.array(PageInfoSchema).optional().describe('per page, where its text came from (always set by chartline; absent only in results stored before OCR)'),
    encoding: z.string().optional().describe('text files: the encoding the bytes were read as (utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1 …); absent for PDF, Word and image files'),
    notes: z
      .array(z.string())
      .optional()
      .describe('what was done to the content on the way in, e.g. "read as windows-1252 (no byte-order mark; detected from the bytes)", "3 NUL or control characters dropped"'),
  })
  .strict();
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>;

export const TimelineSchema = z
  .object({
    bundle: z.string(),
    documents: z.array(DocumentInfoSchema),
    events: z.array(EventSchema),
    flags: z.array(FlagSchema),
  })
  .strict()
  .describe('A chartline timeline: documents of one bundle, their dated events in order, and flagged discrepancies');
export type Timeline = z.infer<typeof TimelineSchema>;

export function timelineJsonSchema(): unknown {
  return z.toJSONSchema(TimelineSchema, { target: 'draft-2020-12' });
}
