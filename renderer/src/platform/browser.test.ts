import { describe, expect, it, vi } from 'vitest';
import { createBrowserApi, safeFileName } from './browser';

function fakeDeps() {
  const clicked: Array<{ download: string; href: string }> = [];
  const store = new Map<string, string>();
  const document = {
    createElement: () => {
      const a = { href: '', download: '', rel: '', style: {} as Record<string, string>, click: () => clicked.push({ download: a.download, href: a.href }), remove: () => {} };
      return a;
    },
    body: { append: () => {} },
  } as unknown as Document;
  const storage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  } as unknown as Storage;
  return { clicked, store, document, storage };
}

describe('browser platform', () => {
  it('downloads a file under a safe name', async () => {
    const d = fakeDeps();
    vi.stubGlobal('URL', { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} });
    const api = createBrowserApi({ document: d.document, storage: d.storage, focus: () => {} });
    const r = await api.saveFile({ suggestedName: '../../etc/passwd', mimeType: 'application/pdf', data: new Uint8Array([1, 2]) });
    expect(r).toEqual({ ok: true, saved: true, fileName: 'passwd' });
    expect(d.clicked).toEqual([{ download: 'passwd', href: 'blob:x' }]);
    vi.unstubAllGlobals();
  });

  it('refuses a bad payload with a message naming the field', async () => {
    const d = fakeDeps();
    const api = createBrowserApi({ document: d.document, storage: d.storage, focus: () => {} });
    const r = await api.saveFile({ suggestedName: 'a.pdf', mimeType: 'application/pdf', data: 'nope' as unknown as Uint8Array });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/data/);
    expect(d.clicked).toHaveLength(0);
  });

  it('shows a notification once per id and routes clicks to the case', async () => {
    const d = fakeDeps();
    const made: Array<{ title: string; onclick?: () => void }> = [];
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick?: () => void;
      constructor(public title: string) {
        made.push(this);
      }
    }
    const focus = vi.fn();
    const api = createBrowserApi({ document: d.document, storage: d.storage, focus, NotificationCtor: FakeNotification as unknown as typeof Notification });
    const opened: string[] = [];
    api.onNotificationClick((id) => opened.push(id));
    expect(await api.notify({ id: 'overdue:1', title: 'Overdue', body: 'RDR-2026-000001', caseId: 'c1' })).toEqual({ ok: true, shown: true });
    expect(await api.notify({ id: 'overdue:1', title: 'Overdue', body: 'RDR-2026-000001', caseId: 'c1' })).toEqual({ ok: true, shown: false });
    expect(made).toHaveLength(1);
    made[0].onclick?.();
    expect(focus).toHaveBeenCalled();
    expect(opened).toEqual(['c1']);
  });

  it.each([
    ['letter.pdf', 'letter.pdf'],
    ['C:\\Users\\x\\a<b>.pdf', 'a_b_.pdf'],
    ['..', 'redress-file'],
    ['', 'redress-file'],
  ])('makes %j safe as %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });
});
