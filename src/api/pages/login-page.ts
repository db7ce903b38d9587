// Sign in with an API token (from `chartline token create`). The server keeps it in an HttpOnly
// cookie for the pages; scripts never see it.
import { html } from './html.js';
import { layout } from './layout.js';

export function renderLogin(o: { error?: string; next?: string; signedOut?: boolean }): string {
  return layout({
    title: 'Sign in',
    page: 'login',
    principal: null,
    body: html`<section class="login card">
  <h1>Sign in</h1>
  <p class="muted">Paste your chartline token. An administrator creates one with <span class="mono">chartline token create --role reviewer --name "Your Name"</span>.</p>
  ${o.signedOut ? html`<p class="notice ok">Signed out.</p>` : ''}
  ${o.error ? html`<p class="notice error" role="alert">${o.error}</p>` : ''}
  <form method="post" action="/login">
    <label>Token <input type="password" name="token" autocomplete="current-password" required autofocus></label>
    <input type="hidden" name="next" value="${o.next ?? '/'}">
    <button class="primary" type="submit">Sign in</button>
  </form>
</section>`,
  });
}
