// The FHIR export of the sample bundles (samples/, real PDFs through the whole pipeline): every
// resource valid against the R4 definitions, every event and flag exactly once, every quote cut
// back out of its page by its Provenance, dates at the record's precision, and the same bytes on a
// second export.
import { resolve } from 'node:path';
import type { Bundle, DetectedIssue, DocumentReference, Observation, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { SID, EXT } from '../../../src/export/fhir/namespace.js';
import { timelineToFhir } from '../../../src/export/fhir/timeline-to-fhir.js';
import type { Source, Timeline } from '../../../src/schema.js';
import { createFhirValidator, formatIssues, type FhirValidator } from '../../support/fhir-validator.js';
import { assembleQuote, byFullUrl, datesOf, derivationPieces, embeddedText, ext, fullUrlOf, processFolder, provenancesOf, RECORDED, withIdentifier } from './support.js';

const SAMPLES = ['lumbar-mri-dispute', 'knee-chronology', 'shoulder-consistent'];

interface Run {
  timeline: Timeline;
  pages: Map<string, string[]>;
  bundle: Bundle;
}

let validator: FhirValidator;
const runs = new Map<string, Run>();

beforeAll(async () => {
  validator = createFhirValidator();
  for (const name of SAMPLES) {
    const { timeline, pages } = await processFolder(resolve('samples', name), name);
    runs.set(name, { timeline, pages, bundle: timelineToFhir(timeline, { pages, recorded: RECORDED, bundleId: name, version: '0.1.0' }) });
  }
}, 180_000);

function run(name: string): Run {
  return runs.get(name) as Run;
}

/** checks that the Provenance entities of a resource give back each of the places it was read */
function expectPlacesRecoverable(r: Run, resource: Resource, places: readonly (Source & { role?: string })[], label: string): void {
  const provenance = provenancesOf(r.bundle, resource);
  expect(provenance, `${label}: one Provenance`).toHaveLength(1);
  const entities = provenance[0]?.entity ?? [];
  expect(entities, `${label}: one entity per place it was read`).toHaveLength(places.length);
  const resolveUrl = byFullUrl(r.bundle);
  places.forEach((place, i) => {
    const entity = entities[i];
    expect(entity?.role).toBe('quotation');
    expect(ext(entity?.extension, EXT.quote)[0]?.valueString, `${label}: the quote`).toBe(place.quote);
    if (place.role !== undefined) expect(ext(entity?.extension, EXT.evidenceRole)[0]?.valueString).toBe(place.role);
    const pieces = derivationPieces(entity?.extension);
    expect(pieces.length, `${label}: a derivation-reference per page the quote covers`).toBeGreaterThan(0);
    const doc = resolveUrl.get(pieces[0]?.document as string) as DocumentReference;
    expect(doc.resourceType).toBe('DocumentReference');
    expect(doc.identifier?.[0]?.value, `${label}: the document`).toBe(place.document);
    expect(entity?.what?.reference).toBe(pieces[0]?.document);
    expect(pieces[0]?.offset, `${label}: the offset is the source's start`).toBe(place.start);
    const stored = r.pages.get(place.document) as string[];
    // the stored page texts, and the texts the Bundle embeds, both give the quote back
    const fromStored = pieces.map((p, k) => ({ text: stored[place.page - 1 + k] as string, offset: p.offset, length: p.length }));
    expect(assembleQuote(fromStored, place.quote), `${label}: stored page text`).toBe(place.quote);
    const fromBundle = pieces.map((p) => ({ text: embeddedText(doc, p.path as string), offset: p.offset, length: p.length }));
    expect(assembleQuote(fromBundle, place.quote), `${label}: embedded page text`).toBe(place.quote);
    expect(pieces[0]?.path).toBe(`DocumentReference.content[${place.page}].attachment`);
  });
}

describe.each(SAMPLES)('FHIR export of samples/%s', (name) => {
  it('validates against the R4 definitions: structure, JSON schema, required bindings, references', () => {
    const issues = validator.validateBundle(run(name).bundle);
    expect(formatIssues(issues), 'validation issues').toBe('');
    expect(run(name).bundle.type).toBe('collection');
  });

  it('has every event exactly once, with each of its places recoverable from its Provenance', () => {
    const r = run(name);
    expect(r.timeline.events.length).toBeGreaterThan(10);
    const eventIds = new Set(r.timeline.events.map((e) => e.id));
    for (const event of r.timeline.events) {
      const found = withIdentifier(r.bundle, SID.event, event.id);
      expect(found, `event ${event.id} (${event.type})`).toHaveLength(1);
      expectPlacesRecoverable(r, found[0] as Resource, event.sources.length ? event.sources : [event.source], `event ${event.id}`);
    }
    // and nothing else claims to be an event
    const claimed = (r.bundle.entry ?? []).flatMap((e) =>
      ((e.resource as { identifier?: { system?: string; value?: string }[] }).identifier ?? []).filter(
        (i) => Array.isArray((e.resource as { identifier?: unknown }).identifier) && i.system === SID.event,
      ),
    );
    expect(claimed.map((i) => i.value).sort()).toEqual([...eventIds].sort());
  });

  it('makes each structured finding an Observation of its own, linked from its event, its span recoverable', () => {
    const r = run(name);
    const resolveUrl = byFullUrl(r.bundle);
    let findings = 0;
    for (const event of r.timeline.events) {
      const owner = withIdentifier(r.bundle, SID.event, event.id)[0] as Resource;
      event.findings.forEach((finding, i) => {
        findings++;
        const found = withIdentifier(r.bundle, SID.finding, `${event.id}/${i + 1}`) as Observation[];
        expect(found, `finding ${i + 1} of ${event.id}`).toHaveLength(1);
        const obs = found[0] as Observation;
        expect(obs.code.coding?.[0]?.code).toBe(finding.concept);
        // linked from the event's own resource (hasMember, result, evidence, reasonReference ...)
        expect(JSON.stringify(owner)).toContain(fullUrlOf(r.bundle, obs));
        // the statement the finding was read in holds its span (across a page break too)
        // (a finding on the next page of a quote that runs over a page break is on that page, from its start)
        const stored0 = r.pages.get(event.source.document) as string[];
        const offsetIn = (s: (typeof event.sources)[number]): number | null => {
          if (s.page === finding.page) return finding.span.start - s.start;
          const pageLength = stored0[s.page - 1]?.length ?? 0;
          return s.page + 1 === finding.page && s.end > pageLength ? pageLength + 1 - s.start + finding.span.start : null;
        };
        const within = event.sources.find((s) => {
          const at = offsetIn(s);
          return at !== null && at >= 0 && at + (finding.span.end - finding.span.start) <= s.quote.length;
        });
        expect(within, `finding ${i + 1} of ${event.id} lies inside one of its event's sources`).toBeDefined();
        const at = offsetIn(within!) as number;
        const quote = within!.quote.slice(at, at + (finding.span.end - finding.span.start));
        const entity = provenancesOf(r.bundle, obs)[0]?.entity?.[0];
        expect(ext(entity?.extension, EXT.quote)[0]?.valueString).toBe(quote);
        const pieces = derivationPieces(entity?.extension);
        const doc = resolveUrl.get(pieces[0]?.document as string) as DocumentReference;
        expect(doc.identifier?.[0]?.value).toBe(within!.document);
        const stored = r.pages.get(within!.document) as string[];
        expect(
          assembleQuote(
            pieces.map((p, k) => ({ text: stored[finding.page - 1 + k] as string, offset: p.offset, length: p.length })),
            quote,
          ),
        ).toBe(quote);
        expect(
          assembleQuote(
            pieces.map((p) => ({ text: embeddedText(doc, p.path as string), offset: p.offset, length: p.length })),
            quote,
          ),
        ).toBe(quote);
      });
    }
    expect(findings, 'the samples have structured findings').toBeGreaterThan(0);
  });

  it('has every flag exactly once as a DetectedIssue implicating its events, with each evidence quote recoverable', () => {
    const r = run(name);
    const resolveUrl = byFullUrl(r.bundle);
    const issues = r.bundle.entry?.filter((e) => e.resource?.resourceType === 'DetectedIssue') ?? [];
    expect(issues).toHaveLength(r.timeline.flags.length);
    for (const flag of r.timeline.flags) {
      const found = withIdentifier(r.bundle, SID.flag, flag.id) as DetectedIssue[];
      expect(found, `flag ${flag.id}`).toHaveLength(1);
      const issue = found[0] as DetectedIssue;
      expect(issue.code?.coding?.[0]?.code).toBe(flag.kind);
      expect(issue.detail).toBe(flag.summary);
      expect(issue.status).toBe('preliminary');
      expect(ext(issue.extension, EXT.reviewStatus)[0]?.valueCode).toBe('open');
      const implicated = (issue.implicated ?? []).map((ref) => resolveUrl.get(ref.reference as string) as Resource);
      const implicatedIds = implicated.map((res) => (res as { identifier?: { value?: string }[] }).identifier?.[0]?.value);
      expect(implicatedIds).toEqual([...new Set(flag.eventIds)]);
      expect(issue.evidence).toHaveLength(flag.evidence.length);
      expectPlacesRecoverable(r, issue, flag.evidence, `flag ${flag.id}`);
    }
    if (name === 'shoulder-consistent') expect(r.timeline.flags).toHaveLength(0);
    else expect(r.timeline.flags.length).toBeGreaterThan(0);
  });

  it('keeps each date at the precision the record gives and gives undated events no date', () => {
    const r = run(name);
    let dated = 0;
    for (const event of r.timeline.events) {
      const resource = withIdentifier(r.bundle, SID.event, event.id)[0] as Resource;
      const dates = datesOf(resource);
      if (event.date === null) expect(dates, `undated ${event.id} (${event.type})`).toEqual([]);
      else {
        dated++;
        expect(dates.length, `${event.id} (${event.type})`).toBeGreaterThan(0);
        for (const d of dates) expect(d, `${event.id} (${event.type})`).toBe(event.date);
      }
    }
    expect(dated).toBeGreaterThan(0);
  });

  it('embeds each document and its page texts, and is the same Bundle when exported again', () => {
    const r = run(name);
    for (const doc of r.timeline.documents) {
      const found = withIdentifier(r.bundle, SID.document, doc.id) as DocumentReference[];
      expect(found).toHaveLength(1);
      const ref = found[0] as DocumentReference;
      expect(ref.masterIdentifier?.value).toBe(doc.sha256);
      expect(ref.content[0]?.attachment.title).toBe(doc.name);
      expect(ref.content[0]?.attachment.contentType).toBe(doc.name.endsWith('.txt') ? 'text/plain' : 'application/pdf');
      expect(ref.content).toHaveLength(1 + doc.pages);
      (r.pages.get(doc.id) ?? []).forEach((text, i) => expect(embeddedText(ref, `DocumentReference.content[${i + 1}].attachment`)).toBe(text));
    }
    const again = timelineToFhir(r.timeline, { pages: r.pages, recorded: RECORDED, bundleId: name, version: '0.1.0' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(r.bundle));
  });
});
