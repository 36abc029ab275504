// App-wide guards, applied to every webContents the app ever creates ('web-contents-created'): the window cannot be
// navigated or redirected off the app, cannot open new windows, cannot attach <webview>s, and gets no permissions.
// A few well-known https sites (regulators and ADR schemes, listed in shared/ipc/links.ts, the same list the web mode
// uses) open in the user's browser instead.
import type { Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from '#shared/ipc/links';
import { isTrustedUrl } from './origin';

/** The slice of WebContents the guards touch, so tests can pass a fake. */
export type GuardedWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'> & {
  session: GuardedSession;
};
export type GuardedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

export interface GuardDeps {
  /** Origins the window may show: app://redress, plus the dev server while developing. */
  trustedOrigins: ReadonlySet<string>;
  openExternal: (url: string) => Promise<void>;
  log?: (message: string) => void;
}

const guardedSessions = new WeakSet<object>();

/** Deny every permission request and check (camera, microphone, geolocation, notifications, clipboard read…). */
export function denyAllPermissions(session: GuardedSession): void {
  if (guardedSessions.has(session)) return;
  guardedSessions.add(session);
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export function applyGuards(contents: GuardedWebContents, deps: GuardDeps): void {
  const log = deps.log ?? ((message: string) => console.warn(message));
  const openIfAllowed = (url: string) => {
    if (!isAllowedExternalUrl(url)) return;
    deps.openExternal(url).catch((error: unknown) => log(`Redress: could not open ${url}: ${String(error)}`));
  };

  contents.on('will-navigate', (event) => {
    if (isTrustedUrl(event.url, deps.trustedOrigins)) return;
    event.preventDefault();
    log(`Redress: blocked navigation to ${event.url}`);
    // A plain link to a regulator's site opens in the browser rather than doing nothing.
    openIfAllowed(event.url);
  });
  // Sub-frames (the main frame is covered by 'will-navigate' above).
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isTrustedUrl(event.url, deps.trustedOrigins)) return;
    event.preventDefault();
    log(`Redress: blocked frame navigation to ${event.url}`);
  });
  contents.on('will-redirect', (event) => {
    if (isTrustedUrl(event.url, deps.trustedOrigins)) return;
    event.preventDefault();
    log(`Redress: blocked redirect to ${event.url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('Redress: blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
  denyAllPermissions(contents.session);
}
