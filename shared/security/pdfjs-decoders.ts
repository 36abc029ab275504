// pdf.js's plain-JavaScript image decoders (JBIG2 and JPEG 2000, for scanned letters): the CSP forbids WebAssembly, so
// pdf.js (`useWasm: false`) imports these modules instead, from `wasmUrl` + their fixed names. The app serves them
// from its own origin in this folder (renderer/vite.config.ts emits them there; the PDF drawing in the renderer,
// ui/pdf-pages.ts, points `wasmUrl` at it; build/licences.mjs lists their licences in the About box).

/** The folder, beside index.html, the decoders are served from. */
export const PDFJS_DECODERS_DIR = 'pdfjs-decoders';

/** The decoders' files, as pdfjs-dist ships them in its `wasm/` folder and as pdf.js asks for them. */
export const PDFJS_DECODER_FILES = ['jbig2_nowasm_fallback.js', 'openjpeg_nowasm_fallback.js'] as const;
