// Tokens, for admins: who may use chartline — create a token (shown once, here), see each token's role,
// last use and open sessions, revoke one (its sessions end at once). The same as `chartline token`.
import type { ApiTokenRecord } from '../../store/records.js';
import { API_ROLES } from '../../store/records.js';
import type { Principal } from '../api-schemas.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { shortTime } from './labels.js';

export interface TokensPageInput {
  principal: Principal;
  tokens: readonly ApiTokenRecord[];
  sessions: ReadonlyMap<string, number>;
  created?: { token: string; record: ApiTokenRecord };
  revoked?: string;
  error?: string;
}

const ROLE_HELP: Record<string, string> = {
  intake: 'uploads bundles, sees their status and what could not be read',
  reviewer: 'also reads chronologies, pages and originals, exports them, reviews flags',
  analyst: 'also works the flag queue across bundles, the queue dashboard',
  admin: 'also manages tokens',
};

export function renderTokensPage(o: TokensPageInput): string {
  const rows = o.tokens.length
    ? o.tokens.map(
        (t) => html`<tr data-token-id="${t.id}" data-state="${t.revokedAt ? 'revoked' : 'active'}">
  <td><strong>${t.name}</strong><div class="muted mono">${t.id}</div></td>
  <td>${t.role}</td>
  <td>${shortTime(t.createdAt)}</td>
  <td>${t.lastUsedAt ? shortTime(t.lastUsedAt) : html`<span class="muted">never</span>`}</td>
  <td>${o.sessions.get(t.id) ?? 0}</td>
  <td>${t.revokedAt ? html`<span class="badge status-dismissed">revoked ${shortTime(t.revokedAt)}</span>` : html`<form method="post" action="/admin/tokens/${t.id}/revoke"><button type="submit"${t.id === o.principal.tokenId ? html` title="this is the token you are signed in with"` : ''}>Revoke${t.id === o.principal.tokenId ? ' (yours)' : ''}</button></form>`}</td>
</tr>`,
      )
    : html`<tr><td colspan="6" class="muted">No tokens.</td></tr>`;
  return layout({
    title: 'Tokens',
    page: 'tokens',
    principal: o.principal,
    active: 'tokens',
    body: html`<div class="page-head"><h1>Tokens</h1><p class="meta">${o.tokens.filter((t) => !t.revokedAt).length} active</p></div>
${o.error ? html`<p class="notice error" role="alert">${o.error}</p>` : ''}
${o.revoked ? html`<p class="notice ok" role="status">Revoked ${o.revoked}: its sessions have ended.</p>` : ''}
${
  o.created
    ? html`<section class="card new-token" id="new-token-card"><h2>Token for ${o.created.record.name} (${o.created.record.role})</h2>
<p>Copy it now and give it to them: it is shown only this once (chartline keeps only its hash).</p>
<p><input type="text" id="new-token" readonly value="${o.created.token}" aria-label="the new token"> <button type="button" id="copy-token">Copy</button></p></section>`
    : ''
}
<section class="card"><h2>New token</h2>
<form class="tokens-form" method="post" action="/admin/tokens">
  <label>Name <input type="text" name="name" required maxlength="200" placeholder="who or what uses it: Dr. A. Reviewer"></label>
  <label>Role <select name="role">${API_ROLES.map((r) => html`<option value="${r}"${r === 'reviewer' ? html` selected` : ''}>${r} — ${ROLE_HELP[r] ?? ''}</option>`)}</select></label>
  <button type="submit" class="primary">Create token</button>
</form></section>
<table class="tokens"><thead><tr><th>Name</th><th>Role</th><th>Created</th><th>Last used</th><th>Sessions</th><th></th></tr></thead><tbody>${rows}</tbody></table>`,
  });
}
