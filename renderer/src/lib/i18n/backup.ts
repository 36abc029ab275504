// Why a backup file is refused, in the interface language (issue #17; m17a). shared/backup writes the refusal in
// English (BackupFileError's message: the logs, the desktop shell) and keeps it as data (`said`,
// shared/backup/problems.ts); the screens say the same with the catalogue's `backupProblem.<code>`.
import type { BackupSaying, BackupValue } from '#shared/backup/problems';
import { formatNumber } from '../format';
import type { MessageKey } from './messages/en-GB';
import { procedureProblemIn } from './procedures';
import { fileSizeIn } from './sizes';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

function valueIn(t: T, v: BackupValue): string | number {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if ('number' in v) return formatNumber(v.number);
  if ('bytes' in v) return fileSizeIn(t, v.bytes);
  if ('list' in v) return v.list.map((s) => backupProblemIn(t, s)).join(t('backupProblem.separator'));
  if ('procedure' in v) return procedureProblemIn(t, v.procedure);
  return backupProblemIn(t, v);
}

/** A backup refusal (or a piece of one) in the interface language. */
export function backupProblemIn(t: T, said: BackupSaying): string {
  const values: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(said.values ?? {})) values[name] = valueIn(t, v);
  return t(`backupProblem.${said.code}`, values);
}

/** A refusal's message in the interface language, or as shared wrote it when it has no code (it is never lost). */
export function backupErrorIn(t: T, error: { message: string; said?: BackupSaying }): string {
  return error.said ? backupProblemIn(t, error.said) : error.message;
}
