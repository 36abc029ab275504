// The one API the renderer gets: exactly `RedressApi`, one method per capability. No raw ipcRenderer, no channel
// names, no Node: the renderer can ask for these things and nothing else. Kept free of a runtime `electron` import
// so it can be tested in plain Node with a fake ipcRenderer.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, isMenuCommand, type MenuCommand } from '#shared/ipc/channels';
import type {
  AutoBackupApi,
  AutoBackupStatusResult,
  AutoBackupWriteResult,
  NotifyResult,
  PrintPdfResult,
  RedressApi,
  SaveFileResult,
  SaveStreamApi,
  SaveStreamOpenResult,
  SaveStreamWriteResult,
  SharingApi,
  SharingStatusResult,
  ShellVersions,
} from '#shared/ipc/contract';

export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/** `process.versions` as the sandboxed preload sees it; only these three strings are passed on. */
export type RuntimeVersions = Partial<Record<'electron' | 'chrome' | 'node', string | undefined>>;

function shellVersions(versions: RuntimeVersions | undefined): ShellVersions | undefined {
  if (!versions?.electron) return undefined;
  return Object.freeze({
    electron: String(versions.electron),
    chrome: String(versions.chrome ?? ''),
    node: String(versions.node ?? ''),
  });
}

export function createRedressApi(ipcRenderer: IpcRendererLike, versions?: RuntimeVersions): RedressApi {
  const shell = shellVersions(versions);
  return {
    kind: 'desktop',
    ...(shell ? { versions: shell } : {}),
    // Only the request object crosses: extra arguments from the page are dropped here.
    saveFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveFile, request) as Promise<SaveFileResult>,
    // A big file in pieces: each piece crosses as its own message (the page never sends a path or a handle).
    saveStream: Object.freeze({
      open: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveStreamOpen, request) as Promise<SaveStreamOpenResult>,
      write: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveStreamWrite, request) as Promise<SaveStreamWriteResult>,
      close: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveStreamClose, request) as Promise<SaveFileResult>,
    } satisfies SaveStreamApi),
    notify: (request) => ipcRenderer.invoke(IPC_CHANNELS.notify, request) as Promise<NotifyResult>,
    printPdf: (request) => ipcRenderer.invoke(IPC_CHANNELS.printPdf, request) as Promise<PrintPdfResult>,
    autoBackup: Object.freeze({
      status: () => ipcRenderer.invoke(IPC_CHANNELS.autoBackupStatus, {}) as Promise<AutoBackupStatusResult>,
      chooseFolder: () =>
        ipcRenderer.invoke(IPC_CHANNELS.autoBackupChooseFolder, {}) as Promise<AutoBackupStatusResult>,
      configure: (request) =>
        ipcRenderer.invoke(IPC_CHANNELS.autoBackupConfigure, request) as Promise<AutoBackupStatusResult>,
      write: (request) => ipcRenderer.invoke(IPC_CHANNELS.autoBackupWrite, request) as Promise<AutoBackupWriteResult>,
      setPassphrase: (request) =>
        ipcRenderer.invoke(IPC_CHANNELS.autoBackupPassphrase, request) as Promise<AutoBackupStatusResult>,
    } satisfies AutoBackupApi),
    // Only the server address and database cross; the password stays in the page.
    sharing: Object.freeze({
      status: () => ipcRenderer.invoke(IPC_CHANNELS.sharingConfigGet, {}) as Promise<SharingStatusResult>,
      configure: (request) =>
        ipcRenderer.invoke(IPC_CHANNELS.sharingConfigSet, request) as Promise<SharingStatusResult>,
    } satisfies SharingApi),
    onNotificationClick: (listener) => {
      // The page never sees the IPC event object (it carries `sender`).
      const forward = (_event: IpcRendererEvent, caseId: unknown) => {
        if (typeof caseId === 'string') listener(caseId);
      };
      ipcRenderer.on(IPC_CHANNELS.notificationClicked, forward);
      return () => {
        ipcRenderer.removeListener(IPC_CHANNELS.notificationClicked, forward);
      };
    },
    onMenuCommand: (listener) => {
      // Only the known commands reach the page, and never the IPC event object.
      const forward = (_event: IpcRendererEvent, command: unknown) => {
        if (isMenuCommand(command)) listener(command satisfies MenuCommand);
      };
      ipcRenderer.on(IPC_CHANNELS.menuCommand, forward);
      return () => {
        ipcRenderer.removeListener(IPC_CHANNELS.menuCommand, forward);
      };
    },
  } satisfies RedressApi;
}
