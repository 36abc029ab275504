// Proof for issue #7: after the retention run and an erasure, no personal data is left ANYWHERE in the database
// (every table dumped and searched), the reports' figures are unchanged, and the retention run is idempotent.
import 'fake-indexeddb/auto';
import { copyOfProcedure, KIJOMA } from '#shared/rules/index';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { DEFAULT_RETENTION } from '#shared/privacy/retention';
import { buildReport } from '#shared/reports/report';
import { summariseCase } from '#shared/reports/summary';
import { eraseCustomer, runRetention } from '#db/repositories/retention';
import { PACKED_TABLES, readPacked, repack } from '#db/packs';
import { RedressDatabase } from '#db/schema';
import { CaseSearch } from '#renderer/features/search/search';
import {
  ALL_PERSONAL_STRINGS,
  buildPrivacyFixture,
  dumpDatabase,
  personalDataFound,
  TODAY,
} from '#test/fixtures/retention';
import { allEntries, TIMELINE_TABLE } from '#db/timeline';

let opened: RedressDatabase[] = [];
afterEach(() => {
  for (const d of opened) d.close();
  opened = [];
});
let n = 0;
function open() {
  const database = new RedressDatabase(`redress-privacy-proof-${process.pid}-${(n += 1)}`);
  opened.push(database);
  return database;
}

async function everything(
  database: RedressDatabase,
): Promise<{ cases: CaseRecord[]; byCase: Map<string, TimelineEvent[]> }> {
  const cases = await database.cases.toArray();
  const byCase = new Map<string, TimelineEvent[]>();
  for (const e of await allEntries(database)) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  return { cases, byCase };
}

/** The reports' figures over the whole history (shared/reports, the Reports page's own code). */
async function reportFigures(database: RedressDatabase) {
  const { cases, byCase } = await everything(database);
  const summaries = cases.map((c) => summariseCase(c, byCase.get(c.id) ?? [], TODAY));
  return buildReport(summaries, { period: { from: '2017-01-01', to: TODAY }, today: TODAY });
}

/** The same figures counted by hand from the stored facts: cases by month, category, channel, procedure and handler; entry types by month; payments. */
async function handCounts(database: RedressDatabase) {
  const { cases, byCase } = await everything(database);
  const count = (keys: string[]) => keys.reduce<Record<string, number>>((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {});
  const events = [...byCase.values()].flat();
  return {
    byMonth: count(cases.map((c) => c.receivedOn.slice(0, 7))),
    byCategory: count(cases.map((c) => c.category)),
    byChannel: count(cases.map((c) => c.channel)),
    byProcedure: count(cases.map((c) => c.procedureId)),
    byHandler: count(cases.map((c) => c.assignee ?? '')),
    byStatus: count(cases.map((c) => `${c.status}/${c.stage}`)),
    entries: count(events.map((e) => `${e.on.slice(0, 7)} ${e.type}`)),
    payments: events
      .filter((e) => e.type === 'compensation')
      .map((e) => `${e.on} ${String(e.data?.kind)} ${String(e.data?.amount)} ${String(e.data?.currency)}`)
      .sort(),
    // The derived index without its personal columns: due dates, stages and statuses stay the same.
    index: (await database.caseIndex.toArray()).map(
      ({ search: _s, customerName: _n, representativeName: _r, updatedAt: _u, ...rest }) => rest,
    ),
  };
}

describe('anonymisation leaves no personal data and keeps the figures', () => {
  it('after the retention run and an erasure, none of the fixture’s personal data is found in any table', async () => {
    const database = open();
    const f = await buildPrivacyFixture(database);

    // A procedure of the desk's own (a copy of a built-in one), so its table is searched with rows in it.
    const copy = copyOfProcedure(KIJOMA, new Set());
    await database.procedures.put({
      key: `${copy.id}@1`,
      id: copy.id,
      version: 1,
      savedAt: `${TODAY}T09:00:00.000Z`,
      procedure: copy,
    });
    // The case index and report rows packed (db/packs.ts), as the app packs them after its first read: the case
    // index's packs hold names and search texts like its rows.
    for (const table of PACKED_TABLES) await repack(database, table);
    const before = await dumpDatabase(database);
    // The search is only proof if it finds every string before: each one is somewhere in the database now.
    const foundBefore = new Set(personalDataFound(before).map((hit) => hit.slice(hit.indexOf(': ') + 2)));
    expect(ALL_PERSONAL_STRINGS.filter((s) => !foundBefore.has(s))).toEqual([]);
    // …and in each of the places personal data lives.
    for (const table of ['cases', TIMELINE_TABLE, 'letters', 'caseIndex', 'attachments', 'packs'])
      expect(personalDataFound({ [table]: before[table] }).length, table).toBeGreaterThan(0);
    const reportBefore = await reportFigures(database);
    const countsBefore = await handCounts(database);

    const run = await runRetention(database, {
      policy: DEFAULT_RETENTION,
      today: TODAY,
      by: 'Sam Patel',
      trigger: 'start',
    });
    expect(run.caseIds).toHaveLength(4);
    // Zebedee's recent case is not due yet: erased on his request.
    await eraseCustomer(database, {
      caseIds: [f.zebRecent.id],
      basis: 'customer-request',
      by: 'Kim Lee',
      today: TODAY,
    });

    // The erasing transactions stubbed the packs of the blocks they wrote: nothing personal is left in them.
    expect(personalDataFound(await dumpDatabase(database))).toEqual([]);
    // Packed again from the anonymised rows, as the app does a few seconds after: still nothing.
    for (const table of PACKED_TABLES) await repack(database, table);
    expect((await readPacked(database, 'caseIndex'))?.stubs).toBe(0);
    const after = await dumpDatabase(database);
    expect(Object.keys(after).sort()).toEqual([
      'attachments',
      'audit',
      'caseIndex',
      'cases',
      'conflicts',
      'counters',
      'letters',
      'meta',
      'notified',
      'outbox',
      'packs',
      'people',
      'procedures',
      'providers',
      'reportRows',
      'settings',
      'syncRevs',
      'timelines',
    ]);
    expect(personalDataFound(after)).toEqual([]);
    // The files themselves are gone: no attachment of an anonymised case keeps bytes, a name or a note.
    const files = await database.attachments.toArray();
    expect(files).toHaveLength(2);
    for (const file of files)
      expect([file.blob, file.fileName, file.note, file.deleted?.fileDeleted]).toEqual([undefined, 'erased', '', true]);
    // Providers and the desk's procedures (issue #16) are searched like every table; they hold no customer data at
    // all (a brand's letterhead, a procedure's steps), so they never held any, before the erasure either.
    expect(after.providers.length).toBeGreaterThan(0);
    expect(after.procedures.length).toBeGreaterThan(0);
    expect(personalDataFound({ providers: before.providers, procedures: before.procedures })).toEqual([]);
    // The case still open is the only one with a customer left.
    expect((await database.cases.toArray()).filter((c) => !c.anonymisedOn).map((c) => c.id)).toEqual([f.stillOpen.id]);
    expect(await database.audit.count()).toBe(2);

    expect(await reportFigures(database)).toEqual(reportBefore);
    expect(await handCounts(database)).toEqual(countsBefore);
    expect(reportBefore.compensation).toEqual([
      { currency: 'CAD', compensation: 40, goodwill: 0, total: 40, payments: 1 },
      { currency: 'GBP', compensation: 30, goodwill: 12.5, total: 42.5, payments: 2 },
    ]);

    // Idempotent: a second run finds nothing and changes nothing.
    const again = await runRetention(database, {
      policy: DEFAULT_RETENTION,
      today: TODAY,
      by: 'Sam Patel',
      trigger: 'start',
    });
    expect(again.caseIds).toEqual([]);
    expect(await dumpDatabase(database)).toEqual(after);
  });

  it('search by name, email, phone or postcode no longer finds an anonymised case; its reference still does', async () => {
    const database = open();
    const f = await buildPrivacyFixture(database);
    const rows = async () => database.caseIndex.toArray();
    const hits = async (q: string) =>
      new CaseSearch().run(await rows(), { text: q, filters: {}, sort: 'received', today: TODAY }).map((r) => r.caseId);
    for (const q of [
      'Quillfeather',
      'zebedee.q@quill-mail.example',
      '07700 900456',
      'QX7 7AB',
      'ACC-77-4411',
      'thunderstorm',
    ])
      expect(await hits(q), q).toContain(f.zebOld.id);
    await runRetention(database, { policy: DEFAULT_RETENTION, today: TODAY, by: 'Sam Patel', trigger: 'on-demand' });
    for (const q of [
      'Quillfeather',
      'zebedee.q@quill-mail.example',
      '07700 900456',
      'QX7 7AB',
      'ACC-77-4411',
      'thunderstorm',
    ])
      expect(await hits(q), q).not.toContain(f.zebOld.id);
    expect(await hits(f.zebOld.reference)).toEqual([f.zebOld.id]);
  });
});
