import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '#shared/ipc/contract';
import { appCsp } from '#shared/security/sharing';
import { registerIpcHandlers } from '../ipc';
import { trustedOrigins } from '../origin';
import { createSharingShell, loadSharingConfig, SHARING_CONFIG_FILE } from './sharing';
import { mainMessageInEnglish } from '#shared/ipc/messages';

let userData: string;
beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'redress-sharing-'));
});
afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

const configFile = () => path.join(userData, SHARING_CONFIG_FILE);
const TEAM = { serverUrl: 'https://couch.example.com:6984', database: 'complaints' };
const app = { senderFrame: { url: 'app://redress/index.html', parent: null } };

/** The shell as index.ts wires it, its two IPC channels registered through the validating wrapper. */
function setup() {
  const reload = vi.fn();
  const pending: Array<() => void> = [];
  const log = vi.fn();
  const shell = createSharingShell({ configFolder: () => userData, reload, later: (run) => pending.push(run), log });
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  registerIpcHandlers({
    ipcMain: { handle: (channel, listener) => handlers.set(channel, listener as never) },
    trustedOrigins: trustedOrigins(undefined),
    saveFile: vi.fn(),
    notify: vi.fn(),
    printPdf: vi.fn(),
    sharing: shell,
    log,
  });
  const set = (request: unknown) => handlers.get(IPC_CHANNELS.sharingConfigSet)!(app, request);
  const get = () => handlers.get(IPC_CHANNELS.sharingConfigGet)!(app, {});
  const runLater = () => pending.splice(0).forEach((run) => run());
  return { shell, reload, runLater, set, get, log, handlers };
}

describe('the sharing config in the shell', () => {
  it('starts with sharing off: the policy connects to the app itself only', async () => {
    const { shell, get } = setup();
    expect(shell.csp()).toBe(appCsp());
    expect(await get()).toEqual({ ok: true, config: null, connectOrigins: [], reloading: false, problem: null });
  });

  it('keeps a new server in userData, opens connect-src to its origin only, and reloads the window after answering', async () => {
    const { shell, set, reload, runLater } = setup();
    const result = await set({ config: { serverUrl: 'https://couch.example.com:6984/', database: 'complaints' } });
    expect(result).toEqual({
      ok: true,
      config: TEAM,
      connectOrigins: ['https://couch.example.com:6984'],
      reloading: true,
      problem: null,
    });
    expect(shell.csp()).toBe(appCsp(['https://couch.example.com:6984']));
    expect(JSON.parse(await readFile(configFile(), 'utf8'))).toEqual({ config: TEAM });
    expect(reload).not.toHaveBeenCalled();
    runLater();
    expect(reload).toHaveBeenCalledTimes(1);

    // The same server again, or another database on it: the policy is the same, no reload.
    expect(await set({ config: { ...TEAM, database: 'complaints-leeds' } })).toMatchObject({ reloading: false });
    runLater();
    expect(reload).toHaveBeenCalledTimes(1);

    // Stopping sharing closes connect-src again and reloads.
    expect(await set({ config: null })).toMatchObject({ ok: true, config: null, reloading: true });
    runLater();
    expect(reload).toHaveBeenCalledTimes(2);
    expect(shell.csp()).toBe(appCsp());
  });

  it('a restarted shell builds the same policy from the file', async () => {
    await setup().set({ config: TEAM });
    const { shell, get } = setup();
    expect(shell.csp()).toBe(appCsp(['https://couch.example.com:6984']));
    expect(await get()).toMatchObject({ config: TEAM, reloading: false });
  });

  it('refuses a password, a login in the address and plain http to another computer, without logging the password', async () => {
    const { shell, set, log, reload, runLater } = setup();
    await set({ config: TEAM });
    const before = await readFile(configFile(), 'utf8');
    for (const request of [
      { config: { ...TEAM, password: 'pw-s3cret' } },
      { config: TEAM, password: 'pw-s3cret' },
      { config: { serverUrl: 'https://desk1:pw-s3cret@couch.example.com', database: 'complaints' } },
      { config: { serverUrl: 'http://couch.example.com:5984', database: 'complaints' } },
      { config: { serverUrl: 'https://couch.example.com', database: 'Not A Name' } },
    ]) {
      const result = await set(request);
      expect(result, JSON.stringify(request)).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused: /) });
      expect(JSON.stringify(result)).not.toContain('pw-s3cret');
    }
    expect(JSON.stringify(log.mock.calls)).not.toContain('pw-s3cret');
    expect(JSON.stringify(log.mock.calls)).toContain('plain http to another computer');
    expect(await readFile(configFile(), 'utf8')).toBe(before);
    expect(shell.csp()).toBe(appCsp(['https://couch.example.com:6984']));
    runLater();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('allows http to this computer only (the tests’ and a trial server)', async () => {
    const { set } = setup();
    expect(await set({ config: { serverUrl: 'http://127.0.0.1:5984', database: 'complaints' } })).toMatchObject({
      ok: true,
      connectOrigins: ['http://127.0.0.1:5984'],
    });
  });

  it('refuses a sender that is not the app before reading anything', async () => {
    const { handlers, shell } = setup();
    const evil = { senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await handlers.get(IPC_CHANNELS.sharingConfigSet)!(evil, { config: TEAM })).toMatchObject({ ok: false });
    expect(shell.csp()).toBe(appCsp());
    expect(await readdir(userData)).toEqual([]);
  });

  it('a failed write changes neither the file nor the policy', async () => {
    const reload = vi.fn();
    const shell = createSharingShell({
      configFolder: () => userData,
      reload,
      later: (run) => run(),
      fs: {
        open: async () => {
          throw new Error('disk full');
        },
        rename: async () => undefined,
        rm: async () => undefined,
      },
    });
    expect(await shell.configure({ config: TEAM })).toMatchObject({
      ok: false,
      error: /could not be saved.*disk full/,
    });
    expect(shell.csp()).toBe(appCsp());
    expect(reload).not.toHaveBeenCalled();
  });
});

describe('loadSharingConfig', () => {
  it('treats a missing file as sharing off', () => {
    expect(loadSharingConfig(configFile())).toEqual({ config: null, problem: null });
  });

  it.each([
    ['not JSON', '{', /not valid JSON/, 'sharing-file-not-json'],
    ['no server', '{"config":{"database":"complaints"}}', /does not name a server/, 'sharing-file-no-server'],
    [
      'plain http elsewhere',
      '{"config":{"serverUrl":"http://10.0.0.5:5984","database":"complaints"}}',
      /plain http/,
      'sharing-file-refused',
    ],
  ])('keeps a file that is %s, unused, and says why: sharing is off', async (_label, text, problem, code) => {
    await writeFile(configFile(), text);
    const loaded = loadSharingConfig(configFile());
    expect(loaded).toEqual({
      config: null,
      problem: expect.stringMatching(problem),
      message: expect.objectContaining({ code }),
    });
    // say7: the same as a code, said in English exactly as the problem (the screens say it in their language).
    expect(mainMessageInEnglish(loaded.message!)).toBe(loaded.problem);
    const log = vi.fn();
    const shell = createSharingShell({ configFolder: () => userData, reload: vi.fn(), log });
    expect(shell.csp()).toBe(appCsp());
    expect(await shell.status()).toMatchObject({
      ok: true,
      config: null,
      problem: expect.stringMatching(problem),
      problemMessage: loaded.message,
    });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(problem));
    expect(await readFile(configFile(), 'utf8')).toBe(text);
  });
});
