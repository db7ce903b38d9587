// Exports of a stored bundle, by format: `chartline export <bundle-id> --format <format>`. Each
// format's exporter lives in its own folder and is loaded only when asked for.
import type { Store } from '../store/store.js';

export interface ExportedFile {
  body: string | Uint8Array;
  /** media type, e.g. "application/fhir+json; fhirVersion=4.0" */
  contentType: string;
  /** file name extension without the dot, e.g. "fhir.json" */
  extension: string;
}

export interface Exporter {
  /** one line for `--help` */
  description: string;
  /** the bundle's export, or null when it has no timeline yet */
  exportBundle(store: Store, bundleId: string): Promise<ExportedFile | null>;
}

export const EXPORTERS: Record<string, () => Promise<Exporter>> = {
  fhir: async () => (await import('./fhir/fhir-exporter.js')).fhirExporter,
};

export const EXPORT_FORMATS: readonly string[] = Object.keys(EXPORTERS);
