// The browser renderer, exercised under Node: it loads pdfmake's browser build and fonts exactly as the app does
// (dynamic import of the CommonJS build files), so a broken import or font registration fails here, not in a user's
// hands. The bundler's side (a separate chunk) is checked by building the app.
import { describe, expect, it } from 'vitest';
import { acknowledgementLetter } from '#shared/letters/index';
import { sampleAcknowledgement } from '#shared/letters/fixtures';
import { pdfMakeBrowser, renderPdf } from './render';

describe('renderPdf', () => {
  it('turns a letter into the bytes of a PDF with the font embedded', async () => {
    const bytes = await renderPdf(acknowledgementLetter(sampleAcknowledgement()));
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.constructor).toBe(Uint8Array);
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/FontFile2/);
    expect(text).toMatch(/Roboto/);
  });

  it('loads pdfmake once and reuses it', async () => {
    expect(await pdfMakeBrowser()).toBe(await pdfMakeBrowser());
  });
});
