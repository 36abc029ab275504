// A backup read like input from a stranger (issue #12, finding 8): the seal is checked before any row is parsed, and
// a file larger or more deeply nested than any backup Redress makes is refused early (the bytes read before the
// refusal are counted), within a bound of memory, with a message that says why. Bombs are built here as raw deflate
// blocks repeated (each block flushed, so it refers to nothing before it): a gigabyte of inflated data without a
// gigabyte of memory or a minute of deflate.
import { Gunzip, strFromU8, strToU8 } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BackupFileError,
  decodeBackup,
  encodeBackup,
  MAX_BACKUP_CONTENT_BYTES,
  MAX_BACKUP_JSON_DEPTH,
  MAX_BACKUP_LINE_BYTES,
  MAX_BACKUP_LINES,
  nestedDeeperThan,
  verifyBackupSeal,
} from './format';
import { gzipRepeated } from '#test/support/bombs';
import { sha256Hex } from '#test/support/backup-content';

const sha256 = sha256Hex;
const options = { sha256, currentSchemaVersion: 3 };
const MB = 1024 * 1024;

const HEADER = JSON.stringify({
  format: 'redress-backup',
  formatVersion: 2,
  schemaVersion: 3,
  madeAt: '2026-11-22T14:30:00.000Z',
  counts: { cases: 0, events: 0, counters: 0, settings: 0, letters: 0, people: 0, notified: 0, audit: 0, meta: 0 },
});

/**
 * Decode `file`, returning the refusal, how much the process's peak memory grew (MB), and how many of the file's
 * bytes were handed to the inflater before it was refused (`readBytes`): what proves a refusal stopped reading, where
 * a clock would only say it was quick on this machine. The time is logged, not asserted (speed is for benchmarks).
 */
async function measured(
  file: Uint8Array,
): Promise<{ error: BackupFileError; peakGrowthMb: number; readBytes: number }> {
  const peakBefore = process.resourceUsage().maxRSS / 1024;
  const started = performance.now();
  // A spy calls through: it only records what was pushed.
  const pushed = vi.spyOn(Gunzip.prototype, 'push');
  let error: unknown = null;
  try {
    await decodeBackup(file, options);
  } catch (e) {
    error = e;
  }
  const readBytes = pushed.mock.calls.reduce((sum, [chunk]) => sum + chunk.length, 0);
  vi.restoreAllMocks();
  const seconds = (performance.now() - started) / 1000;
  const peakGrowthMb = process.resourceUsage().maxRSS / 1024 - peakBefore;
  if (!(error instanceof BackupFileError)) throw new Error(`expected a BackupFileError, got ${String(error)}`);
  console.info(
    `${error.kind}: ${seconds.toFixed(1)} s, peak memory +${peakGrowthMb.toFixed(0)} MB, read ${(readBytes / MB).toFixed(2)} of ${(file.length / MB).toFixed(1)} MB: ${error.message}`,
  );
  return { error, peakGrowthMb, readBytes };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('backup limits', () => {
  it('parses no row before the seal matches: only the header and the seal line go through JSON.parse', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: `digest:${i}`, at: '2026-11-19T08:00:00.000Z' }));
    const lines = [HEADER, ...Array.from({ length: 20 }, () => JSON.stringify({ table: 'notified', rows }))];
    const file = strToU8(`${lines.join('\n')}\n${JSON.stringify({ sha256: '0'.repeat(64) })}\n`);
    const parse = vi.spyOn(JSON, 'parse');
    await expect(decodeBackup(file, options)).rejects.toMatchObject({ kind: 'checksum' });
    expect(parse.mock.calls.length).toBeLessThanOrEqual(2);
    expect(parse.mock.calls.every(([text]) => !String(text).includes('"table"'))).toBe(true);
  });

  it('counts nesting by scanning brackets outside strings', () => {
    const deep = (n: number) => strToU8(`${'['.repeat(n)}${']'.repeat(n)}`);
    expect(nestedDeeperThan(deep(64), 64)).toBe(false);
    expect(nestedDeeperThan(deep(65), 64)).toBe(true);
    expect(nestedDeeperThan(strToU8(`{"a":"${'['.repeat(500)}\\"{{{"}`), 2)).toBe(false);
    expect(nestedDeeperThan(strToU8(`{"a":"\\\\",${'['.repeat(3)}1]]]}`), 3)).toBe(true);
    expect(nestedDeeperThan(strToU8('{"é[":{"ü":[1,{"x":[]}]}}'), 5)).toBe(false);
    expect(nestedDeeperThan(strToU8('{"é[":{"ü":[1,{"x":[]}]}}'), 4)).toBe(true);
  });

  it('refuses values nested 10,000 deep, sealed correctly, before JSON.parse, saying so', async () => {
    const deep = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    const content = {
      cases: [],
      events: [],
      counters: [],
      settings: [],
      letters: [],
      people: [],
      notified: [],
      audit: [],
      meta: [{ key: 'x', value: 1 }],
      attachments: [],
      providers: [],
      procedures: [],
    };
    const file = await encodeBackup(content, {
      madeAt: '2026-11-22T14:30:00.000Z',
      schemaVersion: 3,
      sha256,
      compress: false,
    });
    // The deep value put in by hand (the writer refuses it), and the file sealed again correctly.
    const lines = strFromU8(file).split('\n');
    const meta = lines.findIndex((l) => l.startsWith('{"table":"meta"'));
    lines[meta] = lines[meta].replace('"value":1', `"value":${deep}`);
    const body = lines.slice(0, -2);
    let hashes = '';
    for (const line of body) hashes += `${await sha256(strToU8(`${line}\n`))}\n`;
    const sealed = strToU8(`${body.join('\n')}\n${JSON.stringify({ sha256: await sha256(strToU8(hashes)) })}\n`);
    const refusal = await decodeBackup(sealed, options).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(BackupFileError);
    expect(refusal).toMatchObject({ kind: 'too-large' });
    expect((refusal as Error).message).toContain(`more than ${MAX_BACKUP_JSON_DEPTH} deep`);
  });

  it('never writes a file its restore would refuse: a row nested too deep is refused when the backup is made', async () => {
    const content = {
      cases: [],
      events: [],
      counters: [],
      settings: [],
      letters: [],
      people: [],
      notified: [],
      audit: [],
      meta: [{ key: 'x', value: JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`) as unknown }],
      attachments: [],
      providers: [],
      procedures: [],
    };
    await expect(
      encodeBackup(content, { madeAt: '2026-11-22T14:30:00.000Z', schemaVersion: 3, sha256 }),
    ).rejects.toThrow(/a row of meta is nested more than 64 deep/);
  });

  it('refuses a decompression bomb of rows with a wrong seal at the seal, without parsing a row, within bounds', async () => {
    // Some 256 MB of rows that look like a backup's (the kind of 3 MB hand-made file that once took 42 s and 3.3 GB).
    const row = JSON.stringify({ id: 'digest:2026-11-19', at: '2026-11-19T08:00:00.000Z' });
    const line = strToU8(
      `${JSON.stringify({ table: 'notified', rows: [] }).replace(
        '[]',
        `[${Array(Math.floor(MB / (row.length + 1)))
          .fill(row)
          .join(',')}]`,
      )}\n`,
    );
    const file = gzipRepeated(
      strToU8(`${HEADER}\n`),
      line,
      256,
      strToU8(`${JSON.stringify({ sha256: '0'.repeat(64) })}\n`),
    );
    expect(file.length).toBeLessThan(4 * MB);
    const { error, peakGrowthMb } = await measured(file);
    expect(error.kind).toBe('checksum');
    expect(peakGrowthMb).toBeLessThan(400);
  }, 120_000);

  it(`refuses a bomb that inflates past ${MAX_BACKUP_CONTENT_BYTES / 1024 ** 3} GB at the limit, within bounds`, async () => {
    const line = strToU8(`${'a'.repeat(16 * MB - 1)}\n`);
    const file = gzipRepeated(strToU8(`${HEADER}\n`), line, MAX_BACKUP_CONTENT_BYTES / (16 * MB) + 2, strToU8('\n'));
    const { error, peakGrowthMb } = await measured(file);
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(/inflates to more than 1 GB/);
    expect(peakGrowthMb).toBeLessThan(400);
  }, 240_000);

  it(`refuses a line longer than ${MAX_BACKUP_LINE_BYTES / MB} MB as soon as it passes the limit, not at the end of the file`, async () => {
    // One line of 1 GB: nothing may hold it.
    const unit = strToU8('a'.repeat(16 * MB));
    const file = gzipRepeated(strToU8(`${HEADER}\n`), unit, 63, strToU8('\n{"sha256":"00"}\n'));
    const { error, peakGrowthMb, readBytes } = await measured(file);
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain(`line 2 is longer than ${MAX_BACKUP_LINE_BYTES / MB} MB`);
    expect(peakGrowthMb).toBeLessThan(200);
    // Stopped near the 32 MB of the 1 GB it inflates to: a reader that went on to the end would have read it all.
    expect(readBytes).toBeLessThan(file.length / 8);
    // The desktop shell's check before it keeps a backup is the same pass.
    await expect(verifyBackupSeal(file, sha256)).rejects.toMatchObject({ kind: 'too-large' });
  }, 60_000);

  it(`refuses a file of more than ${MAX_BACKUP_LINES.toLocaleString('en-GB')} lines (a flood of empty lines) at that line`, async () => {
    const file = gzipRepeated(strToU8(`${HEADER}\n`), strToU8('\n'.repeat(MB)), 64, strToU8(''));
    const { error, readBytes } = await measured(file);
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain(`more than ${MAX_BACKUP_LINES.toLocaleString('en-GB')} lines`);
    // The limit is passed within the first of 64 MB of newlines.
    expect(readBytes).toBeLessThan(file.length / 2);
  }, 60_000);

  it('says a huge first line is not a backup header, without reading on', async () => {
    const file = gzipRepeated(strToU8('{"format":"redress-backup",'), strToU8(' '.repeat(16 * MB)), 8, strToU8('}\n'));
    const { error, readBytes } = await measured(file);
    expect(error.kind).toBe('not-a-backup');
    expect(readBytes).toBeLessThan(file.length / 4);
  }, 60_000);
});
