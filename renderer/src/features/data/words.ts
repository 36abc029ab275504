// The words of "Your data" that are made from facts (a restore's progress, rows over a limit, the storage warning, a
// passphrase's problem), in the interface language through the catalogue (issue #17). The rules themselves stay
// where they are (shared/backup, shared/model/attachment, db/backup); only their wording is here.
import type { BackupTable } from '#shared/backup/format';
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH, passphraseProblemKind } from '#shared/backup/encryption';
import { storageWarningFacts } from '#shared/model/attachment';
import { OVER_LIMITS_SHOWN, type RestoreProgress } from '#db/backup/backup';
import type { BackupSaying } from '#shared/backup/problems';
import { backupProblemIn, fileSizeIn, type MessageKey, type Translate } from '#lib/i18n/index';

/** A restore's progress as a sentence: "Writing cases: 12,000 of 100,000" / "Écriture des dossiers : 12 000 sur 100 000". */
export function restoreProgressIn(t: Translate, progress: RestoreProgress): string {
  const { stage, rows } = progress;
  if (stage === 'finishing')
    return progress.files
      ? t('restore.step.finishingFiles', { count: progress.files.count, size: fileSizeIn(t, progress.files.bytes) })
      : t('restore.step.finishing');
  if (!rows) return t(`restore.step.${stage}Desk` as MessageKey);
  const what = t(`restore.rows.${rows.table satisfies BackupTable}` as MessageKey);
  return t(`restore.step.${stage}` as MessageKey, { what, done: rows.done, total: rows.total });
}

/**
 * The rows over a limit, for the desk: null when there are none. Each said in the interface language from its saying
 * (`said`, the same order; h17), or as shared wrote it when there is none.
 */
export function overLimitsIn(
  t: Translate,
  overLimits: readonly string[],
  said?: readonly BackupSaying[],
): string | null {
  if (overLimits.length === 0) return null;
  const entries =
    said && said.length === overLimits.length
      ? said
          .slice(0, OVER_LIMITS_SHOWN)
          .map((s) => backupProblemIn(t, s))
          .join(t('backupProblem.separator'))
      : overLimits.slice(0, OVER_LIMITS_SHOWN).join(t('backupProblem.separator'));
  const more = overLimits.length - OVER_LIMITS_SHOWN;
  return more > 0
    ? t('data.overLimitsMore', { n: overLimits.length, entries, more })
    : t('data.overLimits', { n: overLimits.length, entries });
}

/** The warning when space runs short (shared/model/attachment's rule), or null. */
export function storageWarningIn(
  t: Translate,
  attachmentBytes: number,
  usageBytes: number | null,
  quotaBytes: number | null,
): string | null {
  const facts = storageWarningFacts(attachmentBytes, usageBytes, quotaBytes);
  if (!facts) return null;
  if (facts.kind === 'quota')
    return t('data.storage.quota', {
      percent: facts.percent,
      used: fileSizeIn(t, facts.usageBytes),
      allowed: fileSizeIn(t, facts.quotaBytes),
    });
  return t('data.storage.attachmentsLarge', {
    size: fileSizeIn(t, facts.bytes),
    limit: fileSizeIn(t, facts.limitBytes),
  });
}

/** Why a passphrase cannot be used (shared/backup/encryption's rule), or null when it can. */
export function passphraseProblemIn(t: Translate, passphrase: string): string | null {
  switch (passphraseProblemKind(passphrase)) {
    case 'too-short':
      return t('passphrase.tooShort', { min: MIN_PASSPHRASE_LENGTH, why: t('passphrase.why') });
    case 'too-long':
      return t('passphrase.tooLong', { max: MAX_PASSPHRASE_LENGTH });
    case 'control':
      return t('passphrase.control');
    default:
      return null;
  }
}
