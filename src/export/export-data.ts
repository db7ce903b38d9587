// Everything an export of one bundle says, gathered once from the store: the bundle, its chronology
// (filtered as asked), its flags with their review status and every reviewer's note, and the case
// facts for the header. Every exporter (exporters.ts) writes from this.
import type { Flag, Timeline } from '../schema.js';
import type { BundleRecord, FlagRecord, FlagReview } from '../store/records.js';
import type { Store } from '../store/store.js';
import { buildChronology, type Chronology, type ChronologyRow } from './chronology.js';
import { describeFilter, filterRows, isFiltered, type ChronologyFilter } from './chronology-filter.js';
import { readCaseFacts, type CaseFacts } from './case-facts.js';

export interface ExportFlag {
  record: FlagRecord;
  flag: Flag;
  reviews: FlagReview[];
  /** ids of the chronology rows it concerns */
  rowIds: string[];
}

export interface ExportData {
  bundle: BundleRecord;
  timeline: Timeline;
  chronology: Chronology;
  /** the rows asked for (all of them when unfiltered), in date order */
  rows: ChronologyRow[];
  filter: ChronologyFilter;
  /** "" when unfiltered */
  filterText: string;
  flags: ExportFlag[];
  facts: CaseFacts;
  documentNames: Map<string, string>;
  /** ISO time of the export */
  generatedAt: string;
  generatedBy: string | null;
}

export class ExportUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportUnavailableError';
  }
}

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

/**
 * The timeline, its chronology and the case facts change only when a bundle is processed again, and
 * building them for a 500-page bundle takes most of a second: the last few are kept, keyed by the
 * bundle and the time its timeline was written. Flags and reviews change all the time: never kept.
 */
interface Prepared {
  timeline: Timeline;
  chronology: Chronology;
  facts: CaseFacts;
}
const prepared = new Map<string, Prepared>();
const PREPARED_MAX = 4;

async function prepare(store: Store, bundle: BundleRecord): Promise<Prepared> {
  const key = `${store.location}|${bundle.id}|${bundle.completedAt ?? ''}|${bundle.updatedAt}`;
  const hit = prepared.get(key);
  if (hit) {
    prepared.delete(key);
    prepared.set(key, hit);
    return hit;
  }
  const timeline = await store.getTimeline(bundle.id);
  if (!timeline) throw new ExportUnavailableError(`bundle ${bundle.id} has no timeline yet (${bundle.status}, ${bundle.progress}%)`);
  const texts = await store.bundlePageTexts(bundle.id);
  const p = { timeline, chronology: buildChronology(timeline), facts: readCaseFacts(timeline, texts) };
  prepared.set(key, p);
  while (prepared.size > PREPARED_MAX) prepared.delete(prepared.keys().next().value as string);
  return p;
}

/** the bundle's timeline as last prepared (kept), or null when it has none */
export async function preparedTimeline(store: Store, bundleId: string): Promise<Timeline | null> {
  const bundle = await store.getBundle(bundleId);
  if (!bundle?.hasTimeline) return null;
  try {
    return (await prepare(store, bundle)).timeline;
  } catch (err) {
    if (err instanceof ExportUnavailableError) return null;
    throw err;
  }
}

/** null when there is no such bundle; ExportUnavailableError when it has no timeline yet */
export async function loadExportData(store: Store, bundleId: string, options: { filter?: ChronologyFilter; generatedBy?: string | null; now?: Date } = {}): Promise<ExportData | null> {
  const bundle = await store.getBundle(bundleId);
  if (!bundle) return null;
  const { timeline, chronology, facts } = await prepare(store, bundle);
  const [records, reviews] = await Promise.all([store.listFlags({ bundleId, limit: 10_000 }), store.listBundleReviews(bundleId)]);
  const filter = options.filter ?? {};
  const openIds = new Set(records.items.filter((r) => r.status === 'open' || r.status === 'needs-info').map((r) => r.flag.id));
  const rows = isFiltered(filter) ? filterRows(chronology.rows, filter, openIds) : chronology.rows;
  const rowsOfFlag = new Map<string, string[]>();
  for (const r of chronology.rows) for (const id of r.flagIds) (rowsOfFlag.get(id) ?? rowsOfFlag.set(id, []).get(id))?.push(r.id);
  const reviewsOf = new Map<string, FlagReview[]>();
  for (const v of reviews) (reviewsOf.get(v.flagId) ?? reviewsOf.set(v.flagId, []).get(v.flagId))?.push(v);
  // a filtered export carries the flags of its rows; an unfiltered one every flag
  const shown = new Set(rows.map((r) => r.id));
  const flags = records.items
    .map((record) => ({ record, flag: record.flag, reviews: reviewsOf.get(record.id) ?? [], rowIds: rowsOfFlag.get(record.flag.id) ?? [] }))
    .filter((f) => !isFiltered(filter) || f.rowIds.some((id) => shown.has(id)))
    .sort((a, b) => SEVERITY_RANK[a.flag.severity] - SEVERITY_RANK[b.flag.severity] || (a.flag.date ?? '9999').localeCompare(b.flag.date ?? '9999'));
  return {
    bundle,
    timeline,
    chronology,
    rows,
    filter,
    filterText: isFiltered(filter) ? describeFilter(filter) : '',
    flags,
    facts,
    documentNames: new Map(timeline.documents.map((d) => [d.id, d.name])),
    generatedAt: (options.now ?? new Date()).toISOString(),
    generatedBy: options.generatedBy ?? null,
  };
}
