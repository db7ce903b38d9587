// The reference day ("today" for two-digit years and future dates) travels as YYYY-MM-DD in the CLI's
// --reference-date and in job payloads; the pipeline reads against its noon, UTC, so the day is the
// same in every time zone.
export function referenceDay(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}
