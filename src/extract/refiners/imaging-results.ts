// Imaging results often run over several sentences:
//   "An MRI dated 02/12/14 revealed no disc herniations. There was moderate left and mild right
//    facet arthrosis at L5-S1 only."                → both sentences are the 02/12/14 MRI
//   "... CT scan (10-12-2016) of the cervical spine. ... The CT report showed S-shaped curvature
//    ... No compression fractures."                 → the later CT mentions are the 10-12-2016 CT
// Only within the same visit and a few sentences: an "MRI showed no stenosis" at a later visit is
// not the study from months before.
import type { Refiner } from '../engine.js';
import { isStudyReport } from '../reading.js';
import { newMention, type ExtractContext, type Mention } from '../mention.js';
import { visitsOf } from './visit-context.js';

const WINDOW = 4;

function partsOf(ctx: ExtractContext, m: Mention): Set<string> {
  return new Set(ctx.patterns.bodyParts.find(m.sentence.text, m.sentence.tokens, m.sentence.start).map((b) => b.value.name));
}

function sameParts(ctx: ExtractContext, a: Mention, b: Mention): boolean {
  const pa = partsOf(ctx, a);
  const pb = partsOf(ctx, b);
  return pa.size === 0 || pb.size === 0 || [...pa].some((p) => pb.has(p));
}

export const imagingResultsRefiner: Refiner = {
  name: 'imaging-results',
  refine(ctx, mentions): Mention[] {
    // a study report's sentences are all its results (report-body.ts), dated by the report
    if (isStudyReport(ctx)) return mentions;
    const visits = visitsOf(ctx);
    const sentences = ctx.analyzed.sentences;
    const bySentence = new Map<number, Mention[]>();
    for (const m of mentions) bySentence.set(m.sentence.index, [...(bySentence.get(m.sentence.index) ?? []), m]);
    const added: Mention[] = [];
    const replaced = new Set<Mention>();
    let lastStudy: { mention: Mention; index: number } | null = null;
    for (const s of sentences) {
      const here = bySentence.get(s.index) ?? [];
      if (lastStudy) {
        const stale = s.index - lastStudy.index > WINDOW || visits[s.index]?.epoch !== visits[lastStudy.index]?.epoch || s.section !== lastStudy.mention.sentence.section;
        if (stale) lastStudy = null;
      }
      if (lastStudy) {
        const study = lastStudy.mention;
        // the same study named again without its date ("The CT report showed ..."); a study of
        // another body part ("Cervical spine x rays showed ...") is another study
        for (const m of here) {
          if (m.type === 'imaging' && !m.date && study.date && m.services.some((id) => study.services.includes(id)) && sameParts(ctx, m, study)) {
            m.date = study.date;
            m.dateText = study.dateText;
            m.dateCertainty = 'inherited';
            m.dateRule = 'same-study';
          }
        }
        // a sentence of findings with nothing else in it continues the report
        // "There was no evidence of capsulitis." "The acromion was shallow type 2." — findings words or
        // anatomy, and nobody reporting, visiting, planning or deciding anything
        const busy = s.cues.some((c) => ['patient_report', 'encounter_verb', 'plan', 'determination_adverse', 'determination_favourable', 'referral'].includes(c.value.role));
        const readsImages = s.has('imaging_finding') || /\bno evidence (?:of|for)\b/i.test(s.text) || ctx.patterns.bodyParts.find(s.text, s.tokens, s.start).length > 0;
        // "There was no supraspinatus muscle atrophy." "There was small to moderate glenohumeral joint
        // effusion.": words an examiner also uses, but every one of them an imaging finding, inside
        // the report — more of the study, not an exam
        const imagingWordsOnly =
          here.length > 0 &&
          here.every((m) => m.type === 'exam_finding') &&
          s.exam.length > 0 &&
          s.exam.every((e) => s.cuesOf('imaging_finding').some((c) => c.start < e.end && c.end > e.start)) &&
          !s.has('exam_context');
        const continuation =
          (here.length === 0 || imagingWordsOnly) &&
          s.services.length === 0 &&
          s.dates.length === 0 &&
          !busy &&
          readsImages &&
          (imagingWordsOnly || s.exam.every((e) => e.value.reportable || e.value.concept.startsWith('msk.test') || e.value.neutral));
        if (continuation) {
          if (imagingWordsOnly) for (const m of here) replaced.add(m);
          const m = newMention(s, {
            type: 'imaging',
            rule: 'imaging.result-continued',
            start: s.start,
            end: s.end,
            services: study.services,
            date: study.date,
            dateText: study.dateText,
            dateCertainty: 'inherited',
            dateRule: 'same-study',
            reportedOn: study.reportedOn,
          });
          added.push(m);
          lastStudy = { mention: m, index: s.index };
          continue;
        }
      }
      // a results sentence continues the last study reported, dated or not ("X-rays of the wrist were
      // obtained. The ulnar styloid was avulsed ...")
      const dated = here.filter((m) => m.type === 'imaging' && m.assertion !== 'absent').at(-1);
      if (dated) lastStudy = { mention: dated, index: s.index };
      else if (lastStudy && here.some((m) => m.type !== 'imaging')) lastStudy = null;
    }
    return [...mentions.filter((m) => !replaced.has(m)), ...added].sort((a, b) => a.sentence.index - b.sentence.index || a.start - b.start);
  },
};
