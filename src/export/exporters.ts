// The formats chartline exports, registered with formats.ts. A new one (e.g. a FHIR bundle) is a
// module with an Exporter and one registerExporter line here.
import type { ExportData } from './export-data.js';
import { exporterFor, exportFormats, exporterLabel, registerExporter, type ExportOptions } from './formats.js';

export { exporterFor, exportFormats, exporterLabel };

registerExporter({
  format: 'docx',
  label: 'Word (.docx)',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
  write: async (data: ExportData, o: ExportOptions) => (await import('./docx-export.js')).chronologyDocx(data, o),
});

registerExporter({
  format: 'xlsx',
  label: 'Excel (.xlsx)',
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
  write: async (data: ExportData, o: ExportOptions) => (await import('./xlsx-export.js')).chronologyXlsx(data, o),
});

registerExporter({
  format: 'pdf',
  label: 'PDF',
  contentType: 'application/pdf',
  extension: 'pdf',
  write: async (data: ExportData, o: ExportOptions) => {
    const [{ reportHtml }, { printHtmlToPdf }] = await Promise.all([import('./report-html.js'), import('./chromium.js')]);
    const claim = data.facts.claimNumber ? ` · claim ${data.facts.claimNumber}` : '';
    return printHtmlToPdf(reportHtml(data, o), { headerText: `Medical chronology — ${data.timeline.bundle}${claim}` });
  },
});

registerExporter({
  format: 'csv',
  label: 'CSV',
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  write: async (data: ExportData, o: ExportOptions) => (await import('./csv-export.js')).chronologyCsv(data, o),
});

registerExporter({
  format: 'json',
  label: 'JSON',
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  write: async (data: ExportData, o: ExportOptions) => (await import('./json-export.js')).chronologyJson(data, o),
});
