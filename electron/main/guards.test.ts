import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl } from '#shared/ipc/links';
import { applyGuards, denyAllPermissions, type GuardedWebContents } from './guards';
import { trustedOrigins } from './origin';

type Listener = (...args: unknown[]) => void;

/** A fake webContents + session that records what the guards install. */
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  type RequestHandler = (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
  type CheckHandler = (...args: unknown[]) => boolean;
  const session: {
    requestHandler?: RequestHandler;
    checkHandler?: CheckHandler;
    deviceHandler?: CheckHandler;
    setPermissionRequestHandler(handler: RequestHandler): void;
    setPermissionCheckHandler(handler: CheckHandler): void;
    setDevicePermissionHandler(handler: CheckHandler): void;
  } = {
    setPermissionRequestHandler(handler) {
      session.requestHandler = handler;
    },
    setPermissionCheckHandler(handler) {
      session.checkHandler = handler;
    },
    setDevicePermissionHandler(handler) {
      session.deviceHandler = handler;
    },
  };
  const contents = {
    session,
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: typeof windowOpenHandler) {
      windowOpenHandler = handler;
    },
  };
  /** Emit an event the way Electron does: an event object with preventDefault (and the details on it). */
  const emit = (event: string, details: Record<string, unknown> = {}) => {
    const fired = { ...details, defaultPrevented: false, preventDefault: () => (fired.defaultPrevented = true) };
    for (const listener of listeners.get(event) ?? []) listener(fired, details.url);
    return fired.defaultPrevented;
  };
  return {
    contents: contents as unknown as GuardedWebContents,
    session,
    emit,
    openWindow: (url: string) => windowOpenHandler?.({ url }),
    listeners,
  };
}

function setup(devServerUrl?: string) {
  const fake = fakeContents();
  const openExternal = vi.fn(() => Promise.resolve());
  const log = vi.fn();
  applyGuards(fake.contents, { trustedOrigins: trustedOrigins(devServerUrl), openExternal, log });
  return { ...fake, openExternal, log };
}

describe('navigation guards', () => {
  it('lets the app navigate within app://redress', () => {
    const { emit } = setup();
    expect(emit('will-navigate', { url: 'app://redress/index.html' })).toBe(false);
    expect(emit('will-redirect', { url: 'app://redress/cases' })).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'app://evil/index.html',
    'about:blank',
  ])('blocks navigation and redirects to %s', (url) => {
    const { emit, openExternal } = setup();
    expect(emit('will-navigate', { url })).toBe(true);
    expect(emit('will-redirect', { url })).toBe(true);
    expect(emit('will-frame-navigate', { url, isMainFrame: false })).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('allows the dev server only when it is configured', () => {
    expect(setup('http://127.0.0.1:5173').emit('will-navigate', { url: 'http://127.0.0.1:5173/x' })).toBe(false);
    expect(setup().emit('will-navigate', { url: 'http://127.0.0.1:5173/x' })).toBe(true);
  });

  it('opens a plain link to an allow-listed site in the browser, never in the window', () => {
    const { emit, openExternal } = setup();
    expect(emit('will-navigate', { url: 'https://www.ofcom.org.uk/complaints' })).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://www.ofcom.org.uk/complaints');
  });

  it('never opens a redirect target externally', () => {
    const { emit, openExternal } = setup();
    expect(emit('will-redirect', { url: 'https://www.ofcom.org.uk/' })).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('blocks <webview> attachment', () => {
    expect(setup().emit('will-attach-webview')).toBe(true);
  });
});

describe('new windows', () => {
  it('denies every window.open', () => {
    const { openWindow, openExternal } = setup();
    for (const url of ['https://evil.example/', 'app://redress/index.html', 'about:blank', '']) {
      expect(openWindow(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('opens allow-listed https links in the browser (and still denies the window)', () => {
    const { openWindow, openExternal } = setup();
    expect(openWindow('https://www.commsombudsman.org/')).toEqual({ action: 'deny' });
    expect(openWindow('https://cedr.com/consumer/')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.commsombudsman.org/'], ['https://cedr.com/consumer/']]);
  });

  it('survives openExternal failing', async () => {
    const fake = fakeContents();
    const log = vi.fn();
    applyGuards(fake.contents, {
      trustedOrigins: trustedOrigins(undefined),
      openExternal: () => Promise.reject(new Error('no browser')),
      log,
    });
    expect(fake.openWindow('https://www.ofcom.org.uk/')).toEqual({ action: 'deny' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('could not open'));
  });
});

describe('external links (the shared allow-list, as the guards apply it)', () => {
  it.each([
    'https://www.ofcom.org.uk/',
    'https://ofcom.org.uk/x',
    'https://www.ccts-cprst.ca/',
    'https://www.gov.uk/bank-holidays',
  ])('opens %s in the browser', (url) => {
    const { openWindow, openExternal } = setup();
    expect(openWindow(url)).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith(url);
  });

  it.each([
    'http://www.ofcom.org.uk/', // not https
    'https://ofcom.org.uk.evil.example/', // suffix trick
    'https://evilofcom.org.uk/', // look-alike
    'https://user@www.ofcom.org.uk/', // credentials
    'https://www.ofcom.org.uk:8443/', // odd port
    'file:///C:/Windows/system32/calc.exe',
    'smb://server/share',
    'ms-msdt:/id',
    'javascript:alert(1)',
    'not a url',
  ])('never opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
    const { openWindow, emit, openExternal } = setup();
    expect(openWindow(url)).toEqual({ action: 'deny' });
    expect(emit('will-navigate', { url })).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown'])(
    'denies the request for %s',
    (permission) => {
      const { session } = setup();
      const callback = vi.fn();
      session.requestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('denies permission checks and device access', () => {
    const { session } = setup();
    expect(session.checkHandler?.({}, 'media', 'app://redress', {})).toBe(false);
    expect(session.deviceHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('can be applied to a session directly (the default session, before any window exists)', () => {
    const { session } = fakeContents();
    denyAllPermissions(session as never);
    const callback = vi.fn();
    session.requestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
  });
});
