// Every clock the engine can name has its words in the interface language (issue #17): the regimes' clocks and the
// provider's own (a stage's name stays as the procedure writes it).
import { describe, expect, it } from 'vitest';
import { listRegimes, type RegimeVersion } from '#shared/rules/index';
import { clockLabel } from './clocks';
import { en, fr } from '#test/support/translate';

const LABELLED = [
  'adrLetter',
  'referralWindow',
  'summaryResolution',
  'acknowledgement',
  'cctsResponse',
  'cctsObjection',
  'cctsNotice',
] as const;

describe('clock labels in the interface language', () => {
  it('names every regime’s clocks in French, and as the engine does in English', () => {
    const labels = new Set<string>();
    for (const regime of listRegimes())
      for (const version of regime.versions as RegimeVersion[])
        for (const kind of LABELLED) {
          const rule = version[kind] as { label: string } | undefined;
          if (rule) labels.add(rule.label);
        }
    expect(labels.size).toBeGreaterThan(8);
    const untranslated = [...labels].filter((l) => clockLabel(fr, l) === l);
    expect(untranslated).toEqual([]);
    for (const l of labels) expect(clockLabel(en, l)).toBe(l);
    expect(clockLabel(fr, 'Tell the customer about the CCTS')).toBe('Informer la personne au sujet de la CPRST');
    expect(clockLabel(fr, 'First response (phone)')).toBe('Première réponse (téléphone)');
    expect(clockLabel(fr, 'Stage response (Front line)')).toBe('Réponse de l’étape (Front line)');
  });
});
