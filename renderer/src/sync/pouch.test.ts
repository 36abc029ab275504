// The local PouchDB's batched revsDiff (withBatchedRevsDiff): the same answer as PouchDB's own, with one read for the
// documents the database has never held, and the replication between two databases still brings every revision. The
// team server's info reused while recent (withRecentInfo).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryPouch, PouchDB } from '#test/support/pouch';
import { answeredWithin, withBatchedRevsDiff, withRecentInfo, type PouchDatabase, type RevsDiff } from './pouch';

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

describe('answeredWithin', () => {
  afterEach(() => void vi.useRealTimers());

  /** A server that takes requests and answers only those `answers` says, when it says; each request's signal kept. */
  function server(answers: (init?: RequestInit) => boolean) {
    const asked: Array<RequestInit | undefined> = [];
    const fetcher: typeof fetch = (_input, init) => {
      asked.push(init);
      if (answers(init)) return Promise.resolve(new Response('{}', { status: 200 }));
      // Held: it never answers, and fails only when aborted, as the browser's fetch does.
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error));
      });
    };
    return { fetcher, asked };
  }

  it('fails a request the server holds unanswered once the deadline passes, saying so', async () => {
    vi.useFakeTimers();
    const { fetcher } = server(() => false);
    const request = answeredWithin(fetcher, 20_000)('http://team.example/complaints/_all_docs', { method: 'GET' });
    let failure: unknown = null;
    const settled = request.catch((error: unknown) => (failure = error));
    await vi.advanceTimersByTimeAsync(19_999);
    expect(failure).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    await settled;
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe('The team server did not answer within 20 s');
  });

  it('passes an answer on, and leaves alone requests with their own signal and large uploads', async () => {
    vi.useFakeTimers();
    const answered = server(() => true);
    const response = await answeredWithin(answered.fetcher, 20_000)('http://team.example/', { method: 'GET' });
    expect(response.status).toBe(200);
    expect(answered.asked[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(vi.getTimerCount()).toBe(0); // the deadline ends with the answer

    const held = server(() => false);
    const ask = answeredWithin(held.fetcher, 20_000, 1_000);
    const own = new AbortController();
    let longPollSettled = false;
    let uploadSettled = false;
    void ask('http://team.example/complaints/_changes?feed=longpoll', { signal: own.signal }).catch(
      () => (longPollSettled = true),
    );
    void ask('http://team.example/complaints/_bulk_docs', { method: 'POST', body: 'x'.repeat(1_001) }).catch(
      () => (uploadSettled = true),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect([longPollSettled, uploadSettled]).toEqual([false, false]);
    expect(held.asked[0]?.signal).toBe(own.signal);
    expect(held.asked[1]?.signal).toBeUndefined();
    own.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(longPollSettled).toBe(true);
  });
});
