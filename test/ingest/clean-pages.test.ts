import { describe, expect, it } from 'vitest';
import { cleanPages, rawOffsetOf } from '../../src/ingest/clean-pages.js';

/** Wraps a paragraph at `width` columns the way a PDF text layer does. */
function wrap(paragraph: string, width = 76): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const pagesOf = (...texts: string[]) => texts.map((text, i) => ({ num: i + 1, text }));
const clean = (...texts: string[]) => cleanPages(pagesOf(...texts)).map((p) => p.text);

// Body text of a three-page report; each page says something different.
const BODY = [
  'The claimant was evaluated by the treating orthopedist, who noted persistent pain in the lumbar spine radiating into the right leg with numbness in the foot.',
  'At the follow-up visit the claimant reported that the home exercise program had helped somewhat, and the pain was rated 5/10 compared with 7/10 before therapy.',
  'The treating physician requested an epidural steroid injection at L5-S1, which the utilization reviewer did not certify at that time because the records did not document radicular findings on examination.',
];

describe('cleanPages: repeated page headers and footers', () => {
  const faxed = BODY.map((body, i) =>
    [`01/1${i}/2017 10:3${i} AM FROM: 5551234 TO: 5559876 P. ${i + 1}/3`, 'Pacific Spine Group - Case Number: CM16-0000001', ...wrap(body), `Page ${i + 1} of 3`].join('\n'),
  );

  it.each([0, 1, 2])('page %i keeps only its body', (i) => {
    expect(clean(...faxed)[i]).toBe(BODY[i]);
  });

  it.each<[string, string[]]>([
    ['a letterhead on every page, with a different page number each time', BODY.map((body, i) => ['SUNRISE ORTHOPEDIC ASSOCIATES', `Claim No. 4471-2 | Page ${i + 1} of 3`, ...wrap(body)].join('\n'))],
    ['a footer with the print time, which differs page to page', BODY.map((body, i) => [...wrap(body), `Printed 02/0${i + 1}/2017 at 4:1${i} PM by records`].join('\n'))],
    ['blank lines around the running header', BODY.map((body, i) => ['', 'Pacific Spine Group', '', ...wrap(body), '', `- ${i + 1} -`, ''].join('\n'))],
  ])('%s', (_label, pages) => {
    expect(clean(...pages)).toEqual(BODY);
  });

  it('on two pages a line must be on both to count as repeated', () => {
    const twoPages = [['Pacific Spine Group', ...wrap(BODY[0] as string)].join('\n'), ['Addendum to the report', ...wrap(BODY[1] as string)].join('\n')];
    expect(clean(...twoPages)).toEqual([`Pacific Spine Group\n${BODY[0]}`, `Addendum to the report\n${BODY[1]}`]);
  });

  it('a single page has nothing repeated: its first lines stay', () => {
    expect(clean(['Pacific Spine Group', 'Case Number: CM16-0000001', ...wrap(BODY[0] as string)].join('\n'))).toEqual([`Pacific Spine Group\nCase Number: CM16-0000001\n${BODY[0]}`]);
  });

  it('one-page notes keep their own visit dates: a date is not masked like a page number', () => {
    const notes: [string, string][] = [
      ['03/04/2015', 'Low back pain is unchanged and rated 6/10 today.'],
      ['04/01/2015', 'Low back pain improved after two sessions of therapy.'],
      ['05/06/2015', 'The claimant reports no pain and returns to full duty.'],
    ];
    const pages = notes.map(([date, body], i) => `PROGRESS REPORT\nDate of Service: ${date}\n${body}\nPage ${i + 1} of 3`);
    expect(clean(...pages)).toEqual(notes.map(([date, body]) => `Date of Service: ${date}\n${body}`));
  });

  it('a running header with the same date on every page is still removed', () => {
    const pages = BODY.map((body, i) => [`Report date 01/09/2017 - Claim 4471-2 - page ${i + 1}`, ...wrap(body)].join('\n'));
    expect(clean(...pages)).toEqual(BODY);
  });

  it('a repeated line away from the page edges stays', () => {
    const reminder = 'Continue the home exercise program.';
    const pages = BODY.map((body, i) => ['Pacific Spine Group', `PROGRESS NOTE ${i + 1}`, 'SUBJECTIVE:', reminder, 'OBJECTIVE:', ...wrap(body), 'PLAN:', `Recheck in ${i + 2} weeks.`].join('\n'));
    const out = clean(...pages);
    for (const [i, text] of out.entries()) {
      expect(text).not.toContain('Pacific Spine Group');
      expect(text).toContain(reminder);
      expect(text).toContain(BODY[i]);
    }
  });
});

describe('cleanPages: page-number lines', () => {
  it.each(['Page 2 of 5', 'page 2 of 5', 'Page 3', 'Pg. 4', 'p. 7', '2 of 5', '3/12', '- 3 -', '14'])('%j alone on a line is removed, even on a single page', (line) => {
    expect(clean(`Lumbar strain.\n${line}\nNo red flags.`)).toEqual(['Lumbar strain.\nNo red flags.']);
  });

  it.each(['Page 2 of 5 of the report was missing.', 'Pain 2 of 10 today.', 'Seen on 3/12/2016.', 'Page 4 of the QME report'])('%j is text, not a page number', (line) => {
    expect(clean(`Lumbar strain.\n${line}\nNo red flags.`)[0]).toContain(line);
  });
});

describe('cleanPages: line wraps', () => {
  it.each(BODY)('a wrapped paragraph becomes one line: %j', (paragraph) => {
    expect(wrap(paragraph).length).toBeGreaterThan(1);
    expect(clean(wrap(paragraph).join('\n'))).toEqual([paragraph]);
  });

  it('double-spaced exports (a blank line after every line) join the same way', () => {
    expect(clean(wrap(BODY[1] as string).join('\n\n'))).toEqual([BODY[1]]);
  });

  it('Windows line ends and tabs are normalised', () => {
    expect(
      clean(
        `${wrap(BODY[2] as string)
          .join('\r\n')
          .replace('epidural steroid', 'epidural\tsteroid')}\r\n`,
      ),
    ).toEqual([BODY[2]]);
  });

  it('short heading lines keep their line break', () => {
    const page = ['PHYSICAL EXAMINATION:', ...wrap(BODY[0] as string), 'IMPRESSION', 'Lumbar radiculopathy.', 'Plan:', ...wrap(BODY[2] as string)].join('\n');
    expect(clean(page)).toEqual([`PHYSICAL EXAMINATION:\n${BODY[0]}\nIMPRESSION\nLumbar radiculopathy.\nPlan:\n${BODY[2]}`]);
  });

  it('a short line ends its paragraph', () => {
    const page = [...wrap(BODY[0] as string), 'Work status: modified duty.', ...wrap(BODY[1] as string)].join('\n');
    expect(clean(page)).toEqual([`${BODY[0]}\nWork status: modified duty.\n${BODY[1]}`]);
  });

  it('a text file with one paragraph per line is left alone', () => {
    expect(clean('Neck pain.\nShoulder pain.')).toEqual(['Neck pain.\nShoulder pain.']);
  });
});

describe('cleanPages: lines ending with a colon', () => {
  const lead = 'The independent medical reviewer considered the following request in detail';

  it.each<[string, string, string]>([
    ['a colon introduces what follows on its own line', `${lead}:\nLumbar MRI without contrast`, `${lead}:\nLumbar MRI without contrast`],
    [
      'a decision word joins its item line',
      `MRI of the lumbar spine without contrast as requested by the physician:\nUpheld`,
      'MRI of the lumbar spine without contrast as requested by the physician: Upheld',
    ],
    [
      '"Overturned" joins too',
      `Physical therapy twice weekly for six weeks for the lumbar spine (12 visits):\nOverturned`,
      'Physical therapy twice weekly for six weeks for the lumbar spine (12 visits): Overturned',
    ],
    [
      'a decision line stands alone however long',
      'Chiropractic manipulation for the cervical spine, eight sessions: Upheld\nRationale follows.',
      'Chiropractic manipulation for the cervical spine, eight sessions: Upheld\nRationale follows.',
    ],
  ])('%s', (_label, decision, expected) => {
    const page = [...wrap(BODY[0] as string), decision, ...wrap(BODY[1] as string)].join('\n');
    expect(clean(page)).toEqual([`${BODY[0]}\n${expected}\n${BODY[1]}`]);
  });
});

describe('cleanPages: hyphens at a line end', () => {
  const before = 'The claimant slipped on a wet floor at the warehouse and injured the low back;';
  const after = 'reviewer on the basis of the guidelines and the documentation of the visit.';

  // each `end` line reaches the right margin, so it wraps onto `next`
  it.each<[string, string, string, string]>([
    ['a split date joins without a space', 'the date of injury given on the first report of occupational injury is 10-', '17-2016 per the', 'is 10-17-2016 per the'],
    ['a compound stays hyphenated', 'the request for the lumbar MRI without contrast was therefore found non-', 'certified by the', 'found non-certified by the'],
    ['a word split across lines joins when spelled whole elsewhere', 'the reviewer noted that the supporting medical records and the documen-', 'tation were thin', 'the documentation were thin'],
    ['a compound is joined when spelled joined elsewhere', 'on the noncertified items list the request for the lumbar MRI was non-', 'certified by the', 'was noncertified by the'],
    [
      'a word is not joined when the joined form is not a word of the document',
      'the claimant reports that the pain is worse with prolonged sitting, stand-',
      'ing and the',
      'sitting, stand-ing and the',
    ],
  ])('%s', (_label, end, next, expected) => {
    expect(end.length).toBeGreaterThan(68);
    const text = clean([before, end, `${next} ${after}`].join('\n'))[0] ?? '';
    expect(text).toContain(expected);
    expect(text).not.toContain('\n');
    expect(text.startsWith(`${before} `)).toBe(true);
    expect(text.endsWith(` ${after}`)).toBe(true);
  });
});

describe('cleanPages: continuesOnNext', () => {
  const threePages = () => {
    const words = wrap(`${BODY[0]} ${BODY[1]}`);
    // page 1 stops mid-sentence at a full-width line; page 2 ends its sentence; page 3 ends with a colon
    const cut = words.findIndex((l, i) => i >= 3 && !/[.!?]$/.test(l)) + 1;
    expect(cut).toBeGreaterThan(3);
    return pagesOf(
      ['Pacific Spine Group', ...words.slice(0, cut), 'Page 1 of 3'].join('\n'),
      ['Pacific Spine Group', ...words.slice(cut), 'Page 2 of 3'].join('\n'),
      ['Pacific Spine Group', ...wrap(BODY[2] as string), 'The following items were reviewed by the independent medical reviewer here:', 'Page 3 of 3'].join('\n'),
    );
  };

  it.each<[number, boolean]>([
    [0, true],
    [1, false],
    [2, false],
  ])('page %i → %s', (i, continues) => {
    expect(cleanPages(threePages())[i]?.continuesOnNext).toBe(continues);
  });

  it('the pages together read as the paragraph', () => {
    const [p1, p2] = cleanPages(threePages());
    expect(`${p1?.text} ${p2?.text}`).toBe(`${BODY[0]} ${BODY[1]}`);
  });

  it('a page ending with a full stop does not continue, even at full width', () => {
    const pages = pagesOf(wrap(BODY[0] as string).join('\n'), wrap(BODY[1] as string).join('\n'));
    expect(cleanPages(pages).map((p) => p.continuesOnNext)).toEqual([false, false]);
  });

  it('page numbers and texts are kept in order', () => {
    const out = cleanPages([
      { num: 7, text: 'Neck pain.' },
      { num: 8, text: '' },
      { num: 9, text: 'Back pain.' },
    ]);
    expect(out).toEqual([
      { num: 7, text: 'Neck pain.', continuesOnNext: false },
      { num: 8, text: '', continuesOnNext: false },
      { num: 9, text: 'Back pain.', continuesOnNext: false },
    ]);
  });
});

describe("cleanPages: OCR'd running headers (fuzzy)", () => {
  const page = (header: string, body: string) => ({ num: 0, text: `${header}\n${body}\nMore of the note follows here.` });
  it('a header read a character differently on each page is still removed', () => {
    const raw = [page('Case Number: CM16-0239607', 'First page body.'), page('Case Nurnber: CM16-0239607', 'Second page body.'), page('Case Number: CM16-O239607', 'Third page body.')].map((p, i) => ({
      ...p,
      num: i + 1,
    }));
    for (const p of cleanPages(raw, { fuzzy: true })) expect(p.text).not.toMatch(/Case N/);
    // exact matching alone keeps them: they differ
    expect(cleanPages(raw).filter((p) => /Case N/.test(p.text))).toHaveLength(3);
  });

  it('lines with different dates are two visits, not one header', () => {
    const raw = [page('Date of Service: 03/04/2015', 'Low back pain.'), page('Date of Service: 04/01/2015', 'Neck pain.')].map((p, i) => ({ ...p, num: i + 1 }));
    const clean = cleanPages(raw, { fuzzy: true });
    expect(clean[0]?.text).toContain('Date of Service: 03/04/2015');
    expect(clean[1]?.text).toContain('Date of Service: 04/01/2015');
  });

  it('tracks where each clean character came from', () => {
    const raw = [{ num: 1, text: '  Assessment: lumbar strain.\n\nPlan: physical therapy.' }];
    const [clean] = cleanPages(raw, { track: true });
    if (!clean) throw new Error('no page');
    for (const word of ['Assessment', 'lumbar', 'Plan', 'therapy']) {
      const at = clean.text.indexOf(word);
      expect(raw[0]?.text.slice(rawOffsetOf(clean, at), rawOffsetOf(clean, at) + word.length)).toBe(word);
    }
  });
});
