// The desk's own procedures (issue #16): copies of the built-in ones, edited, versioned and imported. Every write is
// checked with THE procedure schema (shared/rules `checkProcedure`) and the versions' order, in one transaction with
// the cases it must not change: editing a version cases follow makes a new version with an effective date after the
// last of them (shared/rules `savePlan`). After it commits, the desk's procedures are the rules' again (../desk.ts).
import {
  BUILT_IN_PROCEDURE_IDS,
  checkProcedure,
  copyOfProcedure,
  DEFAULT_PROCEDURES,
  getProcedure,
  type Procedure,
  savePlan,
  type SaveRefusal,
  procedureNamedLike,
  procedureProblemInEnglish,
  type ProcedureSaying,
  sayProcedure,
  withProcedures,
} from '#shared/rules/index';
import { deskProviders } from '#shared/model/provider';
import { installStoredProcedures, procedureRetiredOn, readDesk } from '../desk';
import type { ProcedureRow, RedressDatabase } from '../schema';
import { type Now, systemNow } from './cases';

/** A procedure the desk cannot save, and the field to show the message next to. */
export class ProcedureSaveError extends Error {
  constructor(
    readonly field: string,
    message: string,
    /** Why, as facts for the interface to word (a date that would move a case); absent for a schema's refusal. */
    readonly refusal?: SaveRefusal,
    /** A schema's refusal or an id already taken, as a code and values (m17a). */
    readonly said?: ProcedureSaying,
  ) {
    super(message);
    this.name = 'ProcedureSaveError';
  }
}

const rowOf = (procedure: Procedure, now: Now, retiredOn?: string): ProcedureRow => ({
  key: `${procedure.id}@${procedure.version}`,
  id: procedure.id,
  version: procedure.version,
  savedAt: now.now().toISOString(),
  procedure,
  ...(retiredOn ? { retiredOn } : {}),
});

/**
 * The latest day a case following the procedure's newest version was received, or null when none does. It reads the
 * cases this desk holds: alone, all of them; in a team, every case synced so far (each desk holds the team's store).
 * That is sound because one id is one procedure across the team: a desk's copies get ids of their own
 * (`copyProcedure`: a random tag), so two desks never hold different procedures under one id and count each other's
 * cases against the wrong versions, and a desk joining with an id the team holds differently is refused (sync/team.ts
 * `idClashes`). The copies a desk makes are followed by that desk's cases until it shares them; a case another desk
 * logged on a shared copy and has not yet synced is not seen (the rule cannot see a desk that is offline).
 */
export async function lastCaseFollowing(database: RedressDatabase, newest: Procedure): Promise<string | null> {
  return (await lastCasesOf(database, newest)).following;
}

/**
 * In one read of the procedure's cases: the latest day one following its newest version was received
 * (`lastCaseFollowing`), and the latest day one following an earlier version was (`earlier`: the newest version, while
 * no case follows it, may still move its day, but not to one of those cases' days or before). Null where none.
 */
async function lastCasesOf(
  database: RedressDatabase,
  newest: Procedure,
): Promise<{ following: string | null; earlier: string | null }> {
  let following: string | null = null;
  let earlier: string | null = null;
  const from = newest.effectiveFrom;
  await database.caseIndex
    .where('procedureId')
    .equals(newest.id)
    .each(({ receivedOn: on }) => {
      // A case received before the newest version took effect follows an older one.
      if (from && on < from) earlier = earlier === null || on > earlier ? on : earlier;
      else following = following === null || on > following ? on : following;
    });
  return { following, earlier };
}

/** Every procedure the desk knows, each once at its newest version: the built-in ones and the stored `rows`. */
function newestOfEach(rows: readonly ProcedureRow[]): Procedure[] {
  const newest = new Map<string, Procedure>(DEFAULT_PROCEDURES.byId);
  for (const { procedure: p } of rows) if ((newest.get(p.id)?.version ?? 0) < p.version) newest.set(p.id, p);
  return [...newest.values()];
}

/**
 * Save an edit of one of the desk's procedures (or a new one: a copy, an import). Not yet followed by any case: the
 * newest version is changed where it is. Followed by cases: a new version, effective after the last of them.
 * Throws ProcedureSaveError (and writes nothing) for a procedure the schema refuses or a date that would move a case.
 */
export async function saveProcedure(
  database: RedressDatabase,
  edited: Procedure,
  now: Now = systemNow,
): Promise<{ procedure: Procedure; newVersion: boolean }> {
  const checked = checkProcedure(edited);
  if (!checked.ok)
    throw new ProcedureSaveError(checked.issues[0].field, checked.issues[0].message, undefined, checked.issues[0].said);
  const result = await database.transaction('rw', database.procedures, database.caseIndex, async () => {
    const rows = await database.procedures.toArray();
    const versions = rows
      .filter((r) => r.id === edited.id)
      .map((r) => r.procedure)
      .sort((a, b) => a.version - b.version);
    const newest = versions.at(-1);
    const last = newest ? await lastCasesOf(database, newest) : null;
    const plan = savePlan(
      newest ? { ...checked.procedure, version: newest.version } : checked.procedure,
      newest,
      last?.following ?? null,
      last?.earlier ?? null,
    );
    if (!plan.ok) throw new ProcedureSaveError(plan.field, plan.message, plan.refusal);
    // One name, one procedure: the provider's "Complaints procedure" list names them (the built-in ones included).
    const clash = procedureNamedLike(plan.procedure.name, plan.procedure.id, newestOfEach(rows));
    if (clash) {
      const said = sayProcedure('name-taken', { name: clash.name });
      throw new ProcedureSaveError('name', procedureProblemInEnglish(said), undefined, said);
    }
    const next = [...versions.filter((v) => v.version !== plan.procedure.version), plan.procedure];
    try {
      withProcedures(DEFAULT_PROCEDURES, next);
    } catch (error) {
      throw new ProcedureSaveError('effectiveFrom', error instanceof Error ? error.message : String(error));
    }
    // A retired procedure stays retired when it is edited: the version written carries the mark its rows have.
    const retiredOn = procedureRetiredOn(rows, edited.id);
    await database.procedures.put(rowOf(plan.procedure, now, retiredOn));
    return { procedure: plan.procedure, newVersion: plan.newVersion };
  });
  await installStoredProcedures(database);
  return result;
}

/**
 * A copy of a procedure (built-in or the desk's own, its newest version) for the editor, NOT stored: it becomes the
 * desk's when it is saved (`saveProcedure`), so a copy left unsaved leaves nothing behind. Under an id of its own
 * (`kijoma-copy-3f9a2c1b`: no other desk of a team makes the same one) and a name no procedure of the desk has
 * ("… (copy 2)" when "… (copy)" is taken).
 */
export async function draftCopy(
  database: RedressDatabase,
  id: string,
  /** The copy's name from the original's, in the interface's language (English "… (copy)" by default). */
  nameOfCopy?: (name: string) => string,
): Promise<Procedure> {
  const source = getProcedure(id);
  const rows = await database.procedures.toArray();
  const taken = new Set([...DEFAULT_PROCEDURES.byId.keys(), ...rows.map((r) => r.id)]);
  const names = newestOfEach(rows).map((p) => p.name);
  return copyOfProcedure(source, taken, crypto.randomUUID().slice(0, 8), names, nameOfCopy);
}

/** Add an imported procedure (already read with `readProcedureFile`): refused if the desk has one of that id. */
export async function importProcedure(
  database: RedressDatabase,
  procedure: Procedure,
  now: Now = systemNow,
): Promise<Procedure> {
  if (await database.procedures.where('id').equals(procedure.id).count()) {
    const said = sayProcedure('file-id-taken', { id: procedure.id });
    throw new ProcedureSaveError('id', procedureProblemInEnglish(said), undefined, said);
  }
  // Imported as it is, but as this desk's first version (its versions elsewhere are not this desk's cases').
  const { effectiveFrom: _from, ...rest } = procedure;
  return (await saveProcedure(database, { ...rest, version: 1 }, now)).procedure;
}

/**
 * What keeps a procedure of the desk's: the providers that follow it (by name, retired ones too: their cases still
 * do), whether the desk's settings name it as their default, and how many cases were logged under it. A case keeps the
 * procedure it was logged under (`CaseRecord.procedureId`; the version in force on the day it was received), and its
 * clocks need that procedure for as long as the case is kept, anonymised or not: a procedure in use is never removed.
 */
export interface ProcedureUse {
  providers: string[];
  /** Of `providers`, those not retired: they take new cases under it, so it is not retired while they follow it. */
  activeProviders: string[];
  deskDefault: boolean;
  cases: number;
}

export const isInUse = (use: ProcedureUse): boolean => use.providers.length > 0 || use.deskDefault || use.cases > 0;

/** What keeps a procedure from being retired (`retireProcedure`): a provider not retired follows it, or it is the default. */
export const keepsFromRetiring = (use: ProcedureUse): boolean => use.activeProviders.length > 0 || use.deskDefault;

/** Why a procedure was not removed; `use` when it is in use. */
export class ProcedureRemovalError extends Error {
  constructor(
    readonly reason: 'built-in' | 'unknown' | 'team' | 'in-use',
    readonly use?: ProcedureUse,
  ) {
    super(
      reason === 'in-use'
        ? `the procedure is in use (${use!.providers.length} providers, ${use!.cases} cases${use!.deskDefault ? ', the desk’s default' : ''})`
        : reason === 'built-in'
          ? 'a built-in procedure is never removed'
          : reason === 'team'
            ? 'a desk that shares with a team does not remove procedures'
            : 'the desk has no such procedure',
    );
    this.name = 'ProcedureRemovalError';
  }
}

/** Each procedure's use (`ProcedureUse`), by id. Call inside a transaction over settings, providers and caseIndex. */
async function usesOf(database: RedressDatabase, ids: readonly string[]): Promise<Map<string, ProcedureUse>> {
  const desk = await readDesk(database);
  const providers = desk ? deskProviders(desk) : [];
  const uses = new Map<string, ProcedureUse>();
  for (const id of ids)
    uses.set(id, {
      providers: providers.filter((p) => p.procedureId === id).map((p) => p.name),
      activeProviders: providers.filter((p) => p.procedureId === id && !p.retiredOn).map((p) => p.name),
      deskDefault: desk?.defaultProcedureId === id,
      // The case index holds one row per case (rebuilt in every write), with the case's procedure: counted by index.
      cases: await database.caseIndex.where('procedureId').equals(id).count(),
    });
  return uses;
}

/** The use of each of these procedures (`ProcedureUse`), read at once. */
export function procedureUses(database: RedressDatabase, ids: readonly string[]): Promise<Map<string, ProcedureUse>> {
  return database.transaction('r', database.settings, database.providers, database.caseIndex, () =>
    usesOf(database, ids),
  );
}

/**
 * Remove one of the desk's own procedures, every version of it: only one no provider follows, the settings do not
 * name, and no case was logged under (`ProcedureUse`), checked in the same transaction as the removal. Never a
 * built-in one. Not at a desk that shares with a team: the removal would reach the other desks (a deleted row is sent
 * as a deletion), but one of them may have logged a case under the procedure while it could not reach the server, and
 * that case would arrive at desks that no longer hold its procedure. Throws ProcedureRemovalError (nothing removed).
 */
export async function removeProcedure(database: RedressDatabase, id: string): Promise<void> {
  if (BUILT_IN_PROCEDURE_IDS.has(id)) throw new ProcedureRemovalError('built-in');
  const tables = [database.procedures, database.settings, database.providers, database.caseIndex];
  await database.transaction('rw', tables, async () => {
    if (database.sharing) throw new ProcedureRemovalError('team');
    const keys = await database.procedures.where('id').equals(id).primaryKeys();
    if (keys.length === 0) throw new ProcedureRemovalError('unknown');
    const use = (await usesOf(database, [id])).get(id)!;
    if (isInUse(use)) throw new ProcedureRemovalError('in-use', use);
    await database.procedures.bulkDelete(keys);
  });
  await installStoredProcedures(database);
}

/** Why a procedure was not retired; `use` when a provider not retired follows it or it is the desk's default. */
export class ProcedureRetirementError extends Error {
  constructor(
    readonly reason: 'built-in' | 'unknown' | 'in-use',
    readonly use?: ProcedureUse,
  ) {
    super(
      reason === 'in-use'
        ? `the procedure is in use (providers: ${use!.activeProviders.join(', ') || 'none'}${use!.deskDefault ? ', the desk’s default' : ''})`
        : reason === 'built-in'
          ? 'a built-in procedure is never retired'
          : 'the desk has no such procedure',
    );
    this.name = 'ProcedureRetirementError';
  }
}

/**
 * Retire one of the desk's own procedures (`on`, a day) or reinstate it (`on` null). A retired procedure is kept,
 * every version, and its cases keep their clocks, letters and reports; it is no longer offered where a procedure is
 * chosen for new work (shared/rules `procedureChoices`). At a single desk and a team's alike: nothing is deleted, so
 * a case another desk logged under it while offline still finds it. Refused (nothing written) for a built-in
 * procedure, one the desk does not have, and while a provider that is not retired follows it or it is the desk's
 * default (ProcedureRetirementError, with which). Every row of it is marked (or cleared): ../desk.ts
 * `retiredProcedureIds` reads it as retired while any row is marked, so two desks writing at once converge.
 */
export async function retireProcedure(database: RedressDatabase, id: string, on: string | null): Promise<void> {
  if (BUILT_IN_PROCEDURE_IDS.has(id)) throw new ProcedureRetirementError('built-in');
  const tables = [database.procedures, database.settings, database.providers, database.caseIndex];
  await database.transaction('rw', tables, async () => {
    const rows = await database.procedures.where('id').equals(id).toArray();
    if (rows.length === 0) throw new ProcedureRetirementError('unknown');
    if (on !== null) {
      const use = (await usesOf(database, [id])).get(id)!;
      if (keepsFromRetiring(use)) throw new ProcedureRetirementError('in-use', use);
    }
    const changed = rows
      .filter((r) => (on === null ? r.retiredOn !== undefined : r.retiredOn === undefined))
      .map(({ retiredOn: _was, ...row }): ProcedureRow => (on === null ? row : { ...row, retiredOn: on }));
    if (changed.length) await database.procedures.bulkPut(changed);
  });
  await installStoredProcedures(database);
}
