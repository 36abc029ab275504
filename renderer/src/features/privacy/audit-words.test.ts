import { describe, expect, it } from 'vitest';
import type { AuditRow } from '#db/schema';
import { type MessageKey, type MessageValues, translate } from '#lib/i18n/index';
import { AUTOMATIC_RUN_BY, auditByIn, auditReasonIn, auditSummaryIn, subjectAccessAuditSummary } from './audit-words';

const fr = (key: MessageKey, values?: MessageValues) => translate('fr-CA', key, values);
const en = (key: MessageKey, values?: MessageValues) => translate('en-GB', key, values);

// Entries as renderer/src/db/repositories/retention.ts writes them (its tests check the English summaries).
const row = (kind: string, summary: string, detail?: Record<string, unknown>): AuditRow => ({
  id: 'a1',
  at: '2026-12-06T10:00:00.000Z',
  kind,
  by: 'Sam Patel',
  summary,
  detail,
});
const run = (cases: number, letters: number) =>
  row('retention-run', 'English as stored', { count: cases, anonymiseAfterYears: 6, lettersDeleted: letters });
const erasure = row('erasure', "A customer's personal data erased on request from 2 cases (RDR-1, RDR-2)", {
  basis: 'consent-withdrawn',
  basisLabel: 'The customer withdrew their consent',
  count: 2,
  lettersDeleted: 1,
  references: ['RDR-1', 'RDR-2'],
});

describe('the privacy record in the interface language', () => {
  it('names the retention run made at start in the interface language, and a person as recorded', () => {
    const atStart = { ...run(1, 0), by: AUTOMATIC_RUN_BY };
    expect(auditByIn(fr, atStart)).toBe('Redress (politique de conservation au démarrage)');
    expect(auditByIn(en, atStart)).toBe('Redress (retention policy at start)');
    expect(auditByIn(fr, run(1, 0))).toBe('Sam Patel');
  });

  it('shows the English summary as it was stored', () => {
    expect(auditSummaryIn(en, 'en-GB', run(4, 2))).toBe('English as stored');
    expect(auditSummaryIn(en, 'en-CA', erasure)).toBe(erasure.summary);
  });

  it('says a retention run again in French from its figures, with no letters when none were deleted', () => {
    expect(auditSummaryIn(fr, 'fr-CA', run(4, 2))).toBe(
      '4 dossiers anonymisés selon la politique de conservation (6 ans après la fermeture)\u00a0; 2 lettres supprimées',
    );
    expect(auditSummaryIn(fr, 'fr-CA', run(1, 0))).toBe(
      '1 dossier anonymisé selon la politique de conservation (6 ans après la fermeture)',
    );
  });

  it('says an erasure again in French, with its legal basis in French', () => {
    expect(auditSummaryIn(fr, 'fr-CA', erasure)).toBe(
      'Renseignements personnels d’une personne cliente effacés sur demande dans 2 dossiers (RDR-1, RDR-2)\u00a0; 1 lettre supprimée. Conservé\u00a0: des chiffres anonymisés pour les rapports et les recours en justice.',
    );
    expect(auditReasonIn(fr, erasure)).toBe('La personne cliente a retiré son consentement');
    expect(auditReasonIn(en, erasure)).toBe('The customer withdrew their consent');
    expect(auditReasonIn(fr, run(1, 0))).toBeNull();
  });

  it('says where anonymised data came back from, reading an older entry’s English when its figures do not say', () => {
    const team = row('anonymisation-reapplied', 'x', { count: 1, lettersDeleted: 0, source: 'team' });
    expect(auditSummaryIn(fr, 'fr-CA', team)).toBe(
      '1 dossier anonymisé de nouveau\u00a0: les copies de l’équipe avaient ramené des renseignements personnels que ce poste avait effacés ou anonymisés',
    );
    const older = row(
      'anonymisation-reapplied',
      '2 cases anonymised again and 1 letter deleted: restored data had brought back personal data that this desk had erased or anonymised',
      { count: 2, lettersDeleted: 1 },
    );
    expect(auditSummaryIn(fr, 'fr-CA', older)).toBe(
      '2 dossiers anonymisés de nouveau et 1 lettre supprimée\u00a0: les données restaurées avaient ramené des renseignements personnels que ce poste avait effacés ou anonymisés',
    );
  });

  it('counts the files, not "0 cases", when only the files of cases still anonymised came back', () => {
    const letters = row('anonymisation-reapplied', 'x', {
      count: 0,
      lettersDeleted: 1,
      filesErased: 0,
      source: 'restore',
    });
    expect(auditSummaryIn(fr, 'fr-CA', letters)).toBe(
      '1 lettre supprimée de nouveau\u00a0: les données restaurées avaient ramené des renseignements personnels que ce poste avait effacés ou anonymisés',
    );
    const both = row('anonymisation-reapplied', 'x', { count: 0, lettersDeleted: 2, filesErased: 1, source: 'team' });
    expect(auditSummaryIn(fr, 'fr-CA', both)).toMatch(
      /^2 lettres supprimées de nouveau et 1 pièce jointe effacée de nouveau\u00a0: les copies de l’équipe/,
    );
    // The English catalogue says it as the stored summary does (renderer/src/db/repositories/retention.ts).
    expect(en('privacy.audit.filesAgain', { letters: 1, files: 0, both: 'no', source: 'x' })).toBe(
      '1 letter deleted again: x',
    );
  });

  it('shows an entry whose figures are missing as stored', () => {
    expect(auditSummaryIn(fr, 'fr-CA', row('erasure', 'Stored words'))).toBe('Stored words');
    expect(auditSummaryIn(fr, 'fr-CA', row('retention-run', 'Stored words', { count: 3 }))).toBe('Stored words');
  });

  it('records a subject-access bundle with the request’s dates and what was sent, in either language', () => {
    // As features/exchange/subject-access.ts writes it.
    const detail = {
      caseIds: ['c1', 'c2'],
      references: ['RDR-2026-000001', 'RDR-2026-000004'],
      count: 2,
      letters: 1,
      files: 0,
      requestReceivedOn: '2026-11-20',
      answerBy: '2026-12-20',
    };
    const english = subjectAccessAuditSummary(en, 'en-GB', detail);
    expect(english).toBe(
      'Bundle made for a request received Fri 20 Nov 2026 (answer by Sun 20 Dec 2026): 2 cases (RDR-2026-000001, RDR-2026-000004), 1 letter',
    );
    const sar = row('subject-access', english!, detail);
    expect(auditSummaryIn(en, 'en-GB', sar)).toBe(english);
    expect(auditSummaryIn(fr, 'fr-CA', sar)).toBe(
      'Fichier produit pour une demande reçue le ven. 20 nov. 2026 (réponse au plus tard le dim. 20 déc. 2026)\u00a0: 2 dossiers (RDR-2026-000001, RDR-2026-000004), 1 lettre',
    );
    expect(subjectAccessAuditSummary(en, 'en-GB', { ...detail, letters: 0, files: 2, count: 1 })).toMatch(
      /: 1 case \(RDR-2026-000001, RDR-2026-000004\), 0 letters, 2 files$/,
    );
    // An entry written before the dates were kept is shown as stored.
    const older = row('subject-access', 'Subject-access bundle made: 1 case, 0 letters', {
      caseIds: ['c1'],
      letters: 0,
      files: 0,
      requestReceivedOn: '2026-11-20',
    });
    expect(auditSummaryIn(fr, 'fr-CA', older)).toBe(older.summary);
  });
});
