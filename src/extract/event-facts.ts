// What extraction knew about a statement, recorded on its event so the checks never read quotes
// again: the services it names (with what it says of each: done, planned, a decision, the response),
// the utilization decision it reports, and markers (patterns/markers.json).
//   "He had bilateral L5 and L6 medial branch blocks which helped"
//     → services [{ term: "medial branch blocks", family: "nerve block", status: "done", response: "helped" }]
//   "Utilization Review non-certified a request for 12 additional sessions of physical therapy"
//     → decision { outcome: "denied", further: true }
//   "He denies any prior back surgery." → markers ["denied", "prior"]
import type { LexiconMatch } from '../patterns/lexicon.js';
import type { CueValue, ServiceValue } from '../patterns/load-patterns.js';
import type { Decision, Service, TimelineEvent } from '../schema.js';
import type { AnalyzedSentence } from '../text/analyze.js';
import type { ExtractContext, Mention } from './mention.js';
import { DECISION_OUTCOME } from './reading.js';

type Response = NonNullable<Service['response']>;
const TREATMENTS = new Set(['procedure', 'therapy', 'medication']);
// "forward" outcome words take the service after them: "improvement with physical therapy"
const LEADS_FORWARD = /^\s*(?:to|from|with|after|following)\b/i;
// "6 sessions were authorized", "approved for 8 visits": a quantity approved is part of a request
const QUANTITY_DECIDED =
  /\b(?:approved|authorized|certified)\s+(?:for\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b|\b\d+\s+(?:sessions?|visits?)\s+(?:was|were|is|are)\s+(?:approved|authorized|certified)/i;

function within<T extends { start: number; end: number }>(items: readonly T[], start: number, end: number): T[] {
  return items.filter((x) => x.start >= start && x.end <= end);
}

/** Each treatment in the span → the response the words report for it ("which helped", "without relief"). */
export function readResponses(services: readonly LexiconMatch<ServiceValue>[], cues: readonly LexiconMatch<CueValue>[], text: string, offset: number): Map<LexiconMatch<ServiceValue>, Response> {
  const treatments = services.filter((s) => TREATMENTS.has(s.value.type));
  const out = new Map<LexiconMatch<ServiceValue>, Response>();
  if (treatments.length === 0) return out;
  const outcomes = cues.filter((c) => c.value.role === 'outcome_positive' || c.value.role === 'outcome_negative');
  const seen = new Map<LexiconMatch<ServiceValue>, Set<'positive' | 'negative'>>();
  let from = offset;
  let previous: LexiconMatch<ServiceValue>[] = [];
  for (const o of outcomes) {
    const polarity = o.value.role === 'outcome_positive' ? 'positive' : 'negative';
    const after = text.slice(o.end - offset);
    let targets = LEADS_FORWARD.test(after) ? treatments.filter((s) => s.start >= o.end && s.start - o.end <= 40).slice(0, 1) : treatments.filter((s) => s.start >= from && s.end <= o.start);
    // "She has noticed no improvement on the right side, which was subject to a botulinum toxin
    // injection": an outcome that opens the sentence speaks of the treatment the sentence names after it
    if (targets.length === 0 && previous.length === 0 && !treatments.some((s) => s.end <= o.start)) targets = treatments.filter((s) => s.start >= o.end && s.start - o.end <= 100).slice(0, 1);
    // "improved his strength but did not help his pain": an outcome with no treatment of its own
    // speaks of the one before it, so that treatment's response is mixed
    if (targets.length === 0) targets = previous;
    for (const t of targets) seen.set(t, (seen.get(t) ?? new Set()).add(polarity));
    // "helped his strength but not the pain": the same treatment also did not help
    if (polarity === 'positive' && /^[^.;]{0,40}\bbut not\b/i.test(after)) for (const t of targets) seen.get(t)?.add('negative');
    previous = targets;
    from = o.end;
  }
  for (const [service, set] of seen) out.set(service, set.size > 1 ? 'mixed' : set.has('positive') ? 'helped' : 'no_relief');
  return out;
}

function sideOf(ctx: ExtractContext, s: AnalyzedSentence, start: number, end: number): Service['side'] {
  const text = s.text.slice(start - s.start, end - s.start);
  const sides = new Set(ctx.patterns.sides.find(text, within(s.tokens, start, end), start).map((m) => m.value));
  if (sides.has('bilateral') || (sides.has('left') && sides.has('right'))) return 'bilateral';
  return sides.has('left') ? 'left' : sides.has('right') ? 'right' : null;
}

function siteOf(ctx: ExtractContext, s: AnalyzedSentence, start: number, end: number): string | null {
  const text = s.text.slice(start - s.start, end - s.start);
  return ctx.patterns.bodyParts.find(text, within(s.tokens, start, end), start)[0]?.value.name ?? null;
}

/** The words around a service up to the next one or a clause break: "right L5-S1 facet injection", "left knee arthroscopy". */
function serviceClause(s: AnalyzedSentence, sv: { start: number; end: number }, all: readonly { start: number; end: number }[]): { start: number; end: number } {
  const before = s.text.slice(0, sv.start - s.start);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(' and '));
  const prev = all.filter((o) => o.end <= sv.start).at(-1);
  const start = Math.max(s.start + (cut >= 0 ? cut + 1 : 0), prev?.end ?? s.start);
  const afterText = s.text.slice(sv.end - s.start);
  const stop = afterText.search(/[,;.]|\b(?:and|which|that|but)\b/);
  const next = all.find((o) => o.start >= sv.end);
  const end = Math.min(stop >= 0 ? sv.end + stop : s.end, next?.start ?? s.end);
  return { start, end };
}

function decisionOf(ctx: ExtractContext, m: Mention, text: string, s: AnalyzedSentence): Decision | null {
  if (m.type !== 'determination') return null;
  const tokens = within(s.tokens, m.quoteStart, m.quoteEnd);
  const line = DECISION_OUTCOME.exec(text);
  const written = typeof m.facts.outcome === 'string' ? m.facts.outcome : (line?.[0].replace(/[:.\s]/g, '').toLowerCase() ?? '');
  const partialWords = ctx.patterns.decisionPartial.find(text, tokens, m.quoteStart).length > 0 || QUANTITY_DECIDED.test(text);
  const further = ctx.patterns.furtherRequest.find(text, tokens, m.quoteStart).length > 0;
  let outcome: Decision['outcome'];
  if (written === 'upheld' || written === 'overturned') outcome = written;
  else if (/modif|partial/.test(written) || /\bmodifi/i.test(text)) outcome = 'modified';
  else if (m.facts.adverse === true || /non-?certif|denied|deny|not medically necessary|not certified/i.test(written)) outcome = 'denied';
  else {
    const cues = within(s.cues, m.quoteStart, m.quoteEnd);
    const adverse = cues.some((c) => c.value.role === 'determination_adverse');
    const favourable = cues.some((c) => c.value.role === 'determination_favourable');
    if (adverse === favourable && m.facts.adverse === undefined) return null;
    outcome = adverse ? 'denied' : 'approved';
  }
  return { outcome, partial: partialWords || outcome === 'modified', further, itemLine: line !== null || m.rule === 'determination.decision-line' };
}

function statusOf(m: Mention, decision: Decision | null): Service['status'] {
  if (m.assertion === 'hypothetical') return 'hypothetical';
  if (m.type === 'plan' || m.type === 'referral') return m.facts.requested === true ? 'requested' : 'planned';
  if (m.type === 'determination') return decision ? (decision.outcome === 'denied' || decision.outcome === 'upheld' ? 'denied' : 'approved') : null;
  if (m.type === 'procedure' || m.type === 'imaging' || m.type === 'test' || m.type === 'therapy') return m.assertion === 'absent' ? null : 'done';
  return null;
}

export function eventFacts(ctx: ExtractContext, m: Mention): Pick<TimelineEvent, 'services' | 'decision' | 'markers'> {
  const s = m.sentence;
  const start = Math.max(m.quoteStart, s.start);
  const end = Math.min(m.quoteEnd, s.end);
  const text = s.text.slice(start - s.start, end - s.start);
  const tokens = within(s.tokens, start, end);
  const markers = [...new Set(ctx.patterns.markers.find(text, tokens, start).map((x) => x.value))];
  const decision = decisionOf(ctx, m, text, s);
  const services = within(s.services, start, end);
  const responses = readResponses(services, within(s.cues, start, end), text, start);
  // "helped for two days", "initially helped": qualified, so neither way
  if (ctx.patterns.qualifiedResponse.find(text, tokens, start).length > 0) for (const [k, v] of responses) if (v !== 'mixed') responses.set(k, 'mixed');
  const status = statusOf(m, decision);
  return {
    markers,
    decision,
    services: services.map((sv) => {
      const clause = serviceClause(s, sv, services);
      const term = sv.term.toLowerCase();
      const type = sv.value.type;
      return {
        id: sv.value.id,
        type: type === 'imaging' || type === 'test' || type === 'procedure' || type === 'therapy' || type === 'medication' || type === 'referral' ? type : 'other',
        term,
        text: sv.text,
        family: ctx.patterns.serviceFamily.get(term) ?? ctx.patterns.serviceFamily.get(sv.text.toLowerCase()) ?? term,
        status,
        response: responses.get(sv) ?? null,
        site: siteOf(ctx, s, clause.start, clause.end) ?? siteOf(ctx, s, start, end),
        side: sideOf(ctx, s, clause.start, clause.end) ?? sideOf(ctx, s, start, end),
      };
    }),
  };
}
