// The desk's own procedures (issue #16): a copy is saved and becomes the rules'; editing one that cases follow makes a
// new version effective after the last of them, so no existing case changes version; a bad procedure writes nothing.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  caseFacts,
  copyOfProcedure,
  deskProcedures,
  evaluateCase,
  installDeskProcedures,
  KIJOMA,
  listProcedures,
  isProcedureRetired,
  procedureChoices,
  procedureFile,
  readProcedureFile,
} from '#shared/rules/index';
import { closeAll, freshDatabase } from '#test/support/backup';
import { newCaseParts } from '#test/support/cases';
import { deskSettings } from '#test/support/desk';
import { en, fr } from '#test/support/translate';
import { deskSettings as storedDesk } from '../desk';
import { RedressDatabase } from '../schema';
import { createCase, saveSettings } from './cases';
import { savedCopy } from '#test/support/procedures';
import {
  draftCopy,
  importProcedure,
  isInUse,
  ProcedureRemovalError,
  ProcedureRetirementError,
  retireProcedure,
  ProcedureSaveError,
  procedureUses,
  removeProcedure,
  saveProcedure,
} from './procedures';
import { retireProvider, saveProvider } from './providers';
import { readTimeline } from '../timeline';
import { makeBackup, readBackupFile, restoreBackup } from '../backup/backup';

afterEach(async () => {
  await closeAll();
  installDeskProcedures([]);
});

describe('the desk’s procedures', () => {
  it('a copy is named in the interface’s language: « (copie) » in French, "(copy)" in English', async () => {
    const database = freshDatabase('procedures');
    await saveSettings(database, deskSettings());
    const copy = await draftCopy(database, 'kijoma');
    expect(copy.name).toBe(`${KIJOMA.name} (copy)`);
    expect(en('procedures.copyName', { name: KIJOMA.name })).toBe(copy.name);
    const copie = await draftCopy(database, 'kijoma', (name) => fr('procedures.copyName', { name }));
    expect(copie.name).toBe(`${KIJOMA.name} (copie)`);
    await saveProcedure(database, copie);
    expect(deskProcedures().byId.get(copie.id)?.name).toBe(`${KIJOMA.name} (copie)`);
    // A second French copy is named apart.
    expect((await draftCopy(database, 'kijoma', (name) => fr('procedures.copyName', { name }))).name).toBe(
      `${KIJOMA.name} (copie 2)`,
    );
  });

  it('a copy of Kijoma, edited 5 → 3 working days once a case follows it, is a new version; the old case keeps 5', async () => {
    const database = freshDatabase('procedures');
    await saveSettings(database, deskSettings());
    const copy = await savedCopy(database, 'kijoma');
    // An id of the desk's own (p8b, G6): a random tag, so another desk of a team copying Kijoma names its copy apart.
    expect(copy).toMatchObject({ version: 1, copiedFrom: 'kijoma v1' });
    expect(copy.id).toMatch(/^kijoma-copy-[0-9a-f]{8}$/);
    expect((await savedCopy(database, 'kijoma')).id).not.toBe(copy.id);
    expect(deskProcedures().byId.get(copy.id)).toEqual(copy);

    const provider = await saveProvider(database, {
      ...(await storedDesk(database))!.providers![0],
      id: undefined,
      name: 'Kijoma',
      procedureId: copy.id,
    });
    const settings = (await storedDesk(database))!;
    const before = await createCase(database, newCaseParts({ receivedOn: '2026-11-23' }), {
      settings,
      providerId: provider.id,
      by: 'Sam',
    });
    expect(before.procedureId).toBe(copy.id);

    const edited = {
      ...copy,
      firstResponse: { default: { ...copy.firstResponse.default!, amount: 3 } },
    };
    // Cases follow version 1: without an effective date, or with one not after the case's day, nothing is written.
    await expect(saveProcedure(database, edited)).rejects.toMatchObject({ field: 'effectiveFrom' });
    await expect(saveProcedure(database, { ...edited, effectiveFrom: '2026-11-23' })).rejects.toBeInstanceOf(
      ProcedureSaveError,
    );
    expect(await database.procedures.where('id').equals(copy.id).count()).toBe(1);

    const saved = await saveProcedure(database, { ...edited, effectiveFrom: '2026-11-25' });
    expect(saved).toMatchObject({ newVersion: true, procedure: { version: 2, effectiveFrom: '2026-11-25' } });
    expect((await database.procedures.where('id').equals(copy.id).toArray()).map((r) => r.key).sort()).toEqual([
      `${copy.id}@1`,
      `${copy.id}@2`,
    ]);

    // Version 2, followed by no case yet, may still move its day, but never onto or before the day a version-1 case
    // came, nor lose it: that case would move onto version 2 and its dates change, with nothing on its timeline.
    const { effectiveFrom: _from, ...fromTheStart } = saved.procedure;
    for (const moved of [{ ...saved.procedure, effectiveFrom: '2026-11-23' }, fromTheStart])
      await expect(saveProcedure(database, moved)).rejects.toMatchObject({
        field: 'effectiveFrom',
        refusal: { kind: 'effective-too-early', version: 1, date: '2026-11-23' },
      });
    const moved = await saveProcedure(database, { ...saved.procedure, effectiveFrom: '2026-11-24' });
    expect(moved).toMatchObject({ newVersion: false, procedure: { version: 2, effectiveFrom: '2026-11-24' } });

    const after = await createCase(database, newCaseParts({ receivedOn: '2026-11-26' }), {
      settings,
      providerId: provider.id,
      by: 'Sam',
    });
    const due = async (id: string) => {
      const record = (await database.cases.get(id))!;
      const evaluation = evaluateCase(caseFacts(record, await readTimeline(database, id)), '2026-11-30');
      return {
        version: evaluation.procedureVersion.version,
        dueOn: evaluation.clocks.find((c) => c.id === 'first-response')?.dueOn,
      };
    };
    // Monday 23 Nov + 5 working days; Thursday 26 Nov + 3 working days.
    expect(await due(before.id)).toEqual({ version: 1, dueOn: '2026-11-30' });
    expect(await due(after.id)).toEqual({ version: 2, dueOn: '2026-12-01' });
  });

  it('a built-in procedure is never saved, a bad one names its field, an import of an id the desk has is refused', async () => {
    const database = freshDatabase('procedures');
    const copy = await savedCopy(database, 'jive-ca');
    await expect(saveProcedure(database, { ...copy, id: 'jive-ca' })).rejects.toMatchObject({ field: 'id' });
    await expect(
      saveProcedure(database, { ...copy, stages: [{ ...copy.stages[0], owner: '' }, ...copy.stages.slice(1)] }),
    ).rejects.toMatchObject({ field: 'stages[0].owner', message: 'must not be empty' });
    await expect(importProcedure(database, copy)).rejects.toThrow(`already has a procedure with the id "${copy.id}"`);
    expect(await database.procedures.count()).toBe(1);
  });

  it('a good procedure file is imported as the desk’s version 1, in force for every case, and the rules follow it', async () => {
    const database = freshDatabase('procedures');
    // Another office's version 2 of its copy of Kijoma, in force there from 25 Nov: 3 working days, not 5.
    const copy = copyOfProcedure(KIJOMA, new Set(['kijoma']));
    const elsewhere = {
      ...copy,
      id: 'kijoma-second-office',
      name: 'Kijoma Broadband (second office)',
      version: 2,
      effectiveFrom: '2026-11-25',
      firstResponse: { default: { ...copy.firstResponse.default!, amount: 3 } },
    };
    const read = readProcedureFile(`${JSON.stringify(procedureFile(elsewhere), null, 2)}\n`);
    if (!read.ok) throw new Error(read.message);
    const imported = await importProcedure(database, read.procedure);

    // This desk's first version: renumbered 1, its effective date dropped (the other office's versions are not
    // this desk's cases'); everything else as the file has it.
    const { effectiveFrom: _from, ...rest } = elsewhere;
    expect(imported).toEqual({ ...rest, version: 1 });
    expect(await database.procedures.toArray()).toEqual([
      expect.objectContaining({
        key: 'kijoma-second-office@1',
        id: 'kijoma-second-office',
        version: 1,
        procedure: imported,
      }),
    ]);
    // Installed: the desk's procedures (Settings → Procedures, the provider dialog) list it beside the built-in ones.
    expect(deskProcedures().byId.get('kijoma-second-office')).toEqual(imported);
    expect(listProcedures().map((p) => p.id)).toEqual(expect.arrayContaining(['kijoma', 'kijoma-second-office']));
    // The rules engine follows it for any case, even one received before the other office's date: Monday 23 Nov +
    // 3 working days = Thursday 26 Nov.
    const evaluation = evaluateCase(
      {
        procedureId: 'kijoma-second-office',
        calendar: 'england-and-wales',
        receivedOn: '2026-11-23',
        channel: 'letter',
        events: [],
      },
      '2026-11-23',
    );
    expect(evaluation.procedureVersion).toEqual({ version: 1, label: 'Kijoma Broadband (second office) v1' });
    expect(evaluation.clocks.find((c) => c.id === 'first-response')?.dueOn).toBe('2026-11-26');
    // The same file again is refused (the desk has that id), and nothing changes.
    await expect(importProcedure(database, read.procedure)).rejects.toMatchObject({ field: 'id' });
    expect(await database.procedures.count()).toBe(1);
  });

  it('a desk opening its database installs its own procedures before anything reads a case', async () => {
    const database = freshDatabase('procedures');
    const copy = await savedCopy(database, 'infinity');
    database.close();
    installDeskProcedures([]);
    expect(deskProcedures().byId.has(copy.id)).toBe(false);
    const reopened = new RedressDatabase(database.name);
    try {
      await reopened.open();
      expect(deskProcedures().byId.get(copy.id)).toEqual(copy);
    } finally {
      reopened.close();
    }
  });
});

describe('copying a procedure, and removing one of the desk’s own', () => {
  it('a copy is stored only when it is saved, named apart from every procedure the desk has', async () => {
    const database = freshDatabase('procedures');
    await saveSettings(database, deskSettings());
    const draft = await draftCopy(database, 'kijoma');
    expect(draft).toMatchObject({ name: 'Kijoma Broadband complaints procedure (copy)', version: 1 });
    // Left unsaved (Cancel, Escape, another page): nothing is stored, nothing is installed.
    expect(await database.procedures.count()).toBe(0);
    expect(deskProcedures().byId.has(draft.id)).toBe(false);
    // The draft never saved takes no name: the next copy is named "(copy)" again.
    expect((await draftCopy(database, 'kijoma')).name).toBe('Kijoma Broadband complaints procedure (copy)');

    await saveProcedure(database, draft);
    expect((await draftCopy(database, 'kijoma')).name).toBe('Kijoma Broadband complaints procedure (copy 2)');
    // A name taken whatever its letter case and spacing counts as taken.
    await saveProcedure(database, {
      ...(await draftCopy(database, 'kijoma')),
      name: 'KIJOMA Broadband  complaints procedure (COPY 2)',
    });
    expect((await draftCopy(database, 'kijoma')).name).toBe('Kijoma Broadband complaints procedure (copy 3)');
    expect(await database.procedures.count()).toBe(2);
  });

  it('refuses a procedure named as another of the desk’s, built-in ones included, whatever the letter case', async () => {
    const database = freshDatabase('procedures');
    const first = await savedCopy(database, 'kijoma');
    const second = await draftCopy(database, 'kijoma');
    for (const name of [first.name, first.name.toUpperCase(), `  ${first.name.replace(/ /g, '  ')} `]) {
      const refused = await saveProcedure(database, { ...second, name }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ProcedureSaveError);
      expect(refused).toMatchObject({
        field: 'name',
        message: `another procedure is already called "${first.name}": give this one a name of its own`,
        said: { code: 'name-taken', values: { name: first.name } },
      });
    }
    await expect(saveProcedure(database, { ...second, name: 'ofcom baseline PROCEDURE' })).rejects.toMatchObject({
      field: 'name',
      said: { values: { name: 'Ofcom baseline procedure' } },
    });
    // An import of another desk's file by a name the desk has is refused too.
    await expect(importProcedure(database, { ...second, id: 'kijoma-elsewhere', name: first.name })).rejects.toThrow(
      /already called/,
    );
    expect(await database.procedures.count()).toBe(1);
    // A procedure keeps its own name when it is edited; a new one with a name of its own is saved.
    await expect(saveProcedure(database, { ...first, notes: ['edited'] })).resolves.toMatchObject({
      newVersion: false,
    });
    await expect(saveProcedure(database, { ...second, name: 'Kijoma, second office' })).resolves.toBeDefined();
    expect(await database.procedures.count()).toBe(2);
  });

  it('removes an own procedure no one uses, every version; refuses one a provider, the settings or a case uses', async () => {
    const database = freshDatabase('procedures');
    await saveSettings(database, deskSettings());
    const unused = await savedCopy(database, 'kijoma');
    // A second version, as a procedure has once the cases of its first were moved to another (a correction).
    const second = { ...unused, version: 2, effectiveFrom: '2026-12-01' };
    await database.procedures.put({
      key: `${unused.id}@2`,
      id: unused.id,
      version: 2,
      savedAt: '2026-11-30T09:00:00.000Z',
      procedure: second,
    });
    const followed = await savedCopy(database, 'infinity');
    const provider = await saveProvider(database, {
      ...(await storedDesk(database))!.providers![0],
      id: undefined,
      name: 'Maple Telecom',
      procedureId: followed.id,
    });
    const settings = (await storedDesk(database))!;
    for (const receivedOn of ['2026-11-23', '2026-11-24'])
      await createCase(database, newCaseParts({ receivedOn }), { settings, providerId: provider.id, by: 'Sam' });

    const uses = await procedureUses(database, [unused.id, followed.id, 'ofcom']);
    expect(uses.get(unused.id)).toEqual({ providers: [], activeProviders: [], deskDefault: false, cases: 0 });
    expect(uses.get(followed.id)).toEqual({
      providers: ['Maple Telecom'],
      activeProviders: ['Maple Telecom'],
      deskDefault: false,
      cases: 2,
    });
    // The test desk's settings name the Ofcom baseline as the default (its first provider follows it too).
    expect(uses.get('ofcom')).toMatchObject({ deskDefault: true });
    expect(isInUse(uses.get(unused.id)!)).toBe(false);

    const refused = await removeProcedure(database, followed.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProcedureRemovalError);
    expect(refused).toMatchObject({ reason: 'in-use', use: { providers: ['Maple Telecom'], cases: 2 } });
    await expect(removeProcedure(database, 'kijoma')).rejects.toMatchObject({ reason: 'built-in' });
    await expect(removeProcedure(database, 'no-such-copy')).rejects.toMatchObject({ reason: 'unknown' });
    expect(deskProcedures().byId.has(followed.id)).toBe(true);

    await removeProcedure(database, unused.id);
    expect(await database.procedures.where('id').equals(unused.id).count()).toBe(0);
    expect(deskProcedures().byId.has(unused.id)).toBe(false);
    expect(await database.procedures.where('id').equals(followed.id).count()).toBe(1);
  });

  it('a procedure a case was logged under stays after its provider moves to another: the case’s clocks need it', async () => {
    const database = freshDatabase('procedures');
    await saveSettings(database, deskSettings());
    const copy = await savedCopy(database, 'kijoma');
    const provider = await saveProvider(database, {
      ...(await storedDesk(database))!.providers![0],
      id: undefined,
      name: 'Kijoma',
      procedureId: copy.id,
    });
    const settings = (await storedDesk(database))!;
    await createCase(database, newCaseParts({ receivedOn: '2026-11-23' }), {
      settings,
      providerId: provider.id,
      by: 'Sam',
    });
    await saveProvider(database, { ...provider, procedureId: 'kijoma' });
    await expect(removeProcedure(database, copy.id)).rejects.toMatchObject({
      reason: 'in-use',
      use: { providers: [], deskDefault: false, cases: 1 },
    });
  });

  it('a desk that shares with a team removes no procedure', async () => {
    const database = freshDatabase('procedures');
    const copy = await savedCopy(database, 'kijoma');
    database.sharing = true;
    await expect(removeProcedure(database, copy.id)).rejects.toMatchObject({ reason: 'team' });
    database.sharing = false;
    expect(await database.procedures.count()).toBe(1);
  });
});

describe('retiring one of the desk’s own procedures', () => {
  const choiceIds = (keep?: string) => procedureChoices(keep).map((p) => p.id);

  it('a retired procedure keeps every version and its cases’ clocks, is offered for no new work, and comes back', async () => {
    const database = freshDatabase('procedures');
    await saveSettings(database, deskSettings());
    const copy = await savedCopy(database, 'kijoma');
    const provider = await saveProvider(database, {
      ...(await storedDesk(database))!.providers![0],
      id: undefined,
      name: 'Kijoma',
      procedureId: copy.id,
    });
    const settings = (await storedDesk(database))!;
    const logged = await createCase(database, newCaseParts({ receivedOn: '2026-11-23' }), {
      settings,
      providerId: provider.id,
      by: 'Sam',
    });
    await saveProcedure(database, { ...copy, effectiveFrom: '2026-11-25', firstResponse: copy.firstResponse });
    const clocks = async () => {
      const record = (await database.cases.get(logged.id))!;
      return evaluateCase(caseFacts(record, await readTimeline(database, logged.id)), '2026-11-30');
    };
    const before = await clocks();
    const versionsBefore = (await database.procedures.where('id').equals(copy.id).sortBy('version')).map(
      (r) => r.procedure,
    );
    expect(versionsBefore.map((p) => p.version)).toEqual([1, 2]);

    // Followed by a provider that takes new cases: refused, naming it; nothing written.
    const refused = await retireProcedure(database, copy.id, '2026-12-01').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProcedureRetirementError);
    expect(refused).toMatchObject({ reason: 'in-use', use: { activeProviders: ['Kijoma'], deskDefault: false } });
    expect(isProcedureRetired(copy.id)).toBe(false);

    // The provider retired, the procedure may be: its cases do not keep it from retiring.
    await retireProvider(database, provider.id, '2026-11-30');
    await retireProcedure(database, copy.id, '2026-12-01');
    const rows = await database.procedures.where('id').equals(copy.id).sortBy('version');
    expect(rows.map((r) => [r.version, r.retiredOn])).toEqual([
      [1, '2026-12-01'],
      [2, '2026-12-01'],
    ]);
    expect(rows.map((r) => r.procedure)).toEqual(versionsBefore);
    expect(isProcedureRetired(copy.id)).toBe(true);
    // Every procedure is still known (reports, filters, the case's own name); none offers it for new work…
    expect(listProcedures().map((p) => p.id)).toContain(copy.id);
    expect(choiceIds()).not.toContain(copy.id);
    expect(choiceIds()).toContain('kijoma');
    // …but the choice already made (a case's own procedure) is kept.
    expect(choiceIds(copy.id)).toContain(copy.id);
    // The case keeps its version and its dates exactly.
    expect(await clocks()).toEqual(before);
    // No provider is given it, nor brought back onto it, and it is made no desk's default; the retired provider that
    // follows it keeps it when its other details are edited.
    const stored = (await storedDesk(database))!;
    await expect(
      saveProvider(database, { ...stored.providers![0], id: undefined, name: 'Kijoma again', procedureId: copy.id }),
    ).rejects.toMatchObject({ code: 'procedure-retired', values: { procedure: copy.name, name: 'Kijoma again' } });
    await expect(retireProvider(database, provider.id, null)).rejects.toMatchObject({
      code: 'procedure-retired',
      message: `The procedure “${copy.name}” is retired: reinstate it (Settings → Procedures) or choose another for Kijoma first.`,
    });
    await expect(saveSettings(database, { ...stored, defaultProcedureId: copy.id })).rejects.toMatchObject({
      said: { code: 'default-procedure-retired', values: { procedure: copy.name } },
    });
    expect(fr('providerRefusal.procedure-retired', { procedure: copy.name, name: 'Kijoma' })).toBe(
      `La procédure «\u00a0${copy.name}\u00a0» est retirée\u00a0: rétablissez-la (Paramètres → Procédures) ou choisissez d’abord une autre procédure pour Kijoma.`,
    );
    const { retiredOn: _on, ...kept } = stored.providers!.find((p) => p.id === provider.id)!;
    await expect(saveProvider(database, { ...kept, name: 'Kijoma (old terms)' })).resolves.toMatchObject({
      procedureId: copy.id,
      retiredOn: '2026-11-30',
    });
    expect((await storedDesk(database))!.defaultProcedureId).not.toBe(copy.id);

    // Editing it keeps it retired.
    const newest = deskProcedures().byId.get(copy.id)!;
    await saveProcedure(database, { ...newest, name: 'Kijoma, old terms' });
    expect(isProcedureRetired(copy.id)).toBe(true);
    expect((await database.procedures.get(`${copy.id}@2`))?.retiredOn).toBe('2026-12-01');

    await retireProcedure(database, copy.id, null);
    expect(isProcedureRetired(copy.id)).toBe(false);
    expect(choiceIds()).toContain(copy.id);
    expect((await database.procedures.where('id').equals(copy.id).toArray()).map((r) => r.retiredOn)).toEqual([
      undefined,
      undefined,
    ]);
    expect(await clocks()).toEqual(before);
    // Reinstated, its provider may come back.
    await retireProvider(database, provider.id, null);
    expect((await storedDesk(database))!.providers!.find((p) => p.id === provider.id)?.retiredOn).toBeUndefined();
  });

  it('refuses the desk’s default, a built-in procedure and one the desk does not have; a reopened desk reads it retired', async () => {
    const database = freshDatabase('procedures');
    await saveSettings(database, deskSettings());
    const copy = await savedCopy(database, 'kijoma');
    await saveSettings(database, { ...(await storedDesk(database))!, defaultProcedureId: copy.id });
    await expect(retireProcedure(database, copy.id, '2026-12-01')).rejects.toMatchObject({
      reason: 'in-use',
      use: { activeProviders: [], deskDefault: true },
    });
    await expect(retireProcedure(database, 'kijoma', '2026-12-01')).rejects.toMatchObject({ reason: 'built-in' });
    await expect(retireProcedure(database, 'no-such-copy', '2026-12-01')).rejects.toMatchObject({ reason: 'unknown' });
    expect(await database.procedures.get(`${copy.id}@1`)).not.toHaveProperty('retiredOn');

    await saveSettings(database, { ...(await storedDesk(database))!, defaultProcedureId: 'ofcom' });
    await retireProcedure(database, copy.id, '2026-12-01');
    installDeskProcedures([]);
    database.close();
    const reopened = new RedressDatabase(database.name);
    await reopened.open();
    expect(isProcedureRetired(copy.id)).toBe(true);
    reopened.close();
  });

  it('a backup keeps the mark and restores it retired; a row with no real day as its mark is refused', async () => {
    const source = freshDatabase('procedures');
    await saveSettings(source, deskSettings());
    const copy = await savedCopy(source, 'kijoma');
    await retireProcedure(source, copy.id, '2026-12-01');
    const made = await makeBackup(source);
    installDeskProcedures([]);
    const target = freshDatabase('procedures');
    await restoreBackup(target, await readBackupFile(target, made.file), { mode: 'into-empty', by: 'Sam' });
    expect((await target.procedures.get(`${copy.id}@1`))?.retiredOn).toBe('2026-12-01');
    expect(isProcedureRetired(copy.id)).toBe(true);
    const row = (await target.procedures.get(`${copy.id}@1`))!;
    await expect(target.procedures.put({ ...row, retiredOn: '2026-02-30' })).rejects.toThrow(/retiredOn/);
  });

  it('a desk that shares with a team retires and reinstates a procedure it may not remove', async () => {
    const database = freshDatabase('procedures');
    const copy = await savedCopy(database, 'kijoma');
    database.sharing = true;
    await expect(removeProcedure(database, copy.id)).rejects.toMatchObject({ reason: 'team' });
    await retireProcedure(database, copy.id, '2026-12-01');
    expect(isProcedureRetired(copy.id)).toBe(true);
    await retireProcedure(database, copy.id, null);
    expect(isProcedureRetired(copy.id)).toBe(false);
    database.sharing = false;
    expect(await database.procedures.count()).toBe(1);
  });
});
