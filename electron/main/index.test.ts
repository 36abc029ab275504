// The bootstrap, wired to a fake Electron: proves the order (scheme registered before ready), that every guard and
// handler is installed, and that the window loads app://redress and is served by the protocol handler.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const windows: { options: Record<string, unknown>; url?: string }[] = [];
  let protocolHandler: ((request: Request) => Promise<Response>) | undefined;
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const session = {
    setPermissionRequestHandler: () => calls.push('session.permissionRequest'),
    setPermissionCheckHandler: () => calls.push('session.permissionCheck'),
    setDevicePermissionHandler: () => calls.push('session.devicePermission'),
    setSpellCheckerLanguages: (languages: string[]) => calls.push(`spellcheck ${languages.join(',')}`),
  };
  const windowCalls: string[] = [];
  let minimized = true;
  class BrowserWindow {
    static getAllWindows = () => windows;
    record: { options: Record<string, unknown>; url?: string };
    webContents = {
      send: (...args: unknown[]) => windowCalls.push(`send ${args.join(' ')}`),
      isLoading: () => false,
      once: () => undefined,
    };
    constructor(options: Record<string, unknown>) {
      this.record = { options };
      windows.push(this.record);
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    once() {
      return this;
    }
    on() {
      return this;
    }
    show() {
      windowCalls.push('show');
    }
    focus() {
      windowCalls.push('focus');
    }
    restore() {
      windowCalls.push('restore');
      minimized = false;
    }
    isMinimized() {
      return minimized;
    }
    maximize() {
      windowCalls.push('maximize');
    }
    isDestroyed() {
      return false;
    }
  }
  const menus: { template: Record<string, unknown>[] }[] = [];
  const electron = {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      enableSandbox: () => calls.push('app.enableSandbox'),
      setAppUserModelId: () => undefined,
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      whenReady: () => ready,
      isReady: () => true,
      getPath: (name: string) => `/nonexistent/redress-test/${name}`,
      getName: () => 'Redress',
      quit: () => calls.push('app.quit'),
      exit: () => calls.push('app.exit'),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) =>
        calls.push(`protocol.register ${schemes.map((s) => s.scheme).join(',')}`),
      handle: (scheme: string, handler: typeof protocolHandler) => {
        calls.push(`protocol.handle ${scheme}`);
        protocolHandler = handler;
      },
    },
    session: { defaultSession: session },
    ipcMain: { handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener) },
    BrowserWindow,
    dialog: { showSaveDialog: () => Promise.resolve({ canceled: true }) },
    Notification: Object.assign(class {}, { isSupported: () => false }),
    shell: {
      openExternal: () => Promise.resolve(),
      openPath: (folder: string) => {
        calls.push(`shell.openPath ${folder}`);
        return Promise.resolve('');
      },
    },
    Menu: {
      buildFromTemplate: (template: Record<string, unknown>[]) => ({ template }),
      setApplicationMenu: (menu: { template: Record<string, unknown>[] }) => menus.push(menu),
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    },
    // The automatic backup's passphrase keychain (handlers/backup.ts): not available in this fake.
    safeStorage: { isEncryptionAvailable: () => false },
  };
  return {
    electron,
    calls,
    appListeners,
    ipcHandlers,
    windows,
    windowCalls,
    menus,
    minimise: () => (minimized = true),
    resolveReady,
    getProtocolHandler: () => protocolHandler,
  };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
vi.mock('#resources/icon.png?asset', () => ({ default: '/app/out/main/chunks/icon.png' }));

describe('electron/main/index.ts (bootstrap, with a fake Electron)', () => {
  beforeAll(async () => {
    // Packaged: the dev server must be ignored even if the variable is set.
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://127.0.0.1:5173');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await import('./index');
  });
  afterAll(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('registers app:// as privileged and enables the sandbox before the app is ready', () => {
    expect(fake.calls).toEqual(['protocol.register app', 'app.enableSandbox']);
    expect(fake.windows).toHaveLength(0);
  });

  it('guards every web contents and quits when the last window closes', () => {
    expect([...fake.appListeners.keys()]).toEqual(
      expect.arrayContaining(['web-contents-created', 'window-all-closed', 'second-instance']),
    );
  });

  it('when ready: serves app://, denies permissions, registers both IPC handlers, opens one window', async () => {
    fake.resolveReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.calls).toEqual(
      expect.arrayContaining(['protocol.handle app', 'session.permissionRequest', 'session.permissionCheck']),
    );
    expect([...fake.ipcHandlers.keys()]).toEqual(
      expect.arrayContaining(['redress:notify', 'redress:print-pdf', 'redress:save-file']),
    );
    const [window] = fake.windows;
    expect(window!.url).toBe('app://redress/index.html');
    const prefs = window!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
    expect(String(prefs.preload)).toMatch(/[\\/]preload[\\/]index\.cjs$/);
  });

  it('opens the window at the default size when nothing was saved (window-state.ts)', () => {
    expect(fake.windows[0]!.options).toMatchObject({ width: 1280, height: 860, minWidth: 960, minHeight: 640 });
    expect(fake.windows[0]!.options).not.toHaveProperty('x');
  });

  it('installs the native menu; its commands reach the window, and Open data folder opens userData', () => {
    expect(fake.menus).toHaveLength(1);
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const items = (fake.menus[0]!.template as Item[]).flatMap((menu) => menu.submenu ?? []);
    items.find((item) => item.label === 'New complaint')!.click!();
    expect(fake.windowCalls).toContain('send redress:menu-command new-complaint');
    items.find((item) => item.label === 'Open data folder')!.click!();
    expect(fake.calls).toContain('shell.openPath /nonexistent/redress-test/userData');
  });

  it('a second start brings the one window forward (restored if minimised) instead of opening another', () => {
    fake.windowCalls.length = 0;
    fake.minimise();
    fake.appListeners.get('second-instance')!({}, ['redress.exe'], '/');
    expect(fake.windowCalls).toEqual(['restore', 'show', 'focus']);
    expect(fake.windows).toHaveLength(1);
  });

  it('refuses IPC from the dev server when packaged', async () => {
    const notify = fake.ipcHandlers.get('redress:notify')!;
    const result = await notify(
      { senderFrame: { url: 'http://127.0.0.1:5173/', parent: null } },
      { id: 'a', title: 't', body: 'b' },
    );
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('Refused') });
  });

  it('the protocol handler refuses traversal', async () => {
    const handler = fake.getProtocolHandler()!;
    const response = await handler(new Request('app://redress/..%2f..%2fpackage.json'));
    expect(response.status).toBe(403);
  });
});
