// Words a regular expression cannot match without: a cheap test run before the expression itself.
// The exam vocabulary has dozens of expressions run on every sentence, most of which contain no
// exam finding; "\b(?:[a-z]+\s+){1,3}(?:was|were)\s+noted\s+to\s+be\s+positive\b" cannot match a
// sentence without "positive", and checking that with includes() is far cheaper than letting the
// expression try every word start. The analysis is conservative: when unsure it requires nothing.

/**
 * Sets of words, one of which (lowercase) every match contains; the most selective set first.
 * Empty when the expression has no such word (an alternation at the top, only classes, ...).
 */
export function requiredLiterals(source: string): string[][] {
  const sets: string[][] = [];
  let word = '';
  const flush = () => {
    if (word.length >= 2) sets.push([word.toLowerCase()]);
    word = '';
  };
  const quantifierAt = (j: number) => j < source.length && /[?*+{]/.test(source[j] as string);
  for (let i = 0; i < source.length; ) {
    const c = source[i] as string;
    if (c === '|') return []; // an alternation at the top: nothing is required of every match
    if (c === '\\') {
      flush();
      const next = source[i + 1] ?? '';
      // \b, \s, \d, \., \( … : never part of a word here; \u{…} and \x.. escapes are skipped whole
      i += next === 'u' && source[i + 2] === '{' ? source.indexOf('}', i) + 1 - i : next === 'x' ? 4 : next === 'u' ? 6 : 2;
      if (quantifierAt(i)) i = skipQuantifier(source, i);
      continue;
    }
    if (c === '[') {
      flush();
      i = skipClass(source, i);
      if (quantifierAt(i)) i = skipQuantifier(source, i);
      continue;
    }
    if (c === '(') {
      flush();
      const end = skipGroup(source, i);
      if (end < 0) return [];
      const body = source.slice(i, end);
      const optional = quantifierAt(end) && !/^\{[1-9]/.test(source.slice(end)) && source[end] !== '+';
      i = quantifierAt(end) ? skipQuantifier(source, end) : end;
      // "(?:was|were)" that must occur: one of its words is required
      const alternatives = /^\((?:\?:)?([a-z]+(?:\|[a-z]+)*)\)$/i.exec(body)?.[1];
      if (alternatives && !optional) sets.push(alternatives.split('|').map((w) => w.toLowerCase()));
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      if (quantifierAt(i + 1)) {
        // "tests?": the last letter is optional, the word before it is not
        flush();
        i = skipQuantifier(source, i + 1);
        continue;
      }
      word += c;
      i++;
      continue;
    }
    // a space, a digit, punctuation: ends the word (a quantified one is optional anyway)
    flush();
    i++;
    if (quantifierAt(i)) i = skipQuantifier(source, i);
  }
  flush();
  // the set whose shortest word is longest rules out the most sentences
  return sets.sort((a, b) => Math.min(...b.map((w) => w.length)) - Math.min(...a.map((w) => w.length)));
}

function skipClass(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === '^') j++;
  if (source[j] === ']') j++;
  while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** The index after the group opening at i, or -1 when it does not close. */
function skipGroup(source: string, i: number): number {
  let depth = 0;
  for (let j = i; j < source.length; j++) {
    const c = source[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '[') {
      j = skipClass(source, j) - 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return -1;
}

function skipQuantifier(source: string, i: number): number {
  let j = i;
  if (source[j] === '{') j = source.indexOf('}', j) + 1;
  else j++;
  if (source[j] === '?') j++; // lazy
  return j;
}

/**
 * True when the text (lowercase) may hold a match. Only the most selective set is tested: the
 * others rarely rule out what it let through, and each test is a scan of the text.
 */
export function mayMatch(required: readonly (readonly string[])[], lowerText: string): boolean {
  const set = required[0];
  if (!set) return true;
  for (const w of set) if (lowerText.includes(w)) return true;
  return false;
}
