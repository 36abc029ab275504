// Why a backup file is refused, with a code and values (issue #17; m17a): the one home of the English, which stays
// what BackupFileError's message says (the logs, the desktop shell, the scripts). The interface says the same with
// the catalogue's `backupProblem.<code>` in its language (renderer/src/lib/i18n/backup.ts), from the error's `said`.
//
// Values: a string is shown as written (a file's member name, a table); a number as a number; `{ number }` a number
// written with thousands separators; `{ bytes }` a size ("1 GB"); a nested saying (the `why-…` phrases) is said first
// and put in its place; `{ list }` sayings joined; `{ procedure }` a procedure's problem (its own catalogue).

import { codesOf, isSaying, plainValueInEnglish, type Saying, saying, sayingInEnglish } from '#shared/model/saying';
import { procedureProblemInEnglish, type ProcedureSaying } from '#shared/rules/index';

export const BACKUP_PROBLEMS_EN = {
  // --- what is wrong with the file, with {why}
  'not-a-backup': 'This is not a Redress backup file ({why}). Choose a file made with "Make a backup now".',
  'not-a-backup-short': 'This is not a Redress backup file ({why}).',
  truncated:
    'The backup file is truncated: {why}. It was probably copied or downloaded incompletely; use another copy.',
  damaged: 'The backup file is damaged: {why}. Use another copy.',
  'damaged-nothing-restored': 'The backup file is damaged: {why}. Nothing was restored; use another copy.',
  'too-large':
    'The backup file is not one Redress can read: {why}, beyond anything a Redress backup holds. It was made or changed by something else; nothing was restored. Use another copy.',
  'too-large-not-archive':
    'The backup file is not one Redress can read: it is larger than {size} without being an archive. Nothing was restored.',
  'too-large-rows': 'The backup file is not one Redress can read: its rows are larger than {size}.',
  // --- making a backup
  'not-made-too-large':
    'with its attachments it would be larger than {size}, more than one backup file can hold. Remove files from closed cases, or keep them elsewhere, then try again.',
  // h17: a line the writer will not write, as a restore would refuse it ({table}: a table's name, or `part-header`)
  'not-made-row-long': 'a row of {table} is longer than {size}, which a restore would refuse.',
  'not-made-row-nested': 'a row of {table} is nested more than {max} deep, which a restore would refuse.',
  'not-made-too-many-lines':
    'a row of {table} would be line {line}, more than {max} lines, which a restore would refuse.',
  'part-header': 'the header',
  'newer-format':
    'This backup was made by a newer Redress (backup format {version}; this Redress reads format {current}). Update Redress, then restore it.',
  'newer-database':
    'This backup was made by a newer Redress (database version {version}; this Redress has version {current}). Update Redress, then restore it.',
  checksum:
    'The checksum does not match: the file was changed after it was made (edited by hand, or damaged on the way). Nothing was restored; use another copy.',
  /** Followed, in the message, by the first problems as format.ts lists them (the screen lists them below it). */
  invalid: 'The backup file is not valid, so nothing was restored.',
  /** One file damaged or missing: {problem} is its `file-…` saying (explore39 #6: said once, in plain words). */
  'files-damaged': '{problem}: nothing was restored. Use another copy of the backup.',
  /** Several: each is listed under the sentence (the first 20). */
  'files-damaged-more':
    'Files in this backup are damaged or missing ({count}), so nothing was restored. Use another copy of the backup.',
  // --- encrypted files (./encryption.ts)
  'needs-passphrase':
    'This backup is protected with a passphrase. Type the passphrase it was made with to check and restore it.',
  'wrong-passphrase':
    'The passphrase is not right: it is not the one this backup was protected with. (If you are sure it is, the beginning of the file is damaged; try another copy.)',
  'encrypted-refused': '{why} Nothing was restored.',
  'not-encrypted': 'This is not a readable encrypted Redress backup ({why}).',
  'encrypted-newer':
    'This encrypted backup was made by a newer Redress (container version {version}). Update Redress, then restore it.',
  'encrypted-unknown-cipher': 'This encrypted backup uses a cipher or key derivation this Redress does not know.',
  'encrypted-rounds': 'This encrypted backup asks for {rounds} key-derivation rounds; Redress accepts {min} to {max}.',
  'encrypted-ends-in-header': 'The encrypted backup ends inside its header.',
  'encrypted-added-after-end': 'The encrypted backup has something added after its end.',
  'encrypted-part-damaged': 'The encrypted backup is damaged: part {part} is changed, missing or out of order.',
  'encrypted-ends-before-content': 'The encrypted backup ends before its content.',
  'encrypted-ends-in-part': 'The encrypted backup ends inside part {part}.',
  'encrypted-ends-after-part': 'The encrypted backup ends after part {part}: the parts after it are missing.',
  'encrypted-ends-or-changed':
    'The encrypted backup ends inside part {part}, or that part is changed (cut short, added to or damaged).',
  'encrypted-parts-do-not-add-up': 'The encrypted backup is damaged: its parts do not add up.',
  // --- why (put in the sentences above)
  'why-empty': 'the file is empty',
  'why-first-line': 'its first line is not a backup header',
  'why-not-redress': 'it does not say it is a Redress backup',
  'why-header-invalid': 'its header is not valid ({problems})',
  'why-neither': 'it is neither a compressed backup nor a backup header',
  'why-no-header': 'it has no backup header',
  'why-ends-in-header': 'it ends inside its header',
  'why-ends-in-data': 'it ends inside the data, before the checksum',
  'why-ends-before-checksum': 'it ends before its checksum is complete',
  'why-after-checksum': 'there is something after its checksum',
  'why-checksum-unreadable': 'its checksum line is not readable',
  'why-line-too-long': 'line {line} is longer than {size}',
  'why-too-many-lines': 'it has more than {max} lines',
  'why-larger-than': 'it is larger than {size}',
  'why-line-nested': 'line {line} nests values more than {max} deep',
  'why-content-nested': 'its content nests values more than {max} deep',
  'why-zip-without': 'it is a ZIP archive without {member}',
  'why-holds-unknown': 'it holds {member}, which Redress never writes',
  'why-other': '{message}',
  // the compressed data (./gzip.ts)
  'why-gzip-ends': 'the file ends before the compressed data does',
  'why-gzip-inflates': 'the compressed data inflates to more than {size}, more than a backup can hold',
  'why-gzip-damaged': 'the compressed data is damaged ({message})',
  'why-gzip-length':
    'the compressed data does not have the length recorded at its end (the file is incomplete or was changed)',
  'why-gzip-crc': 'the compressed data does not match its CRC-32 check value (the file is incomplete or was changed)',
  // an encrypted file (./encryption.ts)
  'why-encrypted-header-unreadable': 'its header line is not readable',
  'why-encrypted-salt': 'its salt or check value is not readable',
  'why-encrypted-chunk-size': 'its chunk size is not readable',
  'why-encrypted-begin': 'it does not begin like one',
  'why-encrypted-header-long': 'its header line is too long',
  // the ZIP archive (./archive.ts)
  'why-zip-ends': 'it ends before its table of contents',
  'why-zip-outside': 'its table of contents points outside the file',
  'why-zip-unreadable': 'its table of contents is not readable',
  'why-zip-compressed': 'its member {member} is compressed in a way Redress never writes',
  'why-zip-twice': 'it holds {member} twice',
  'why-zip-misplaced': 'its member {member} is not where its table of contents says',
  'why-zip-past-end': 'its member {member} runs past the end of the data',
  // --- one problem of a damaged archive's list
  // (a cut or changed file is "damaged" whichever check found it: its size or its SHA-256)
  'file-missing': 'The file {file} on case {reference} is missing from this backup',
  'file-deleted-but-held': 'The file {file} on case {reference} was deleted, yet this backup holds it',
  'file-size': 'The file {file} on case {reference} is damaged in this backup',
  'file-hash': 'The file {file} on case {reference} is damaged in this backup',
  'file-not-named': 'This backup holds a file that no case names ({member})',
  // --- one problem of an invalid file's list (./format.ts; h17). {where} is the place as the file names it
  // (`cases[3].receivedOn`, a table, a field: shown as written); {note} what is wrong there (a `note-…` saying).
  at: '{where}: {note}',
  'more-problems': '…and {more} more',
  'built-in-procedure': '{where}: "{id}" is a built-in procedure, which a desk cannot change',
  'same-as': '{where}: the same {field} as {other} ({key})',
  'no-case': '{where}: no case with id {id} in the file',
  'not-letter-id': '{where}: not a letter id (it must be text)',
  'no-letter': '{where}: no letter with id {id} in the file',
  'letter-other-case': '{where}: the letter {id} belongs to another case',
  'count-differs': '{where}: the header says {counted} but the file holds {held}',
  'letter-bytes-changed': "{where}: do not match the letter's SHA-256",
  'line-not-json': 'line {line}: not readable JSON',
  'line-not-rows': "line {line}: not a table's rows",
  'content-not-json': 'content: not readable JSON',
  'table-unknown': '{table}: not a table Redress knows',
  'table-not-in-format': '{table}: not a table of backup format {version} (attachments came with format 3)',
  'one-desk': 'settings: holds more than one desk',
  // what is wrong with a field (./row-problems.ts: from the stored schemas' notes, shared/model/stored.ts)
  'note-missing': 'missing',
  'note-not-text': 'must be text',
  'note-not-number': 'must be a number',
  'note-not-whole': 'must be a whole number',
  'note-not-boolean': 'must be true or false',
  'note-not-object': 'must be an object',
  'note-not-list': 'must be a list',
  'note-not-date': 'not a date (YYYY-MM-DD)',
  'note-not-timestamp': 'not a timestamp (e.g. 2026-11-22T14:30:00.000Z)',
  'note-unknown-value': 'must be one of {choices}',
  'note-too-long': 'is longer than {max} characters',
  'note-too-many': 'holds more than {max}',
  'note-empty': 'must not be empty',
  'note-at-least': 'must be {min} or more',
  'note-negative': 'must not be negative',
  'note-more-than': 'is more than {max}',
  'note-not-reference': 'not a reference like RDR-2026-000042',
  'note-not-desk-prefix': 'not a desk prefix (2 to 6 capital letters or digits, starting with a letter)',
  'note-not-counter-key': 'not a counter key like RDR-2026',
  'note-not-sha256': 'not a SHA-256 (64 hexadecimal digits)',
  'note-not-base64': 'not base64',
  'note-letter-base64': 'must be the letter as base64 text',
  'note-anonymised-personal': 'is set but the case still holds personal data',
  'note-withdrawn-kind': 'a withdrawn letter must say its kind',
  'note-key-must-be': 'must be "{key}"',
  'note-procedure-version': 'must be the version the row names',
  'note-default-language': 'must be one of its languages',
  'note-provider-twice': 'holds provider "{id}" twice',
  'note-no-provider': 'names no provider of the desk',
  /** Anything else, as written (the schema's English). */
  'note-other': '{message}',
  // --- a backup made but refused by its own restore check, so not kept ({why}: the check's refusal; h17)
  'not-made-check':
    'The backup just made does not pass the restore check, so it was not kept: {why} Fix the rows named (or tell whoever supports Redress), then make the backup again.',
  // --- a restore refused once the file was checked (renderer/src/db/backup/backup.ts RestoreError; h17)
  'restore-held-no-longer': 'Choose the backup file again: it is no longer held for restoring.',
  'restore-changed': 'Choose the backup file again: it changed after it was checked.',
  'restore-team':
    'This desk shares its cases with a team, so a backup cannot be restored into it: the team server holds the cases. To restore, first leave the team (Settings → Share cases with your team → Leave).',
  'restore-not-empty': 'This desk is not empty: it holds cases ({cases}). Choose "Merge" or "Replace" instead.',
  'merge-attachments':
    'Cannot merge: attachments have the same id here and in the backup but different bytes ({listed}; {count} in all). An attachment never changes, so one of the two copies is damaged; nothing was restored.',
  'merge-references':
    "Cannot merge: references belong to a different case here than in the backup ({listed}; {count} in all). A reference is never shared, so nothing was restored. The backup is most likely another desk's that uses the same prefix: \"Replace\" would delete this desk's own cases and keep only the backup's, so choose it only if this desk is to become a copy of that one.",
  // --- a row kept although it is over a limit of this version, for the desk to shorten (./format.ts overLimits):
  // {row} the row (`cases[3] RDR-2026-000003`, or `row-of-case`), {path} the field as written
  'over-limit': '{row}: {path} {note}',
  'row-of-case': '{where} (case {id})',
  'note-over-chars': 'has {length} characters; at most {max}',
  'note-over-lines': 'has {lines} lines; letters need at most {max}',
  'note-over-line': 'line {line} has {length} characters; at most {max} fit the envelope window',
} as const;

export type BackupProblemCode = keyof typeof BACKUP_PROBLEMS_EN;
export const BACKUP_PROBLEM_CODES = codesOf(BACKUP_PROBLEMS_EN);

export type BackupValue =
  | string
  | number
  | { number: number }
  | { bytes: number }
  | { list: readonly BackupSaying[] }
  /** A desk procedure's own problem (shared/rules/procedure-problems.ts), in a backup's list. */
  | { procedure: ProcedureSaying }
  | BackupSaying;

/** A backup refusal (or a piece of one) as data: its code and values. */
export type BackupSaying = Saying<BackupProblemCode, BackupValue>;

/** 1 GB, 32 MB: a size as people read it (the English of the records; the screens say it their way). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

function valueInEnglish(v: BackupValue): string {
  if (isSaying(v)) return backupProblemInEnglish(v);
  if (typeof v === 'object' && 'list' in v) return v.list.map(backupProblemInEnglish).join('; ');
  if (typeof v === 'object' && 'procedure' in v) return procedureProblemInEnglish(v.procedure);
  return plainValueInEnglish(v, formatBytes);
}

export function backupProblemInEnglish(s: BackupSaying): string {
  return sayingInEnglish(BACKUP_PROBLEMS_EN, s, valueInEnglish);
}

/** A saying (shorthand for the throw sites). */
export const sayBackup = (code: BackupProblemCode, values?: Readonly<Record<string, BackupValue>>): BackupSaying =>
  saying(code, values);
