// A bundle's timeline: written whole in one transaction (a reader sees the previous timeline or the
// new one, never half of either), read back as exactly the JSON `chartline process` prints — the
// same documents, events and flags in the same order, each object's keys as written.
import { createHash } from 'node:crypto';
import type { PageText } from '../model/document-result.js';
import type { Timeline } from '../schema.js';
import type { Database, Queryable } from './database.js';
import { countUnreadable, unreadableReason } from './document-health.js';
import type { PageRecord } from './records.js';
import { dateRange, insertRows } from './sql-helpers.js';

export interface TimelineToSave {
  bundleId: string;
  timeline: Timeline;
  /** YYYY-MM-DD the dates were read against */
  referenceDate?: string | null;
}

/** The stable id of a flag across the store, e.g. "fl_3f0c…" for flag "F3" of bundle "lumbar-2014". */
export function flagKey(bundleId: string, flagId: string): string {
  return `fl_${createHash('sha256').update(`${bundleId}\n${flagId}`).digest('hex').slice(0, 24)}`;
}

export async function saveTimeline(db: Database, input: TimelineToSave): Promise<void> {
  const { bundleId, timeline } = input;
  const distinct = new Set(timeline.documents.map((d) => d.sha256)).size;
  // distinct files, as documents_total counts them
  const byFile = [...new Map(timeline.documents.map((d) => [d.sha256, d])).values()];
  const unreadable = countUnreadable(byFile);
  // a bundle of which nothing could be read is failed, not "completed 100%": its timeline (the
  // documents and their errors) is still kept for the reader to see why
  const failed = byFile.length > 0 && unreadable === byFile.length;
  const error = failed
    ? `none of the ${byFile.length} document${byFile.length === 1 ? '' : 's'} could be read: ${unreadableReason(byFile[0] as (typeof byFile)[number])}${byFile.length > 1 ? ' (and the others: see the documents)' : ''}`
    : null;
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into bundles (id, name, status, documents_total, documents_done, documents_unreadable, progress, reference_date, error, completed_at, timeline_at)
       values ($1, $2, $5, $3, $3, $6, 100, $4, $7, now(), now())
       on conflict (id) do update set name = excluded.name, status = excluded.status, documents_total = excluded.documents_total,
         documents_done = excluded.documents_done, documents_unreadable = excluded.documents_unreadable, progress = 100,
         reference_date = coalesce(excluded.reference_date, bundles.reference_date),
         error = excluded.error, updated_at = now(), completed_at = now(), timeline_at = now()`,
      [bundleId, timeline.bundle, distinct, input.referenceDate ?? null, failed ? 'failed' : 'completed', unreadable, error],
    );
    await tx.query('delete from documents where bundle_id = $1', [bundleId]);
    await insertRows(
      tx,
      'documents',
      ['bundle_id', 'ordinal', 'document_id', 'sha256', 'name', 'pages', 'errors', 'info'],
      timeline.documents.map((d, i) => [bundleId, i, d.id, d.sha256, d.name, d.pages, JSON.stringify(d.errors), JSON.stringify(d)]),
    );
    await tx.query('delete from events where bundle_id = $1', [bundleId]);
    await insertRows(
      tx,
      'events',
      ['bundle_id', 'ordinal', 'event_id', 'type', 'date', 'document_id', 'page', 'data'],
      timeline.events.map((e, i) => [bundleId, i, e.id, e.type, e.date, e.source.document, e.source.page, JSON.stringify(e)]),
    );
    // Flags are upserted, not replaced: a reprocessed bundle keeps each flag's status and reviews.
    const seen = new Map<string, number>();
    const flagRows = timeline.flags.map((f, i) => {
      const n = (seen.get(f.id) ?? 0) + 1;
      seen.set(f.id, n);
      // two flags with one id (a check's bug) must still both be kept and read back
      const flagId = n === 1 ? f.id : `${f.id}#${n}`;
      const { start, end } = dateRange(f.date);
      return [flagKey(bundleId, flagId), bundleId, flagId, i, f.kind, f.severity, f.date, start, end, JSON.stringify(f)];
    });
    await insertRows(
      tx,
      'flags',
      ['id', 'bundle_id', 'flag_id', 'ordinal', 'kind', 'severity', 'date', 'date_start', 'date_end', 'data'],
      flagRows,
      `on conflict (id) do update set ordinal = excluded.ordinal, kind = excluded.kind, severity = excluded.severity, date = excluded.date,
         date_start = excluded.date_start, date_end = excluded.date_end, data = excluded.data, updated_at = now()`,
    );
    await tx.query('delete from flags where bundle_id = $1 and not (id = any($2::text[]))', [bundleId, flagRows.map((r) => r[0])]);
  });
}

/** The last complete timeline of a bundle, or null when there is none (unknown, or not finished yet). */
export async function getTimeline(q: Queryable, bundleId: string): Promise<Timeline | null> {
  // one statement, so one snapshot: a timeline being rewritten meanwhile is not mixed in
  const rows = await q.query<{ name: string; documents: Timeline['documents'] | null; events: Timeline['events'] | null; flags: Timeline['flags'] | null }>(
    `select b.name,
       (select json_agg(d.info order by d.ordinal) from documents d where d.bundle_id = b.id) as documents,
       (select json_agg(e.data order by e.ordinal) from events e where e.bundle_id = b.id) as events,
       (select json_agg(f.data order by f.ordinal) from flags f where f.bundle_id = b.id) as flags
     from bundles b where b.id = $1 and b.timeline_at is not null`,
    [bundleId],
  );
  const r = rows[0];
  if (!r) return null;
  return { bundle: r.name, documents: r.documents ?? [], events: r.events ?? [], flags: r.flags ?? [] };
}

/** One source page by document id (the sha256 prefix sources carry) or full sha256, and 1-based number. */
export async function getPage(q: Queryable, document: string, num: number): Promise<PageRecord | null> {
  const rows = await q.query<{ sha256: string; document_id: string; num: number; text: string; page_count: number }>(
    `select p.sha256, p.document_id, p.num, p.text, (select count(*) from pages c where c.sha256 = p.sha256) as page_count
     from pages p where (p.document_id = $1 or p.sha256 = $1) and p.num = $2 limit 1`,
    [document, num],
  );
  const r = rows[0];
  return r ? { documentId: r.document_id, sha256: r.sha256, num: Number(r.num), pageCount: Number(r.page_count), text: r.text } : null;
}

export interface StoredDocumentRef {
  documentId: string;
  sha256: string;
  /** its name in the bundle asked about (else in any bundle that has it); null when only its pages are known */
  name: string | null;
  pages: number;
}

/** A document by its id (sha256 prefix) or full sha256, with its name in `bundleId` when given. */
export async function findDocument(q: Queryable, document: string, bundleId?: string): Promise<StoredDocumentRef | null> {
  const rows = await q.query<{ document_id: string; sha256: string; name: string | null; pages: number }>(
    `select d.document_id, d.sha256, d.name, d.pages from documents d
     where (d.document_id = $1 or d.sha256 = $1) order by (d.bundle_id = $2) desc, d.ordinal limit 1`,
    [document, bundleId ?? ''],
  );
  if (rows[0]) return { documentId: rows[0].document_id, sha256: rows[0].sha256, name: rows[0].name, pages: Number(rows[0].pages) };
  // a document being processed, or whose timeline is not written yet
  const results = await q.query<{ sha256: string; name: string }>(`select sha256, name from document_results where (sha256 = $1 or left(sha256, 16) = $1) order by (bundle_id = $2) desc limit 1`, [
    document,
    bundleId ?? '',
  ]);
  if (!results[0]) return null;
  return { documentId: results[0].sha256.slice(0, 16), sha256: results[0].sha256, name: results[0].name, pages: 0 };
}

export interface TextHit {
  documentId: string;
  sha256: string;
  page: number;
  /** where the match starts and ends in the page text */
  start: number;
  end: number;
  /** the text around it */
  before: string;
  match: string;
  after: string;
}

/**
 * Pages of a bundle's documents whose text contains `text` (case-insensitive), first match per page, in
 * document and page order; at most `limit`.
 */
export async function searchBundleText(q: Queryable, bundleId: string, text: string, limit = 100): Promise<{ hits: TextHit[]; pages: number }> {
  const needle = text.trim();
  if (!needle) return { hits: [], pages: 0 };
  const rows = await q.query<{ document_id: string; sha256: string; num: number; text: string; total: number }>(
    `with d as (select distinct on (sha256) sha256, document_id, ordinal from documents where bundle_id = $1 order by sha256, ordinal)
     select p.document_id, p.sha256, p.num, p.text, count(*) over () as total
     from pages p join d on d.sha256 = p.sha256
     where strpos(lower(p.text), lower($2)) > 0
     order by d.ordinal, p.num limit $3`,
    [bundleId, needle, limit],
  );
  const lower = needle.toLowerCase();
  const hits = rows.map((r) => {
    const at = r.text.toLowerCase().indexOf(lower);
    const start = Math.max(0, at);
    const end = start + needle.length;
    const from = Math.max(0, start - 80);
    const to = Math.min(r.text.length, end + 80);
    return {
      documentId: r.document_id,
      sha256: r.sha256,
      page: Number(r.num),
      start,
      end,
      before: `${from > 0 ? '…' : ''}${r.text.slice(from, start)}`.replace(/\s+/g, ' '),
      match: r.text.slice(start, end),
      after: `${r.text.slice(end, to)}${to < r.text.length ? '…' : ''}`.replace(/\s+/g, ' '),
    };
  });
  return { hits, pages: Number(rows[0]?.total ?? 0) };
}

/** Every page text of a bundle's documents, in document and page order (for reading case facts). */
export async function bundlePageTexts(q: Queryable, bundleId: string): Promise<string[]> {
  const rows = await q.query<{ text: string }>(
    `with d as (select distinct on (sha256) sha256, ordinal from documents where bundle_id = $1 order by sha256, ordinal)
     select p.text from pages p join d on d.sha256 = p.sha256 order by d.ordinal, p.num`,
    [bundleId],
  );
  return rows.map((r) => r.text);
}

/** Every stored page of one file (by sha256), in page order: one query for what getPage reads one by one. */
export async function getPageTexts(q: Queryable, sha256: string): Promise<PageText[]> {
  const rows = await q.query<{ num: number; text: string }>('select num, text from pages where sha256 = $1 order by num', [sha256]);
  return rows.map((r) => ({ num: Number(r.num), text: r.text }));
}
