import { describe, expect, it } from 'vitest';
import { en, fr } from '#test/support/translate';
import { letterNames } from './names';

describe('the names of the letters issued on a case', () => {
  const letters = [
    { id: 'a', fileName: 'RDR-2026-000003-final-response.pdf', issuedOn: '2026-12-07' },
    { id: 'b', fileName: 'RDR-2026-000003-final-response.pdf', issuedOn: '2026-12-07' },
    { id: 'c', fileName: 'RDR-2026-000003-acknowledgement.pdf', issuedOn: '2026-12-01' },
  ];
  const by = (id: string) => ({ a: 'Priya Shah', b: 'Tom Reilly', c: 'Priya Shah' })[id];

  it('tells two letters of one name apart by who issued each and when; a letter alone keeps its file name', () => {
    const names = letterNames(letters, by, en);
    expect(names.get('a')).toBe('RDR-2026-000003-final-response.pdf, issued by Priya Shah on Mon 7 Dec 2026');
    expect(names.get('b')).toBe('RDR-2026-000003-final-response.pdf, issued by Tom Reilly on Mon 7 Dec 2026');
    expect(names.get('c')).toBe('RDR-2026-000003-acknowledgement.pdf');
    // The date as the interface's dates are written (formatDate follows the interface's language).
    expect(letterNames(letters, by, fr).get('b')).toMatch(
      /^RDR-2026-000003-final-response\.pdf, produite par Tom Reilly le /,
    );
  });

  it('keeps the file name when who issued it is not known (its entry not on this desk yet)', () => {
    expect(letterNames(letters, () => undefined, en).get('a')).toBe('RDR-2026-000003-final-response.pdf');
  });
});
