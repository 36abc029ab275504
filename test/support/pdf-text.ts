// A PDF as pdf.js reads it (the same library the app's letter preview draws with): every text item with its font size
// and box on the page, and the document's metadata. Node 20 lacks Promise.withResolvers, which pdf.js 6 uses.
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

if (typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    value<T>() {
      let resolve!: (value: T) => void;
      let reject!: (reason: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

/** One run of text: its page, its size in points, and its box in points from the page's top left. */
export interface PdfTextItem {
  page: number;
  text: string;
  fontSize: number;
  left: number;
  right: number;
  /** Top and bottom of the glyphs: Roboto rises 0.93 em above the baseline and falls 0.25 em below it. */
  top: number;
  bottom: number;
}

export interface PdfRead {
  pages: number;
  items: PdfTextItem[];
  info: Record<string, unknown>;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: bytes.slice(), useSystemFonts: false, stopAtErrors: true });
  const pdf = await task.promise;
  try {
    const items: PdfTextItem[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      const height = page.getViewport({ scale: 1 }).height;
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item) || !(item as TextItem).str.trim()) continue;
        const { str, transform, width } = item as TextItem;
        // The text matrix: [a b c d e f]; the size is the length of its vertical (or horizontal) axis.
        const fontSize = Math.max(Math.hypot(transform[0], transform[1]), Math.hypot(transform[2], transform[3]));
        const baseline = height - transform[5];
        items.push({
          page: n,
          text: str,
          fontSize,
          left: transform[4],
          right: transform[4] + width,
          top: baseline - fontSize * 0.93,
          bottom: baseline + fontSize * 0.25,
        });
      }
    }
    const metadata = await pdf.getMetadata();
    return { pages: pdf.numPages, items, info: metadata.info as Record<string, unknown> };
  } finally {
    await task.destroy();
  }
}
