// Ids in API paths and queries, as zod schemas (validated before anything is looked up).
import { z } from 'zod';
import { isBundleId } from '../store/bundle-id.js';

export const BundleIdSchema = z
  .string()
  .refine(isBundleId, 'not a bundle id (up to 100 letters, digits, . _ or -, starting with a letter or digit)')
  .describe('a bundle id, e.g. "lumbar-mri-dispute-3f9a0c21b7"');

export const FlagIdSchema = z
  .string()
  .regex(/^fl_[0-9a-f]{24}$/, 'not a flag id (fl_ and 24 hex digits)')
  .describe('a stored flag\'s id (FlagRecord.id), e.g. "fl_3f0c…"');

export const DocumentIdSchema = z
  .string()
  .regex(/^[0-9a-f]{16,64}$/, 'not a document id (the 16-hex-digit id sources carry, or a full sha256)')
  .describe("a document id as in source.document, or the file's sha256");

export const PageNumberSchema = z.coerce.number().int('a page number is a whole number').min(1, 'pages are numbered from 1').max(100_000);
