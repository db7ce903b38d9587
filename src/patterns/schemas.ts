// Strict zod schemas for the vocabulary and rule files in patterns/. A typo in a field name or a
// regular expression that does not compile stops start-up with the file and field named.
import { z } from 'zod';
import { DOCUMENT_KINDS, EVENT_TYPES, FINDING_SYSTEMS } from '../schema.js';

export { FINDING_SYSTEMS };

const regexSource = z
  .string()
  .min(1)
  .superRefine((src, ctx) => {
    try {
      new RegExp(src, 'iu');
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${(err as Error).message}` });
    }
  });

const phrase = z
  .string()
  .min(1)
  .refine((s) => s.trim() === s, 'phrases must not start or end with spaces');

/** Literal phrases (case-insensitive), exact tokens (case-sensitive) and regular expressions. */
export const LexiconFields = {
  terms: z.array(phrase).default([]),
  caseSensitive: z.array(phrase).default([]),
  patterns: z.array(regexSource).default([]),
};

const ruleId = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'ids are lowercase words joined by . or -');

/**
 * What a section is: history and course narrate the past (a date met there dates what it narrates);
 * exam, results, assessment, plan, discussion, procedure (the operation's name in procedure_name) and
 * goals belong to the visit the note is about; the rest are the reviewer's own sections or process text (letters).
 */
export const SECTION_CATEGORIES = [
  'boilerplate',
  'history',
  'course',
  'issues',
  'guideline',
  'rationale',
  'medications',
  'exam',
  'results',
  'assessment',
  'plan',
  'discussion',
  'procedure',
  'procedure_name',
  'goals',
] as const;

/** A list whose entries' ids must differ (the id is the rule an output names). */
function uniqueIds(items: readonly { id: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((c, i) => {
    if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id "${c.id}"` });
    seen.add(c.id);
  });
}

export const SectionsFile = z
  .object({
    $comment: z.string().optional(),
    sections: z
      .array(
        z
          .object({
            name: z.string().min(1),
            category: z.enum(SECTION_CATEGORIES),
            headers: z.array(phrase).min(1),
          })
          .strict(),
      )
      .min(1),
    narrated: z.array(z.object({ category: z.enum(['assessment', 'plan', 'discussion']), cues: z.array(phrase).min(1) }).strict()),
    systems: z.array(z.object({ system: z.enum(FINDING_SYSTEMS), labels: z.array(phrase).min(1) }).strict()).min(1),
    headerWords: z.array(z.object({ category: z.enum(SECTION_CATEGORIES), words: z.array(phrase).min(1) }).strict()).min(1),
  })
  .strict();
export type SectionCategory = z.infer<typeof SectionsFile>['sections'][number]['category'];

export const LabelsFile = z
  .object({
    $comment: z.string().optional(),
    labels: z
      .array(
        z
          .object({
            id: ruleId,
            role: z.enum(['injury', 'ur_decision', 'decision_date', 'encounter', 'procedure', 'imaging', 'ignore', 'dictation', 'signature', 'report_date']),
            labels: z.array(phrase).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type LabelRole = z.infer<typeof LabelsFile>['labels'][number]['role'];

export const ServicesFile = z
  .object({
    $comment: z.string().optional(),
    services: z
      .array(
        z
          .object({
            id: ruleId,
            type: z.enum(EVENT_TYPES),
            ...LexiconFields,
          })
          .strict(),
      )
      .min(1),
    families: z.record(z.string(), z.union([z.string(), z.array(phrase).min(1)])),
  })
  .strict();

export const CUE_ROLES = [
  /** words presenting the visit a note is about: "presents today", "is here for follow-up", "I examined him today" */
  'own_visit',
  /** a comparison with an earlier study or exam: "compared to the study of 10/20/04", "unchanged from 03/21/05" */
  'comparison',
  /** words that make a symptom word the patient's ("symptoms of", "the pain and tingling") */
  'symptom',
  'encounter_noun',
  'encounter_verb',
  'patient_report',
  'plan',
  'referral',
  'determination_adverse',
  'determination_favourable',
  'determination_agent',
  'injury',
  'past',
  'result',
  'exam_context',
  'outcome_positive',
  'outcome_negative',
  'guideline',
  'reviewer_voice',
  'imaging_finding',
  /** recommendation language that is a guideline's only in the reviewer's sections ("is recommended for") */
  'guideline_phrase',
  /** who a visit is about or by ("On 12/09/2016, the patient continued to report ...") */
  'encounter_subject',
  /**
   * ConText's pseudo-triggers: phrases holding another cue's words that are not that cue ("activity
   * modification" is a treatment, not a utilization review's modification); they only cancel
   */
  'pseudo',
] as const;
export type CueRole = (typeof CUE_ROLES)[number];

export const CuesFile = z
  .object({
    $comment: z.string().optional(),
    cues: z.array(z.object({ id: ruleId, role: z.enum(CUE_ROLES), ...LexiconFields }).strict()).min(1),
  })
  .strict();

/** patterns/exam.json: how findings are read across the vocabulary of patterns/findings/*.json. */
export const ExamFile = z
  .object({
    $comment: z.string().optional(),
    testWords: z.object({ positive: z.array(phrase).min(1), negative: z.array(phrase).min(1) }).strict(),
    examinerOnly: z.array(z.string().min(1)).min(1),
    systemNormal: z.object({ $comment: z.string().optional(), terms: z.array(phrase).min(1) }).strict(),
    motions: z.record(z.string().regex(/^(?:\$comment|[a-z_]+)$/), z.union([z.string(), z.array(phrase).min(1)])),
    clauseWords: z
      .object({
        $comment: z.string().optional(),
        normal: z.array(phrase).min(1),
        abnormal: z.array(phrase).min(1),
      })
      .strict(),
    coordination: z
      .object({
        $comment: z.string().optional(),
        nouns: z.record(z.string().min(1), z.array(phrase).min(1)),
        normalBefore: z.array(phrase).min(1),
        normalAfter: z.array(phrase).min(1),
      })
      .strict(),
  })
  .strict();

const conceptPath = z.string().regex(/^[a-z_]+(?:\.[a-z_]+)*$/, 'a concept is a dotted path of lower-case words, e.g. "lungs.wheeze"');

/** patterns/findings/<system>.json: the clinical findings of one body system. */
export const FindingsFile = z
  .object({
    $comment: z.string().optional(),
    system: z.enum(FINDING_SYSTEMS),
    findings: z
      .array(
        z
          .object({
            id: ruleId,
            concept: conceptPath,
            /** what a bare mention claims; a negation turns it over ("no wheezing" → absent) */
            polarity: z.enum(['normal', 'abnormal', 'present', 'absent']),
            /** the words can also be a symptom the patient reports ("weakness", "wheezing") */
            reportable: z.boolean().default(false),
            /** names a domain without saying normal or abnormal ("range of motion was noted to be ...") */
            neutral: z.boolean().default(false),
            /** the words count only beside one of these words, or under this system's label ("soft" for the abdomen) */
            context: z.array(phrase).min(1).optional(),
            /** a more precise concept under a system's label: tenderness under "Abdomen:" is the abdomen's */
            underLabel: z.partialRecord(z.enum(FINDING_SYSTEMS), conceptPath).optional(),
            ...LexiconFields,
          })
          .strict(),
      )
      .min(1),
    /** named tests: their result comes from exam.json testWords in the same clause ("Lachman negative") */
    tests: z.array(z.object({ id: ruleId, concept: conceptPath, terms: z.array(phrase).min(1) }).strict()).optional(),
    /**
     * measured signs judged by their number: "Blood pressure 178/104" → vitals.blood_pressure abnormal,
     * "pulse 72" → heart.rate normal. A reading between the normal range and the abnormal bounds
     * (a pulse of 55) claims nothing. For a pressure, the bounds are systolic/diastolic pairs.
     */
    measured: z
      .array(
        z
          .object({
            id: ruleId,
            concept: conceptPath,
            /** the words that name the measurement, before its number ("blood pressure", "BP", "pulse") */
            labels: z.array(phrase).min(1),
            /** number: "pulse 72"; pressure: "130/80"; score: a number out of `outOf` ("MMSE 29/30") */
            reading: z.enum(['number', 'pressure', 'score']),
            outOf: z.number().int().min(1).optional(),
            /** inclusive: [min, max] for a number; [[sysMin, sysMax], [diaMin, diaMax]] for a pressure */
            normal: z.union([z.tuple([z.number(), z.number()]), z.tuple([z.tuple([z.number(), z.number()]), z.tuple([z.number(), z.number()])])]),
            /** abnormal below `below` or at/above `atLeast` (for a pressure: either number) */
            abnormal: z
              .object({
                below: z.union([z.number(), z.tuple([z.number(), z.number()])]).optional(),
                atLeast: z.union([z.number(), z.tuple([z.number(), z.number()])]).optional(),
              })
              .strict(),
            /** the plausible values: a number outside them is not this reading ("pulse 2+" is a grade) */
            plausible: z.tuple([z.number(), z.number()]),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();
export type FindingsFileData = z.infer<typeof FindingsFile>;

export const AssertionFile = z
  .object({
    $comment: z.string().optional(),
    triggers: z
      .array(
        z
          .object({
            id: ruleId,
            category: z.enum(['negated', 'hypothetical', 'historical']),
            direction: z.enum(['forward', 'backward', 'bidirectional']),
            maxTokens: z.number().int().min(1).max(50),
            terms: z.array(phrase).min(1),
          })
          .strict(),
      )
      .min(1),
    pseudo: z.array(phrase),
    terminators: z.array(phrase),
    strongTerminators: z.array(phrase),
    conditionalOpeners: z.array(phrase),
    /** a list item after a comma that opens with one of these words is a new clause, and ends a negation: "in no distress, looks healthy, afebrile" */
    clauseVerbs: z.array(z.string().regex(/^[a-z]+$/, 'one lower-case word')).default([]),
  })
  .strict();

export const AnatomyFile = z
  .object({
    $comment: z.string().optional(),
    bodyParts: z
      .array(
        z
          .object({
            name: z.string().min(1),
            region: z.enum(['upper_extremity', 'lower_extremity', 'cervical', 'thoracic', 'lumbar', 'trunk', 'head']),
            /** a body part with a left and a right (limbs unless said otherwise) */
            paired: z.boolean().optional(),
            terms: z.array(phrase).min(1),
          })
          .strict(),
      )
      .min(1),
    sides: z.object({ left: z.array(phrase).min(1), right: z.array(phrase).min(1), bilateral: z.array(phrase).min(1) }).strict(),
    levelPattern: regexSource,
  })
  .strict();
export type Region = z.infer<typeof AnatomyFile>['bodyParts'][number]['region'];

export const DatesFile = z
  .object({
    $comment: z.string().optional(),
    ignoreBefore: z.array(phrase),
    ignoreAfter: z.array(phrase),
    ignoreLine: z.array(regexSource),
    relativeCues: z.array(phrase),
  })
  .strict();

export const ChecksFile = z
  .object({
    $comment: z.string().optional(),
    gapInCare: z.object({ $comment: z.string().optional(), minGapDays: z.number().int().min(1), severity: z.enum(['high', 'medium', 'low']) }).strict(),
    examPlanMismatch: z.object({ $comment: z.string().optional(), ignoredConcepts: z.array(z.string().min(1)) }).strict(),
    withinExam: z.object({ $comment: z.string().optional(), concepts: z.array(z.string().regex(/^[a-z_]+(?:\.[a-z_]+)*$/)).min(1) }).strict(),
    contradiction: z
      .object({
        $comment: z.string().optional(),
        laterality: z.object({ $comment: z.string().optional(), minimumStatements: z.number().int().min(2), minimumStatementsInANote: z.number().int().min(1) }).strict(),
        /** "never had surgery" covers every surgery; "denies a pacemaker" covers only pacemakers */
        genericProcedureTerms: z.array(phrase),
      })
      .strict(),
    duplicate: z
      .object({ $comment: z.string().optional(), nearDuplicateJaccard: z.number().min(0.5).max(1), shingleSize: z.number().int().min(2).max(20), minPageChars: z.number().int().min(0) })
      .strict(),
    chronology: z
      .object({
        $comment: z.string().optional(),
        futureToleranceDays: z.number().int().min(0),
      })
      .strict(),
  })
  .strict();

/** Where a document-kind cue counts: in the opening lines only, as a heading anywhere, or anywhere. */
export const DOCUMENT_KIND_SCOPES = ['title', 'heading', 'text'] as const;

/** patterns/document-kinds.json: weighted cue sets per document kind (src/extract/document-kind.ts). */
export const DocumentKindsFile = z
  .object({
    $comment: z.string().optional(),
    top: z
      .object({
        $comment: z.string().optional(),
        /** the opening: this many non-empty lines, at most this many characters */
        lines: z.number().int().min(1).max(50),
        chars: z.number().int().min(20).max(5000),
        /** a heading or text cue met in the opening counts this many times its weight */
        boost: z.number().min(1).max(10),
        /** a title line: in the opening, in capitals or Title Case, no longer than this */
        titleLineChars: z.number().int().min(10).max(500),
      })
      .strict(),
    /** the least score a kind needs; below it the document stays "other" */
    minScore: z.number().min(0),
    /** only sentences starting this far into the document are read (every section header is) */
    scanChars: z.number().int().min(1000),
    cues: z
      .array(
        z
          .object({
            $comment: z.string().optional(),
            id: ruleId,
            kind: z.enum(DOCUMENT_KINDS).exclude(['other']),
            scope: z.enum(DOCUMENT_KIND_SCOPES),
            weight: z.number().positive().max(20),
            /** each distinct term found adds the weight, up to this many terms */
            maxTerms: z.number().int().min(1).max(20).default(1),
            /** the cue set speaks only when it finds this many distinct terms (IMPRESSION and FINDINGS together) */
            minTerms: z.number().int().min(1).max(20).default(1),
            ...LexiconFields,
          })
          .strict()
          .refine((c) => c.terms.length + c.caseSensitive.length + c.patterns.length > 0, 'a cue set needs terms, caseSensitive or patterns')
          .refine((c) => c.minTerms <= c.maxTerms, { message: 'minTerms must not exceed maxTerms', path: ['minTerms'] }),
      )
      .min(1)
      .superRefine((cues, ctx) => uniqueIds(cues, ctx)),
  })
  .strict();
export type DocumentKindCueData = z.infer<typeof DocumentKindsFile>['cues'][number];

/** patterns/providers.json: who saw the patient where (src/extract/provider.ts). */
export const PROVIDER_CUE_KINDS = ['signature', 'label', 'closing', 'pseudo'] as const;
/** whether a visit sentence in a history section speaks of this note's visit */
export const IN_HISTORY = ['always', 'unless-past', 'never'] as const;
const narrativeCue = z
  .object({ $comment: z.string().optional(), id: ruleId, inHistory: z.enum(IN_HISTORY), ...LexiconFields })
  .strict()
  .refine((c) => c.terms.length + c.caseSensitive.length + c.patterns.length > 0, 'a cue needs terms, caseSensitive or patterns');
export const ProvidersFile = z
  .object({
    $comment: z.string().optional(),
    /** courtesy titles before a name ("Dr. Smith") */
    titles: z.array(phrase).min(1),
    /** degrees and licences after a name, as written, matched case-sensitively with or without dots ("MD" = "M.D.") */
    credentials: z.array(z.string().regex(/^[A-Za-z][A-Za-z/-]*$/, 'a credential is letters, with - or / inside, written without dots')).min(1),
    /** capitalised words that are never part of a person's name ("Patient", "Emergency") */
    notNameWords: z.array(phrase),
    /** words before a name that make it someone other than this note's author ("referred by", "Dear", "cc") */
    notAuthor: z.array(phrase),
    /** cues that name this note's author: a signature or dictation line, a labelled physician, a letter's closing */
    authorCues: z
      .array(z.object({ $comment: z.string().optional(), id: ruleId, kind: z.enum(PROVIDER_CUE_KINDS), ...LexiconFields }).strict())
      .min(1)
      .superRefine((items, ctx) => uniqueIds(items, ctx)),
    /** a sentence telling who saw the patient ("seen and examined by Dr. Lee") */
    visitCues: z
      .array(narrativeCue)
      .min(1)
      .superRefine((items, ctx) => uniqueIds(items, ctx)),
    /** a sentence telling where ("presents to Valley Hospital", "in the operating room at ...") */
    facilityCues: z
      .array(narrativeCue)
      .min(1)
      .superRefine((items, ctx) => uniqueIds(items, ctx)),
    /** labels before a facility's name ("Facility:", "Place of service:") */
    facilityLabels: z.array(phrase),
    /** the last words of an organisation's name that make it a place of care ("Medical Group", "Hospital") */
    facilitySuffixes: z.array(phrase).min(1),
    /** words that make an organisation no place of care for this purpose (a laboratory, an insurer, a law firm) */
    notFacilityWords: z.array(phrase),
    /** descriptive words that do not make a name ("Diagnostic Imaging", "Pediatric Urology Clinic" name no place) */
    genericWords: z.array(phrase),
    /** words before a visit or facility cue, in its clause, that put the visit ahead ("will be seen by", "to be admitted to") */
    futureBefore: z.array(phrase),
    /** words in a history sentence that put its visit in the past ("previously", "years ago") */
    pastMarkers: z.array(phrase),
    /** section headers whose visits are all earlier ones ("PAST MEDICAL HISTORY", "RECORDS REVIEWED") */
    pastSections: z.array(phrase),
    /** a letter's salutation: a name in the lines above it is the addressee, not the author */
    salutations: z.array(phrase),
    /** how many of a span's first lines are searched for a salutation */
    salutationLines: z.number().int().min(1).max(100),
    letterhead: z
      .object({
        $comment: z.string().optional(),
        /** the letterhead: the span's first lines, each no longer than maxLineChars */
        lines: z.number().int().min(1).max(30),
        maxLineChars: z.number().int().min(20).max(200),
      })
      .strict(),
  })
  .strict();

export const MarkersFile = z
  .object({
    $comment: z.string().optional(),
    reportedDone: z.array(phrase).min(1),
    prior: z.array(phrase).min(1),
    repeat: z.array(phrase).min(1),
    aboutInjury: z.array(phrase).min(1),
    denied: z.array(phrase).min(1),
    decisionPartial: z.array(phrase).min(1),
    furtherRequest: z.array(phrase).min(1),
    qualified: z.array(phrase).min(1),
  })
  .strict();

/**
 * Error-tolerant vocabulary matching (src/patterns/fuzzy.ts): a misspelled word ("parasthesias",
 * "tenderess") is read as the one vocabulary word it is an edit or two away from. Only words that are
 * no English word, no vocabulary word and not kept as written are read so.
 */
const lowerWord = z.string().regex(/^[a-z]+$/, 'one lowercase word, letters only');
export const FuzzyFile = z
  .object({
    $comment: z.string().optional(),
    /** off: every word is read as written */
    enabled: z.boolean(),
    /** tokens at least this long, at most this many Damerau-Levenshtein edits from a vocabulary word */
    words: z.object({ minLength: z.number().int().min(4).max(20), maxDistance: z.number().int().min(1).max(2) }).strict(),
    /** longer tokens may be further away */
    longWords: z.object({ minLength: z.number().int().min(6).max(30), maxDistance: z.number().int().min(1).max(3) }).strict(),
    /** a word and the vocabulary word it is read as begin with the same letter (typists rarely miss the first) */
    sameFirstLetter: z.boolean(),
    /** a capitalised word inside a sentence is a name ("Keflex", "Surgicel"), read as written */
    skipCapitalized: z.boolean(),
    /** a word that differs from a vocabulary word only in its last letter is another form of it ("craniotome", "catheted"), read as written */
    skipLastLetter: z.boolean(),
    /** vocabulary words shorter than words.minLength read on OCR'd pages only ("lett" → left), and how far */
    ocr: z.object({ minLength: z.number().int().min(3).max(20), maxDistance: z.number().int().min(1).max(2), targets: z.array(lowerWord) }).strict(),
    /** words read as written though no English word list has them (drug names, clinical words) */
    keep: z.array(lowerWord),
    /** vocabulary words never read into: too close to other real words */
    neverTargets: z.array(lowerWord),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.longWords.minLength <= f.words.minLength) ctx.addIssue({ code: 'custom', path: ['longWords', 'minLength'], message: 'must be greater than words.minLength' });
    if (f.longWords.maxDistance < f.words.maxDistance) ctx.addIssue({ code: 'custom', path: ['longWords', 'maxDistance'], message: 'must be at least words.maxDistance' });
  });

export const PATTERN_FILES = {
  markers: MarkersFile,
  sections: SectionsFile,
  labels: LabelsFile,
  services: ServicesFile,
  cues: CuesFile,
  exam: ExamFile,
  assertion: AssertionFile,
  anatomy: AnatomyFile,
  dates: DatesFile,
  checks: ChecksFile,
  'document-kinds': DocumentKindsFile,
  providers: ProvidersFile,
  fuzzy: FuzzyFile,
} as const;
export type PatternFileName = keyof typeof PATTERN_FILES;
export type PatternData = { [K in PatternFileName]: z.infer<(typeof PATTERN_FILES)[K]> } & {
  /** patterns/findings/*.json, by file name */
  findings: { name: string; data: FindingsFileData }[];
};
