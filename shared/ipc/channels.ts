// Channel names only, with no dependencies, so the sandboxed preload can import them without bundling zod.
export const IPC_CHANNELS = {
  saveFile: 'redress:save-file',
  /** A file too big for one message (a backup with its attachments): open (the save dialog), write its pieces, close. */
  saveStreamOpen: 'redress:save-stream-open',
  saveStreamWrite: 'redress:save-stream-write',
  saveStreamClose: 'redress:save-stream-close',
  notify: 'redress:notify',
  printPdf: 'redress:print-pdf',
  notificationClicked: 'redress:notification-clicked',
  /** Main → renderer: a command chosen in the desktop's native menu (MenuCommand in contract.ts). */
  menuCommand: 'redress:menu-command',
  /** The automatic daily backup (desktop): status, choose the folder, settings, write one. */
  autoBackupStatus: 'redress:auto-backup-status',
  autoBackupChooseFolder: 'redress:auto-backup-choose-folder',
  autoBackupConfigure: 'redress:auto-backup-configure',
  autoBackupWrite: 'redress:auto-backup-write',
  /** Set or clear the passphrase main keeps (OS keychain, safeStorage) to encrypt the daily backups. */
  autoBackupPassphrase: 'redress:auto-backup-passphrase',
  /** Sharing with a team (issue #14): read, or set and reload with the new CSP, the server the page may connect to. */
  sharingConfigGet: 'redress:sharing-config-get',
  sharingConfigSet: 'redress:sharing-config-set',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** Commands the desktop's native menu sends to the page on IPC_CHANNELS.menuCommand (electron/main/menu.ts). */
export const MENU_COMMANDS = ['new-complaint', 'search', 'print', 'back-up', 'about', 'settings'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
