// `chartline process --store`: the same run as `chartline process`, kept in the store as a bundle —
// originals, page texts, document results and the timeline — exactly as a queue worker would have
// written it, so `chartline timeline <id>` and the web app read it like any other bundle.
import type { InputFile } from '../ingest/ingest-document.js';
import type { DocumentResult } from '../model/document-result.js';
import type { Timeline } from '../schema.js';
import { deriveBundleId, isBundleId } from './bundle-id.js';
import { distinctDocuments } from './bundle-queries.js';
import { openStore, type Store } from './store.js';

export class ProcessRecorder {
  private readonly results: DocumentResult[] = [];

  private constructor(private readonly store: Store) {}

  /** Opens the store before any work, so a locked or unreachable database fails at once. */
  static async open(): Promise<ProcessRecorder> {
    return new ProcessRecorder(await openStore());
  }

  get location(): string {
    return this.store.location;
  }

  /** for processBundle's onDocument: keeps the original and the full result (page texts included) */
  readonly onDocument = (result: DocumentResult, file: InputFile): void => {
    this.store.blobs.put(file.data);
    this.results.push(result);
  };

  /**
   * Writes everything; returns the bundle id: `bundleId` when it is a valid id (process --bundle is a
   * name, e.g. "claim 4711/2014" is not), else one derived from the name and the files.
   */
  async save(timeline: Timeline, options: { bundleId?: string; referenceDate: string }): Promise<string> {
    const documents = this.results.map((r) => ({ name: r.info.name, sha256: r.info.sha256 }));
    const bundleId = options.bundleId !== undefined && isBundleId(options.bundleId) ? options.bundleId : deriveBundleId(timeline.bundle, documents);
    const distinct = distinctDocuments(documents);
    for (const doc of distinct) {
      const result = this.results[doc.ordinal] as DocumentResult;
      await this.store.beginDocument({
        bundleId,
        bundleName: timeline.bundle,
        documentsTotal: distinct.length,
        referenceDate: options.referenceDate,
        sha256: doc.sha256,
        name: doc.name,
        ordinal: doc.ordinal,
      });
      await this.store.saveDocumentResult(bundleId, result);
    }
    await this.store.saveTimeline({ bundleId, timeline, referenceDate: options.referenceDate });
    return bundleId;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
