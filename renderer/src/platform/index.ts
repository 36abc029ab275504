// The renderer's only way to the desktop shell. In Electron the preload puts the API on `window.redress`;
// in a plain browser the same contract is implemented with downloads and Web Notifications.
import type { RedressApi } from '#shared/ipc/contract';
import { createBrowserApi } from './browser';

declare global {
  interface Window {
    redress?: RedressApi;
  }
}

let api: RedressApi | null = null;

export function platform(): RedressApi {
  api ??=
    window.redress ??
    createBrowserApi({
      document,
      storage: window.localStorage,
      NotificationCtor: 'Notification' in window ? window.Notification : undefined,
      focus: () => window.focus(),
    });
  return api;
}
