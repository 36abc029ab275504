// Why a backup file is refused, in the interface language (issue #17; m17a). shared/backup writes the refusal in
// English (BackupFileError's message: the logs, the desktop shell) and keeps it as data (`said`,
// shared/backup/problems.ts); the screens say the same with the catalogue's `backupProblem.<code>`.
import type { BackupSaying, BackupValue } from '#shared/backup/problems';
import { isSaying } from '#shared/model/saying';
import type { Translate } from './index';
import { procedureProblemIn } from './procedures';
import { plainValueIn, sayingIn } from './sayings';

function valueIn(t: Translate, v: BackupValue): string | number {
  if (isSaying(v)) return backupProblemIn(t, v);
  if (typeof v === 'object' && 'list' in v)
    return v.list.map((s) => backupProblemIn(t, s)).join(t('backupProblem.separator'));
  if (typeof v === 'object' && 'procedure' in v) return procedureProblemIn(t, v.procedure);
  return plainValueIn(t, v);
}

/** A backup refusal (or a piece of one) in the interface language. */
export function backupProblemIn(t: Translate, said: BackupSaying): string {
  return sayingIn(t, 'backupProblem', said, (v) => valueIn(t, v));
}

/** A refusal's message in the interface language, or as shared wrote it when it has no code (it is never lost). */
export function backupErrorIn(t: Translate, error: { message: string; said?: BackupSaying }): string {
  return error.said ? backupProblemIn(t, error.said) : error.message;
}
