// Providers travel with the desk's settings (issue #16): a backup carries them, a restore brings them back, and the
// restored cases' letters are written on their own provider's letterhead. A provider the stored-row schema refuses
// (the same check every write passes) is refused in a backup too, with its place named.
import 'fake-indexeddb/auto';
import { deskSettings as storedDesk } from '#db/desk';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupFileError, decodeBackup, encodeBackup } from '#shared/backup/format';
import { settingsForCase, withProviders, type Provider } from '#shared/model/provider';
import { closeAll, freshDatabase } from '#test/support/backup';
import { newCaseParts } from '#test/support/cases';
import { deskSettings } from '#test/support/desk';
import { makeBackup, readBackupFile, restoreBackup } from '#db/backup/backup';
import { createCase, saveSettings } from '#db/repositories/cases';
import { assertStorable } from '#shared/model/stored';
import { deskProcedures, installDeskProcedures } from '#shared/rules/index';
import { savedCopy } from '#test/support/procedures';

afterEach(async () => {
  await closeAll();
  installDeskProcedures([]);
});

const jive: Provider = {
  id: 'jive',
  name: 'Jive Canada',
  company: {
    name: 'Jive Communications Canada',
    addressLines: ['1000 rue De La Gauchetière', 'Montréal QC'],
    postcode: 'H3B 4W5',
  },
  procedureId: 'jive-ca',
  calendar: 'canada',
  languages: ['fr-CA', 'en-CA'],
  defaultLanguage: 'fr-CA',
  region: 'CA',
};
const desk = () => {
  const s = withProviders(deskSettings({ defaultProcedureId: 'kijoma' }));
  return { ...s, providers: [...s.providers!, jive] };
};

describe('providers in a backup', () => {
  it('are carried and restored; each restored case keeps its own provider, procedure and calendar', async () => {
    const source = freshDatabase();
    await saveSettings(source, desk());
    const settings = (await storedDesk(source))!;
    const uk = await createCase(source, newCaseParts({ customer: { name: 'Ada' } }), { settings, by: 'Sam' });
    const ca = await createCase(source, newCaseParts({ customer: { name: 'Béatrice' } }), {
      settings,
      providerId: 'jive',
      by: 'Sam',
    });
    expect(ca).toMatchObject({ providerId: 'jive', procedureId: 'jive-ca', calendar: 'canada' });
    expect(uk).toMatchObject({ providerId: 'first', procedureId: 'kijoma', calendar: 'england-and-wales' });

    const made = await makeBackup(source);
    const target = freshDatabase();
    await restoreBackup(target, await readBackupFile(target, made.file), { mode: 'into-empty', by: 'Sam' });
    const restored = (await storedDesk(target))!;
    expect(restored.providers).toEqual(settings.providers);
    const restoredCa = (await target.cases.get(ca.id))!;
    expect(settingsForCase(restoredCa, restored).company.name).toBe('Jive Communications Canada');
    expect(settingsForCase((await target.cases.get(uk.id))!, restored).company.name).toBe('Acme Broadband Ltd');
  });

  it('a retired provider takes no new case; its old cases are untouched', async () => {
    const database = freshDatabase();
    const s = desk();
    await saveSettings(database, {
      ...s,
      providers: s.providers!.map((p) => (p.id === 'jive' ? { ...p, retiredOn: '2026-12-01' } : p)),
    });
    const settings = (await storedDesk(database))!;
    await expect(createCase(database, newCaseParts(), { settings, providerId: 'jive', by: 'Sam' })).rejects.toThrow(
      'Jive Canada was retired on 2026-12-01 and takes no new cases',
    );
    await expect(createCase(database, newCaseParts(), { settings, providerId: 'nope', by: 'Sam' })).rejects.toThrow(
      'this desk has no provider “nope”',
    );
    expect(await database.cases.count()).toBe(0);
  });

  it('a bad provider is refused when written and in a backup, with its place named', async () => {
    const bad = { key: 'desk', value: { ...desk(), providers: [desk().providers![0], { ...jive, calendar: 'mars' }] } };
    expect(() => assertStorable('settings', bad)).toThrow(/providers\[1\]\.calendar: must be one of/);
    const sha256 = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    const empty = {
      cases: [],
      events: [],
      counters: [],
      letters: [],
      people: [],
      notified: [],
      audit: [],
      meta: [],
      attachments: [],
      providers: [],
      procedures: [],
    };
    const file = await encodeBackup(
      { ...empty, settings: [bad as never] },
      { madeAt: '2026-11-22T14:30:00.000Z', schemaVersion: 7, sha256 },
    );
    const error = await decodeBackup(file, { sha256, currentSchemaVersion: 7 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupFileError);
    expect((error as BackupFileError).problems.join('\n')).toMatch(/settings\[0\]\.value\.providers\[1\]\.calendar/);
  });

  it('the desk’s procedures are carried and installed; a bad one refuses the file with its place named', async () => {
    const source = freshDatabase();
    await saveSettings(source, desk());
    const copy = await savedCopy(source, 'kijoma');
    const made = await makeBackup(source);
    installDeskProcedures([]);
    const target = freshDatabase();
    await restoreBackup(target, await readBackupFile(target, made.file), { mode: 'into-empty', by: 'Sam' });
    expect((await target.procedures.toArray()).map((r) => r.procedure)).toEqual([copy]);
    expect(deskProcedures().byId.get(copy.id)).toEqual(copy);
    // Its providers come back as rows of their own.
    expect((await target.providers.toArray()).length).toBe(2);

    const sha256 = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    const badCopy = { ...copy, stages: [{ ...copy.stages[0], target: { amount: 3, unit: 'fortnights', what: 'x' } }] };
    const row = {
      key: `${copy.id}@1`,
      id: copy.id,
      version: 1,
      savedAt: '2026-12-02T09:00:00.000Z',
      procedure: badCopy,
    };
    const empty = { cases: [], events: [], counters: [], letters: [], people: [], notified: [], audit: [], meta: [] };
    const file = await encodeBackup(
      { ...empty, settings: [], providers: [], procedures: [row as never], attachments: [] },
      { madeAt: '2026-11-22T14:30:00.000Z', schemaVersion: 9, sha256 },
    );
    const error = await decodeBackup(file, { sha256, currentSchemaVersion: 9 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupFileError);
    expect((error as BackupFileError).problems.join('\n')).toMatch(
      /procedures\[0\]\.procedure\.stages\[0\]\.target\.unit/,
    );
  });
});
