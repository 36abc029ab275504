import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ANONYMISED_NAME } from '#shared/privacy/anonymise';
import { FIRST_PROVIDER_ID } from '#shared/model/provider';
import { DEFAULT_RETENTION } from '#shared/privacy/retention';
import { buildPrivacyFixture, dumpDatabase, personalDataFound, TODAY } from '#test/fixtures/retention';
import { ActionRefusedError, performAction } from './case-actions';
import {
  eraseCustomer,
  ErasureRefusedError,
  findCustomerCases,
  previewRetention,
  privacyAudit,
  reapplyAnonymisation,
  runRetention,
} from './retention';
import { refreshCaseIndex } from '#db/case-index/derive';
import { RedressDatabase } from '../schema';
import { allEntries, putEntries, readTimeline, TIMELINE_TABLE } from '../timeline';

let opened: RedressDatabase[] = [];
let n = 0;
function open() {
  n += 1;
  const database = new RedressDatabase(`redress-retention-test-${process.pid}-${n}`);
  opened.push(database);
  return database;
}
afterEach(() => {
  for (const d of opened) d.close();
  opened = [];
});

const clock = { now: () => new Date('2026-06-01T10:00:00Z') };

describe('previewRetention', () => {
  it('lists the cases closed (or resolved and left) more than 6 years ago, with what will be removed, and changes nothing', async () => {
    const database = open();
    const f = await buildPrivacyFixture(database);
    const before = await dumpDatabase(database);
    const preview = await previewRetention(database, DEFAULT_RETENTION, TODAY);
    expect(preview.items.map((i) => [i.reference, i.endedOn, i.basis, i.dueOn])).toEqual([
      [f.ottoline.reference, '2018-03-02', 'closed', '2024-03-02'],
      [f.resolvedNeverClosed.reference, '2019-02-11', 'resolved', '2025-02-11'],
      [f.zebOld.reference, '2019-03-21', 'closed', '2025-03-21'],
      [f.wilberforce.reference, '2019-05-22', 'closed', '2025-05-22'],
    ]);
    const zeb = preview.items.find((i) => i.caseId === f.zebOld.id)!;
    expect(zeb.removes).toEqual([
      'name',
      'postal address',
      'phone',
      'email',
      'account number',
      'representative',
      'communication needs',
      'vulnerability details',
      'summary',
      // every entry but "received" (its summary is already neutral)… and the letter
      expect.stringMatching(/^text of \d+ timeline entries$/),
      '1 letter (PDF)',
    ]);
    expect(await dumpDatabase(database)).toEqual(before);
  });

  it('counts whole years from the day the case closed: due on the anniversary, not the day before', async () => {
    const database = open();
    const f = await buildPrivacyFixture(database);
    const due = async (today: string) =>
      (await previewRetention(database, DEFAULT_RETENTION, today)).items.map((i) => i.caseId);
    expect(await due('2025-03-20')).not.toContain(f.zebOld.id);
    expect(await due('2025-03-21')).toContain(f.zebOld.id);
    expect(await due('2026-06-01')).not.toContain(f.stillOpen.id);
    expect(await due('2031-01-11')).toContain(f.zebRecent.id);
    expect((await previewRetention(database, { enabled: true, anonymiseAfterYears: 10 }, TODAY)).items).toEqual([]);
  });
});

describe('runRetention', () => {
  it('anonymises the due cases in one go, writes one audit entry without personal data, and a second run changes nothing', async () => {
    const database = open();
    const f = await buildPrivacyFixture(database);
    const result = await runRetention(database, {
      policy: DEFAULT_RETENTION,
      today: TODAY,
      by: 'Sam Patel',
      trigger: 'on-demand',
      clock,
    });
    expect(result.references.sort()).toEqual(
      [f.ottoline, f.resolvedNeverClosed, f.zebOld, f.wilberforce].map((r) => r.reference).sort(),
    );
    expect(result.lettersDeleted).toBe(2);
    expect(await database.letters.count()).toBe(0);

    const zeb = (await database.cases.get(f.zebOld.id))!;
    expect(zeb).toEqual({
      id: f.zebOld.id,
      reference: f.zebOld.reference,
      receivedOn: '2019-03-04',
      channel: 'letter',
      customer: { name: ANONYMISED_NAME },
      category: 'fault-repair',
      summary: '',
      procedureId: 'kinex',
      calendar: 'england-and-wales',
      // The provider is kept: reports still count the case under it.
      providerId: FIRST_PROVIDER_ID,
      stage: f.zebOld.stage,
      status: 'closed',
      assignee: 'Kim Lee',
      createdAt: f.zebOld.createdAt,
      updatedAt: '2026-06-01T10:00:00.000Z',
      anonymisedOn: TODAY,
    });
    // Untouched: the recent case of the same customer and the open case.
    expect(await database.cases.get(f.zebRecent.id)).toEqual(f.zebRecent);
    expect(await database.cases.get(f.stillOpen.id)).toEqual(f.stillOpen);

    const audit = await database.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ kind: 'retention-run', by: 'Sam Patel', at: '2026-06-01T10:00:00.000Z' });
    expect(audit[0].summary).toBe(
      '4 cases anonymised under the retention policy (6 years after closing); 2 letters deleted',
    );
    expect(audit[0].detail).toMatchObject({
      trigger: 'on-demand',
      anonymiseAfterYears: 6,
      count: 4,
      lettersDeleted: 2,
    });
    expect(await privacyAudit(database)).toEqual(audit);

    const after = await dumpDatabase(database);
    const again = await runRetention(database, {
      policy: DEFAULT_RETENTION,
      today: TODAY,
      by: 'Sam Patel',
      trigger: 'start',
      clock: { now: () => new Date('2026-06-01T11:00:00Z') },
    });
    expect(again).toEqual({ caseIds: [], references: [], lettersDeleted: 0, audit: null });
    expect(await dumpDatabase(database)).toEqual(after);
  });

  it('anonymises only the previewed cases that are still due, and nothing at start when the policy is off', async () => {
    const database = open();
    const f = await buildPrivacyFixture(database);
    const off = await runRetention(database, {
      policy: { enabled: false, anonymiseAfterYears: 6 },
      today: TODAY,
      by: 'Retention policy',
      trigger: 'start',
    });
    expect(off.caseIds).toEqual([]);
    expect(await database.audit.count()).toBe(0);
    const some = await runRetention(database, {
      policy: DEFAULT_RETENTION,
      today: TODAY,
      by: 'Sam',
      trigger: 'on-demand',
      onlyCaseIds: [f.ottoline.id, f.zebRecent.id],
    });
    expect(some.caseIds).toEqual([f.ottoline.id]);
  });

  it('an anonymised case takes no more actions (nothing personal can be written back onto it)', async () => {
    const database = open();
    const f = await buildPrivacyFixture(database);
    await runRetention(database, { policy: DEFAULT_RETENTION, today: TODAY, by: 'Sam', trigger: 'on-demand' });
    const attempt = performAction(
      database,
      f.zebOld.id,
      'add-note',
      { on: TODAY, summary: 'Zebedee rang' },
      { by: 'Sam', today: TODAY },
    );
    await expect(attempt).rejects.toBeInstanceOf(ActionRefusedError);
    await expect(attempt).rejects.toThrow(`This case was anonymised on ${TODAY}: nothing more can be recorded on it.`);
  });
});

describe('erasure', () => {
  it("finds the customer's other cases by email, phone, account or name and postcode", async () => {
    const database = open();
    const f = await buildPrivacyFixture(database);
    const found = await findCustomerCases(database, f.zebRecent.id);
    expect(found.map((c) => [c.reference, c.matchedBy, c.erasable.ok])).toEqual([
      [f.zebRecent.reference, [], true],
      [f.zebOld.reference, ['email', 'account number'], true],
    ]);
    const stillOpen = await findCustomerCases(database, f.stillOpen.id);
    expect(stillOpen).toHaveLength(1);
    expect(stillOpen[0].erasable).toEqual({
      ok: false,
      reason: expect.stringMatching(/^Still open: close the case first/),
      why: 'open',
    });
  });

  it('erases the chosen cases now, whatever the retention policy, with an audit entry naming the basis and no personal data', async () => {
    const database = open();
    const f = await buildPrivacyFixture(database);
    const result = await eraseCustomer(database, {
      caseIds: [f.zebRecent.id, f.zebOld.id],
      basis: 'customer-request',
      by: 'Kim Lee',
      today: TODAY,
      clock,
    });
    expect(result.references).toEqual([f.zebRecent.reference, f.zebOld.reference]);
    expect((await database.cases.get(f.zebRecent.id))?.anonymisedOn).toBe(TODAY);
    expect((await database.caseIndex.get(f.zebRecent.id))?.customerName).toBe(ANONYMISED_NAME);
    const [audit] = await database.audit.toArray();
    expect(audit).toMatchObject({ kind: 'erasure', by: 'Kim Lee' });
    expect(audit.detail).toMatchObject({
      basis: 'customer-request',
      count: 2,
      lettersDeleted: 1,
      references: [f.zebRecent.reference, f.zebOld.reference],
    });
    expect(JSON.stringify(audit)).not.toMatch(/zeb|quill|marmalade|07700/i);
    // Retention later finds nothing more to do for those cases.
    const preview = await previewRetention(database, DEFAULT_RETENTION, TODAY);
    expect(preview.items.map((i) => i.caseId)).not.toContain(f.zebOld.id);
  });

  it('refuses an open case, an unknown case, a missing basis or nobody working, and changes nothing', async () => {
    const database = open();
    const f = await buildPrivacyFixture(database);
    const before = await dumpDatabase(database);
    const erase = (o: Partial<Parameters<typeof eraseCustomer>[1]>) =>
      eraseCustomer(database, { caseIds: [f.zebOld.id], basis: 'customer-request', by: 'Kim', today: TODAY, ...o });
    await expect(erase({ caseIds: [f.zebOld.id, f.stillOpen.id] })).rejects.toThrow(
      `${f.stillOpen.reference} cannot be erased: Still open`,
    );
    await expect(erase({ caseIds: ['nope'] })).rejects.toThrow('There is no case with id nope');
    await expect(erase({ caseIds: [] })).rejects.toThrow('Choose at least one case');
    await expect(erase({ basis: 'because' as never })).rejects.toBeInstanceOf(ErasureRefusedError);
    await expect(erase({ by: ' ' })).rejects.toThrow('Choose who is working');
    expect(await dumpDatabase(database)).toEqual(before);
    await erase({});
    await expect(erase({})).rejects.toThrow(`Already anonymised on ${TODAY}`);
  });
});

describe('reapplyAnonymisation', () => {
  it('anonymises again the cases a restored backup brought back, deletes their letters, and is then a no-op', async () => {
    const database = open();
    const f = await buildPrivacyFixture(database);
    // What an older backup holds: the cases, timelines and letters as they were before the erasure.
    const backup = {
      cases: await database.cases.toArray(),
      events: await allEntries(database),
      letters: await database.letters.toArray(),
    };
    await eraseCustomer(database, {
      caseIds: [f.zebOld.id, f.zebRecent.id],
      basis: 'customer-request',
      by: 'Kim Lee',
      today: TODAY,
      clock,
    });
    expect(await reapplyAnonymisation(database, { today: TODAY, by: 'Redress' })).toEqual({
      caseIds: [],
      references: [],
      lettersDeleted: 0,
      audit: null,
      stillOpen: [],
    });

    // 'Merge': the anonymised cases are newer and stay, but the file's letters are added back by id.
    await database.letters.bulkPut(backup.letters);
    const merged = await reapplyAnonymisation(database, { today: TODAY, by: 'Redress' });
    expect(merged).toMatchObject({ caseIds: [], lettersDeleted: 1 });
    // No case was anonymised again: the entry counts the letter, not "0 cases".
    expect(merged.audit?.summary).toBe(
      '1 letter deleted again: restored data had brought back personal data that this desk had erased or anonymised',
    );
    expect(merged.audit?.detail).toMatchObject({ count: 0, lettersDeleted: 1, filesErased: 0, source: 'restore' });
    expect(await database.letters.where('caseId').equals(f.zebOld.id).count()).toBe(0);

    // 'Replace': everything comes back as it was, with the audit trail kept (a restore never shortens it).
    await database.transaction(
      'rw',
      [database.cases, database.table(TIMELINE_TABLE), database.letters, database.caseIndex, database.reportRows],
      async () => {
        await database.cases.bulkPut(backup.cases);
        await putEntries(database, backup.events);
        await database.letters.bulkPut(backup.letters);
        for (const c of backup.cases) await refreshCaseIndex(database, c.id);
      },
    );
    const zebStrings = [
      'Zebedee',
      'Quillfeather',
      'quill-mail',
      'Marmalade',
      'Gannet',
      'Figaro',
      '900123',
      '900456',
      'ACC-77-4411',
      'acc-77-4411',
    ];
    expect(personalDataFound(await dumpDatabase(database), zebStrings).length).toBeGreaterThan(0);
    const replaced = await reapplyAnonymisation(database, { today: TODAY, by: 'Redress' });
    expect(replaced.caseIds.sort()).toEqual([f.zebOld.id, f.zebRecent.id].sort());
    expect(replaced.audit?.kind).toBe('anonymisation-reapplied');
    expect(replaced.audit?.summary).toBe(
      '2 cases anonymised again and 1 letter deleted: restored data had brought back personal data that this desk had erased or anonymised',
    );
    expect(personalDataFound(await dumpDatabase(database), zebStrings)).toEqual([]);
    // Other customers' restored data is untouched (no erasure names them).
    expect(await database.cases.get(f.ottoline.id)).toEqual(f.ottoline);

    const after = await dumpDatabase(database);
    expect((await reapplyAnonymisation(database, { today: TODAY, by: 'Redress' })).audit).toBeNull();
    expect(await dumpDatabase(database)).toEqual(after);
  });

  it('takes no instruction from audit rows (a hand-edited backup brings them): cases only named there are left as they are', async () => {
    const database = open();
    const f = await buildPrivacyFixture(database);
    const all = [f.zebOld, f.zebRecent, f.ottoline, f.wilberforce, f.resolvedNeverClosed, f.stillOpen];
    // What a restored, hand-edited backup adds to the audit trail: rows of both kinds naming every case, open ones too.
    await database.audit.bulkAdd([
      {
        id: 'forged-1',
        at: '2026-05-01T10:00:00.000Z',
        kind: 'erasure',
        by: 'Someone',
        summary: 'erased',
        detail: { caseIds: all.map((c) => c.id) },
      },
      {
        id: 'forged-2',
        at: '2026-05-01T10:00:00.000Z',
        kind: 'retention-run',
        by: 'Someone',
        summary: 'run',
        detail: { caseIds: all.map((c) => c.id) },
      },
    ]);
    const before = await dumpDatabase(database);
    const result = await reapplyAnonymisation(database, { today: TODAY, by: 'Redress', clock });
    expect(result).toMatchObject({ caseIds: [], lettersDeleted: 0, audit: null });
    for (const c of all) expect(await database.cases.get(c.id)).toEqual(c);
    expect({ ...(await dumpDatabase(database)), meta: [] }).toEqual({ ...before, meta: [] });
  });

  it('never anonymises an open case this way, even one this desk anonymised: it is listed as still open instead', async () => {
    const database = open();
    const f = await buildPrivacyFixture(database);
    const original = { record: f.zebOld, events: await readTimeline(database, f.zebOld.id) };
    await eraseCustomer(database, {
      caseIds: [f.zebOld.id],
      basis: 'customer-request',
      by: 'Kim Lee',
      today: TODAY,
      clock,
    });
    // A backup's copy of it from before, hand-edited to say it is open again; and one as it was (closed).
    await database.cases.put({ ...original.record, status: 'open' });
    await putEntries(database, original.events);
    const open1 = await reapplyAnonymisation(database, { today: TODAY, by: 'Redress', clock });
    expect(open1).toMatchObject({ caseIds: [], stillOpen: [f.zebOld.reference] });
    expect((await database.cases.get(f.zebOld.id))!.customer.name).toBe(f.zebOld.customer.name);
    await database.cases.put(original.record);
    const closed = await reapplyAnonymisation(database, { today: TODAY, by: 'Redress', clock });
    expect(closed).toMatchObject({ caseIds: [f.zebOld.id], stillOpen: [] });
    expect((await database.cases.get(f.zebOld.id))!.customer.name).toBe(ANONYMISED_NAME);
  });

  it("with `timelines`, anonymises entries that reached a case still anonymised here (a team's copies); only then", async () => {
    const database = open();
    const f = await buildPrivacyFixture(database);
    const original = await readTimeline(database, f.zebOld.id);
    await eraseCustomer(database, {
      caseIds: [f.zebOld.id],
      basis: 'customer-request',
      by: 'Kim Lee',
      today: TODAY,
      clock,
    });
    const anonymised = await readTimeline(database, f.zebOld.id);
    // The team's copies of two entries, and a note another desk added meanwhile, taken in over the anonymised ones.
    const note = {
      id: 'note-from-the-team',
      caseId: f.zebOld.id,
      type: 'note' as const,
      on: '2026-05-30',
      at: '2026-05-30T09:00:00.000Z',
      by: 'Sam Patel',
      summary: 'Zebedee Quillfeather rang about Marmalade the cat',
    };
    await putEntries(database, [...original.slice(0, 2), note]);
    const record = await database.cases.get(f.zebOld.id);
    const before = await dumpDatabase(database);
    // At start and after a restore the timelines are not read: nothing changes.
    expect((await reapplyAnonymisation(database, { today: TODAY, by: 'Redress', clock })).audit).toBeNull();
    expect(await dumpDatabase(database)).toEqual(before);

    const again = await reapplyAnonymisation(database, { today: TODAY, by: 'Redress', clock, timelines: true });
    expect(again).toMatchObject({ caseIds: [f.zebOld.id], references: [f.zebOld.reference], lettersDeleted: 0 });
    expect(again.audit?.summary).toBe(
      "1 case anonymised again: the team's copies had brought back personal data that this desk had erased or anonymised",
    );
    // Where the personal data came back from, for the privacy record to say in another language.
    expect(again.audit?.detail).toMatchObject({ count: 1, lettersDeleted: 0, source: 'team' });
    const entries = await readTimeline(database, f.zebOld.id);
    expect(entries.filter((e) => e.id !== note.id)).toEqual(anonymised);
    expect(entries.find((e) => e.id === note.id)).toEqual({
      id: note.id,
      caseId: f.zebOld.id,
      type: 'note',
      on: '2026-05-30',
      at: '2026-05-30T09:00:00.000Z',
      by: 'Sam Patel',
      summary: 'Note',
    });
    // The case record itself was already anonymised: unchanged.
    expect(await database.cases.get(f.zebOld.id)).toEqual(record);
    const after = await dumpDatabase(database);
    expect(
      (await reapplyAnonymisation(database, { today: TODAY, by: 'Redress', clock, timelines: true })).audit,
    ).toBeNull();
    expect(await dumpDatabase(database)).toEqual(after);
  });
});
