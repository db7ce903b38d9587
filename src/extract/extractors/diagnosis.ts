// Diagnoses as the record states them: "The diagnosis has been lumbar sprain/strain.",
// "The current diagnoses are documented as lumbar sprain/strain and cervical sprain/strain."
import type { Extractor } from '../engine.js';
import { newMention, type Mention } from '../mention.js';
import { isGuidelineVoice, isSilentSection } from '../reading.js';
import type { AnalyzedSentence } from '../../text/analyze.js';

const DIAGNOSIS = /\b(?:diagnos(?:is|es|ed)|being treated for|undergoing treatment for|treated for)\b/i;

export const diagnosisExtractor: Extractor<AnalyzedSentence> = {
  name: 'diagnosis',
  pattern: (s) => (!isSilentSection(s) && !isGuidelineVoice(s) && (DIAGNOSIS.test(s.text) || s.section?.category === 'assessment') ? [s] : []),
  extract(ctx, s): Mention | null {
    const m = DIAGNOSIS.exec(s.text);
    if (!m && s.exam.length > 0) return null;
    // in an assessment section, a diagnosis names something clinical: a body part, a finding, a
    // condition ("Moderate facet arthrosis at L5-S1"), not "Thank you for this referral."
    if (!m && !s.has('imaging_finding') && ctx.patterns.bodyParts.find(s.text, s.tokens, s.start).length === 0) return null;
    const start = s.start + (m?.index ?? 0);
    const { assertion } = s.assertion.at(start, start + (m?.[0].length ?? 0));
    return newMention(s, { type: 'diagnosis', rule: m ? 'diagnosis.stated' : 'diagnosis.assessment-section', start, end: s.end, assertion, dating: 'undated' });
  },
};
