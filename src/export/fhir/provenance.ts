// Provenance: where in which document a resource was read. Each place becomes one entity — the
// DocumentReference with role "quotation" — carrying HL7's derivation-reference extension (the
// DocumentReference, the page's text attachment as `path`, and the offset and length of the quote
// in that page's text) and the quote itself in chartline's namespace.
//
// A quote that runs onto the next page (a sentence across a page break: pages are joined by one
// character, a space or a newline) gets one derivation-reference per page, e.g. offset 1840 length
// 57 on page 1 and offset 0 length 31 on page 2; the quote is the pieces joined by that character.
import type { Extension, Provenance, ProvenanceEntity } from '@medplum/fhirtypes';
import type { Ref } from './context.js';
import { coding, extension, extensions } from './elements.js';
import { CS, EXT } from './namespace.js';

export interface SpanPiece {
  /** 1-based page number */
  page: number;
  /** UTF-16 code units from the start of the page's text, as JavaScript strings count */
  offset: number;
  length: number;
}

/**
 * The pieces of the span [start, end) that begins on `page`, one per page it covers. Without the page
 * texts the span is taken as lying on its page.
 */
export function spanPieces(pages: readonly string[] | undefined, page: number, start: number, end: number): SpanPiece[] {
  const length = Math.max(0, end - start);
  if (!pages) return [{ page, offset: start, length }];
  const pieces: SpanPiece[] = [];
  let p = page;
  let offset = start;
  let rest = length;
  for (;;) {
    const pageText = pages[p - 1];
    const room = pageText === undefined ? rest : Math.max(0, pageText.length - offset);
    // the last page there is takes whatever is left (a span past the end is the pipeline's bug, kept visible)
    if (rest <= room || pages[p] === undefined) {
      pieces.push({ page: p, offset, length: rest });
      return pieces;
    }
    pieces.push({ page: p, offset, length: room });
    rest -= room + 1; // the character joining this page to the next
    p += 1;
    offset = 0;
    if (rest <= 0) return pieces;
  }
}

export interface DocumentTarget {
  reference: Ref;
  /** pages whose text is embedded in the DocumentReference as content[page] */
  embeddedPages: number;
}

/** One derivation-reference extension per piece of the span. */
export function derivationReferences(doc: DocumentTarget, pieces: readonly SpanPiece[]): Extension[] {
  return pieces.map((piece) => ({
    url: EXT.derivationReference,
    extension: [
      { url: 'reference', valueReference: doc.reference },
      ...(piece.page <= doc.embeddedPages ? [{ url: 'path', valueString: `DocumentReference.content[${piece.page}].attachment` }] : []),
      { url: 'offset', valueInteger: piece.offset },
      { url: 'length', valueInteger: piece.length },
    ],
  }));
}

export interface QuotedPlace {
  doc: DocumentTarget;
  page: number;
  pieces: SpanPiece[];
  quote: string;
  /** evidence: which side of a discrepancy ("exam", "plan") */
  role?: string;
}

export function quotationEntity(place: QuotedPlace): ProvenanceEntity {
  return {
    ...extensions(
      derivationReferences(place.doc, place.pieces),
      extension.string(EXT.quote, place.quote),
      [{ url: EXT.page, valuePositiveInt: place.page }],
      extension.string(EXT.evidenceRole, place.role),
    ),
    role: 'quotation',
    what: place.doc.reference,
  };
}

export interface ProvenanceInput {
  id: string;
  targets: Ref[];
  places: QuotedPlace[];
  /** when chartline made the timeline (an instant) */
  recorded: string;
  agent: Ref;
  /** statement-level facts: how the date was known, the rule, the section */
  extension?: Extension[];
}

export function provenanceResource(input: ProvenanceInput): Provenance {
  return {
    resourceType: 'Provenance',
    id: input.id,
    ...(input.extension?.length ? { extension: input.extension } : {}),
    target: input.targets,
    recorded: input.recorded,
    agent: [
      {
        type: { coding: [coding(CS.provenanceParticipant, 'assembler', 'Assembler')] },
        who: input.agent,
      },
    ],
    ...(input.places.length ? { entity: input.places.map(quotationEntity) } : {}),
  };
}
