// Turns a letter's document definition (built in shared/letters) into PDF bytes with pdfmake's browser build.
// pdfmake and its fonts are about 1.8 MB minified, so they are imported on first use, into a chunk of their own,
// and kept for every later letter.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { LetterDocument } from '#shared/letters/index';
import { shareParsedFonts } from './font-cache';

// shared/letters declares its own subset of pdfmake's types (pdfmake's bring the DOM and Node into scope); this line
// fails to compile if a letter ever stops being a document pdfmake accepts.
type Holds<T extends true> = T;
export type LetterIsPdfmakeDocument = Holds<LetterDocument extends TDocumentDefinitions ? true : false>;

/**
 * The part of pdfmake 0.3's browser API used here (its promise API: getBuffer resolves with the bytes; getStream with
 * the laid-out pdfkit document, before it is ended).
 */
interface PdfMakeBrowser {
  addVirtualFileSystem(vfs: Record<string, string>): void;
  createPdf(doc: TDocumentDefinitions): { getStream(): Promise<unknown>; getBuffer(): Promise<Uint8Array> };
}

let pdfMakeLoading: Promise<PdfMakeBrowser> | undefined;

/** pdfmake's build files are CommonJS/UMD: the bundler hands them over as the default export. */
function commonJsExport(mod: unknown): unknown {
  const withDefault = mod as { default?: unknown };
  return withDefault.default ?? mod;
}

async function loadPdfMake(): Promise<PdfMakeBrowser> {
  const [pdfMakeModule, fontsModule] = await Promise.all([
    import('pdfmake/build/pdfmake'),
    import('pdfmake/build/vfs_fonts'),
  ]);
  const pdfMake = commonJsExport(pdfMakeModule) as Partial<PdfMakeBrowser>;
  const vfs = commonJsExport(fontsModule) as Record<string, string>;
  if (typeof pdfMake.createPdf !== 'function' || typeof pdfMake.addVirtualFileSystem !== 'function') {
    throw new Error('pdfmake did not load: its browser build has no createPdf.');
  }
  if (!vfs || typeof vfs['Roboto-Regular.ttf'] !== 'string') {
    throw new Error('pdfmake did not load: the Roboto font files are missing from vfs_fonts.');
  }
  pdfMake.addVirtualFileSystem(vfs);
  return pdfMake as PdfMakeBrowser;
}

/** pdfmake, loaded once; a failed load is forgotten so the next letter tries again. */
export function pdfMakeBrowser(): Promise<PdfMakeBrowser> {
  pdfMakeLoading ??= loadPdfMake().catch((error: unknown) => {
    pdfMakeLoading = undefined;
    throw error;
  });
  return pdfMakeLoading;
}

let fontsShared = false;

/** A page in each of the letter fonts (pdfmake changes a definition as it lays it out: a new one each time). */
const fontsDocument = (): TDocumentDefinitions => ({
  content: [{ text: 'Redress' }, { text: 'Redress', bold: true }, { text: 'Redress', italics: true }],
});

/** Load pdfmake and parse the letter fonts now (in a worker that will make letters), so the first letter is quick. */
export async function warmPdfMake(): Promise<void> {
  await renderPdf({ pageSize: 'A4', pageMargins: 40, content: [{ text: 'Redress' }] });
}

/** Render a document definition to the bytes of a PDF file. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Uint8Array> {
  const pdfMake = await pdfMakeBrowser();
  if (!fontsShared) {
    // A first document, laid out only, parses the fonts as usual; from then on pdfmake reuses them and the words it
    // has laid out, and every document's fonts start with the common glyphs (see font-cache.ts), the first letter's
    // too.
    fontsShared = shareParsedFonts(await pdfMake.createPdf(fontsDocument()).getStream());
  }
  const buffer = await pdfMake.createPdf(doc).getBuffer();
  // pdfmake hands back its own Buffer polyfill; a plain Uint8Array is what IndexedDB and the IPC contract expect.
  return new Uint8Array(buffer);
}
