import { deskSettings as storedDesk } from '#db/desk';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deskProviders, FIRST_PROVIDER_ID, ProviderRefusal } from '#shared/model/provider';
import { en, fr } from '#test/support/translate';
import { closeAll, freshDatabase } from '#test/support/backup';
import { newCaseParts } from '#test/support/cases';
import { deskSettings, JIVE } from '#test/support/desk';
import { createCase, saveSettings } from './cases';
import { retireProvider, saveProvider, setUsualProvider } from './providers';

afterEach(closeAll);

const jive = JIVE;
const stored = async (database: ReturnType<typeof freshDatabase>) => (await storedDesk(database))!;

describe('the desk’s providers', () => {
  it('the first-run settings make the first provider; saving the settings form later keeps every provider', async () => {
    const database = freshDatabase('providers');
    await saveSettings(database, deskSettings());
    // An id of its own, not `first` (p8b, G6: two desks of a team would write one document).
    const ids = deskProviders(await stored(database)).map((p) => p.id);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^first-[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(FIRST_PROVIDER_ID);
    const added = await saveProvider(database, jive);
    await setUsualProvider(database, added.id);
    // The settings form knows nothing of providers: what it saves must not drop them.
    await saveSettings(database, deskSettings({ handlerName: 'Kim Lee' }));
    const after = await stored(database);
    expect(after.handlerName).toBe('Kim Lee');
    expect(after.providers!.map((p) => p.name)).toEqual(['Acme Broadband Ltd', 'Jive Canada']);
    expect(after.defaultProviderId).toBe(added.id);
  });

  it('edits a provider in place; new cases follow the edit, and the usual one is what intake gets', async () => {
    const database = freshDatabase('providers');
    await saveSettings(database, deskSettings());
    const added = await saveProvider(database, jive);
    await saveProvider(database, { ...jive, id: added.id, name: 'Jive Québec' });
    await setUsualProvider(database, added.id);
    const settings = await stored(database);
    expect(settings.providers!.find((p) => p.id === added.id)!.name).toBe('Jive Québec');
    const record = await createCase(database, newCaseParts(), { settings, by: 'Sam' });
    expect(record).toMatchObject({ providerId: added.id, procedureId: 'jive-ca', calendar: 'canada' });
  });

  it('retires a provider (no new cases, the usual one moves on), brings it back, and never retires the last active one', async () => {
    const database = freshDatabase('providers');
    await saveSettings(database, deskSettings());
    const firstId = (await stored(database)).providers![0].id;
    const added = await saveProvider(database, jive);
    await setUsualProvider(database, added.id);
    const record = await createCase(database, newCaseParts(), { settings: await stored(database), by: 'Sam' });
    await retireProvider(database, added.id, '2026-12-01', firstId);
    let settings = await stored(database);
    expect(settings.defaultProviderId).toBe(firstId);
    await expect(createCase(database, newCaseParts(), { settings, providerId: added.id, by: 'Sam' })).rejects.toThrow(
      /retired on 2026-12-01/,
    );
    await expect(setUsualProvider(database, added.id)).rejects.toThrow(/is retired/);
    await expect(retireProvider(database, firstId, '2026-12-01')).rejects.toThrow(/only active provider/);
    // h17: the refusal is coded, so the Settings screen says it in French (the English stays its message).
    const refused = await retireProvider(database, firstId, '2026-12-01').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProviderRefusal);
    const { code, values, message } = refused as ProviderRefusal;
    expect(en(`providerRefusal.${code}`, values)).toBe(message.replaceAll("'", '’'));
    expect(fr(`providerRefusal.${code}`, values)).toMatch(
      /^.+ est le seul fournisseur actif du service\u00a0: ajoutez-en un autre avant de le retirer\.$/u,
    );
    const usual = await setUsualProvider(database, added.id).catch((e: unknown) => e);
    expect(fr(`providerRefusal.${(usual as ProviderRefusal).code}`, (usual as ProviderRefusal).values)).toBe(
      `${jive.name} est retiré\u00a0: remettez-le en service avant d’en faire le fournisseur habituel.`,
    );
    // Its old case is still its own.
    expect((await database.cases.get(record.id))!.providerId).toBe(added.id);
    await retireProvider(database, added.id, null);
    settings = await stored(database);
    expect(settings.providers!.find((p) => p.id === added.id)!.retiredOn).toBeUndefined();
  });

  it('gives the usual provider’s place to the one chosen when it retires, never to a retired one (explore36-manager #6)', async () => {
    const database = freshDatabase('providers');
    await saveSettings(database, deskSettings());
    const firstId = (await stored(database)).providers![0].id;
    const second = await saveProvider(database, jive);
    const third = await saveProvider(database, { ...jive, name: 'Jive Québec' });
    await retireProvider(database, second.id, '2026-12-01');
    await expect(retireProvider(database, firstId, '2026-12-02', second.id)).rejects.toThrow(/is retired/);
    await expect(retireProvider(database, firstId, '2026-12-02', 'nobody')).rejects.toBeInstanceOf(ProviderRefusal);
    expect((await stored(database)).defaultProviderId).toBe(firstId);
    // Not named: refused, not given to whichever comes first.
    const unnamed = await retireProvider(database, firstId, '2026-12-02').catch((e: unknown) => e);
    expect(unnamed).toBeInstanceOf(ProviderRefusal);
    const { code, values } = unnamed as ProviderRefusal;
    expect(en(`providerRefusal.${code}`, values)).toMatch(
      /is the usual provider: choose the provider that takes its place/,
    );
    expect(fr(`providerRefusal.${code}`, values)).toMatch(
      /est le fournisseur habituel\u00a0: choisissez le fournisseur/u,
    );
    expect((await stored(database)).providers!.find((p) => p.id === firstId)!.retiredOn).toBeUndefined();
    await retireProvider(database, firstId, '2026-12-02', third.id);
    const settings = await stored(database);
    expect(settings.defaultProviderId).toBe(third.id);
    expect(settings.providers!.find((p) => p.id === firstId)!.retiredOn).toBe('2026-12-02');
  });
});

describe('the settings form edits the usual provider', () => {
  it("shows and saves the usual provider's letterhead, procedure and calendar; the others are untouched", async () => {
    const { settingsToForm } = await import('#shared/model/settings');
    const database = freshDatabase('providers');
    await saveSettings(database, deskSettings({ adrSchemeId: 'cisas' }));
    const added = await saveProvider(database, jive);
    await setUsualProvider(database, added.id);
    expect(settingsToForm(await stored(database))).toMatchObject({
      companyName: 'Jive Communications Canada',
      calendar: 'canada',
      defaultProcedureId: 'jive-ca',
      adrSchemeId: '',
    });
    // Saved from the form (no providers in it): Jive's letterhead changes, Acme's stays with its scheme.
    await saveSettings(
      database,
      deskSettings({
        company: { name: 'Jive Canada Inc.', addressLines: ['Montréal QC'], postcode: 'H3B 4W5' },
        calendar: 'canada',
        defaultProcedureId: 'jive-ca',
      }),
    );
    const after = await stored(database);
    expect(after.providers!.map((p) => [p.name, p.company.name, p.adrSchemeId])).toEqual([
      ['Acme Broadband Ltd', 'Acme Broadband Ltd', 'cisas'],
      ['Jive Canada', 'Jive Canada Inc.', undefined],
    ]);
    expect(after.defaultProviderId).toBe(added.id);
  });
});

describe('the settings form and the mismatch warnings', () => {
  it("moving the usual provider's calendar to Canada moves it to Canada's region and languages", async () => {
    const database = freshDatabase('providers');
    await saveSettings(database, deskSettings());
    await saveSettings(database, deskSettings({ calendar: 'canada', defaultProcedureId: 'jive-ca' }));
    const first = (await stored(database)).providers![0];
    expect(first).toMatchObject({
      calendar: 'canada',
      procedureId: 'jive-ca',
      region: 'CA',
      languages: ['en-CA', 'fr-CA'],
      defaultLanguage: 'en-CA',
    });
  });

  it('keeps the reason the desk gave for going on despite the warnings, on the usual provider', async () => {
    const database = freshDatabase('providers');
    await saveSettings(database, deskSettings({ defaultProcedureId: 'jive-ca' }), {
      reason: 'Jive’s UK reseller',
      codes: ['procedure-calendar', 'procedure-region'],
    });
    expect((await stored(database)).providers![0]).toMatchObject({
      procedureId: 'jive-ca',
      mismatchReason: 'Jive’s UK reseller',
      mismatchesAccepted: ['procedure-calendar', 'procedure-region'],
    });
  });
});
