// The backup archive (format 3): the rows and each attachment's exact bytes, written a piece at a time and read
// through the ZIP's directory; a member changed, missing or added is refused by name; older files still read.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { customer } from '#test/support/cases';
import { deskSettings } from '#test/support/desk';
import {
  attachmentMember,
  bytesSource,
  decodeBackupSource,
  ROWS_MEMBER,
  verifyBackupSource,
  writeArchive,
} from './archive';
import { type BackupAttachment, type BackupContent, BackupFileError, encodeBackup } from './format';
import { concat } from './gzip';
import { sha256Hex } from '#test/support/backup-content';

const sha256 = sha256Hex;
const options = { sha256, currentSchemaVersion: 99 };
const madeAt = '2026-12-02T09:00:00.000Z';
// 3 MB and a bit: more than one piece; random, so nothing in it can be taken for a ZIP structure by luck.
const scan = new Uint8Array(randomBytes(3 * 1024 * 1024 + 17));
// An attached .docx is itself a ZIP: its signatures must not confuse the reader.
const docx = concat([
  new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
  new Uint8Array(randomBytes(500)),
  new Uint8Array([0x50, 0x4b, 0x05, 0x06, 0, 0]),
]);

function attachment(
  id: string,
  bytes: Uint8Array,
  hash: string,
  extra: Partial<BackupAttachment> = {},
): BackupAttachment {
  return {
    id,
    caseId: 'c1',
    fileName: `${id}.pdf`,
    fileType: 'pdf',
    mime: 'application/pdf',
    size: bytes.length,
    sha256: hash,
    kind: 'customer-letter',
    note: '',
    addedBy: 'Sam Patel',
    addedAt: '2026-11-18T10:05:00.000Z',
    ...extra,
  };
}

async function content(): Promise<BackupContent> {
  return {
    cases: [
      {
        id: 'c1',
        reference: 'RDR-2026-000001',
        receivedOn: '2026-11-18',
        channel: 'letter',
        customer: customer(),
        category: 'billing',
        summary: 'Charged twice',
        procedureId: 'ofcom',
        calendar: 'england-and-wales',
        stage: '',
        status: 'open',
        assignee: 'Sam Patel',
        createdAt: '2026-11-18T10:00:00.000Z',
        updatedAt: '2026-11-18T10:00:00.000Z',
      },
    ],
    events: [],
    counters: [{ key: 'RDR-2026', last: 1 }],
    settings: [{ key: 'desk', value: deskSettings() }],
    providers: [],
    procedures: [],
    letters: [],
    people: [],
    notified: [],
    audit: [],
    meta: [],
    attachments: [
      attachment('a1', scan, await sha256(scan)),
      attachment('a2', docx, await sha256(docx), { fileType: 'docx', fileName: 'offer.docx' }),
      // Removed with its file deleted: a row without bytes.
      attachment('a3', new Uint8Array(0), '0'.repeat(64), {
        size: 10,
        deleted: { at: '2026-11-19T10:00:00.000Z', by: 'Sam Patel', reason: 'Another customer’s', fileDeleted: true },
      }),
    ],
  } as BackupContent;
}

const files: Record<string, Uint8Array> = { a1: scan, a2: docx };

async function archiveOf(
  c: BackupContent,
  bytesOf: Record<string, Uint8Array> = files,
  extra: { id: string; bytes: Uint8Array }[] = [],
): Promise<Uint8Array> {
  const rows = await encodeBackup(c, { madeAt, schemaVersion: 8, sha256 });
  const pieces: Uint8Array[] = [];
  const members = [...Object.entries(bytesOf).map(([id, bytes]) => ({ id, bytes })), ...extra].map(({ id, bytes }) => ({
    id,
    // In pieces of 1 MB, as a Blob is read.
    pieces: (function* () {
      for (let at = 0; at < bytes.length; at += 1024 * 1024) yield bytes.subarray(at, at + 1024 * 1024);
    })(),
  }));
  for await (const piece of writeArchive(rows, members, { madeAt })) pieces.push(piece.slice());
  return concat(pieces);
}

async function refusal(promise: Promise<unknown>): Promise<BackupFileError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupFileError);
  return error as BackupFileError;
}

describe('the backup archive (format 3)', () => {
  it('holds the rows and every attachment byte for byte, readable by any ZIP tool and by Redress', async () => {
    const c = await content();
    const file = await archiveOf(c);
    // Inspectable: a plain ZIP with the rows and one member per attachment that has bytes.
    const unzipped = unzipSync(file);
    expect(Object.keys(unzipped).sort()).toEqual([attachmentMember('a1'), attachmentMember('a2'), ROWS_MEMBER]);
    expect(Buffer.from(unzipped[attachmentMember('a1')]).equals(Buffer.from(scan))).toBe(true);

    const decoded = await decodeBackupSource(bytesSource(file), options);
    expect(decoded.header.formatVersion).toBe(3);
    expect(decoded.header.counts.attachments).toBe(3);
    expect(decoded.content.attachments).toEqual(c.attachments);
    for (const [id, bytes] of Object.entries(files)) {
      const member = decoded.attachmentMembers.get(id)!;
      const read = file.subarray(member.offset, member.offset + member.size);
      expect(await sha256(read)).toBe(await sha256(bytes));
    }
    expect(decoded.attachmentMembers.has('a3')).toBe(false);
    expect((await verifyBackupSource(bytesSource(file), sha256)).formatVersion).toBe(3);
  });

  it('refuses a damaged attachment by name, and one missing or one no row names', async () => {
    const c = await content();
    const file = await archiveOf(c);
    const decoded = await decodeBackupSource(bytesSource(file), options);
    const member = decoded.attachmentMembers.get('a1')!;
    const damaged = file.slice();
    damaged[member.offset + 1_000_000] ^= 0x01;
    const error = await refusal(decodeBackupSource(bytesSource(damaged), options));
    expect(error.kind).toBe('damaged');
    // Said once, in plain words (explore39 #6): no `attachments[3]`, no SHA-256, and no list repeating the sentence.
    expect(error.message).toBe(
      'The file a1.pdf on case RDR-2026-000001 is damaged in this backup: nothing was restored. Use another copy of the backup.',
    );
    expect(error.problems).toEqual([]);

    const missing = await refusal(decodeBackupSource(bytesSource(await archiveOf(c, { a2: docx })), options));
    expect(missing.message).toBe(
      'The file a1.pdf on case RDR-2026-000001 is missing from this backup: nothing was restored. Use another copy of the backup.',
    );

    const stranger = await archiveOf(c, files, [{ id: 'zz', bytes: new Uint8Array([1, 2, 3]) }]);
    expect((await refusal(decodeBackupSource(bytesSource(stranger), options))).message).toContain(
      'This backup holds a file that no case names (attachments/zz)',
    );
    // Several: counted in the sentence, each listed once under it.
    const several = await refusal(decodeBackupSource(bytesSource(await archiveOf(c, {})), options));
    expect(several.message).toBe(
      'Files in this backup are damaged or missing (2), so nothing was restored. Use another copy of the backup.',
    );
    expect(several.problems).toEqual([
      'The file a1.pdf on case RDR-2026-000001 is missing from this backup',
      expect.stringMatching(/^The file .+ on case RDR-2026-\d{6} is missing from this backup$/),
    ]);

    const cut = await refusal(decodeBackupSource(bytesSource(file.subarray(0, file.length - 30)), options));
    expect(cut.kind).toBe('truncated');
  });

  it('refuses rows whose files are not there when the file is not an archive (a format-2 layout naming attachments)', async () => {
    const c = await content();
    const rows = await encodeBackup(c, { madeAt, schemaVersion: 8, sha256 });
    const error = await refusal(decodeBackupSource(bytesSource(rows), options));
    expect(error.message).toMatch(/^Files in this backup are damaged or missing \(\d\)/);
    expect(error.problems[0]).toContain('is missing from this backup');
  });

  it('still reads the files of formats 1 and 2, which hold no attachments', async () => {
    for (const name of ['backup-format-1.redress-backup', 'backup-format-2.redress-backup']) {
      const bytes = new Uint8Array(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url)));
      const decoded = await decodeBackupSource(bytesSource(bytes), options);
      expect(decoded.content.cases.length, name).toBeGreaterThan(0);
      expect(decoded.content.attachments).toEqual([]);
      expect(decoded.attachmentMembers.size).toBe(0);
    }
  });

  it('stops with the reason rather than write an archive larger than a ZIP can address', async () => {
    const rows = await encodeBackup(await content(), { madeAt, schemaVersion: 8, sha256 });
    const run = async () => {
      for await (const _ of writeArchive(rows, [{ id: 'a1', pieces: [scan] }], { madeAt, maxBytes: 1024 * 1024 }));
    };
    await expect(run()).rejects.toThrow(/larger than 1(\.0)? MB, more than one backup file can hold/);
  });
});
