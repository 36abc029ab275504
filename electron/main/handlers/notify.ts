// OS notifications ("RDR-2026-000042: final response due tomorrow"). Each notification id is shown at most once per
// run, so a renderer re-evaluating its clocks cannot spam the desk. Clicking one brings the window forward and tells
// the renderer which case to open.
import type { NotificationConstructorOptions } from 'electron';
import { IPC_CHANNELS } from '#shared/ipc/channels';
import type { NotifyRequest, NotifyResult } from '#shared/ipc/contract';

/** The slice of Electron's Notification used here. */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'failed', listener: () => void): unknown;
  show(): void;
}
export interface NotificationClass {
  new (options: NotificationConstructorOptions): NotificationLike;
  isSupported(): boolean;
}

/** The slice of BrowserWindow used to answer a click. */
export interface NotifiedWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  webContents: { send(channel: string, ...args: unknown[]): void };
}

export interface NotifyDeps {
  Notification: NotificationClass;
  getWindow: () => NotifiedWindow | null | undefined;
  iconPath?: string;
}

export function createNotifyHandler(deps: NotifyDeps): (request: NotifyRequest) => Promise<NotifyResult> {
  const shownIds = new Set<string>();
  // Electron drops the click handler of a notification that has been garbage-collected: keep live ones referenced.
  const live = new Set<NotificationLike>();

  const onClick = (caseId: string | undefined) => {
    const window = deps.getWindow();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    if (caseId !== undefined) window.webContents.send(IPC_CHANNELS.notificationClicked, caseId);
  };

  return async (request) => {
    if (shownIds.has(request.id)) return { ok: true, shown: false };
    if (!deps.Notification.isSupported()) {
      return { ok: false, error: 'This system does not support desktop notifications.' };
    }
    shownIds.add(request.id);

    const notification = new deps.Notification({
      title: request.title,
      body: request.body,
      ...(deps.iconPath ? { icon: deps.iconPath } : {}),
    });
    live.add(notification);
    const forget = () => live.delete(notification);
    notification.on('click', () => {
      forget();
      onClick(request.caseId);
    });
    notification.on('close', forget);
    notification.on('failed', forget);
    notification.show();
    return { ok: true, shown: true };
  };
}
