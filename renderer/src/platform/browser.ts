// The browser implementation of the shell contract, so the whole app runs in a plain browser (web mode and the
// end-to-end tests): files are downloaded, notifications are Web Notifications.
import {
  AUTO_BACKUP_KEEP_DEFAULT,
  type AutoBackupStatus,
  describeIssues,
  notifyRequestSchema,
  printPdfRequestSchema,
  fitFileName,
  saveFileRequestSchema,
  type NotifyRequest,
  type NotifyResult,
  type PrintPdfRequest,
  type PrintPdfResult,
  type RedressApi,
  type SaveFileRequest,
  type SaveFileResult,
  type SharingApi,
  sharingConfigRequestSchema,
  type SharingStatusResult,
} from '#shared/ipc/contract';
import { mainFailure, type MainMessage } from '#shared/ipc/messages';
import {
  checkSharingConfig,
  connectOriginsOf,
  originAllowed,
  type SharingConfig,
  sharingConnectOrigins,
} from '#shared/security/sharing';

const SHOWN_KEY = 'redress.notifications.shown';
/** The team server this browser's desk shares through (address and database only, never a login). */
export const SHARING_KEY = 'redress.sharing.config';

/**
 * Web mode cannot change its own Content-Security-Policy: the web server sends it (REDRESS_SHARING_ORIGINS, see
 * docs/team-server.md) and writes the same policy into the page's meta tag, which is read here to say whether the
 * configured server can be reached.
 */
function createBrowserSharing(deps: Pick<BrowserDeps, 'document' | 'storage'>): SharingApi {
  const allowedOrigins = (): string[] => {
    const meta = deps.document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    return connectOriginsOf(meta?.getAttribute('content') ?? '');
  };
  type Problem = { error: string; message: MainMessage } | null;
  const stored = (): { config: SharingConfig | null; problem: Problem } => {
    const text = deps.storage.getItem(SHARING_KEY);
    if (text === null) return { config: null, problem: null };
    try {
      const checked = checkSharingConfig(JSON.parse(text) as SharingConfig);
      if (checked.ok) return { config: checked.config, problem: null };
      return {
        config: null,
        problem: mainFailure('sharing-saved-refused', { problem: { sharingConfig: checked.said } }),
      };
    } catch {
      return { config: null, problem: mainFailure('sharing-saved-unreadable') };
    }
  };
  const statusOf = (config: SharingConfig | null, problem: Problem): SharingStatusResult => {
    const connectOrigins = allowedOrigins();
    const origin = sharingConnectOrigins(config)[0];
    const blocked =
      origin && !originAllowed(origin, connectOrigins) ? mainFailure('sharing-not-allowed', { origin }) : null;
    const said = problem ?? blocked;
    return {
      ok: true,
      config,
      connectOrigins,
      reloading: false,
      problem: said?.error ?? null,
      ...(said ? { problemMessage: said.message } : {}),
    };
  };
  return {
    status: async () => {
      const { config, problem } = stored();
      return statusOf(config, problem);
    },
    configure: async (request) => {
      const parsed = sharingConfigRequestSchema.safeParse(request);
      if (!parsed.success) return { ok: false, error: `Refused: invalid request (${describeIssues(parsed.error)}).` };
      const config = parsed.data.config;
      if (config) deps.storage.setItem(SHARING_KEY, JSON.stringify(config));
      else deps.storage.removeItem(SHARING_KEY);
      return statusOf(config, null);
    },
  };
}

/** p8e: why the web app makes no automatic backup, as a code (said in the interface language) and its English. */
const autoBackupUnavailable = () => mainFailure('web-auto-backup-unavailable');
const AUTO_BACKUP_UNAVAILABLE = autoBackupUnavailable().error;
const WEB_KEYCHAIN = mainFailure('web-no-keychain');
const WEB_AUTO_BACKUP: AutoBackupStatus = {
  available: false,
  enabled: false,
  folder: null,
  keep: AUTO_BACKUP_KEEP_DEFAULT,
  lastWrittenAt: null,
  lastFileName: null,
  lastError: null,
  due: false,
  encrypted: false,
  keychainProblem: WEB_KEYCHAIN.error,
  keychainMessage: WEB_KEYCHAIN.message,
};

/** A file name safe to offer as a download: no folders, no characters Windows or macOS refuse. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[<>:"|?*\u0000-\u001f]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  return fitFileName(cleaned) || 'redress-file';
}

/**
 * Download a Blob under a safe name. The Blob is handed to the browser as it is (a backup with its attachments is
 * never copied into the page's memory: the browser streams it from where it keeps it).
 */
export function downloadBlob(
  document: Document,
  blob: Blob,
  suggestedName: string,
): { ok: true; saved: true; fileName: string } {
  const fileName = safeFileName(suggestedName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, saved: true, fileName };
}

export interface BrowserDeps {
  document: Document;
  storage: Storage;
  NotificationCtor?: typeof Notification;
  focus: () => void;
  /** How long a print frame stays after print() returns (the print preview reads it); default 2 minutes. */
  printFrameLifetimeMs?: number;
  /** How long to wait for the PDF to load in the print frame; default 15 s. */
  printLoadTimeoutMs?: number;
}

export function createBrowserApi(deps: BrowserDeps): RedressApi {
  const listeners = new Set<(caseId: string) => void>();
  /** Removes the current print frame and revokes its URL; a new print replaces the old frame. */
  let removePrintFrame: (() => void) | null = null;
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
      if (!parsed.success) return mainFailure('save-refused', { reason: describeIssues(parsed.error) });
      const blob = new Blob([parsed.data.data as BlobPart], { type: parsed.data.mimeType });
      return downloadBlob(deps.document, blob, parsed.data.suggestedName);
    },

    async notify(request: NotifyRequest): Promise<NotifyResult> {
      const parsed = notifyRequestSchema.safeParse(request);
      if (!parsed.success) return mainFailure('notify-invalid', { reason: describeIssues(parsed.error) });
      const N = deps.NotificationCtor;
      if (!N) return { ok: true, shown: false };
      const already = shown();
      if (already.includes(parsed.data.id)) return { ok: true, shown: false };
      if (N.permission === 'default') await N.requestPermission();
      if (N.permission !== 'granted') return { ok: true, shown: false };
      let n: Notification;
      try {
        n = new N(parsed.data.title, { body: parsed.data.body, tag: parsed.data.id });
      } catch (error) {
        // Not remembered as shown: the reminder is tried again.
        return mainFailure('notify-refused', { reason: error instanceof Error ? error.message : String(error) });
      }
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

    // The browser's own print of the locked PDF: a hidden frame shows the bytes from a blob: URL of this page (so the
    // frame is same-origin and its print() can be called), then the frame and URL are removed once the print
    // preview has had time to read them (after a lifetime, or when the next print starts). Chromium's PDF viewer prints
    // asynchronously and fires no reliable 'afterprint', so the frame cannot go as soon as print() returns.
    async printPdf(request: PrintPdfRequest): Promise<PrintPdfResult> {
      const parsed = printPdfRequestSchema.safeParse(request);
      if (!parsed.success) return mainFailure('print-refused', { reason: describeIssues(parsed.error) });
      removePrintFrame?.();

      const url = URL.createObjectURL(new Blob([parsed.data.data as BlobPart], { type: 'application/pdf' }));
      const frame = deps.document.createElement('iframe');
      frame.title = parsed.data.title;
      frame.setAttribute('aria-hidden', 'true');
      frame.tabIndex = -1;
      // Off screen rather than display:none, which some browsers refuse to print.
      Object.assign(frame.style, {
        position: 'fixed',
        right: '0',
        bottom: '0',
        width: '1px',
        height: '1px',
        border: '0',
        opacity: '0',
        pointerEvents: 'none',
      });
      frame.dataset.redressPrint = '';
      let timer: ReturnType<typeof setTimeout> | undefined;
      const cleanup = () => {
        if (timer !== undefined) clearTimeout(timer);
        frame.remove();
        URL.revokeObjectURL(url);
        if (removePrintFrame === cleanup) removePrintFrame = null;
      };
      removePrintFrame = cleanup;

      const loaded = new Promise<boolean>((resolve) => {
        const giveUp = setTimeout(() => resolve(false), deps.printLoadTimeoutMs ?? 15_000);
        frame.addEventListener(
          'load',
          () => {
            clearTimeout(giveUp);
            resolve(true);
          },
          { once: true },
        );
      });
      frame.src = url;
      deps.document.body.append(frame);

      if (!(await loaded) || !frame.contentWindow) {
        cleanup();
        return mainFailure('print-not-loaded');
      }
      try {
        const view = frame.contentWindow;
        view.focus();
        view.print();
      } catch (error) {
        cleanup();
        return mainFailure('print-refused', { reason: error instanceof Error ? error.message : String(error) });
      }
      timer = setTimeout(cleanup, deps.printFrameLifetimeMs ?? 120_000);
      return { ok: true, printed: true };
    },

    onNotificationClick(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    // A browser cannot write into a folder on its own: the "Your data" page offers the manual backup instead.
    autoBackup: {
      status: async () => ({ ok: true, ...WEB_AUTO_BACKUP }),
      chooseFolder: async () => autoBackupUnavailable(),
      configure: async () => autoBackupUnavailable(),
      write: async () => ({ ok: true, written: false, reason: AUTO_BACKUP_UNAVAILABLE }),
      setPassphrase: async () => autoBackupUnavailable(),
    },

    sharing: createBrowserSharing(deps),

    // A browser tab has no native menu: the page's own shortcuts and buttons do these things (app/MenuCommands.tsx).
    onMenuCommand() {
      return () => undefined;
    },
  };
}
