import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_BYTES, safeFileName } from './file-name';

describe('safeFileName', () => {
  it.each([
    ['Acknowledgement RDR-2026-000042.pdf', 'Acknowledgement RDR-2026-000042.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\System32\\evil.dll', 'evil.dll'],
    ['/etc/cron.d/job', 'job'],
    ['C:\\Users\\Public\\letter.pdf', 'letter.pdf'],
    ['C:letter.pdf', 'C_letter.pdf'],
    ['a<b>c:d"e|f?g*h.pdf', 'a_b_c_d_e_f_g_h.pdf'],
    ['.bashrc', 'bashrc'],
    ['letter.pdf. . .', 'letter.pdf'],
    ['  spaced  .pdf  ', 'spaced  .pdf'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1.pdf', '_com1.pdf'],
    ['console.pdf', 'console.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['tab\there.pdf', 'tab_here.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it.each([
    ['con .pdf', '_con .pdf'],
    ['CONIN$', '_CONIN$'],
    ['conout$.txt', '_conout$.txt'],
    ['CONOUT$ . .', '_CONOUT$'],
    ['Aux.tar.gz', '_Aux.tar.gz'],
    ['PRN  ', '_PRN'],
    ['lpt0.csv', '_lpt0.csv'],
    ['COM¹.pdf', '_COM¹.pdf'],
    ['LPT³', '_LPT³'],
    ['folder/nul .txt', '_nul .txt'],
    ['C:\\x\\com9 .. .pdf', '_com9 .. .pdf'],
    ['console.pdf', 'console.pdf'],
    ['COM10.pdf', 'COM10.pdf'],
  ])('defuses the Windows device name %j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('defuses a device name that cutting the length leaves behind', () => {
    // "con", many spaces, one more word: cut to fit, the spaces are dropped and "con.pdf" would remain.
    expect(safeFileName(`con${' '.repeat(200)}x.pdf`)).toBe('_con.pdf');
  });

  it('adds the MIME type extension to a device name and still defuses it', () => {
    expect(safeFileName('CON', 'application/pdf')).toBe('_CON.pdf');
    expect(safeFileName('conin$', 'text/csv')).toBe('_conin$.csv');
  });

  it.each(['..', '.', '/', '\\', '../', '...', '   '])('falls back to a default name for %j', (input) => {
    expect(safeFileName(input, 'application/pdf')).toBe('Redress document.pdf');
  });

  it('adds the extension for the MIME type when the name has none', () => {
    expect(safeFileName('Acknowledgement', 'application/pdf')).toBe('Acknowledgement.pdf');
    expect(safeFileName('cases', 'text/csv')).toBe('cases.csv');
    expect(safeFileName('cases.csv', 'text/csv')).toBe('cases.csv');
    expect(safeFileName('notes', 'application/x-unknown')).toBe('notes');
  });

  it('caps the length in bytes and keeps the extension', () => {
    const long = `${'é'.repeat(190)}.pdf`;
    const name = safeFileName(long);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(name).not.toContain('\uFFFD');
  });

  it('never returns a separator, a traversal or an empty name', () => {
    const samples = ['a/b', 'a\\b', '..', '../..', '', '\u0000', '/..', 'x/../..'];
    for (const sample of samples) {
      const name = safeFileName(sample);
      expect(name).not.toMatch(/[\\/]/);
      expect(name).not.toBe('..');
      expect(name).not.toBe('.');
      expect(name.length).toBeGreaterThan(0);
    }
  });
});
