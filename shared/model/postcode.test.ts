import { describe, expect, it } from 'vitest';
import { regionOfPostcode } from './postcode';

describe('a postcode’s region', () => {
  it('reads UK postcodes in every shape, and Canadian postal codes', () => {
    for (const code of ['SW1A 1AA', 'sw1y 4jh', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'LS29HJ', 'GIR 0AA'])
      expect(regionOfPostcode(code), code).toBe('UK');
    for (const code of ['H3B 4W8', 'h2x1c4', 'K1A 0B1', ' J8Y 3Y1 ']) expect(regionOfPostcode(code), code).toBe('CA');
  });

  it('says null for a code of neither shape: half typed, mistyped, or a letter Canada Post does not use', () => {
    for (const code of ['', 'LS1', 'H2J 2L', 'SW1A 1A', '12345', 'D3B 4W8', 'H3O 4W8', 'W1A 0AX1'])
      expect(regionOfPostcode(code), code).toBeNull();
  });
});
