// A chartline timeline as a FHIR R4 Bundle of type "collection" — a pure function of the timeline,
// the clean page texts its offsets count in, the flags' review state and the time the timeline was
// made, so exporting the same bundle twice gives the same bytes.
//
//   const bundle = timelineToFhir(timeline, { pages, recorded: '2024-05-01T09:30:00.000Z' });
//
// Entries, in order: the Patient (chartline does not read who the patient is: one placeholder every
// resource's subject points at), the Device that is chartline, one DocumentReference per document,
// Practitioners and Organizations named as provider and facility, then each event's resource in
// timeline order followed by the Observations of its structured findings, a DetectedIssue per flag,
// and last the Provenance of everything read from text. Mapping tables: README, section "FHIR export".
import { createHash } from 'node:crypto';
import type { Bundle, BundleEntry, Device, Extension, Patient, Provenance, Resource } from '@medplum/fhirtypes';
import type { Finding, Timeline, TimelineEvent } from '../../schema.js';
import { ExportContext, type Placed, type Ref } from './context.js';
import { documentReference } from './documents.js';
import { coding, extension, text } from './elements.js';
import { eventResource, resourceTypeFor } from './events.js';
import { findingObservation } from './findings.js';
import { detectedIssue, type FlagReviewState } from './flags.js';
import { fhirIdOf, uuidV5 } from './ids.js';
import { CS, EXT, SID } from './namespace.js';
import { provenanceResource, spanPieces, type QuotedPlace } from './provenance.js';

export interface FhirExportOptions {
  /** clean page texts by document id (as sources name documents), pages in order; embedded and used to split spans */
  pages: ReadonlyMap<string, readonly string[]>;
  /** when the timeline was made (an ISO 8601 instant): Provenance.recorded and Bundle.timestamp */
  recorded: string;
  /** the stored bundle's id; fullUrls are unique to it (default: the timeline's name) */
  bundleId?: string;
  /** review state of timeline.flags[i], for a stored bundle (default: every flag open) */
  flagReviews?: ReadonlyArray<FlagReviewState | undefined>;
  /** chartline's version, on the Device */
  version?: string;
}

/** "Dr. Michael  Arroyo" and "dr. michael arroyo" are one Practitioner */
function nameKey(name: string): string {
  return createHash('sha256').update(name.trim().replace(/\s+/g, ' ').toLowerCase()).digest('hex').slice(0, 16);
}

function entry(placed: Placed, resource: Resource): BundleEntry {
  return { fullUrl: placed.fullUrl, resource };
}

/** statement-level facts on an event's Provenance: how its date was known, the rule, the section */
function statementExtensions(event: TimelineEvent): Extension[] {
  return [
    ...extension.code(EXT.dateCertainty, event.dateCertainty),
    ...extension.string(EXT.dateText, event.dateText),
    ...extension.string(EXT.rule, event.rule),
    ...extension.string(EXT.section, event.section),
    ...extension.code(EXT.sectionCategory, event.sectionCategory ? event.sectionCategory.replace(/\s+/g, '-') : null),
  ];
}

/**
 * A finding's span names a page, not a document: it lies inside one of its event's sources (the
 * statement it was read in), whose quote also gives its words across a page break. Failing that, the
 * event's first source's document, and the page text (or the finding's words).
 */
function findingPlace(event: TimelineEvent, finding: Finding, ctx: ExportContext): { document: string; quote: string } {
  const { start, end } = finding.span;
  for (const s of [event.source, ...event.sources]) {
    if (s.page === finding.page && s.start <= start && end <= s.end) return { document: s.document, quote: s.quote.slice(start - s.start, end - s.start) };
  }
  return { document: event.source.document, quote: ctx.slice(event.source.document, finding.page, start, end) ?? finding.text };
}

export function timelineToFhir(timeline: Timeline, options: FhirExportOptions): Bundle {
  const bundleKey = options.bundleId ?? timeline.bundle;
  const ctx = new ExportContext(bundleKey, options.pages);

  const patient = ctx.place('Patient', 'patient');
  const device = ctx.place('Device', 'chartline', 'chartline');
  const head: BundleEntry[] = [
    entry(patient, { resourceType: 'Patient', id: patient.id, identifier: [{ system: SID.bundle, value: bundleKey }] } satisfies Patient),
    entry(device, {
      resourceType: 'Device',
      id: device.id,
      deviceName: [{ name: 'chartline', type: 'user-friendly-name' }],
      ...(options.version ? { version: [{ value: options.version }] } : {}),
    } satisfies Device),
  ];

  // ids first, so that references can point forward (a flag to an event, an event to its encounter)
  const documents = timeline.documents.map((doc) => {
    const placed = ctx.place('DocumentReference', `doc-${fhirIdOf(doc.id)}`, doc.name);
    const pages = ctx.pageTexts(doc.id);
    ctx.documents.set(doc.id, { reference: placed.reference, embeddedPages: pages?.length ?? 0 });
    return { doc, placed, pages };
  });
  const eventTypes = timeline.events.map((event) => {
    const type = resourceTypeFor(event);
    ctx.events.set(event.id, ctx.place(type, fhirIdOf(event.id)));
    return type;
  });

  // providers and facilities, one resource per distinct name, in order of first mention
  const practitioners = new Map<string, { placed: Placed; name: string; events: TimelineEvent[] }>();
  const organizations = new Map<string, { placed: Placed; name: string; events: TimelineEvent[] }>();
  for (const event of timeline.events) {
    const provider = text(event.provider);
    if (provider) {
      const key = nameKey(provider);
      const known = practitioners.get(key) ?? { placed: ctx.place('Practitioner', `pr-${key}`, provider), name: provider, events: [] };
      known.events.push(event);
      practitioners.set(key, known);
    }
    const facility = text(event.facility);
    if (facility) {
      const key = nameKey(facility);
      const known = organizations.get(key) ?? { placed: ctx.place('Organization', `org-${key}`, facility), name: facility, events: [] };
      known.events.push(event);
      organizations.set(key, known);
    }
  }

  const provenances: BundleEntry[] = [];
  const addProvenance = (target: Placed, places: QuotedPlace[], ext: Extension[]) => {
    const placed = ctx.place('Provenance', `pv-${target.id}`.slice(0, 64));
    const resource: Provenance = provenanceResource({ id: placed.id, targets: [target.reference], places, recorded: options.recorded, agent: device.reference, extension: ext });
    provenances.push(entry(placed, resource));
  };
  const place = (document: string, page: number, start: number, end: number, quote: string, role?: string): QuotedPlace | null => {
    const doc = ctx.documents.get(document);
    if (!doc) return null;
    return { doc, page, pieces: spanPieces(ctx.pageTexts(document), page, start, end), quote, role };
  };

  // encounters per document, for DocumentReference.context
  const encountersByDocument = new Map<string, Ref[]>();
  const body: BundleEntry[] = [];
  timeline.events.forEach((event, i) => {
    const placed = ctx.events.get(event.id) as Placed;
    const type = eventTypes[i] as ReturnType<typeof resourceTypeFor>;
    const encounterPlaced = event.encounterId && event.encounterId !== event.id ? ctx.events.get(event.encounterId) : undefined;
    const encounter = encounterPlaced?.resourceType === 'Encounter' ? encounterPlaced.reference : undefined;

    const sources = event.sources.length ? event.sources : [event.source];
    const places = sources.map((s) => place(s.document, s.page, s.start, s.end, s.quote)).filter((p): p is QuotedPlace => p !== null);
    addProvenance(placed, places, statementExtensions(event));

    const findingEntries: BundleEntry[] = [];
    const findingRefs: Ref[] = [];
    event.findings.forEach((finding: Finding, n) => {
      const fp = ctx.place('Observation', `${placed.id.slice(0, 56)}-f${n + 1}`);
      findingRefs.push(fp.reference);
      findingEntries.push(entry(fp, findingObservation(finding, { id: fp.id, eventId: event.id, eventType: event.type, index: n + 1, subject: patient.reference, encounter, date: event.date })));
      const { document, quote } = findingPlace(event, finding, ctx);
      const where = place(document, finding.page, finding.span.start, finding.span.end, quote);
      if (where) addProvenance(fp, [where], [...extension.code(EXT.dateCertainty, event.dateCertainty), ...extension.string(EXT.rule, finding.rule)]);
    });

    const provider = text(event.provider);
    const facility = text(event.facility);
    const resource = eventResource(event, type, {
      id: placed.id,
      subject: patient.reference,
      encounter,
      findings: findingRefs,
      practitioner: type === 'Encounter' && provider ? practitioners.get(nameKey(provider))?.placed.reference : undefined,
      organization: type === 'Encounter' && facility ? organizations.get(nameKey(facility))?.placed.reference : undefined,
    });
    body.push(entry(placed, resource), ...findingEntries);
    if (type === 'Encounter') {
      const list = encountersByDocument.get(event.source.document) ?? [];
      list.push(placed.reference);
      encountersByDocument.set(event.source.document, list);
    }
  });

  // a Practitioner or Organization was read from its encounters' documents, at no span chartline records
  const nameProvenance = (who: { placed: Placed; events: TimelineEvent[] }) => {
    const docs = [...new Set(who.events.map((e) => e.source.document))].map((d) => ctx.documents.get(d)).filter((d) => d !== undefined);
    const placed = ctx.place('Provenance', `pv-${who.placed.id}`.slice(0, 64));
    const resource: Provenance = {
      resourceType: 'Provenance',
      id: placed.id,
      target: [who.placed.reference],
      recorded: options.recorded,
      agent: [{ type: { coding: [coding(CS.provenanceParticipant, 'assembler', 'Assembler')] }, who: device.reference }],
      ...(docs.length ? { entity: docs.map((d) => ({ role: 'source' as const, what: d.reference })) } : {}),
    };
    provenances.push(entry(placed, resource));
  };
  const people: BundleEntry[] = [];
  for (const p of practitioners.values()) {
    people.push(entry(p.placed, { resourceType: 'Practitioner', id: p.placed.id, name: [{ text: p.name }] }));
    nameProvenance(p);
  }
  for (const o of organizations.values()) {
    people.push(entry(o.placed, { resourceType: 'Organization', id: o.placed.id, name: o.name }));
    nameProvenance(o);
  }

  // where each span was read: the resources whose sources include exactly that place
  const readAt = new Map<string, Ref[]>();
  for (const event of timeline.events) {
    const ref = (ctx.events.get(event.id) as Placed).reference;
    for (const s of event.sources.length ? event.sources : [event.source]) {
      const key = `${s.document}\n${s.page}\n${s.start}\n${s.end}`;
      const list = readAt.get(key) ?? [];
      if (!list.includes(ref)) list.push(ref);
      readAt.set(key, list);
    }
  }
  const issues: BundleEntry[] = timeline.flags.map((flag, i) => {
    const placed = ctx.place('DetectedIssue', fhirIdOf(flag.id));
    const implicated = [...new Set(flag.eventIds)].map((id) => ctx.events.get(id)?.reference).filter((r): r is Ref => r !== undefined);
    const evidence = flag.evidence.map((e) => {
      const atPlace = readAt.get(`${e.document}\n${e.page}\n${e.start}\n${e.end}`);
      if (atPlace?.length) return atPlace;
      const doc = ctx.documents.get(e.document);
      return doc ? [doc.reference] : [];
    });
    const places = flag.evidence.map((e) => place(e.document, e.page, e.start, e.end, e.quote, e.role)).filter((p): p is QuotedPlace => p !== null);
    addProvenance(placed, places, extension.string(EXT.rule, flag.rule));
    return entry(placed, detectedIssue(flag, { id: placed.id, patient: patient.reference, implicated, evidence, review: options.flagReviews?.[i] }));
  });

  const documentEntries = documents.map(({ doc, placed, pages }) =>
    entry(placed, documentReference({ doc, id: placed.id, subject: patient.reference, pages, encounters: encountersByDocument.get(doc.id) ?? [] })),
  );

  return {
    resourceType: 'Bundle',
    id: uuidV5(`${bundleKey}\nBundle`),
    identifier: { system: SID.bundle, value: bundleKey },
    type: 'collection',
    timestamp: options.recorded,
    entry: [...head, ...documentEntries, ...people, ...body, ...issues, ...provenances],
  };
}
