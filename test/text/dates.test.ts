import { describe, expect, it } from 'vitest';
import { daysBetween, findDates, isValidDay, pivotYear, type DatePrecision } from '../../src/text/dates.js';

// Every two-digit year below is read against this fixed reference year, never against the clock.
const REFERENCE_YEAR = 2016;

/** The dates found in a sentence, as [text as written, value, precision]. */
function read(text: string, referenceYear = REFERENCE_YEAR): [string, string, DatePrecision][] {
  return findDates(text, referenceYear).map((d) => [d.text, d.value, d.precision]);
}

describe('findDates: numeric month/day/year', () => {
  it.each<[string, string, string]>([
    ['The claimant was re-evaluated on 07/29/14 for neck pain.', '07/29/14', '2014-07-29'],
    ['Lumbar MRI performed 08/25/2014 showed mild stenosis.', '08/25/2014', '2014-08-25'],
    ['She returned to clinic on 09-02-15 with knee swelling.', '09-02-15', '2015-09-02'],
    ['Follow-up visit 09-02-2015 with the surgeon.', '09-02-2015', '2015-09-02'],
    ['Injection given 10-3-16 at the surgery center.', '10-3-16', '2016-10-03'],
    ['Seen 3/4/15 for a recheck of the wrist.', '3/4/15', '2015-03-04'],
    ['The request was non-certified by UR (11-16-16) and appealed.', '11-16-16', '2016-11-16'],
    ['Progress note dated 12/13/2016.', '12/13/2016', '2016-12-13'],
    ['Operative report from 2/29/2016 reviewed.', '2/29/2016', '2016-02-29'],
    ['EMG scheduled for 3.4.2015 at the hospital.', '3.4.2015', '2015-03-04'],
    ['Date of Injury:3/4/15', '3/4/15', '2015-03-04'],
    ['Seen on 12/13/2016 at 10:32 for a recheck.', '12/13/2016', '2016-12-13'],
  ])('%j → %s = %s', (sentence, text, value) => {
    expect(read(sentence)).toEqual([[text, value, 'day']]);
  });
});

describe('findDates: dates written with month names', () => {
  it.each<[string, string, string]>([
    ['She underwent a lumbar fusion on June 3, 2014.', 'June 3, 2014', '2014-06-03'],
    ['He was injured on 3 June 2014 while lifting a pallet.', '3 June 2014', '2014-06-03'],
    ['Agreed medical evaluation of November 02, 2016.', 'November 02, 2016', '2016-11-02'],
    ['Physical therapy began Sept. 4, 2015 at a local clinic.', 'Sept. 4, 2015', '2015-09-04'],
    ['The fall occurred on the 14th of March 2015 at work.', '14th of March 2015', '2015-03-14'],
    ['Nerve conduction study on february 9, 2016 was normal.', 'february 9, 2016', '2016-02-09'],
    ['Report of Dec 1st, 2015 reviewed.', 'Dec 1st, 2015', '2015-12-01'],
  ])('%j → %s = %s', (sentence, text, value) => {
    expect(read(sentence)).toEqual([[text, value, 'day']]);
  });
});

describe('findDates: ISO dates', () => {
  it.each<[string, string]>([
    ['Study completed 2014-06-03 without complication.', '2014-06-03'],
    ['Exported 2016-12-31.', '2016-12-31'],
  ])('%j → %s', (sentence, value) => {
    expect(read(sentence)).toEqual([[value, value, 'day']]);
  });
});

describe('findDates: month-year is kept to the month, never invented to a day', () => {
  it.each<[string, string, string]>([
    ['Symptoms worsened in 12/2016 after a second fall.', '12/2016', '2016-12'],
    ['Acupuncture was tried in 6/2014.', '6/2014', '2014-06'],
    ['Carpal tunnel release in June 2014 helped the numbness.', 'June 2014', '2014-06'],
    ['She stopped working in Dec. 2014.', 'Dec. 2014', '2014-12'],
    ['Chiropractic care since Jan 2015.', 'Jan 2015', '2015-01'],
    ['An MRI was obtained in October of 2015.', 'October of 2015', '2015-10'],
  ])('%j → %s = %s', (sentence, text, value) => {
    const found = read(sentence);
    expect(found).toEqual([[text, value, 'month']]);
    expect(found[0]?.[1]).toMatch(/^\d{4}-\d{2}$/);
  });

  it('reads a month-year range as two months', () => {
    expect(read('Therapy from 1/2015 to 3/2015 gave little relief.')).toEqual([
      ['1/2015', '2015-01', 'month'],
      ['3/2015', '2015-03', 'month'],
    ]);
  });
});

describe('findDates: year only', () => {
  it.each<[string, string]>([
    ['He had a lumbar discectomy in 2014.', '2014'],
    ['She has had migraines since 2012 and takes sumatriptan.', '2012'],
    ['The shoulder was first injured during 2009 at another job.', '2009'],
    ['No treatment until 2015, when he saw a chiropractor.', '2015'],
  ])('%j → %s', (sentence, year) => {
    expect(read(sentence)).toEqual([[year, year, 'year']]);
  });
});

describe('findDates: two-digit years go to the right century', () => {
  it.each<[string, number, string]>([
    ['Seen 01/12/10 for a recheck.', 2014, '2010-01-12'],
    ['DOB 01/01/60', 2016, '1960-01-01'],
    ['Surgery on 12/31/99 at county hospital.', 2016, '1999-12-31'],
    ['Seen 1/2/03 in the ER.', 2016, '2003-01-02'],
    // one year past the reference is allowed (a note written over New Year)
    ['Return visit planned for 01/05/17.', 2016, '2017-01-05'],
    ['Return visit 01/05/18 would be in the future.', 2016, '1918-01-05'],
  ])('%j read in %i → %s', (sentence, referenceYear, value) => {
    expect(findDates(sentence, referenceYear).map((d) => d.value)).toEqual([value]);
  });
});

describe('pivotYear', () => {
  it.each<[number, number, number]>([
    [14, 2016, 2014],
    [16, 2016, 2016],
    [17, 2016, 2017],
    [18, 2016, 1918],
    [60, 2016, 1960],
    [0, 2016, 2000],
    [99, 2000, 1999],
    [1, 2000, 2001],
  ])('%i against %i → %i', (twoDigit, referenceYear, year) => {
    expect(pivotYear(twoDigit, referenceYear)).toBe(year);
  });
});

describe('findDates: invalid calendar dates are rejected', () => {
  it.each([
    'Seen on 02/30/2016 for follow-up.',
    'Seen on 13/01/2016 for follow-up.',
    'Seen on 00/12/2016 for follow-up.',
    'Seen on 04/31/2015 for follow-up.',
    'Seen on 2/29/2015, a non-leap year.',
    'Seen on December 32, 2014.',
    'Seen on Feb 29, 2015.',
    'Exported 2014-13-01.',
    'Symptoms worse in 13/2016.',
    'Born in 1899.',
  ])('%j yields no date', (sentence) => {
    expect(read(sentence)).toEqual([]);
  });
});

describe('findDates: numbers that are not dates', () => {
  it.each([
    'Norco 5/325 mg one tablet every 4-6 hours as needed.',
    'Tramadol 50 mg 1-2 tablets q 4-6 h.',
    'Disc protrusion at L4-5 with foraminal narrowing at C5-6.',
    'Physical therapy 2x3 was requested.',
    'Strength 4+/5 in the left tibialis anterior.',
    'Pain is rated 6-7/10 and blood pressure was 130/80.',
    'Case Number: CM16-0000001',
    'Call the office at 555-1234.',
    'Lumbago, ICD-9 724.4.',
    'Lidoderm 5% patch daily.',
    'Version 5.12.14 of the form.',
    'Therapy 2x/week x 6 weeks, then 12/15 visits remain.',
    'Symptoms may 2014 be worse at night.',
    'In 20145 cases the rule does not apply.',
  ])('%j yields no date', (sentence) => {
    expect(read(sentence)).toEqual([]);
  });
});

describe('findDates: offsets', () => {
  it.each<[string, number]>([
    ['On 08/25/14, an MRI of the lumbar spine was obtained.', 0],
    ['Follow-up on June 3, 2014 and again in 12/2016.', 100],
    ['Injury in 2012; seen 3-4-15 and 2015-03-18.', 7],
  ])('%j at offset %i: text.slice(start - offset, end - offset) is the date as written', (sentence, offset) => {
    const found = findDates(sentence, REFERENCE_YEAR, offset);
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) expect(sentence.slice(d.start - offset, d.end - offset)).toBe(d.text);
    // sorted by position
    expect(found.map((d) => d.start)).toEqual([...found.map((d) => d.start)].sort((a, b) => a - b));
  });

  it('finds several dates in one sentence in order', () => {
    expect(read('UR denied the request on 12/20/2016; IMR received it 12/28/2016 and decided on January 9, 2017.', 2017)).toEqual([
      ['12/20/2016', '2016-12-20', 'day'],
      ['12/28/2016', '2016-12-28', 'day'],
      ['January 9, 2017', '2017-01-09', 'day'],
    ]);
  });
});

describe('calendar helpers', () => {
  it.each<[number, number, number, boolean]>([
    [2016, 2, 29, true],
    [2015, 2, 29, false],
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2016, 4, 31, false],
    [2016, 12, 31, true],
    [2016, 0, 1, false],
    [2016, 1, 0, false],
  ])('isValidDay(%i, %i, %i) → %s', (y, m, d, valid) => {
    expect(isValidDay(y, m, d)).toBe(valid);
  });

  it.each<[string, string, number]>([
    ['2014-07-21', '2014-07-29', 8],
    ['2016-02-28', '2016-03-01', 2],
    ['2015-01-01', '2014-12-31', -1],
  ])('daysBetween(%s, %s) → %i', (a, b, days) => {
    expect(daysBetween(a, b)).toBe(days);
  });
});
