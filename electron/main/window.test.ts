import { describe, expect, it } from 'vitest';
import { createMainWindow, mainWindowOptions } from './window';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');
  const prefs = options.webPreferences ?? {};

  // Electron's security checklist, one line each, so a regression names the setting that changed.
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['enableWebSQL', false],
    ['navigateOnDragDrop', false],
    ['safeDialogs', true],
    ['spellcheck', true],
  ] as const)('sets %s to %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('uses the given preload and nothing else as code with privileges', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(Object.keys(prefs).filter((key) => /preload/i.test(key))).toEqual(['preload']);
  });

  it('keeps DevTools off unless asked (they are only asked for in development)', () => {
    expect(prefs.devTools).toBe(false);
    expect(mainWindowOptions({ preloadPath: '/p.cjs', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('does not show the window before it has painted, and is titled Redress', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Redress');
  });

  it('sets an icon only when one is given', () => {
    expect(options.icon).toBeUndefined();
    expect(mainWindowOptions({ preloadPath: '/p.cjs', iconPath: '/i.png' }).icon).toBe('/i.png');
  });

  it('sets no setting that weakens isolation', () => {
    for (const risky of ['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'webviewTag']) {
      expect(prefs[risky as keyof typeof prefs]).toBe(false);
    }
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('createMainWindow', () => {
  it('builds the window from mainWindowOptions, loads the URL and shows on ready-to-show', async () => {
    const events: string[] = [];
    let readyToShow: (() => void) | undefined;
    class FakeWindow {
      static lastOptions: unknown;
      constructor(options: unknown) {
        FakeWindow.lastOptions = options;
      }
      loadURL(url: string) {
        events.push(`load ${url}`);
        return Promise.resolve();
      }
      once(event: string, listener: () => void) {
        if (event === 'ready-to-show') readyToShow = listener;
        return this;
      }
      show() {
        events.push('show');
      }
    }
    const window = createMainWindow({
      BrowserWindow: FakeWindow as never,
      preloadPath: '/p.cjs',
      url: 'app://redress/index.html',
    });
    expect(window).toBeInstanceOf(FakeWindow);
    expect(FakeWindow.lastOptions).toEqual(mainWindowOptions({ preloadPath: '/p.cjs' }));
    expect(events).toEqual(['load app://redress/index.html']);
    readyToShow?.();
    expect(events).toEqual(['load app://redress/index.html', 'show']);
  });
});

describe('restored size and place', () => {
  it('opens at the restored bounds, keeping the minimum size and every security preference', () => {
    const options = mainWindowOptions({ preloadPath: '/p.cjs', bounds: { x: 40, y: 30, width: 1500, height: 900 } });
    expect(options).toMatchObject({ x: 40, y: 30, width: 1500, height: 900, minWidth: 960, minHeight: 640 });
    expect(options.webPreferences).toEqual(mainWindowOptions('/p.cjs').webPreferences);
    expect(mainWindowOptions({ preloadPath: '/p.cjs', bounds: { width: 1000, height: 700 } })).not.toHaveProperty('x');
  });

  it('maximises before showing when the user left it maximised', () => {
    const events: string[] = [];
    class FakeWindow {
      loadURL() {
        return Promise.resolve();
      }
      once() {
        return this;
      }
      show() {}
      maximize() {
        events.push('maximize');
      }
    }
    createMainWindow({
      BrowserWindow: FakeWindow as never,
      preloadPath: '/p.cjs',
      url: 'app://redress/',
      maximize: true,
    });
    createMainWindow({ BrowserWindow: FakeWindow as never, preloadPath: '/p.cjs', url: 'app://redress/' });
    expect(events).toEqual(['maximize']);
  });
});
