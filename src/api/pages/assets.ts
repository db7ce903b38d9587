// The pages' stylesheet and script, compiled into the code (no files to copy next to dist/), each
// with a content hash for cache-busting URLs.
import { createHash } from 'node:crypto';
import { CLIENT_SCRIPT } from './assets/client-script.js';
import { STYLES } from './assets/styles.js';

export interface Asset {
  path: string;
  url: string;
  contentType: string;
  body: string;
}

function asset(path: string, contentType: string, body: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { path, url: `${path}?v=${hash}`, contentType, body };
}

export const ASSETS = {
  css: asset('/assets/app.css', 'text/css; charset=utf-8', STYLES),
  js: asset('/assets/app.js', 'text/javascript; charset=utf-8', CLIENT_SCRIPT),
};
