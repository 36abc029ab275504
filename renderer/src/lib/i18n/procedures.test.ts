// m17a: what is wrong with a procedure (the editor's fields, an imported file) in the interface language, from its
// codes (shared/rules/procedure-problems.ts): every code in both languages; a bad file and bad fields said in
// French next to their field with no English left; the English as shared (and zod) wrote it.
import { describe, expect, it } from 'vitest';
import {
  checkProcedure,
  checkProcedureForm,
  copyOfProcedure,
  KIJOMA,
  PROCEDURE_PROBLEM_CODES,
  procedureFile,
  procedureProblemInEnglish,
  procedureToForm,
  readProcedureFile,
} from '#shared/rules/index';
import { enGB, frCA } from './index';
import { procedureIssueIn, procedureProblemIn } from './procedures';
import { en, fr } from '#test/support/translate';
import { setFormatLocale } from '#lib/format';

const ENGLISH = /\b(must|not|empty|number|the|is|this|file|procedure in|nothing|imported|invalid|expected|unknown)\b/i;

describe('a procedure’s problems in the interface language', () => {
  it('has every code in English (shared’s words) and in French', () => {
    for (const code of PROCEDURE_PROBLEM_CODES) {
      expect(enGB[`procedureProblem.${code}`]).toBeTruthy();
      expect(frCA[`procedureProblem.${code}`]).toBeTruthy();
    }
  });

  it('says each field’s problem in French, under its field', () => {
    const form = procedureToForm(KIJOMA);
    form.stages[0].target.amount = '';
    form.stages[1].owner = ' ';
    const checked = checkProcedureForm(form);
    if (checked.ok) throw new Error('expected problems');
    expect(procedureIssueIn(fr, checked.issueByField['stages.0.target.amount'])).toBe('doit être un nombre');
    expect(procedureIssueIn(fr, checked.issueByField['stages.1.owner'])).toBe('ne doit pas être vide');
    expect(procedureIssueIn(en, checked.issueByField['stages.1.owner'])).toBe(checked.errors['stages.1.owner']);
  });

  it('gives zod’s own messages a code whose English is zod’s, and says them in French', () => {
    const bad = {
      ...copyOfProcedure(KIJOMA, new Set()),
      id: 'Not A Slug',
      defaultCalendar: 'mars',
      extra: 1,
      name: undefined,
      stages: [],
    };
    const checked = checkProcedure(bad);
    if (checked.ok) throw new Error('expected problems');
    for (const issue of checked.issues) {
      expect(issue.said).toBeDefined();
      expect(procedureProblemInEnglish(issue.said!)).toBe(issue.message);
      expect(issue.said!.code).not.toBe('other');
      expect(procedureIssueIn(fr, issue)).not.toMatch(ENGLISH);
    }
    expect(checked.issues.map((i) => procedureIssueIn(fr, i))).toEqual(
      expect.arrayContaining([
        'valeur non valide\u00a0: texte attendu, rien reçu',
        'choix non valide\u00a0: utilisez l’un de "england-and-wales"|"scotland"|"northern-ireland"|"canada"',
        'champ inconnu\u00a0: "extra"',
        'une procédure compte au moins une étape',
      ]),
    );
  });

  it('refuses a bad procedure file in French, naming the field', () => {
    const copy = copyOfProcedure(KIJOMA, new Set());
    const bad = JSON.parse(JSON.stringify(procedureFile(copy))) as {
      procedure: { stages: Array<{ target?: object }> };
    };
    bad.procedure.stages[0].target = { amount: -3, unit: 'days', what: 'a reply' };
    const read = readProcedureFile(JSON.stringify(bad));
    if (read.ok) throw new Error('expected a refusal');
    expect(procedureProblemInEnglish(read.said)).toBe(read.message);
    expect(procedureProblemIn(en, read.said)).toBe(read.message);
    expect(procedureProblemIn(fr, read.said)).toBe(
      'La procédure de ce fichier n’est pas valide\u00a0: procedure.stages[0].target.amount\u00a0: doit être 0 ou plus. Rien n’a été importé.',
    );
    for (const text of ['{', '{"format":"x"}', '{"format":"redress-procedure","formatVersion":7}']) {
      const refused = readProcedureFile(text);
      if (refused.ok) throw new Error('expected a refusal');
      expect(procedureProblemIn(en, refused.said)).toBe(refused.message.replaceAll("'", '’'));
      expect(procedureProblemIn(fr, refused.said)).toMatch(/^Ce fichier/);
    }
  });

  // h17: an impossible date is a coded saying with the date as data, never the rules' English sentence.
  it('says a procedure file’s impossible date in French, with the month in words', () => {
    const said = (effectiveFrom: string) => {
      const file = JSON.parse(JSON.stringify(procedureFile(copyOfProcedure(KIJOMA, new Set())))) as {
        procedure: { effectiveFrom?: string };
      };
      file.procedure.effectiveFrom = effectiveFrom;
      const read = readProcedureFile(JSON.stringify(file));
      if (read.ok) throw new Error('expected a refusal');
      expect(procedureProblemInEnglish(read.said)).toBe(read.message);
      return read;
    };
    try {
      setFormatLocale('fr-CA');
      const month13 = said('2026-13-01');
      expect(month13.message).toBe(
        'The procedure in this file is not valid: procedure.effectiveFrom: "2026-13-01" is not a real date: there is no month 13. Nothing was imported.',
      );
      expect(procedureProblemIn(fr, month13.said)).toBe(
        'La procédure de ce fichier n’est pas valide\u00a0: procedure.effectiveFrom\u00a0: «\u00a02026-13-01\u00a0» n’est pas une date réelle\u00a0: il n’y a pas de mois 13. Rien n’a été importé.',
      );
      const february = said('2026-02-30');
      expect(procedureProblemIn(fr, february.said)).toContain(
        '«\u00a02026-02-30\u00a0» n’est pas une date réelle\u00a0: février 2026 compte 28 jours. Rien',
      );
      expect(procedureProblemIn(fr, said('2026-2-3').said)).toContain(
        '«\u00a02026-2-3\u00a0» n’est pas une date écrite aaaa-mm-jj. Rien',
      );
      expect(procedureProblemIn(fr, said('1899-01-01').said)).toMatch(/n’est pas comprise entre les années \d+ et \d+/);
      for (const date of ['2026-13-01', '2026-02-30', '2026-2-3', '1899-01-01'])
        expect(procedureProblemIn(fr, said(date).said)).not.toMatch(/\b(is|not a|real|there|has|days|written)\b/);
      setFormatLocale('en-GB');
      expect(procedureProblemIn(en, february.said)).toContain(
        '"2026-02-30" is not a real date: February 2026 has 28 days. ',
      );
    } finally {
      setFormatLocale('en-GB');
    }
  });
});
