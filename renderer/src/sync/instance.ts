// The desk's one TeamSync, for the database the app opened. Started before the app renders (renderer/src/main.tsx),
// so the outbox is on before the desk writes anything.
import { db } from '#db/schema';
import { TeamSync } from './team';

let instance: TeamSync | null = null;

export function teamSync(): TeamSync {
  instance ??= new TeamSync(db());
  return instance;
}

/** Start sharing if this desk belongs to a team; a lone desk starts nothing. Never throws: problems go to the status. */
export async function startTeamSync(): Promise<void> {
  try {
    await teamSync().start();
  } catch (error) {
    console.warn('Sharing could not start', error);
  }
}
