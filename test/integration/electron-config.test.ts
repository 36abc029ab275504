// `npm start` builds the desktop app with electron-vite, whose config (build/electron.vite.config.ts) pulls in the
// renderer's vite config. It once imported shared/ through package imports ('#shared/…'), which electron-vite left
// for Node to load as .ts: Node 20 cannot, so the desktop build failed before Electron was even needed. Loading the
// config as electron-vite does proves it loads on this Node (no Electron binary needed).
import { fileURLToPath } from 'node:url';
import { loadConfigFromFile } from 'electron-vite';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

it('the desktop build’s config loads on this Node, with the main, preload and renderer parts', async () => {
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    'build/electron.vite.config.ts',
    root,
  );
  expect(loaded.path).toMatch(/electron\.vite\.config\.ts$/);
  expect(Object.keys(loaded.config).toSorted()).toEqual(['main', 'preload', 'renderer']);
}, 60_000);
