// Vite config for the renderer. Used on its own for the web mode (`npm run web`) and the end-to-end tests, and
// reused by build/electron.vite.config.ts for the desktop build, so both modes serve the same app.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The dev server injects an inline script (React refresh) and talks over a websocket: allow both in dev only.
const devCsp: Plugin = {
  name: 'redress-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
};

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));

export const rendererConfig = {
  root: rendererRoot,
  base: './',
  plugins: [react(), devCsp],
  css: { postcss: fileURLToPath(new URL('./postcss.config.cjs', import.meta.url)) },
  build: {
    // REDRESS_WEB_OUT / E2E_PORT let several test runs share one machine without clobbering each other.
    outDir: process.env.REDRESS_WEB_OUT ?? fileURLToPath(new URL('../out/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: Number(process.env.E2E_PORT ?? 4173), strictPort: true },
};

export default defineConfig(rendererConfig);
