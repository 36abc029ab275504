// The browser implementation of the shell contract, so the whole app runs in a plain browser (web mode and the
// end-to-end tests): files are downloaded, notifications are Web Notifications.
import {
  describeIssues,
  notifyRequestSchema,
  saveFileRequestSchema,
  type NotifyRequest,
  type NotifyResult,
  type RedressApi,
  type SaveFileRequest,
  type SaveFileResult,
} from '../../../shared/ipc/contract';

const SHOWN_KEY = 'redress.notifications.shown';

/** A file name safe to offer as a download: no folders, no characters Windows or macOS refuse. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[<>:"|?*\u0000-\u001f]/g, '_').replace(/^\.+/, '').trim();
  return cleaned.slice(0, 180) || 'redress-file';
}

export interface BrowserDeps {
  document: Document;
  storage: Storage;
  NotificationCtor?: typeof Notification;
  focus: () => void;
}

export function createBrowserApi(deps: BrowserDeps): RedressApi {
  const listeners = new Set<(caseId: string) => void>();
  const shown = (): string[] => {
    try {
      const list: unknown = JSON.parse(deps.storage.getItem(SHOWN_KEY) ?? '[]');
      return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  };

  return {
    kind: 'web',

    async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
      const parsed = saveFileRequestSchema.safeParse(request);
      if (!parsed.success) return { ok: false, error: `Cannot save the file: ${describeIssues(parsed.error)}` };
      const fileName = safeFileName(parsed.data.suggestedName);
      const blob = new Blob([parsed.data.data as BlobPart], { type: parsed.data.mimeType });
      const url = URL.createObjectURL(blob);
      const a = deps.document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.rel = 'noopener';
      a.style.display = 'none';
      deps.document.body.append(a);
      a.click();
      a.remove();
      // Give the browser time to start the download before the URL goes.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { ok: true, saved: true, fileName };
    },

    async notify(request: NotifyRequest): Promise<NotifyResult> {
      const parsed = notifyRequestSchema.safeParse(request);
      if (!parsed.success) return { ok: false, error: `Cannot show the notification: ${describeIssues(parsed.error)}` };
      const N = deps.NotificationCtor;
      if (!N) return { ok: true, shown: false };
      const already = shown();
      if (already.includes(parsed.data.id)) return { ok: true, shown: false };
      if (N.permission === 'default') await N.requestPermission();
      if (N.permission !== 'granted') return { ok: true, shown: false };
      const n = new N(parsed.data.title, { body: parsed.data.body, tag: parsed.data.id });
      const caseId = parsed.data.caseId;
      if (caseId) {
        n.onclick = () => {
          deps.focus();
          for (const l of listeners) l(caseId);
        };
      }
      deps.storage.setItem(SHOWN_KEY, JSON.stringify([...already, parsed.data.id].slice(-2000)));
      return { ok: true, shown: true };
    },

    onNotificationClick(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
