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
  const common = { trustedOrigins: deps.trustedOrigins, log: deps.log };
  deps.ipcMain.handle(
    IPC_CHANNELS.saveFile,
    validatedHandler({
      ...common,
      channel: IPC_CHANNELS.saveFile,
      schema: saveFileRequestSchema,
      handle: deps.saveFile,
    }),
  );
  const saveStream = deps.saveStream;
  if (saveStream) {
    deps.ipcMain.handle(
      IPC_CHANNELS.saveStreamOpen,
      validatedHandler({
        ...common,
        channel: IPC_CHANNELS.saveStreamOpen,
        schema: saveStreamOpenRequestSchema,
        handle: saveStream.open,
      }),
    );
    deps.ipcMain.handle(
      IPC_CHANNELS.saveStreamWrite,
      validatedHandler({
        ...common,
        channel: IPC_CHANNELS.saveStreamWrite,
        schema: saveStreamWriteRequestSchema,
        handle: saveStream.write,
      }),
    );
    deps.ipcMain.handle(
      IPC_CHANNELS.saveStreamClose,
      validatedHandler({
        ...common,
        channel: IPC_CHANNELS.saveStreamClose,
        schema: saveStreamCloseRequestSchema,
        handle: saveStream.close,
      }),
    );
  }
  deps.ipcMain.handle(
    IPC_CHANNELS.notify,
    validatedHandler({ ...common, channel: IPC_CHANNELS.notify, schema: notifyRequestSchema, handle: deps.notify }),
  );
  deps.ipcMain.handle(
    IPC_CHANNELS.printPdf,
    validatedHandler({
      ...common,
      channel: IPC_CHANNELS.printPdf,
      schema: printPdfRequestSchema,
      handle: deps.printPdf,
    }),
  );
  const autoBackup = deps.autoBackup;
  if (autoBackup) {
    deps.ipcMain.handle(
      IPC_CHANNELS.autoBackupStatus,
      validatedHandler({
        ...common,
        channel: IPC_CHANNELS.autoBackupStatus,
        schema: emptyRequestSchema,
        handle: () => autoBackup.status(),
      }),
    );
    deps.ipcMain.handle(
      IPC_CHANNELS.autoBackupChooseFolder,
      validatedHandler({
        ...common,
        channel: IPC_CHANNELS.autoBackupChooseFolder,
        schema: emptyRequestSchema,
        handle: () => autoBackup.chooseFolder(),
      }),
    );
    deps.ipcMain.handle(
      IPC_CHANNELS.autoBackupConfigure,
      validatedHandler({
        ...common,
        channel: IPC_CHANNELS.autoBackupConfigure,
        schema: autoBackupSettingsRequestSchema,
        handle: autoBackup.configure,
      }),
    );
    deps.ipcMain.handle(
      IPC_CHANNELS.autoBackupWrite,
      validatedHandler({
        ...common,
        channel: IPC_CHANNELS.autoBackupWrite,
        schema: autoBackupWriteRequestSchema,
        handle: autoBackup.write,
      }),
    );
    deps.ipcMain.handle(
      IPC_CHANNELS.autoBackupPassphrase,
      validatedHandler({
        ...common,
        channel: IPC_CHANNELS.autoBackupPassphrase,
        schema: autoBackupPassphraseRequestSchema,
        handle: autoBackup.setPassphrase,
      }),
    );
  }
  const sharing = deps.sharing;
  if (sharing) {
    deps.ipcMain.handle(
      IPC_CHANNELS.sharingConfigGet,
      validatedHandler({
        ...common,
        channel: IPC_CHANNELS.sharingConfigGet,
        schema: emptyRequestSchema,
        handle: () => sharing.status(),
      }),
    );
    deps.ipcMain.handle(
      IPC_CHANNELS.sharingConfigSet,
      validatedHandler({
        ...common,
        channel: IPC_CHANNELS.sharingConfigSet,
        schema: sharingConfigRequestSchema,
        handle: (request) => sharing.configure(request),
      }),
    );
  }
}
