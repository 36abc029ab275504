// OS notifications ("RDR-2026-000042: final response due tomorrow"). Each notification id is shown at most once per
// run, so a renderer re-evaluating its clocks cannot spam the desk. Clicking one brings the window forward and tells
// the renderer which case to open. A notification the system refuses (it throws, or reports 'failed' soon after) is
// answered as refused with the reason, so the renderer records it as not shown and tries again.
import type { NotificationConstructorOptions } from 'electron';
import { IPC_CHANNELS } from '#shared/ipc/channels';
import type { NotifyRequest, NotifyResult } from '#shared/ipc/contract';
import { mainFailure } from '#shared/ipc/messages';

/** The slice of Electron's Notification used here. */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'show', listener: () => void): unknown;
  on(event: 'failed', listener: (event: unknown, error?: string) => void): unknown;
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
  /**
   * How long to wait after show() for the system to refuse it (Windows reports 'failed' asynchronously); answered at
   * once when the system says it was shown. Default 1.5 s.
   */
  failWithinMs?: number;
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
      return mainFailure('notify-unsupported');
    }
    shownIds.add(request.id);

    const refused = (error: unknown): NotifyResult => {
      shownIds.delete(request.id);
      // p8e: a code and values beside the English, for the dashboard to say it in the interface language.
      const reason = error instanceof Error ? error.message : typeof error === 'string' && error ? error : null;
      return reason === null ? mainFailure('notify-system-refused') : mainFailure('notify-refused', { reason });
    };
    let notification: NotificationLike;
    let outcome: Promise<string | null>;
    try {
      notification = new deps.Notification({
        title: request.title,
        body: request.body,
        ...(deps.iconPath ? { icon: deps.iconPath } : {}),
      });
      const n = notification;
      live.add(n);
      const forget = () => live.delete(n);
      outcome = new Promise<string | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), deps.failWithinMs ?? 1500);
        const settle = (error: string | null) => {
          clearTimeout(timer);
          resolve(error);
        };
        n.on('show', () => settle(null));
        n.on('failed', (_event, error) => {
          forget();
          settle(error || 'the system refused it');
        });
      });
      n.on('click', () => {
        forget();
        onClick(request.caseId);
      });
      n.on('close', forget);
      n.show();
    } catch (error) {
      return refused(error);
    }
    const error = await outcome;
    if (error !== null) {
      live.delete(notification);
      return refused(error);
    }
    return { ok: true, shown: true };
  };
}
