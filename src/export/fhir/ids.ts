// Stable ids for exported resources, so that exporting the same timeline twice gives the same Bundle.
//
// Resource.id is read off chartline's own ids: event "ev_985eeef89ad92a27" → Observation
// "ev-985eeef89ad92a27" (FHIR ids allow letters, digits, "-" and "." only, up to 64); its second
// finding → "ev-985eeef89ad92a27-f2"; flag "fl_8bc5…" → DetectedIssue "fl-8bc5…". The entry's fullUrl
// is a name-based UUID (RFC 9562 version 5) of the bundle and the resource, so the same event in two
// bundles gets two fullUrls, while references inside one Bundle stay stable across exports.
import { createHash } from 'node:crypto';

/** chartline's UUID namespace for fullUrls (a fixed random UUID) */
const NAMESPACE = 'e7c4baba-76fb-400d-80a4-b72d1350b1c1';

/** RFC 9562 version-5 UUID of `name` in `namespace`. */
export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * A FHIR id for a chartline id: "_" becomes "-"; anything else FHIR does not allow, or an id longer
 * than 64, is replaced by a hash of the whole id (so distinct ids stay distinct).
 */
export function fhirIdOf(chartlineId: string): string {
  const id = chartlineId.replace(/_/g, '-');
  if (FHIR_ID.test(id)) return id;
  const safe = id.replace(/[^A-Za-z0-9\-.]/g, '').slice(0, 40);
  return `${safe}${safe ? '-' : ''}${createHash('sha256').update(chartlineId).digest('hex').slice(0, 16)}`;
}

/**
 * Hands out ids unique within one Bundle: a second resource asking for "fl-1" (two flags with one
 * id — a check's bug, which the store also tolerates) gets "fl-1.2".
 */
export class IdAllocator {
  private readonly taken = new Set<string>();

  allocate(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.taken.has(id); n++) {
      const suffix = `.${n}`;
      id = `${wanted.slice(0, 64 - suffix.length)}${suffix}`;
    }
    this.taken.add(id);
    return id;
  }
}
