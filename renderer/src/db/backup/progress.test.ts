// A restore reports how far it is (RestoreOptions.onProgress) in every mode: `done` only goes up, a few thousand rows
// apart at most, and ends equal to `total`; and a restore that fails halfway, even after many reports, changes nothing.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  makeBackup,
  PROGRESS_EVERY_ROWS,
  readBackupFile,
  restoreBackup,
  type RestoreMode,
  type RestoreProgress,
  restoreSummary,
} from './backup';
import { rebuildCaseIndex, type RedressDatabase } from '../schema';
import { closeAll, freshDatabase, seedDesk, snapshot } from '#test/support/backup';

afterEach(closeAll);

const clockAt = (iso: string) => ({ now: () => new Date(iso) });

async function backupOf(database: RedressDatabase) {
  const made = await makeBackup(database, { clock: clockAt('2026-11-22T14:30:00.000Z') });
  return readBackupFile(database, made.file);
}

/** The rules every run of reports keeps. */
function expectSteady(reports: RestoreProgress[]) {
  expect(reports.length).toBeGreaterThan(2);
  const total = reports[0].total;
  expect(total).toBeGreaterThan(0);
  expect(reports[0].done).toBe(0);
  for (const [i, p] of reports.entries()) {
    expect(p.total).toBe(total);
    expect(p.done).toBeLessThanOrEqual(total);
    expect(p.rows?.done ?? 0).toBeLessThanOrEqual(p.rows?.total ?? 0);
    if (i === 0) continue;
    const before = reports[i - 1];
    expect(p.done).toBeGreaterThanOrEqual(before.done);
    // Never more than a chunk of work between two reports.
    expect(p.done - before.done).toBeLessThanOrEqual(PROGRESS_EVERY_ROWS);
    // Within one step, the step's rows only go up.
    const sameStep = p.stage === before.stage && p.rows !== undefined && p.rows.table === before.rows?.table;
    expect(p.rows?.done ?? 0).toBeGreaterThanOrEqual(sameStep ? before.rows!.done : 0);
  }
  const last = reports[reports.length - 1];
  expect(last).toEqual({ stage: 'finishing', done: total, total });
  // Increasing: the reports move through the work, not all at the end.
  const distinct = new Set(reports.map((p) => p.done));
  expect(distinct.size).toBeGreaterThan(10);
  // Not so often that reporting costs time: about one report per chunk of rows, and a few per step.
  expect(reports.length).toBeLessThan(total / 500 + 60);
}

/** The timeline entries' writing step: every chunk reported, rows counted up to all of them. */
function expectEventsCounted(reports: RestoreProgress[], events: number) {
  const writing = reports.filter((p) => p.stage === 'writing' && p.rows?.table === 'events').map((p) => p.rows!.done);
  expect(writing[0]).toBe(0);
  expect(writing[writing.length - 1]).toBe(events);
  for (let i = 1; i < writing.length; i++) {
    expect(writing[i]).toBeGreaterThan(writing[i - 1]);
    expect(writing[i] - writing[i - 1]).toBeLessThanOrEqual(PROGRESS_EVERY_ROWS);
  }
  expect(writing.length).toBeGreaterThanOrEqual(Math.ceil(events / PROGRESS_EVERY_ROWS));
}

describe('progress of a restore', () => {
  it.each(['into-empty', 'replace', 'merge'] as const)(
    '%s: reported with done going up to total, and the result is the same',
    async (mode: RestoreMode) => {
      const source = freshDatabase('progress');
      await seedDesk(source, 2500, { seed: 11, letterEvery: 40 });
      const backup = await backupOf(source);
      const target = freshDatabase('progress');
      // Replace and merge go into a desk that already has other cases (merge: all 2,500 are new, so the whole index is
      // rebuilt, the path a large merge takes).
      if (mode !== 'into-empty') await seedDesk(target, 300, { seed: 12, prefix: 'OLD' });

      const reports: RestoreProgress[] = [];
      const report = await restoreBackup(target, backup, { mode, by: 'Sam Patel', onProgress: (p) => reports.push(p) });
      expect(report.casesNow).toBe(mode === 'merge' ? 2800 : 2500);

      expectSteady(reports);
      expectEventsCounted(reports, backup.content.events.length);
      const stages = new Set(reports.map((p) => p.stage));
      expect(stages).toContain('checking');
      expect(stages).toContain('writing');
      expect(stages).toContain('indexing');
      // Replace removes what was here a chunk at a time, counted in the work (the other modes remove nothing); merge
      // reads what is here first (the other modes do not need to).
      const removing = reports
        .filter((p) => p.stage === 'removing' && p.rows?.table === 'events')
        .map((p) => p.rows!.done);
      expect(removing.length > 1).toBe(mode === 'replace');
      expect(removing.at(-1)).toBe(mode === 'replace' ? report.removed.events : undefined);
      expect(stages.has('reading')).toBe(mode === 'merge');
      // Every case was indexed, and the report says so.
      const indexing = reports.filter((p) => p.stage === 'indexing' && p.rows?.table === 'cases');
      expect(indexing[indexing.length - 1].rows).toEqual({
        table: 'cases',
        done: report.casesNow,
        total: report.casesNow,
      });

      // The index and report rows written in chunks are the ones rebuildCaseIndex makes from the same facts.
      const { caseIndex: index, reportRows } = await snapshot(target);
      expect(reportRows).toHaveLength(report.casesNow);
      await target.transaction('rw', target.cases, target.timelines, target.caseIndex, target.reportRows, (tx) =>
        rebuildCaseIndex(tx),
      );
      expect((await snapshot(target)).caseIndex).toEqual(index);
      expect((await snapshot(target)).reportRows).toEqual(reportRows);
    },
    120_000,
  );

  it('restores exactly the same with or without someone listening', async () => {
    const source = freshDatabase('progress');
    await seedDesk(source, 300, { seed: 13, letterEvery: 20 });
    const backup = await backupOf(source);
    const listened = freshDatabase('progress');
    const silent = freshDatabase('progress');
    let calls = 0;
    await restoreBackup(listened, backup, {
      mode: 'into-empty',
      by: 'Sam Patel',
      clock: clockAt('2026-11-22T15:00:00.000Z'),
      onProgress: () => (calls += 1),
    });
    await restoreBackup(silent, backup, {
      mode: 'into-empty',
      by: 'Sam Patel',
      clock: clockAt('2026-11-22T15:00:00.000Z'),
    });
    expect(calls).toBeGreaterThan(0);
    // The restore's own audit row gets a random id, so the audit trail is compared without ids, in order of kind.
    const withoutAuditIds = (snap: Record<string, unknown[]>) => ({
      ...snap,
      audit: snap.audit
        .map((a) => ({ ...(a as { kind: string }), id: '' }))
        .sort((a, b) => a.kind.localeCompare(b.kind)),
    });
    expect(withoutAuditIds(await snapshot(listened))).toEqual(withoutAuditIds(await snapshot(silent)));
  }, 60_000);
});

describe('a replace removes the desk’s cases with their derived rows', () => {
  it('removes them range by range with their index and report rows, and leaves none of the old desk', async () => {
    const source = freshDatabase('progress');
    await seedDesk(source, 150, { seed: 21 });
    const backup = await backupOf(source);
    const target = freshDatabase('progress');
    await seedDesk(target, 1300, { seed: 22, prefix: 'OLD' });
    // A derived row whose case is gone (a desk repaired by hand): it must not survive the replace either.
    // Derived rows whose case is gone (a desk repaired by hand), before the first case, between the first two ranges
    // of 500 cases and after the last: none of them may survive the replace either.
    const first = (await target.caseIndex.toCollection().first())!;
    const ids500 = await target.cases.orderBy(':id').limit(501).primaryKeys();
    for (const caseId of ['!orphan', `${ids500[499]}-orphan`, 'zz-orphan']) {
      expect(caseId > ids500[499] && caseId < ids500[500]).toBe(caseId === `${ids500[499]}-orphan`);
      await target.caseIndex.put({ ...first, caseId });
      await target.reportRows.put({ ...(await target.reportRows.get(first.caseId))!, caseId });
    }
    // Sharing state left from a team the desk has since left: a replace clears it (a table of it that is empty is
    // left alone; see clearSharingState).
    await target.syncRevs.put({ ref: 'case:zz-old', rev: '1-a' } as never);

    // Which of the case-keyed tables each range deletion (key range or clear) goes to, in order.
    const ranges: string[] = [];
    const emptyReads: string[] = [];
    target.close();
    target.use({
      stack: 'dbcore',
      name: 'watch-ranges',
      create: (down) => ({
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate(req) {
              if (req.type === 'deleteRange' && ['cases', 'caseIndex', 'reportRows'].includes(name)) ranges.push(name);
              return table.mutate(req);
            },
            async query(req) {
              const answer = await table.query(req);
              // A read of the cases that finds none: past the last range, over every row just removed.
              if (name === 'cases' && answer.result.length === 0) emptyReads.push(name);
              return answer;
            },
          };
        },
      }),
    });
    await target.open();

    const reports: RestoreProgress[] = [];
    const report = await restoreBackup(target, backup, {
      mode: 'replace',
      by: 'Sam Patel',
      onProgress: (p) => reports.push(p),
    });
    expect(report.removed.cases).toBe(1300);
    // 1,300 cases at 500 a request: first the derived rows after the last case (while nothing is removed yet), then
    // each range of cases with the same range of their index and report rows, and the gap before it in those two
    // (where only a derived row without its case can be); no clear() of them after, and no read past the last range
    // (each walked over every row just removed: 2.4 s and 2–4 s at 100,000 cases).
    const chunk = ['cases', 'caseIndex', 'reportRows', 'caseIndex', 'reportRows'];
    expect(ranges).toEqual(['caseIndex', 'reportRows', ...chunk, ...chunk, ...chunk]);
    expect(emptyReads).toEqual([]);
    const removing = reports
      .filter((p) => p.stage === 'removing' && p.rows?.table === 'cases')
      .map((p) => p.rows!.done);
    expect(removing[0]).toBe(0);
    expect(removing.at(-1)).toBe(1300);
    expectSteady(reports);
    const ids = new Set(backup.content.cases.map((c) => c.id));
    const index = await target.caseIndex.toArray();
    const rows = await target.reportRows.toArray();
    expect(index.map((r) => r.caseId).sort()).toEqual([...ids].sort());
    expect(rows.map((r) => r.caseId).sort()).toEqual([...ids].sort());
    expect(await target.syncRevs.count()).toBe(0);
    // A lone desk: the replace wrote no outbox rows (it wrote 12,815 here, one per row it removed or added, when the
    // outbox middleware tracked any transaction that names the outbox; r19).
    expect(await target.outbox.count()).toBe(0);
  }, 60_000);
});

describe('a restore that fails after reporting progress changes nothing', () => {
  it.each(['into-empty', 'replace', 'merge'] as const)(
    '%s: stopped halfway through the timeline entries',
    async (mode: RestoreMode) => {
      const source = freshDatabase('progress');
      await seedDesk(source, 1200, { seed: 14, letterEvery: 30 });
      const backup = await backupOf(source);
      const target = freshDatabase('progress');
      if (mode !== 'into-empty') await seedDesk(target, 200, { seed: 15, prefix: 'OLD' });
      const before = await snapshot(target);

      const reports: RestoreProgress[] = [];
      const half = Math.floor(backup.content.events.length / 2);
      const failing = restoreBackup(target, backup, {
        mode,
        by: 'Sam Patel',
        onProgress: (p) => {
          reports.push(p);
          // The computer goes to sleep / the disk fails with half the timeline entries written.
          if (p.stage === 'writing' && p.rows?.table === 'events' && p.rows.done >= half)
            throw new Error('disk failure');
        },
      });
      await expect(failing).rejects.toThrow('disk failure');
      expect(reports.filter((p) => p.rows?.table === 'events').length).toBeGreaterThan(2);
      expect(reports.some((p) => p.stage === 'finishing')).toBe(false);
      expect(await snapshot(target)).toEqual(before);
    },
    60_000,
  );

  it('merge: a write failing while the case index is rebuilt leaves the database exactly as it was', async () => {
    const source = freshDatabase('progress');
    await seedDesk(source, 2200, { seed: 16 });
    const backup = await backupOf(source);
    const target = freshDatabase('progress');
    await seedDesk(target, 100, { seed: 17, prefix: 'OLD' });
    const before = await snapshot(target);
    let indexed = 0;
    const failing = () => {
      indexed += 1;
      if (indexed > 1500) throw new Error('disk full');
    };
    target.caseIndex.hook('creating', failing);
    const reports: RestoreProgress[] = [];
    await expect(
      restoreBackup(target, backup, { mode: 'merge', by: 'Sam Patel', onProgress: (p) => reports.push(p) }),
    ).rejects.toThrow('disk full');
    target.caseIndex.hook('creating').unsubscribe(failing);
    // It had got as far as indexing, every case written, before it failed.
    expect(reports.some((p) => p.stage === 'indexing')).toBe(true);
    expect(await snapshot(target)).toEqual(before);
  }, 60_000);
});

describe('what the user reads', () => {
  it('writes the counts in the audit trail’s summary with thousands separators', () => {
    const zero = {
      cases: 0,
      events: 0,
      counters: 0,
      settings: 0,
      letters: 0,
      people: 0,
      notified: 0,
      audit: 0,
      meta: 0,
      attachments: 0,
      providers: 0,
      procedures: 0,
    };
    const summary = restoreSummary(
      {
        mode: 'replace',
        added: { ...zero, events: 772_025, letters: 2_000 },
        updated: zero,
        kept: zero,
        removed: zero,
        casesNow: 100_000,
      },
      '2026-11-22T14:30:00.000Z',
    );
    expect(summary).toBe(
      'Restored a backup made 2026-11-22 (replacing what was here): 100,000 cases, 772,025 timeline entries, 2,000 letters.',
    );
  });
});
