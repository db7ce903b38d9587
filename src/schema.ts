// The output contract of `chartline process`, `chartline timeline` and `GET /api/bundles/:id/timeline`.
// One zod schema describes the whole object; `chartline schema` prints it as JSON Schema.
import { z } from 'zod';

export const EVENT_TYPES = [
  'injury',
  'encounter',
  'procedure',
  'imaging',
  'test',
  'exam_finding',
  'therapy',
  'medication',
  'referral',
  'plan',
  'determination',
  'diagnosis',
  'other',
] as const;
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

export const SourceSchema = z
  .object({
    document: z.string().describe('document id (sha256 prefix) within the bundle'),
    page: z.number().int().min(1).describe('1-based page number where the quote starts'),
    start: z.number().int().min(0).describe('character offset of the quote in that page\'s text'),
    end: z
      .number()
      .int()
      .min(0)
      .describe(
        "offset one past the quote; past the page length when the quote runs onto the next page (the pages' texts joined by one character: a space where the sentence runs on, a newline otherwise)",
      ),
    quote: z.string().describe('the exact source text'),
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

export const EXAM_DOMAINS = ['strength', 'sensation', 'reflexes', 'tension_sign', 'gait', 'range_of_motion', 'tenderness', 'spasm', 'provocative_test', 'neurologic', 'other'] as const;
export const FINDING_POLARITIES = ['normal', 'abnormal'] as const;
/** A structured reading of one exam claim ("4+/5 weakness of the left EHL", "normal sensation"). */
export const FindingSchema = z
  .object({
    domain: z.enum(EXAM_DOMAINS),
    polarity: z.enum(FINDING_POLARITIES),
    side: z.enum(SIDES).nullable(),
    /** the body region the finding is about, when its clause names one ("upper_extremity", "lumbar") */
    region: z.string().nullable(),
    text: z.string(),
    rule: z.string(),
  })
  .strict();
export type Finding = z.infer<typeof FindingSchema>;

export const EventSchema = z
  .object({
    id: z.string(),
    type: EventTypeSchema,
    date: PartialDateSchema.nullable().describe('the event\'s own date; null when the record gives none'),
    dateText: z.string().nullable().describe('the date as written, e.g. "07/29/14" or "two weeks later"'),
    dateCertainty: DateCertaintySchema.nullable().describe(
      'explicit: written in the sentence; inherited: from the visit being described; relative: computed from an anchor',
    ),
    reportedOn: PartialDateSchema.nullable().describe('the visit at which this was mentioned, if any'),
    summary: z.string(),
    section: z.string().nullable(),
    sectionCategory: z
      .string()
      .nullable()
      .describe('what part of the record the statement is in: history, exam, assessment, plan, discussion, results, rationale, ...'),
    assertion: AssertionSchema,
    anatomy: AnatomySchema,
    measures: z.array(MeasureSchema),
    findings: z.array(FindingSchema).describe('structured exam claims, for exam_finding events'),
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
    code: z.enum(['empty', 'encrypted', 'corrupt', 'unsupported', 'unreadable', 'needs_ocr']),
    message: z.string(),
    pages: z.array(z.number().int()).optional(),
  })
  .strict();
export type DocumentError = z.infer<typeof DocumentErrorSchema>;

export const DocumentInfoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    pages: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    errors: z.array(DocumentErrorSchema),
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
