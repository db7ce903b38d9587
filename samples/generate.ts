// Builds the sample bundles: samples/src/<bundle>/<name>.txt → samples/<bundle>/<name>.pdf.
//
//   npx tsx samples/generate.ts           write the PDFs
//   npx tsx samples/generate.ts --check   exit 1 if a committed PDF differs from what the source gives
//
// The source text lives outside the bundle folders on purpose: `chartline process samples/<bundle>`
// reads every file in the folder, and the source text next to its PDF would be read twice.
//
// A source file starts with directives, one per line, then the body text (one paragraph per line;
// a line "@page" starts a new page; long lines are wrapped at about 90 characters):
//   @title   PDF metadata title
//   @author  PDF metadata author
//   @header  a running header line (repeatable; the first is drawn bold); {page} and {pages} are filled in
//   @footer  a running footer line (repeatable), e.g. "Page {page} of {pages}"
//   @fax     a fax banner at the top edge of every page
//   @same-as another source file of the bundle: take its directives and body, then apply the directives
//            that follow (a re-faxed copy of the same report gets a different @fax line)
// Output is deterministic: the same source gives the same bytes on every run.
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { layoutDocument, renderRecordPdf, type RecordDocument } from './pdf-writer.js';

const SAMPLES_DIR = dirname(fileURLToPath(import.meta.url));
const SOURCE_DIR = join(SAMPLES_DIR, 'src');

export interface SourceDocument extends RecordDocument {
  title?: string;
  author?: string;
}

export function parseSource(text: string, resolve: (name: string) => string): SourceDocument {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let doc: SourceDocument = { header: [], footer: [], text: '' };
  let i = 0;
  let inherited = false;
  for (; i < lines.length; i++) {
    const m = /^@(title|author|header|footer|fax|same-as)\s+(.*)$/.exec(lines[i] ?? '');
    if (!m) break;
    const [, key, value = ''] = m;
    switch (key) {
      case 'same-as':
        doc = { ...parseSource(resolve(value.trim()), resolve) };
        inherited = true;
        break;
      case 'title':
        doc.title = value;
        break;
      case 'author':
        doc.author = value;
        break;
      case 'fax':
        doc.fax = value;
        break;
      case 'header':
      case 'footer':
        doc[key] = [...doc[key], value];
        break;
    }
  }
  const body = lines.slice(i).join('\n').replace(/^\n+/, '').replace(/\s+$/, '');
  if (!inherited || body !== '') doc.text = body;
  return doc;
}

export async function renderSource(doc: SourceDocument): Promise<Uint8Array> {
  return renderRecordPdf(layoutDocument(doc), {
    ...(doc.title !== undefined ? { title: doc.title } : {}),
    ...(doc.author !== undefined ? { author: doc.author } : {}),
  });
}

export interface GeneratedFile {
  bundle: string;
  path: string;
  bytes: Uint8Array;
  pages: number;
}

/** Every sample PDF, rendered from samples/src. */
export async function generateSamples(sourceDir = SOURCE_DIR): Promise<GeneratedFile[]> {
  const out: GeneratedFile[] = [];
  const bundles = readdirSync(sourceDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const bundle of bundles) {
    const dir = join(sourceDir, bundle);
    const resolve = (name: string) => readFileSync(join(dir, name), 'utf8');
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    for (const file of sources) {
      const doc = parseSource(resolve(file), resolve);
      const bytes = await renderSource(doc);
      out.push({ bundle, path: join(SAMPLES_DIR, bundle, `${basename(file, '.txt')}.pdf`), bytes, pages: layoutDocument(doc).length });
    }
  }
  return out;
}

async function main(argv: string[]): Promise<void> {
  const check = argv.includes('--check');
  const files = await generateSamples();
  const stale: string[] = [];
  for (const f of files) {
    const current = existsSync(f.path) ? readFileSync(f.path) : null;
    const same = current !== null && Buffer.compare(current, Buffer.from(f.bytes)) === 0;
    if (check) {
      if (!same) stale.push(f.path);
      continue;
    }
    if (!same) {
      mkdirSync(dirname(f.path), { recursive: true });
      writeFileSync(f.path, f.bytes);
    }
    process.stdout.write(`${same ? 'unchanged' : 'wrote'}  ${f.bundle}/${basename(f.path)} (${f.pages} pages)\n`);
  }
  // PDFs in a bundle folder that no source produces any more
  for (const bundle of new Set(files.map((f) => f.bundle))) {
    const dir = join(SAMPLES_DIR, bundle);
    if (!existsSync(dir)) continue;
    const wanted = new Set(files.filter((f) => f.bundle === bundle).map((f) => basename(f.path)));
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.pdf') && !wanted.has(n))) {
      if (check) stale.push(join(dir, name));
      else {
        unlinkSync(join(dir, name));
        process.stdout.write(`removed ${bundle}/${name}\n`);
      }
    }
  }
  if (check && stale.length > 0) {
    process.stderr.write(`out of date (run npx tsx samples/generate.ts):\n${stale.map((s) => `  ${s}`).join('\n')}\n`);
    process.exitCode = 1;
  } else if (check) process.stdout.write(`${files.length} sample PDFs match their source\n`);
}

if (process.argv[1] && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(resolvePath(process.argv[1]))) {
  await main(process.argv.slice(2));
}
