// The forms' validation messages in the interface language (issue #17): found by their code, days and numbers the
// interface's way, the field named by the screen's own label; a message without a code is shown as it is.
import { describe, expect, it } from 'vitest';
import { validateIntake } from '#shared/model/intake';
import { sayProblem } from '#shared/model/problems';
import { checkImport, guessMapping, rowProvider } from '#shared/exports/cases-import';
import type { ProviderChoice } from '#shared/model/provider';
import { checkPeriod } from '#shared/reports/periods';
import { checkRetentionYears } from '#shared/privacy/retention';
import { setFormatLocale } from '../format';
import { messageIn, problemIn } from './problems';
import { whyNotVoid } from '#shared/casework/index';
import type { TimelineEvent } from '#shared/model/case';
import { en, fr } from '#test/support/translate';

describe('validation messages in the interface language', () => {
  it('says the intake form’s messages in French, the field named by its French label', () => {
    const r = validateIntake({ receivedOn: '2026-13-01', customerName: 'A'.repeat(300), phone: 'x' }, '2026-11-18');
    if (r.ok) throw new Error('expected problems');
    expect(problemIn(fr, r.problems.receivedOn!)).toBe('Indiquez une date réelle au format aaaa-mm-jj');
    expect(problemIn(fr, r.problems.customerName!, 'Nom')).toBe('Nom\u00a0: au plus 200 caractères');
    expect(problemIn(fr, r.problems.phone!)).toBe(
      'Indiquez un numéro de téléphone avec des chiffres, des espaces, + ( ) ou -',
    );
    // English (UK): shared's words, with the typographic apostrophe of the interface.
    expect(problemIn(en, { code: 'customer-name-missing' })).toBe('Enter the customer’s name');
    expect(problemIn(en, r.problems.customerName!)).toBe('Name must be at most 200 characters');
  });

  it('writes days and numbers the interface’s way (TZ Europe/London)', () => {
    expect(process.env.TZ).toBe('Europe/London');
    setFormatLocale('fr-CA');
    try {
      const message = sayProblem('date-before-received', { on: { date: '2026-11-18' } });
      expect(messageIn(fr, message)).toBe('La date ne peut pas être antérieure à la date de réception (18 nov. 2026)');
      // A refused action's reason (the actions menu).
      expect(messageIn(fr, sayProblem('refused-paused', { on: { date: '2026-09-10' } }))).toBe(
        'Le dossier est suspendu dans l’attente de la personne depuis le 10 sept. 2026\u00a0: reprenez-le d’abord.',
      );
      expect(problemIn(fr, { code: 'employees-too-many', values: { max: { number: 10_000_000 } } })).toMatch(
        /^Indiquez un nombre d’employés d’au plus 10\s000\s000$/u,
      );
    } finally {
      setFormatLocale('en-GB');
    }
    expect(messageIn(en, sayProblem('date-before-received', { on: { date: '2026-11-18' } }))).toBe(
      'The date cannot be before the complaint was received (18 Nov 2026)',
    );
  });

  it('says why an entry cannot be voided, the day of an earlier void the interface’s way', () => {
    const entry = (id: string, type: TimelineEvent['type'], data?: Record<string, unknown>): TimelineEvent => ({
      id,
      caseId: 'c1',
      type,
      on: '2026-12-06',
      at: '2026-12-06T10:00:00.000Z',
      by: 'Sam Patel',
      summary: 'x',
      ...(data ? { data } : {}),
    });
    const events = [
      entry('e0', 'received'),
      entry('e1', 'note'),
      entry('e2', 'voided', { entryId: 'e1', entryOn: '2026-12-06', reason: 'Wrong case' }),
    ];
    // The record's English keeps the day as YYYY-MM-DD; the screens write it as they write days (explore 27, #8).
    const already = whyNotVoid('e1', events)!;
    expect(already).toBe('This entry was already voided on 2026-12-06 by Sam Patel.');
    expect(messageIn(en, already)).toBe('This entry was already voided on 6 Dec 2026 by Sam Patel.');
    setFormatLocale('fr-CA');
    try {
      expect(messageIn(fr, already)).toBe('Cette inscription a déjà été invalidée le 6 déc. 2026 par Sam Patel.');
    } finally {
      setFormatLocale('en-GB');
    }
    // The other refusals are said in French too.
    expect(messageIn(fr, whyNotVoid('e0', events)!)).toBe(
      'La réception de la plainte ne peut pas être invalidée\u00a0: corrigez plutôt la date de réception.',
    );
    expect(messageIn(fr, whyNotVoid('e2', events)!)).toMatch(/^Une invalidation est définitive/);
    expect(messageIn(fr, whyNotVoid('nope', events)!)).toBe('Choisissez dans l’historique l’inscription à invalider');
  });

  it('names the timeline entry a date refusal quotes as the timeline does, not by its stored English', () => {
    const refused = sayProblem('date-before-last-entry', {
      on: { date: '2026-12-06' },
      summary: 'Complaint acknowledged by letter',
      entry: 'e7',
    });
    const named = (id: string) => (id === 'e7' ? 'Accusé de réception envoyé (lettre)' : undefined);
    setFormatLocale('fr-CA');
    try {
      expect(messageIn(fr, refused, undefined, named)).toBe(
        'La date ne peut pas être antérieure à la dernière inscription de l’historique (6 déc. 2026\u00a0: Accusé de réception envoyé (lettre))',
      );
      // An entry the screen does not know keeps the summary as stored.
      expect(messageIn(fr, refused, undefined, () => undefined)).toContain('Complaint acknowledged by letter');
    } finally {
      setFormatLocale('en-GB');
    }
    expect(messageIn(en, refused)).toBe(
      'The date cannot be before the last entry on the timeline (6 Dec 2026: Complaint acknowledged by letter)',
    );
  });

  it('shows a message without a code as shared wrote it', () => {
    expect(messageIn(fr, 'Name contains an invisible control character')).toBe(
      'Name contains an invisible control character',
    );
  });

  // m17b: the control-character refusals (shared/model/text.ts) have codes.
  it('says a refused invisible character in French, by its code point and Unicode name, with the field’s French label', () => {
    const r = validateIntake(
      { receivedOn: '2026-11-18', customerName: 'Ann\u202eLee', postcode: 'LS1\t1AA', summary: '\u200bPanne' },
      '2026-11-18',
    );
    if (r.ok) throw new Error('expected problems');
    expect(r.errors.customerName).toBe(
      'Name contains an invisible control character (U+202E RIGHT-TO-LEFT OVERRIDE) after “Ann”; remove it',
    );
    expect(problemIn(fr, r.problems.customerName!, 'Nom')).toBe(
      'Nom\u00a0: contient un caractère de contrôle invisible (U+202E RIGHT-TO-LEFT OVERRIDE) après «\u00a0Ann\u00a0»\u00a0; supprimez-le',
    );
    expect(problemIn(fr, r.problems.postcode!, 'Code postal')).toBe(
      'Code postal\u00a0: contient une tabulation ou un saut de ligne (U+0009 CHARACTER TABULATION) après «\u00a0LS1\u00a0», alors que ce champ tient sur une ligne\u00a0; supprimez-le',
    );
    expect(problemIn(fr, r.problems.summary!, 'Résumé')).toBe(
      'Résumé\u00a0: contient un caractère de contrôle invisible (U+200B ZERO WIDTH SPACE) au début\u00a0; supprimez-le',
    );
    // English: the same words shared/ returns, with the screen's own label.
    expect(problemIn(en, r.problems.customerName!, 'Name')).toBe(r.errors.customerName);
  });
});

// m17a: a CSV import's row problems, said in the interface language from their codes (the import screen's report).
describe('a CSV import’s row problems in the interface language', () => {
  it('says a bad row in French, with no English left but the cells as written', () => {
    const headers = ['Date received', 'Channel', 'Category', 'Summary', 'Customer', 'Large print'];
    const check = checkImport([['2099-01-01', 'Fax', 'Moaning', '', '', 'peut-être']], headers, guessMapping(headers), {
      today: '2026-11-18',
      dateOrder: 'day-first',
    });
    const said = check.problems.map((p) => problemIn(fr, p.problem!));
    expect(said).toEqual([
      'La date de réception ne peut pas être dans le futur',
      // The words the file may hold, as the French interface (and its export) writes them.
      '«\u00a0Fax\u00a0» n’est pas un mode de réception\u00a0: utilisez Téléphone, Courriel, Formulaire Web, Lettre, En personne, Clavardage',
      '«\u00a0Moaning\u00a0» n’est pas une catégorie\u00a0: utilisez Ventes, Facturation, Réparation de panne, Service, Tarification, Autre',
      'Décrivez la situation en quelques mots',
      'Indiquez le nom de la personne cliente',
      'Indiquez au moins un moyen de joindre la personne\u00a0: adresse, téléphone ou courriel',
      '«\u00a0peut-être\u00a0» n’est ni oui ni non',
    ]);
    // English (UK): the same words as the message shared wrote (with the interface's typographic apostrophe).
    for (const p of check.problems) expect(problemIn(en, p.problem!)).toBe(p.message.replaceAll("'", '’'));
  });

  it('lists French words the import reads: each one, in a cell, is taken', () => {
    const listed = (code: 'import-not-channel' | 'import-not-category') =>
      problemIn(fr, { code, values: { text: 'x', choices: '' } })
        .split('utilisez ')[1]
        .split(', ');
    const headers = ['Date received', 'Channel', 'Category', 'Summary', 'Customer', 'Email', 'Address', 'Postcode'];
    const channels = listed('import-not-channel');
    const categories = listed('import-not-category');
    expect(channels).toHaveLength(6);
    const rows = channels.map((channel, i) => [
      '2026-11-02',
      channel,
      categories[i % categories.length],
      'Facturée deux fois',
      'Élodie Tremblay',
      'elodie@example.com',
      '1250, boul. René-Lévesque Ouest',
      'H3B 4W8',
    ]);
    const check = checkImport(rows, headers, guessMapping(headers), { today: '2026-11-18', dateOrder: 'day-first' });
    expect(check.problems).toEqual([]);
    expect(check.cases.map((c) => c.parts.channel)).toEqual(['phone', 'email', 'web', 'letter', 'in-person', 'chat']);
    expect(new Set(check.cases.map((c) => c.parts.category))).toEqual(
      new Set(['sales', 'billing', 'fault-repair', 'service', 'pricing', 'other']),
    );
  });

  it('names a retired provider and its day the interface’s way', () => {
    const providers: ProviderChoice[] = [
      { id: 'a', name: 'Acme', calendar: 'england-and-wales' },
      { id: 'b', name: 'Old Co', calendar: 'england-and-wales', retiredOn: '2026-03-01' },
    ];
    const options = { source: { column: 0 }, providers, usualProviderId: 'a' };
    const refused = rowProvider(['Old Co'], options);
    if (!('said' in refused)) throw new Error('expected a refusal');
    expect(refused.problem).toBe('Old Co was retired on 2026-03-01 and takes no new cases');
    setFormatLocale('fr-CA');
    try {
      expect(problemIn(fr, refused.said)).toBe(
        'Old Co a été retiré le 1er mars 2026 et ne reçoit plus de nouveaux dossiers',
      );
    } finally {
      setFormatLocale('en-GB');
    }
  });
});

describe('the period of a report and the retention period, in French (lead, session 6)', () => {
  it('says why a custom period or a number of years is refused', () => {
    expect(messageIn(fr, checkPeriod({ from: '2026-05-01', to: null })!)).toBe(
      'Choisissez le premier et le dernier jour de la période.',
    );
    expect(messageIn(fr, checkPeriod({ from: '2026-05-01', to: '2026-04-01' })!)).toBe(
      'La période se termine avant de commencer\u00a0: le premier jour doit venir d’abord.',
    );
    const years = checkRetentionYears('forty');
    if (years.ok) throw new Error('refused on purpose');
    expect(messageIn(fr, years.error)).toBe('Indiquez un nombre entier d’années, de 1 à 30');
    expect(messageIn(en, years.error)).toBe(years.error);
  });
});
