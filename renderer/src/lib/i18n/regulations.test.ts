import { describe, expect, it } from 'vitest';
import { BUILT_IN_REGIMES } from '#shared/rules/index';
import { translate } from './index';
import {
  BUILT_IN_REGULATIONS,
  REGIME_KEYS,
  REGIMES_EN,
  regimeNameIn,
  REGULATION_KEYS,
  REGULATIONS_EN,
  regulationIn,
  regulationKey,
} from './regulations';

describe('the built-in regulations in the catalogue', () => {
  it('lists exactly the built-in regimes’ versions, each named in English as the engine names it', () => {
    expect([...BUILT_IN_REGULATIONS.values()]).toEqual([...REGULATION_KEYS]);
    for (const [label, key] of BUILT_IN_REGULATIONS) {
      expect(REGULATIONS_EN[key as keyof typeof REGULATIONS_EN]).toBe(label);
      expect(regulationKey(label)).toBe(key);
    }
    expect(regulationKey('Kijoma Broadband complaints procedure v1')).toBeNull();
  });

  it('says a rule’s version in the interface’s words, and a procedure’s own rule as it is named', () => {
    const fr = (key: (typeof REGULATION_KEYS)[number]) => translate('fr-CA', key);
    const en = (key: (typeof REGULATION_KEYS)[number]) => translate('en-GB', key);
    expect(regulationIn(fr, 'Ofcom GC C4 from 2026-04-08')).toBe(
      'condition générale C4 de l’Ofcom en vigueur depuis le 8 avril 2026',
    );
    for (const label of BUILT_IN_REGULATIONS.keys()) expect(regulationIn(en, label)).toBe(label);
    expect(regulationIn(fr, 'Kijoma Broadband complaints procedure v1')).toBe(
      'Kijoma Broadband complaints procedure v1',
    );
  });

  it('names exactly the built-in regimes, in English as the engine does and in French', () => {
    expect(BUILT_IN_REGIMES.map((r) => `model.regime.${r.id}`)).toEqual([...REGIME_KEYS]);
    const fr = (key: (typeof REGIME_KEYS)[number]) => translate('fr-CA', key);
    for (const regime of BUILT_IN_REGIMES) {
      expect(REGIMES_EN[`model.regime.${regime.id}` as keyof typeof REGIMES_EN]).toBe(regime.name);
      expect(regimeNameIn(fr, regime.id, regime.name)).not.toBe(regime.name);
    }
    expect(regimeNameIn(fr, 'ccts', 'CCTS (Canada)')).toBe('CPRST (Canada)');
    expect(regimeNameIn(fr, 'our-own', 'Our own regime')).toBe('Our own regime');
  });
});
