// The one window factory. Every security-relevant web preference is spelled out (even where it is Electron's default)
// so a future default change or a careless edit shows up in window.test.ts.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowOptionsInput {
  preloadPath: string;
  /** Window icon (Windows and Linux; macOS takes the bundle's icon). */
  iconPath?: string;
  /** DevTools only while developing. */
  devTools?: boolean;
}

export function mainWindowOptions(
  input: string | MainWindowOptionsInput,
): BrowserWindowConstructorOptions {
  const { preloadPath, iconPath, devTools = false } = typeof input === 'string' ? { preloadPath: input } : input;
  return {
    title: 'Redress',
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#f8f9fa',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      // A page that opens dialogs in a loop gets the option to stop them.
      safeDialogs: true,
      // Complaint summaries and notes are free text; the desk writes in British English (see index.ts).
      spellcheck: true,
      devTools,
    },
  };
}

/** The slice of BrowserWindow the factory uses, so tests can pass a fake class. */
export type BrowserWindowLike = Pick<BrowserWindow, 'loadURL' | 'once' | 'show'>;

export interface CreateMainWindowDeps<W extends BrowserWindowLike> {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  preloadPath: string;
  iconPath?: string;
  devTools?: boolean;
  /** app://redress/index.html when packaged, the dev server's URL while developing. */
  url: string;
}

export function createMainWindow<W extends BrowserWindowLike>(deps: CreateMainWindowDeps<W>): W {
  const window = new deps.BrowserWindow(
    mainWindowOptions({ preloadPath: deps.preloadPath, iconPath: deps.iconPath, devTools: deps.devTools }),
  );
  window.once('ready-to-show', () => window.show());
  window.loadURL(deps.url).catch((error: unknown) => {
    console.error(`Redress: could not load ${deps.url}:`, error);
  });
  return window;
}
