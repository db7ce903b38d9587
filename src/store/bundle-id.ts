// Bundle ids: safe in URLs, job ids and file names. Given by the user (--bundle) or derived from
// the bundle's contents, so the same files enqueued (or stored) twice get the same id.
import { createHash } from 'node:crypto';

const BUNDLE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function isBundleId(id: string): boolean {
  return BUNDLE_ID.test(id);
}

export function assertBundleId(id: string): string {
  if (!isBundleId(id)) throw new Error(`invalid bundle id "${id}": use up to 100 letters, digits, . _ or -, starting with a letter or digit`);
  return id;
}

/**
 * An id for a bundle the user did not name: "bundle-" and a hash of its name and files, e.g.
 * "bundle-3f9a0c21b7". Never the file or folder name itself: those carry personal data
 * ("john-smith-dob-1961-04-02.pdf") into job ids, URLs and every log line. A name the user typed
 * (`named`: the upload form's name field) is theirs to put in the id: "claim 4711" → "claim-4711-3f9a0c21b7".
 */
export function deriveBundleId(name: string, documents: readonly { sha256: string; name: string }[], named = false): string {
  const slug =
    (named &&
      name
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[^a-z0-9]+|-+$/g, '')
        .slice(0, 60)) ||
    'bundle';
  const hash = createHash('sha256');
  hash.update(name);
  for (const d of documents) hash.update(`\n${d.sha256} ${d.name}`);
  return `${slug}-${hash.digest('hex').slice(0, 10)}`;
}
