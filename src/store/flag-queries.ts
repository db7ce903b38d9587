// Flags across bundles for the analyst's work queue, and the review trail behind each one. A review
// is appended and the flag's status follows the newest decision, in one transaction.
import type { Flag } from '../schema.js';
import type { Database, Queryable, Row } from './database.js';
import { NotFoundError } from './store-errors.js';
import { FlagFilterSchema, STATUS_AFTER, type FlagFilter, type FlagPage, type FlagRecord, type FlagReview, type FlagStatus, type ReviewDecision } from './records.js';
import { dateRange, iso } from './sql-helpers.js';

type Facet = 'kind' | 'status';

function whereClause(f: ReturnType<typeof FlagFilterSchema.parse>, params: unknown[], omit?: Facet): string {
  const c: string[] = [];
  if (f.kind?.length && omit !== 'kind') c.push(`f.kind = any($${params.push(f.kind)}::text[])`);
  if (f.status?.length && omit !== 'status') c.push(`f.status = any($${params.push(f.status)}::text[])`);
  if (f.severity?.length) c.push(`f.severity = any($${params.push(f.severity)}::text[])`);
  if (f.bundleId) c.push(`f.bundle_id = $${params.push(f.bundleId)}`);
  // overlap: a flag dated "2014-06" matches a range starting 2014-06-15
  if (f.dateFrom) c.push(`f.date_end >= $${params.push(dateRange(f.dateFrom).start)}`);
  if (f.dateTo) c.push(`f.date_start <= $${params.push(dateRange(f.dateTo).end)}`);
  return c.length ? `where ${c.join(' and ')}` : '';
}

const SELECT_FLAG = `select f.id, f.bundle_id, b.name as bundle_name, f.status, f.data, f.created_at, f.updated_at,
    (select count(*) from flag_reviews r where r.flag_id = f.id) as reviews
  from flags f join bundles b on b.id = f.bundle_id`;

/** Most severe first, then newest date, then bundle order. */
export async function listFlags(q: Queryable, filter: FlagFilter = {}): Promise<FlagPage> {
  const f = FlagFilterSchema.parse(filter);
  const params: unknown[] = [];
  const where = whereClause(f, params);
  const total = Number((await q.query<{ n: number }>(`select count(*) as n from flags f ${where}`, params))[0]?.n ?? 0);
  const rows = await q.query(
    `${SELECT_FLAG} ${where}
     order by case f.severity when 'high' then 0 when 'medium' then 1 else 2 end, f.date_start desc nulls last, f.bundle_id, f.ordinal
     limit $${params.push(f.limit)} offset $${params.push(f.offset)}`,
    params,
  );
  return { items: rows.map(flagFromRow), total, counts: { byKind: await countBy(q, f, 'kind'), byStatus: await countBy(q, f, 'status') } };
}

async function countBy(q: Queryable, f: ReturnType<typeof FlagFilterSchema.parse>, facet: Facet): Promise<Record<string, number>> {
  const params: unknown[] = [];
  const rows = await q.query<{ k: string; n: number }>(`select f.${facet} as k, count(*) as n from flags f ${whereClause(f, params, facet)} group by f.${facet}`, params);
  return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
}

export async function getFlag(q: Queryable, id: string): Promise<FlagRecord | null> {
  const rows = await q.query(`${SELECT_FLAG} where f.id = $1`, [id]);
  return rows[0] ? flagFromRow(rows[0]) : null;
}

export interface NewFlagReview {
  flagId: string;
  decision: ReviewDecision;
  note?: string;
  /** who decided: the token's name, or a person's name */
  reviewer: string;
  tokenId?: string | null;
}

/** Appends a review and moves the flag to the status it decides; NotFoundError for an unknown flag. */
export async function addFlagReview(db: Database, review: NewFlagReview): Promise<FlagReview> {
  return db.transaction(async (tx) => {
    const flag = await tx.query<{ bundle_id: string }>('select bundle_id from flags where id = $1 for update', [review.flagId]);
    if (!flag[0]) throw new NotFoundError(`no flag ${review.flagId}`);
    const rows = await tx.query(`insert into flag_reviews (flag_id, bundle_id, decision, note, reviewer, token_id) values ($1, $2, $3, $4, $5, $6) returning *`, [
      review.flagId,
      flag[0].bundle_id,
      review.decision,
      review.note ?? '',
      review.reviewer,
      review.tokenId ?? null,
    ]);
    await tx.query('update flags set status = $2, updated_at = now() where id = $1', [review.flagId, STATUS_AFTER[review.decision]]);
    return reviewFromRow(rows[0] as Row);
  });
}

/** Oldest first. */
export async function listFlagReviews(q: Queryable, flagId: string): Promise<FlagReview[]> {
  return (await q.query('select * from flag_reviews where flag_id = $1 order by id', [flagId])).map(reviewFromRow);
}

function flagFromRow(r: Row): FlagRecord {
  return {
    id: String(r.id),
    bundleId: String(r.bundle_id),
    bundleName: String(r.bundle_name),
    status: r.status as FlagStatus,
    reviews: Number(r.reviews),
    flag: r.data as Flag,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

function reviewFromRow(r: Row): FlagReview {
  return {
    id: Number(r.id),
    flagId: String(r.flag_id),
    bundleId: String(r.bundle_id),
    decision: r.decision as ReviewDecision,
    note: String(r.note),
    reviewer: String(r.reviewer),
    tokenId: (r.token_id as string | null) ?? null,
    createdAt: iso(r.created_at),
  };
}

/** Every review of a bundle's flags, oldest first (for exports: the notes beside each flag). */
export async function listBundleReviews(q: Queryable, bundleId: string): Promise<FlagReview[]> {
  return (await q.query('select * from flag_reviews where bundle_id = $1 order by id', [bundleId])).map(reviewFromRow);
}

/** The ids of the flags a filter matches, in the queue's order (for next and previous). */
export async function listFlagIds(q: Queryable, filter: FlagFilter = {}): Promise<string[]> {
  const f = FlagFilterSchema.parse({ ...filter, limit: 10_000, offset: 0 });
  const params: unknown[] = [];
  const where = whereClause(f, params);
  const rows = await q.query<{ id: string }>(
    `select f.id from flags f ${where}
     order by case f.severity when 'high' then 0 when 'medium' then 1 else 2 end, f.date_start desc nulls last, f.bundle_id, f.ordinal
     limit 10000`,
    params,
  );
  return rows.map((r) => r.id);
}

/** One decision on several flags, in one transaction: all are recorded or none. NotFoundError names the first unknown flag. */
export async function addFlagReviews(db: Database, ids: readonly string[], review: Omit<NewFlagReview, 'flagId'>): Promise<FlagReview[]> {
  return db.transaction(async (tx) => {
    const found = await tx.query<{ id: string; bundle_id: string }>('select id, bundle_id from flags where id = any($1::text[]) for update', [[...ids]]);
    const bundleOf = new Map(found.map((r) => [r.id, r.bundle_id]));
    const missing = ids.find((id) => !bundleOf.has(id));
    if (missing) throw new NotFoundError(`no flag ${missing}`);
    const out: FlagReview[] = [];
    for (const id of new Set(ids)) {
      const rows = await tx.query(`insert into flag_reviews (flag_id, bundle_id, decision, note, reviewer, token_id) values ($1, $2, $3, $4, $5, $6) returning *`, [
        id,
        bundleOf.get(id),
        review.decision,
        review.note ?? '',
        review.reviewer,
        review.tokenId ?? null,
      ]);
      out.push(reviewFromRow(rows[0] as Row));
    }
    await tx.query('update flags set status = $2, updated_at = now() where id = any($1::text[])', [[...ids], STATUS_AFTER[review.decision]]);
    return out;
  });
}

/** File names of the documents of these bundles, keyed "<bundle>|<document id>" (for exports that cite pages). */
export async function documentNames(q: Queryable, bundleIds: readonly string[]): Promise<Map<string, string>> {
  if (bundleIds.length === 0) return new Map();
  const rows = await q.query<{ bundle_id: string; document_id: string; name: string }>('select bundle_id, document_id, name from documents where bundle_id = any($1::text[]) order by ordinal', [
    [...new Set(bundleIds)],
  ]);
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(`${r.bundle_id}|${r.document_id}`)) out.set(`${r.bundle_id}|${r.document_id}`, r.name);
  return out;
}
