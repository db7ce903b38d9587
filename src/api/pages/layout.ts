// The frame of every page: title, a skip link, the top bar with the links the signed-in role may use,
// the main content.
import type { Principal } from '../api-schemas.js';
import { roleAllows } from '../auth/roles.js';
import { ASSETS } from './assets.js';
import { html, type Html } from './html.js';

export interface LayoutOptions {
  title: string;
  /** data-page: which part of the script runs */
  page: string;
  principal: Principal | null;
  /** which top-bar link is current */
  active?: 'bundles' | 'flags' | 'queues' | 'tokens';
  /** the first thing a keyboard reaches: a link past the bars and filters (default: the main content) */
  skipTo?: { href: string; label: string };
  body: Html;
}

export function layout(o: LayoutOptions): string {
  const p = o.principal;
  const link = (key: LayoutOptions['active'], href: string, label: string) =>
    html`<a href="${href}" class="${o.active === key ? 'active' : ''}"${o.active === key ? html` aria-current="page"` : ''}>${label}</a>`;
  const nav = p
    ? html`<nav aria-label="chartline">${link('bundles', '/bundles', 'Bundles')}${roleAllows(p.role, 'analyst') ? [link('flags', '/flags', 'Flags'), link('queues', '/admin/queues', 'Queues')] : ''}${roleAllows(p.role, 'admin') ? link('tokens', '/admin/tokens', 'Tokens') : ''}</nav>
      <div class="who"><span>${p.name} · ${p.role}</span><form method="post" action="/logout"><button type="submit">Sign out</button></form></div>`
    : html`<nav></nav>`;
  const skip = o.skipTo ?? { href: '#main', label: 'Skip to the content' };
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · chartline</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSETS.css.url}">
<script src="${ASSETS.js.url}" defer></script>
</head>
<body data-page="${o.page}">
<a class="skip-link" href="${skip.href}">${skip.label}</a>
<header class="topbar"><a class="brand" href="/">chartline</a>${nav}</header>
<main class="main" id="main">
${o.body}
</main>
</body>
</html>
`.value;
}
