// Originals, kept by content so a reviewer can always open the source: <dir>/ab/abcdef…(sha256).
// The same file uploaded twice is stored once. A job carries only the sha256; every worker finds
// the bytes under its own CHARTLINE_BLOBS (the same shared volume on every machine).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

export class BlobStore {
  constructor(readonly dir: string) {}

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: "${sha256}"`);
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /** Stores the bytes (once) and returns their sha256. */
  put(data: Uint8Array): string {
    const sha256 = createHash('sha256').update(data).digest('hex');
    const path = this.pathOf(sha256);
    if (existsSync(path)) return sha256;
    mkdirSync(join(this.dir, sha256.slice(0, 2)), { recursive: true });
    // write aside, then rename: a reader (or a crash) never sees half a file under the final name
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      writeFileSync(tmp, data);
      renameSync(tmp, path);
    } catch (err) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing written
      }
      throw err;
    }
    return sha256;
  }

  /** The bytes, or null when there is no such blob. Throws when the stored bytes do not hash to the name. */
  get(sha256: string): Uint8Array | null {
    const path = this.pathOf(sha256);
    if (!existsSync(path)) return null;
    const data = new Uint8Array(readFileSync(path));
    const actual = createHash('sha256').update(data).digest('hex');
    if (actual !== sha256) throw new Error(`the stored original ${path} is damaged (its sha256 is ${actual})`);
    return data;
  }
}
