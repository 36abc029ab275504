// The backup file of format 3: a ZIP archive (stored members, no compression of its own), so a desk's attachments
// travel in the backup without ever being held in memory together, and the file can be opened with any ZIP tool:
//   redress-backup.jsonl.gz   the rows: exactly the format-2 layout of ./format.ts (gzip of sealed JSON lines), with
//                             header formatVersion 3 and the `attachments` table (each row's fields, not its bytes);
//   attachments/<id>          one member per attachment that still has its file: the exact bytes.
// The rows are sealed (SHA-256 over every line) and every attachment row carries its file's SHA-256 and size, so
// each member is checked against a sealed row: a member changed, cut, missing or added is refused by name.
//
// Streaming both ways: the writer takes the attachments one at a time and gives out the archive a piece at a time;
// the reader needs only random access to the file (a Blob's slices in the renderer, a file handle in the shell), reads
// the ZIP's central directory at its end, then each member where it lies. At most one attachment (MAX_ATTACHMENT_BYTES)
// is in memory at once, whatever the desk holds. No ZIP64: a file over 4 GB is refused when made (with the reason).
// Members are read through the central directory, never by scanning for signatures (an attached .docx is itself a
// ZIP full of them).
//
// Pure: the SHA-256 function is an argument; the bytes come through ByteSource.
import { Zip, ZipPassThrough } from 'fflate';
import {
  type BackupContent,
  type BackupHeader,
  checkBackupRows,
  type CheckedRows,
  type OnRows,
  type DecodedBackup,
  decodeBackup,
  type DecodeOptions,
  MAX_BACKUP_CONTENT_BYTES,
  refuseBackup,
  type Sha256,
  verifyBackupSeal,
} from './format';
import { backupProblemInEnglish, type BackupSaying, sayBackup } from './problems';
import { utf8Decoder } from './bytes';

/** The member holding the rows (format-2 layout, formatVersion 3). */
export const ROWS_MEMBER = 'redress-backup.jsonl.gz';
export const ATTACHMENT_MEMBER_PREFIX = 'attachments/';
export const attachmentMember = (id: string) => `${ATTACHMENT_MEMBER_PREFIX}${id}`;
/** A ZIP without ZIP64 addresses at most 4 GiB; the writer stops with a clear message before that. */
export const MAX_ARCHIVE_BYTES = 0xffffffff;
/** The pieces an attachment is handed to the archive in. */
export const ARCHIVE_PIECE_BYTES = 1024 * 1024;

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

/** Whether the file starts as a ZIP archive does (format 3). */
export function isArchive(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** Random access to a file's bytes: a Blob in the renderer (slice), a buffer in tests. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export const bytesSource = (bytes: Uint8Array): ByteSource => ({
  size: bytes.length,
  read: async (offset, length) => bytes.subarray(offset, offset + length),
});

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** One attachment's bytes, given a piece at a time (a Blob read slice by slice). */
export interface ArchiveAttachment {
  id: string;
  pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/**
 * The archive's bytes, a piece at a time: the rows member (whole, or as its pieces come), then each attachment as its
 * pieces come. Throws (before
 * the piece that would pass it) when the archive would pass MAX_ARCHIVE_BYTES.
 */
export async function* writeArchive(
  rows: Uint8Array | AsyncIterable<Uint8Array>,
  attachments: AsyncIterable<ArchiveAttachment> | Iterable<ArchiveAttachment>,
  options: { madeAt: string; maxBytes?: number },
): AsyncGenerator<Uint8Array> {
  const maxBytes = options.maxBytes ?? MAX_ARCHIVE_BYTES;
  const mtime = new Date(options.madeAt);
  let out: Uint8Array[] = [];
  let failure: Error | null = null;
  let written = 0;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  const drain = function* () {
    if (failure) throw failure;
    const pieces = out;
    out = [];
    for (const piece of pieces) {
      written += piece.length;
      if (written > maxBytes)
        throw refuseBackup('too-large', sayBackup('not-made-too-large', { size: { bytes: maxBytes + 1 } }));
      yield piece;
    }
  };
  const member = (name: string) => {
    const entry = new ZipPassThrough(name);
    entry.mtime = mtime;
    zip.add(entry);
    return entry;
  };
  const rowsEntry = member(ROWS_MEMBER);
  if (rows instanceof Uint8Array) rowsEntry.push(rows, true);
  else {
    for await (const piece of rows) {
      rowsEntry.push(piece);
      yield* drain();
    }
    rowsEntry.push(new Uint8Array(0), true);
  }
  yield* drain();
  for await (const attachment of attachments) {
    const entry = member(attachmentMember(attachment.id));
    for await (const piece of attachment.pieces) {
      entry.push(piece);
      yield* drain();
    }
    entry.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

export interface ArchiveMember {
  name: string;
  /** Where the member's bytes start in the file, and how many there are. */
  offset: number;
  size: number;
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

const damaged = (why: BackupSaying) => refuseBackup('damaged', sayBackup('damaged-nothing-restored', { why }));
const truncated = (why: BackupSaying) => refuseBackup('truncated', sayBackup('truncated', { why }));

/** The members of a ZIP archive, from its central directory (each local header checked too). Throws BackupFileError. */
export async function readArchiveDirectory(source: ByteSource): Promise<Map<string, ArchiveMember>> {
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tail = await source.read(source.size - tailLength, tailLength);
  let end = -1;
  // The end record is the last thing in the file (its comment, if any, runs exactly to the end): a signature inside
  // an attachment's bytes (an attached .docx is a ZIP) is not taken for it.
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === ZIP_END && i + 22 + u16(tail, i + 20) === tail.length) {
      end = i;
      break;
    }
  }
  if (end < 0) throw truncated(sayBackup('why-zip-ends'));
  const count = u16(tail, end + 10);
  const directorySize = u32(tail, end + 12);
  const directoryOffset = u32(tail, end + 16);
  const endAt = source.size - tailLength + end;
  if (directoryOffset + directorySize > endAt) throw damaged(sayBackup('why-zip-outside'));
  const directory = await source.read(directoryOffset, directorySize);
  const members = new Map<string, ArchiveMember>();
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directory.length || u32(directory, at) !== ZIP_CENTRAL)
      throw damaged(sayBackup('why-zip-unreadable'));
    const method = u16(directory, at + 10);
    const compressed = u32(directory, at + 20);
    const size = u32(directory, at + 24);
    const nameLength = u16(directory, at + 28);
    const extraLength = u16(directory, at + 30);
    const commentLength = u16(directory, at + 32);
    const local = u32(directory, at + 42);
    const name = utf8Decoder.decode(directory.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (method !== 0 || compressed !== size) throw damaged(sayBackup('why-zip-compressed', { member: name }));
    if (members.has(name)) throw damaged(sayBackup('why-zip-twice', { member: name }));
    const header = await source.read(local, 30);
    if (header.length < 30 || u32(header, 0) !== ZIP_LOCAL)
      throw damaged(sayBackup('why-zip-misplaced', { member: name }));
    const offset = local + 30 + u16(header, 26) + u16(header, 28);
    if (offset + size > directoryOffset) throw damaged(sayBackup('why-zip-past-end', { member: name }));
    members.set(name, { name, offset, size });
  }
  return members;
}

/** A checked backup, and where each attachment's bytes lie in the file (by attachment id). */
export interface DecodedArchive extends DecodedBackup {
  attachmentMembers: Map<string, ArchiveMember>;
}

/**
 * Read and check a backup file of any format: a ZIP (format 3) through its directory, its rows as decodeBackup reads
 * them, then every attachment's bytes against its sealed row (size and SHA-256), one at a time; a gzip or plain file
 * (formats 1 and 2, which hold no attachments) whole, as before. Throws BackupFileError saying what is wrong and where.
 */
export async function decodeBackupSource(source: ByteSource, options: DecodeOptions): Promise<DecodedArchive> {
  const { members, rowsMember } = await rowsOf(source);
  // Formats 1 and 2 hold no attachments; rows naming files there have nowhere to keep them (members is empty).
  const decoded = await decodeBackup(await source.read(rowsMember.offset, rowsMember.size), options);
  return { ...decoded, attachmentMembers: await checkAttachments(decoded.content, members, source, options) };
}

/**
 * Where a backup file's rows lie: a ZIP's rows member (format 3), or the whole file (formats 1 and 2). Refuses a file
 * too large to read, or an archive without rows.
 */
async function rowsOf(source: ByteSource): Promise<{ members: Map<string, ArchiveMember>; rowsMember: ArchiveMember }> {
  const head = await source.read(0, 4);
  if (!isArchive(head)) {
    if (source.size > MAX_BACKUP_CONTENT_BYTES)
      throw refuseBackup(
        'too-large',
        sayBackup('too-large-not-archive', { size: { bytes: MAX_BACKUP_CONTENT_BYTES } }),
      );
    return { members: new Map(), rowsMember: { name: ROWS_MEMBER, offset: 0, size: source.size } };
  }
  const members = await readArchiveDirectory(source);
  const rows = members.get(ROWS_MEMBER);
  if (!rows)
    throw refuseBackup(
      'not-a-backup',
      sayBackup('not-a-backup', { why: sayBackup('why-zip-without', { member: ROWS_MEMBER }) }),
    );
  if (rows.size > MAX_BACKUP_CONTENT_BYTES)
    throw refuseBackup('too-large', sayBackup('too-large-rows', { size: { bytes: MAX_BACKUP_CONTENT_BYTES } }));
  return { members, rowsMember: rows };
}

/** Every attachment row's bytes in the archive, one at a time; every member named by a row. */
async function checkAttachments(
  content: Pick<BackupContent, 'cases' | 'attachments'>,
  members: Map<string, ArchiveMember>,
  source: ByteSource,
  options: DecodeOptions,
  caseRefs = new Map(content.cases.map((c) => [c.id, c.reference])),
): Promise<Map<string, ArchiveMember>> {
  const attachmentMembers = new Map<string, ArchiveMember>();
  const problems: BackupSaying[] = [];
  const named = new Set<string>([ROWS_MEMBER]);
  for (const row of content.attachments) {
    const where = {
      file: row.fileName,
      reference: caseRefs.get(row.caseId) ?? row.caseId,
    };
    const name = attachmentMember(row.id);
    const member = members.get(name);
    named.add(name);
    if (!member) {
      if (row.deleted?.fileDeleted) continue;
      problems.push(sayBackup('file-missing', where));
      continue;
    }
    if (row.deleted?.fileDeleted) {
      problems.push(sayBackup('file-deleted-but-held', where));
      continue;
    }
    if (member.size !== row.size) {
      problems.push(sayBackup('file-size', where));
      continue;
    }
    const bytes = await source.read(member.offset, member.size);
    if (bytes.length !== member.size || (await options.sha256(bytes)) !== row.sha256) {
      problems.push(sayBackup('file-hash', where));
      continue;
    }
    attachmentMembers.set(row.id, member);
  }
  for (const name of members.keys()) if (!named.has(name)) problems.push(sayBackup('file-not-named', { member: name }));
  if (problems.length) {
    // One problem is the sentence itself; several are counted in it and listed under it (never said twice).
    const listed = problems.length > 1 ? problems.slice(0, 20) : [];
    throw refuseBackup(
      'damaged',
      problems.length > 1
        ? sayBackup('files-damaged-more', { count: { number: problems.length } })
        : sayBackup('files-damaged', { problem: problems[0] }),
      listed.map(backupProblemInEnglish),
      listed,
    );
  }
  return attachmentMembers;
}

/** A file checked by checkBackupSourceRows: where its rows lie in it, and their SHA-256 (to read them again). */
export interface CheckedArchiveRows extends CheckedRows {
  attachmentMembers: Map<string, ArchiveMember>;
  /** The rows member (format 3), or the whole file (formats 1 and 2). */
  rowsMember: ArchiveMember;
  /** The SHA-256 of those bytes as checked: a restore reads them again and compares. */
  rowsSha256: string;
}

/**
 * decodeBackupSource's checks, holding only the small tables (see checkBackupRows): the cases, timelines and letters
 * are handed to `onRows` a chunk at a time. A restore reads them again from `rowsMember`. Throws BackupFileError.
 */
export async function checkBackupSourceRows(
  source: ByteSource,
  options: DecodeOptions & { onRows?: OnRows },
): Promise<CheckedArchiveRows> {
  const { members, rowsMember } = await rowsOf(source);
  const bytes = await source.read(rowsMember.offset, rowsMember.size);
  const rowsSha256 = await options.sha256(bytes);
  // Each case's reference, for naming an attachment's case in a problem.
  const caseRefs = new Map<string, string>();
  const checked = await checkBackupRows(bytes, {
    ...options,
    onRows: async (table, rows, base) => {
      if (table === 'cases') for (const c of rows as BackupContent['cases']) caseRefs.set(c.id, c.reference);
      await options.onRows?.(table, rows, base);
    },
  });
  const attachmentMembers = await checkAttachments(
    { cases: [], attachments: checked.content.attachments },
    members,
    source,
    options,
    caseRefs,
  );
  return { ...checked, attachmentMembers, rowsMember, rowsSha256 };
}

/**
 * Only recognise the file and check its structure and its rows' seal, without parsing rows or reading attachments:
 * cheap enough for the desktop shell before it writes a backup over an older one (formats 1 to 3). Throws
 * BackupFileError.
 */
export async function verifyBackupSource(source: ByteSource, sha256: Sha256): Promise<BackupHeader> {
  if (!isArchive(await source.read(0, 4))) return verifyBackupSeal(await source.read(0, source.size), sha256);
  const members = await readArchiveDirectory(source);
  const rows = members.get(ROWS_MEMBER);
  if (!rows)
    throw refuseBackup(
      'not-a-backup',
      sayBackup('not-a-backup-short', { why: sayBackup('why-zip-without', { member: ROWS_MEMBER }) }),
    );
  for (const name of members.keys())
    if (name !== ROWS_MEMBER && !name.startsWith(ATTACHMENT_MEMBER_PREFIX))
      throw damaged(sayBackup('why-holds-unknown', { member: name }));
  return verifyBackupSeal(await source.read(rows.offset, rows.size), sha256);
}
