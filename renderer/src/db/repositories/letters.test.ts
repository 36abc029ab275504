// recordLettersIssued: a print run's letters recorded in one transaction, each exactly as recordLetterIssued records
// one, and each case's index row the same as refreshCaseIndex would make it.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewCaseParts } from '#shared/model/intake';
import { addressedTo } from '#shared/letters/index';
import { refreshCaseIndex } from '#db/case-index/derive';
import { deskSettings } from '#test/support/desk';
import { customer, newCaseParts } from '#test/support/cases';
import {
  createCase,
  deleteCase,
  recordLetterIssued,
  recordLetterWithdrawn,
  recordLettersIssued,
  sha256Hex,
  type LetterToRecord,
} from './cases';
import { RedressDatabase } from '../schema';
import { countEntries, readTimeline, recordEntries } from '../timeline';
import { recordedMoment } from '#shared/model/case';
import { recordedWithLetter } from '#shared/model/letters-issued';

const settings = deskSettings();
const parts = (name: string, receivedOn = '2026-11-18'): NewCaseParts =>
  newCaseParts({ receivedOn, customer: customer({ name }) });
const clock = { now: () => new Date('2026-11-21T10:00:00Z') };
/** When the cases were logged: before their letters (a letter in the same millisecond would be moved after it). */
const logged = { now: () => new Date('2026-11-21T09:00:00Z') };
const opened: RedressDatabase[] = [];
let n = 0;
function fresh() {
  n += 1;
  const database = new RedressDatabase(`redress-letters-batch-${process.pid}-${n}`);
  opened.push(database);
  return database;
}
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

const letter = (caseId: string, over: Partial<LetterToRecord> = {}): LetterToRecord => ({
  caseId,
  kind: 'acknowledgement',
  fileName: 'x-acknowledgement.pdf',
  issuedOn: '2026-11-21',
  bytes: new TextEncoder().encode(`%PDF-1.7 ${caseId} ${over.kind ?? 'acknowledgement'}`),
  by: 'Sam',
  summary: 'Acknowledgement letter issued (x-acknowledgement.pdf, printed for post in letters-to-post-2026-11-21.pdf)',
  ...over,
});

describe('recordLettersIssued', () => {
  it('records every letter with its exact bytes, checksum and events, and rebuilds each case’s index row', async () => {
    const database = fresh();
    const ada = await createCase(database, parts('Ada Lovelace'), { settings, by: 'Sam', clock: logged });
    const grace = await createCase(database, parts('Grace Hopper', '2026-09-01'), {
      settings,
      by: 'Sam',
      clock: logged,
    });
    const input = [
      // Made from the case as it was read before (another window corrected it since): the date it was made with.
      letter(ada.id, {
        alsoRecord: { type: 'acknowledged', summary: 'Complaint acknowledged by letter' },
        madeWithReceivedOn: '2026-08-30',
        madeForAddress: 'Ada Lovelace\n1 Old Road\nLeeds\nLS1 1AA',
      }),
      letter(grace.id, { alsoRecord: { type: 'acknowledged', summary: 'Complaint acknowledged by letter' } }),
      letter(grace.id, {
        kind: 'adr-letter',
        fileName: 'x-adr-letter.pdf',
        summary: 'ADR letter issued',
        alsoRecord: { type: 'adr-letter-sent', summary: 'ADR letter sent' },
      }),
    ];
    const results = await recordLettersIssued(database, input, clock);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    for (const [i, result] of results.entries()) {
      if (!result.ok) throw new Error(result.error);
      expect(result.row.caseId).toBe(input[i].caseId);
      expect(result.row.sha256).toBe(await sha256Hex(input[i].bytes));
      const stored = await database.letters.get(result.row.id);
      expect(Array.from(stored!.bytes)).toEqual(Array.from(input[i].bytes));
      const event = (await readTimeline(database, input[i].caseId)).find(
        (e) => e.type === 'letter-issued' && e.data?.letterId === result.row.id,
      );
      expect(event?.data).toEqual({
        letterId: result.row.id,
        kind: input[i].kind,
        fileName: input[i].fileName,
        sha256: result.row.sha256,
        // The date received the letter was made with: given, or the case's as recorded.
        receivedOn: input[i].madeWithReceivedOn ?? (await database.cases.get(input[i].caseId))!.receivedOn,
        // Who and where it was addressed to: given, or the case's as recorded.
        addressedTo: input[i].madeForAddress ?? addressedTo((await database.cases.get(input[i].caseId))!),
      });
      expect(event?.summary).toBe(input[i].summary);
    }
    const graceTypes = (await readTimeline(database, grace.id)).map((e) => e.type).sort();
    expect(graceTypes).toEqual(['acknowledged', 'adr-letter-sent', 'letter-issued', 'letter-issued', 'received']);
    expect((await database.cases.get(ada.id))!.updatedAt).toBe('2026-11-21T10:00:00.000Z');

    // The index rows written in the batch are exactly what refreshCaseIndex makes from the stored facts.
    const written = await database.caseIndex.bulkGet([ada.id, grace.id]);
    expect(written.map((r) => r!.acknowledged)).toEqual([1, 1]);
    await database.transaction(
      'rw',
      [database.cases, database.timelines, database.caseIndex, database.reportRows],
      async () => {
        await refreshCaseIndex(database, ada.id);
        await refreshCaseIndex(database, grace.id);
      },
    );
    expect(await database.caseIndex.bulkGet([ada.id, grace.id])).toEqual(written);
  });

  it('a letter issued after an entry a fast clock recorded comes after it with its step, its true moment kept (explore41-clocks #2)', async () => {
    const database = fresh();
    const ada = await createCase(database, parts('Ada Lovelace'), { settings, by: 'Sam', clock: logged });
    const fast = '2026-11-22T09:00:00.000Z'; // another desk's clock, a day ahead
    await database.transaction('rw', database.timelines, () =>
      recordEntries(database, [
        { id: 'fast', caseId: ada.id, type: 'note', on: '2026-11-21', at: fast, by: 'Tom', summary: 'A note' },
      ]),
    );
    const issued = await recordLetterIssued(
      database,
      ada.id,
      letter(ada.id, { alsoRecord: { type: 'acknowledged', summary: 'Complaint acknowledged by letter' } }),
      clock,
    );
    const timeline = await readTimeline(database, ada.id);
    expect(timeline.map((e) => e.type)).toEqual(['received', 'note', 'letter-issued', 'acknowledged']);
    const [issuedEntry, step] = timeline.slice(2);
    expect([issuedEntry!.at, step!.at]).toEqual(['2026-11-22T09:00:00.001Z', '2026-11-22T09:00:00.001Z']);
    expect([recordedMoment(issuedEntry!), recordedMoment(step!)]).toEqual([
      '2026-11-21T10:00:00.000Z',
      '2026-11-21T10:00:00.000Z',
    ]);
    // Still the step the letter recorded beside itself.
    expect(recordedWithLetter(timeline, issued.id)?.id).toBe(step!.id);
  });

  it('stores the same as recordLetterIssued does for one letter', async () => {
    const one = fresh();
    const many = fresh();
    const a = await createCase(one, parts('Ada Lovelace'), { settings, by: 'Sam', clock });
    const b = await createCase(many, parts('Ada Lovelace'), { settings, by: 'Sam', clock });
    const input = letter(a.id, { alsoRecord: { type: 'acknowledged', summary: 'Complaint acknowledged by letter' } });
    const single = await recordLetterIssued(one, a.id, input, clock);
    const [batch] = await recordLettersIssued(many, [{ ...input, caseId: b.id }], clock);
    if (!batch.ok) throw new Error(batch.error);
    const strip = <T extends { id: string; caseId: string }>(row: T) => ({ ...row, id: '', caseId: '' });
    expect(strip(batch.row)).toEqual(strip(single));
    const shape = async (database: RedressDatabase, caseId: string) =>
      (await readTimeline(database, caseId))
        .map((e) => ({
          type: e.type,
          on: e.on,
          at: e.at,
          by: e.by,
          summary: e.summary,
          kind: e.data?.kind,
          sha256: e.data?.sha256,
        }))
        .sort((x, y) => x.type.localeCompare(y.type));
    expect(await shape(many, b.id)).toEqual(await shape(one, a.id));
    const { caseId: _a, ...rowOne } = (await one.caseIndex.get(a.id))!;
    const { caseId: _b, ...rowMany } = (await many.caseIndex.get(b.id))!;
    expect({ ...rowMany, reference: '', search: '' }).toEqual({ ...rowOne, reference: '', search: '' });
  });

  it('leaves out, with the reason, a letter whose case has gone, and records the rest', async () => {
    const database = fresh();
    const kept = await createCase(database, parts('Ada Lovelace'), { settings, by: 'Sam', clock });
    const gone = await createCase(database, parts('Grace Hopper'), { settings, by: 'Sam', clock });
    await deleteCase(database, gone.id);
    const results = await recordLettersIssued(database, [letter(gone.id), letter(kept.id)], clock);
    expect(results[0]).toEqual({ ok: false, error: `No case with id ${gone.id}` });
    expect(results[1].ok).toBe(true);
    expect(await database.letters.count()).toBe(1);
    expect((await readTimeline(database, gone.id)).length).toBe(0);
    expect(await database.caseIndex.get(gone.id)).toBeUndefined();
  });

  it('records nothing of the batch when the transaction fails', async () => {
    const database = fresh();
    const record = await createCase(database, parts('Ada Lovelace'), { settings, by: 'Sam', clock });
    // An event IndexedDB cannot store (a symbol cannot be cloned) fails the write after the letters were added.
    const bad = { ...letter(record.id), summary: Symbol('not storable') as unknown as string };
    await expect(recordLettersIssued(database, [letter(record.id), bad], clock)).rejects.toThrow();
    expect(await database.letters.count()).toBe(0);
    expect((await readTimeline(database, record.id)).map((e) => e.type)).toEqual(['received']);
  });

  it('does nothing for an empty batch', async () => {
    expect(await recordLettersIssued(fresh(), [], clock)).toEqual([]);
  });
});

describe('recordLetterWithdrawn', () => {
  it('adds a letter-withdrawn entry naming the letter; the letter keeps its exact bytes and checksum', async () => {
    const database = fresh();
    const ada = await createCase(database, parts('Ada Lovelace'), { settings, by: 'Sam', clock });
    const issued = await recordLetterIssued(database, ada.id, letter(ada.id), clock);
    const before = await database.letters.get(issued.id);
    const entry = await recordLetterWithdrawn(
      database,
      ada.id,
      issued.id,
      { on: '2026-11-22', by: 'Kim Lee', reason: 'Addressed to the old flat' },
      { now: () => new Date('2026-11-22T09:00:00Z') },
    );
    expect(entry).toMatchObject({
      caseId: ada.id,
      type: 'letter-withdrawn',
      on: '2026-11-22',
      at: '2026-11-22T09:00:00.000Z',
      by: 'Kim Lee',
      data: {
        letterId: issued.id,
        kind: 'acknowledgement',
        sha256: issued.sha256,
        reason: 'Addressed to the old flat',
      },
    });
    const after = await database.letters.get(issued.id);
    expect(after).toEqual(before);
    expect(after!.sha256).toBe(await sha256Hex(after!.bytes));
    const events = await readTimeline(database, ada.id);
    expect(events.filter((e) => e.type === 'letter-issued')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'letter-withdrawn')).toHaveLength(1);
  });

  it('refuses without a reason, twice, or for another case’s letter, and records nothing', async () => {
    const database = fresh();
    const ada = await createCase(database, parts('Ada Lovelace'), { settings, by: 'Sam', clock });
    const grace = await createCase(database, parts('Grace Hopper'), { settings, by: 'Sam', clock });
    const issued = await recordLetterIssued(database, ada.id, letter(ada.id), clock);
    const count = () => countEntries(database);
    const n = await count();
    await expect(
      recordLetterWithdrawn(database, ada.id, issued.id, { on: '2026-11-22', by: 'Kim', reason: ' ' }),
    ).rejects.toThrow('Say why the letter is withdrawn.');
    await expect(
      recordLetterWithdrawn(database, grace.id, issued.id, { on: '2026-11-22', by: 'Kim', reason: 'Wrong' }),
    ).rejects.toThrow('not one of the case’s letters');
    expect(await count()).toBe(n);
    await recordLetterWithdrawn(database, ada.id, issued.id, { on: '2026-11-22', by: 'Kim', reason: 'Wrong' });
    await expect(
      recordLetterWithdrawn(database, ada.id, issued.id, { on: '2026-11-23', by: 'Kim', reason: 'Again' }),
    ).rejects.toThrow('already withdrawn');
    expect(await count()).toBe(n + 1);
  });
});
