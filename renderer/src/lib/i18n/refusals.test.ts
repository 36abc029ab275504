// say9: the records' refusals (shared/model/refusals.ts) in the interface language: the English is shared's table,
// French its own words, every code in both; a provider's refusal is said through the same door.
import { describe, expect, it } from 'vitest';
import { ProviderRefusal } from '#shared/model/provider';
import { RECORD_REFUSAL_CODES, RECORD_REFUSALS_EN, RecordRefusal } from '#shared/model/refusals';
import { en, fr } from '#test/support/translate';
import { enGB, frCA } from './index';
import { errorDetailIn, errorIn, refusalIn } from './refusals';

describe('the records’ refusals in the interface language', () => {
  it('has every code in English (shared’s words) and in French, with no English left', () => {
    for (const code of RECORD_REFUSAL_CODES) {
      expect(enGB[`recordRefusal.${code}`], code).toBe(RECORD_REFUSALS_EN[code].replaceAll("'", '’'));
      expect(frCA[`recordRefusal.${code}`], code).not.toMatch(/\b(the|this|case|letter|file|not|choose|enter)\b/i);
    }
  });

  it('says a refusal alone or inside a sentence, and an unexpected error as technical detail', () => {
    const refusal = new RecordRefusal('anonymised-no-files');
    expect(refusalIn(fr, refusal)).toBe('Ce dossier a été anonymisé\u00a0: on ne peut plus y joindre de fichier.');
    expect(errorDetailIn(fr, refusal)).toBe(refusalIn(fr, refusal));
    expect(errorIn(en, refusal)).toBe(refusal.message);
    const provider = new ProviderRefusal('no-desk');
    expect(errorIn(fr, provider)).toBe(
      'Configurez d’abord le service\u00a0: ses paramètres ne sont pas encore enregistrés.',
    );
    const unexpected = new TypeError('Failed to fetch');
    expect(refusalIn(fr, unexpected)).toBeNull();
    expect(errorDetailIn(fr, unexpected)).toBe('Failed to fetch');
    expect(errorIn(fr, unexpected)).toBe('Problème inattendu (détail technique)\u00a0: Failed to fetch');
    expect(errorIn(en, unexpected)).toBe('Unexpected problem (technical detail): Failed to fetch');
  });
});
