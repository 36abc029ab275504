import { describe, expect, it } from 'vitest';
import { en, fr } from '#test/support/translate';
import { clashFieldIn, clashValueIn } from './clash-words';

describe('a field changed at two desks, as the case page says it', () => {
  it('names the field as the forms do, in the interface language', () => {
    expect(clashFieldIn(en, ['customer', 'address', 'lines'])).toBe('Postal address');
    expect(clashFieldIn(en, ['customer', 'address', 'postcode'])).toBe('Postcode');
    expect(clashFieldIn(en, ['customer', 'name'])).toBe('Name');
    expect(clashFieldIn(en, ['channel'])).toBe('Channel');
    expect(clashFieldIn(fr, ['receivedOn'])).toBe('Date de réception');
    // A field the forms do not name: words from its path.
    expect(clashFieldIn(en, ['vulnerability', 'reviewOn'])).toBe('Vulnerability review on');
  });

  it('writes each value as the rest of the page does, not as stored', () => {
    expect(clashValueIn(en, 'en-GB', ['category'], 'fault-repair')).toBe('Fault repair');
    expect(clashValueIn(en, 'en-GB', ['channel'], 'phone')).toBe('Phone');
    expect(clashValueIn(en, 'en-GB', ['receivedOn'], '2026-11-18')).toBe('18 Nov 2026');
    expect(clashValueIn(en, 'en-GB', ['customer', 'address', 'lines'], ['7 Harbour Road', 'Portsmouth'])).toBe(
      '7 Harbour Road, Portsmouth',
    );
    // A postal address clashes whole: its lines and postcode on one line.
    expect(clashFieldIn(en, ['customer', 'address'])).toBe('Postal address');
    expect(
      clashValueIn(en, 'en-GB', ['customer', 'address'], {
        lines: ['7 Harbour Road', 'Portsmouth'],
        postcode: 'PO1 2AA',
      }),
    ).toBe('7 Harbour Road, Portsmouth, PO1 2AA');
    expect(clashValueIn(fr, 'fr-CA', ['channel'], 'email')).toBe('Courriel');
    expect(clashValueIn(en, 'en-GB', ['customer', 'email'], '')).toBe('(none)');
    expect(clashValueIn(en, 'en-GB', ['customer', 'phone'], '0113 496 0000')).toBe('0113 496 0000');
  });
});
