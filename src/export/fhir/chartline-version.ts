// chartline's version for the Device resource of an export: package.json's, found from this module
// upwards (it runs from src/ under tests and from dist/src/ when built).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function chartlineVersion(): string | undefined {
  if (cached !== undefined) return cached || undefined;
  cached = '';
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'chartline' && pkg.version) {
          cached = pkg.version;
          break;
        }
      } catch {
        // not a package.json we can read: keep looking upwards
      }
    }
    dir = dirname(dir);
  }
  return cached || undefined;
}
