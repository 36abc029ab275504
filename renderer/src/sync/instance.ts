// The desk's one TeamSync, for the database the app opened. Its outbox is on before the app renders
// (renderer/src/main.tsx), so before the desk writes anything; the rest of its start runs meanwhile.
import { db } from '#db/schema';
import { TeamSync } from './team';

let instance: TeamSync | null = null;

export function teamSync(): TeamSync {
  instance ??= new TeamSync(db());
  return instance;
}

/**
 * Start sharing if this desk belongs to a team; a lone desk starts nothing. Resolves once the desk may write (the
 * outbox is on), without waiting for the team's server: a server that is slow or has hung must not keep the app from
 * drawing. Never throws: problems go to the status.
 */
export async function startTeamSync(): Promise<void> {
  try {
    await teamSync().begin();
  } catch (error) {
    console.warn('Sharing could not start', error);
  }
}
