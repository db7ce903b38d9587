// A flag → DetectedIssue: the flag kind as code, severity, the summary as detail, the events it
// concerns as implicated, each quote of evidence as an evidence entry pointing at the resource read
// from that place (or at the document, when no event was), and the reviewer's decisions.
//
// DetectedIssue.status follows the review: open and needs-info → preliminary, confirmed → final,
// dismissed → entered-in-error (the flag was raised in error). The exact review status is kept in
// an extension. (R4 binds status to observation-status; entered-in-error, preliminary and final are
// also the codes the R5 detectedissue-status set shares with it.)
import type { DetectedIssue, DetectedIssueEvidence, DetectedIssueMitigation } from '@medplum/fhirtypes';
import type { Flag } from '../../schema.js';
import type { Ref } from './context.js';
import { coding, concept, extension, extensions, text } from './elements.js';
import { FLAG_KIND_LABELS } from './labels.js';
import { CS, EXT, SID } from './namespace.js';

export type FlagReviewStatus = 'open' | 'confirmed' | 'dismissed' | 'needs-info';

export interface FlagReviewEntry {
  decision: 'confirm' | 'dismiss' | 'needs-info';
  note: string;
  reviewer: string;
  /** ISO 8601 instant */
  createdAt: string;
}

/** A stored flag's review state: its record id in the store, status, and the audit trail (oldest first). */
export interface FlagReviewState {
  recordId?: string;
  status: FlagReviewStatus;
  reviews: FlagReviewEntry[];
}

const STATUS: Record<FlagReviewStatus, DetectedIssue['status']> = {
  open: 'preliminary',
  'needs-info': 'preliminary',
  confirmed: 'final',
  dismissed: 'entered-in-error',
};

const SEVERITY: Record<Flag['severity'], NonNullable<DetectedIssue['severity']>> = { high: 'high', medium: 'moderate', low: 'low' };

const DECISION_TEXT: Record<FlagReviewEntry['decision'], string> = { confirm: 'Confirmed by reviewer', dismiss: 'Dismissed by reviewer', 'needs-info': 'Reviewer asked for more information' };

function mitigation(review: FlagReviewEntry): DetectedIssueMitigation {
  const note = review.note.trim();
  return {
    action: concept([coding(CS.reviewDecision, review.decision, DECISION_TEXT[review.decision])], note ? `${DECISION_TEXT[review.decision]}: ${note}` : DECISION_TEXT[review.decision]),
    date: review.createdAt,
    ...(/\S/.test(review.reviewer) ? { author: { display: review.reviewer } } : {}),
  };
}

export interface FlagLinks {
  id: string;
  patient: Ref;
  /** the resources of flag.eventIds that are in the Bundle, in order */
  implicated: Ref[];
  /** for each evidence quote, the resources read from exactly that place (else the document's) */
  evidence: Ref[][];
  review?: FlagReviewState;
}

export function detectedIssue(flag: Flag, links: FlagLinks): DetectedIssue {
  const status = links.review?.status ?? 'open';
  const evidence: DetectedIssueEvidence[] = flag.evidence.map((e, i) => {
    const detail = links.evidence[i] ?? [];
    const role = text(e.role);
    return { ...(role ? { code: [{ text: role }] } : {}), ...(detail.length ? { detail } : {}) };
  });
  const resource: DetectedIssue = {
    resourceType: 'DetectedIssue',
    id: links.id,
    ...extensions(extension.code(EXT.reviewStatus, status), extension.date(EXT.flagDate, flag.date), extension.string(EXT.rule, flag.rule)),
    identifier: [{ system: SID.flag, value: flag.id }, ...(links.review?.recordId ? [{ system: SID.flagRecord, value: links.review.recordId }] : [])],
    status: STATUS[status],
    code: concept([coding(CS.flagKind, flag.kind, FLAG_KIND_LABELS[flag.kind])], FLAG_KIND_LABELS[flag.kind]),
    severity: SEVERITY[flag.severity],
    patient: links.patient,
    ...(links.implicated.length ? { implicated: links.implicated } : {}),
    ...(evidence.some((e) => e.code || e.detail) ? { evidence: evidence.filter((e) => e.code || e.detail) } : {}),
    ...(text(flag.summary) ? { detail: flag.summary } : {}),
  };
  const reviews = links.review?.reviews ?? [];
  if (reviews.length) resource.mitigation = reviews.map(mitigation);
  return resource;
}
