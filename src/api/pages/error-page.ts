// An error as a page: the status and the same message the API would give.
import type { Principal } from '../api-schemas.js';
import { STATUS_NAMES } from '../http-error.js';
import { html } from './html.js';
import { layout } from './layout.js';

export function renderErrorPage(status: number, message: string, principal: Principal | null): string {
  return layout({
    title: STATUS_NAMES[status] ?? 'Error',
    page: 'error',
    principal,
    body: html`<section class="card"><h1>${status} ${STATUS_NAMES[status] ?? ''}</h1><p class="notice error">${message}</p><p><a href="/bundles">Back to bundles</a></p></section>`,
  });
}
