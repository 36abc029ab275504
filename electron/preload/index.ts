// Sandboxed preload (bundled to CommonJS, see build/electron.vite.config.ts): expose the one API and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createRedressApi } from './api';

// A sandboxed preload still sees process.versions; only the Electron, Chromium and Node versions are passed on.
contextBridge.exposeInMainWorld('redress', Object.freeze(createRedressApi(ipcRenderer, process.versions)));
