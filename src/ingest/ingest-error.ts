import type { DocumentError } from '../schema.js';

/** A bad input file: reported in documents[].errors, never fatal to the rest of the bundle. */
export class IngestError extends Error {
  constructor(
    readonly code: DocumentError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
