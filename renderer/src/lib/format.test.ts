// Dates in the interface language (issue #17): French writes the first of the month "1er" ("1er janvier 2027",
// "1er janv."), which Intl does not; every other day, and English, as Intl writes them. The time zone is set here
// (the desk's, Toronto), so an instant near midnight falls on the day a Quebec desk sees.
process.env.TZ = 'America/Toronto';

import { describe, expect, it } from 'vitest';
import { formatDate, formatDayMonth, formatLongDate, formatShortDate, formatTimestamp } from './format';

/** Intl's spaces (no-break, narrow no-break) read as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the first of the month in French', () => {
  it('is "1er" in every date in words', () => {
    expect(plain(formatLongDate('2027-01-01', 'fr-CA'))).toBe('vendredi 1er janvier 2027');
    expect(plain(formatShortDate('2027-01-01', 'fr-CA'))).toBe('1er janv. 2027');
    expect(plain(formatDate('2027-12-01', 'fr-CA'))).toBe('mer. 1er déc. 2027');
  });

  it('takes the day an instant falls on in this computer’s time zone', () => {
    // 03:30 on 2 January in London is still 1 January, 22:30, in Toronto.
    expect(plain(formatTimestamp('2027-01-02T03:30:00Z', 'fr-CA'))).toBe('1er janv. 2027, 22 h 30');
    expect(plain(formatDayMonth(new Date('2027-01-02T03:30:00Z'), 'fr-CA'))).toBe('1er janv.');
    // And 1 January in London is 31 December in Toronto: no "1er" there.
    expect(plain(formatTimestamp('2027-01-01T03:30:00Z', 'fr-CA'))).toBe('31 déc. 2026, 22 h 30');
  });

  it('leaves other days, and English, as Intl writes them', () => {
    expect(plain(formatLongDate('2027-01-11', 'fr-CA'))).toBe('lundi 11 janvier 2027');
    expect(plain(formatShortDate('2027-01-21', 'fr-CA'))).toBe('21 janv. 2027');
    expect(formatLongDate('2027-01-01', 'en-GB')).toBe('Friday 1 January 2027');
    expect(formatShortDate('2027-01-01', 'en-CA')).toBe('Jan 1, 2027');
    expect(formatTimestamp('2027-01-02T03:30:00Z', 'en-GB')).toBe('1 Jan 2027, 22:30');
    // English (Canada) on the 24-hour clock too: no "p.m." to end a sentence "p.m.." (explore34a #18).
    expect(formatTimestamp('2027-01-02T03:30:00Z', 'en-CA')).toBe('Jan 1, 2027, 22:30');
  });
});
