// Where the team's server is (issue #14), kept by the shell because the page's Content-Security-Policy is built from
// it before the page starts (the main process cannot read the page's IndexedDB). The config is a small JSON file in
// userData holding the server address and the database only: never a login (the IPC schema refuses any other field,
// and the address may not carry one). The protocol handler asks `csp()` for every response, so the header and the
// rewritten meta tag always say the same; setting a config that changes the policy reloads the page with it.
import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import type { SharingStatusResult } from '#shared/ipc/contract';
import { mainFailure, type MainMessage, type MainMessageCode, type MainMessageValue } from '#shared/ipc/messages';
import { appCsp, checkSharingConfig, type SharingConfig, sharingConnectOrigins } from '#shared/security/sharing';
import { type AtomicWriteFs, nodeFs, writeFileAtomic } from './atomic-write';

export const SHARING_CONFIG_FILE = 'sharing.json';

export interface SharingShellDeps {
  /** app.getPath('userData'): where the config file lives. */
  configFolder: () => string;
  /** Reload the app's window(s), so the page starts again under the new policy. */
  reload: () => void;
  /** How a reload is put off until the answer has reached the page (default: 100 ms later). */
  later?: (run: () => void) => void;
  fs?: AtomicWriteFs;
  readFile?: (filePath: string) => string;
  log?: (message: string) => void;
}

export interface SharingShell {
  /** The header policy in force now (sharing off: the app itself only). */
  csp(): string;
  status(): Promise<SharingStatusResult>;
  /** Keep `config` (already checked by the IPC schema; checked again here), or stop sharing with null. */
  configure(request: { config: SharingConfig | null }): Promise<SharingStatusResult>;
}

export interface LoadedSharingConfig {
  config: SharingConfig | null;
  /** Why the file was not used (it is left as it is), or null. */
  problem: string | null;
  /** The same as a code (say7), when there is one. */
  message?: MainMessage;
}

/** A file not used, with why in English and as a code. */
function notUsed(code: MainMessageCode, values: Record<string, MainMessageValue>): LoadedSharingConfig {
  const failure = mainFailure(code, values);
  return { config: null, problem: failure.error, message: failure.message };
}

/** Read the config file: missing means sharing is off; an unreadable or invalid one is kept, unused, with a reason. */
export function loadSharingConfig(
  filePath: string,
  readFile: (filePath: string) => string = (p) => readFileSync(p, 'utf8'),
): LoadedSharingConfig {
  let text: string;
  try {
    text = readFile(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return { config: null, problem: null };
    return notUsed('sharing-file-unreadable', { reason: String(error) });
  }
  const file = path.basename(filePath);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return notUsed('sharing-file-not-json', { file });
  }
  const config = (data as { config?: unknown } | null)?.config;
  if (config === null) return { config: null, problem: null };
  if (
    typeof config !== 'object' ||
    config === undefined ||
    typeof (config as SharingConfig).serverUrl !== 'string' ||
    typeof (config as SharingConfig).database !== 'string'
  )
    return notUsed('sharing-file-no-server', { file });
  const checked = checkSharingConfig(config as SharingConfig);
  if (!checked.ok) return notUsed('sharing-file-refused', { file, problem: { sharingConfig: checked.said } });
  return { config: checked.config, problem: null };
}

export function createSharingShell(deps: SharingShellDeps): SharingShell {
  const configPath = () => path.join(deps.configFolder(), SHARING_CONFIG_FILE);
  const later = deps.later ?? ((run) => void setTimeout(run, 100));
  const log = deps.log ?? ((message: string) => console.warn(message));
  const loaded = loadSharingConfig(configPath(), deps.readFile);
  if (loaded.problem) log(`Redress: ${loaded.problem}`);
  let current = loaded.config;
  let problem = loaded.problem;
  let problemMessage = loaded.message;
  /** One write at a time: the last answer given is what the file holds. */
  let writing: Promise<unknown> = Promise.resolve();

  const csp = () => appCsp(sharingConnectOrigins(current));
  const statusOf = (reloading: boolean): SharingStatusResult => ({
    ok: true,
    config: current ? { ...current } : null,
    connectOrigins: sharingConnectOrigins(current),
    reloading,
    problem,
    ...(problemMessage ? { problemMessage } : {}),
  });

  async function configure(request: { config: SharingConfig | null }): Promise<SharingStatusResult> {
    let next: SharingConfig | null = null;
    if (request.config) {
      const checked = checkSharingConfig(request.config);
      if (!checked.ok) return mainFailure('sharing-refused', { problem: { sharingConfig: checked.said } });
      next = checked.config;
    }
    const run = writing.then(async () => {
      const before = csp();
      await fs.mkdir(deps.configFolder(), { recursive: true });
      await writeFileAtomic(
        configPath(),
        new TextEncoder().encode(`${JSON.stringify({ config: next }, null, 2)}\n`),
        deps.fs ?? nodeFs,
      );
      current = next;
      problem = null;
      problemMessage = undefined;
      const reloading = csp() !== before;
      if (reloading) later(deps.reload);
      return statusOf(reloading);
    });
    writing = run.catch(() => undefined);
    try {
      return await run;
    } catch (error) {
      // The file and the policy in force are unchanged.
      return { ok: false, error: `The sharing settings could not be saved: ${String(error)}` };
    }
  }

  return { csp, status: async () => statusOf(false), configure };
}
