// The desk as the app reads it (issue #16): its settings row together with its providers, which are rows of their own
// from schema version 9, and its own procedures, installed as the rules' (shared/rules `installDeskProcedures`) when
// the database opens and after every change. Every read and write of the desk's settings goes through here, so
// `providerForCase` / `settingsForCase` (shared/model/provider.ts) keep reading `settings.providers` as before.
import type { DeskSettings } from '#shared/model/case';
import { installDeskProcedures } from '#shared/rules/index';
import type { ProcedureRow, ProviderRow, RedressDatabase } from './schema';

/** The desk's settings with their providers, or undefined before the first run. Call inside a transaction over both. */
export async function readDesk(database: RedressDatabase): Promise<DeskSettings | undefined> {
  // Both asked at once: on a cold start the dashboard's reads queue behind a second request (issue #19).
  const [row, providers] = await Promise.all([database.settings.get('desk'), database.providers.toArray()]);
  if (!row) return undefined;
  const { providers: _kept, ...value } = row.value;
  // A settings row from before version 9 restored as it was (its providers inside) is read as it stands.
  if (!providers.length) return row.value;
  return { ...value, providers };
}

/**
 * Store the desk's settings: the settings row without providers, and each provider that changed as its own row.
 * Providers are never deleted (they are retired). Call inside a transaction over `settings` and `providers`.
 */
export async function writeDesk(database: RedressDatabase, settings: DeskSettings): Promise<void> {
  const { providers, ...value } = settings;
  await database.settings.put({ key: 'desk', value });
  if (!providers?.length) return;
  const stored = new Map((await database.providers.toArray()).map((p) => [p.id, JSON.stringify(p)]));
  const changed = providers.filter((p) => stored.get(p.id) !== JSON.stringify(p));
  if (changed.length) await database.providers.bulkPut(changed as ProviderRow[]);
}

/** Read the desk's settings in their own read transaction. */
export function deskSettings(database: RedressDatabase): Promise<DeskSettings | undefined> {
  return database.transaction('r', database.settings, database.providers, () => readDesk(database));
}

/** Every stored version of the desk's procedures. */
export function procedureRows(database: RedressDatabase): Promise<ProcedureRow[]> {
  return database.procedures.toArray();
}

/** The problem with the stored procedures, when the last install refused them (shown on Settings → Procedures). */
let installProblem: string | null = null;
export const storedProceduresProblem = (): string | null => installProblem;

/** Make the stored procedures the rules' (at open, after every change, when another window changed them). */
export async function installStoredProcedures(database: RedressDatabase): Promise<void> {
  installRows(await procedureRows(database));
}

/**
 * THE rule for which of the desk's procedures are retired: those any of whose version rows has `retiredOn`. Retiring
 * marks every row and reinstating clears every row; each row is a document of the team's, merged on its own, so a
 * version another desk saved while this one retired the procedure (a row without the mark) leaves it retired until
 * it is reinstated, and every desk reads the same answer from the same rows.
 */
export function retiredProcedureIds(rows: readonly ProcedureRow[]): string[] {
  return [...new Set(rows.filter((r) => r.retiredOn).map((r) => r.id))];
}

/** The day procedure `id` was retired (the first of its rows that carries the mark: `retiredProcedureIds`), if it is. */
export function procedureRetiredOn(rows: readonly ProcedureRow[], id: string): string | undefined {
  return rows.find((r) => r.id === id && r.retiredOn)?.retiredOn;
}

export function installRows(rows: readonly ProcedureRow[]): void {
  try {
    installDeskProcedures(
      rows.map((r) => r.procedure),
      retiredProcedureIds(rows),
    );
    installProblem = null;
  } catch (error) {
    // Never block the desk from opening: the built-in procedures stay, and the problem is shown.
    installDeskProcedures([]);
    installProblem = error instanceof Error ? error.message : String(error);
  }
}
