import { describe, expect, it } from 'vitest';
import {
  dateInWords,
  dateStyleFor,
  dateWithWeekdayInWords,
  languageOfLocale,
  parseTypedDate,
  WEEKDAY_NAMES,
} from './dates';

const gb = dateStyleFor('en-GB');
const ca = dateStyleFor('en-CA');
const frCa = dateStyleFor('fr-CA');
const iso = (text: string, style = gb) => {
  const r = parseTypedDate(text, style);
  return r.ok ? r.iso : `refused: ${r.message}`;
};

describe('parseTypedDate: dates as people type them, in the interface language’s order', () => {
  it('reads eight digits as day, month, year in English (UK): 01122026 is 1 December 2026, never 12 January', () => {
    expect(iso('01122026')).toBe('2026-12-01');
    expect(iso('12012026')).toBe('2026-01-12');
  });

  it('reads d/m/yyyy with any usual separator in English (UK)', () => {
    expect(iso('1/12/2026')).toBe('2026-12-01');
    expect(iso('01.12.2026')).toBe('2026-12-01');
    expect(iso('1-12-2026')).toBe('2026-12-01');
    expect(iso(' 01/12/2026 ')).toBe('2026-12-01');
  });

  it('reads a year-first date the same in every language', () => {
    for (const style of [gb, ca, frCa]) expect(iso('2026-12-01', style)).toBe('2026-12-01');
    expect(iso('2026/1/5')).toBe('2026-01-05');
  });

  it('reads the Canadian locales year first, and refuses a day-first date there rather than guess', () => {
    expect(iso('20261201', ca)).toBe('2026-12-01');
    expect(iso('20261201', frCa)).toBe('2026-12-01');
    expect(iso('01/12/2026', ca)).toMatch(/^refused: .*yyyy-mm-dd/);
    expect(iso('01/12/2026', frCa)).toMatch(/^refused: .*aaaa-mm-jj/);
    expect(iso('01122026', ca)).toMatch(/^refused/);
  });

  it('refuses impossible dates with a message saying why', () => {
    expect(iso('31022026')).toBe('refused: There is no 31 February 2026: that month has 28 days.');
    expect(iso('29/02/2028')).toBe('2028-02-29');
    expect(iso('01132026')).toMatch(/^refused: “01132026” has no month 13\./);
    expect(iso('20261201')).toMatch(/^refused: “20261201” has the year 1201/);
    expect(iso('00/12/2026')).toMatch(/^refused: There is no 0 December 2026/);
  });

  it('refuses what it would have to guess: a two-digit year, a short run of digits, words', () => {
    expect(iso('1/12/26')).toMatch(/^refused: Type the year in full/);
    expect(iso('011226')).toMatch(
      /^refused: “011226” is not a date\. Type the date as dd\/mm\/yyyy, e\.g\. 01\/12\/2026\./,
    );
    expect(iso('0112202')).toMatch(/^refused/);
    expect(iso('tomorrow')).toMatch(/^refused/);
    expect(iso('')).toMatch(/^refused: Enter a date/);
  });

  it('uses English (UK) for an interface language without its own style, whatever the machine’s setting', () => {
    expect(dateStyleFor('en-US')).toBe(gb);
    expect(dateStyleFor(undefined)).toBe(gb);
    expect(dateStyleFor('fr-ca')).toBe(frCa);
    expect(frCa.placeholder).toBe('aaaa-mm-jj');
  });
});

describe('dates in words', () => {
  it('writes a date with its weekday, for every day of four years around leap years and centuries', () => {
    expect(dateInWords('2026-12-01')).toBe('1 December 2026');
    expect(dateWithWeekdayInWords('2026-12-01')).toBe('Tuesday 1 December 2026');
    expect(dateWithWeekdayInWords('2000-02-29')).toBe('Tuesday 29 February 2000');
    for (const start of [Date.UTC(1899, 11, 1), Date.UTC(1999, 11, 1), Date.UTC(2026, 0, 1)]) {
      for (let i = 0; i < 800; i++) {
        const at = new Date(start + i * 86_400_000);
        const iso = at.toISOString().slice(0, 10);
        expect(dateWithWeekdayInWords(iso).split(' ')[0], iso).toBe(WEEKDAY_NAMES[at.getUTCDay()]);
      }
    }
  });
});

describe('languageOfLocale: which language a locale is', () => {
  it('is French for any French locale, whatever its case or region', () => {
    for (const locale of ['fr-CA', 'fr', 'FR-ca', 'fr-FR']) expect(languageOfLocale(locale)).toBe('fr');
  });

  it('is English for the English locales', () => {
    for (const locale of ['en-GB', 'en-CA', 'EN-gb', 'en']) expect(languageOfLocale(locale)).toBe('en');
  });

  it('is English for any other locale, an empty one or none: a third language falls on one side everywhere', () => {
    for (const locale of ['de-DE', 'es', 'cy-GB', '', null, undefined]) expect(languageOfLocale(locale)).toBe('en');
  });
});
