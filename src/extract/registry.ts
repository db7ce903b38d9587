// The ordered lists of extractors and refiners. Order matters where a comment says so.
import type { Extractor, Refiner } from './engine.js';
import { decisionLineExtractor } from './extractors/decision-lines.js';
import { determinationExtractor } from './extractors/determination.js';
import { diagnosisExtractor } from './extractors/diagnosis.js';
import { encounterExtractor } from './extractors/encounter.js';
import { examFindingExtractor } from './extractors/exam-findings.js';
import { examClauseExtractor } from './extractors/exam-clauses.js';
import { injuryExtractor } from './extractors/injury.js';
import { labelDateExtractor } from './extractors/label-dates.js';
import { planExtractor } from './extractors/plans.js';
import { procedureNameExtractor } from './extractors/procedure-names.js';
import { reportBodyExtractor } from './extractors/report-body.js';
import { serviceReportExtractor } from './extractors/service-reports.js';
import { imagingReportRefiner } from './refiners/imaging-report.js';
import { imagingResultsRefiner } from './refiners/imaging-results.js';
import { letterDatesRefiner } from './refiners/letter-dates.js';
import { mergeSentenceRefiner } from './refiners/merge-sentence.js';
import { originalRequestRefiner } from './refiners/original-request.js';
import { planContinuationRefiner } from './refiners/plan-continuation.js';
import { requestOnDecisionDateRefiner } from './refiners/request-on-decision-date.js';
import { visitContextRefiner } from './refiners/visit-context.js';
import { visitOverNoteRefiner } from './refiners/visit-over-note.js';
import { noteVisitRefiner } from './refiners/note-visit.js';
import { encounterPeopleRefiner } from './refiners/encounter-people.js';

// Extractors are independent of each other's output; within a sentence their order is the order
// of the mentions, which the merge refiner keeps.
export const EXTRACTORS: readonly Extractor<any>[] = [
  labelDateExtractor,
  decisionLineExtractor,
  injuryExtractor,
  encounterExtractor,
  determinationExtractor,
  examFindingExtractor,
  examClauseExtractor,
  planExtractor,
  serviceReportExtractor,
  procedureNameExtractor,
  reportBodyExtractor,
  diagnosisExtractor,
];

export const REFINERS: readonly Refiner[] = [
  // letter dates first: an injury or decision dated from the header is a fixed point
  letterDatesRefiner,
  // a note's date must not start a visit before visit context runs
  visitOverNoteRefiner,
  // a radiology report's findings are the study's, dated by the study (context fills them in)
  imagingReportRefiner,
  // a verbless fragment after a plan joins it, before visit context dates it
  planContinuationRefiner,
  // the UR-date rule reads explicit dates only, before context fills in the rest
  requestOnDecisionDateRefiner,
  // a treating record's own visit dates its current sections before visit context dates the rest
  noteVisitRefiner,
  // visit context needs every explicit date in place; imaging results need its visit spans
  visitContextRefiner,
  imagingResultsRefiner,
  // "was the original request" looks back at plans dated by context
  originalRequestRefiner,
  // who and where, once each encounter knows the visit it is
  encounterPeopleRefiner,
  // merging last, so every mention has its final date
  mergeSentenceRefiner,
];
