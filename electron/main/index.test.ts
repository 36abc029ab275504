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
  class BrowserWindow {
    static getAllWindows = () => windows;
    record: { options: Record<string, unknown>; url?: string };
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
    show() {}
    isDestroyed() {
      return false;
    }
  }
  const electron = {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      enableSandbox: () => calls.push('app.enableSandbox'),
      setAppUserModelId: () => undefined,
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      whenReady: () => ready,
      isReady: () => true,
      getPath: () => '/home/desk/Documents',
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
    shell: { openExternal: () => Promise.resolve() },
  };
  return {
    electron,
    calls,
    appListeners,
    ipcHandlers,
    windows,
    resolveReady,
    getProtocolHandler: () => protocolHandler,
  };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
vi.mock('../../resources/icon.png?asset', () => ({ default: '/app/out/main/chunks/icon.png' }));

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
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(['redress:notify', 'redress:print-pdf', 'redress:save-file']);
    const [window] = fake.windows;
    expect(window!.url).toBe('app://redress/index.html');
    const prefs = window!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
    expect(String(prefs.preload)).toMatch(/[\\/]preload[\\/]index\.cjs$/);
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
