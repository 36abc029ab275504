// electron-vite: main (ESM, Node target) → out/main, preload (CommonJS, because a sandboxed preload cannot load ES
// modules) → out/preload, renderer (the same Vite config as web mode) → out/renderer.
// Everything is bundled (externalizeDeps: false): the packaged app ships out/** only, no node_modules, and a
// sandboxed preload cannot require() anything but electron's own modules.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from '../renderer/vite.config';

const fromRoot = (relative: string) => fileURLToPath(new URL(`../${relative}`, import.meta.url));

export default defineConfig({
  main: {
    // `import icon from '…/resources/icon.png?asset'` must copy the file into out/main, because only out/** is packaged.
    // electron-vite instead leaves files under publicDir (default: resources/) in place, so point publicDir elsewhere.
    publicDir: fromRoot('electron/public'),
    build: {
      outDir: fromRoot('out/main'),
      externalizeDeps: false,
      lib: { entry: fromRoot('electron/main/index.ts'), formats: ['es'], fileName: () => 'index.js' },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      externalizeDeps: false,
      lib: { entry: fromRoot('electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      outDir: fromRoot('out/renderer'),
      rolldownOptions: { input: fromRoot('renderer/index.html') },
    },
  },
});
