// What part of a record a statement sits in (patterns/sections.json categories), as the model records
// it on every event (`sectionCategory`). Extraction decides the category; checks read it.

/** Section categories written by the reviewer about the request, not by the treating providers. */
export const REVIEW_CATEGORIES: ReadonlySet<string> = new Set(['issues', 'rationale', 'guideline', 'boilerplate']);

export function isReviewCategory(category: string | null | undefined): boolean {
  return category !== null && category !== undefined && REVIEW_CATEGORIES.has(category);
}
