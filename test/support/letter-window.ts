// What shows through a letter's envelope window, read back from the rendered PDF with pdf.js (./pdf-text.ts).
import { expect } from 'vitest';
import { PAGE, type PageFormat } from '#shared/letters/layout';
import type { PdfTextItem } from './pdf-text';

const inWindow = (item: PdfTextItem, { window }: PageFormat) =>
  item.page === 1 &&
  item.right > window.left &&
  item.left < window.right &&
  item.bottom > window.top &&
  item.top < window.bottom;

/** The window's text (the DL window unless given): every item that shows through it must lie wholly inside it. */
export function windowText(items: PdfTextItem[], format: PageFormat = PAGE): string[] {
  const { window } = format;
  const seen = items.filter((item) => inWindow(item, format));
  for (const item of seen) {
    expect(item.left, `"${item.text}" starts left of the window`).toBeGreaterThanOrEqual(window.left - 0.5);
    expect(item.right, `"${item.text}" runs past the window's right edge`).toBeLessThanOrEqual(window.right);
    expect(item.top, `"${item.text}" rises above the window`).toBeGreaterThanOrEqual(window.top);
    expect(item.bottom, `"${item.text}" falls below the window`).toBeLessThanOrEqual(window.bottom);
  }
  return seen.map((item) => item.text.trim());
}
