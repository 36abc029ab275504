// The local PouchDB's batched revsDiff (withBatchedRevsDiff): the same answer as PouchDB's own, with one read for the
// documents the database has never held, and the replication between two databases still brings every revision. The
// team server's info reused while recent (withRecentInfo).
import { describe, expect, it } from 'vitest';
import { memoryPouch, PouchDB } from '#test/support/pouch';
import {
  withBatchedRevsDiff,
  withRecentInfo,
  withRevisionsFetchedAhead,
  type BulkGetAnswer,
  type PouchDatabase,
  type RevsDiff,
} from './pouch';

/** Counts the calls of PouchDB's own revsDiff and the documents each asked about. */
function countOwnRevsDiff(db: PouchDatabase): string[][] {
  const calls: string[][] = [];
  const own = db.revsDiff.bind(db);
  db.revsDiff = (revisions) => {
    calls.push(Object.keys(revisions));
    return own(revisions);
  };
  return calls;
}

/** A database holding a plain document, one edited twice, a deleted one, one with two leaves, and a design document. */
async function heldDocuments(db: PouchDatabase): Promise<Record<string, string>> {
  const plain = await db.put({ _id: 'entry:a', body: 1 });
  const first = await db.put({ _id: 'case:b', body: 1 });
  const second = await db.put({ _id: 'case:b', _rev: first.rev, body: 2 });
  const gone = await db.put({ _id: 'case:c', body: 1 });
  await db.bulkDocs([{ _id: 'case:c', _rev: gone.rev, _deleted: true }]);
  // Two leaves: written as a replication writes them (new_edits: false).
  await db.bulkDocs(
    [
      { _id: 'case:d', _rev: '2-aaa', _revisions: { start: 2, ids: ['aaa', 'root'] }, body: 'x' },
      { _id: 'case:d', _rev: '2-bbb', _revisions: { start: 2, ids: ['bbb', 'root'] }, body: 'y' },
    ],
    { new_edits: false },
  );
  const design = await db.put({ _id: '_design/redress', views: {} });
  return { plain: plain.rev!, first: first.rev!, second: second.rev!, gone: gone.rev!, design: design.rev! };
}

describe('withBatchedRevsDiff', () => {
  it('answers as PouchDB does, and asks PouchDB only about the documents the database holds', async () => {
    const reference = memoryPouch('revs-reference');
    const batched = memoryPouch('revs-batched');
    const revs = await heldDocuments(reference);
    await PouchDB.replicate(reference, batched);
    const question: Record<string, string[]> = {
      'entry:a': [revs.plain, '2-newer'],
      'case:b': [revs.first, revs.second, '3-next'],
      'case:c': [revs.gone, '3-revived'],
      'case:d': ['2-aaa', '2-bbb', '2-ccc', '1-root'],
      '_design/redress': [revs.design],
      'entry:never-1': ['1-x'],
      'entry:never-2': ['1-y', '2-z'],
      'case:never': ['4-w'],
    };
    // PouchDB's own answer on the same database (a replicated copy holds only the winners' bodies of earlier revisions).
    const expected = await batched.revsDiff(question);
    const calls = countOwnRevsDiff(batched);
    withBatchedRevsDiff(batched);
    const answer: RevsDiff = await batched.revsDiff(question);
    expect(answer).toEqual(expected);
    // What PouchDB answers for each (so the comparison is not between two empty answers).
    expect(Object.keys(answer).sort()).toEqual([
      'case:b',
      'case:c',
      'case:d',
      'case:never',
      'entry:a',
      'entry:never-1',
      'entry:never-2',
    ]);
    expect(answer['entry:never-2'].missing).toEqual(['1-y', '2-z']);
    expect(answer['case:d'].missing).toContain('2-ccc');
    expect(answer['case:d'].missing).not.toContain('2-aaa');
    expect(answer['case:b'].missing).toContain('3-next');
    // Once, and only about the held documents (a deleted one is held).
    expect(calls).toEqual([['entry:a', 'case:b', 'case:c', 'case:d', '_design/redress']]);
    expect(await batched.revsDiff({})).toEqual({});
  });

  it('a first download (nothing held) never asks PouchDB per document, and brings every revision', async () => {
    const server = memoryPouch('revs-server');
    const docs = Array.from({ length: 1200 }, (_, i) => ({ _id: `entry:${String(i).padStart(5, '0')}`, body: i }));
    await server.bulkDocs(docs);
    await heldDocuments(server);
    const local = memoryPouch('revs-desk');
    const calls = countOwnRevsDiff(local);
    withBatchedRevsDiff(local);
    await PouchDB.replicate(server, local, { batch_size: 500 });
    expect(calls.flat()).toEqual([]);
    const all = await local.allDocs({});
    expect(all.rows.length).toBe((await server.allDocs({})).rows.length);
    // The document with two leaves arrived with both.
    const both = await local.get('case:d', { open_revs: 'all' });
    expect(both.map((leaf) => leaf.ok?._rev)).toEqual(expect.arrayContaining(['2-aaa', '2-bbb']));
    expect(both).toHaveLength(2);
    // A later change on the server: PouchDB's own answer for a document the desk holds, and the new revision arrives.
    const edited = await server.put({ ...(await server.get('entry:00001')), body: 'edited' });
    await PouchDB.replicate(server, local);
    expect(calls.flat()).toContain('entry:00001');
    expect((await local.get('entry:00001'))._rev).toBe(edited.rev);
  });
});

describe('withRecentInfo', () => {
  it('asks the server again only when the last answer is older than the limit, and never keeps a failure', async () => {
    const db = memoryPouch('info');
    let asked = 0;
    let fail = false;
    const own = db.info.bind(db) as (...args: unknown[]) => ReturnType<PouchDatabase['info']>;
    // (PouchDB's own calls with a callback are not counted: they are not answered from the last one.)
    db.info = (...args: unknown[]) => {
      if (args.length) return own(...args);
      asked += 1;
      return fail ? Promise.reject(new Error('unreachable')) : own();
    };
    let clock = 1_000;
    withRecentInfo(db, 10_000, () => clock);
    const first = await db.info();
    await db.put({ _id: 'entry:x' });
    // Within the limit: the same answer, no request (PouchDB's replication asks after every batch).
    expect(await db.info()).toEqual(first);
    expect(asked).toBe(1);
    clock += 10_000;
    expect((await db.info()).doc_count).toBe(first.doc_count + 1);
    expect(asked).toBe(2);
    clock += 10_000;
    fail = true;
    await expect(db.info()).rejects.toThrow('unreachable');
    fail = false;
    // The failure was not kept: the next call asks again.
    expect((await db.info()).doc_count).toBe(first.doc_count + 1);
    expect(asked).toBe(4);
  });

  it('a call with a callback (PouchDB polling during compaction) always goes to the server', async () => {
    const db = withRecentInfo(memoryPouch('info-callback'), 60_000);
    await db.info();
    await db.put({ _id: 'entry:y' });
    const count = await new Promise<number>((resolve, reject) =>
      (db.info as unknown as (cb: (e: unknown, r?: { doc_count: number }) => void) => void)((error, info) =>
        error ? reject(error) : resolve(info!.doc_count),
      ),
    );
    expect(count).toBe(1);
  });
});

describe('withRevisionsFetchedAhead', () => {
  /** Counts the server's own `_bulk_get` answers (before the wrapper), and how many revisions each asked for. */
  function countBulkGets(db: PouchDatabase): number[] {
    const asked: number[] = [];
    const api = db as unknown as { bulkGet: (o: { docs: unknown[] }) => Promise<BulkGetAnswer> };
    const own = api.bulkGet.bind(db);
    api.bulkGet = (options) => {
      asked.push(options.docs.length);
      return own(options);
    };
    return asked;
  }

  /** Every document's winning revision and leaves, as a database holds them. */
  async function revisions(db: PouchDatabase): Promise<string[]> {
    const { rows } = await db.allDocs({ conflicts: true, include_docs: true });
    return rows.map((r) => `${r.id} ${r.value?.rev} ${((r.doc?._conflicts as string[]) ?? []).join(',')}`);
  }

  it('a download gets every revision the server holds, each fetched once, the next batches while one is written', async () => {
    const server = memoryPouch('ahead-server');
    await server.bulkDocs(
      Array.from({ length: 1050 }, (_, i) => ({ _id: `entry:${String(i).padStart(5, '0')}`, body: i })),
    );
    await heldDocuments(server);
    const asked = countBulkGets(server);
    const api = server as unknown as { bulkGet: (o: { docs: unknown[] }) => Promise<BulkGetAnswer> };
    withRevisionsFetchedAhead(server);
    // The replication's own requests, as it makes them (through the wrapper).
    const requests: number[] = [];
    /** At each of the replication's requests, how many more the server had answered than it had asked for. */
    const lead: number[] = [];
    const wrapped = api.bulkGet.bind(server);
    api.bulkGet = (options) => {
      lead.push(asked.length - requests.length);
      requests.push(options.docs.length);
      return wrapped(options);
    };
    const local = memoryPouch('ahead-desk');
    await PouchDB.replicate(server, local, { batch_size: 100 });
    expect(await revisions(local)).toEqual(await revisions(server));
    const both = await local.get('case:d', { open_revs: 'all' });
    expect(both).toHaveLength(2);
    // Every revision was fetched from the server once: as many revisions asked of it as the replication asked for.
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(requests.length).toBeGreaterThan(10);
    expect(sum(asked)).toBe(sum(requests));
    // And ahead of the replication: the next pages were fetched before it asked for them.
    expect(Math.max(...lead)).toBeGreaterThanOrEqual(1);
  });

  it('an early fetch of a page the replication never asks for is not used for another, and the copy is whole', async () => {
    const server = memoryPouch('ahead-stale');
    await server.bulkDocs(
      Array.from({ length: 300 }, (_, i) => ({ _id: `entry:${String(i).padStart(4, '0')}`, n: i })),
    );
    withRevisionsFetchedAhead(server, 2);
    // A page read (and fetched early) by someone else; then a document of it changes on the server.
    await server.changes({ since: 0, limit: 100, return_docs: true, style: 'all_docs' });
    const changed = await server.put({ ...(await server.get('entry:0005')), n: 'changed' });
    const local = memoryPouch('ahead-stale-desk');
    await PouchDB.replicate(server, local, { batch_size: 100 });
    expect(await revisions(local)).toEqual(await revisions(server));
    expect((await local.get('entry:0005'))._rev).toBe(changed.rev);
    expect((await local.get('entry:0005')).n).toBe('changed');
  });

  it('a failed early fetch leaves the replication its own request', async () => {
    const server = memoryPouch('ahead-fail');
    await server.bulkDocs(
      Array.from({ length: 250 }, (_, i) => ({ _id: `entry:${String(i).padStart(4, '0')}`, n: i })),
    );
    const api = server as unknown as { bulkGet: (o: { docs: unknown[] }) => Promise<BulkGetAnswer> };
    const own = api.bulkGet.bind(server);
    let failing = true;
    api.bulkGet = (options) => (failing ? Promise.reject(new Error('lost')) : own(options));
    withRevisionsFetchedAhead(server);
    // The first page read and fetched early, while the server cannot answer.
    await server.changes({ since: 0, limit: 100, return_docs: true, style: 'all_docs' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    failing = false;
    const local = memoryPouch('ahead-fail-desk');
    await PouchDB.replicate(server, local, { batch_size: 100 });
    expect(await revisions(local)).toEqual(await revisions(server));
  });
});
