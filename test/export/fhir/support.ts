// Reading an exported FHIR Bundle back in tests: resources by chartline id, the Provenance of a
// resource, the page text a DocumentReference embeds, and cutting a quote out of it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, DocumentReference, Extension, Provenance, Resource } from '@medplum/fhirtypes';
import { loadPatterns } from '../../../src/patterns/load-patterns.js';
import { processBundle } from '../../../src/pipeline.js';
import type { Timeline } from '../../../src/schema.js';

export const REFERENCE_DATE = new Date('2020-06-01T12:00:00Z');
export const RECORDED = '2020-06-01T12:00:00.000Z';
export const DERIVATION = 'http://hl7.org/fhir/StructureDefinition/derivation-reference';

let patterns: ReturnType<typeof loadPatterns> | undefined;

/** A folder of record files, processed the way `chartline process <dir>` does; page texts by document id. */
export async function processFolder(dir: string, name: string): Promise<{ timeline: Timeline; pages: Map<string, string[]> }> {
  patterns ??= loadPatterns();
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b))
    .map((file) => ({ name: file, data: new Uint8Array(readFileSync(join(dir, file))) }));
  const bySha = new Map<string, string[]>();
  const timeline = await processBundle(name, files, {
    patterns,
    referenceDate: REFERENCE_DATE,
    onDocument: (r) => {
      bySha.set(
        r.info.sha256,
        r.pages.map((p) => p.text),
      );
    },
  });
  const pages = new Map<string, string[]>();
  for (const d of timeline.documents) {
    const texts = bySha.get(d.sha256);
    if (texts) pages.set(d.id, texts);
  }
  return { timeline, pages };
}

export function resources(bundle: Bundle): Resource[] {
  return (bundle.entry ?? []).map((e) => e.resource as Resource);
}

export function byFullUrl(bundle: Bundle): Map<string, Resource> {
  return new Map((bundle.entry ?? []).map((e) => [e.fullUrl as string, e.resource as Resource]));
}

/** resources carrying an identifier of that system and value */
export function withIdentifier(bundle: Bundle, system: string, value: string): Resource[] {
  return resources(bundle).filter((r) => {
    const ids = (r as { identifier?: { system?: string; value?: string }[] | { system?: string; value?: string } }).identifier;
    return (Array.isArray(ids) ? ids : ids ? [ids] : []).some((i) => i.system === system && i.value === value);
  });
}

export function fullUrlOf(bundle: Bundle, resource: Resource): string {
  const e = (bundle.entry ?? []).find((x) => x.resource === resource);
  if (!e?.fullUrl) throw new Error(`no entry for ${resource.resourceType}/${resource.id}`);
  return e.fullUrl;
}

export function provenancesOf(bundle: Bundle, resource: Resource): Provenance[] {
  const url = fullUrlOf(bundle, resource);
  return resources(bundle).filter((r): r is Provenance => r.resourceType === 'Provenance' && r.target.some((t) => t.reference === url));
}

export function ext(list: Extension[] | undefined, url: string): Extension[] {
  return (list ?? []).filter((e) => e.url === url);
}

export interface DerivedPiece {
  document: string;
  path?: string;
  offset: number;
  length: number;
}

export function derivationPieces(extensions: Extension[] | undefined): DerivedPiece[] {
  return ext(extensions, DERIVATION).map((d) => {
    const sub = (name: string) => d.extension?.find((e) => e.url === name);
    return {
      document: sub('reference')?.valueReference?.reference as string,
      path: sub('path')?.valueString,
      offset: sub('offset')?.valueInteger as number,
      length: sub('length')?.valueInteger as number,
    };
  });
}

/** the page text a DocumentReference embeds at `path` ("DocumentReference.content[3].attachment") */
export function embeddedText(doc: DocumentReference, path: string): string {
  const index = Number(/^DocumentReference\.content\[(\d+)\]\.attachment$/.exec(path)?.[1]);
  const attachment = doc.content[index]?.attachment;
  if (!attachment) throw new Error(`no ${path} in ${doc.id}`);
  return attachment.data ? Buffer.from(attachment.data, 'base64').toString('utf8') : '';
}

/**
 * Cuts a quote out of page texts piece by piece: each piece is the page text at offset/length, and
 * consecutive pieces are joined by the one character that joins two pages (a space or a newline).
 * Returns the quote, or a description of the first mismatch.
 */
export function assembleQuote(pieces: { text: string; offset: number; length: number }[], quote: string): string {
  let at = 0;
  for (const [i, p] of pieces.entries()) {
    if (i > 0) {
      const joiner = quote.charAt(at);
      if (joiner !== ' ' && joiner !== '\n') return `piece ${i}: expected a joining space or newline at ${at} of the quote, got ${JSON.stringify(joiner)}`;
      at += 1;
    }
    const slice = p.text.slice(p.offset, p.offset + p.length);
    if (slice.length !== p.length) return `piece ${i}: offset ${p.offset} + length ${p.length} runs past its page (${p.text.length})`;
    if (quote.slice(at, at + p.length) !== slice) return `piece ${i}: ${JSON.stringify(slice)} is not ${JSON.stringify(quote.slice(at, at + p.length))}`;
    at += p.length;
  }
  return at === quote.length ? quote : `the pieces cover ${at} of ${quote.length} characters`;
}

/** every date-valued element an event resource can carry (what "undated carries no date" checks) */
export function datesOf(resource: Resource): string[] {
  const r = resource as Record<string, unknown>;
  const out: string[] = [];
  for (const key of ['effectiveDateTime', 'performedDateTime', 'authoredOn', 'recordedDate', 'onsetDateTime', 'issued', 'occurrenceDateTime', 'authoredOn']) {
    if (typeof r[key] === 'string') out.push(r[key] as string);
  }
  for (const key of ['period', 'executionPeriod', 'effectivePeriod', 'performedPeriod']) {
    const p = r[key] as { start?: string; end?: string } | undefined;
    if (p?.start) out.push(p.start);
    if (p?.end) out.push(p.end);
  }
  return out;
}

/**
 * Every way an export can lose or garble what the timeline says, as messages (none when it holds):
 * each event and flag exactly once, each place it was read recoverable from its Provenance by
 * slicing the page text (the one given, and the one the Bundle embeds) at offset/length.
 */
export function roundTripProblems(timeline: Timeline, pages: ReadonlyMap<string, readonly string[]>, bundle: Bundle, systems: { event: string; flag: string; quote: string }): string[] {
  const problems: string[] = [];
  const resolveUrl = byFullUrl(bundle);
  const check = (label: string, resource: Resource, places: readonly { document: string; page: number; start: number; quote: string }[]) => {
    const provenance = provenancesOf(bundle, resource);
    if (provenance.length !== 1) return void problems.push(`${label}: ${provenance.length} Provenance`);
    const entities = provenance[0]?.entity ?? [];
    if (entities.length !== places.length) return void problems.push(`${label}: ${entities.length} entities for ${places.length} places`);
    places.forEach((place, i) => {
      const entity = entities[i];
      if (ext(entity?.extension, systems.quote)[0]?.valueString !== place.quote) problems.push(`${label} place ${i + 1}: the quote extension differs`);
      const pieces = derivationPieces(entity?.extension);
      const doc = resolveUrl.get(pieces[0]?.document as string) as DocumentReference | undefined;
      if (!doc || doc.identifier?.[0]?.value !== place.document) return void problems.push(`${label} place ${i + 1}: not its document`);
      if (pieces[0]?.offset !== place.start) problems.push(`${label} place ${i + 1}: offset ${pieces[0]?.offset} is not ${place.start}`);
      const stored = pages.get(place.document);
      if (!stored) return void problems.push(`${label} place ${i + 1}: no page text for ${place.document}`);
      const fromStored = assembleQuote(
        pieces.map((p, k) => ({ text: stored[place.page - 1 + k] ?? '', offset: p.offset, length: p.length })),
        place.quote,
      );
      if (fromStored !== place.quote) problems.push(`${label} place ${i + 1}: stored page text: ${fromStored}`);
      const fromBundle = assembleQuote(
        pieces.map((p) => ({ text: p.path ? embeddedText(doc, p.path) : '', offset: p.offset, length: p.length })),
        place.quote,
      );
      if (fromBundle !== place.quote) problems.push(`${label} place ${i + 1}: embedded page text: ${fromBundle}`);
    });
  };
  for (const event of timeline.events) {
    const found = withIdentifier(bundle, systems.event, event.id);
    if (found.length !== 1) problems.push(`event ${event.id}: ${found.length} resources`);
    else check(`event ${event.id}`, found[0] as Resource, event.sources.length ? event.sources : [event.source]);
  }
  for (const flag of timeline.flags) {
    const found = withIdentifier(bundle, systems.flag, flag.id);
    if (found.length !== timeline.flags.filter((f) => f.id === flag.id).length) problems.push(`flag ${flag.id}: ${found.length} resources`);
    else if (found.length === 1) check(`flag ${flag.id}`, found[0] as Resource, flag.evidence);
  }
  return problems;
}
