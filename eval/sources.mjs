// Reads development documents out of ../shared/data (never copied into the repository): an MTSamples
// transcription or an ACI-BENCH note by its id, exactly as stored, and IMR letters by file.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './csv.mjs';

export function sharedDir(repo) {
  const dir = process.env.CHARTLINE_SHARED ?? join(repo, '..', 'shared');
  if (!existsSync(join(dir, 'data'))) throw new Error(`no shared data at ${dir} (set CHARTLINE_SHARED)`);
  return dir;
}

const cache = new Map();
function table(file, idColumn, textColumn) {
  const key = `${file}|${idColumn}`;
  if (!cache.has(key)) {
    const rows = parseCsv(readFileSync(file, 'utf8'));
    const header = rows.shift() ?? [];
    const id = header.indexOf(idColumn);
    const text = header.indexOf(textColumn);
    const byId = new Map();
    for (const r of rows) if (r[id] !== undefined) byId.set(String(r[id]), r[text] ?? '');
    cache.set(key, byId);
  }
  return cache.get(key);
}

/** The text of a note: { dataset: 'mtsamples' | 'aci-bench', id } */
export function noteText(shared, source) {
  if (source.dataset === 'mtsamples') {
    const t = table(join(shared, 'data/mtsamples/mtsamples.csv'), 'note_id', 'transcription').get(String(source.id));
    if (t === undefined) throw new Error(`mtsamples note ${source.id} not found`);
    return t;
  }
  if (source.dataset === 'aci-bench') {
    const dir = join(shared, 'data/aci-bench');
    for (const f of readdirSync(dir)
      .filter((f) => f.endsWith('.csv') && !f.includes('metadata'))
      .sort()) {
      const t = table(join(dir, f), 'encounter_id', 'note').get(String(source.id));
      if (t !== undefined) return t;
    }
    throw new Error(`aci-bench encounter ${source.id} not found`);
  }
  throw new Error(`unknown dataset ${source.dataset}`);
}

/** The bytes of a document named by a gold file's source. */
export function documentBytes(shared, source) {
  if (source.dataset === 'imr') return readFileSync(join(shared, 'data/imr-determinations/pdf', `${source.id}.pdf`));
  return Buffer.from(noteText(shared, source), 'utf8');
}
