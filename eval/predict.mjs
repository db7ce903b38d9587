// One document → the timeline `chartline process <doc> --format json` prints. In-process by default
// (patterns loaded once: the whole eval runs in seconds), or through the CLI itself with --cli.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function predictor(repo, { cli = false } = {}) {
  if (cli) {
    return async (name, bytes, dir) => {
      const docs = join(dir, 'docs');
      mkdirSync(docs, { recursive: true });
      const path = join(docs, name);
      writeFileSync(path, bytes);
      const out = execFileSync(process.execPath, ['--v8-pool-size=1', join(repo, 'bin/chartline.mjs'), 'process', path, '--format', 'json', '--no-progress'], {
        encoding: 'utf8',
        maxBuffer: 256 << 20,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return JSON.parse(out);
    };
  }
  const dist = (p) => import(pathToFileURL(join(repo, 'dist', 'src', p)).href);
  const { processBundle } = await dist('pipeline.js');
  const { loadPatterns } = await dist('patterns/load-patterns.js');
  const patterns = loadPatterns();
  return async (name, bytes) => {
    const bundle = name.replace(/\.[a-z0-9]+$/i, '');
    return processBundle(bundle, [{ name, data: new Uint8Array(bytes) }], { patterns });
  };
}
