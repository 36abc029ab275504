import { describe, expect, it } from 'vitest';
import { stageFilterOptions } from './stage-options';

describe('the case list’s stage filter', () => {
  it('says a built-in stage in French, and tells it from a desk’s own stage of the same French name', () => {
    expect(stageFilterOptions(['Customer support', 'Soutien à la clientèle', 'Senior manager'], 'fr-CA')).toEqual([
      { value: 'Customer support', label: 'Soutien à la clientèle (Customer support)' },
      { value: 'Soutien à la clientèle', label: 'Soutien à la clientèle' },
      { value: 'Senior manager', label: 'Cadre supérieur' },
    ]);
  });

  it('in English, each stage as it is named', () => {
    expect(stageFilterOptions(['Customer support', 'Complaints team'], 'en-GB')).toEqual([
      { value: 'Customer support', label: 'Customer support' },
      { value: 'Complaints team', label: 'Complaints team' },
    ]);
  });
});
