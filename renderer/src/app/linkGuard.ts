// The window never leaves the app: links off the app are not followed, and window.open only opens allow-listed
// https sites (ADR schemes, regulators) in a separate, unconnected tab. The desktop shell enforces the same in
// the main process; this is the web mode's equivalent.
import { isAllowedExternalUrl } from '#shared/ipc/links';

export function installLinkGuard(win: Window): void {
  const nativeOpen = win.open.bind(win);
  const openExternal = (url: string) => {
    if (isAllowedExternalUrl(url)) nativeOpen(url, '_blank', 'noopener,noreferrer');
  };

  win.document.addEventListener(
    'click',
    (event) => {
      const anchor = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!anchor) return;
      const url = new URL(anchor.href, win.location.href);
      // The app's own downloads: a blob made by this page, saved under a file name.
      if (
        url.protocol === 'blob:' &&
        anchor.hasAttribute('download') &&
        url.href.startsWith(`blob:${win.location.origin}/`)
      )
        return;
      const sameApp = url.origin === win.location.origin && url.pathname === win.location.pathname;
      if (sameApp) return; // in-app (hash) routes
      event.preventDefault();
      openExternal(url.href);
    },
    true,
  );

  win.open = ((url?: string | URL) => {
    if (url !== undefined) openExternal(String(url));
    return null;
  }) as typeof win.open;
}
