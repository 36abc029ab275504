// Whose cases a desk's screens and reminders count (issue #14, "This desk's cases"): in a team, the team's or only this
// desk's (the cases whose reference starts with its prefix), as the desk chose; a lone desk's cases are all its own.
import type { RedressDatabase } from './schema';
import { SHARING_META_KEYS } from './outbox';

/** Whether the dashboard and Reports count every case of the team or only this desk's (meta; features/sharing). */
export const CASES_SCOPE_KEY = 'cases-scope';

/** The prefix whose cases alone are counted: in a team, when the desk chose its own; otherwise none (every case). */
export function deskScope(inTeam: boolean, chosen: 'team' | 'desk' | null | undefined, prefix: string | undefined) {
  return inTeam && chosen === 'desk' && prefix ? prefix : undefined;
}

/** `deskScope` read from the database now (the reminders' check; the screens read it live, features/sharing). */
export async function readDeskScope(database: RedressDatabase): Promise<string | undefined> {
  const [membership, chosen, settings] = await Promise.all([
    database.meta.get(SHARING_META_KEYS.membership),
    database.meta.get(CASES_SCOPE_KEY),
    database.settings.get('desk'),
  ]);
  return deskScope(membership !== undefined, chosen?.value as 'team' | 'desk' | undefined, settings?.value.deskPrefix);
}
