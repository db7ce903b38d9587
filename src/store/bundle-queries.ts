// Bundles and the documents in them while they are processed: created when a bundle is queued,
// advanced by each document job (keyed by the document sha256, so a retried job overwrites its own
// row instead of adding one), read for status and progress.
import type { DocumentResult } from '../model/document-result.js';
import { DocumentErrorSchema } from '../schema.js';
import type { Database, Queryable, Row } from './database.js';
import type { BundleDocument, BundleList, BundleRecord, BundleStatus } from './records.js';
import { iso, isoOrNull } from './sql-helpers.js';

export interface BundleDocumentRef {
  sha256: string;
  name: string;
}

export interface NewBundle {
  id: string;
  name: string;
  /** in bundle order; the same file twice is one document job */
  documents: readonly BundleDocumentRef[];
  /** YYYY-MM-DD the dates are read against */
  referenceDate?: string | null;
}

/** A document as the timeline needs it, saved by its job; result is null when it failed without one. */
export interface StoredDocumentResult {
  sha256: string;
  name: string;
  state: BundleDocument['state'];
  result: Omit<DocumentResult, 'pages'> | null;
  error: string | null;
}

/** Distinct documents with the position each first appears at. */
export function distinctDocuments(documents: readonly BundleDocumentRef[]): (BundleDocumentRef & { ordinal: number })[] {
  const seen = new Set<string>();
  const out: (BundleDocumentRef & { ordinal: number })[] = [];
  documents.forEach((d, ordinal) => {
    if (seen.has(d.sha256)) return;
    seen.add(d.sha256);
    out.push({ ...d, ordinal });
  });
  return out;
}

/** Records a queued bundle and its documents. Idempotent: an existing bundle is left as it is. */
export async function createBundle(db: Database, bundle: NewBundle): Promise<BundleRecord> {
  const docs = distinctDocuments(bundle.documents);
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into bundles (id, name, status, documents_total, reference_date) values ($1, $2, 'queued', $3, $4)
       on conflict (id) do nothing`,
      [bundle.id, bundle.name, docs.length, bundle.referenceDate ?? null],
    );
    for (const d of docs) {
      await tx.query(
        `insert into document_results (bundle_id, sha256, ordinal, name, state) values ($1, $2, $3, $4, 'queued')
         on conflict (bundle_id, sha256) do nothing`,
        [bundle.id, d.sha256, d.ordinal, d.name],
      );
    }
  });
  const created = await getBundle(db, bundle.id);
  if (!created) throw new Error(`bundle ${bundle.id} vanished while it was created`);
  return created;
}

export interface DocumentStart {
  bundleId: string;
  bundleName: string;
  documentsTotal: number;
  referenceDate: string | null;
  sha256: string;
  name: string;
  ordinal: number;
}

/** A document job starts: the bundle exists (created here when it was queued without a store) and is processing. */
export async function beginDocument(db: Database, d: DocumentStart): Promise<void> {
  // one statement, so one round trip and still atomic (a document job runs this per document)
  await db.query(
    `with b as (
       insert into bundles (id, name, status, documents_total, reference_date) values ($1, $2, 'processing', $3, $4)
       on conflict (id) do update set status = 'processing', documents_total = excluded.documents_total, updated_at = now()
       returning id)
     insert into document_results (bundle_id, sha256, ordinal, name, state) select b.id, $5, $6, $7, 'processing' from b
     on conflict (bundle_id, sha256) do update set state = 'processing', ordinal = excluded.ordinal, name = excluded.name, updated_at = now()`,
    [d.bundleId, d.bundleName, d.documentsTotal, d.referenceDate, d.sha256, d.ordinal, d.name],
  );
}

/** Saves what the pipeline read from one document (upsert: a retry after a crash replaces it). */
export async function saveDocumentResult(db: Database, bundleId: string, result: DocumentResult): Promise<void> {
  const { pages, ...rest } = result;
  // the result and its pages in one statement (atomic, one round trip); the pages only when the
  // document was started, which the count tells
  const rows = await db.query<{ updated: number }>(
    `with u as (
       update document_results set state = 'done', result = $3, error = null, updated_at = now()
       where bundle_id = $1 and sha256 = $2 returning sha256),
     p as (
       insert into pages (sha256, num, document_id, text)
       select $2, x.num, $4, x.text from unnest($5::integer[], $6::text[]) as x(num, text) where exists (select 1 from u)
       on conflict (sha256, num) do update set text = excluded.text, document_id = excluded.document_id)
     select count(*)::integer as updated from u`,
    [bundleId, result.info.sha256, JSON.stringify(rest), result.info.id, pages.map((p) => p.num), pages.map((p) => p.text)],
  );
  if (!rows[0]?.updated) throw new Error(`document ${result.info.sha256} of bundle ${bundleId} was not started (beginDocument first)`);
  await refreshProgress(db, bundleId);
}

/** A document job gave up: the reason is kept (any result it saved first stays, e.g. a corrupt file's error). */
export async function recordDocumentFailure(db: Database, bundleId: string, sha256: string, message: string): Promise<void> {
  await db.query(`update document_results set state = 'failed', error = $3, updated_at = now() where bundle_id = $1 and sha256 = $2`, [bundleId, sha256, message]);
  await refreshProgress(db, bundleId);
}

export async function loadDocumentResults(q: Queryable, bundleId: string): Promise<Map<string, StoredDocumentResult>> {
  const rows = await q.query<{ sha256: string; name: string; state: BundleDocument['state']; result: Omit<DocumentResult, 'pages'> | null; error: string | null }>(
    'select sha256, name, state, result, error from document_results where bundle_id = $1',
    [bundleId],
  );
  return new Map(rows.map((r) => [r.sha256, { sha256: r.sha256, name: r.name, state: r.state, result: r.result, error: r.error }]));
}

export async function listBundleDocuments(q: Queryable, bundleId: string): Promise<BundleDocument[]> {
  const rows = await q.query('select * from document_results where bundle_id = $1 order by ordinal', [bundleId]);
  return rows.map((r) => {
    const result = r.result as Omit<DocumentResult, 'pages'> | null;
    return {
      bundleId: String(r.bundle_id),
      ordinal: Number(r.ordinal),
      documentId: String(r.sha256).slice(0, 16),
      sha256: String(r.sha256),
      name: String(r.name),
      state: r.state as BundleDocument['state'],
      pages: result ? result.info.pages : null,
      errors: result ? DocumentErrorSchema.array().parse(result.info.errors) : [],
      error: (r.error as string | null) ?? null,
      updatedAt: iso(r.updated_at),
    };
  });
}

/** documents_done and progress from the rows themselves, so two jobs finishing at once cannot lose a count. */
async function refreshProgress(q: Queryable, bundleId: string): Promise<void> {
  await q.query(
    `update bundles b set
       documents_done = c.done,
       progress = least(95, (c.done * 95) / greatest(b.documents_total, 1)),
       updated_at = now()
     from (select count(*) filter (where state in ('done', 'failed'))::integer as done from document_results where bundle_id = $1) c
     where b.id = $1 and b.status <> 'completed'`,
    [bundleId],
  );
}

/** A note on a bundle still running, shown as its `error` until its timeline is written (which clears it). */
export async function noteBundle(q: Queryable, bundleId: string, message: string): Promise<void> {
  await q.query(`update bundles set error = $2, updated_at = now() where id = $1`, [bundleId, message]);
}

export async function markBundleFailed(q: Queryable, bundleId: string, message: string): Promise<void> {
  await q.query(`update bundles set status = 'failed', error = $2, updated_at = now() where id = $1`, [bundleId, message]);
}

export async function getBundle(q: Queryable, id: string): Promise<BundleRecord | null> {
  const rows = await q.query('select * from bundles where id = $1', [id]);
  return rows[0] ? bundleFromRow(rows[0]) : null;
}

export interface BundleListOptions {
  status?: BundleStatus;
  limit?: number;
  offset?: number;
}

/** Newest first. */
export async function listBundles(q: Queryable, options: BundleListOptions = {}): Promise<BundleList> {
  const params: unknown[] = [];
  const where = options.status ? `where status = $${params.push(options.status)}` : '';
  const total = Number((await q.query<{ n: number }>(`select count(*) as n from bundles ${where}`, params))[0]?.n ?? 0);
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 1000);
  const rows = await q.query(`select * from bundles ${where} order by created_at desc, id limit $${params.push(limit)} offset $${params.push(Math.max(options.offset ?? 0, 0))}`, params);
  return { items: rows.map(bundleFromRow), total };
}

function bundleFromRow(r: Row): BundleRecord {
  return {
    id: String(r.id),
    name: String(r.name),
    status: r.status as BundleStatus,
    documentsTotal: Number(r.documents_total),
    documentsDone: Number(r.documents_done),
    documentsUnreadable: Number(r.documents_unreadable ?? 0),
    progress: Number(r.progress),
    referenceDate: (r.reference_date as string | null) ?? null,
    error: (r.error as string | null) ?? null,
    hasTimeline: r.timeline_at !== null && r.timeline_at !== undefined,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    completedAt: isoOrNull(r.completed_at),
  };
}
