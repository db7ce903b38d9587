// Calendar arithmetic on the model's ISO dates ("2014-08-25"), shared by extraction and the checks.

/** Whole days from a to b (both YYYY-MM-DD); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
