// Where the push may start (push-start.ts): only past what this desk wrote and the push has sent. The records are kept
// in a real (fake-indexeddb) Dexie database beside a PouchDB in memory; the replication itself is in team.test.ts.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, freshDatabase } from '#test/support/backup';
import { memoryPouch } from '#test/support/pouch';
import { SHARING_META_KEYS } from '#db/outbox';
import type { RedressDatabase } from '#db/schema';
import type { PouchDatabase, PouchDoc } from './pouch';
import {
  changedSinceSent,
  forgetRefused,
  forgetSent,
  lastSentOwn,
  pushStart,
  recordOwnWrite,
  recordPushSent,
  serverLacks,
  startOwnRecord,
  WRITING,
} from './push-start';

afterEach(closeAll);

/** `count` documents as the pull writes them: another desk's, with their revisions as the server gave them. */
async function pulled(local: PouchDatabase, count: number, prefix = 'entry:pulled'): Promise<void> {
  const docs = Array.from({ length: count }, (_, i) => ({
    _id: `${prefix}-${i}`,
    _rev: `1-${String(i).padStart(32, '0')}`,
    writer: 'desk-a',
    body: { i },
  }));
  await local.bulkDocs(docs as PouchDoc[], { new_edits: false });
}

/** This desk's own documents, written the bridge's way. */
function own(database: RedressDatabase, local: PouchDatabase, ids: string[]) {
  return recordOwnWrite(database, local, ids, () =>
    local.bulkDocs(ids.map((_id) => ({ _id, writer: 'desk-b', body: {} }))),
  );
}

const seq = async (local: PouchDatabase) => (await local.info()).update_seq as number;

async function joined(): Promise<{ database: RedressDatabase; local: PouchDatabase }> {
  const database = freshDatabase('push-start');
  const local = memoryPouch('push-start');
  await startOwnRecord(database, local);
  return { database, local };
}

describe('where the push starts', () => {
  it("a desk that has written nothing skips the team's documents it downloaded", async () => {
    const { database, local } = await joined();
    await pulled(local, 40);
    expect(await pushStart(database, local)).toBe(40);
  });

  it("skips only once what this desk wrote is sent; a change made after waits for the push's next checkpoint", async () => {
    const { database, local } = await joined();
    await own(database, local, ['case:1', 'entry:1']);
    await pulled(local, 30);
    // Written here (sequences 1 and 2), not yet sent: the push must start from its own checkpoint.
    expect(await pushStart(database, local)).toBeUndefined();
    await recordPushSent(database, local, 2);
    expect(await pushStart(database, local)).toBe(32);

    await own(database, local, ['case:2']);
    await pulled(local, 5, 'entry:later');
    // case:2 (sequence 33) waits: the push starts just before it, past the 30 documents the pull wrote.
    expect(await pushStart(database, local)).toBe(32);
    await recordPushSent(database, local, 33);
    expect(await pushStart(database, local)).toBe(38);
    // A late report of an earlier checkpoint does not take the record back.
    await recordPushSent(database, local, 2);
    expect(await pushStart(database, local)).toBe(38);
  });

  it('with changes of its own waiting, starts just before the first of them, never past one', async () => {
    const { database, local } = await joined();
    await own(database, local, ['case:1']);
    await recordPushSent(database, local, 1);
    // A download, then changes made while the server cannot be reached: none of them sent.
    await pulled(local, 50);
    await own(database, local, ['case:2', 'entry:2']); // sequences 52 and 53
    await pulled(local, 10, 'entry:meanwhile');
    await own(database, local, ['case:3']); // sequence 64, made while the others wait
    expect(await pushStart(database, local)).toBe(51);
    // The push's checkpoint past the first change only: from that checkpoint (the second change lies past it).
    await recordPushSent(database, local, 53);
    expect(await pushStart(database, local)).toBeUndefined();
    // All sent, nothing past the checkpoint; the next change is the first to wait, past what the pull wrote before it.
    await recordPushSent(database, local, 64);
    expect(await pushStart(database, local)).toBeUndefined();
    await pulled(local, 5, 'entry:after');
    await own(database, local, ['case:4']);
    expect(await pushStart(database, local)).toBe(69);
  });

  it('with changes waiting and no record of where the first began, starts from its checkpoint', async () => {
    const { database, local } = await joined();
    await own(database, local, ['case:1']);
    await pulled(local, 20);
    // A desk from before the record: the bound of what it wrote, and a checkpoint below it, but no start of the first.
    await database.meta.delete(SHARING_META_KEYS.unsentFromSeq);
    expect(await pushStart(database, local)).toBeUndefined();
    // A record of another copy is no record either.
    await database.meta.put({ key: SHARING_META_KEYS.unsentFromSeq, value: { copy: 'another-copy', seq: 15 } });
    expect(await pushStart(database, local)).toBeUndefined();
  });

  it('records the sequence of its own documents, not of what the pull wrote beside them', async () => {
    const { database, local } = await joined();
    await pulled(local, 3);
    await recordOwnWrite(database, local, ['case:9'], async () => {
      const written = await local.bulkDocs([{ _id: 'case:9', writer: 'desk-b', body: {} }]);
      await pulled(local, 20, 'entry:meanwhile'); // the download goes on meanwhile
      return written;
    });
    // case:9 took sequence 4; the push's checkpoint at 4 is enough to skip the other desk's 20.
    await recordPushSent(database, local, 4);
    expect(await pushStart(database, local)).toBe(24);
  });

  it('a write cut off (the app closed half-way) is never skipped, nor anything before it', async () => {
    const { database, local } = await joined();
    await own(database, local, ['case:1']);
    await recordPushSent(database, local, 1);
    // What a crash between the record and the end of the write leaves: WRITING, and the document in the copy.
    await database.meta.put({ key: SHARING_META_KEYS.ownWrittenSeq, value: { copy: local.name, seq: WRITING } });
    await local.bulkDocs([{ _id: 'case:2', writer: 'desk-b', body: {} }]);
    await pulled(local, 10);
    await recordPushSent(database, local, 1);
    expect(await pushStart(database, local)).toBeUndefined();
    // The next write records a bound again, above the cut-off one's document (sequence 2).
    await own(database, local, ['case:3']);
    await pulled(local, 5, 'entry:later');
    await recordPushSent(database, local, 12);
    expect(await pushStart(database, local)).toBeUndefined();
    await recordPushSent(database, local, 13); // case:3's
    expect(await pushStart(database, local)).toBe(18);
  });

  it('writes asked for at once are recorded one after the other', async () => {
    const { database, local } = await joined();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first write's document is in (sequence 1); the write ends later.
    const first = recordOwnWrite(database, local, ['case:1'], async () => {
      const written = await local.bulkDocs([{ _id: 'case:1', writer: 'desk-b', body: {} }]);
      await held;
      return written;
    });
    const second = own(database, local, ['case:2']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await Promise.all([first, second]);
    // Had the second been recorded while the first was under way, the first's record (1) would have ended below
    // case:2's sequence (2), and a checkpoint at 1 would have let the push skip case:2.
    await pulled(local, 3);
    await recordPushSent(database, local, 1);
    expect(await pushStart(database, local)).toBeUndefined();
    await recordPushSent(database, local, 2);
    expect(await pushStart(database, local)).toBe(5);
  });

  it('a write that fails part-way is recorded as far as it went', async () => {
    const { database, local } = await joined();
    await expect(
      recordOwnWrite(database, local, ['case:1'], async () => {
        await local.bulkDocs([{ _id: 'case:1', writer: 'desk-b', body: {} }]);
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    await pulled(local, 5);
    expect(await pushStart(database, local)).toBeUndefined();
    await recordPushSent(database, local, 1);
    expect(await pushStart(database, local)).toBe(6);
  });

  it("starts from the push's checkpoint with no record for this copy: an older desk, or another copy's record", async () => {
    const database = freshDatabase('push-start');
    const local = memoryPouch('push-start');
    await pulled(local, 10);
    await startOwnRecord(database, local); // not empty: what it holds may include this desk's unsent writes
    expect(await pushStart(database, local)).toBeUndefined();

    const { database: other, local: fresh } = await joined();
    await pulled(fresh, 10);
    const name = { ...fresh, name: 'another-copy' } as PouchDatabase;
    expect(await pushStart(other, fresh)).toBe(10);
    expect(await pushStart(other, name)).toBeUndefined();
    expect(await seq(fresh)).toBe(10);
  });

  it('a write refused whole (another revision came first) leaves the bound where it was', async () => {
    const { database, local } = await joined();
    await own(database, local, ['case:1']);
    await recordPushSent(database, local, 1);
    await pulled(local, 4);
    const [refused] = await own(database, local, ['case:1']); // no revision given: a conflict, nothing written
    expect(refused.ok).toBeFalsy();
    expect(await pushStart(database, local)).toBe(5);
  });

  it('nothing to skip past the checkpoint: no start of its own', async () => {
    const { database, local } = await joined();
    expect(await pushStart(database, local)).toBeUndefined(); // empty
    await own(database, local, ['case:1']);
    await recordPushSent(database, local, 1);
    expect(await pushStart(database, local)).toBeUndefined();
  });
});

describe('what may not have reached the server (a desk leaving its team)', () => {
  const wanted = new Set(['case:1', 'case:2', 'case:3']);

  it('is what changed past the push’s last checkpoint, among the documents asked about', async () => {
    const { database, local } = await joined();
    await own(database, local, ['case:1', 'case:2']);
    // No checkpoint yet: everything changed since the copy began.
    expect(await changedSinceSent(database, local, wanted)).toEqual(new Set(['case:1', 'case:2']));
    await recordPushSent(database, local, 2);
    await pulled(local, 3, 'case:pulled');
    // case:2 changed again here, after its first revision was sent.
    const { _rev } = await local.get('case:2');
    await recordOwnWrite(database, local, ['case:2', 'entry:1'], () =>
      local.bulkDocs([
        { _id: 'case:2', _rev, writer: 'desk-b', body: { again: true } },
        { _id: 'entry:1', writer: 'desk-b', body: {} },
      ]),
    );
    expect(await changedSinceSent(database, local, wanted)).toEqual(new Set(['case:2']));
  });

  it('is nothing once everything this desk wrote is known sent', async () => {
    const { database, local } = await joined();
    await own(database, local, ['case:1', 'case:3']);
    await pulled(local, 4, 'case:pulled');
    await recordPushSent(database, local, 2);
    expect(await changedSinceSent(database, local, new Set([...wanted, 'case:pulled-1']))).toEqual(new Set());
  });

  it('reads the changes past the checkpoint page by page', async () => {
    const { database, local } = await joined();
    await own(database, local, ['case:1']);
    await recordPushSent(database, local, 1);
    await pulled(local, 2500);
    await own(database, local, ['case:3']);
    expect(await changedSinceSent(database, local, wanted)).toEqual(new Set(['case:3']));
  });
});

describe('what the server must still hold', () => {
  it('is the last document of this desk’s the push is known to have sent, not one still waiting', async () => {
    const { database, local } = await joined();
    await own(database, local, ['case:1', 'entry:1']);
    expect(await lastSentOwn(database, local)).toBeUndefined();
    await recordPushSent(database, local, 2);
    const sent = await lastSentOwn(database, local);
    expect(sent?.id).toBe('entry:1');
    // Written since, not yet sent: the proof stays the one sent.
    await own(database, local, ['case:2']);
    expect((await lastSentOwn(database, local))?.id).toBe('entry:1');
    await recordPushSent(database, local, 3);
    expect((await lastSentOwn(database, local))?.id).toBe('case:2');
  });

  it('is lacking on a server that never had it or holds an older revision; held at its revision or a later one', async () => {
    const { database, local } = await joined();
    await own(database, local, ['case:1']);
    await recordPushSent(database, local, 1);
    const sent = (await lastSentOwn(database, local))!;
    const server = memoryPouch('push-start-server');
    expect(await serverLacks(server, sent)).toBe(true);
    const doc = await local.get('case:1');
    await server.bulkDocs([doc], { new_edits: false });
    expect(await serverLacks(server, sent)).toBe(false);
    await server.put({ ...(await server.get('case:1')), body: { later: true } });
    expect(await serverLacks(server, sent)).toBe(false);
    expect(await serverLacks(server, undefined)).toBe(false);
  });

  it('is no longer the proof once the server refused it', async () => {
    const { database, local } = await joined();
    await own(database, local, ['case:1']);
    await recordPushSent(database, local, 1);
    await forgetRefused(database, 'case:2');
    expect((await lastSentOwn(database, local))?.id).toBe('case:1');
    await forgetRefused(database, 'case:1');
    expect(await lastSentOwn(database, local)).toBeUndefined();
  });

  it('is forgotten with the records of what was sent once the server lost it', async () => {
    const { database, local } = await joined();
    await own(database, local, ['case:1']);
    await pulled(local, 10);
    await recordPushSent(database, local, 1);
    expect(await pushStart(database, local)).toBe(11);
    await forgetSent(database);
    expect(await lastSentOwn(database, local)).toBeUndefined();
    expect(await pushStart(database, local)).toBeUndefined();
  });
});
