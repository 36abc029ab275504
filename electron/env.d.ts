// Types for electron-vite's build-time imports (`?asset`) and ELECTRON_RENDERER_URL in the main process.
/// <reference types="electron-vite/node" />
