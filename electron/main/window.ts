// The one window factory. Every security-relevant web preference is spelled out (even where it is Electron's default)
// so a future default change or a careless edit shows up in window.test.ts.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowOptionsInput {
  preloadPath: string;
  /** Window icon (Windows and Linux; macOS takes the bundle's icon). */
  iconPath?: string;
  /** DevTools only while developing. */
  devTools?: boolean;
  /** Where and how large to open (window-state.ts); absent: the default size, centred. */
  bounds?: { x?: number; y?: number; width: number; height: number };
}

/** The main window's default and smallest sizes (window-state.ts restores within these). */
export const MAIN_WINDOW_SIZE = { defaultWidth: 1280, defaultHeight: 860, minWidth: 960, minHeight: 640 } as const;

export function mainWindowOptions(input: string | MainWindowOptionsInput): BrowserWindowConstructorOptions {
  const {
    preloadPath,
    iconPath,
    devTools = false,
    bounds,
  } = typeof input === 'string' ? { preloadPath: input } : input;
  return {
    title: 'Redress',
    width: MAIN_WINDOW_SIZE.defaultWidth,
    height: MAIN_WINDOW_SIZE.defaultHeight,
    ...bounds,
    minWidth: MAIN_WINDOW_SIZE.minWidth,
    minHeight: MAIN_WINDOW_SIZE.minHeight,
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
export type BrowserWindowLike = Pick<BrowserWindow, 'loadURL' | 'once' | 'show'> &
  Partial<Pick<BrowserWindow, 'maximize'>>;

export interface CreateMainWindowDeps<W extends BrowserWindowLike> {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  preloadPath: string;
  iconPath?: string;
  devTools?: boolean;
  bounds?: MainWindowOptionsInput['bounds'];
  /** Maximise before showing (the state the user left it in). */
  maximize?: boolean;
  /** app://redress/index.html when packaged, the dev server's URL while developing. */
  url: string;
}

export function createMainWindow<W extends BrowserWindowLike>(deps: CreateMainWindowDeps<W>): W {
  const window = new deps.BrowserWindow(
    mainWindowOptions({
      preloadPath: deps.preloadPath,
      iconPath: deps.iconPath,
      devTools: deps.devTools,
      bounds: deps.bounds,
    }),
  );
  // Maximised before it is first shown, so it never flashes at its restored size first.
  if (deps.maximize) window.maximize?.();
  window.once('ready-to-show', () => window.show());
  window.loadURL(deps.url).catch((error: unknown) => {
    console.error(`Redress: could not load ${deps.url}:`, error);
  });
  return window;
}
