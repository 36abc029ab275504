import { describe, expect, it } from 'vitest';
import type { Provider } from '#shared/model/provider';
import { copyOfProcedure } from './procedure-form';
import { installDeskProcedures, JIVE_CA } from './procedures';
import { providerMismatches } from './provider-checks';

const uk: Pick<Provider, 'procedureId' | 'calendar' | 'adrSchemeId' | 'languages' | 'region'> = {
  procedureId: 'kijoma',
  calendar: 'england-and-wales',
  languages: ['en-GB'],
  region: 'UK',
};
const jive: typeof uk = { procedureId: 'jive-ca', calendar: 'canada', languages: ['fr-CA', 'en-CA'], region: 'CA' };
const codes = (p: typeof uk) => providerMismatches(p).map((m) => m.code);

describe('providerMismatches', () => {
  it('knows the desk’s own procedures: a copy of Jive’s code on a UK calendar is warned of too', () => {
    const copy = copyOfProcedure(JIVE_CA, new Set());
    installDeskProcedures([copy]);
    try {
      expect(codes({ ...jive, procedureId: copy.id, calendar: 'england-and-wales' })).toContain('procedure-calendar');
    } finally {
      installDeskProcedures([]);
    }
  });

  it('finds nothing wrong in a UK provider on a UK procedure and calendar, or Jive Canada on the Canadian calendar', () => {
    expect(providerMismatches(uk)).toEqual([]);
    expect(providerMismatches(jive)).toEqual([]);
    expect(providerMismatches({ ...jive, languages: ['fr-CA'] })).toEqual([]);
  });

  it('warns of a Canadian procedure on a UK calendar, and of a UK procedure on the Canadian calendar', () => {
    const canadianOnUk = providerMismatches({ ...jive, calendar: 'england-and-wales' });
    expect(canadianOnUk.map((m) => m.code)).toContain('procedure-calendar');
    expect(canadianOnUk.find((m) => m.code === 'procedure-calendar')!.message).toMatch(
      /Canadian procedure .*England & Wales calendar/,
    );
    expect(codes({ ...uk, calendar: 'canada' })).toContain('procedure-calendar');
  });

  it('warns of a UK provider whose letters would name the CCTS (chosen, or from a Canadian procedure)', () => {
    expect(codes({ ...uk, adrSchemeId: 'ccts' })).toEqual(['scheme-region']);
    expect(providerMismatches({ ...uk, adrSchemeId: 'ccts' })[0].message).toMatch(/CCTS/);
    expect(codes({ ...jive, region: 'UK' })).toEqual(
      expect.arrayContaining(['procedure-region', 'calendar-region', 'scheme-region']),
    );
    expect(codes({ ...jive, adrSchemeId: 'communications-ombudsman' })).toEqual(['scheme-region']);
  });

  it('warns of French-only letters for a UK region, not of French among others', () => {
    expect(codes({ ...uk, languages: ['fr-CA'], defaultLanguage: 'fr-CA' } as typeof uk)).toEqual(['language-region']);
    expect(codes({ ...uk, languages: ['en-GB', 'fr-CA'] })).toEqual([]);
  });

  it('warns of British English only for a Canadian region, not of it among others', () => {
    expect(codes({ ...jive, languages: ['en-GB'] })).toEqual(['language-region']);
    expect(providerMismatches({ ...jive, languages: ['en-GB'] })[0].message).toMatch(/English \(UK\) for a Canadian/);
    expect(codes({ ...jive, languages: ['en-GB', 'fr-CA'] })).toEqual([]);
    expect(codes({ ...jive, languages: ['en-CA'] })).toEqual([]);
  });

  it('each warning names the field it sits next to', () => {
    const all = providerMismatches({
      procedureId: 'jive-ca',
      calendar: 'scotland',
      adrSchemeId: 'ccts',
      languages: ['fr-CA'],
      region: 'UK',
    });
    expect(all.map((m) => [m.code, m.field])).toEqual([
      ['procedure-calendar', 'calendar'],
      ['procedure-region', 'procedureId'],
      ['scheme-region', 'adrSchemeId'],
      ['language-region', 'languages'],
    ]);
  });
});
