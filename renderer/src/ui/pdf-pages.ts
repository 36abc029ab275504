// A PDF's real pages drawn by pdf.js (a letter from the very bytes that will be issued, an attachment from its stored
// bytes): each page on a canvas, with pdf.js's text layer over it so a screen reader reads the words as printed.
// Loaded lazily (PdfPages.tsx imports this module with `import()`): pdf.js is large and only the previews need it.
//
// Under the app's Content-Security-Policy (renderer/index.html and electron/main/protocol.ts: script-src 'self', no
// 'unsafe-eval', no 'wasm-unsafe-eval', no blob: workers):
// - the worker is pdf.js's own file, bundled by Vite as an asset of the app's origin (`?url`) and started as a module
//   worker from that URL (worker-src falls back to script-src 'self'), handed to pdf.js as its `workerPort`;
// - `useWasm: false`: no WebAssembly image decoders; JBIG2 and JPEG 2000 images (scanned attachments) are decoded by
//   pdf.js's plain-JavaScript builds of the same decoders, modules served from the app's own origin under
//   PDFJS_DECODERS_DIR (#shared/security/pdfjs-decoders, emitted by renderer/vite.config.ts) and imported by the
//   worker from `wasmUrl`;
// - fonts come from the PDF itself (pdfmake embeds them), turned into FontFace objects from bytes (font-src is not
//   involved); no standard-font, CMap or ICC files are fetched, and no system font stands in for a missing one;
// - pdfjs-dist 6 has no `isEvalSupported` option any more: it never compiles code from a PDF.
import { PDFWorker, TextLayer, getDocument, type PDFPageProxy } from 'pdfjs-dist';
// Vite's `?url` import (typed by vite/client): the worker file's URL on the app's own origin.
// oxlint-disable-next-line import/default
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { PDFJS_DECODERS_DIR } from '#shared/security/pdfjs-decoders';
import './pdf-pages.css';

let worker: PDFWorker | null = null;

/**
 * One pdf.js worker for the app's life, passed to each document: a document destroyed (the preview closed or redrawn)
 * then never takes down the worker another document is still using.
 */
function pdfWorker(): PDFWorker {
  worker ??= PDFWorker.create({ port: new Worker(workerUrl, { type: 'module', name: 'redress-pdf-preview' }) });
  return worker;
}

export interface DrawnPages {
  pages: number;
  /**
   * Images pdf.js could not decode (a scan in a format or variant it does not read, or damaged): drawn as nothing, so
   * a scanned page looks blank. Only a `tolerant` drawing gets this far with one; the preview says so in words.
   */
  undecodedImages: number;
}

/** The image objects of a drawn page that pdf.js resolved with no data: the decoding failed (pdf.js only warns). */
function undecodedImageIds(page: PDFPageProxy, into: Set<string>): void {
  for (const objects of [page.objs, page.commonObjs])
    for (const [id, data] of objects) if (data === null) into.add(String(id));
}

/**
 * Draw every page of `bytes` into `container` (emptied first), each `width` CSS pixels wide. The bytes are copied
 * before pdf.js reads them (it hands its input to the worker, which would empty the caller's buffer: these are the
 * bytes that will be stored). Stops quietly when `signal` is aborted (the dialog closed or the letter changed).
 */
export async function drawPdfPages(
  bytes: Uint8Array,
  container: HTMLElement,
  options: {
    width: number;
    signal?: AbortSignal;
    /**
     * Draw what can be drawn of a damaged file or an image pdf.js cannot decode (attachments: a customer's scan)
     * instead of stopping at the first error (letters: the bytes Redress made must draw whole).
     */
    tolerant?: boolean;
    /** Each page's name for a screen reader, in the interface language ("Page 2 of 3"). */
    pageLabel?: (page: number, pages: number) => string;
  },
): Promise<DrawnPages> {
  const task = getDocument({
    worker: pdfWorker(),
    data: bytes.slice(),
    useWasm: false,
    wasmUrl: new URL(`${PDFJS_DECODERS_DIR}/`, document.baseURI).href,
    useSystemFonts: false,
    disableFontFace: false,
    stopAtErrors: !options.tolerant,
    enableXfa: false,
  });
  const { signal } = options;
  try {
    const pdf = await task.promise;
    const pages: HTMLElement[] = [];
    const undecoded = new Set<string>();
    for (let n = 1; n <= pdf.numPages; n += 1) {
      if (signal?.aborted) break;
      const page = await pdf.getPage(n);
      const scale = options.width / page.getViewport({ scale: 1 }).width;
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;

      const sheet = document.createElement('div');
      sheet.className = 'redress-pdf-page';
      sheet.setAttribute('role', 'group');
      sheet.setAttribute('aria-label', options.pageLabel?.(n, pdf.numPages) ?? `Page ${n} of ${pdf.numPages}`);
      sheet.dataset.page = String(n);
      sheet.style.setProperty('--scale-factor', String(scale));
      sheet.style.width = `${Math.floor(viewport.width)}px`;
      sheet.style.height = `${Math.floor(viewport.height)}px`;

      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      // The text layer below carries the words; the drawing itself is not read out twice.
      canvas.setAttribute('aria-hidden', 'true');
      sheet.append(canvas);

      const text = document.createElement('div');
      text.className = 'textLayer';
      sheet.append(text);

      await page.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      }).promise;
      await new TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
      const before = undecoded.size;
      undecodedImageIds(page, undecoded);
      if (undecoded.size > before) sheet.dataset.undecodedImages = 'true';
      pages.push(sheet);
      page.cleanup();
    }
    if (!signal?.aborted) container.replaceChildren(...pages);
    return { pages: pdf.numPages, undecodedImages: undecoded.size };
  } finally {
    await task.destroy();
  }
}
