// What the Electron main process tells the person (m17b, issue #17): the automatic backup's failures (shown on Your
// data as its last error) and a file that could not be saved. Main sends each as a code and values beside its English
// `error` (kept for logs and older screens); the renderer says it in the person's language with the catalogue's
// `main.<code>`. This is the one home of the English: main fills it in here, the English catalogue takes it from here.
import { codesOf, plainValueInEnglish, type Saying, saying, sayingInEnglish } from '#shared/model/saying';
import { sharingConfigProblemInEnglish, type SharingConfigSaying } from '#shared/security/sharing';

/** Why a passphrase for the daily backups cannot be kept on this computer. */
const NO_KEYCHAIN =
  'this computer’s keychain is not available to Redress (on Linux a secret service such as GNOME Keyring or KWallet must be running), so the passphrase could not be kept safely';

export const MAIN_MESSAGES_EN = {
  // --- the automatic daily backup
  'no-keychain': NO_KEYCHAIN,
  'passphrase-no-keychain': `The passphrase was not kept: ${NO_KEYCHAIN}.`,
  'passphrase-refused': 'The passphrase was not kept: the keychain refused it ({reason}).',
  'auto-backup-too-large':
    'The automatic backup was not written: at {size} it is larger than the {maxMb} MB an automatic backup can be. Make one with “Make a backup now”, which saves it in pieces.',
  'auto-backup-no-keychain': `The automatic backup was not written: it is to be encrypted, but ${NO_KEYCHAIN}.`,
  'auto-backup-passphrase-unreadable':
    'The automatic backup was not written: the passphrase kept in the keychain could not be read (the keychain changed?); set the passphrase again.',
  'auto-backup-not-encrypted': 'The automatic backup was not written: {reason}.',
  'auto-backup-not-sound': 'Refused: the data is not a sound backup ({reason})',
  'auto-backup-outside-folder': 'Refused: the backup would not be inside the chosen folder.',
  'auto-backup-folder-gone':
    'The automatic backup could not be written: the folder {folder} is not there any more (a USB drive or network share not connected?).',
  'auto-backup-disk-full': 'The automatic backup could not be written: the disk is full.',
  'auto-backup-not-allowed': 'The automatic backup could not be written: Redress may not write in that folder.',
  'auto-backup-failed': 'The automatic backup could not be written: {reason}.',
  // --- a file saved where the person chose
  'save-in-use':
    'Could not save {file}: it is open in another program, or the folder is read-only. Close it and try again.',
  'save-disk-full': 'Could not save {file}: the disk is full.',
  'save-folder-in-way': 'Could not save {file}: a folder of that name is in the way.',
  'save-failed': 'Could not save {file}: {reason}',
  // --- say7: the page's own part of printing and saving (the browser in web mode; reading a file to hand it to the
  // shell); {reason} is the browser's or the check's own words
  'save-refused': 'Cannot save the file: {reason}',
  'save-unreadable': 'The file could not be read to save it: {reason}',
  'print-refused': 'Cannot print: {reason}',
  'print-not-loaded': 'Cannot print: the letter did not load for printing.',
  // --- say7: printing a letter on the desktop (electron/main/handlers/print.ts)
  'print-busy': 'A print dialog is already open.',
  'print-printer-failed': 'Could not print: {reason}.',
  'print-printer-failed-silent': 'Could not print: the printer reported a failure.',
  'print-failed': 'Could not print: {reason}',
  // --- say7: the team server's settings as the shell keeps them ({problem}: why the address is refused)
  'sharing-file-unreadable': 'The sharing settings could not be read ({reason}); sharing is off.',
  'sharing-file-not-json':
    'The sharing settings file ({file}) is not valid JSON; sharing is off until the team server is set again.',
  'sharing-file-no-server':
    'The sharing settings file ({file}) does not name a server and a database; sharing is off until the team server is set again.',
  'sharing-file-refused':
    'The sharing settings file ({file}) names a server Redress refuses: {problem}; sharing is off until the team server is set again.',
  'sharing-refused': 'Refused: {problem}',
  'sharing-saved-refused': 'The saved team server is refused ({problem}); sharing is off.',
  'sharing-saved-unreadable': 'The saved team server could not be read; sharing is off.',
  'sharing-not-allowed':
    'This web app’s server does not allow the page to connect to {origin}: its administrator must add it to REDRESS_SHARING_ORIGINS (see the team server guide).',
  // --- p8e: a reminder the system (or the browser) would not show ({reason}: the system's or the check's own words),
  // listed on the dashboard while it is tried again
  'notify-invalid': 'Cannot show the notification: {reason}',
  'notify-unsupported': 'This system does not support desktop notifications.',
  'notify-refused': 'The notification was not shown: {reason}',
  'notify-system-refused': 'The notification was not shown: the system refused it',
  // --- p8e: the web app's automatic backup, which a browser cannot make
  'web-auto-backup-unavailable':
    'Automatic daily backup needs the desktop app: a browser cannot save into a folder by itself. Make a backup by hand instead.',
  'web-no-keychain':
    'A passphrase for automatic backups is kept by the desktop app in the computer’s keychain; a browser has no such place. Protect a backup made by hand with a passphrase instead.',
};

export type MainMessageCode = keyof typeof MAIN_MESSAGES_EN;
export const MAIN_MESSAGE_CODES = codesOf(MAIN_MESSAGES_EN);

/**
 * A value: text shown as it is (a file or folder name, the system's own reason), a number, a size in bytes, or why a
 * team server's address is refused (said first and put in its place).
 */
export type MainMessageValue = string | number | { bytes: number } | { sharingConfig: SharingConfigSaying };

/** A message of the main process as data: its code and values. */
export type MainMessage = Saying<MainMessageCode, MainMessageValue>;

export const mainMessageInEnglish = (m: MainMessage): string =>
  sayingInEnglish(MAIN_MESSAGES_EN, m, (v) =>
    typeof v === 'object' && 'sharingConfig' in v
      ? sharingConfigProblemInEnglish(v.sharingConfig)
      : plainValueInEnglish(v),
  );

/** A failure as main returns it: the English and the message as data. */
export function mainFailure(
  code: MainMessageCode,
  values?: Record<string, MainMessageValue>,
): { ok: false; error: string; message: MainMessage } {
  const message = saying(code, values);
  return { ok: false, error: mainMessageInEnglish(message), message };
}
