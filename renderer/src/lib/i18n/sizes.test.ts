import { afterEach, describe, expect, it } from 'vitest';
import { formatDecimal, setFormatLocale } from '../format';
import { fileSizeIn } from './sizes';
import { translate, type Translate } from './index';

const tIn =
  (locale: 'en-GB' | 'fr-CA'): Translate =>
  (key, values) =>
    translate(locale, key, values);

describe('fileSizeIn', () => {
  afterEach(() => setFormatLocale('en-GB'));

  it('reads a size in the interface language, decimals fixed', () => {
    setFormatLocale('en-GB');
    const t = tIn('en-GB');
    expect([1, 900, 1536, 1048576, 1234567890].map((n) => fileSizeIn(t, n))).toEqual([
      '1 byte',
      '900 bytes',
      '2 KB',
      '1.0 MB',
      '1.15 GB',
    ]);
    setFormatLocale('fr-CA');
    const fr = tIn('fr-CA');
    expect(fileSizeIn(fr, 1572864).replace(/\s/g, ' ')).toBe('1,5 Mo');
    expect(fileSizeIn(fr, 1_500_000_000 * 1024).replace(/\s/g, ' ')).toBe('1 430,51 Go');
  });

  it('formats with the digits asked, whatever was formatted before in the same locale', () => {
    expect(formatDecimal(1234.5, 0, 'en-GB')).toBe('1,235');
    expect(formatDecimal(1234.5, 2, 'en-GB')).toBe('1,234.50');
    expect(formatDecimal(1234.5, 0, 'en-GB')).toBe('1,235');
  });
});
