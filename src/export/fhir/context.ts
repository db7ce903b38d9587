// What the mappers of one export share: the ids handed out so far and how to refer to a resource.
import type { Reference, Resource } from '@medplum/fhirtypes';
import { IdAllocator, uuidV5 } from './ids.js';
import type { DocumentTarget } from './provenance.js';

/**
 * A reference to an entry of the Bundle. FHIR types each reference element by the resources it may
 * point at; which one a reference is, is known here only at run time (and the tests check it).
 */
export type Ref = Reference<any>;

export interface Placed {
  resourceType: string;
  id: string;
  fullUrl: string;
  reference: Ref;
}

export class ExportContext {
  private readonly ids = new IdAllocator();
  /** event id → the resource it became */
  readonly events = new Map<string, Placed>();
  /** document id → its DocumentReference */
  readonly documents = new Map<string, DocumentTarget>();

  constructor(
    /** what makes fullUrls unique to this bundle: the stored bundle's id, or the timeline's name */
    readonly bundleKey: string,
    /** clean page texts by document id, pages in order (pages[0] is page 1) */
    readonly pages: ReadonlyMap<string, readonly string[]>,
  ) {}

  /** A new resource's id (unique in the Bundle) and how to refer to it. */
  place(resourceType: string, wantedId: string, display?: string): Placed {
    const id = this.ids.allocate(wantedId);
    const fullUrl = `urn:uuid:${uuidV5(`${this.bundleKey}\n${resourceType}/${id}`)}`;
    const reference: Ref = { reference: fullUrl, type: resourceType as Resource['resourceType'] };
    if (display) reference.display = display;
    return { resourceType, id, fullUrl, reference };
  }

  pageTexts(documentId: string): readonly string[] | undefined {
    return this.pages.get(documentId);
  }

  /** the text of a span on a page, when the page text is known */
  slice(documentId: string, page: number, start: number, end: number): string | undefined {
    const text = this.pages.get(documentId)?.[page - 1];
    if (text === undefined || end > text.length) return undefined;
    return text.slice(start, end);
  }
}
