// A source quote on its page: source.start/end are offsets into the page's clean text; a quote that
// runs past the end of the page continues on the next one (pages are joined by one newline).
export interface PageHighlight {
  before: string;
  quote: string;
  after: string;
  /** characters of the quote on the following page (0 when it ends on this one) */
  continues: number;
}

export function highlightOnPage(text: string, start: number, end: number): PageHighlight {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return { before: text.slice(0, s), quote: text.slice(s, e), after: text.slice(e), continues: Math.max(0, end - text.length - 1) };
}

/** the part of a quote carried over onto the next page */
export function highlightContinuation(nextText: string, continues: number): PageHighlight {
  const e = Math.min(continues, nextText.length);
  return { before: '', quote: nextText.slice(0, e), after: nextText.slice(e), continues: Math.max(0, continues - nextText.length - 1) };
}
