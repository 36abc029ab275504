// Renders a letter to real PDF bytes in Node, with pdfmake's server build and the Roboto files it ships, so tests
// can read the result with poppler (pdftotext, pdffonts, pdftoppm). The app renders in the browser instead
// (renderer/src/letters/render.ts); both use the same document definitions from shared/letters.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfMakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { LetterDocument } from '#shared/letters/index';

const require = createRequire(import.meta.url);
type PdfMakeNode = typeof PdfMakeModule;

const fontsDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
let pdfMake: PdfMakeNode | undefined;

function pdfMakeNode(): PdfMakeNode {
  if (pdfMake) return pdfMake;
  const loaded = require('pdfmake') as PdfMakeNode;
  loaded.setFonts({
    Roboto: {
      normal: join(fontsDir, 'Roboto-Regular.ttf'),
      bold: join(fontsDir, 'Roboto-Medium.ttf'),
      italics: join(fontsDir, 'Roboto-Italic.ttf'),
      bolditalics: join(fontsDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  // Letters load nothing from the network and nothing from disk but the fonts.
  loaded.setUrlAccessPolicy(() => false);
  loaded.setLocalAccessPolicy((path) => path.startsWith(fontsDir));
  pdfMake = loaded;
  return loaded;
}

export async function renderPdfInNode(doc: LetterDocument | TDocumentDefinitions): Promise<Uint8Array> {
  const buffer = await pdfMakeNode().createPdf(doc).getBuffer();
  return new Uint8Array(buffer);
}

/** Run a poppler tool (pdftotext, pdffonts, pdftoppm) and return its standard output; throws on failure. */
export function poppler(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Whether poppler is installed (it is apt-installed on CI; a test waits briefly for a concurrent install). */
export async function waitForPoppler(timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (spawnSync('which', ['pdftotext', 'pdffonts', 'pdftoppm']).status === 0) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}
