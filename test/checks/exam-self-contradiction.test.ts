// contradiction.within-exam (src/checks/exam-self-contradiction.ts): one visit's examination records
// a single-state finding (a heart rate, edema, a murmur, a gait) both ways in two statements.
import { describe, expect, it } from 'vitest';
import type { Flag } from '../../src/schema.js';
import { timelineOf } from '../extract/support.js';

function exam(lines: string, date = '04/10/2018'): string {
  return `Date of Service: ${date}\nPHYSICAL EXAMINATION:\n${lines}\nPLAN:\nFollow up in four weeks.`;
}

async function withinExam(text: string): Promise<Flag[]> {
  return (await timelineOf(text)).flags.filter((f) => f.rule === 'contradiction.within-exam');
}

describe('contradiction within one exam: flagged', () => {
  it.each<[label: string, lines: string, sides: [string, string]]>([
    ['a counted pulse against tachycardia', 'Vital signs: Pulse is 76. Heart: Regular rhythm. Marked tachycardia is noted.', ['Pulse is 76', 'Marked tachycardia']],
    ['no edema against leg swelling', 'Extremities: No edema. Dorsalis pedis pulses are hard to feel because of the leg swelling.', ['No edema', 'leg swelling']],
    ['a blood pressure against a normotensive claim', 'Blood pressure 172/108. Cardiovascular: the patient is normotensive.', ['172/108', 'normotensive']],
  ])('%s', async (_, lines, [a, b]) => {
    const flags = await withinExam(exam(lines));
    expect(flags).toHaveLength(1);
    const quotes = flags[0]!.evidence.map((e) => e.quote).join(' | ');
    expect(quotes).toContain(a);
    expect(quotes).toContain(b);
    expect(flags[0]!.kind).toBe('contradiction');
  });
});

describe('contradiction within one exam: not flagged', () => {
  it.each<[label: string, lines: string]>([
    ['edema on one side only', 'Right leg: no edema. Left leg: 2+ pitting edema to the mid shin.'],
    ['sensation varies by dermatome', 'Sensation is intact in the L4 dermatome. Diminished sensation in the left S1 dermatome.'],
    ['a pulse between normal and abnormal claims nothing', 'Pulse 55. Heart: mild bradycardia.'],
    ['an earlier reading is history', 'Her heart rate was 120 at the last visit. Pulse today is 78.'],
    ['one statement only', 'Heart: regular rate and rhythm. Lungs clear.'],
    ['a reading and its recheck are two measurements', 'Blood pressure is 152/94. Recheck blood pressure was 128/78.'],
    ['edema of one joint and none at the ankles', 'Right knee: edema and effusion. No ankle edema.'],
  ])('%s', async (_, lines) => {
    expect(await withinExam(exam(lines))).toEqual([]);
  });
});
