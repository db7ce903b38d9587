// The export formats: a map of format → exporter. Each exporter turns one bundle's ExportData into a
// file. The CLI (`chartline export --format …`), the API (GET /api/bundles/:id/export?format=…) and the
// page's Export menu all list what is registered here, so a new format is one module and one line in
// exporters.ts, e.g. `registerExporter(fhirExporter)` for a FHIR bundle.
import type { ExportData } from './export-data.js';

export interface ExportOptions {
  /** 'summary': one line per visit (default); 'full': every statement under its visit too */
  detail: 'summary' | 'full';
}

export interface Exporter {
  /** the --format / ?format= value, e.g. "docx" */
  format: string;
  /** for menus: "Word (.docx)" */
  label: string;
  contentType: string;
  extension: string;
  write(data: ExportData, options: ExportOptions): Promise<Uint8Array | string>;
}

const registry = new Map<string, Exporter>();

export function registerExporter(exporter: Exporter): void {
  registry.set(exporter.format, exporter);
}

export function exporterFor(format: string): Exporter | undefined {
  return registry.get(format);
}

export function exportFormats(): string[] {
  return [...registry.keys()];
}

export function exporterLabel(format: string): string {
  return registry.get(format)?.label ?? format;
}

/** "lumbar-mri-dispute-chronology-2024-05-01.docx" */
export function exportFileName(data: Pick<ExportData, 'bundle' | 'generatedAt'>, exporter: Pick<Exporter, 'extension'>): string {
  const base =
    data.bundle.name
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || data.bundle.id;
  return `${base}-chronology-${data.generatedAt.slice(0, 10)}.${exporter.extension}`;
}
