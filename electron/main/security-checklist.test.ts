// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), item by item, asserted
// against the real modules the shell runs. Each block names the item; where an item is proved in more depth elsewhere
// the block says where. Together with build/security/scan.mjs (Electronegativity, in `npm test`) this is the proof
// that the checklist holds; a change that weakens any item fails here with the item's name.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '#shared/ipc/channels';
import { EXTERNAL_LINK_HOSTS, isAllowedExternalUrl } from '#shared/ipc/links';
import { createRedressApi } from '#electron/preload/api';
import { applyGuards, denyAllPermissions, type GuardedWebContents } from './guards';
import { printWindowOptions } from './handlers/print';
import { type IpcHandlerDeps, registerIpcHandlers } from './ipc';
import { APP_ENTRY_URL, trustedOrigins } from './origin';
import { APP_CSP, APP_SCHEME_PRIVILEGES } from './protocol';
import { mainWindowOptions } from './window';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

/** Every window the shell creates: the main window and the hidden print window. */
const windows = {
  main: mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs' }).webPreferences ?? {},
  print: printWindowOptions('Letter').webPreferences ?? {},
};

type Listener = (event: { url: string; isMainFrame?: boolean; preventDefault(): void }) => void;

function guardedContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  type RequestHandler = (wc: unknown, permission: string, cb: (granted: boolean) => void, details: unknown) => void;
  type CheckHandler = (...args: unknown[]) => boolean;
  const session: {
    request?: RequestHandler;
    check?: CheckHandler;
    device?: CheckHandler;
    setPermissionRequestHandler(handler: RequestHandler): void;
    setPermissionCheckHandler(handler: CheckHandler): void;
    setDevicePermissionHandler(handler: CheckHandler): void;
  } = {
    setPermissionRequestHandler(handler) {
      session.request = handler;
    },
    setPermissionCheckHandler(handler) {
      session.check = handler;
    },
    setDevicePermissionHandler(handler) {
      session.device = handler;
    },
  };
  const contents = {
    session,
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler;
    },
  };
  const openExternal = vi.fn(() => Promise.resolve());
  applyGuards(contents as unknown as GuardedWebContents, {
    trustedOrigins: trustedOrigins(undefined),
    openExternal,
    log: () => undefined,
  });
  const blocked = (event: string, url: string, isMainFrame = true) => {
    let prevented = false;
    for (const listener of listeners.get(event) ?? [])
      listener({ url, isMainFrame, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { session, blocked, open: (url: string) => openHandler!({ url }), openExternal, listeners };
}

describe('Electron security checklist', () => {
  describe('1. Only load secure content; 18. avoid file://, prefer a custom protocol', () => {
    it('the app is served from app://redress, registered standard + secure, never bypassing CSP', () => {
      expect(APP_ENTRY_URL).toBe('app://redress/index.html');
      expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, bypassCSP: false });
    });
    it('the CSP loads nothing from the network: no http(s):, ws:, or wildcard sources', () => {
      expect(APP_CSP).not.toMatch(/https?:|wss?:|\*/);
    });
  });

  describe.each(Object.entries(windows))('2–4, 6, 8–10. web preferences of the %s window', (_name, prefs) => {
    it.each([
      ['contextIsolation', true], // 3
      ['sandbox', true], // 4
      ['nodeIntegration', false], // 2
      ['nodeIntegrationInWorker', false], // 2 (workers)
      ['nodeIntegrationInSubFrames', false], // 2 (sub-frames)
      ['webSecurity', true], // 6
      ['allowRunningInsecureContent', false], // 8
      ['experimentalFeatures', false], // 9
      ['webviewTag', false], // 12
    ] as const)('%s is %s', (key, value) => {
      expect(prefs[key]).toBe(value);
    });
    it('10. enables no Blink features and passes no extra command-line arguments', () => {
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
      expect(prefs).not.toHaveProperty('additionalArguments');
    });
  });

  it('4. the sandbox is also enabled app-wide before ready (see index.test.ts), and the print window has no preload', () => {
    expect(windows.print).not.toHaveProperty('preload');
  });

  describe('5. session permission requests', () => {
    // Electron's permission names (session.setPermissionRequestHandler), plus one it may add later.
    const permissions = [
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'fullscreen',
      'geolocation',
      'idle-detection',
      'media',
      'mediaKeySystem',
      'midi',
      'midiSysex',
      'notifications',
      'pointerLock',
      'keyboardLock',
      'openExternal',
      'speaker-selection',
      'storage-access',
      'top-level-storage-access',
      'window-management',
      'unknown',
      'fileSystem',
      'hid',
      'serial',
      'usb',
      'some-future-permission',
    ];
    it.each(permissions)('denies a request for %s and answers every check with no', (permission) => {
      const { session } = guardedContents();
      const callback = vi.fn();
      session.request!({}, permission, callback, { requestingUrl: 'app://redress/index.html' });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(session.check!({}, permission, 'app://redress', {})).toBe(false);
    });
    it('denies device access (HID, serial, USB) and guards the default session the same way', () => {
      const { session } = guardedContents();
      expect(session.device!({ deviceType: 'hid', origin: 'app://redress' })).toBe(false);
      const defaultSession = {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      };
      denyAllPermissions(defaultSession as never);
      expect(defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
      expect(defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
      expect(defaultSession.setDevicePermissionHandler).toHaveBeenCalledOnce();
    });
  });

  describe('7. Content-Security-Policy (meta tag and app:// header identical: protocol.test.ts)', () => {
    const directive = (name: string) => APP_CSP.split('; ').find((d) => d.split(' ')[0] === name);
    it("scripts only from the app's own files: no inline script, no eval, no remote script", () => {
      expect(directive('script-src')).toBe("script-src 'self'");
      expect(directive('default-src')).toBe("default-src 'self'");
      expect(APP_CSP).not.toMatch(/unsafe-eval|unsafe-hashes|strict-dynamic|'nonce-|'sha\d+-/);
    });
    it('no plugins, no <base>, no form posts, and the app cannot be framed', () => {
      expect(directive('object-src')).toBe("object-src 'none'");
      expect(directive('base-uri')).toBe("base-uri 'none'");
      expect(directive('form-action')).toBe("form-action 'none'");
      expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    });
    it('the page ships the same policy as a meta tag (a dev-server-only plugin loosens it for React refresh)', () => {
      const html = readFileSync(`${root}/renderer/index.html`, 'utf8');
      const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
      expect(meta).toBe(APP_CSP.replace("; frame-ancestors 'none'", ''));
      // The header travels with every app:// response (protocol.ts), so even the dev plugin cannot weaken the packaged
      // app: both policies apply and the stricter wins.
    });
  });

  describe('11–12. <webview>', () => {
    it('the tag is disabled and any attach is blocked', () => {
      const { blocked } = guardedContents();
      expect(blocked('will-attach-webview', 'app://redress/')).toBe(true);
    });
  });

  describe('13. navigation is limited to the app', () => {
    it('any URL off app://redress is blocked for navigation, redirects and sub-frames (property test)', () => {
      const { blocked } = guardedContents();
      fc.assert(
        fc.property(
          fc.oneof(
            fc.webUrl(),
            fc.string(),
            fc.constantFrom('file:///etc/passwd', 'about:blank', 'javascript:1', 'app://evil/'),
          ),
          (url) => {
            const inApp = url.toLowerCase().startsWith('app://redress/') && !url.includes('@');
            if (inApp) return;
            expect(blocked('will-navigate', url)).toBe(true);
            expect(blocked('will-redirect', url)).toBe(true);
            expect(blocked('will-frame-navigate', url, false)).toBe(true);
          },
        ),
        { numRuns: 500 },
      );
    });
  });

  describe('14. new windows are never created', () => {
    it('window.open is denied for every URL (property test)', () => {
      const { open } = guardedContents();
      fc.assert(
        fc.property(fc.oneof(fc.webUrl(), fc.string(), fc.constant('app://redress/index.html')), (url) => {
          expect(open(url)).toEqual({ action: 'deny' });
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('15. shell.openExternal only with allow-listed https links', () => {
    it('anything opened is https, on a listed host, with no credentials or port (property test)', () => {
      const { open, blocked, openExternal } = guardedContents();
      const listed = fc.constantFrom(...EXTERNAL_LINK_HOSTS).map((host) => `https://${host}/`);
      fc.assert(
        fc.property(
          fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), listed, fc.string()),
          fc.boolean(),
          (url, viaWindowOpen) => {
            openExternal.mockClear();
            if (viaWindowOpen) open(url);
            else blocked('will-navigate', url);
            if (openExternal.mock.calls.length === 0) return;
            expect(openExternal).toHaveBeenCalledExactlyOnceWith(url);
            const parsed = new URL(url);
            expect(parsed.protocol).toBe('https:');
            expect(EXTERNAL_LINK_HOSTS as readonly string[]).toContain(parsed.hostname);
            expect(parsed.username + parsed.password + parsed.port).toBe('');
            expect(isAllowedExternalUrl(url)).toBe(true);
          },
        ),
        { numRuns: 1000 },
      );
    });
    it('a redirect never opens anything, even to a listed site', () => {
      const { blocked, openExternal } = guardedContents();
      blocked('will-redirect', 'https://www.ofcom.org.uk/');
      expect(openExternal).not.toHaveBeenCalled();
    });
  });

  describe('16. a current Electron', () => {
    it('pins an exact, supported Electron (45 or later) and that is what is installed', () => {
      const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
        devDependencies: Record<string, string>;
      };
      const pinned = pkg.devDependencies.electron!;
      expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
      expect(Number(pinned.split('.')[0])).toBeGreaterThanOrEqual(45);
      expect((require('electron/package.json') as { version: string }).version).toBe(pinned);
    });
  });

  describe('17. every IPC sender is validated', () => {
    /** Registers the real handlers with every capability replaced by a spy, whatever capabilities exist. */
    function registerAll() {
      const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
      const used: string[] = [];
      const base: Record<string, unknown> = {
        ipcMain: { handle: (channel: string, listener: never) => handlers.set(channel, listener) },
        trustedOrigins: trustedOrigins(undefined),
        log: () => undefined,
      };
      const deps = new Proxy(base, {
        get: (target, key: string) =>
          key in target
            ? target[key]
            : (...args: unknown[]) => {
                used.push(`${key}(${args.length})`);
                return Promise.resolve({ ok: true });
              },
      });
      registerIpcHandlers(deps as unknown as IpcHandlerDeps);
      return { handlers, used };
    }
    /** Channels the main process sends on (main → renderer); every other channel is a request the main process handles. */
    const pushChannels = new Set<string>([IPC_CHANNELS.notificationClicked, 'redress:menu-command']);

    it('every request channel of the contract is registered through the validating wrapper', () => {
      const { handlers } = registerAll();
      const requestChannels = Object.values(IPC_CHANNELS).filter((channel) => !pushChannels.has(channel));
      expect([...handlers.keys()].sort()).toEqual([...requestChannels].sort());
    });

    it.each([
      ['another site', { url: 'https://evil.example/', parent: null }],
      ['a file', { url: 'file:///C:/Users/desk/Downloads/evil.html', parent: null }],
      ['a look-alike app origin', { url: 'app://redress.evil/index.html', parent: null }],
      ['a sub-frame of the app', { url: 'app://redress/index.html', parent: {} }],
      ['a frame that is gone', null],
    ])('refuses %s on every channel, before any capability runs', async (_label, senderFrame) => {
      const { handlers, used } = registerAll();
      for (const [channel, handler] of handlers) {
        const result = await handler({ senderFrame }, { anything: 'at all' });
        expect(result, channel).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused: /) });
      }
      expect(used).toEqual([]);
    });
  });

  describe('20. no Electron or Node API reaches the page', () => {
    it('the preload exposes data and one function per capability, never ipcRenderer or a channel name', () => {
      const ipc = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() };
      const api = createRedressApi(ipc as never) as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(api)) {
        expect(['invoke', 'send', 'on', 'ipcRenderer', 'require', 'process'], key).not.toContain(key);
        expect(['function', 'string', 'object'], key).toContain(typeof value);
        if (typeof value === 'object') expect(JSON.stringify(value), key).not.toMatch(/function|redress:/);
      }
      expect(Object.values(api).includes(ipc)).toBe(false);
    });
  });

  it('19. fuses: every V1 fuse is set for packaging (test/unit/electron-builder-config.test.ts)', () => {
    const config = readFileSync(`${root}/build/electron-builder.yml`, 'utf8');
    expect(config).toMatch(/^electronFuses:/m);
    expect(config).toMatch(/^ {2}runAsNode: false$/m);
    expect(config).toMatch(/^ {2}onlyLoadAppFromAsar: true$/m);
  });
});
