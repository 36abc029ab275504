// The retention policy in the desk's settings: saved on its own, so the rest of the settings stay as they are.
import type { DeskSettings, RetentionPolicy } from '#shared/model/case';
import { RecordRefusal } from '#shared/model/refusals';
import type { RedressDatabase } from '#db/schema';
import { readDesk, writeDesk } from '#db/desk';

/** Store the policy in the desk's settings (read and written in one transaction). */
export async function saveRetentionPolicy(database: RedressDatabase, policy: RetentionPolicy): Promise<void> {
  await database.transaction('rw', database.settings, database.providers, async () => {
    const desk = await readDesk(database);
    if (!desk) throw new RecordRefusal('no-desk');
    await writeDesk(database, {
      ...desk,
      retention: { enabled: policy.enabled, anonymiseAfterYears: policy.anonymiseAfterYears },
    });
  });
}

/** The settings form does not edit the policy: keep the stored one when the form is saved. */
export function keepRetention(next: DeskSettings, current: DeskSettings | null | undefined): DeskSettings {
  return current?.retention ? { ...next, retention: current.retention } : next;
}
