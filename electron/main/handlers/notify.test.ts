import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '#shared/ipc/channels';
import { createNotifyHandler, type NotifiedWindow, type NotificationClass } from './notify';

function fakeNotifications(supported = true, behaviour: 'shows' | 'fails' | 'throws' | 'silent' = 'shows') {
  const instances: FakeNotification[] = [];
  class FakeNotification {
    listeners = new Map<string, (...args: unknown[]) => void>();
    shown = false;
    constructor(public options: { title?: string; body?: string; icon?: unknown }) {
      instances.push(this);
    }
    static isSupported() {
      return supported;
    }
    on(event: string, listener: (...args: unknown[]) => void) {
      this.listeners.set(event, listener);
      return this;
    }
    show() {
      if (behaviour === 'throws') throw new Error('Notification body is not valid UTF-16');
      this.shown = true;
      // Like Electron: 'show' once the system displays it; on Windows 'failed' (asynchronously) when it refuses it.
      if (behaviour === 'shows') this.listeners.get('show')?.();
      if (behaviour === 'fails') setTimeout(() => this.listeners.get('failed')?.({}, 'Toast XML is invalid'), 10);
    }
    click() {
      this.listeners.get('click')?.();
    }
  }
  return { Notification: FakeNotification as unknown as NotificationClass, instances };
}

function fakeWindow(minimized = false) {
  const calls: string[] = [];
  const window: NotifiedWindow = {
    isDestroyed: () => false,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
    webContents: { send: (channel: string, ...args: unknown[]) => calls.push(`send ${channel} ${args.join(',')}`) },
  };
  return { window, calls };
}

const request = { id: 'RDR-2026-000042:final-response:2026-03-02', title: 'Final response due', body: 'Tomorrow' };

describe('notify handler', () => {
  it('shows an OS notification with the title and body', async () => {
    const { Notification, instances } = fakeNotifications();
    const notify = createNotifyHandler({ Notification, getWindow: () => null, iconPath: '/icon.png' });
    expect(await notify(request)).toEqual({ ok: true, shown: true });
    expect(instances).toHaveLength(1);
    expect(instances[0]!.options).toEqual({ title: 'Final response due', body: 'Tomorrow', icon: '/icon.png' });
    expect(instances[0]!.shown).toBe(true);
  });

  it('never shows the same id twice', async () => {
    const { Notification, instances } = fakeNotifications();
    const notify = createNotifyHandler({ Notification, getWindow: () => null });
    expect(await notify(request)).toEqual({ ok: true, shown: true });
    expect(await notify(request)).toEqual({ ok: true, shown: false });
    expect(await notify({ ...request, title: 'Changed title, same id' })).toEqual({ ok: true, shown: false });
    expect(await notify({ ...request, id: 'another' })).toEqual({ ok: true, shown: true });
    expect(instances).toHaveLength(2);
  });

  it('shows each id once even when asked many times at once', async () => {
    const { Notification, instances } = fakeNotifications();
    const notify = createNotifyHandler({ Notification, getWindow: () => null });
    const results = await Promise.all(Array.from({ length: 20 }, () => notify(request)));
    expect(results.filter((result) => result.ok && result.shown)).toHaveLength(1);
    expect(instances).toHaveLength(1);
  });

  it('on click, brings the window forward and tells the renderer which case', async () => {
    const { Notification, instances } = fakeNotifications();
    const { window, calls } = fakeWindow(true);
    const notify = createNotifyHandler({ Notification, getWindow: () => window });
    await notify({ ...request, caseId: 'case-42' });
    instances[0]!.click();
    expect(calls).toEqual(['restore', 'show', 'focus', `send ${IPC_CHANNELS.notificationClicked} case-42`]);
  });

  it('on click without a case, only focuses the window', async () => {
    const { Notification, instances } = fakeNotifications();
    const { window, calls } = fakeWindow();
    const notify = createNotifyHandler({ Notification, getWindow: () => window });
    await notify(request);
    instances[0]!.click();
    expect(calls).toEqual(['show', 'focus']);
  });

  it('ignores a click after the window has gone', async () => {
    const { Notification, instances } = fakeNotifications();
    const notify = createNotifyHandler({ Notification, getWindow: () => null });
    await notify({ ...request, caseId: 'case-42' });
    expect(() => instances[0]!.click()).not.toThrow();
  });

  it('says so when the system has no notifications, and can show it later', async () => {
    let supported = false;
    const { Notification, instances } = fakeNotifications();
    const notify = createNotifyHandler({
      Notification: Object.assign(Notification, { isSupported: () => supported }),
      getWindow: () => null,
    });
    expect(await notify(request)).toEqual({
      ok: false,
      error: 'This system does not support desktop notifications.',
      message: { code: 'notify-unsupported' },
    });
    supported = true;
    expect(await notify(request)).toEqual({ ok: true, shown: true });
    expect(instances).toHaveLength(1);
  });

  it('registers click, close and failed listeners (so it can drop its reference)', async () => {
    const { Notification, instances } = fakeNotifications();
    const notify = createNotifyHandler({ Notification, getWindow: vi.fn(() => null) });
    await notify(request);
    expect([...instances[0]!.listeners.keys()].sort()).toEqual(['click', 'close', 'failed', 'show']);
  });

  it('answers refused, with the reason, when the system reports the notification failed, and may show it again later', async () => {
    const { Notification } = fakeNotifications(true, 'fails');
    const notify = createNotifyHandler({ Notification, getWindow: () => null, failWithinMs: 1000 });
    expect(await notify(request)).toEqual({
      ok: false,
      error: 'The notification was not shown: Toast XML is invalid',
      message: { code: 'notify-refused', values: { reason: 'Toast XML is invalid' } },
    });
    // Not remembered as shown: the renderer's retry is shown when the system accepts it.
    const ok = fakeNotifications(true, 'shows');
    const again = createNotifyHandler({ Notification: ok.Notification, getWindow: () => null });
    expect(await again(request)).toEqual({ ok: true, shown: true });
    expect(await notify(request)).toEqual(
      expect.objectContaining({ ok: false, error: expect.stringContaining('Toast XML') }),
    );
  });

  it('answers refused when showing throws', async () => {
    const { Notification } = fakeNotifications(true, 'throws');
    const notify = createNotifyHandler({ Notification, getWindow: () => null });
    expect(await notify(request)).toEqual({
      ok: false,
      error: 'The notification was not shown: Notification body is not valid UTF-16',
      message: { code: 'notify-refused', values: { reason: 'Notification body is not valid UTF-16' } },
    });
  });

  it('counts a notification the system says nothing about as shown once the wait is over', async () => {
    const { Notification } = fakeNotifications(true, 'silent');
    const notify = createNotifyHandler({ Notification, getWindow: () => null, failWithinMs: 5 });
    expect(await notify(request)).toEqual({ ok: true, shown: true });
    expect(await notify(request)).toEqual({ ok: true, shown: false });
  });
});
