// Small helpers shared by the query files.
import type { Queryable } from './database.js';

/** timestamptz → ISO string (both engines hand back a Date) */
export function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

/** A multi-row INSERT in chunks, so a 5,000-event timeline is a few statements, not 5,000. */
export async function insertRows(q: Queryable, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], suffix = ''): Promise<void> {
  const perStatement = Math.max(1, Math.floor(2000 / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const params: unknown[] = [];
    const values = rows
      .slice(i, i + perStatement)
      .map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`)
      .join(', ');
    await q.query(`insert into ${table} (${columns.join(', ')}) values ${values} ${suffix}`, params);
  }
}

/** A partial date's first and last day as sortable text: '2014-06' → '2014-06-01' … '2014-06-31'. */
export function dateRange(date: string | null): { start: string | null; end: string | null } {
  if (!date) return { start: null, end: null };
  if (date.length === 4) return { start: `${date}-01-01`, end: `${date}-12-31` };
  if (date.length === 7) return { start: `${date}-01`, end: `${date}-31` };
  return { start: date, end: date };
}
