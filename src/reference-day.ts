// The reference day ("today" for two-digit years and future dates) travels as YYYY-MM-DD in the CLI's
// --reference-date and in job payloads; the pipeline reads against its noon, UTC, so the day is the
// same in every time zone.
export function referenceDay(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/**
 * A real calendar day written YYYY-MM-DD: "2016-02-29" yes, "2016-02-31" and "2016-13-45" no
 * (Date.parse rolls 2016-02-31 over to March 2 instead of refusing it).
 */
export function isCalendarDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** YYYY, YYYY-MM (a real month) or YYYY-MM-DD (a real day) */
export function isCalendarPartialDate(value: string): boolean {
  if (/^\d{4}$/.test(value)) return true;
  const m = /^\d{4}-(\d{2})$/.exec(value);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12;
  return isCalendarDay(value);
}
