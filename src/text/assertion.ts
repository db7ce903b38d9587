// ConText-style assertion (Harkema et al. 2009): triggers from patterns/assertion.json modify the
// mentions within their scope. "no disc herniations" → absent; "rule out radiculopathy" →
// hypothetical; "history of lumbar fusion" → historical. Scope runs in the trigger's direction for
// at most maxTokens words and stops at a terminator ("but", "however"), at ; : . ( ), and at a comma
// that starts a new clause — a comma inside a short list keeps going ("no weakness, numbness or
// tingling"), a comma before a longer phrase ends it ("no loss of lordosis, tenderness at C5-6").
import type { Assertion } from '../schema.js';
import type { Patterns } from '../patterns/load-patterns.js';
import type { Token } from '../patterns/lexicon.js';

interface Trigger {
  category: 'negated' | 'hypothetical' | 'historical';
  id: string;
  /** token index range the trigger covers */
  first: number;
  last: number;
  direction: 'forward' | 'backward' | 'bidirectional';
  maxTokens: number;
}

export interface AssertionScopes {
  /** assertion of a mention spanning [start, end) — checks the mention's first token */
  at(start: number, end: number): { assertion: Assertion; trigger: string | null };
}

const HARD_STOP = new Set([';', ':', '.', '(', ')', '[', ']', '!', '?']);
const LIST_ITEM_MAX = 3;
const PRIORITY: Record<Trigger['category'], number> = { negated: 3, hypothetical: 2, historical: 1 };
const ASSERTION_OF: Record<Trigger['category'], Assertion> = { negated: 'absent', hypothetical: 'hypothetical', historical: 'historical' };

export function assertionScopes(text: string, tokens: readonly Token[], offset: number, patterns: Patterns): AssertionScopes {
  const triggers: Trigger[] = [];
  const terminators = new Set<number>();
  // "but", "however": the end of any scope; "with", "which": the end of a negation only
  const strongTerminators = new Set<number>();
  const matches = patterns.assertion.find(text, tokens, offset);
  const tokenIndex = (pos: number): number => tokens.findIndex((t) => t.start >= pos);
  for (const m of matches) {
    const first = tokenIndex(m.start);
    let last = first;
    while (last + 1 < tokens.length && (tokens[last + 1] as Token).end <= m.end) last++;
    if (first < 0) continue;
    const v = m.value;
    if (v.category === 'terminator') {
      for (let i = first; i <= last; i++) terminators.add(i);
      if (v.id === 'terminator.strong') for (let i = first; i <= last; i++) strongTerminators.add(i);
    } else if (v.category !== 'pseudo') {
      triggers.push({ category: v.category, id: v.id, first, last, direction: v.direction, maxTokens: v.maxTokens });
    }
  }

  const clauseVerbs = new Set(patterns.data.assertion.clauseVerbs);
  const stopsForward = (i: number, category: Trigger['category'] = 'negated'): boolean => {
    const t = tokens[i] as Token;
    if (HARD_STOP.has(t.norm) || (category === 'negated' ? terminators.has(i) : strongTerminators.has(i))) return true;
    if (t.norm === ',') {
      // ", looks very healthy": a verb after the comma opens a new clause
      const next = tokens[i + 1];
      if (next && clauseVerbs.has(next.norm)) return true;
      // continue through a short list item: ", numbness or tingling", ", chills or night sweats"
      let n = 0;
      let head = -1;
      for (let j = i + 1; j < tokens.length; j++) {
        const u = tokens[j] as Token;
        if (u.norm === ',' || HARD_STOP.has(u.norm)) break;
        if (head < 0 && n > 0 && (u.norm === 'or' || u.norm === 'and')) head = n;
        n++;
      }
      if (n <= LIST_ITEM_MAX) return false;
      // the last item of a list: "X or Y" with both short
      return !(head > 0 && head <= LIST_ITEM_MAX && n - head - 1 <= LIST_ITEM_MAX);
    }
    return false;
  };
  const stopsBackward = (i: number): boolean => {
    const t = tokens[i] as Token;
    return HARD_STOP.has(t.norm) || t.norm === ',' || terminators.has(i);
  };

  const inScope = (tr: Trigger, target: number): boolean => {
    if (tr.direction !== 'backward' && target > tr.last) {
      let words = 0;
      for (let i = tr.last + 1; i <= target; i++) {
        if (i < target && stopsForward(i, tr.category)) return false;
        if (i === target) return words < tr.maxTokens;
        if (/[a-z0-9]/i.test((tokens[i] as Token).norm)) words++;
      }
    }
    if (tr.direction !== 'forward' && target < tr.first) {
      let words = 0;
      for (let i = tr.first - 1; i >= target; i--) {
        if (i > target && stopsBackward(i)) return false;
        if (i === target) return words < tr.maxTokens;
        if (/[a-z0-9]/i.test((tokens[i] as Token).norm)) words++;
      }
    }
    return false;
  };

  // "If she is noticing increased redness, increased warmth or pus-like drainage, she is to return":
  // a sentence opening with a condition is hypothetical up to the comma before its main clause
  let conditionalEnd = -1;
  const opener = patterns.conditionalOpeners.find(text, tokens, offset)[0];
  if (opener && tokenIndex(opener.start) <= 1) {
    for (let i = tokens.length - 1; i > 0; i--)
      if ((tokens[i] as Token).norm === ',') {
        conditionalEnd = i;
        break;
      }
  }

  return {
    at(start: number, end: number = start): { assertion: Assertion; trigger: string | null } {
      const target = tokenIndex(start);
      if (target < 0) return { assertion: 'present', trigger: null };
      if (target < conditionalEnd) return { assertion: 'hypothetical', trigger: 'hyp.conditional-clause' };
      let last = target;
      while (last + 1 < tokens.length && (tokens[last + 1] as Token).end <= end) last++;
      let best: Trigger | null = null;
      for (const tr of triggers) {
        // a trigger inside the mention is part of what it says: "straight leg raise was negative" is a
        // negative test, not a negated finding; "no tenderness" is a normal claim
        if (tr.first >= target && tr.last <= last) continue;
        // a mention inside a trigger phrase takes it: "recommended" in "is not recommended"
        const covers = tr.first <= target && tr.last >= last;
        if (!covers) {
          if (target >= tr.first && target <= tr.last) continue;
          if (!inScope(tr, target)) continue;
        }
        if (!best || PRIORITY[tr.category] > PRIORITY[best.category]) best = tr;
      }
      return best ? { assertion: ASSERTION_OF[best.category], trigger: best.id } : { assertion: 'present', trigger: null };
    },
  };
}
