// Which date in a sentence belongs to which mention. Clinical sentences carry several dates, and a
// date dates the thing it is written against:
//   after   "status post coccygeal ligament injection on 07/21/14"   (the injection, not the visit)
//           "CT scan (10-12-2016) of the cervical spine"            (the CT, not the x-rays before it)
//   before  "November 21, 2016 follow up noted", "a 12/2016 progress note"
//   frame   "On 08/25/14, the claimant was evaluated and ..."        (the whole clause after it)
//           "A physical exam was performed on 11-9-16 and revealed tenderness" (the findings after it)
//   near    "A clinic note two weeks after the injury on 11/16/16"   (weak: encounter nouns only)
// A date after "<n> weeks after the injury" dates what the phrase describes, never the injury.
import type { AnalyzedSentence, SentenceDate } from '../text/analyze.js';
import type { Token } from '../patterns/lexicon.js';

export type LinkKind = 'after' | 'before' | 'frame' | 'near';

export interface DateLink {
  date: SentenceDate;
  kind: LinkKind;
}

// Words that may stand between a mention and the date written after it.
const AFTER_GAP_WORDS = new Set([
  'on',
  'dated',
  'date',
  'of',
  'from',
  'in',
  'at',
  'performed',
  'done',
  'obtained',
  'completed',
  'taken',
  'was',
  'were',
  'is',
  'are',
  'been',
  'has',
  'had',
  'have',
  'noted',
  'signed',
  'submitted',
  'made',
  'received',
  'the',
  'a',
  'an',
  'and',
  'his',
  'her',
  'their',
  'its',
  'this',
  'with',
  'without',
  'contrast',
  'level',
  'levels',
  'approximately',
  'around',
  'about',
  'by',
  'dr',
  'initially',
  'originally',
  'most',
  'recent',
  'recently',
  'last',
  'also',
  'him',
  'them',
  'me',
  'us',
  'again',
  'first',
  'second',
  'third',
  'repeat',
  'new',
  'or',
  'joint',
  'side',
  'upper',
  'lower',
  'extremity',
  'extremities',
  'region',
  'area',
  'spine',
  'to',
  'for',
  'report',
  'study',
  'scan',
  'views',
  'view',
  'series',
  'dos',
  'service',
  'visit',
  'evaluation',
  'exam',
  'examination',
  'bilaterally',
  'bilateral',
  'left',
  'right',
  'both',
  'under',
  'fluoroscopy',
  'guidance',
  'guided',
  'ultrasound',
  'which',
  'that',
  'there',
  'he',
  'she',
  'they',
  'patient',
  'injured',
  'worker',
  'claimant',
  'hand',
  'dominant',
  'be',
  'being',
  'imaging',
  'films',
  'film',
  'plain',
  'placement',
  'insertion',
  'revision',
  'exchange',
  // what a procedure treated: "pinning of the right distal radius fracture on 11-9-2016"
  'fracture',
  'fractures',
  'tear',
  'tears',
  'hernia',
  'dislocation',
  'laceration',
  'wound',
  'lesion',
  'mass',
  'cyst',
  'abscess',
  'displaced',
  // "sustained this injury yesterday morning, 05/12/2022"
  'yesterday',
  'today',
  'morning',
  'afternoon',
  'evening',
  'night',
  'tonight',
  'through',
  'until',
  'ending',
  'company',
  'local',
  'outside',
  'another',
  'family',
  'primary',
  'doctor',
  'doctors',
  'work',
  'job',
  'home',
  'office',
  'clinic',
  'hospital',
  'emergency',
  'room',
  'department',
  'er',
  'urgent',
  'care',
  'facility',
  'center',
  'provider',
  'physician',
]);
const BEFORE_GAP_WORDS = new Set(['the', 'a', 'an', 'for', 'of', 'his', 'her', 'this', 'that']);
const PUNCT_GAP = new Set([',', '(', ')', ':', '-', '/', '.', ';']);
const MAX_AFTER_GAP = 12;
const MAX_BEFORE_GAP = 3;
const MAX_NEAR_GAP = 9;
const FRAME_LEAD = /^[\s("'[]*(?:(?:on|as of|in|at|by|during|per|from|dated|date|since|through|by|effective)\s+(?:or\s+about\s+)?)?[\s("'[]*$/i;
const INTRODUCTORY_LEAD = /^[\s("'[]*(?:according to|per|in|at|during|on|from|as (?:documented|noted|stated|reported) in|based on|review of|upon review of)\b[^,;]{0,140}$/i;
const CLAUSE_FRAME_LEAD = /(?:\b(?:and|but|then|while|whereas)\s+(?:on|in|at|as of)|[;,]\s*(?:and\s+)?(?:on|in|at|as of))\s*[(]?\s*$/i;
const RELATIVE_ANCHOR = /\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(?:days?|weeks?|months?|years?)\s+(?:after|before|following|prior to|post)\b/i;

export interface LinkOptions {
  kinds: readonly LinkKind[];
  /** spans (document offsets) of other mentions: a gap that crosses one is not a link */
  blockers?: readonly { start: number; end: number }[];
  /** body-part and level words are allowed in gaps ("injection at L4, L5, and L6 on 06/03/14") */
  anatomyWords?: ReadonlySet<string>;
  /** spans a gap may pass through, e.g. the services a decision is about ("approved for 8 therapy sessions on 10-19-16") */
  transparent?: readonly { start: number; end: number }[];
  /** any words may stand between (blockers still stop it): "fell from a ladder at work on 06/02/2016" */
  lenientGap?: boolean;
}

function tokensBetween(s: AnalyzedSentence, from: number, to: number, transparent: readonly { start: number; end: number }[] = []): Token[] {
  return s.tokens.filter((t) => t.start >= from && t.end <= to && !transparent.some((x) => t.start >= x.start && t.end <= x.end));
}

function gapIsLink(tokens: Token[], allowed: ReadonlySet<string>, max: number, anatomy: ReadonlySet<string> | undefined, lenient = false): boolean {
  // "lumbar CT (3-21-13); physical therapy (PT); ..." — a semicolon separates list items
  if (tokens.some((t) => t.norm === ';')) return false;
  let words = 0;
  let name = false;
  for (const t of tokens) {
    if (PUNCT_GAP.has(t.norm)) continue;
    words++;
    if (words > max) return false;
    if (lenient) continue;
    // "was seen by Dr. Alvarez on 5/5/18": a name after "Dr" or "by"
    if (name && /^[A-Z][a-z'-]+$/.test(t.raw)) continue;
    name = t.norm === 'dr' || t.norm === 'by';
    if (allowed.has(t.norm) || anatomy?.has(t.norm)) continue;
    if (/^(?:[ctls]\d{1,2}|\d{1,3}|x\d|\d+x)$/.test(t.norm)) continue; // L4, L5, S1, 3, x1
    return false;
  }
  return true;
}

function crosses(blockers: readonly { start: number; end: number }[] | undefined, from: number, to: number): boolean {
  return (blockers ?? []).some((b) => b.start >= from && b.end <= to);
}

/** A date is a frame when it opens the sentence or a clause: "On 08/25/14, ...", "... and on 11-18-16, reports". */
export function isFrameDate(s: AnalyzedSentence, d: SentenceDate): boolean {
  const before = s.text.slice(0, d.start - s.start);
  if (FRAME_LEAD.test(before)) return true;
  // "According to a consultation report dated December 13, 2016, the injured worker presented ...":
  // an introductory phrase that ends with its date and a comma frames the clause after it
  if (INTRODUCTORY_LEAD.test(before) && /^\s*\)?\s*,/.test(s.text.slice(d.end - s.start))) return true;
  return CLAUSE_FRAME_LEAD.test(before) && !/\b(?:after|before|following|prior to)\s+(?:the\s+)?\w+\s+on\s*$/i.test(before);
}

/** "two weeks after the injury on 11/16/16": mentions inside the relative phrase cannot take the date. */
function relativeAnchorStart(s: AnalyzedSentence, d: SentenceDate): number | null {
  const windowStart = Math.max(s.start, d.start - 60);
  const before = s.text.slice(windowStart - s.start, d.start - s.start);
  const m = RELATIVE_ANCHOR.exec(before);
  return m ? windowStart + m.index + m[0].length : null;
}

export function linkDate(s: AnalyzedSentence, span: { start: number; end: number }, options: LinkOptions): DateLink | null {
  const dates = s.dates.filter((d) => !d.ignored);
  if (dates.length === 0) return null;
  const kinds = new Set(options.kinds);
  const candidates: { link: DateLink; score: number; distance: number }[] = [];

  for (const d of dates) {
    if (d.start >= span.end && kinds.has('after')) {
      const anchor = relativeAnchorStart(s, d);
      const insideRelative = anchor !== null && anchor <= span.start;
      const gap = tokensBetween(s, span.end, d.start, options.transparent);
      // "pain with hip flexion and on 11-18-16 revealed ...": a date opening the next clause is not this one's
      const opensNextClause = isFrameDate(s, d) && gap.some((t) => t.norm === 'and' || t.norm === 'but' || t.norm === ';');
      if (!insideRelative && !opensNextClause && !crosses(options.blockers, span.end, d.start) && gapIsLink(gap, AFTER_GAP_WORDS, MAX_AFTER_GAP, options.anatomyWords, options.lenientGap)) {
        candidates.push({ link: { date: d, kind: 'after' }, score: 3, distance: d.start - span.end });
      }
    }
    if (d.end <= span.start && kinds.has('before')) {
      const gap = tokensBetween(s, d.end, span.start);
      if (!crosses(options.blockers, d.end, span.start) && gapIsLink(gap, BEFORE_GAP_WORDS, MAX_BEFORE_GAP, options.anatomyWords)) {
        candidates.push({ link: { date: d, kind: 'before' }, score: 3, distance: span.start - d.end });
      }
    }
  }
  if (kinds.has('frame')) {
    // the nearest date before the mention that opens a clause, with no other date in between
    const preceding = dates.filter((d) => d.end <= span.start);
    const last = preceding.at(-1);
    if (last && isFrameDate(s, last)) candidates.push({ link: { date: last, kind: 'frame' }, score: 2, distance: span.start - last.end });
  }
  if (kinds.has('near')) {
    const next = dates.find((d) => d.start >= span.end);
    if (next) {
      const gap = tokensBetween(s, span.end, next.start).filter((t) => !PUNCT_GAP.has(t.norm));
      if (gap.length <= MAX_NEAR_GAP && !crosses(options.blockers, span.end, next.start)) {
        candidates.push({ link: { date: next, kind: 'near' }, score: 1, distance: next.start - span.end });
      }
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.distance - b.distance);
  return candidates[0]?.link ?? null;
}
