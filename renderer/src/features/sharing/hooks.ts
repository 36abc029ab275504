import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import { useMetaValue } from '#db/hooks';
import { db } from '#db/schema';
import { MEMBERSHIP_KEY, teamSync, type SharingStatus, type TeamMembership } from '#sync';

/** The desk's sharing status, live (the header, the team screen). */
export function useSharingStatus(): SharingStatus {
  const team = teamSync();
  return useSyncExternalStore(team.subscribe, team.snapshot);
}

/** The desk's membership of a team, or null for a lone desk (undefined while reading). */
export function useMembership(): TeamMembership | null | undefined {
  return useMetaValue<TeamMembership>(MEMBERSHIP_KEY);
}

/** Every case with fields changed at two desks, with its reference. */
export function useConflicts() {
  return useLiveQuery(async () => {
    // A row may hold only settled clashes (kept so they are not brought back): nothing to show for it.
    const rows = (await db().conflicts.toArray()).filter((row) => row.clashes.length > 0);
    const cases = await db().cases.bulkGet(rows.map((r) => r.caseId));
    return rows
      .map((row, i) => ({ ...row, reference: cases[i]?.reference ?? row.caseId, record: cases[i] }))
      .sort((a, b) => a.reference.localeCompare(b.reference));
  }, []);
}
