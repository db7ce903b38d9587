// Utilization-review and IMR decisions reported in the narrative:
//   "On 12-12-2016 Utilization Review non-certified a request for MRI cervical spine"  → 2016-12-12
//   "The requested FCE was previously denied as ..."                                  → the UR date
//   "Physical therapy 6 sessions was authorized by the Claims Administrator."          → the UR date
//   "A follow-up exam on 12-09-2016 noted that MRI was approved"                      → undated, reported on 12-09
// "Work status was modified" and "he denied numbness" are not decisions: a decision needs a
// reviewing agent, or a service or request it is about.
import type { Extractor } from '../engine.js';
import { linkDate, type DateLink } from '../link-date.js';
import { linkedDate, newMention, type Mention } from '../mention.js';
import { DECISION_OUTCOME, determinationCues, isGuidelineVoice, isSilentSection, servicesAfter } from '../reading.js';
import type { AnalyzedSentence } from '../../text/analyze.js';

export interface DeterminationReading {
  start: number;
  end: number;
  link: DateLink | null;
  adverse: boolean;
  agent: boolean;
  services: string[];
}

const cache = new WeakMap<AnalyzedSentence, DeterminationReading | null>();

/** The decision a sentence reports, if any; shared with the plan extractor, which yields to it. */
export function readDetermination(s: AnalyzedSentence): DeterminationReading | null {
  if (cache.has(s)) return cache.get(s) ?? null;
  const result = read(s);
  cache.set(s, result);
  return result;
}

function read(s: AnalyzedSentence): DeterminationReading | null {
  if (isSilentSection(s) || DECISION_OUTCOME.test(s.text)) return null;
  // "board certified in physical medicine" describes the reviewer
  const cues = determinationCues(s)
    .filter((c) => !/\bboard[\s-]*$/i.test(s.text.slice(0, c.start - s.start)))
    // "modified work duties", "modified duty": work status, not a decision on a request
    .filter((c) => !/^\s*(?:work|duty|duties|activity|activities|diet|regular)\b/i.test(s.text.slice(c.end - s.start)))
    .filter((c) => s.assertion.at(c.start, c.end).assertion !== 'hypothetical' || /denied|non.?certified|modified|upheld/i.test(c.text));
  const first = cues[0];
  if (!first) return null;
  const agents = s.cuesOf('determination_agent');
  const objects = servicesAfter(s, 0);
  const aboutRequest = /\brequest(?:ed|s)?\b/i.test(s.text);
  if (agents.length === 0 && objects.length === 0 && !aboutRequest && !/\bdenial\b/i.test(first.text)) return null;
  // In the reviewer's own reasoning, "not medically necessary" is the reviewer speaking, not a UR event.
  if (isGuidelineVoice(s) && agents.length === 0) return null;
  const anchors = [...agents, ...cues];
  let link: DateLink | null = null;
  for (const a of anchors) {
    link = linkDate(s, a, { kinds: ['after', 'before', 'frame'], transparent: s.services });
    if (link) break;
  }
  const adverse = cues.some((c) => c.value.role === 'determination_adverse');
  return {
    start: Math.min(first.start, agents[0]?.start ?? first.start),
    end: first.end,
    link,
    adverse,
    agent: agents.length > 0,
    services: [...new Set(servicesAfter(s, Math.min(first.start, agents[0]?.start ?? first.start)).map((sv) => sv.value.id))],
  };
}

export const determinationExtractor: Extractor<DeterminationReading> = {
  name: 'determination',
  pattern: (s) => {
    const r = readDetermination(s);
    return r ? [r] : [];
  },
  extract(_ctx, s, r): Mention {
    const base = {
      type: 'determination' as const,
      rule: r.agent ? 'determination.agent' : r.adverse ? 'determination.adverse' : 'determination.favourable',
      start: r.start,
      end: r.end,
      services: r.services,
      facts: { adverse: r.adverse, agent: r.agent },
    };
    if (r.link) return newMention(s, { ...base, ...linkedDate(r.link) });
    // A denial or a reviewer's action with no date of its own is the UR decision the letter is about.
    return newMention(s, { ...base, dating: r.adverse || r.agent ? 'ur_date' : 'undated' });
  },
};
