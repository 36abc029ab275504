// Audit entries for exports (schema.ts `AuditRow`): what was exported, when and by whom; never personal data.
import type { AuditRow, RedressDatabase } from '#db/schema';

export async function recordExport(
  database: RedressDatabase,
  entry: Pick<AuditRow, 'kind' | 'summary' | 'detail' | 'by'>,
  at = new Date(),
): Promise<void> {
  await database.audit.add({ id: crypto.randomUUID(), at: at.toISOString(), ...entry });
}
