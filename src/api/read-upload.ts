// Reads a multipart upload (POST /api/bundles): the "files" parts into memory, within the limits
// (413 past any of them), and the text fields. A body that is not well-formed multipart is a 400.
import type { FastifyRequest } from 'fastify';
import type { InputFile } from '../ingest/ingest-document.js';
import { badRequest, HttpError, payloadTooLarge } from './http-error.js';
import { formatBytes, type UploadLimits } from './upload-limits.js';

export interface Upload {
  files: InputFile[];
  fields: Record<string, string>;
  bytes: number;
}

const MAX_FIELDS = 20;

/** a file name as sent by a browser or client, without any folder part or control characters */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255);
}

export async function readUpload(request: FastifyRequest, limits: UploadLimits): Promise<Upload> {
  if (!request.isMultipart()) throw new HttpError(415, 'upload the files as multipart/form-data, one part named "files" per file');
  const files: InputFile[] = [];
  const fields: Record<string, string> = {};
  let bytes = 0;
  const parts = request.parts({
    limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: MAX_FIELDS, fieldSize: 10_000, parts: limits.maxFiles + MAX_FIELDS },
  });
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'files' && part.fieldname !== 'file') {
          part.file.resume();
          throw badRequest(`unexpected file part "${part.fieldname}": send the files as parts named "files"`);
        }
        const data = await part.toBuffer();
        // a browser sends an empty, nameless part when no file was chosen
        if (!part.filename && data.length === 0) continue;
        bytes += data.length;
        if (bytes > limits.maxTotalBytes) throw payloadTooLarge(`the upload is larger than ${formatBytes(limits.maxTotalBytes)} in all`);
        const name = cleanFileName(part.filename) || `file-${files.length + 1}`;
        files.push({ name, data: new Uint8Array(data.buffer, data.byteOffset, data.length) });
      } else {
        if (part.fieldname in fields) throw badRequest(`the field "${part.fieldname}" is given twice`);
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw payloadTooLarge(`a file is larger than ${formatBytes(limits.maxFileBytes)} (the limit per file)`);
    if (code === 'FST_FILES_LIMIT') throw payloadTooLarge(`more than ${limits.maxFiles} files in one upload`);
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw payloadTooLarge('too many parts in the upload');
    if (err instanceof HttpError) throw err;
    // anything else the part iterator throws is the body itself: no boundary, a body cut short, a
    // malformed part header ("Multipart: Boundary not found", "Unexpected end of multipart data")
    throw badRequest(`the upload is not valid multipart/form-data (${(err as Error).message || 'unreadable body'}): send each file as a part named "files"`);
  }
  return { files, fields, bytes };
}
