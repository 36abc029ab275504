import { describe, expect, it, vi } from 'vitest';
import { appCsp, metaCsp } from '#shared/security/sharing';
import { createBrowserApi, safeFileName, SHARING_KEY } from './browser';

function fakeDeps() {
  const clicked: Array<{ download: string; href: string }> = [];
  const store = new Map<string, string>();
  const document = {
    createElement: () => {
      const a = {
        href: '',
        download: '',
        rel: '',
        style: {} as Record<string, string>,
        click: () => clicked.push({ download: a.download, href: a.href }),
        remove: () => {},
      };
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
    const r = await api.saveFile({
      suggestedName: '../../etc/passwd',
      mimeType: 'application/pdf',
      data: new Uint8Array([1, 2]),
    });
    expect(r).toEqual({ ok: true, saved: true, fileName: 'passwd' });
    expect(d.clicked).toEqual([{ download: 'passwd', href: 'blob:x' }]);
    vi.unstubAllGlobals();
  });

  it('refuses a bad payload with a message naming the field', async () => {
    const d = fakeDeps();
    const api = createBrowserApi({ document: d.document, storage: d.storage, focus: () => {} });
    const r = await api.saveFile({
      suggestedName: 'a.pdf',
      mimeType: 'application/pdf',
      data: 'nope' as unknown as Uint8Array,
    });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/data/) });
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
    const api = createBrowserApi({
      document: d.document,
      storage: d.storage,
      focus,
      NotificationCtor: FakeNotification as unknown as typeof Notification,
    });
    const opened: string[] = [];
    api.onNotificationClick((id) => opened.push(id));
    expect(await api.notify({ id: 'overdue:1', title: 'Overdue', body: 'RDR-2026-000001', caseId: 'c1' })).toEqual({
      ok: true,
      shown: true,
    });
    expect(await api.notify({ id: 'overdue:1', title: 'Overdue', body: 'RDR-2026-000001', caseId: 'c1' })).toEqual({
      ok: true,
      shown: false,
    });
    expect(made).toHaveLength(1);
    made[0].onclick?.();
    expect(focus).toHaveBeenCalled();
    expect(opened).toEqual(['c1']);
  });

  it('answers refused, and does not remember it as shown, when the browser refuses the notification', async () => {
    const d = fakeDeps();
    let refuse = true;
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      constructor() {
        if (refuse) throw new TypeError("Failed to construct 'Notification': Illegal constructor.");
      }
    }
    const api = createBrowserApi({
      document: d.document,
      storage: d.storage,
      focus: vi.fn(),
      NotificationCtor: FakeNotification as unknown as typeof Notification,
    });
    const reason = "Failed to construct 'Notification': Illegal constructor.";
    const refused = await api.notify({ id: 'digest:1', title: 'Good morning', body: '' });
    expect(refused).toEqual({
      ok: false,
      error: `The notification was not shown: ${reason}`,
      message: { code: 'notify-refused', values: { reason } },
    });
    refuse = false;
    expect(await api.notify({ id: 'digest:1', title: 'Good morning', body: '' })).toEqual({ ok: true, shown: true });
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

describe('browser platform: the automatic backup a browser cannot make (p8e)', () => {
  it('says why with a code beside the English, for the screen to say in its language', async () => {
    const d = fakeDeps();
    const api = createBrowserApi({ document: d.document, storage: d.storage, focus: () => {} });
    const status = await api.autoBackup.status();
    expect(status).toMatchObject({
      ok: true,
      available: false,
      keychainProblem: expect.stringMatching(/^A passphrase for automatic backups is kept by the desktop app/),
      keychainMessage: { code: 'web-no-keychain' },
    });
    const refused = {
      ok: false,
      error: expect.stringMatching(/^Automatic daily backup needs the desktop app/),
      message: { code: 'web-auto-backup-unavailable' },
    };
    expect(await api.autoBackup.chooseFolder()).toEqual(refused);
    expect(await api.autoBackup.configure({ enabled: true, keep: 7 })).toEqual(refused);
    expect(await api.autoBackup.setPassphrase({ passphrase: null })).toEqual(refused);
  });
});

describe('browser platform: printPdf', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\nletter\n%%EOF');

  function fakePrintDocument(options: { loads?: boolean; printThrows?: boolean } = {}) {
    const frames: Array<{
      src: string;
      title: string;
      attached: boolean;
      printed: number;
      style: Record<string, string>;
    }> = [];
    const document = {
      createElement: (tag: string) => {
        expect(tag).toBe('iframe');
        const state = { src: '', title: '', attached: false, printed: 0, style: {} as Record<string, string> };
        frames.push(state);
        let onLoad: (() => void) | undefined;
        const frame = {
          style: state.style,
          dataset: {} as Record<string, string>,
          tabIndex: 0,
          set title(t: string) {
            state.title = t;
          },
          set src(s: string) {
            state.src = s;
          },
          setAttribute: () => {},
          addEventListener: (_type: string, listener: () => void) => {
            onLoad = listener;
          },
          remove: () => {
            state.attached = false;
          },
          contentWindow: {
            focus: () => {},
            print: () => {
              if (options.printThrows) throw new Error('blocked');
              state.printed += 1;
            },
          },
          attach: () => {
            state.attached = true;
            if (options.loads !== false) setTimeout(() => onLoad?.(), 0);
          },
        };
        return frame;
      },
      body: { append: (frame: { attach: () => void }) => frame.attach() },
    } as unknown as Document;
    return { document, frames };
  }

  function urls() {
    let n = 0;
    const revoked: string[] = [];
    const types: string[] = [];
    vi.stubGlobal('URL', {
      createObjectURL: (blob: Blob) => {
        types.push(blob.type);
        return `blob:x/${++n}`;
      },
      revokeObjectURL: (u: string) => revoked.push(u),
    });
    return { revoked, types };
  }

  it('prints the PDF from a hidden frame, then removes the frame and revokes the URL', async () => {
    vi.useFakeTimers();
    const { revoked, types } = urls();
    const d = fakePrintDocument();
    const api = createBrowserApi({
      document: d.document,
      storage: fakeDeps().storage,
      focus: () => {},
      printFrameLifetimeMs: 5_000,
    });
    const result = api.printPdf({ title: 'RDR-2026-000001-acknowledgement', data: pdf });
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toEqual({ ok: true, printed: true });
    expect(types).toEqual(['application/pdf']);
    expect(d.frames).toMatchObject([
      { src: 'blob:x/1', title: 'RDR-2026-000001-acknowledgement', attached: true, printed: 1 },
    ]);
    expect(d.frames[0]!.style.opacity).toBe('0');
    expect(revoked).toEqual([]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(d.frames[0]!.attached).toBe(false);
    expect(revoked).toEqual(['blob:x/1']);
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('a second print replaces the first frame at once', async () => {
    const { revoked } = urls();
    const d = fakePrintDocument();
    const api = createBrowserApi({ document: d.document, storage: fakeDeps().storage, focus: () => {} });
    await api.printPdf({ title: 'a', data: pdf });
    await api.printPdf({ title: 'b', data: pdf });
    expect(d.frames.map((f) => f.attached)).toEqual([false, true]);
    expect(revoked).toEqual(['blob:x/1']);
    vi.unstubAllGlobals();
  });

  it('reports a frame that never loads, and cleans up', async () => {
    const { revoked } = urls();
    const d = fakePrintDocument({ loads: false });
    const api = createBrowserApi({
      document: d.document,
      storage: fakeDeps().storage,
      focus: () => {},
      printLoadTimeoutMs: 5,
    });
    expect(await api.printPdf({ title: 'a', data: pdf })).toEqual({
      ok: false,
      error: 'Cannot print: the letter did not load for printing.',
      message: { code: 'print-not-loaded' },
    });
    expect(d.frames[0]!.attached).toBe(false);
    expect(revoked).toEqual(['blob:x/1']);
    vi.unstubAllGlobals();
  });

  it('reports a print() that throws, and cleans up', async () => {
    const { revoked } = urls();
    const d = fakePrintDocument({ printThrows: true });
    const api = createBrowserApi({ document: d.document, storage: fakeDeps().storage, focus: () => {} });
    expect(await api.printPdf({ title: 'a', data: pdf })).toEqual({
      ok: false,
      error: 'Cannot print: blocked',
      message: { code: 'print-refused', values: { reason: 'blocked' } },
    });
    expect(d.frames[0]!.attached).toBe(false);
    expect(revoked).toEqual(['blob:x/1']);
    vi.unstubAllGlobals();
  });

  it('refuses bytes that are not a PDF without making a frame', async () => {
    const d = fakePrintDocument();
    const api = createBrowserApi({ document: d.document, storage: fakeDeps().storage, focus: () => {} });
    const r = await api.printPdf({ title: 'a', data: new TextEncoder().encode('<html>') });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/data/) });
    expect(d.frames).toHaveLength(0);
  });
});

describe('browser platform: sharing with a team (web mode)', () => {
  function sharingDeps(policy: string | null) {
    const d = fakeDeps();
    const store = d.store;
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    } as unknown as Storage;
    const document = {
      querySelector: (selector: string) =>
        selector === 'meta[http-equiv="Content-Security-Policy"]' && policy !== null
          ? { getAttribute: (name: string) => (name === 'content' ? policy : null) }
          : null,
    } as unknown as Document;
    return { api: createBrowserApi({ document, storage, focus: () => {} }), store };
  }
  const policy = metaCsp(appCsp(['http://127.0.0.1:*']));

  it('keeps the server and database only, and says the page’s policy allows it', async () => {
    const { api, store } = sharingDeps(policy);
    expect(await api.sharing.status()).toEqual({
      ok: true,
      config: null,
      connectOrigins: ['http://127.0.0.1:*'],
      reloading: false,
      problem: null,
    });
    const set = await api.sharing.configure({
      config: { serverUrl: 'http://127.0.0.1:5984/', database: 'complaints' },
    });
    expect(set).toMatchObject({ ok: true, config: { serverUrl: 'http://127.0.0.1:5984', database: 'complaints' } });
    expect(set).toMatchObject({ problem: null });
    expect(JSON.parse(store.get(SHARING_KEY)!)).toEqual({ serverUrl: 'http://127.0.0.1:5984', database: 'complaints' });
    expect(await api.sharing.status()).toEqual(set);
    expect(await api.sharing.configure({ config: null })).toMatchObject({ ok: true, config: null });
    expect(store.has(SHARING_KEY)).toBe(false);
  });

  it('says when the web server’s policy does not allow the configured server', async () => {
    const { api } = sharingDeps(metaCsp(appCsp()));
    const set = await api.sharing.configure({
      config: { serverUrl: 'https://couch.example.com', database: 'complaints' },
    });
    expect(set).toMatchObject({ ok: true, problem: expect.stringContaining('REDRESS_SHARING_ORIGINS') });
  });

  it('refuses a password, plain http to another computer and a login in the address, keeping what it had', async () => {
    const { api, store } = sharingDeps(policy);
    await api.sharing.configure({ config: { serverUrl: 'http://127.0.0.1:5984', database: 'complaints' } });
    const before = store.get(SHARING_KEY);
    const attempts = [
      { config: { serverUrl: 'http://127.0.0.1:5984', database: 'complaints', password: 'pw-123' } },
      { config: { serverUrl: 'http://couch.example.com', database: 'complaints' } },
      { config: { serverUrl: 'https://desk1:pw-123@couch.example.com', database: 'complaints' } },
    ];
    for (const request of attempts) {
      const result = await api.sharing.configure(request as never);
      expect(result, JSON.stringify(request)).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused: /) });
      expect(JSON.stringify(result)).not.toContain('pw-123');
    }
    expect(store.get(SHARING_KEY)).toBe(before);
  });
});
