// One DocumentReference per source document: its title, kind, page count and sha256, and the clean
// text of each page (content[1] is page 1, content[2] page 2 ...) — the text every Provenance offset
// counts in, so a reader of the Bundle alone can cut each quote out of its page.
//
// content[0] describes the original file (content type from its name, page count). The original's
// bytes are not embedded: Attachment.hash is SHA-1 by definition, so the sha256 chartline keys
// documents by is the DocumentReference's masterIdentifier instead.
import { createHash } from 'node:crypto';
import type { Attachment, DocumentReference } from '@medplum/fhirtypes';
import type { DocumentInfo } from '../../schema.js';
import type { Ref } from './context.js';
import { coding, concept, extension, extensions, text } from './elements.js';
import { DOCUMENT_GROUP_LABELS, DOCUMENT_KIND_LABELS, documentKindCodings } from './labels.js';
import { CS, EXT, SID } from './namespace.js';

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/markdown',
  rtf: 'application/rtf',
  htm: 'text/html',
  html: 'text/html',
  xml: 'application/xml',
  json: 'application/json',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** "02-mri.PDF" → application/pdf; a name without a known extension → application/octet-stream */
export function contentTypeOf(name: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return (ext && CONTENT_TYPES[ext]) || 'application/octet-stream';
}

function pageAttachment(doc: DocumentInfo, num: number, pageText: string): Attachment {
  const bytes = Buffer.from(pageText, 'utf8');
  const attachment: Attachment = {
    contentType: 'text/plain; charset=utf-8',
    title: `${doc.name}, page ${num} (text as read)`,
  };
  // an empty page (a scan without a text layer) has no data: FHIR base64Binary cannot be empty
  if (bytes.length > 0) {
    attachment.data = bytes.toString('base64');
    attachment.size = bytes.length;
    attachment.hash = createHash('sha1').update(bytes).digest('base64');
  } else attachment.size = 0;
  return attachment;
}

export interface DocumentReferenceInput {
  doc: DocumentInfo;
  id: string;
  subject: Ref;
  /** the page texts, when known (then each page is embedded) */
  pages: readonly string[] | undefined;
  /** the encounters read from this document */
  encounters: Ref[];
}

export function documentReference({ doc, id, subject, pages, encounters }: DocumentReferenceInput): DocumentReference {
  const original: Attachment = {
    ...extensions(doc.pages > 0 ? [{ url: EXT.attachmentPages, valuePositiveInt: doc.pages }] : []),
    contentType: contentTypeOf(doc.name),
    title: doc.name,
  };
  const resource: DocumentReference = {
    resourceType: 'DocumentReference',
    id,
    ...extensions(
      extension.string(EXT.documentKindRule, doc.kind.rule),
      doc.errors.map((e) => ({
        url: EXT.documentError,
        extension: [{ url: 'code', valueCode: e.code }, ...extension.string('message', e.message), ...(e.pages ?? []).filter((p) => p >= 1).map((p) => ({ url: 'page', valuePositiveInt: p }))],
      })),
    ),
    masterIdentifier: { system: SID.sha256, value: doc.sha256 },
    identifier: [{ system: SID.document, value: doc.id }],
    status: 'current',
    type: concept(documentKindCodings(doc.kind.kind), DOCUMENT_KIND_LABELS[doc.kind.kind]),
    category: [concept([coding(CS.documentGroup, doc.kind.group, DOCUMENT_GROUP_LABELS[doc.kind.group])], DOCUMENT_GROUP_LABELS[doc.kind.group])],
    subject,
    ...(text(doc.name) ? { description: doc.name } : {}),
    content: [{ attachment: original }, ...(pages ?? []).map((t, i) => ({ attachment: pageAttachment(doc, i + 1, t) }))],
  };
  if (encounters.length) resource.context = { encounter: encounters };
  return resource;
}
