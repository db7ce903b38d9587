// The store: chartline's results in PostgreSQL or embedded PGlite, and the originals on disk.
// Everything outside src/store (workers, CLI, API) goes through this class.
//
//   const store = await openStore();            // DATABASE_URL, else CHARTLINE_DATA; migrates
//   const timeline = await store.getTimeline('lumbar-2014');
//   await store.close();
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentResult, PageText } from '../model/document-result.js';
import type { Timeline } from '../schema.js';
import { BlobStore } from './blob-store.js';
import * as bundles from './bundle-queries.js';
import { openDatabase, type Database } from './database.js';
import * as flags from './flag-queries.js';
import { checkMigrated, migrate } from './migrations.js';
import type { ApiRole, ApiTokenRecord, BundleDocument, BundleList, BundleRecord, FlagFilter, FlagPage, FlagRecord, FlagReview, PageRecord } from './records.js';
import { storeConfigFromEnv, type StoreConfig } from './store-config.js';
import { StoreUnavailableError } from './store-errors.js';
import * as timelines from './timeline-queries.js';
import * as sessions from './session-queries.js';
import * as tokens from './token-queries.js';

export type { BundleDocumentRef, DocumentStart, NewBundle, StoredDocumentResult } from './bundle-queries.js';
export type { NewFlagReview } from './flag-queries.js';
export type { CreatedToken } from './token-queries.js';
export type { CreatedSession } from './session-queries.js';
export type { StoredDocumentRef, TextHit, TimelineToSave } from './timeline-queries.js';

/**
 * Opens (and migrates) the store. Options override the environment; unset ones come from it.
 * mustExist: do not create an embedded database that is not there (a reader would only find it empty).
 */
export async function openStore(options: Partial<StoreConfig> = {}, env: NodeJS.ProcessEnv = process.env, behaviour: { mustExist?: boolean } = {}): Promise<Store> {
  const config = { ...storeConfigFromEnv(env) };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) (config as Record<string, unknown>)[k] = v;
  if (behaviour.mustExist && !config.databaseUrl && !existsSync(join(config.dataDir, 'pglite', 'PG_VERSION'))) {
    throw new StoreUnavailableError(
      `no database: DATABASE_URL is not set and ${config.dataDir} holds no embedded database (set CHARTLINE_DATA, or store a bundle first with \`chartline process --store\` or \`chartline worker\`)`,
    );
  }
  const db = await openDatabase(config);
  try {
    // through a serving process's socket its own chartline has migrated: only check it knows ours
    if (db.viaSocket) await checkMigrated(db);
    else await migrate(db, config.schema);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return new Store(db, config);
}

export class Store {
  readonly blobs: BlobStore;

  constructor(
    readonly db: Database,
    readonly config: StoreConfig,
  ) {
    this.blobs = new BlobStore(config.blobsDir);
  }

  /** 'pg' (PostgreSQL, any number of processes) or 'pglite' (embedded, this process only) */
  get kind(): Database['kind'] {
    return this.db.kind;
  }

  /** where the data is, for messages */
  get location(): string {
    return this.db.location;
  }

  close(): Promise<void> {
    return this.db.close();
  }

  // ── bundles ───────────────────────────────────────────────────────────────────────────────────
  /** Records a queued bundle (idempotent); the upload path calls it before enqueueing. */
  createBundle(bundle: bundles.NewBundle): Promise<BundleRecord> {
    return bundles.createBundle(this.db, bundle);
  }

  getBundle(id: string): Promise<BundleRecord | null> {
    return bundles.getBundle(this.db, id);
  }

  /** newest first */
  listBundles(options?: bundles.BundleListOptions): Promise<BundleList> {
    return bundles.listBundles(this.db, options);
  }

  /** the bundle's documents with their processing state, in bundle order */
  listBundleDocuments(bundleId: string): Promise<BundleDocument[]> {
    return bundles.listBundleDocuments(this.db, bundleId);
  }

  /** e.g. "re-queued at …: its jobs had vanished from Redis" (reconcile-bundles.ts) */
  noteBundle(bundleId: string, message: string): Promise<void> {
    return bundles.noteBundle(this.db, bundleId, message);
  }

  markBundleFailed(bundleId: string, message: string): Promise<void> {
    return bundles.markBundleFailed(this.db, bundleId, message);
  }

  // ── worker side ───────────────────────────────────────────────────────────────────────────────
  beginDocument(start: bundles.DocumentStart): Promise<void> {
    return bundles.beginDocument(this.db, start);
  }

  saveDocumentResult(bundleId: string, result: DocumentResult): Promise<void> {
    return bundles.saveDocumentResult(this.db, bundleId, result);
  }

  recordDocumentFailure(bundleId: string, sha256: string, message: string): Promise<void> {
    return bundles.recordDocumentFailure(this.db, bundleId, sha256, message);
  }

  loadDocumentResults(bundleId: string): Promise<Map<string, bundles.StoredDocumentResult>> {
    return bundles.loadDocumentResults(this.db, bundleId);
  }

  /** Writes a whole timeline in one transaction and marks the bundle completed. */
  saveTimeline(input: timelines.TimelineToSave): Promise<void> {
    return timelines.saveTimeline(this.db, input);
  }

  // ── reading ───────────────────────────────────────────────────────────────────────────────────
  /** The same JSON as `chartline process` (TimelineSchema), or null when the bundle has no complete timeline. */
  getTimeline(bundleId: string): Promise<Timeline | null> {
    return timelines.getTimeline(this.db, bundleId);
  }

  /** A source page: `document` is the id in event.source.document (or a full sha256); `num` is 1-based. */
  getPage(document: string, num: number): Promise<PageRecord | null> {
    return timelines.getPage(this.db, document, num);
  }

  /** A document by id or sha256, named as in `bundleId` when given. */
  findDocument(document: string, bundleId?: string): Promise<timelines.StoredDocumentRef | null> {
    return timelines.findDocument(this.db, document, bundleId);
  }

  /** Pages of a bundle whose text contains `text` (case-insensitive), with the words around the first match. */
  searchBundleText(bundleId: string, text: string, limit?: number): Promise<{ hits: timelines.TextHit[]; pages: number }> {
    return timelines.searchBundleText(this.db, bundleId, text, limit);
  }

  /** Every page text of a bundle, in document and page order. */
  bundlePageTexts(bundleId: string): Promise<string[]> {
    return timelines.bundlePageTexts(this.db, bundleId);
  }

  /** Every stored page of a file (by sha256), in page order; [] when none is stored. */
  getPageTexts(sha256: string): Promise<PageText[]> {
    return timelines.getPageTexts(this.db, sha256);
  }

  /** The original file's bytes, or null. */
  getOriginal(sha256: string): Uint8Array | null {
    return this.blobs.get(sha256);
  }

  // ── flags and reviews ─────────────────────────────────────────────────────────────────────────
  listFlags(filter?: FlagFilter): Promise<FlagPage> {
    return flags.listFlags(this.db, filter);
  }

  getFlag(id: string): Promise<FlagRecord | null> {
    return flags.getFlag(this.db, id);
  }

  /** Appends to the audit trail and sets the flag's status; throws NotFoundError for an unknown flag. */
  addFlagReview(review: flags.NewFlagReview): Promise<FlagReview> {
    return flags.addFlagReview(this.db, review);
  }

  listFlagReviews(flagId: string): Promise<FlagReview[]> {
    return flags.listFlagReviews(this.db, flagId);
  }

  /** the ids a flag filter matches, in the queue's order */
  listFlagIds(filter?: FlagFilter): Promise<string[]> {
    return flags.listFlagIds(this.db, filter);
  }

  /** one decision on several flags, all or none */
  addFlagReviews(ids: readonly string[], review: Omit<flags.NewFlagReview, 'flagId'>): Promise<FlagReview[]> {
    return flags.addFlagReviews(this.db, ids, review);
  }

  /** file names keyed "<bundle>|<document id>" */
  documentNames(bundleIds: readonly string[]): Promise<Map<string, string>> {
    return flags.documentNames(this.db, bundleIds);
  }

  /** every review of a bundle's flags, oldest first */
  listBundleReviews(bundleId: string): Promise<FlagReview[]> {
    return flags.listBundleReviews(this.db, bundleId);
  }

  // ── API tokens ────────────────────────────────────────────────────────────────────────────────
  createApiToken(input: { name: string; role: ApiRole }): Promise<tokens.CreatedToken> {
    return tokens.createApiToken(this.db, input);
  }

  verifyApiToken(token: string): Promise<ApiTokenRecord | null> {
    return tokens.verifyApiToken(this.db, token);
  }

  listApiTokens(): Promise<ApiTokenRecord[]> {
    return tokens.listApiTokens(this.db);
  }

  revokeApiToken(id: string): Promise<boolean> {
    return tokens.revokeApiToken(this.db, id);
  }

  // ── page sessions (the cookie holds an opaque id; its token's revocation ends them) ─────────────
  createSession(tokenId: string, maxAgeSeconds: number): Promise<sessions.CreatedSession> {
    return sessions.createSession(this.db, tokenId, maxAgeSeconds);
  }

  /** the token behind a live session, or null (unknown, signed out, expired, or the token revoked) */
  verifySession(id: string): Promise<ApiTokenRecord | null> {
    return sessions.verifySession(this.db, id);
  }

  revokeSession(id: string): Promise<boolean> {
    return sessions.revokeSession(this.db, id);
  }

  revokeSessionsOf(tokenId: string): Promise<number> {
    return sessions.revokeSessionsOf(this.db, tokenId);
  }

  countLiveSessions(): Promise<Map<string, number>> {
    return sessions.countLiveSessions(this.db);
  }

  pruneSessions(): Promise<number> {
    return sessions.pruneSessions(this.db);
  }
}
