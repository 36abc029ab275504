// Every IPC message passes two checks before a handler sees it: it comes from the app's own top-level frame (origin
// app://redress, or the dev server while developing), and its payload matches the shared zod schema. Anything else
// is refused with an { ok: false, error } result the renderer can show; nothing a renderer sends can throw in main.
import type { IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import {
  describeIssues,
  IPC_CHANNELS,
  type NotifyRequest,
  type NotifyResult,
  notifyRequestSchema,
  type PrintPdfRequest,
  type PrintPdfResult,
  printPdfRequestSchema,
  type SaveFileRequest,
  type SaveFileResult,
  saveFileRequestSchema,
  saveStreamCloseRequestSchema,
  saveStreamOpenRequestSchema,
  saveStreamWriteRequestSchema,
  autoBackupSettingsRequestSchema,
  autoBackupWriteRequestSchema,
  autoBackupPassphraseRequestSchema,
  emptyRequestSchema,
  sharingConfigRequestSchema,
} from '#shared/ipc/contract';
import type { AutoBackupHandlers } from './handlers/backup';
import type { SaveStreamHandlers } from './handlers/save-stream';
import type { SharingShell } from './handlers/sharing';
import { isTrustedUrl } from './origin';

export type Refusal = { ok: false; error: string };

/** The part of an invoke event the checks read (a fake in tests). */
export interface SenderInfo {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** Why a sender is refused, or null when it is trusted. */
export function senderRefusal(event: SenderInfo, trusted: ReadonlySet<string>): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'messages from sub-frames are not accepted';
  if (!isTrustedUrl(frame.url, trusted)) return 'the sender is not the Redress app';
  return null;
}

export interface ValidatedHandlerOptions<Schema extends z.ZodType, Result> {
  channel: string;
  schema: Schema;
  trustedOrigins: ReadonlySet<string>;
  handle: (request: z.infer<Schema>) => Promise<Result>;
  log?: (message: string) => void;
}

function safeFrameUrl(event: SenderInfo): string {
  try {
    return String(event.senderFrame?.url ?? 'no frame').slice(0, 200);
  } catch {
    return 'unreadable frame';
  }
}

/** Wrap a handler with the sender and payload checks and a last-resort catch. */
export function validatedHandler<Schema extends z.ZodType, Result>(
  options: ValidatedHandlerOptions<Schema, Result>,
): (event: SenderInfo, payload?: unknown, ...extra: unknown[]) => Promise<Result | Refusal> {
  const log = options.log ?? ((message: string) => console.warn(message));
  return async (event, payload, ...extra) => {
    let refusedSender: string | null;
    try {
      refusedSender = senderRefusal(event, options.trustedOrigins);
    } catch {
      refusedSender = 'the sender could not be identified';
    }
    if (refusedSender) {
      log(`Redress: refused ${options.channel}: ${refusedSender} (${safeFrameUrl(event)})`);
      return { ok: false, error: `Refused: ${refusedSender}.` };
    }
    if (extra.length > 0) return { ok: false, error: 'Refused: expected exactly one request object.' };
    let parsed: z.ZodSafeParseResult<z.output<Schema>>;
    try {
      parsed = options.schema.safeParse(payload) as z.ZodSafeParseResult<z.output<Schema>>;
    } catch (error) {
      // Structured clone makes this unreachable through real IPC (no getters or proxies survive it); kept so that no
      // payload whatever can make a handler reject instead of answering.
      log(`Redress: refused ${options.channel}: unreadable payload (${String(error)})`);
      return { ok: false, error: 'Refused: invalid request (the payload could not be read).' };
    }
    if (!parsed.success) {
      const problems = describeIssues(parsed.error);
      log(`Redress: refused ${options.channel}: ${problems}`);
      return { ok: false, error: `Refused: invalid request (${problems}).` };
    }
    try {
      return await options.handle(parsed.data);
    } catch (error) {
      log(`Redress: ${options.channel} failed: ${String(error)}`);
      return { ok: false, error: `Something went wrong: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}

export interface IpcHandlerDeps {
  ipcMain: { handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void };
  trustedOrigins: ReadonlySet<string>;
  saveFile: (request: SaveFileRequest) => Promise<SaveFileResult>;
  /** A file saved in pieces (handlers/save-stream.ts); its three channels are registered when given. */
  saveStream?: SaveStreamHandlers;
  notify: (request: NotifyRequest) => Promise<NotifyResult>;
  printPdf: (request: PrintPdfRequest) => Promise<PrintPdfResult>;
  /** The automatic daily backup (handlers/backup.ts); its five channels are registered when given. */
  autoBackup?: AutoBackupHandlers;
  /** Where the team's server is (handlers/sharing.ts); its two channels are registered when given. */
  sharing?: Pick<SharingShell, 'status' | 'configure'>;
  log?: (message: string) => void;
}

/** One handler per channel of the contract. */
export function registerIpcHandlers(deps: IpcHandlerDeps): void {
  /** `channel` answered by `handle`, behind the sender and payload checks (validatedHandler). */
  const on = <Schema extends z.ZodType, Result>(
    channel: string,
    schema: Schema,
    handle: (request: z.infer<Schema>) => Promise<Result>,
  ) =>
    deps.ipcMain.handle(
      channel,
      validatedHandler({ channel, schema, handle, trustedOrigins: deps.trustedOrigins, log: deps.log }),
    );
  on(IPC_CHANNELS.saveFile, saveFileRequestSchema, deps.saveFile);
  const saveStream = deps.saveStream;
  if (saveStream) {
    on(IPC_CHANNELS.saveStreamOpen, saveStreamOpenRequestSchema, saveStream.open);
    on(IPC_CHANNELS.saveStreamWrite, saveStreamWriteRequestSchema, saveStream.write);
    on(IPC_CHANNELS.saveStreamClose, saveStreamCloseRequestSchema, saveStream.close);
  }
  on(IPC_CHANNELS.notify, notifyRequestSchema, deps.notify);
  on(IPC_CHANNELS.printPdf, printPdfRequestSchema, deps.printPdf);
  const autoBackup = deps.autoBackup;
  if (autoBackup) {
    on(IPC_CHANNELS.autoBackupStatus, emptyRequestSchema, () => autoBackup.status());
    on(IPC_CHANNELS.autoBackupChooseFolder, emptyRequestSchema, () => autoBackup.chooseFolder());
    on(IPC_CHANNELS.autoBackupConfigure, autoBackupSettingsRequestSchema, autoBackup.configure);
    on(IPC_CHANNELS.autoBackupWrite, autoBackupWriteRequestSchema, autoBackup.write);
    on(IPC_CHANNELS.autoBackupPassphrase, autoBackupPassphraseRequestSchema, autoBackup.setPassphrase);
  }
  const sharing = deps.sharing;
  if (sharing) {
    on(IPC_CHANNELS.sharingConfigGet, emptyRequestSchema, () => sharing.status());
    on(IPC_CHANNELS.sharingConfigSet, sharingConfigRequestSchema, (request) => sharing.configure(request));
  }
}
