import { afterEach, describe, expect, it, vi } from 'vitest';
import { readLogoFile } from './logo';

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
      expect(await readLogoFile(file)).toEqual({
        ok: false,
        error: '“logo.png” could not be read. Check the file and choose it again.',
      });
    }
  });
});
