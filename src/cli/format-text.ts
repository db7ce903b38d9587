// The timeline for a person at a terminal: documents and their problems, then events by date with
// page references, then flags with the quotes on each side.
import { buildChronology } from '../export/chronology.js';
import type { DocumentKind, Flag, Timeline, TimelineEvent } from '../schema.js';

const TYPE_LABEL: Record<TimelineEvent['type'], string> = {
  injury: 'injury',
  encounter: 'visit',
  procedure: 'procedure',
  imaging: 'imaging',
  test: 'test',
  exam_finding: 'exam',
  therapy: 'therapy',
  medication: 'medication',
  referral: 'referral',
  plan: 'plan',
  determination: 'decision',
  diagnosis: 'diagnosis',
  other: 'other',
};

/** How the text output names a document kind (schema.ts DOCUMENT_KINDS). */
export const KIND_LABEL: Record<DocumentKind['kind'], string> = {
  progress: 'progress note',
  consult: 'consultation',
  ime: 'IME/QME/AME report',
  permanent_stationary: 'permanent and stationary report',
  imaging: 'imaging report',
  emg: 'EMG/nerve conduction report',
  operative: 'operative/procedure report',
  lab: 'lab report',
  therapy: 'therapy note',
  discharge: 'discharge summary',
  emergency: 'emergency department note',
  review_letter: 'review letter (UR/IMR)',
  records_review: 'records review',
  rfa: 'request for authorization',
  fax_cover: 'fax cover sheet',
  legal_letter: 'attorney/adjuster letter',
  other: 'kind not recognised',
};

function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export function formatText(t: Timeline, options: { width?: number; color?: boolean } = {}): string {
  const width = Math.max(80, options.width ?? 110);
  const c = options.color
    ? { dim: (s: string) => `\x1b[2m${s}\x1b[0m`, bold: (s: string) => `\x1b[1m${s}\x1b[0m`, red: (s: string) => `\x1b[31m${s}\x1b[0m`, yellow: (s: string) => `\x1b[33m${s}\x1b[0m` }
    : { dim: (s: string) => s, bold: (s: string) => s, red: (s: string) => s, yellow: (s: string) => s };
  const names = new Map(t.documents.map((d) => [d.id, d.name]));
  const lines: string[] = [];
  lines.push(c.bold(`Bundle ${t.bundle}: ${t.documents.length} document${t.documents.length === 1 ? '' : 's'}, ${t.events.length} events, ${t.flags.length} flag${t.flags.length === 1 ? '' : 's'}`));
  for (const d of t.documents) {
    // a document that could not be read has no kind to show
    const kind = d.errors.length > 0 && d.kind.rule === null ? '' : ` · ${KIND_LABEL[d.kind.kind]}`;
    lines.push(`  ${d.name} · ${d.pages} page${d.pages === 1 ? '' : 's'}${kind}`);
    for (const e of d.errors) lines.push(c.red(`    ! ${e.message}`));
  }
  lines.push('');
  lines.push(c.bold('TIMELINE'));
  // One heading per visit or report (date, what it is, clinician, facility, pages), as the reviewer's
  // chronology has it, with what was found, done and planned folded underneath; a study told at a
  // visit with a date of its own ("MRI of 02/12/14 reviewed") shows that date beside it.
  for (const row of buildChronology(t).rows) {
    lines.push('');
    const pages = row.pages.length === 0 ? '' : row.pages.length === 1 ? ` p.${row.pages[0]}` : ` pp.${row.pages[0]}-${row.pages.at(-1)}`;
    const head = [row.date ?? 'undated', row.kind, row.provider, row.facility].filter((x): x is string => !!x).join(' · ');
    lines.push(`${c.bold(head)} ${c.dim(`[${row.document.name}${pages}]`)}`);
    if (row.summary) lines.push(`  ${oneLine(row.summary, width - 2)}`);
    for (const it of row.items) {
      const e = it.event;
      const page = e.source.page;
      const certainty = it.otherDate ? ` (${it.otherDate})` : e.date && e.dateCertainty === 'relative' ? ' (relative date)' : '';
      const negated = e.assertion !== 'present' ? ` [${e.assertion}]` : '';
      const facts = findingWords(e);
      const prefix = `    ${TYPE_LABEL[e.type].padEnd(10)} ${facts ? `${facts} · ` : ''}`;
      const room = Math.max(30, width - prefix.length - 10);
      lines.push(`${prefix}${oneLine(it.text, room)}${negated}${certainty} ${c.dim(`[p.${page}]`)}`);
    }
  }
  lines.push('');
  lines.push(c.bold(`FLAGS (${t.flags.length})`));
  if (t.flags.length === 0) lines.push('  none');
  for (const f of t.flags) lines.push(...formatFlag(f, names, width, c));
  return `${lines.join('\n')}\n`;
}

/** A finding in a few words: "abnormal strength 4+/5 left EHL", "absent edema". */
function findingWords(e: TimelineEvent): string {
  const words = e.findings
    .filter((f) => !f.concept.endsWith('unclassified'))
    .map((f) => [f.polarity, f.concept.split('.').at(-1)?.replace(/-/g, ' '), f.value, f.side, f.site].filter((x): x is string => !!x).join(' '));
  return [...new Set(words)].slice(0, 3).join('; ');
}

function formatFlag(f: Flag, names: Map<string, string>, width: number, c: { red: (s: string) => string; yellow: (s: string) => string; dim: (s: string) => string }): string[] {
  const sev = f.severity === 'high' ? c.red(f.severity.toUpperCase()) : f.severity === 'medium' ? c.yellow(f.severity.toUpperCase()) : f.severity.toUpperCase();
  const out = ['', `  ${sev} ${f.kind}${f.date ? ` · ${f.date}` : ''} · rule ${f.rule}`, `    ${f.summary}`];
  for (const ev of f.evidence) {
    out.push(`    ${ev.role.padEnd(10)} "${oneLine(ev.quote, width - 30)}" ${c.dim(`[${names.get(ev.document) ?? ev.document} p.${ev.page}]`)}`);
  }
  return out;
}
