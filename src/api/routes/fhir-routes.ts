// GET /api/bundles/:id/fhir: a processed bundle as a FHIR R4 Bundle (type collection), the same JSON
// `chartline export <id> --format fhir` writes.
import { z } from 'zod';
import { FHIR_JSON, renderFhir, storedBundleToFhir } from '../../export/fhir/fhir-exporter.js';
import type { Store } from '../../store/store.js';
import { BundleIdSchema } from '../api-ids.js';
import type { ApiRouter } from '../api-route.js';
import { conflict, notFound } from '../http-error.js';

const IdParams = z.object({ id: BundleIdSchema }).strict();

export function fhirRoutes(router: ApiRouter, { store }: { store: Store }): void {
  router.add({
    method: 'GET',
    url: '/api/bundles/:id/fhir',
    tag: 'bundles',
    role: 'reviewer',
    summary: 'A processed bundle as a FHIR R4 Bundle (collection)',
    description:
      'One resource per event (Encounter, Condition, Observation, Procedure, DiagnosticReport, ServiceRequest, MedicationStatement, Task), an Observation per structured finding, a DetectedIssue per flag with its review status, a DocumentReference per document with its page texts, and a Provenance per resource read from text whose derivation-reference extensions give the page, offset and length of each quote. The mapping is in the README.',
    params: IdParams,
    responses: {
      200: { description: 'the FHIR Bundle', contentType: 'application/fhir+json' },
      404: { description: 'no such bundle' },
      409: { description: 'the bundle has no timeline yet (queued, processing or failed)' },
    },
    handler: async ({ params, reply }) => {
      const bundle = await storedBundleToFhir(store, params.id);
      if (!bundle) {
        const record = await store.getBundle(params.id);
        if (!record) throw notFound(`no bundle ${params.id}`);
        throw conflict(`bundle ${params.id} has no timeline yet (${record.status}, ${record.progress}%)${record.error ? `: ${record.error}` : ''}`);
      }
      await reply.code(200).type(`${FHIR_JSON}; charset=utf-8`).header('Content-Disposition', `inline; filename="${params.id}.fhir.json"`).send(renderFhir(bundle));
      return { sent: true };
    },
  });
}
