import 'fake-indexeddb/auto';
import Dexie, { type Table } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { together } from './together';

class Scratch extends Dexie {
  a!: Table<{ id: string }, string>;
  b!: Table<{ id: string }, string>;
  constructor() {
    super(`together-${crypto.randomUUID()}`);
    this.version(1).stores({ a: 'id', b: 'id' });
  }
}

let database: Scratch;
afterEach(async () => {
  database?.close();
  await database?.delete();
});

describe('together', () => {
  it('awaits requests asked at once and keeps the transaction for the writes after them', async () => {
    database = new Scratch();
    // The shape of refreshCaseIndex: an async helper that reads, then awaits requests asked together, in a loop
    // between other writes. (With the app's database and its middlewares, a native Promise.all here lost the
    // transaction: queries.test.ts and the restore tests failed with PrematureCommitError. This bare database does not.)
    const helper = async (round: number) => {
      await database.a.get('none');
      await together([database.a.bulkAdd([{ id: `a${round}` }]), database.b.bulkAdd([{ id: `b${round}` }])]);
    };
    await database.transaction('rw', database.a, database.b, async () => {
      for (let round = 0; round < 3; round += 1) {
        await database.a.add({ id: `before${round}` });
        await helper(round);
        await database.a.add({ id: `after${round}` });
      }
    });
    expect(await database.a.count()).toBe(9);
    expect(await database.b.count()).toBe(3);
  });

  it('throws the first failure, and the transaction writes nothing', async () => {
    database = new Scratch();
    await database.a.add({ id: 'taken' });
    const unhandled: unknown[] = [];
    const note = (event: PromiseRejectionEvent | unknown) => unhandled.push(event);
    process.on('unhandledRejection', note);
    try {
      await expect(
        database.transaction('rw', database.a, database.b, () =>
          together([
            database.b.bulkAdd([{ id: 'one' }]),
            database.a.bulkAdd([{ id: 'taken' }]),
            database.b.add({ id: 'two' }),
          ]),
        ),
      ).rejects.toThrow(/taken|Key already exists|ConstraintError|BulkError/);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', note);
    }
    expect(unhandled).toEqual([]);
    expect(await database.b.count()).toBe(0);
    expect(await database.a.count()).toBe(1);
  });
});
