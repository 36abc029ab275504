import { describe, expect, it } from 'vitest';
import { CHANNELS } from '#shared/model/case';
import {
  LANGUAGES,
  channelInWords,
  dateInWords,
  dateWithWeekdayInWords,
  message,
  messageParts,
  parseIsoDate,
  placeholdersIn,
  type LetterLanguage,
} from './catalogue';
import { textWidth, wrappedLineCount } from './font-metrics';

describe('dates in words', () => {
  it('writes a date as a British reader expects', () => {
    expect(dateInWords('en-GB', '2026-11-18')).toBe('18\u00a0November\u00a02026');
    expect(dateInWords('en-GB', '2027-01-01')).toBe('1\u00a0January\u00a02027');
    expect(dateWithWeekdayInWords('en-GB', '2026-11-25')).toBe('Wednesday\u00a025\u00a0November\u00a02026');
  });

  it('prints the day written, whatever the time zone (and across clock changes)', () => {
    // The vitest config pins TZ=Europe/London; the date is built from its parts, so no offset can shift it.
    expect(process.env.TZ).toBe('Europe/London');
    for (const iso of ['2026-03-29', '2026-10-25', '2026-01-01', '2026-12-31']) {
      const date = parseIsoDate(iso);
      expect([date.getFullYear(), date.getMonth() + 1, date.getDate()]).toEqual(iso.split('-').map(Number));
    }
    expect(dateInWords('en-GB', '2026-03-29')).toBe('29\u00a0March\u00a02026');
  });

  it('keeps a date on one line in every language: no-break spaces, measured as spaces (explore39-letters #10)', () => {
    for (const language of Object.keys(LANGUAGES) as LetterLanguage[])
      for (const words of [dateInWords(language, '2027-12-07'), dateWithWeekdayInWords(language, '2027-12-01')]) {
        expect(words, language).not.toContain(' ');
        expect(words, language).toContain('\u00a0');
        // The measure counts a no-break space as wide as a space, and never breaks at it.
        expect(textWidth(words, 16)).toBeCloseTo(textWidth(words.replace(/\u00a0/g, ' '), 16), 6);
        expect(wrappedLineCount(`until ${words}`, 16, textWidth(`until ${words}`, 16) - 1)).toBe(2);
      }
  });

  it('refuses what is not a real YYYY-MM-DD date', () => {
    expect(() => parseIsoDate('2026-11-18T00:00:00Z')).toThrow(/YYYY-MM-DD/);
    expect(() => parseIsoDate('18/11/2026')).toThrow(/YYYY-MM-DD/);
    expect(() => parseIsoDate('2026-02-29')).toThrow(/not a real calendar date/);
    expect(() => parseIsoDate('2026-13-01')).toThrow(/not a real calendar date/);
    expect(parseIsoDate('2028-02-29').getDate()).toBe(29);
  });
});

describe('messages', () => {
  it('fills placeholders and keeps the filled values apart for emphasis', () => {
    expect(message('en-GB', 'footer.reference', { reference: 'RDR-2026-000042' })).toBe(
      'Our reference: RDR-2026-000042',
    );
    expect(messageParts('en-GB', 'footer.page', { page: '1', pages: '2' })).toEqual([
      { text: 'Page ' },
      { text: '1', placeholder: 'page' },
      { text: ' of ' },
      { text: '2', placeholder: 'pages' },
    ]);
  });

  it('throws when a value is missing rather than printing a raw {placeholder}', () => {
    const vars = {} as { reference: string };
    expect(() => message('en-GB', 'footer.reference', vars)).toThrow('needs a value for {reference}');
  });

  it('writes French "de" short before a name that starts with a vowel or an h, and only there', () => {
    const heading = (customerName: string) => message('fr-CA', 'ack.heading.representative', { customerName });
    expect(heading('Élodie Tremblay')).toBe(
      'Nous avons bien reçu votre plainte concernant le compte d’Élodie Tremblay',
    );
    expect(heading('Hélène Roy')).toBe('Nous avons bien reçu votre plainte concernant le compte d’Hélène Roy');
    expect(heading('André Côté')).toBe('Nous avons bien reçu votre plainte concernant le compte d’André Côté');
    expect(heading('Luc Gagnon')).toBe('Nous avons bien reçu votre plainte concernant le compte de Luc Gagnon');
    expect(heading('Yannick Roy')).toBe('Nous avons bien reçu votre plainte concernant le compte de Yannick Roy');
    // The value itself stays apart, for emphasis; English is left as it is.
    expect(messageParts('fr-CA', 'ack.heading.representative', { customerName: 'Élodie Tremblay' })).toEqual([
      { text: 'Nous avons bien reçu votre plainte concernant le compte d’' },
      { text: 'Élodie Tremblay', placeholder: 'customerName' },
    ]);
    expect(message('en-GB', 'ack.heading.representative', { customerName: 'Élodie Tremblay' })).toBe(
      'We have received the complaint about Élodie Tremblay’s account',
    );
  });

  it('says how every channel reached us', () => {
    const words = CHANNELS.map((channel) => channelInWords('en-GB', channel));
    expect(words).toEqual([
      'by phone',
      'by email',
      'through our website',
      'by letter',
      'in person',
      'through online chat',
    ]);
  });

  it('gives every language the same keys and placeholders as British English', () => {
    const source = LANGUAGES['en-GB'].messages;
    for (const [language, pack] of Object.entries(LANGUAGES)) {
      expect(Object.keys(pack.messages).sort(), language).toEqual(Object.keys(source).sort());
      for (const [key, template] of Object.entries(pack.messages)) {
        expect(placeholdersIn(template), `${language} ${key}`).toEqual(
          placeholdersIn(source[key as keyof typeof source]),
        );
      }
    }
  });

  it('keeps legal jargon out of the letters', () => {
    const all = Object.values(LANGUAGES['en-GB'].messages).join('\n');
    for (const word of [
      'hereby',
      'herein',
      'aforementioned',
      'pursuant',
      'forthwith',
      'deadlock',
      'General Condition',
    ]) {
      expect(all.toLowerCase()).not.toContain(word.toLowerCase());
    }
  });
});
