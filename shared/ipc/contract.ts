// The one contract between the renderer and the desktop shell. Both sides import it: the preload exposes exactly
// `RedressApi` on `window.redress`, the main process registers one handler per channel and validates every payload
// with the schemas below. The browser implementation in renderer/src/platform satisfies the same `RedressApi`.
import { z } from 'zod';
import { passphraseProblem } from '#shared/backup/encryption';
import { checkSharingConfig, type SharingConfig } from '#shared/security/sharing';
import type { MainMessage } from './messages';

export { IPC_CHANNELS, type IpcChannel } from './channels';

/** Largest file the renderer may ask the shell to save (a backup of a large desk stays well under this). */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;

/** Control characters the shell refuses in text (tab, line feed and carriage return are allowed). */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
/** Half of a UTF-16 surrogate pair standing alone (text cut in the middle of an emoji, or malformed input). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const safeText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !new RegExp(CONTROL_CHARACTERS.source).test(s), 'must not contain control characters');

/**
 * `text` made acceptable as a `safeText(max)`: control characters removed, lone surrogates replaced, and cut to `max`
 * UTF-16 units with an ellipsis (never in the middle of a character). The one cleaner for what the shell accepts:
 * the schemas below use the same limits and the same control-character rule.
 */
export function fitSafeText(text: string, max: number): string {
  const cleaned = text.replace(CONTROL_CHARACTERS, '').replace(LONE_SURROGATE, '\ufffd');
  if (cleaned.length <= max) return cleaned;
  if (max <= 0) return '';
  let cut = cleaned.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}\u2026`;
}

/** The longest name Redress suggests for a file it saves (the contract takes 200; a file system's limit is 255). */
export const SUGGESTED_NAME_MAX = 180;

/**
 * A file's name as Redress suggests it when saving: control characters removed, and a name longer than `max` cut
 * before its extension, with "…" (a file added with a 250-character name can still be downloaded, as "….txt").
 */
export function fitFileName(name: string, max = SUGGESTED_NAME_MAX): string {
  const clean = fitSafeText(name, Number.MAX_SAFE_INTEGER);
  if (clean.length <= max) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : '';
  return fitSafeText(clean.slice(0, clean.length - extension.length), max - extension.length) + extension;
}

export const saveFileRequestSchema = z
  .object({
    /** A file name only, shown as the default in the save dialog; the user picks the folder. */
    suggestedName: safeText(200).min(1),
    mimeType: z
      .string()
      .max(100)
      .regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'must be a MIME type such as application/pdf'),
    data: z
      .custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be the file bytes (a Uint8Array)')
      .refine((d) => d.byteLength <= MAX_SAVE_BYTES, 'is larger than 512 MB'),
  })
  .strict();
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

/** A failure from main: its English, and (m17b) the same as a code and values for the screens (./messages.ts). */
export type MainFailure = { ok: false; error: string; message?: MainMessage };

export type SaveFileResult = { ok: true; saved: true; fileName: string } | { ok: true; saved: false } | MainFailure;

// --- A file saved in pieces (desktop) ----------------------------------------------------------------------------
// A backup with its attachments can be larger than one message should carry (MAX_SAVE_BYTES) or than the page should
// hold at once: the page asks for the save dialog with the file's size (open), sends it in pieces of at most
// SAVE_STREAM_PIECE_BYTES in order (write), then closes it. Main writes the pieces to a temporary file beside the
// chosen one and renames it over the target only when every declared byte arrived (or removes it: abort, an error,
// a piece out of order or too many bytes), so the chosen file is the old one or the whole new one, never a torn one.

/** The largest piece of a file sent in one message. */
export const SAVE_STREAM_PIECE_BYTES = 16 * 1024 * 1024;
/** The largest file saved in pieces (a desk's attachments are warned about well before this). */
export const MAX_SAVE_STREAM_BYTES = 64 * 1024 * 1024 * 1024;

/** Main's name for one file being saved: 32 hex digits, random. */
const streamIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'must be the id the shell gave when the file was opened');

export const saveStreamOpenRequestSchema = z
  .object({
    suggestedName: saveFileRequestSchema.shape.suggestedName,
    mimeType: saveFileRequestSchema.shape.mimeType,
    /** The file's whole size in bytes: closing it with any other number of bytes written saves nothing. */
    size: z.number().int('must be a whole number of bytes').min(0).max(MAX_SAVE_STREAM_BYTES, 'is larger than 64 GB'),
  })
  .strict();
export type SaveStreamOpenRequest = z.infer<typeof saveStreamOpenRequestSchema>;
/** The dialog was cancelled (nothing to write), or the file is open under `streamId`. */
export type SaveStreamOpenResult = { ok: true; saved: false } | { ok: true; streamId: string } | MainFailure;

export const saveStreamWriteRequestSchema = z
  .object({
    streamId: streamIdSchema,
    /** Where this piece starts in the file: the bytes written so far (pieces come in order, none twice). */
    offset: z.number().int().min(0).max(MAX_SAVE_STREAM_BYTES),
    data: z
      .custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be the bytes of a piece (a Uint8Array)')
      .refine((d) => d.byteLength > 0, 'is empty')
      .refine((d) => d.byteLength <= SAVE_STREAM_PIECE_BYTES, 'is larger than 16 MB'),
  })
  .strict();
export type SaveStreamWriteRequest = z.infer<typeof saveStreamWriteRequestSchema>;
/** `written`: the bytes written so far. A failure has removed the temporary file: the stream is gone. */
export type SaveStreamWriteResult = { ok: true; written: number } | MainFailure;

export const saveStreamCloseRequestSchema = z
  .object({
    streamId: streamIdSchema,
    /** Give up (the page could not read the rest): the temporary file is removed, the chosen file untouched. */
    abort: z.boolean().optional(),
  })
  .strict();
export type SaveStreamCloseRequest = z.infer<typeof saveStreamCloseRequestSchema>;

export interface SaveStreamApi {
  open(request: SaveStreamOpenRequest): Promise<SaveStreamOpenResult>;
  write(request: SaveStreamWriteRequest): Promise<SaveStreamWriteResult>;
  /** Saved (every byte arrived) or not: the same answer as saveFile's. */
  close(request: SaveStreamCloseRequest): Promise<SaveFileResult>;
}

/** The longest text of each part of a notification the shell shows (Windows and macOS cut long ones anyway). */
export const NOTIFY_LIMITS = { id: 200, title: 200, body: 2000, caseId: 100 } as const;

export const notifyRequestSchema = z
  .object({
    /** Stable id: the same notification is never shown twice. */
    id: safeText(NOTIFY_LIMITS.id).min(1),
    title: safeText(NOTIFY_LIMITS.title).min(1),
    body: safeText(NOTIFY_LIMITS.body),
    caseId: safeText(NOTIFY_LIMITS.caseId).optional(),
  })
  .strict();
export type NotifyRequest = z.infer<typeof notifyRequestSchema>;

/**
 * A notification's text cleaned to what `notifyRequestSchema` accepts (see `fitSafeText`): a customer's name with a
 * NUL or vertical tab, or a digest longer than the limit, is shown cleaned and cut instead of refused. The id and the
 * case id are the app's own and are passed as they are (a bad one is refused, never silently changed).
 */
export function fitNotification(n: NotifyRequest): NotifyRequest {
  const title = fitSafeText(n.title, NOTIFY_LIMITS.title).trim() || 'Redress reminder';
  const cleaned: NotifyRequest = { id: n.id, title, body: fitSafeText(n.body, NOTIFY_LIMITS.body) };
  if (n.caseId !== undefined) cleaned.caseId = n.caseId;
  return cleaned;
}

export type NotifyResult = { ok: true; shown: boolean } | MainFailure;

/** Largest PDF the renderer may ask the shell to print (a 200-letter batch stays well under this). */
export const MAX_PRINT_BYTES = 256 * 1024 * 1024;

export const printPdfRequestSchema = z
  .object({
    /** Shown as the print job's / window's title only. */
    title: safeText(200).min(1),
    data: z
      .custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be the PDF bytes (a Uint8Array)')
      .refine((d) => d.byteLength <= MAX_PRINT_BYTES, 'is larger than 256 MB')
      .refine(
        (d) => d.byteLength >= 5 && String.fromCharCode(...d.subarray(0, 5)) === '%PDF-',
        'must be a PDF (start with %PDF-)',
      ),
  })
  .strict();
export type PrintPdfRequest = z.infer<typeof printPdfRequestSchema>;

/** printed: the print dialog was shown and not cancelled (as far as the platform can tell). */
export type PrintPdfResult = { ok: true; printed: boolean } | MainFailure;

// --- Automatic daily backup (desktop only) ---------------------------------------------------------------------
// The user picks the folder in main's own dialog; the renderer never names a path or a file. The renderer makes the
// backup's bytes (it holds the database) and hands them over; main names the file, writes it atomically into the
// chosen folder and keeps the last `keep` of its own files there (electron/main/handlers/backup.ts).

export const AUTO_BACKUP_KEEP_DEFAULT = 14;
export const AUTO_BACKUP_KEEP_MAX = 365;

/** The requests that carry nothing: an empty object, so a stray argument is refused. */
export const emptyRequestSchema = z.object({}).strict();
export type EmptyRequest = z.infer<typeof emptyRequestSchema>;

export const autoBackupSettingsRequestSchema = z
  .object({
    enabled: z.boolean(),
    keep: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(AUTO_BACKUP_KEEP_MAX, `must be at most ${AUTO_BACKUP_KEEP_MAX}`),
  })
  .strict();
export type AutoBackupSettingsRequest = z.infer<typeof autoBackupSettingsRequestSchema>;

const autoBackupBytesSchema = z
  .object({
    /**
     * A backup file: a ZIP archive (format 3, shared/backup/archive.ts) or gzip (format 2, shared/backup/format.ts),
     * checked again by main before it is written.
     */
    data: z
      .custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be the backup bytes (a Uint8Array)')
      .refine((d) => d.byteLength <= MAX_SAVE_BYTES, 'is larger than 512 MB')
      .refine(
        (d) =>
          (d.byteLength >= 2 && d[0] === 0x1f && d[1] === 0x8b) ||
          (d.byteLength >= 4 && d[0] === 0x50 && d[1] === 0x4b && d[2] === 0x03 && d[3] === 0x04),
        'must be a Redress backup (a ZIP archive, or gzip)',
      ),
  })
  .strict();
/**
 * The daily backup's bytes, or (issue #18) word that it is too large to send in one message: main records that as the
 * automatic backup's last error, which Your data shows, so a desk whose backup outgrew the limit is told, not left
 * without one in silence.
 */
export const autoBackupWriteRequestSchema = z.union([
  autoBackupBytesSchema,
  z.object({ tooLarge: z.number().int().gt(MAX_SAVE_BYTES).max(Number.MAX_SAFE_INTEGER) }).strict(),
]);
export type AutoBackupWriteRequest = z.infer<typeof autoBackupWriteRequestSchema>;

export const autoBackupPassphraseRequestSchema = z
  .object({
    /**
     * The passphrase to encrypt the daily backups with (main keeps it in the OS keychain through safeStorage; the
     * renderer never reads it back), or null to stop encrypting them. The same rule as for a backup made by hand.
     */
    passphrase: z
      .string()
      .superRefine((value, ctx) => {
        const problem = passphraseProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .nullable(),
  })
  .strict();
export type AutoBackupPassphraseRequest = z.infer<typeof autoBackupPassphraseRequestSchema>;

export interface AutoBackupStatus {
  /** False in web mode: a browser cannot write into a folder on its own. */
  available: boolean;
  enabled: boolean;
  /** The chosen folder, to show (main's choice; never sent back by the renderer). */
  folder: string | null;
  keep: number;
  lastWrittenAt: string | null;
  lastFileName: string | null;
  /** The last automatic backup failed: why (cleared by the next success). */
  lastError: string | null;
  /** The same as a code and values (m17b), for the screen to say in the person's language; null when not known. */
  lastMessage?: MainMessage | null;
  /** On, with a folder, and the last backup is older than a day (or there is none). */
  due: boolean;
  /** The daily backups are encrypted with a passphrase main keeps in the OS keychain. */
  encrypted: boolean;
  /** Why a passphrase cannot be kept here (no OS keychain, or the browser), or null when it can. */
  keychainProblem: string | null;
  /** The same as a code (m17b), for the screen to say in the person's language. */
  keychainMessage?: MainMessage | null;
}
export type AutoBackupStatusResult = ({ ok: true } & AutoBackupStatus) | MainFailure;
export type AutoBackupWriteResult =
  | { ok: true; written: true; fileName: string; removed: string[] }
  | { ok: true; written: false; reason: string }
  | MainFailure;

export interface AutoBackupApi {
  status(): Promise<AutoBackupStatusResult>;
  /** Desktop: main shows the OS folder dialog; cancelling keeps the previous choice. */
  chooseFolder(): Promise<AutoBackupStatusResult>;
  configure(request: AutoBackupSettingsRequest): Promise<AutoBackupStatusResult>;
  write(request: AutoBackupWriteRequest): Promise<AutoBackupWriteResult>;
  /** Desktop: keep (or, with null, forget) the passphrase the daily backups are encrypted with. */
  setPassphrase(request: AutoBackupPassphraseRequest): Promise<AutoBackupStatusResult>;
}

// --- Sharing with a team (issue #14) ---------------------------------------------------------------------------
// The shell keeps where the team's server is (a JSON file in userData), because it builds the page's
// Content-Security-Policy from it before the page starts: connect-src opens to that server's origin only. Only the
// address and the database cross IPC: the schema is strict, so a password (or any other field) is refused, and the
// address may not carry a login. Setting it reloads the page when the policy changes.

export type { SharingConfig } from '#shared/security/sharing';

/** Set the server (checked by the shared rule: https, or http on this computer only), or null to stop sharing. */
export const sharingConfigRequestSchema = z
  .object({
    config: z
      .object({ serverUrl: z.string().max(2000), database: z.string().max(300) })
      .strict()
      .transform((value, ctx) => {
        const checked = checkSharingConfig(value);
        if (checked.ok) return checked.config;
        ctx.addIssue({ code: 'custom', message: checked.problem });
        return z.NEVER;
      })
      .nullable(),
  })
  .strict();
export type SharingConfigRequest = z.input<typeof sharingConfigRequestSchema>;

export interface SharingStatus {
  /** The server the page may connect to, or null when sharing is off. */
  config: SharingConfig | null;
  /** The origins the page's connect-src allows besides its own (what the CSP in force says). */
  connectOrigins: string[];
  /**
   * The shell kept the config but the page must be reloaded before it can reach the server (desktop: the shell
   * reloads it itself, just after answering; web: the CSP is the web server's, see `problem`).
   */
  reloading: boolean;
  /** Why the page cannot reach the configured server (web mode: its server's policy does not allow it), or null. */
  problem: string | null;
  /** The same as a code (say7), for the screen to say in the person's language. */
  problemMessage?: MainMessage | null;
}
export type SharingStatusResult = ({ ok: true } & SharingStatus) | MainFailure;

export interface SharingApi {
  /** The config the page's CSP was built from. */
  status(): Promise<SharingStatusResult>;
  /** Keep the server (never the password); the desktop reloads the page with the new policy when it changed. */
  configure(request: SharingConfigRequest): Promise<SharingStatusResult>;
}

export { isMenuCommand, MENU_COMMANDS, type MenuCommand } from './channels';
import type { MenuCommand } from './channels';

/** The desktop shell's runtime, shown in the About box. */
export interface ShellVersions {
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
}

export interface RedressApi {
  readonly kind: 'desktop' | 'web';
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Desktop only: save a file too big for saveFile in pieces (see SaveStreamApi); the web downloads a Blob instead. */
  readonly saveStream?: SaveStreamApi;
  notify(request: NotifyRequest): Promise<NotifyResult>;
  /** Print a PDF through the OS print dialog (desktop) or the browser's print (web). */
  printPdf(request: PrintPdfRequest): Promise<PrintPdfResult>;
  /** Subscribe to clicks on notifications; returns an unsubscribe function. */
  onNotificationClick(listener: (caseId: string) => void): () => void;
  /** The automatic daily backup into a folder the user chose (desktop); in web mode it says it is not available. */
  readonly autoBackup: AutoBackupApi;
  /** Where the team's server is (issue #14): the shell builds the page's CSP from it. */
  readonly sharing: SharingApi;
  /** Subscribe to the desktop menu's commands (web mode has no native menu: never called); returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Desktop only: the versions of Electron, Chromium and Node the app runs on. */
  readonly versions?: ShellVersions;
}

/** Turn a zod failure into one readable line naming the field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'payload'}: ${issue.message}`)
    .join('; ');
}
