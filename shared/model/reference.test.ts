import { describe, expect, it } from 'vitest';
import { formatReference, isDeskReference, parseReference, referencesQuotedIn } from './reference';

describe('reference format', () => {
  it('names the desk that issued it: its prefix, whole', () => {
    expect(isDeskReference('LDS-2026-000042', 'LDS')).toBe(true);
    expect(isDeskReference('LDS-2026-000042', 'LD')).toBe(false);
    expect(isDeskReference('LD-2026-000042', 'LDS')).toBe(false);
    expect(isDeskReference('BRD-2026-000001', 'LDS')).toBe(false);
  });
  it('pads the sequence to six digits and round-trips', () => {
    expect(formatReference('RDR', 2026, 42)).toBe('RDR-2026-000042');
    expect(parseReference('RDR-2026-000042')).toEqual({ prefix: 'RDR', year: 2026, sequence: 42 });
    expect(formatReference('RDR', 2026, 1234567)).toBe('RDR-2026-1234567');
  });
  it('sorts in order of issue within a year', () => {
    const refs = [9, 10, 100, 99999].map((n) => formatReference('RDR', 2026, n));
    expect([...refs].sort()).toEqual(refs);
  });
  it('refuses bad prefixes and sequences with a clear message', () => {
    expect(() => formatReference('rdr', 2026, 1)).toThrow(/Desk prefix/);
    expect(() => formatReference('R', 2026, 1)).toThrow(/Desk prefix/);
    expect(() => formatReference('RDR', 2026, 0)).toThrow(/positive/);
    expect(parseReference('RDR-26-1')).toBeNull();
  });
});

describe('references quoted in a text (explore39-letters #7)', () => {
  it('finds each reference once, in order, in a subject or a body, whatever its case', () => {
    expect(referencesQuotedIn('Re: FW: RE: Your ref RDR-2026-000001 - still no refund')).toEqual(['RDR-2026-000001']);
    expect(referencesQuotedIn('(rdr-2026-000002) and RDR-2026-000001, again RDR-2026-000002.')).toEqual([
      'RDR-2026-000002',
      'RDR-2026-000001',
    ]);
  });
  it('does not take a longer number, a part of a word, or something that is not a reference', () => {
    expect(
      referencesQuotedIn('order XRDR-2026-0000011234 and RDR-2026-00001 and RDR-26-000001, tel 2026-000001'),
    ).toEqual([]);
    expect(referencesQuotedIn('RDR-2026-000001x')).toEqual([]);
    expect(referencesQuotedIn('')).toEqual([]);
  });
});
