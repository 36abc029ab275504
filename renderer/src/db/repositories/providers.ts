// The desk's providers (issue #16): added, edited, retired and made the usual one, each in one transaction over the
// desk's settings and providers rows (../desk.ts; checked on writing by the stored-row schema, shared/model/stored.ts).
import type { DeskSettings } from '#shared/model/case';
import { deskProviders, ProviderRefusal, successorsOf, withProviders, type Provider } from '#shared/model/provider';
import { procedureName } from '#shared/rules/index';
import { readDesk, retiredProcedureIds, writeDesk } from '../desk';
import type { RedressDatabase } from '../schema';

/** The change, given the desk's settings and the procedures it retired (read in the same transaction). */
async function changeSettings(
  database: RedressDatabase,
  change: (settings: DeskSettings, retired: ReadonlySet<string>) => DeskSettings,
): Promise<DeskSettings> {
  return database.transaction('rw', database.settings, database.providers, database.procedures, async () => {
    const desk = await readDesk(database);
    if (!desk) throw new ProviderRefusal('no-desk');
    const retired = new Set(retiredProcedureIds(await database.procedures.toArray()));
    const value = change(withProviders(desk), retired);
    await writeDesk(database, value);
    return value;
  });
}

const procedureRetired = (procedureId: string, name: string) =>
  new ProviderRefusal('procedure-retired', { procedure: procedureName(procedureId) ?? procedureId, name });

/** A new provider's id: unique to it, so no two desks of a team ever name two providers alike. */
const newProviderId = (): string => `provider-${crypto.randomUUID()}`;

/**
 * The id the first run gives a desk's first provider (p8b, issue #16 G6): unique like any other's, not the `first` of
 * desks set up before, which every desk of a team would write as one document. It still sorts before the providers
 * added later (the desk's lists show them in the providers table's key order).
 */
export const newFirstProviderId = (): string => `first-${crypto.randomUUID()}`;

/** Add a provider (no `id`) or replace one (its `id`): its retirement, if any, is kept as it was. */
export async function saveProvider(
  database: RedressDatabase,
  provider: Omit<Provider, 'id' | 'retiredOn'> & { id?: string },
): Promise<Provider> {
  let saved!: Provider;
  await changeSettings(database, (settings, retired) => {
    const providers = deskProviders(settings);
    // A retired procedure is given to no provider; one that already follows it may keep it (its other details edited).
    const before = providers.find((p) => p.id === provider.id);
    if (retired.has(provider.procedureId) && before?.procedureId !== provider.procedureId)
      throw procedureRetired(provider.procedureId, provider.name);
    if (provider.id === undefined) {
      saved = { ...provider, id: newProviderId() };
      return { ...settings, providers: [...providers, saved] };
    }
    if (!before) throw new ProviderRefusal('unknown', { id: provider.id });
    saved = { ...provider, id: before.id, ...(before.retiredOn ? { retiredOn: before.retiredOn } : {}) };
    return { ...settings, providers: providers.map((p) => (p.id === before.id ? saved : p)) };
  });
  return saved;
}

/**
 * Retire a provider (`on` a date) or bring it back (`on` null): a retired one takes no new cases, its cases keep
 * working. The last active provider cannot be retired. The usual one's place goes to `usualAfter`, the active
 * provider the person chose (Settings asks: explore36-manager #6, every new complaint changed brand unseen); without
 * one, the usual provider is not retired (refused, saying so).
 */
export async function retireProvider(
  database: RedressDatabase,
  id: string,
  on: string | null,
  usualAfter?: string,
): Promise<void> {
  await changeSettings(database, (settings, retired) => {
    const providers = deskProviders(settings);
    const target = providers.find((p) => p.id === id);
    if (!target) throw new ProviderRefusal('unknown', { id });
    // Brought back, it would take new cases under a procedure retired from new work.
    if (on === null && retired.has(target.procedureId)) throw procedureRetired(target.procedureId, target.name);
    if (on !== null && successorsOf(providers, id).length === 0)
      throw new ProviderRefusal('only-active', { name: target.name });
    const next = providers.map((p): Provider => {
      if (p.id !== id) return p;
      const { retiredOn: _was, ...rest } = p;
      return on === null ? rest : { ...rest, retiredOn: on };
    });
    let usual = settings.defaultProviderId;
    if (settings.defaultProviderId === id && on !== null) {
      // The desk says which provider takes its place (Settings asks): none is made usual unasked.
      if (usualAfter === undefined) throw new ProviderRefusal('usual-needs-successor', { name: target.name });
      const chosen = next.find((p) => p.id === usualAfter);
      if (!chosen) throw new ProviderRefusal('unknown', { id: usualAfter });
      if (chosen.retiredOn) throw new ProviderRefusal('retired-not-usual', { name: chosen.name });
      usual = chosen.id;
    }
    return { ...settings, providers: next, ...(usual ? { defaultProviderId: usual } : {}) };
  });
}

/** Make a provider the one intake offers first. */
export async function setUsualProvider(database: RedressDatabase, id: string): Promise<void> {
  await changeSettings(database, (settings) => {
    const target = deskProviders(settings).find((p) => p.id === id);
    if (!target) throw new ProviderRefusal('unknown', { id });
    if (target.retiredOn) throw new ProviderRefusal('retired-not-usual', { name: target.name });
    return { ...settings, defaultProviderId: id };
  });
}
