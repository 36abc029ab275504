// The privacy record's entries in the interface language. An audit entry is stored with its summary in English (the
// record as written, which English shows as it is) and its figures in `detail`; another language says it again from
// those figures, as the timeline does from an entry's data (lib/i18n/timeline.ts). An entry whose figures are missing
// (written by an older version) is shown as stored.
import { isErasureBasis } from '#shared/privacy/erasure';
import { languageOfLocale } from '#shared/model/dates';
import type { AuditRow } from '#db/schema';
import type { Translate } from '#lib/i18n/index';
import { formatDate } from '#lib/format';

const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: unknown): value is string => typeof value === 'string' && ISO_DAY.test(value);

/**
 * A subject-access bundle's entry from its figures (how exchange/subject-access.ts writes its English summary, and how
 * another language says it again); null when the figures are not all there (an entry written by an older version).
 */
export function subjectAccessAuditSummary(
  t: Translate,
  locale: string,
  detail: Record<string, unknown>,
): string | null {
  const { references, requestReceivedOn, answerBy } = detail;
  const cases = count(detail.count);
  const letters = count(detail.letters);
  if (cases === null || letters === null || !Array.isArray(references) || !isDay(requestReceivedOn) || !isDay(answerBy))
    return null;
  return t('privacy.audit.subjectAccess', {
    cases,
    letters,
    files: count(detail.files) ?? 0,
    references: references.join(', '),
    received: formatDate(requestReceivedOn, locale),
    answerBy: formatDate(answerBy, locale),
  });
}

/** What a subject-access bundle, a retention run, an erasure or an anonymisation done again did, in the interface language. */
export function auditSummaryIn(t: Translate, locale: string, row: AuditRow): string {
  if (languageOfLocale(locale) === 'en') return row.summary;
  const detail = row.detail ?? {};
  if (row.kind === 'subject-access') return subjectAccessAuditSummary(t, locale, detail) ?? row.summary;
  const cases = count(detail.count);
  const letters = count(detail.lettersDeleted) ?? 0;
  if (cases === null) return row.summary;
  switch (row.kind) {
    case 'retention-run': {
      const years = count(detail.anonymiseAfterYears);
      return years === null ? row.summary : t('privacy.audit.retentionRun', { cases, years, letters });
    }
    case 'erasure': {
      const references = Array.isArray(detail.references) ? detail.references.join(', ') : null;
      return references === null ? row.summary : t('privacy.audit.erasure', { cases, references, letters });
    }
    case 'anonymisation-reapplied': {
      // Older entries say where the personal data came back from only in their English summary.
      const fromTeam = detail.source === undefined ? row.summary.includes("team's copies") : detail.source === 'team';
      const source = t(fromTeam ? 'privacy.audit.source.team' : 'privacy.audit.source.restore');
      if (cases > 0) return t('privacy.audit.reapplied', { cases, letters, source });
      // No case anonymised again: only the files of cases still anonymised came back.
      const files = count(detail.filesErased) ?? 0;
      if (letters + files === 0) return row.summary;
      return t('privacy.audit.filesAgain', { letters, files, both: letters && files ? 'yes' : 'no', source });
    }
    default:
      return row.summary;
  }
}

/** The legal basis an erasure was recorded under, in the interface language; null when the entry names none. */
/** Who the audit entry names for a retention run made at start (kept in English in the record, as every entry). */
export const AUTOMATIC_RUN_BY = 'Redress (retention policy at start)';

/** Who made an entry, as the privacy record shows it: the run at start in the interface language (explore36-manager #7). */
export function auditByIn(t: Translate, row: Pick<AuditRow, 'by'>): string {
  return row.by === AUTOMATIC_RUN_BY ? t('privacy.automaticRunBy') : row.by;
}

export function auditReasonIn(t: Translate, row: AuditRow): string | null {
  const { basis, basisLabel } = row.detail ?? {};
  if (isErasureBasis(basis)) return t(`erase.basis.${basis}`);
  return typeof basisLabel === 'string' ? basisLabel : null;
}
