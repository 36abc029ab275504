// Sandboxed preload (bundled to CommonJS, see build/electron.vite.config.ts): expose the one API and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createRedressApi } from './api';

contextBridge.exposeInMainWorld('redress', Object.freeze(createRedressApi(ipcRenderer)));
