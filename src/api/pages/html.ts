// The pages build HTML with the same escaping templates as the exports (src/export/html.ts).
export { escapeHtml, html, Html, path, raw } from '../../export/html.js';
