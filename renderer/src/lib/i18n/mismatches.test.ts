// p8d: a provider mismatch said by the screens: the English the same as the check's own (shared/rules/provider-checks.ts),
// the French with no English left, for every code the check gives.
import { describe, expect, it } from 'vitest';
import type { Provider } from '#shared/model/provider';
import { providerMismatches } from '#shared/rules/index';
import { mismatchIn } from './mismatches';
import { en, fr } from '#test/support/translate';

type SetUp = Pick<Provider, 'procedureId' | 'calendar' | 'adrSchemeId' | 'languages' | 'region'>;
const SET_UPS: SetUp[] = [
  // Kijoma (UK) on Jive's Canadian provider: procedure-calendar, procedure-region, scheme-region (a UK scheme).
  { procedureId: 'kijoma', calendar: 'canada', languages: ['en-CA'], region: 'CA' },
  // Jive's procedure on a UK provider, French only: the CCTS for a UK provider, French letters.
  { procedureId: 'jive-ca', calendar: 'england-and-wales', languages: ['fr-CA'], region: 'UK' },
  // Jive's procedure on its own Canadian calendar for a UK provider: calendar-region.
  { procedureId: 'jive-ca', calendar: 'canada', languages: ['en-GB'], region: 'UK' },
  // Jive's procedure for a Canadian provider with British English letters only: language-region, the other way.
  { procedureId: 'jive-ca', calendar: 'canada', languages: ['en-GB'], region: 'CA' },
];

describe('a provider mismatch in the interface language (p8d)', () => {
  const found = SET_UPS.flatMap((s) => providerMismatches(s));

  it('covers every code', () => {
    expect(new Set(found.map((m) => m.code))).toEqual(
      new Set(['procedure-calendar', 'procedure-region', 'calendar-region', 'scheme-region', 'language-region']),
    );
  });

  it('says in English what the check says', () => {
    for (const m of found) expect(mismatchIn(en, m)).toBe(m.message.replaceAll("'", '’'));
  });

  it('says it in French, with the calendar named in French and no English left', () => {
    for (const m of found) {
      const said = mismatchIn(fr, m);
      expect(said).not.toMatch(/\b(the|is|are|provider|calendar|letters|would|chosen|UK)\b/);
      expect(said).not.toContain('{');
    }
    const [calendarOne] = providerMismatches(SET_UPS[0]!);
    expect(mismatchIn(fr, calendarOne!)).toBe(
      'La procédure britannique «\u00a0Kijoma Broadband complaints procedure\u00a0» est calculée selon le calendrier «\u00a0Canada (fédéral)\u00a0»\u00a0: ses jours ouvrables et ses jours fériés sont canadiens.',
    );
  });
});
