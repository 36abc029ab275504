import { describe, expect, it } from 'vitest';
import { BUILT_IN_REGULATIONS, REGULATION_KEYS, REGULATIONS_EN, regulationKey } from './regulations';

describe('the built-in regulations in the catalogue', () => {
  it('lists exactly the built-in regimes’ versions, each named in English as the engine names it', () => {
    expect([...BUILT_IN_REGULATIONS.values()]).toEqual([...REGULATION_KEYS]);
    for (const [label, key] of BUILT_IN_REGULATIONS) {
      expect(REGULATIONS_EN[key as keyof typeof REGULATIONS_EN]).toBe(label);
      expect(regulationKey(label)).toBe(key);
    }
    expect(regulationKey('Kijoma Broadband complaints procedure v1')).toBeNull();
  });
});
