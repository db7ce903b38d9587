// A radiology report is one study: its FINDINGS and IMPRESSION describe the images, not an exam of
// the patient, and its "Exam Date" is the date of the study, not a visit.
//   RADIOLOGY REPORT / Exam Date: 2014-02-12 / Exam: MRI LUMBAR SPINE WITHOUT CONTRAST
//   FINDINGS: ... Moderate left and mild right facet arthrosis at L5-S1 ...
// → every findings sentence is an imaging event of 2014-02-12. A report is recognised by a study
// named in its opening lines and a FINDINGS, TECHNIQUE or COMPARISON section.
import type { Refiner } from '../engine.js';
import type { ExtractContext, Mention } from '../mention.js';

const OPENING_SENTENCES = 12;
const REPORT_HEADERS = /^(?:findings|technique|comparison)$/i;

export function isImagingReport(ctx: ExtractContext): boolean {
  const { sections, sentences } = ctx.analyzed;
  if (!sections.some((s) => s.category === 'results' && REPORT_HEADERS.test(s.header.trim()))) return false;
  return sentences.slice(0, OPENING_SENTENCES).some((s) => s.services.some((sv) => sv.value.type === 'imaging'));
}

const READS_IMAGES = new Set(['results', 'assessment']);

export const imagingReportRefiner: Refiner = {
  name: 'imaging-report',
  refine(ctx, mentions): Mention[] {
    if (!isImagingReport(ctx)) return mentions;
    const out: Mention[] = [];
    for (const m of mentions) {
      const category = m.sentence.section?.category;
      // "Exam Date: 2014-02-12" is the study's date; a study report records no visit
      if (m.type === 'encounter') {
        out.push({ ...m, type: 'imaging', rule: `${m.rule}>imaging-report.study-date` });
        continue;
      }
      if (category && READS_IMAGES.has(category)) {
        // the radiologist's suggestions ("correlation with radiographs is suggested") are not a plan of care
        if (m.type === 'plan' || m.type === 'referral') continue;
        if (m.type === 'exam_finding' || m.type === 'diagnosis') {
          out.push({ ...m, type: 'imaging', rule: `${m.rule}>imaging-report.finding`, findings: [], dating: 'inherit', assertion: 'present' });
          continue;
        }
      }
      if (m.type === 'imaging' && !m.date) m.dating = 'inherit';
      out.push(m);
    }
    return out;
  },
};
