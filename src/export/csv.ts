// One CSV field (RFC 4180): quoted when it holds a comma, quote, line break or edge space; text a
// spreadsheet would run as a formula (=, +, -, @ at the start) is prefixed with '.
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}
