// Vite config for the renderer. Used on its own for the web mode (`npm run web`) and the end-to-end tests, and
// reused by build/electron.vite.config.ts for the desktop build, so both modes serve the same app.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
// Relative, not '#shared/…': electron-vite loads this file through build/electron.vite.config.ts and leaves package
// imports to Node, which cannot run .ts files before Node 22.18 (`npm start` failed on Node 20).
import { PDFJS_DECODER_FILES, PDFJS_DECODERS_DIR } from '../shared/security/pdfjs-decoders.ts';
import { appCsp, checkSharingOrigins, withCspMeta } from '../shared/security/sharing.ts';
import { pdfmakeStyleLookups } from './pdfmake-style-lookups.ts';

/**
 * Web mode's answer to the team server (issue #14): the page's CSP may connect to the origins named by
 * REDRESS_SHARING_ORIGINS (https, or http on this computer, `http://127.0.0.1:*` for the tests) and nothing else.
 * A bad value stops the build or the server with the reason, rather than serving a looser or broken policy.
 */
function sharingCsp(): string {
  const checked = checkSharingOrigins(process.env.REDRESS_SHARING_ORIGINS);
  if (!checked.ok) throw new Error(checked.problem);
  return appCsp(checked.origins);
}

// The dev server injects an inline script (React refresh) and talks over a websocket: allow both in dev only.
const devCsp: Plugin = {
  name: 'redress-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    withCspMeta(html, sharingCsp())
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
};

/** The built index.html carries the policy in its meta tag, so a plain static host serving it is no looser. */
const buildCsp: Plugin = {
  name: 'redress-build-csp',
  apply: 'build',
  transformIndexHtml: (html) => withCspMeta(html, sharingCsp()),
};

const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

/**
 * `vite preview` (web mode, and the end-to-end tests) sends the policy as a header with every response, and serves
 * index.html (and client-side routes) with its meta tag rewritten to the same policy, as the desktop's app:// does:
 * both are enforced, so they must agree whatever the build baked in.
 */
const previewCsp: Plugin = {
  name: 'redress-preview-csp',
  configurePreviewServer(server) {
    const csp = sharingCsp();
    const index = path.resolve(server.config.root, server.config.build.outDir, 'index.html');
    server.middlewares.use((req, res, next) => {
      res.setHeader('Content-Security-Policy', csp);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      const pathname = (req.url ?? '/').split(/[?#]/)[0]!;
      const page =
        (req.method === 'GET' || req.method === 'HEAD') &&
        (pathname.endsWith('/') ||
          pathname.endsWith('/index.html') ||
          (path.posix.extname(pathname) === '' && (req.headers.accept ?? '').includes('text/html')));
      if (!page) return next();
      let html: string;
      try {
        html = withCspMeta(readFileSync(index, 'utf8'), csp);
      } catch (error) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(`Redress: cannot serve index.html: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      res.statusCode = 200;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      res.end(req.method === 'HEAD' ? undefined : html);
    });
  },
};

/**
 * pdf.js decodes JBIG2 and JPEG 2000 images (scanned letters) with WebAssembly, which the CSP forbids (no
 * 'wasm-unsafe-eval'); with `useWasm: false` it imports its plain-JavaScript builds of the same decoders instead, from
 * `wasmUrl` + a fixed file name. Those modules (#shared/security/pdfjs-decoders: the folder and the files, one home)
 * are served from the app's own origin under that fixed name (no hash), in the build and by the dev server.
 */
const PDFJS_DECODERS: readonly string[] = PDFJS_DECODER_FILES;
const pdfjsDecoderFile = (name: string) =>
  fileURLToPath(new URL(`../node_modules/pdfjs-dist/wasm/${name}`, import.meta.url));
const pdfjsDecoders: Plugin = {
  name: 'redress-pdfjs-decoders',
  generateBundle() {
    for (const name of PDFJS_DECODERS)
      this.emitFile({
        type: 'asset',
        fileName: `${PDFJS_DECODERS_DIR}/${name}`,
        // Where it comes from: build/licences.mjs lists the licences of files served as they come from a package.
        originalFileName: pdfjsDecoderFile(name),
        source: readFileSync(pdfjsDecoderFile(name)),
      });
  },
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      const name = (req.url ?? '').split(/[?#]/)[0]!.split(`/${PDFJS_DECODERS_DIR}/`)[1];
      if (!name || !PDFJS_DECODERS.includes(name)) return next();
      res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
      res.end(readFileSync(pdfjsDecoderFile(name)));
    });
  },
};

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));

export const rendererConfig = {
  root: rendererRoot,
  base: './',
  plugins: [react(), devCsp, buildCsp, previewCsp, pdfjsDecoders, pdfmakeStyleLookups()],
  // The letter workers bundle pdfmake too (./src/features/post/render-worker.ts): the same change to it there.
  worker: { plugins: () => [pdfmakeStyleLookups()] },
  css: { postcss: fileURLToPath(new URL('./postcss.config.cjs', import.meta.url)) },
  build: {
    // REDRESS_WEB_OUT / E2E_PORT let several test runs share one machine without clobbering each other.
    outDir: process.env.REDRESS_WEB_OUT ?? fileURLToPath(new URL('../out/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Zod and its jitless setting (#lib/zod-config) in one chunk of their own: the screens are chunks loaded
          // when first opened, so schemas are built in shared chunks that run before the entry's own modules; each
          // imports zod from this chunk, which sets jitless before any schema exists (the CSP refuses zod's eval).
          groups: [
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]renderer[\\/]src[\\/]lib[\\/]zod-config\.ts$/ },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: Number(process.env.E2E_PORT ?? 4173), strictPort: true },
};

export default defineConfig(rendererConfig);
