// Calendars and holidays in the interface language: the built-in ones by their catalogue names, any other as written.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_HOLIDAYS, type BuiltInHolidayId, DEFAULT_CALENDARS, evaluateCase } from '#shared/rules/index';
import { receivedDateQuestion } from '#shared/casework/received-date';

import { en, fr } from '#test/support/translate';
import { explanationIn } from './explain';
import { calendarNameIn, holidayNameIn } from './holidays';

describe('holiday names', () => {
  it('names the Canadian federal holidays by their official French names', () => {
    const french: Partial<Record<BuiltInHolidayId, string>> = {
      'new-year': 'jour de l’An',
      'good-friday': 'Vendredi saint',
      'victoria-day': 'fête de Victoria',
      'canada-day': 'fête du Canada',
      'labour-day': 'fête du Travail',
      'truth-and-reconciliation': 'Journée nationale de la vérité et de la réconciliation',
      thanksgiving: 'Action de grâces',
      'remembrance-day': 'jour du Souvenir',
      christmas: 'jour de Noël',
      'boxing-day': 'lendemain de Noël',
    };
    for (const [id, name] of Object.entries(french))
      expect(holidayNameIn(fr, BUILT_IN_HOLIDAYS[id as BuiltInHolidayId])).toBe(name);
    expect(holidayNameIn(fr, 'Boxing Day (substitute day)')).toBe('lendemain de Noël (jour substitut)');
  });

  it('names every built-in holiday in French, none left in English', () => {
    for (const english of Object.values(BUILT_IN_HOLIDAYS)) {
      expect(holidayNameIn(fr, english)).not.toBe(english);
      expect(holidayNameIn(fr, `${english} (substitute day)`)).toMatch(/ \(jour substitut\)$/);
    }
  });

  it('keeps a holiday the desk imported under its own name as it is written, in either language', () => {
    expect(holidayNameIn(fr, 'Fête nationale du Québec')).toBe('Fête nationale du Québec');
    expect(holidayNameIn(en, 'Company away day')).toBe('Company away day');
    expect(holidayNameIn(en, 'Boxing Day (substitute day)')).toBe('Boxing Day (substitute day)');
    expect(holidayNameIn(en, "New Year's Day")).toBe('New Year’s Day');
  });

  it('names a built-in calendar in the interface’s words, any other by its name', () => {
    expect(calendarNameIn(fr, 'canada', 'Canada (federal)')).toBe('Canada (fédéral)');
    expect(calendarNameIn(en, 'canada', 'Canada (federal)')).toBe('Canada (federal)');
    expect(calendarNameIn(fr, 'desk-own', 'Calendrier maison')).toBe('Calendrier maison');
  });
});

describe('holidays in French sentences', () => {
  it('the letter received on Remembrance Day: the date field’s question names it and its calendar in French', () => {
    const question = receivedDateQuestion('2026-11-11', {
      today: '2026-12-06',
      channel: 'letter',
      calendar: DEFAULT_CALENDARS.canada,
    })!;
    const doubt = question.doubts.find((d) => d.holiday)!;
    expect(doubt.holiday).toEqual({ name: 'Remembrance Day', calendar: 'Canada (federal)', calendarId: 'canada' });
    expect(
      fr('dateField.doubt.bankHoliday', {
        name: holidayNameIn(fr, doubt.holiday!.name),
        calendar: calendarNameIn(fr, doubt.holiday!.calendarId, doubt.holiday!.calendar),
      }),
    ).toContain('(jour du Souvenir, Canada (fédéral))');
  });

  it('a clock counted in working days over Christmas on a Canadian calendar names the days it skipped in French', () => {
    // Kijoma's first response: 5 working days (a UK procedure, here on the Canadian calendar).
    const e = evaluateCase(
      { procedureId: 'kijoma', calendar: 'canada', receivedOn: '2026-12-18', channel: 'email', events: [] },
      '2026-12-20',
    );
    const counted = e.clocks.find((c) => c.id === 'first-response')!;
    const said = explanationIn(fr, 'fr-CA', counted.explain);
    expect(said).toContain(
      'les jours fériés du calendrier Canada (fédéral) sont exclus (ici\u00a0: jour de Noël (25 déc. 2026), ' +
        'lendemain de Noël (jour substitut) (28 déc. 2026))',
    );
    expect(said).not.toMatch(/Christmas|Boxing|substitute/);
  });
});
