// The desk's own procedures (issue #16): copies of the built-in ones, edited, versioned and imported. Every write is
// checked with THE procedure schema (shared/rules `checkProcedure`) and the versions' order, in one transaction with
// the cases it must not change: editing a version cases follow makes a new version with an effective date after the
// last of them (shared/rules `savePlan`). After it commits, the desk's procedures are the rules' again (../desk.ts).
import {
  checkProcedure,
  copyOfProcedure,
  DEFAULT_PROCEDURES,
  getProcedure,
  type Procedure,
  savePlan,
  type SaveRefusal,
  procedureProblemInEnglish,
  type ProcedureSaying,
  sayProcedure,
  withProcedures,
} from '#shared/rules/index';
import { installStoredProcedures } from '../desk';
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

const rowOf = (procedure: Procedure, now: Now): ProcedureRow => ({
  key: `${procedure.id}@${procedure.version}`,
  id: procedure.id,
  version: procedure.version,
  savedAt: now.now().toISOString(),
  procedure,
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

async function storedVersions(database: RedressDatabase, id: string): Promise<Procedure[]> {
  const rows = await database.procedures.where('id').equals(id).toArray();
  return rows.map((r) => r.procedure).sort((a, b) => a.version - b.version);
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
    const versions = await storedVersions(database, edited.id);
    const newest = versions.at(-1);
    const last = newest ? await lastCasesOf(database, newest) : null;
    const plan = savePlan(
      newest ? { ...checked.procedure, version: newest.version } : checked.procedure,
      newest,
      last?.following ?? null,
      last?.earlier ?? null,
    );
    if (!plan.ok) throw new ProcedureSaveError(plan.field, plan.message, plan.refusal);
    const next = [...versions.filter((v) => v.version !== plan.procedure.version), plan.procedure];
    try {
      withProcedures(DEFAULT_PROCEDURES, next);
    } catch (error) {
      throw new ProcedureSaveError('effectiveFrom', error instanceof Error ? error.message : String(error));
    }
    await database.procedures.put(rowOf(plan.procedure, now));
    return { procedure: plan.procedure, newVersion: plan.newVersion };
  });
  await installStoredProcedures(database);
  return result;
}

/**
 * Copy a procedure (built-in or the desk's own, its newest version) as a new procedure of the desk's, under an id of
 * its own (`kijoma-copy-3f9a2c1b`: no other desk of a team makes the same one).
 */
export async function copyProcedure(database: RedressDatabase, id: string, now: Now = systemNow): Promise<Procedure> {
  const source = getProcedure(id);
  const taken = new Set([...DEFAULT_PROCEDURES.byId.keys(), ...(await database.procedures.toArray()).map((r) => r.id)]);
  const copy = copyOfProcedure(source, taken, crypto.randomUUID().slice(0, 8));
  await saveProcedure(database, copy, now);
  return copy;
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
