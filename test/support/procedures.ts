// A copy of a procedure saved as the desk's own, as Settings → Procedures does on Copy then Save (a copy is stored
// only when it is saved: #db/repositories/procedures `draftCopy`).
import { draftCopy, saveProcedure } from '#db/repositories/procedures';
import type { RedressDatabase } from '#db/schema';
import type { Procedure } from '#shared/rules/index';

export async function savedCopy(database: RedressDatabase, id: string): Promise<Procedure> {
  return (await saveProcedure(database, await draftCopy(database, id))).procedure;
}
