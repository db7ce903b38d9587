// A mention is what an extractor read from one sentence: a typed, dated claim with its evidence.
// Refiners turn mentions into mentions (resolve dates from context, merge, drop); the last step
// turns them into timeline events.
import type { Assertion, DateCertainty, DocumentKind, EventType, Finding } from '../schema.js';
import type { AnalyzedDocument, AnalyzedSentence } from '../text/analyze.js';
import type { Patterns } from '../patterns/load-patterns.js';
import type { DateLink } from './link-date.js';

/** What to do when the sentence gives the mention no date of its own. */
export type DatingPolicy =
  /** take the date of the visit being described ("Range of motion was decreased.") */
  | 'inherit'
  /** stay undated, remembering the visit ("He had medial branch blocks which helped.") */
  | 'undated'
  /** the letter's UR decision date ("The requested FCE was previously denied") */
  | 'ur_date'
  /** the letter's decision date ("MRI lumbar spine without contrast: Upheld") */
  | 'decision_date'
  /** the date of injury ("Mechanism of injury: lifting a gas tank") */
  | 'injury_date';

export interface Mention {
  type: EventType;
  /** the extractor or refiner rule that produced it, e.g. "exam.sign" */
  rule: string;
  sentence: AnalyzedSentence;
  /** span of the words that triggered it (document offsets) */
  start: number;
  end: number;
  /** quote span (document offsets); the sentence unless narrowed */
  quoteStart: number;
  quoteEnd: number;
  date: string | null;
  dateText: string | null;
  dateCertainty: DateCertainty | null;
  /** how date was found: "linked:after", "frame", "context", ... */
  dateRule: string | null;
  dating: DatingPolicy;
  /** a visit date that carries over to the following sentences */
  setsContext: boolean;
  reportedOn: string | null;
  assertion: Assertion;
  findings: FindingMention[];
  /** service ids involved ("imaging.mri"), used to match plans, determinations and reports */
  services: string[];
  /** the part of the record the sentence is in, when a narrative says so ("The provider stated in the summary that ...") */
  narratedPart: string | null;
  /** the encounter (visit) mention this was reported at, when one is known */
  encounter?: Mention | null;
  /** free-form facts for refiners and checks (outcome polarity, decision item, ...) */
  facts: Record<string, string | boolean>;
}

export interface LetterFacts {
  injuryDate: string | null;
  injuryText: string | null;
  decisionDate: string | null;
  decisionText: string | null;
  urDate: string | null;
  urText: string | null;
}

/** A finding as extraction holds it: document offsets; the event gives it its page and page offsets. */
export interface FindingMention extends Omit<Finding, 'page' | 'span'> {
  start: number;
  end: number;
}

export interface ExtractContext {
  analyzed: AnalyzedDocument;
  /** what the document is (progress note, imaging report, review letter, ...) */
  kind: DocumentKind;
  patterns: Patterns;
  facts: LetterFacts;
}

export function newMention(sentence: AnalyzedSentence, init: Partial<Mention> & Pick<Mention, 'type' | 'rule' | 'start' | 'end'>): Mention {
  return {
    quoteStart: sentence.start,
    quoteEnd: sentence.end,
    date: null,
    dateText: null,
    dateCertainty: null,
    dateRule: null,
    dating: 'undated',
    setsContext: false,
    reportedOn: null,
    assertion: 'present',
    findings: [],
    services: [],
    narratedPart: null,
    facts: {},
    sentence,
    ...init,
  };
}

/** The date fields of a mention dated by a date in its own sentence: explicit, or relative when computed. */
export function linkedDate(link: DateLink): Pick<Mention, 'date' | 'dateText' | 'dateCertainty' | 'dateRule'> {
  return {
    date: link.date.value,
    dateText: link.date.text,
    dateCertainty: link.date.relativeTo ? 'relative' : 'explicit',
    dateRule: `linked:${link.kind}`,
  };
}
