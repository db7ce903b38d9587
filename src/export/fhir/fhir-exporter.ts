// The "fhir" format of `chartline export`, `chartline process --format fhir` and
// GET /api/bundles/:id/fhir: a FHIR R4 Bundle (collection) as JSON.
import type { Bundle } from '@medplum/fhirtypes';
import type { Store } from '../../store/store.js';
import type { Exporter, ExportedFile } from '../index.js';
import { chartlineVersion } from './chartline-version.js';
import { loadStoredFhirInput } from './from-store.js';
import { timelineToFhir } from './timeline-to-fhir.js';

/** FHIR's JSON media type, with the version (4.0 is R4) */
export const FHIR_JSON = 'application/fhir+json; fhirVersion=4.0';

export function renderFhir(bundle: Bundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/** A stored bundle as a FHIR Bundle, or null when it has no timeline. */
export async function storedBundleToFhir(store: Store, bundleId: string): Promise<Bundle | null> {
  const input = await loadStoredFhirInput(store, bundleId, chartlineVersion());
  return input ? timelineToFhir(input.timeline, input.options) : null;
}

export const fhirExporter: Exporter = {
  description: 'FHIR R4 Bundle (collection) as JSON: resources per event, DetectedIssue per flag, Provenance with text offsets',
  async exportBundle(store: Store, bundleId: string): Promise<ExportedFile | null> {
    const bundle = await storedBundleToFhir(store, bundleId);
    return bundle ? { body: renderFhir(bundle), contentType: FHIR_JSON, extension: 'fhir.json' } : null;
  },
};
