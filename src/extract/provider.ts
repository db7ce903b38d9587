// Who saw the patient where, for a span of a document (the whole of a one-visit note, or the text of
// one visit): the provider and the facility, with the rule that found them. Cues and word lists are
// data (patterns/providers.json). Best first:
//   1 a signature, dictation line or letter closing, and the organisation after its name
//        "Electronically signed by John A. Smith, M.D., Fresno Orthopedic Medical Group"
//        "Sincerely,\n\nMaria Lopez, DC"
//   2 a labelled physician or facility ("SURGEON: Ralph Ortiz, M.D.", "Facility: Valley Spine Center"),
//     or a credentialed name alone on one of the span's last lines
//   3 a letterhead: an organisation, or a credentialed name, alone on one of the span's first lines
//     (not above a letter's salutation: that is the addressee)
//   4 a visit sentence: "seen and examined by Dr. Lee", "presents to Valley General Hospital",
//     "taken to operating room #2 at Valley General Hospital", "seen by Dr. Lee at Valley Spine Center"
// A visit sentence in a history section tells of an earlier visit ("She was seen by Dr. Park, who
// ordered an MRI"), so it counts only as its cue allows (inHistory), unless the caller says the span
// is a visit told in history (a records review entry). Names are normalised to "John A. Smith, MD"
// (title dropped, credentials without dots, "SMITH, JOHN A" turned round), or "Dr. Smith" when the
// record gives only the title. Nothing found: all null, an empty span at the span's start.
import { tokenize, type LexiconMatch, type Token } from '../patterns/lexicon.js';
import { normalizeHeader, type Patterns } from '../patterns/load-patterns.js';
import type { AuthorCue, NarrativeCue, ProviderCues } from '../patterns/provider-cues.js';
import type { AnalyzedDocument, AnalyzedSentence } from '../text/analyze.js';

export interface ProviderFacility {
  /** "John A. Smith, MD" or "Dr. Smith"; null when the span names none */
  provider: string | null;
  /** "Fresno Orthopedic Medical Group"; null when the span names none */
  facility: string | null;
  /** the rule that found them ("signature.electronic"); two joined by "+" when they came from two places (provider's first) */
  rule: string | null;
  /** document offsets from the first to the last word naming them; start = end = the span's start when nothing was found */
  start: number;
  end: number;
  /** where each was named, for its own quote (the two may be pages apart) */
  evidence: { field: 'provider' | 'facility'; rule: string; start: number; end: number }[];
}

export interface ProviderSpan {
  start: number;
  end: number;
}

export interface ProviderOptions {
  /** the span is a visit told in a history (a records review entry): its visit sentences count */
  includeHistory?: boolean;
}

interface Candidate {
  value: string;
  rule: string;
  rank: number;
  start: number;
  end: number;
}

export function findProvider(analyzed: AnalyzedDocument, patterns: Patterns, span?: ProviderSpan, options: ProviderOptions = {}): ProviderFacility {
  const text = analyzed.doc.text;
  const from = Math.max(0, span?.start ?? 0);
  const to = Math.min(text.length, span?.end ?? text.length);
  const cues = patterns.providers;
  const providers: Candidate[] = [];
  const facilities: Candidate[] = [];
  // the span's sentences by binary search, not a filter of the whole document's: this runs once per
  // visit, and 5 MB of notes has thousands of visits (quadratic, 12 s of a 47 s run)
  const sentences = sentencesWithin(analyzed.sentences, from, to);

  const pastSections = pastSectionsOf(cues);
  const quick = quickChecks(cues);
  sentences.forEach((s, i) => {
    // a label needs its colon; signatures and closings have their own words (quick.author)
    const colon = s.text.includes(':');
    if (colon || s.tokens.some((t) => quick.author.has(t.norm))) for (const m of cues.authorCues.find(s.text, s.tokens, s.start)) authorCue(text, m, to, cues, providers, facilities);
    if (colon) for (const m of cues.facilityLabels.find(s.text, s.tokens, s.start)) facilityLabel(text, m, to, facilities);
    // a name or an organisation may run past a sentence the splitter ended early ("St. Luke's")
    const limit = Math.min(to, lineEnd(text, s.end, s.end + 120));
    // most sentences name no one: a visit cue needs a title or credential to read, a facility cue a
    // suffix word, so their cues are looked for only then (the cue scans are the cost here)
    const visits = hasToken(sentences, i, limit, quick.person, 'raw') ? cues.visitCues.find(s.text, s.tokens, s.start) : [];
    for (const m of visits) {
      if (!narrativeCounts(s, m, cues, pastSections, options)) continue;
      const name = parseName(text, skipSpaces(text, m.end), limit, cues);
      if (!name || (!name.title && name.credentials.length === 0)) continue;
      providers.push({ value: name.normal, rule: m.value.id, rank: 4, start: name.start, end: name.end });
      // "seen by Dr. Lee at Valley Spine Center"
      const at = /^\s*,?\s*(?:at|of|with|from)\s+/.exec(text.slice(name.end, limit));
      const org = at && parseOrg(text, name.end + at[0].length, limit, cues);
      if (org) facilities.push({ value: org.name, rule: m.value.id, rank: 4, start: org.start, end: org.end });
    }
    const places = hasToken(sentences, i, limit, quick.org, 'norm') ? cues.facilityCues.find(s.text, s.tokens, s.start) : [];
    for (const m of places) {
      if (!narrativeCounts(s, m, cues, pastSections, options)) continue;
      const org = parseOrg(text, skipSpaces(text, m.end), limit, cues);
      if (!org) continue;
      facilities.push({ value: org.name, rule: m.value.id, rank: 4, start: org.start, end: org.end });
      // "Seen at Valley Spine Center by Dr. Amy Cho"
      const by = /^\s*,?\s*by\s+/.exec(text.slice(org.end, limit));
      const name = by && parseName(text, org.end + by[0].length, limit, cues);
      if (name && (name.title || name.credentials.length > 0)) providers.push({ value: name.normal, rule: m.value.id, rank: 4, start: name.start, end: name.end });
    }
  });
  const opening = letterhead(text, from, to, cues, providers, facilities);
  nameSentences(text, sentences, opening, cues, providers);

  const provider = best(providers);
  const facility = best(facilities);
  if (!provider && !facility) return { provider: null, facility: null, rule: null, start: from, end: from, evidence: [] };
  const rules = [...new Set([provider?.rule, facility?.rule].filter((r): r is string => !!r))];
  const found = [provider, facility].filter((c): c is Candidate => !!c);
  return {
    provider: provider?.value ?? null,
    facility: facility?.value ?? null,
    rule: rules.join('+'),
    start: Math.min(...found.map((c) => c.start)),
    end: Math.max(...found.map((c) => c.end)),
    evidence: [
      ...(provider ? [{ field: 'provider' as const, rule: provider.rule, start: provider.start, end: provider.end }] : []),
      ...(facility ? [{ field: 'facility' as const, rule: facility.rule, start: facility.start, end: facility.end }] : []),
    ],
  };
}

/** The best-ranked; among signatures the last (a note ends with its signature), otherwise the first. */
function best(list: Candidate[]): Candidate | null {
  let out: Candidate | null = null;
  for (const c of list) {
    if (!out || c.rank < out.rank || (c.rank === out.rank && c.rank === 1 && c.start > out.start) || (c.rank === out.rank && c.rank !== 1 && c.start < out.start)) out = c;
  }
  return out;
}

interface QuickChecks {
  /** titles as written in any case, credentials as written and dotted ones' letters ("M" of "M.D.") */
  person: Set<string>;
  /** the last word of every facility suffix ("hospital"), lower case */
  org: Set<string>;
  /** the first token of every signature and closing cue ("signed", "sincerely", "/" of "/s/") */
  author: Set<string>;
}
const quickCache = new WeakMap<ProviderCues, QuickChecks>();
function quickChecks(cues: ProviderCues): QuickChecks {
  let q = quickCache.get(cues);
  if (!q) {
    const person = new Set<string>();
    for (const t of cues.titles) for (const form of [t, t.toUpperCase(), `${t[0]?.toUpperCase()}${t.slice(1)}`]) person.add(form);
    for (const c of cues.credentials.keys()) {
      person.add(c);
      // "M.D." is the tokens M . D .
      for (const part of tokenize(c)) if (/^[A-Za-z]{1,2}$/.test(part.raw)) person.add(part.raw);
    }
    q = { person, org: new Set(cues.facilitySuffixes.map((s) => s.at(-1) as string)), author: new Set(cues.authorWords) };
    quickCache.set(cues, q);
  }
  return q;
}

/**
 * Whether a sentence, or the one after it that a name may run into ("St." ends a sentence early),
 * has a token of the set: tokens are already there, so this costs a set lookup per word.
 */
function hasToken(sentences: readonly AnalyzedSentence[], i: number, limit: number, set: Set<string>, key: 'norm' | 'raw'): boolean {
  const s = sentences[i] as AnalyzedSentence;
  if (s.tokens.some((t) => set.has(t[key]))) return true;
  const next = sentences[i + 1];
  return !!next && next.start < limit && next.tokens.some((t) => t.start < limit && set.has(t[key]));
}

const pastSectionCache = new WeakMap<ProviderCues, Set<string>>();
function pastSectionsOf(cues: ProviderCues): Set<string> {
  let set = pastSectionCache.get(cues);
  if (!set) pastSectionCache.set(cues, (set = new Set(cues.pastSections.map(normalizeHeader))));
  return set;
}

// "December 11, 2000: He presented to ..." — an entry of a records review, not this note's visit
const DATED_ENTRY = /^\W{0,3}(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})\s*[:,-]/;

/**
 * Whether a visit or facility sentence speaks of this span's visit. Not when it plans or refers
 * ("Follow up with Dr. Lee", "will be transferred to ..."), unless that is the cue's own word ("Thank
 * you for referring Ms. Ray to ..."); in a history section only as the cue allows, never in a past
 * history ("PAST MEDICAL HISTORY", "RECORDS REVIEWED") or a dated entry of one, unless the caller
 * says the span is a visit told in history.
 */
function narrativeCounts(s: AnalyzedSentence, m: LexiconMatch<NarrativeCue>, cues: ProviderCues, pastSections: Set<string>, options: ProviderOptions): boolean {
  const clause = clauseBefore(s, m.start);
  const clauseStart = m.start - clause.length;
  const aheadOf = (c: { start: number; end: number }) => c.end <= m.start && c.start >= clauseStart;
  if (s.cuesOf('plan').some(aheadOf) || s.cuesOf('referral').some(aheadOf)) return false;
  if (cues.futureBefore.find(clause).length > 0) return false;
  if (options.includeHistory || s.section?.category !== 'history') return true;
  if (pastSections.has(normalizeHeader(s.section.header)) || DATED_ENTRY.test(clause)) return false;
  if (m.value.inHistory === 'always') return true;
  if (m.value.inHistory === 'never') return false;
  return cues.pastMarkers.find(s.text, s.tokens, s.start).length === 0;
}

/**
 * The clause a cue is in, up to the cue: from the sentence's start, after an inline header that opens
 * it ("HISTORY: 12/11/2016: He presented to ...") and after ".," or ";" (one-line transcriptions run
 * entries on with ".,").
 */
function clauseBefore(s: AnalyzedSentence, at: number): string {
  const bodyStart = s.section && s.section.bodyStart > s.start && s.section.bodyStart <= at ? s.section.bodyStart : s.start;
  const head = s.text.slice(bodyStart - s.start, at - s.start);
  const cut = Math.max(head.lastIndexOf('.,'), head.lastIndexOf('. '), head.lastIndexOf(';'));
  return head.slice(cut < 0 ? 0 : cut + 1).replace(/^[\s,]+/, '');
}

/** The end of the line at `at`, looked for no further than `max` (a text with no line breaks made an unbounded search quadratic). */
function lineEnd(text: string, at: number, max = text.length): number {
  const end = Math.min(max, text.length);
  for (let i = at; i < end; i++) if (text[i] === '\n') return i;
  return end;
}

/** The sentences (in document order, not overlapping) that lie wholly within [from, to). */
function sentencesWithin(all: readonly AnalyzedSentence[], from: number, to: number): AnalyzedSentence[] {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid] as AnalyzedSentence).start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: AnalyzedSentence[] = [];
  for (let i = lo; i < all.length && (all[i] as AnalyzedSentence).start < to; i++) if ((all[i] as AnalyzedSentence).end <= to) out.push(all[i] as AnalyzedSentence);
  return out;
}

function authorCue(text: string, m: LexiconMatch<AuthorCue>, limit: number, cues: ProviderCues, providers: Candidate[], facilities: Candidate[]): void {
  const cue = m.value;
  if (cue.kind === 'pseudo') return;
  const after = text.slice(m.end, Math.min(limit, m.end + 200));
  let at: number;
  if (cue.kind === 'label') {
    // "SURGEON: Ralph Ortiz, M.D." or "Attending physician:\nDana Wu, MD": a label needs its colon
    const colon = /^\s*:[\s,]*(?:\n[\s,]*)?/.exec(after);
    if (!colon || before(text, m.start, cues)) return;
    at = m.end + colon[0].length;
  } else if (cue.kind === 'closing') {
    // "Sincerely,\n\nMaria Lopez, DC" and, in one-line transcriptions, "Sincerely,,XYZ, MD"
    const gap = /^\s*(?:yours)?\s*,?(?:[ \t]*\n[\s,]*|,[\s,]*)/.exec(after);
    if (!gap || gap[0].split('\n').length > 4) return;
    at = m.end + gap[0].length;
  } else {
    const gap = /^[ \t]*[:,-]?[ \t]*(?:\n[ \t]*)?/.exec(after);
    at = m.end + (gap?.[0].length ?? 0);
  }
  const name = parseName(text, at, limit, cues);
  // a closing is signed by a department as often as by a person ("Sincerely, Utilization Review"):
  // there a title or credential must say it is a person
  if (!name || (!name.title && name.credentials.length === 0 && (name.words < 2 || cue.kind === 'closing'))) return;
  const rank = cue.kind === 'label' ? 2 : 1;
  providers.push({ value: name.normal, rule: cue.id, rank, start: name.start, end: name.end });
  // the practice under or after the signer's name
  const gap = /^[ \t]*(?:,|-|–)?[ \t]*(?:\n[ \t]*)?/.exec(text.slice(name.end, limit));
  const org = parseOrg(text, name.end + (gap?.[0].length ?? 0), limit, cues);
  if (org) facilities.push({ value: org.name, rule: cue.id, rank, start: org.start, end: org.end });
}

function facilityLabel(text: string, m: LexiconMatch<true>, limit: number, facilities: Candidate[]): void {
  // "Facility: Valley Spine Center" — the label starts its line or clause, its value the rest of the line
  if (!/(?:^|\n|[.,;:]\s*)[ \t]*$/.test(text.slice(Math.max(0, m.start - 3), m.start)) && m.start !== 0) return;
  const value = /^[ \t]*:[ \t]*([A-Z][^\n;]{1,80}?)[ \t]*(?=$|\n|;|\s{2,})/.exec(text.slice(m.end, Math.min(limit, m.end + 120)));
  if (!value?.[1]) return;
  const start = m.end + value[0].indexOf(value[1]);
  facilities.push({ value: value[1].replace(/[.,]+$/, ''), rule: 'label.facility', rank: 2, start, end: start + value[1].length });
}

/** An organisation or a credentialed name alone on one of the span's first lines; returns where the last such line ends. */
function letterhead(text: string, from: number, to: number, cues: ProviderCues, providers: Candidate[], facilities: Candidate[]): number {
  // the letterhead: the leading short lines (a paragraph joined at ingest ends it)
  const all = spanLines(text, from, to).filter((l) => l.text.trim() !== '');
  const lines: { text: string; start: number; end: number }[] = [];
  for (const l of all) {
    if (l.text.trim().length > cues.letterhead.maxLineChars || lines.length >= cues.letterhead.lines) break;
    lines.push(l);
  }
  // a letter: its inside address (the addressee) sits between the letter's date and its salutation,
  // so only lines above the date are the sender's letterhead, and a name there is still more often
  // the addressee's than the signer's
  const salutation = all.slice(0, cues.salutationLines).findIndex((l) => {
    const opening = l.text.trimStart().slice(0, 60);
    return opensWithSalutation(opening, tokenize(opening), cues);
  });
  const dated = salutation >= 0 ? all.slice(0, salutation).findIndex((l) => LETTER_DATE.test(l.text)) : -1;
  const head = salutation < 0 ? lines : lines.slice(0, Math.min(2, Math.max(0, dated)));
  let used = from;
  for (const line of head) {
    const before = providers.length + facilities.length;
    const lead = line.start + (line.text.length - line.text.trimStart().length);
    const org = parseOrg(text, lead, line.end, cues);
    // the organisation opens the line, and what follows is an address, not "HISTORY: ..."
    const rest = org ? text.slice(org.end, line.end) : '';
    if (org && org.start === lead && !rest.includes(':') && rest.trim().length <= 40) facilities.push({ value: org.name, rule: 'letterhead.facility', rank: 3, start: org.start, end: org.end });
    if (salutation >= 0) continue;
    const name = parseName(text, lead, line.end, cues);
    if (name && name.credentials.length > 0 && /^[\s,.]*$/.test(text.slice(name.end, line.end)))
      providers.push({ value: name.normal, rule: 'letterhead.provider', rank: 3, start: name.start, end: name.end });
    if (providers.length + facilities.length > before) used = line.end;
  }
  return used;
}

/**
 * "Rebecca Stone, PA-C" standing alone as one of the span's last sentences (line breaks may have been
 * joined at ingest): a signature without its cue. Not in the letterhead lines, not above a letter's
 * salutation (the addressee), not after "cc:".
 */
function nameSentences(text: string, sentences: AnalyzedSentence[], openingEnd: number, cues: ProviderCues, providers: Candidate[]): void {
  const salutation = sentences.find((s) => opensWithSalutation(s.text, s.tokens, cues));
  for (const s of sentences.slice(-6)) {
    if (s.start < openingEnd || (salutation && s.start < salutation.start)) continue;
    const name = parseName(text, s.start, s.end, cues);
    if (!name || name.credentials.length === 0 || before(text, s.start, cues)) continue;
    const gap = /^[ \t]*[,-]?[ \t]*/.exec(text.slice(name.end, s.end));
    const org = parseOrg(text, name.end + (gap?.[0].length ?? 0), s.end, cues);
    if (!/^[\s,.]*$/.test(text.slice(org?.end ?? name.end, s.end))) continue;
    providers.push({ value: name.normal, rule: 'signature.name-line', rank: 2, start: name.start, end: name.end });
  }
}

/** "Dear Dr. Holt:" — checked on the first word before the lexicon is asked */
function opensWithSalutation(text: string, tokens: readonly Token[], cues: ProviderCues): boolean {
  const first = tokens[0];
  if (!first || !cues.salutationFirstWords.has(first.norm)) return false;
  return cues.salutations.find(text, tokens, first.start).some((m) => m.start === first.start);
}

const LETTER_DATE = /\b(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4})\b/;

function spanLines(text: string, from: number, to: number): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let at = from;
  while (at < to) {
    let end = text.indexOf('\n', at);
    if (end < 0 || end > to) end = to;
    out.push({ text: text.slice(at, end), start: at, end });
    at = end + 1;
  }
  return out;
}

/** Words just before a name that make it someone else's: "cc:", "Referring physician:", "Dear". */
function before(text: string, at: number, cues: ProviderCues): boolean {
  const from = Math.max(0, at - 40);
  const window = text.slice(from, at);
  const last = cues.notAuthor.find(window).at(-1);
  return !!last && /^[\s:,.-]*$/.test(window.slice(last.end));
}

function skipSpaces(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
  return at;
}

export interface ParsedName {
  /** "John A. Smith, MD", "Dr. Smith" */
  normal: string;
  title: boolean;
  credentials: string[];
  words: number;
  start: number;
  end: number;
}

const NAME_WORD = /^[A-Z](?:[A-Za-z]*(?:['’-][A-Za-z]+)*)\.?(?=[\s,;:)]|$)/;
const credentialRegexCache = new WeakMap<ProviderCues, RegExp>();

/** A credential as written with or without dots, case as in the list: "M.D." and "MD", not "Md". */
function credentialRegex(cues: ProviderCues): RegExp {
  let re = credentialRegexCache.get(cues);
  if (!re) {
    const alternatives = [...cues.credentials.keys()].sort((a, b) => b.length - a.length).map((c) => [...c].map((ch) => (/[A-Za-z]/.test(ch) ? `${ch}\\.?` : ch.replace(/[/-]/g, '\\$&'))).join(''));
    re = new RegExp(`^(?:${alternatives.join('|')})(?![A-Za-z])`);
    credentialRegexCache.set(cues, re);
  }
  return re;
}

/**
 * A person's name at `at`: an optional title ("Dr."), one to five capitalised words or initials, and
 * credentials ("M.D., Ph.D."), or "SMITH, JOHN A MD" turned round. Stops at a word that is never part
 * of a name ("Patient", "Emergency") and at lower case.
 */
export function parseName(text: string, at: number, limit: number, cues: ProviderCues): ParsedName | null {
  const credential = credentialRegex(cues);
  let i = at;
  const start = at;
  let title = false;
  const t = /^([A-Za-z]+)\.?[ \t]+(?=[A-Z])/.exec(text.slice(i, limit));
  if (t && cues.titles.has((t[1] ?? '').toLowerCase())) {
    title = true;
    i += t[0].length;
  }
  const readWords = (): { words: string[]; end: number } => {
    const words: string[] = [];
    let j = i;
    let end = i;
    while (words.length < 5 && j < limit) {
      const rest = text.slice(j, limit);
      if (credential.test(rest)) break;
      const w = NAME_WORD.exec(rest);
      if (!w || cues.notNameWords.has(w[0].replace(/\.$/, '').toLowerCase())) break;
      words.push(w[0]);
      end = j + w[0].length;
      const sep = /^[ \t]+(?=[A-Z])/.exec(text.slice(end, limit));
      if (!sep) break;
      j = end + sep[0].length;
    }
    return { words, end };
  };
  const first = readWords();
  if (first.words.length === 0) return null;
  let words = first.words;
  i = first.end;
  // "SMITH, JOHN A, MD": a surname in capitals, a comma, given names in capitals
  const comma = /^,[ \t]*(?=[A-Z])/.exec(text.slice(i, limit));
  if (comma && !title && words.length === 1 && /^[A-Z'’-]{2,}$/.test(words[0] ?? '') && !credential.test(text.slice(i + comma[0].length, limit))) {
    const saved = i;
    i += comma[0].length;
    const given = readWords();
    if (given.words.length > 0 && given.words.every((w) => /^[A-Z'’.-]+$/.test(w))) {
      words = [...given.words, ...words];
      i = given.end;
    } else i = saved;
  }
  const credentials: string[] = [];
  for (;;) {
    const sep = /^(?:,[ \t]*|[ \t]+)/.exec(text.slice(i, limit));
    const from = i + (sep?.[0].length ?? 0);
    const c = credential.exec(text.slice(from, limit));
    if (!c) break;
    credentials.push(c[0].replace(/\./g, ''));
    i = from + c[0].length;
  }
  // "Dr. X." at a sentence end: the period is the sentence's
  const last = words.length - 1;
  if (credentials.length === 0 && (words[last] ?? '').endsWith('.') && (words.length === 1 || (words[last] ?? '').length > 2)) {
    words[last] = (words[last] ?? '').slice(0, -1);
    if (i === first.end && i > start) i--;
  }
  const name = words.join(' ');
  const unique = [...new Set(credentials)];
  const normal = unique.length > 0 ? `${name}, ${unique.join(', ')}` : title ? `Dr. ${name}` : name;
  return { normal, title, credentials: unique, words: words.length, start, end: i };
}

export interface ParsedOrg {
  name: string;
  start: number;
  end: number;
}

const ORG_WORD = /^(?:[A-Z0-9][A-Za-z0-9]*(?:['’.&-][A-Za-z0-9]+)*(?:\.|['’])?|&)(?=[\s,;:)]|$)/;
const CONNECTORS = new Set(['of', 'and', 'for', 'the', '&']);

/**
 * An organisation at `at`: capitalised words ending in a facility suffix ("Fresno Orthopedic Medical
 * Group", "ABCD General Hospital" out of "ABCD General Hospital Emergency Department"), with a word of
 * its own before the suffix ("Medical Center", "General Hospital", "DIAGNOSTIC IMAGING" name no
 * place) and none of the words that make it a laboratory, an insurer or a law firm.
 */
export function parseOrg(text: string, at: number, limit: number, cues: ProviderCues): ParsedOrg | null {
  let i = at;
  const the = /^the[ \t]+/i.exec(text.slice(i, limit));
  if (the) i += the[0].length;
  const words: { norm: string; start: number; end: number }[] = [];
  let j = i;
  while (words.length < 10 && j < limit) {
    const rest = text.slice(j, limit);
    const w = ORG_WORD.exec(rest) ?? (words.length > 0 ? /^(?:of|and|for|the)(?=[ \t])/.exec(rest) : null);
    if (!w) break;
    words.push({ norm: w[0].replace(/\.$/, '').toLowerCase(), start: j, end: j + w[0].length });
    const sep = /^[ \t]+/.exec(text.slice(j + w[0].length, limit));
    if (!sep) break;
    j += w[0].length + sep[0].length;
  }
  const suffixWords = new Set(cues.facilitySuffixes.flat());
  for (let k = words.length - 1; k >= 1; k--) {
    for (const suffix of cues.facilitySuffixes) {
      const s0 = k - suffix.length + 1;
      if (s0 < 1 || !suffix.every((w, n) => words[s0 + n]?.norm === w.replace(/\.$/, ''))) continue;
      const head = words.slice(0, s0);
      if (CONNECTORS.has(head[0]?.norm ?? '') || CONNECTORS.has(head.at(-1)?.norm ?? '')) continue;
      // a word of its own: "Fresno" in "Fresno Orthopedic Medical Group"; "Diagnostic Imaging" has none
      if (!head.some((w) => !CONNECTORS.has(w.norm) && !suffixWords.has(w.norm) && !cues.genericWords.has(w.norm))) continue;
      const start = (words[0] as { start: number }).start;
      const lastWord = words[k] as { norm: string; end: number };
      // "... Mercy General Hospital." ends a sentence; "Inc." and "P.C." keep their period
      const end = lastWord.norm.length > 3 && text[lastWord.end - 1] === '.' ? lastWord.end - 1 : lastWord.end;
      const name = text.slice(start, end);
      if (cues.notFacilityWords.find(name).length > 0) return null;
      return { name, start, end };
    }
  }
  return null;
}
