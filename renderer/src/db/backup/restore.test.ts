import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupFileError } from '#shared/backup/format';
import type { NewCaseParts } from '#shared/model/intake';
import { closeAll, DESK, freshDatabase, seedDesk, snapshot } from '#test/support/backup';
import { deskSettings } from '#test/support/desk';
import { newCaseParts } from '#test/support/cases';
import { fr } from '#test/support/translate';
import { backupErrorIn } from '#lib/i18n/index';
import { encodeBackup } from '#shared/backup/format';
import { sha256Hex } from '#db/repositories/cases';
import {
  checkBackupStreamed,
  LAST_BACKUP_KEY,
  lastBackup,
  makeBackup,
  planRestore,
  previewAnonymisation,
  readAllTables,
  readBackupFile,
  recordBackupMade,
  restoreBackup,
  RestoreError,
} from './backup';
import { deriveCaseIndex, deriveReportRow } from '#db/case-index/derive';
import { appendEvent, createCase } from '#db/repositories/cases';
import type { RedressDatabase } from '../schema';
import { SHARING_META_KEYS } from '../outbox';
import { ANONYMISED_HERE_KEY, eraseCustomer } from '#db/repositories/retention';
import { countEntries, readTimeline } from '../timeline';

afterEach(closeAll);

const clockAt = (iso: string) => ({ now: () => new Date(iso) });
const parts = (name: string): NewCaseParts =>
  newCaseParts({ channel: 'phone', customer: { name }, summary: `Complaint from ${name}` });

async function backupOf(database: RedressDatabase, at = '2026-11-22T14:30:00.000Z') {
  const made = await makeBackup(database, { clock: clockAt(at) });
  return readBackupFile(database, made.file);
}

/** Without what the restore adds of its own: its audit row and this desk's record of the cases it anonymised. */
const withoutRestoreAudit = (snap: Record<string, unknown[]>) => ({
  ...snap,
  audit: snap.audit.filter((a) => (a as { kind: string }).kind !== 'restore'),
  meta: snap.meta.filter((m) => (m as { key: string }).key !== ANONYMISED_HERE_KEY),
});

describe('making a backup', () => {
  it('names the file after the desk and the local date, and counts every table', async () => {
    const database = freshDatabase();
    await seedDesk(database, 30, { letterEvery: 10 });
    const made = await makeBackup(database, { clock: clockAt('2026-11-22T23:30:00.000Z') });
    // 23:30 UTC is already the 22nd in London in winter (GMT), but a summer evening would be the next day.
    expect(made.fileName).toBe('redress-backup-RDR-2026-11-22.redress-backup');
    // In French: named in the interface language, the extension (which restore goes by) the same.
    const french = await makeBackup(database, {
      clock: clockAt('2026-11-22T23:30:00.000Z'),
      fileStem: fr('data.backup.fileName'),
    });
    expect(french.fileName).toBe('redress-sauvegarde-RDR-2026-11-22.redress-backup');
    expect(made.counts).toMatchObject({
      cases: 30,
      letters: 3,
      settings: 1,
      people: 2,
      notified: 1,
      audit: 1,
      meta: 1,
    });
    expect(made.counts.events).toBe(await countEntries(database));
  });

  it('remembers the last backup, and a restore never overwrites that with the file’s', async () => {
    const database = freshDatabase();
    await seedDesk(database, 3);
    await recordBackupMade(database, { at: '2026-11-01T10:00:00.000Z', fileName: 'old.redress-backup', how: 'saved' });
    const backup = await backupOf(database);
    expect(backup.content.meta.map((m) => m.key)).toContain(LAST_BACKUP_KEY);
    await recordBackupMade(database, {
      at: '2026-11-22T15:00:00.000Z',
      fileName: 'new.redress-backup',
      how: 'automatic',
    });
    await restoreBackup(database, backup, { mode: 'replace', by: 'Sam Patel' });
    expect(await lastBackup(database)).toEqual({
      at: '2026-11-22T15:00:00.000Z',
      fileName: 'new.redress-backup',
      how: 'automatic',
    });
  });
});

describe('restore into an empty desk', () => {
  it('brings back every table, the case index rebuilt, and records the restore in the audit trail', async () => {
    const source = freshDatabase();
    await seedDesk(source, 40, { letterEvery: 7 });
    const before = await snapshot(source);
    const backup = await backupOf(source);

    const target = freshDatabase();
    // A new PC after the first-run settings: settings and the desk's person exist, no cases.
    await target.settings.put({ key: 'desk', value: { ...DESK, handlerName: 'New Person' } });
    await target.people.add({ id: 'first-run', name: 'New Person', active: true });
    const report = await restoreBackup(target, backup, {
      mode: 'into-empty',
      by: 'New Person',
      clock: clockAt('2026-11-23T09:00:00.000Z'),
    });

    expect(withoutRestoreAudit(await snapshot(target))).toEqual(before);
    expect(report.casesNow).toBe(40);
    const audit = (await target.audit.where('kind').equals('restore').toArray())[0];
    expect(audit).toMatchObject({
      at: '2026-11-23T09:00:00.000Z',
      by: 'New Person',
      summary: expect.stringContaining('(into an empty desk): 40 cases'),
    });
    // No personal data in the audit row: no customer's name appears in it.
    const auditText = JSON.stringify(audit);
    for (const c of before.cases as { customer: { name: string } }[]) expect(auditText).not.toContain(c.customer.name);
  });

  it('is refused when the desk already has cases, and nothing changes', async () => {
    const source = freshDatabase();
    await seedDesk(source, 5);
    const backup = await backupOf(source);
    const target = freshDatabase();
    await createCase(target, parts('Grace Hopper'), { settings: DESK, by: 'Sam Patel' });
    const before = await snapshot(target);
    await expect(restoreBackup(target, backup, { mode: 'into-empty', by: 'Sam Patel' })).rejects.toThrow(
      /This desk is not empty: it holds 1 case\./,
    );
    expect(await snapshot(target)).toEqual(before);
    // h17: the refusal is coded, so the restore panel says it in French.
    const refused = await restoreBackup(target, backup, { mode: 'into-empty', by: 'Sam Patel' }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(RestoreError);
    expect(backupErrorIn(fr, refused as RestoreError)).toBe(
      'Ce service n’est pas vide\u00a0: il contient des dossiers (1). Choisissez plutôt «\u00a0Fusionner avec ce qui est ici\u00a0» ou «\u00a0Remplacer ce qui est ici\u00a0».',
    );
  });
});

describe('replace', () => {
  it('makes the desk the backup’s copy but keeps the counters’ highest values and the whole audit trail', async () => {
    const source = freshDatabase();
    await seedDesk(source, 10);
    const backup = await backupOf(source);

    const target = freshDatabase();
    await target.settings.put({ key: 'desk', value: DESK });
    // This desk has handed out references up to RDR-2026-000901 and has its own audit trail.
    await target.audit.add({
      id: 'here-1',
      at: '2026-11-20T10:00:00.000Z',
      kind: 'erasure',
      by: 'Sam Patel',
      summary: '1 case erased',
    });
    await createCase(target, parts('Alan Turing'), {
      settings: DESK,
      by: 'Sam Patel',
      clock: clockAt('2026-11-20T10:00:00.000Z'),
    });
    await target.counters.put({ key: 'RDR-2026', last: 901 });

    const report = await restoreBackup(target, backup, { mode: 'replace', by: 'Sam Patel' });
    const after = await snapshot(target);
    expect(after.cases).toEqual((await snapshot(source)).cases);
    expect(report.removed.cases).toBe(1);
    expect((await target.counters.get('RDR-2026'))!.last).toBe(901);
    expect((after.audit as { id: string }[]).map((a) => a.id)).toEqual(expect.arrayContaining(['here-1', 'audit-1']));
    // The next complaint does not reuse a reference handed out before the restore.
    const next = await createCase(target, parts('Mary Jackson'), {
      settings: DESK,
      by: 'Sam Patel',
      clock: clockAt('2026-11-24T10:00:00.000Z'),
    });
    expect(next.reference).toBe('RDR-2026-000902');
  });
});

describe('what a replace does to the desk’s cases (explore39 #2, #5)', () => {
  it('names before it the cases the backup does not hold, and reports cases unchanged, changed, added and lost', async () => {
    const desk = freshDatabase();
    await seedDesk(desk, 12);
    const made = await makeBackup(desk, { clock: clockAt('2026-11-22T14:30:00.000Z') });
    // After the backup: one complaint logged (lost by the replace) and one case changed (back to the backup's copy).
    const after = await createCase(desk, parts('After Backup'), {
      settings: DESK,
      by: 'Sam Patel',
      clock: clockAt('2026-11-23T10:00:00.000Z'),
    });
    const [changed] = await desk.cases.limit(1).toArray();
    await desk.cases.put({ ...changed, updatedAt: '2026-11-23T11:00:00.000Z' });
    const checked = await checkBackupStreamed(desk, made.file);

    const plan = await planRestore(desk, checked);
    expect(plan.cases).toEqual({
      unchanged: 11,
      changed: 1,
      added: 0,
      lost: 1,
      lostFirst: [{ reference: after.reference, name: 'After Backup' }],
    });
    // The backup is this desk's own: no other-desk warning.
    expect(plan.otherDesk).toBeUndefined();

    // Into a new copy (as the app replaces) the desk is compared while the file is written: the same comparison.
    const copy = freshDatabase();
    const intoCopy = await restoreBackup(desk, checked, { mode: 'replace', by: 'Sam Patel', into: copy });
    expect(intoCopy.cases).toEqual(plan.cases);
    // What it removed is counted meanwhile too, and recorded in the copy's audit trail with the restore.
    expect(intoCopy.removed.cases).toBe(13);
    const [restored] = await copy.audit.where('kind').equals('restore').toArray();
    expect(restored.detail).toMatchObject({ removed: { cases: 13, events: await countEntries(desk) } });
    expect(await copy.cases.get(after.id)).toBeUndefined();
    expect(await desk.cases.get(after.id)).toBeDefined();

    const report = await restoreBackup(desk, checked, { mode: 'replace', by: 'Sam Patel' });
    expect(report.cases).toEqual(plan.cases);
    expect(await desk.cases.get(after.id)).toBeUndefined();
  });

  it('says a backup of another desk (its prefix and company) is one, unless this desk has nothing to lose', async () => {
    const other = freshDatabase();
    await seedDesk(other, 1, { prefix: 'SWT', seed: 5 });
    const southwind = deskSettings({
      deskPrefix: 'SWT',
      company: { name: 'Southwind Telecom', addressLines: ['Bristol'], postcode: 'BS1 1AA' },
    });
    await other.settings.put({ key: 'desk', value: southwind });
    const made = await makeBackup(other, { clock: clockAt('2026-11-22T14:30:00.000Z') });

    const desk = freshDatabase();
    await seedDesk(desk, 12);
    const plan = await planRestore(desk, await checkBackupStreamed(desk, made.file));
    expect(plan.otherDesk).toEqual({ prefix: 'SWT', company: 'Southwind Telecom' });
    expect(plan.cases).toMatchObject({ unchanged: 0, changed: 0, added: 1, lost: 12 });
    expect(plan.cases.lostFirst).toHaveLength(5);

    // A desk set up with nothing logged yet (moving to a new computer): nothing to lose, nothing to warn of.
    const empty = freshDatabase();
    await empty.settings.put({ key: 'desk', value: DESK });
    expect((await planRestore(empty, await checkBackupStreamed(empty, made.file))).otherDesk).toBeUndefined();
  });
});

describe('replace into a new copy (what the app does; the desk then switches to it, ../storage.ts)', () => {
  /** A snapshot without what differs between two runs of the same restore: the ids of the audit rows it adds. */
  const comparable = (snap: Record<string, unknown[]>) => ({
    ...snap,
    audit: snap.audit
      .map((a) => JSON.stringify({ ...(a as object), id: undefined }))
      .sort()
      .map((a) => JSON.parse(a) as unknown),
  });

  it('gives the desk a replace in place gives, erasures and counters included, and leaves the old copy as it was', async () => {
    const desk = freshDatabase();
    await seedDesk(desk, 30, { letterEvery: 3 });
    const made = await makeBackup(desk, { clock: clockAt('2026-11-22T14:30:00.000Z') });
    // After the backup: a customer erased, a complaint logged (a reference handed out), a backup recorded.
    const closed = (await desk.cases.toArray()).find((c) => c.status === 'closed')!;
    await eraseCustomer(desk, {
      caseIds: [closed.id],
      basis: 'customer-request',
      by: 'Sam Patel',
      today: '2026-11-22',
    });
    await desk.counters.put({ key: 'RDR-2026', last: 901 });
    await createCase(desk, parts('Alan Turing'), {
      settings: DESK,
      by: 'Sam Patel',
      clock: clockAt('2026-11-23T08:00:00.000Z'),
    });
    await recordBackupMade(desk, { at: '2026-11-23T08:30:00.000Z', fileName: 'mine.redress-backup', how: 'saved' });
    const before = await snapshot(desk);
    const clock = clockAt('2026-11-23T09:00:00.000Z');

    const copies = [];
    for (const streamed of [true, false]) {
      const copy = freshDatabase('copy');
      const checked = streamed ? await checkBackupStreamed(desk, made.file) : await readBackupFile(desk, made.file);
      const report = await restoreBackup(desk, checked, { mode: 'replace', by: 'Sam Patel', clock, into: copy });
      // The old copy is only read.
      expect(await snapshot(desk)).toEqual(before);
      copies.push({ copy, report });
    }
    const inPlace = await restoreBackup(desk, await checkBackupStreamed(desk, made.file), {
      mode: 'replace',
      by: 'Sam Patel',
      clock,
    });
    expect(inPlace.removed.cases).toBe(31);
    expect(inPlace.anonymisedAgain!.references).toEqual([closed.reference]);
    for (const { copy, report } of copies) {
      expect(report).toEqual(inPlace);
      expect(comparable(await snapshot(copy))).toEqual(comparable(await snapshot(desk)));
    }
    // What a replace keeps: the counters' highest value (902 handed out after the backup), this install's last backup,
    // the audit trail with the erasure.
    const [{ copy }] = copies;
    expect((await copy.counters.get('RDR-2026'))!.last).toBe(902);
    expect(await lastBackup(copy)).toMatchObject({ fileName: 'mine.redress-backup' });
    expect((await copy.audit.toArray()).map((a) => a.kind)).toEqual(expect.arrayContaining(['erasure', 'restore']));
    expect((await copy.cases.get(closed.id))!.anonymisedOn).toBe('2026-11-23');
  });
});

describe('merge', () => {
  it('adds what is missing, keeps the newer copy of a case, unites timelines and rebuilds their index rows', async () => {
    const database = freshDatabase();
    await database.settings.put({ key: 'desk', value: DESK });
    const a = await createCase(database, parts('Ada Lovelace'), {
      settings: DESK,
      by: 'Sam Patel',
      clock: clockAt('2026-11-18T10:00:00.000Z'),
    });
    const b = await createCase(database, parts('Alan Turing'), {
      settings: DESK,
      by: 'Sam Patel',
      clock: clockAt('2026-11-18T11:00:00.000Z'),
    });
    const backup = await backupOf(database);

    // After the backup, work goes on here: case A gets an acknowledgement (newer here).
    await appendEvent(
      database,
      a.id,
      { type: 'acknowledged', on: '2026-11-19', by: 'Sam Patel', summary: 'Acknowledged' },
      clockAt('2026-11-19T09:00:00.000Z'),
    );
    // Meanwhile the backup's copy of case B was worked on elsewhere (newer in the file): a note and a new summary.
    const caseB = backup.content.cases.find((c) => c.id === b.id)!;
    caseB.summary = 'Updated elsewhere';
    caseB.updatedAt = '2026-11-21T09:00:00.000Z';
    backup.content.events.push({
      id: 'elsewhere-1',
      caseId: b.id,
      type: 'acknowledged',
      on: '2026-11-21',
      at: '2026-11-21T09:00:00.000Z',
      by: 'Jo',
      summary: 'Acknowledged elsewhere',
    });
    // And a case only the file has.
    backup.content.cases.push({
      ...caseB,
      id: 'only-in-file',
      reference: 'RDR-2026-000077',
      summary: 'Only in the file',
      updatedAt: '2026-11-21T09:00:00.000Z',
    });
    backup.content.counters = [{ key: 'RDR-2026', last: 77 }];

    const report = await restoreBackup(database, backup, { mode: 'merge', by: 'Sam Patel' });
    expect(report.added.cases).toBe(1);
    expect(report.updated.cases).toBe(1);
    expect(report.kept.cases).toBe(1);
    expect(report.added.events).toBe(1);

    expect((await database.cases.get(b.id))!.summary).toBe('Updated elsewhere');
    expect((await readTimeline(database, a.id)).map((e) => e.type).sort()).toEqual(['acknowledged', 'received']);
    expect(await database.cases.get('only-in-file')).toBeDefined();
    expect((await database.counters.get('RDR-2026'))!.last).toBe(77);
    // Every index row is what the facts give.
    for (const record of await database.cases.toArray()) {
      const events = await readTimeline(database, record.id);
      const { updatedAt: _u, ...row } = deriveCaseIndex(record, events);
      expect(await database.caseIndex.get(record.id)).toMatchObject(row);
    }
    expect((await database.caseIndex.get(b.id))!.acknowledged).toBe(1);
  });

  it('is refused, with the reference, when a reference belongs to a different case here; nothing changes', async () => {
    const source = freshDatabase();
    await createCase(source, parts('Ada Lovelace'), {
      settings: DESK,
      by: 'Sam Patel',
      clock: clockAt('2026-11-18T10:00:00.000Z'),
    });
    const backup = await backupOf(source);
    const target = freshDatabase();
    await createCase(target, parts('Someone Else'), {
      settings: DESK,
      by: 'Sam Patel',
      clock: clockAt('2026-11-18T10:00:00.000Z'),
    });
    const before = await snapshot(target);
    const error = await restoreBackup(target, backup, { mode: 'merge', by: 'Sam Patel' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreError);
    expect((error as RestoreError).message).toContain('reference RDR-2026-000001 belongs to a different case here');
    expect(await snapshot(target)).toEqual(before);
  });

  it('compares updatedAt as instants: a copy written with +01:00 thirty minutes older does not overwrite a newer edit', async () => {
    const database = freshDatabase();
    await database.settings.put({ key: 'desk', value: DESK });
    const a = await createCase(database, parts('Ada Lovelace'), {
      settings: DESK,
      by: 'Sam Patel',
      clock: clockAt('2026-11-18T10:00:00.000Z'),
    });
    const backup = await backupOf(database);
    await database.cases.update(a.id, { summary: 'Newer edit here', updatedAt: '2026-11-21T09:30:00.000Z' });
    // 10:00 at +01:00 is 09:00 UTC: thirty minutes older, though later as text.
    const copy = backup.content.cases.find((c) => c.id === a.id)!;
    copy.summary = 'Older copy elsewhere';
    copy.updatedAt = '2026-11-21T10:00:00.000+01:00';
    const report = await restoreBackup(database, backup, { mode: 'merge', by: 'Sam Patel' });
    expect(report.kept.cases).toBe(1);
    expect((await database.cases.get(a.id))!.summary).toBe('Newer edit here');
    // And the other way round: a copy written at +01:00 that is the newer instant wins.
    copy.summary = 'Newer copy elsewhere';
    copy.updatedAt = '2026-11-21T10:45:00.000+01:00';
    expect((await restoreBackup(database, backup, { mode: 'merge', by: 'Sam Patel' })).updated.cases).toBe(1);
    expect((await database.cases.get(a.id))!.summary).toBe('Newer copy elsewhere');
  });

  it('does not list the same person twice', async () => {
    const source = freshDatabase();
    await seedDesk(source, 2);
    const backup = await backupOf(source);
    const target = freshDatabase();
    await target.people.add({ id: 'first-run', name: 'sam patel ', active: true });
    await restoreBackup(target, backup, { mode: 'merge', by: 'Sam Patel' });
    expect((await target.people.toArray()).map((p) => p.name).sort()).toEqual(['Jo Bloggs', 'sam patel ']);
  });
});

describe('erasures stay erased', () => {
  it('says before a restore what it will anonymise again, does it in the restore, and never anonymises an open copy', async () => {
    const database = freshDatabase();
    await seedDesk(database, 30, { letterEvery: 3 });
    const older = await backupOf(database);
    const [closedA, closedB] = (await database.cases.toArray()).filter((c) => c.status === 'closed');
    await eraseCustomer(database, {
      caseIds: [closedA.id, closedB.id],
      basis: 'customer-request',
      by: 'Sam Patel',
      today: '2026-11-22',
    });
    // The older backup holds both with their personal data; in this copy of it, B was hand-edited to say it is open.
    const copyB = older.content.cases.find((c) => c.id === closedB.id)!;
    copyB.status = 'open';
    expect(await previewAnonymisation(database, older.content.cases)).toEqual({
      merge: [],
      replace: [closedA.reference],
      open: [closedB.reference],
    });

    const report = await restoreBackup(database, older, {
      mode: 'replace',
      by: 'Sam Patel',
      clock: clockAt('2026-11-23T09:00:00.000Z'),
    });
    expect(report.anonymisedAgain).toMatchObject({ references: [closedA.reference], stillOpen: [closedB.reference] });
    expect(report.anonymisedAgain!.lettersDeleted).toBe(
      older.content.letters.filter((l) => l.caseId === closedA.id).length,
    );
    const a = (await database.cases.get(closedA.id))!;
    expect(a.anonymisedOn).toBe('2026-11-23');
    expect(a.customer.name).not.toBe(closedA.customer.name);
    expect(await database.letters.where('caseId').equals(closedA.id).count()).toBe(0);
    // The open copy is restored as it is.
    expect(await database.cases.get(closedB.id)).toEqual(copyB);
  });
});

describe('a desk in a team', () => {
  it.each(['replace', 'merge'] as const)(
    '%s is refused by its membership alone, as in the backup worker, whose connection never shares (explore34c #3)',
    async (mode) => {
      const source = freshDatabase();
      await seedDesk(source, 5, { seed: 5 });
      const backup = await backupOf(source);
      const target = freshDatabase();
      await seedDesk(target, 5, { seed: 6, prefix: 'LDS' });
      await target.meta.put({ key: SHARING_META_KEYS.membership, value: { user: 'desk1', prefix: 'LDS' } });
      expect(target.sharing).toBe(false);
      const before = await snapshot(target);
      const error = await restoreBackup(target, backup, { mode, by: 'Sam Patel' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RestoreError);
      expect((error as RestoreError).message).toMatch(/^This desk shares its cases with a team/);
      expect(await snapshot(target)).toEqual(before);
    },
  );
});

describe('all or nothing', () => {
  it.each(['replace', 'merge', 'into-empty'] as const)(
    '%s: a failure halfway through leaves the database exactly as it was',
    async (mode) => {
      const source = freshDatabase();
      await seedDesk(source, 20, { seed: 3 });
      const backup = await backupOf(source);
      const target = freshDatabase();
      await seedDesk(target, mode === 'into-empty' ? 0 : 15, { seed: 4, prefix: 'OLD' });
      const before = await snapshot(target);
      // The disk fails at the very last write (the restore's audit row), after everything else went in.
      const failing = (() => {
        throw new Error('disk failure');
      }) as () => void;
      target.audit.hook('creating', failing);
      await expect(restoreBackup(target, backup, { mode, by: 'Sam Patel' })).rejects.toThrow('disk failure');
      target.audit.hook('creating').unsubscribe(failing);
      expect(await snapshot(target)).toEqual(before);
    },
  );
});

describe('reading a file', () => {
  it('refuses a file from a newer database version', async () => {
    const database = freshDatabase();
    await seedDesk(database, 1);
    const made = await makeBackup(database);
    // The same database, as if this Redress were older (version 2).
    const { decodeBackupSource } = await import('#shared/backup/archive');
    const { blobSource } = await import('./backup');
    const { sha256Hex } = await import('#db/repositories/cases');
    const error = await decodeBackupSource(blobSource(made.file), { sha256: sha256Hex, currentSchemaVersion: 2 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupFileError);
    expect((error as BackupFileError).message).toContain(
      `database version ${database.verno}; this Redress has version 2`,
    );
  });
});

describe('a restore that reads the checked file again (checkBackupStreamed: what the app holds)', () => {
  /** The same file restored from the whole content and streamed, into two copies of the same desk. */
  async function both(file: Blob | Uint8Array, mode: 'replace' | 'into-empty') {
    const [whole, streamed] = [freshDatabase(), freshDatabase()];
    if (mode === 'replace') for (const d of [whole, streamed]) await seedDesk(d, 25, { seed: 7, letterEvery: 5 });
    const clock = clockAt('2026-11-23T09:00:00.000Z');
    const a = await restoreBackup(whole, await readBackupFile(whole, file), { mode, by: 'Sam Patel', clock });
    const checked = await checkBackupStreamed(streamed, file);
    // Only the small tables are held between the check and the restore.
    expect(checked.content.cases).toEqual([]);
    expect(checked.content.events).toEqual([]);
    const b = await restoreBackup(streamed, checked, { mode, by: 'Sam Patel', clock });
    expect(b).toEqual(a);
    expect(withoutRestoreAudit(await snapshot(streamed))).toEqual(withoutRestoreAudit(await snapshot(whole)));
    return streamed;
  }

  it('gives the same desk as the whole file, replace and into-empty, the index built as the entries pass', async () => {
    const source = freshDatabase();
    await seedDesk(source, 120, { letterEvery: 6 });
    const made = await makeBackup(source, { clock: clockAt('2026-11-22T14:30:00.000Z') });
    for (const mode of ['replace', 'into-empty'] as const) {
      const restored = await both(made.file, mode);
      const [record] = await restored.cases.toArray();
      const events = await readTimeline(restored, record.id);
      expect(await restored.caseIndex.get(record.id)).toEqual(deriveCaseIndex(record, events));
    }
  });

  it('a file whose timeline entries are not in case order (an older Redress) is indexed from the database', async () => {
    const source = freshDatabase();
    await seedDesk(source, 60, { letterEvery: 6 });
    const content = await readAllTables(source);
    content.events.reverse();
    const file = await encodeBackup(content, {
      madeAt: '2026-11-22T14:30:00.000Z',
      schemaVersion: source.verno,
      sha256: sha256Hex,
    });
    for (const mode of ['replace', 'into-empty'] as const) {
      const restored = await both(file, mode);
      expect(await restored.caseIndex.count()).toBe(60);
      const [record] = await restored.cases.toArray();
      const events = await readTimeline(restored, record.id);
      expect(await restored.reportRows.get(record.id)).toEqual(deriveReportRow(record, events));
    }
  });

  it('refuses a file that changed after it was checked, and changes nothing', async () => {
    const source = freshDatabase();
    await seedDesk(source, 10);
    const made = await makeBackup(source, { clock: clockAt('2026-11-22T14:30:00.000Z') });
    const database = freshDatabase();
    await seedDesk(database, 5, { seed: 3 });
    const before = await snapshot(database);
    const checked = await checkBackupStreamed(database, made.file);
    const bytes = new Uint8Array(await made.file.arrayBuffer());
    bytes[checked.rowsMember.offset + 100] ^= 1;
    await expect(
      restoreBackup(database, { ...checked, source: new Blob([bytes]) }, { mode: 'replace', by: 'Sam Patel' }),
    ).rejects.toThrow(RestoreError);
    expect(await snapshot(database)).toEqual(before);
  });
});
