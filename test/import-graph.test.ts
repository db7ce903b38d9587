// The pipeline is visible in the folders, and dependencies point downstream only:
//   ingest → text → extract → timeline → checks, then store, queue, api, cli.
// The checks read the model (src/model, src/schema.ts) and the pattern configuration, never the
// extraction, the text analysis, ingest or the pipeline; no module imports itself through others.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', 'src');

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of sourceFiles(ROOT)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const target = (m[2] ?? m[3] ?? '').replace(/\.js$/, '.ts');
      const resolved = relative(ROOT, resolve(dirname(file), target));
      out.push({ from: relative(ROOT, file), to: resolved, typeOnly: Boolean(m[1]) });
    }
  }
  return out;
}

const folder = (path: string): string => (path.includes('/') ? (path.split('/')[0] as string) : path);
const ALL = edges();

describe('the import graph', () => {
  it('finds the imports it guards', () => {
    expect(ALL.length).toBeGreaterThan(200);
    expect(ALL.some((e) => e.from === 'pipeline.ts' && folder(e.to) === 'extract')).toBe(true);
  });

  it('checks/ imports nothing from extract/, text/, ingest/ or the pipeline, and no matcher from patterns/', () => {
    const bad = ALL.filter(
      (e) => folder(e.from) === 'checks' && (['extract', 'text', 'ingest', 'pipeline.ts', 'store', 'queue', 'api', 'cli'].includes(folder(e.to)) || (folder(e.to) === 'patterns' && !e.typeOnly)),
    );
    expect(bad.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('dependencies point downstream: no stage imports a later one', () => {
    // each folder, with the folders it may import (the model, the output schema and the pattern
    // configuration are shared by all)
    const SHARED = ['model', 'schema.ts', 'patterns', 'reference-day.ts'];
    const allowed: Record<string, string[]> = {
      model: ['schema.ts'],
      patterns: ['schema.ts', 'model'],
      ingest: ['thread-pool.ts'],
      text: ['ingest'],
      extract: ['text', 'ingest'],
      timeline: [],
      checks: ['timeline'],
      export: ['timeline', 'checks', 'store'],
    };
    const bad = ALL.filter((e) => {
      const from = folder(e.from);
      const to = folder(e.to);
      const rule = allowed[from];
      if (!rule || from === to || SHARED.includes(to)) return false;
      return !rule.includes(to);
    });
    expect(bad.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  // a type-only import is erased at build time: it cannot make a module load before its dependency
  it('has no cycles between modules (at run time)', () => {
    const graph = new Map<string, string[]>();
    for (const e of ALL) if (!e.typeOnly) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (node: string): void => {
      state.set(node, 'open');
      stack.push(node);
      for (const next of graph.get(node) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(node, 'done');
    };
    for (const node of graph.keys()) if (!state.has(node)) visit(node);
    expect(cycles).toEqual([]);
  });
});
