// Files the e2e tests attach or drop, made on the spot (pdf-lib in Node, a canvas in the page): PDFs with words on them,
// JPEGs as a phone or scanner makes them, and a scanned PDF whose image pdf.js cannot decode.
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  StandardFonts,
} from 'pdf-lib';

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * A one-page A4 PDF written by pdf-lib (Helvetica): each line at its size, from the top down, and a dark blue box
 * below them when asked (ink a test can find on the drawn page).
 */
export async function textPdf(
  lines: readonly { text: string; size: number }[],
  options: { box?: boolean } = {},
): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  let y = 760;
  for (const line of lines) {
    page.drawText(line.text, { x: 60, y, size: line.size, font });
    y -= Math.max(24, line.size * 2.2);
  }
  if (options.box) page.drawRectangle({ x: 60, y: y - 100, width: 300, height: 80, color: rgb(0.1, 0.2, 0.5) });
  return Buffer.from(await doc.save());
}

/**
 * A real JPEG, drawn on a canvas by the browser and encoded by it: a sheet of off-white paper with a line of text
 * (a scanned letter, a photo of a bill), and a red bar under it when asked.
 */
export async function canvasJpeg(
  page: Page,
  sheet: { width: number; height: number; text: string; font: string; bar?: boolean; quality?: number },
): Promise<Buffer> {
  const base64 = await page.evaluate(({ width, height, text, font, bar, quality }) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fbf8ef';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#111';
    ctx.font = font;
    ctx.fillText(text, 20, 80);
    if (bar) {
      ctx.fillStyle = '#c22';
      ctx.fillRect(20, 120, 200, 12);
    }
    return canvas.toDataURL('image/jpeg', quality ?? 0.9).split(',')[1]!;
  }, sheet);
  return Buffer.from(base64, 'base64');
}

/**
 * A "scanned" PDF whose page is one JPEG 2000 image that cannot be decoded (its stream is not JPEG 2000 at all), with
 * a line of real text above it: pdf.js draws the text and, for the image, only warns on the console.
 */
export async function undecodableScanPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('Scanned letter', { x: 60, y: 780, size: 14, font });
  const junk = new Uint8Array(4096);
  for (let i = 0; i < junk.length; i += 1) junk[i] = (i * 131 + 7) % 251;
  const image = doc.context.register(
    doc.context.stream(junk, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: 500,
      Height: 700,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
      Filter: 'JPXDecode',
    }),
  );
  const name = page.node.newXObject('Scan', image);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(500, 0, 0, 700, 48, 60),
    drawObject(name),
    popGraphicsState(),
  );
  return Buffer.from(await doc.save());
}
