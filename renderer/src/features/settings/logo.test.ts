import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOGO_PROBLEMS_EN, logoProblemInEnglish, type LogoProblem } from '#shared/model/settings';
import { en, fr } from '#test/support/translate';
import { logoProblemIn, readLogoFile } from './logo';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A FileReader that "reads" the file as `result` (a real one gives a data: URL, or null/an ArrayBuffer on failure). */
function readerGiving(result: string | ArrayBuffer | null) {
  return class {
    result: string | ArrayBuffer | null = null;
    error: DOMException | null = null;
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    readAsDataURL() {
      this.result = result;
      queueMicrotask(() => this.onload?.());
    }
  };
}

describe('readLogoFile', () => {
  it('a read that gives no text is "could not be read", not a check of the text "null"', async () => {
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'logo.png', { type: 'image/png' });
    for (const result of [null, new ArrayBuffer(4)]) {
      vi.stubGlobal('FileReader', readerGiving(result));
      const read = await readLogoFile(file);
      expect(read).toEqual({ ok: false, problem: { code: 'file-unreadable', name: 'logo.png' } });
      if (read.ok) continue;
      expect(logoProblemIn(en, read.problem)).toBe('“logo.png” could not be read. Check the file and choose it again.');
      expect(logoProblemIn(fr, read.problem)).toBe(
        '«\u00a0logo.png\u00a0» n’a pas pu être lu. Vérifiez le fichier, puis choisissez-le de nouveau.',
      );
    }
  });
});

describe('a logo refused is said in the interface language', () => {
  const every: LogoProblem[] = (Object.keys(LOGO_PROBLEMS_EN) as LogoProblem['code'][]).map((code) => ({
    code,
    ...(code.startsWith('file-') ? { name: 'logo.gif' } : {}),
    ...(code.endsWith('too-large') ? { bytes: 300 * 1024 } : {}),
    ...(code === 'not-really' ? { type: 'PNG' as const } : {}),
  }));

  it('in English, the screen says what shared/ says (one home of the English)', () => {
    for (const problem of every) expect(logoProblemIn(en, problem), problem.code).toBe(logoProblemInEnglish(problem));
    const inFile: LogoProblem = { code: 'damaged', name: 'logo.png' };
    expect(logoProblemIn(en, inFile)).toBe(logoProblemInEnglish(inFile));
    expect(logoProblemIn(en, inFile)).toBe('“logo.png”: The logo image is damaged or incomplete. Choose it again.');
  });

  it('in French, with no English left and sizes in the French way', () => {
    for (const problem of every) {
      const said = logoProblemIn(fr, problem);
      expect(said, problem.code).not.toMatch(/\b(the|logo image|choose|is|file)\b/i);
      expect(said).not.toContain('{');
    }
    expect(logoProblemIn(fr, { code: 'file-too-large', name: 'scan.jpg', bytes: 300 * 1024 })).toBe(
      '«\u00a0scan.jpg\u00a0» fait 300 ko\u00a0; le logo peut faire au plus 256 ko. Enregistrez-en une copie plus petite (environ 600 pixels de large suffisent pour un en-tête).',
    );
    expect(logoProblemIn(fr, { code: 'damaged', name: 'logo.png' })).toBe(
      '«\u00a0logo.png\u00a0»\u00a0: L’image du logo est endommagée ou incomplète. Choisissez-la de nouveau.',
    );
  });
});
