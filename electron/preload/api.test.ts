import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '#shared/ipc/channels';
import { createRedressApi, type IpcRendererLike } from './api';

function fakeIpcRenderer() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true }));
  const ipc = {
    invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
      return ipc;
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
      return ipc;
    },
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'secret' }, ...args);
  };
  return { ipc: ipc as unknown as IpcRendererLike, invoke, emit, listeners };
}

describe('preload API', () => {
  it('exposes exactly the RedressApi: kind, saveFile, notify, printPdf, onNotificationClick, onMenuCommand', () => {
    const api = createRedressApi(fakeIpcRenderer().ipc);
    expect(Object.keys(api).sort()).toEqual([
      'autoBackup',
      'kind',
      'notify',
      'onMenuCommand',
      'onNotificationClick',
      'printPdf',
      'saveFile',
      'saveStream',
      'sharing',
    ]);
    expect(api.kind).toBe('desktop');
  });

  it('passes on the Electron, Chromium and Node versions only, frozen', () => {
    const api = createRedressApi(fakeIpcRenderer().ipc, {
      electron: '45.4.1',
      chrome: '142.0.7444.59',
      node: '22.20.0',
      ...({ openssl: '3.0', v8: '14' } as object),
    });
    expect(api.versions).toEqual({ electron: '45.4.1', chrome: '142.0.7444.59', node: '22.20.0' });
    expect(Object.isFrozen(api.versions)).toBe(true);
    expect(createRedressApi(fakeIpcRenderer().ipc, {}).versions).toBeUndefined();
  });

  it('passes menu commands to the listener, only known ones, until unsubscribed', () => {
    const { ipc, emit, listeners } = fakeIpcRenderer();
    const api = createRedressApi(ipc);
    const listener = vi.fn();
    const unsubscribe = api.onMenuCommand(listener);
    emit(IPC_CHANNELS.menuCommand, 'new-complaint');
    emit(IPC_CHANNELS.menuCommand, 'rm -rf');
    emit(IPC_CHANNELS.menuCommand, { command: 'about' });
    emit(IPC_CHANNELS.menuCommand, 'about');
    expect(listener.mock.calls).toEqual([['new-complaint'], ['about']]);
    unsubscribe();
    emit(IPC_CHANNELS.menuCommand, 'print');
    expect(listener).toHaveBeenCalledTimes(2);
    expect(listeners.get(IPC_CHANNELS.menuCommand)?.size).toBe(0);
  });

  it('sends the automatic backup requests on their channels, never a path', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const api = createRedressApi(ipc);
    const data = new Uint8Array([0x1f, 0x8b, 1]);
    await api.autoBackup.status();
    await api.autoBackup.chooseFolder();
    await api.autoBackup.configure({ enabled: true, keep: 14 });
    await api.autoBackup.write({ data });
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.autoBackupStatus, {}],
      [IPC_CHANNELS.autoBackupChooseFolder, {}],
      [IPC_CHANNELS.autoBackupConfigure, { enabled: true, keep: 14 }],
      [IPC_CHANNELS.autoBackupWrite, { data }],
    ]);
    expect(Object.isFrozen(api.autoBackup)).toBe(true);
  });

  it('sends a file in pieces on the save-stream channels, each request alone', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const api = createRedressApi(ipc);
    const data = new Uint8Array([1, 2, 3]);
    const streamId = 'a'.repeat(32);
    await api.saveStream!.open({ suggestedName: 'b.redress', mimeType: 'application/zip', size: 3 });
    await (api.saveStream!.write as (...args: unknown[]) => Promise<unknown>)({ streamId, offset: 0, data }, 'extra');
    await api.saveStream!.close({ streamId });
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.saveStreamOpen, { suggestedName: 'b.redress', mimeType: 'application/zip', size: 3 }],
      [IPC_CHANNELS.saveStreamWrite, { streamId, offset: 0, data }],
      [IPC_CHANNELS.saveStreamClose, { streamId }],
    ]);
    expect(Object.isFrozen(api.saveStream)).toBe(true);
  });

  it('sends the sharing requests on their channels: the server and database only', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const api = createRedressApi(ipc);
    const request = { config: { serverUrl: 'https://couch.example.com', database: 'complaints' } };
    await api.sharing.status();
    await (api.sharing.configure as (...args: unknown[]) => Promise<unknown>)(request, { password: 'pw' });
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.sharingConfigGet, {}],
      [IPC_CHANNELS.sharingConfigSet, request],
    ]);
    expect(Object.isFrozen(api.sharing)).toBe(true);
  });

  it('sends each request on its channel, and only the request', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const api = createRedressApi(ipc);
    const save = { suggestedName: 'a.pdf', mimeType: 'application/pdf', data: new Uint8Array([1]) };
    await (api.saveFile as (...args: unknown[]) => Promise<unknown>)(save, '/etc/passwd');
    await api.notify({ id: 'n', title: 't', body: 'b' });
    const print = { title: 'Letter', data: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]) };
    await (api.printPdf as (...args: unknown[]) => Promise<unknown>)(print, { silent: true });
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.saveFile, save],
      [IPC_CHANNELS.notify, { id: 'n', title: 't', body: 'b' }],
      [IPC_CHANNELS.printPdf, print],
    ]);
  });

  it('passes notification clicks to the listener with the case id only, until unsubscribed', () => {
    const { ipc, emit, listeners } = fakeIpcRenderer();
    const api = createRedressApi(ipc);
    const listener = vi.fn();
    const unsubscribe = api.onNotificationClick(listener);
    emit(IPC_CHANNELS.notificationClicked, 'case-42');
    emit(IPC_CHANNELS.notificationClicked, { not: 'a string' });
    expect(listener.mock.calls).toEqual([['case-42']]);
    unsubscribe();
    emit(IPC_CHANNELS.notificationClicked, 'case-43');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listeners.get(IPC_CHANNELS.notificationClicked)?.size).toBe(0);
  });
});
