// The one API the renderer gets: exactly `RedressApi`, one method per capability. No raw ipcRenderer, no channel
// names, no Node: the renderer can ask for these things and nothing else. Kept free of a runtime `electron` import
// so it can be tested in plain Node with a fake ipcRenderer.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { NotifyResult, PrintPdfResult, RedressApi, SaveFileResult } from '../../shared/ipc/contract';

export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createRedressApi(ipcRenderer: IpcRendererLike): RedressApi {
  return {
    kind: 'desktop',
    // Only the request object crosses: extra arguments from the page are dropped here.
    saveFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveFile, request) as Promise<SaveFileResult>,
    notify: (request) => ipcRenderer.invoke(IPC_CHANNELS.notify, request) as Promise<NotifyResult>,
    printPdf: (request) => ipcRenderer.invoke(IPC_CHANNELS.printPdf, request) as Promise<PrintPdfResult>,
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
  } satisfies RedressApi;
}
