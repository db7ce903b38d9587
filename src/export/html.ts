// HTML built from tagged templates (the web pages and the printable report): every interpolated value
// is escaped unless it is itself Html (another html`` fragment), so record text can never become
// markup. Fragments keep their pieces as a tree and are joined once, when the page is sent: a
// 5,000-statement chronology is one pass over its text, not a copy per level of nesting.
type Part = string | Html;

export class Html {
  private joined: string | undefined;

  constructor(private readonly parts: Part[] | string) {}

  get value(): string {
    if (this.joined === undefined) {
      const out: string[] = [];
      collect(this, out);
      this.joined = out.join('');
    }
    return this.joined;
  }

  /** @internal the pieces, for collect() */
  pieces(): Part[] | string {
    return this.joined ?? this.parts;
  }

  toString(): string {
    return this.value;
  }
}

function collect(root: Html, out: string[]): void {
  // depth-first without recursion: a long list of fragments must not exhaust the stack
  const stack: Part[] = [root];
  while (stack.length) {
    const p = stack.pop() as Part;
    if (typeof p === 'string') {
      out.push(p);
      continue;
    }
    const pieces = p.pieces();
    if (typeof pieces === 'string') out.push(pieces);
    else for (let i = pieces.length - 1; i >= 0; i--) stack.push(pieces[i] as Part);
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;

export function escapeHtml(s: string): string {
  return SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string) : s;
}

function render(value: unknown, out: Part[]): void {
  if (value === null || value === undefined || value === false) return;
  if (value instanceof Html) out.push(value);
  else if (Array.isArray(value)) for (const v of value) render(v, out);
  else out.push(escapeHtml(String(value)));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const out: Part[] = [strings[0] ?? ''];
  for (let i = 0; i < values.length; i++) {
    render(values[i], out);
    out.push(strings[i + 1] ?? '');
  }
  return new Html(out);
}

/** trusted markup (constants only) */
export function raw(s: string): Html {
  return new Html(s);
}

/** a URL path with each segment encoded, e.g. path('/bundles', id) */
export function path(...segments: (string | number)[]): string {
  return segments.map((s, i) => (i === 0 ? String(s) : encodeURIComponent(String(s)))).join('/');
}
