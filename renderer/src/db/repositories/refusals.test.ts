// say9: every refusal the records' repositories throw to a screen is a RecordRefusal (shared/model/refusals.ts): its
// message keeps the English, and the screen says it in the interface language (lib/i18n/refusals.ts errorIn) — here in
// English and in French, each provoked through the repository a screen calls.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { NotAnEmailError } from '#shared/mail/problems';
import { RecordRefusal } from '#shared/model/refusals';
import { DEFAULT_RETENTION } from '#shared/privacy/retention';
import { deskSettings as storedDesk } from '#db/desk';
import { errorIn, messageIn } from '#lib/i18n/index';
import { setFormatLocale } from '#lib/format';
import { en, fr } from '#test/support/translate';
import { closeAll, freshDatabase } from '#test/support/backup';
import { buildPrivacyFixture, TODAY } from '#test/fixtures/retention';
import { newCaseParts } from '#test/support/cases';
import { deskSettings, JIVE } from '#test/support/desk';
import { addAttachments, removeAttachment } from './attachments';
import { ActionRefusedError, performAction } from './case-actions';
import { reassignCase } from './assign';
import { addPerson, createCase, recordLetterIssued, recordLetterWithdrawn, saveSettings } from './cases';
import { logEmailContact } from './email-contact';
import { retireProvider, saveProvider } from './providers';
import { runRetention } from './retention';
import { allEntries } from '../timeline';

afterEach(async () => {
  setFormatLocale('en-GB');
  await closeAll();
});

const clock = { now: () => new Date('2026-11-21T10:00:00Z') };
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0xff, 0xd9]);

async function refusalOf(work: Promise<unknown>): Promise<RecordRefusal> {
  const thrown = await work.then(
    () => null,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(RecordRefusal);
  return thrown as RecordRefusal;
}

/** The refusal's English message, and what an English and a French screen say (dates in each one's format). */
function expectSaid(refusal: RecordRefusal, english: string, inEnglish: string, inFrench: string) {
  expect(refusal.message).toBe(english);
  setFormatLocale('en-GB');
  expect(errorIn(en, refusal)).toBe(inEnglish);
  setFormatLocale('fr-CA');
  expect(errorIn(fr, refusal)).toBe(inFrench);
  setFormatLocale('en-GB');
}
const same = (refusal: RecordRefusal, english: string, inFrench: string) =>
  expectSaid(refusal, english, english, inFrench);

async function deskWithCase(label: string) {
  const database = freshDatabase(label);
  await saveSettings(database, deskSettings());
  const settings = (await storedDesk(database))!;
  const record = await createCase(database, newCaseParts(), { settings, by: 'Sam', clock });
  return { database, settings, record };
}

describe('the records’ refusals, in English and in French', () => {
  it('a file added to an anonymised case, or to a case that is not there', async () => {
    const database = freshDatabase('refusal-files');
    const { ottoline: record } = await buildPrivacyFixture(database);
    await runRetention(database, { policy: DEFAULT_RETENTION, today: TODAY, by: 'Sam', trigger: 'on-demand', clock });
    expect((await database.cases.get(record.id))!.anonymisedOn).toBeTruthy();
    const before = await database.attachments.count();
    const file = { fileName: 'scan.jpg', bytes: jpeg, kind: 'customer-letter' as const };
    same(
      await refusalOf(addAttachments(database, record.id, [file], 'Sam', clock)),
      'This case was anonymised: no files can be added to it.',
      'Ce dossier a été anonymisé\u00a0: on ne peut plus y joindre de fichier.',
    );
    expect(await database.attachments.count()).toBe(before);
    same(
      await refusalOf(addAttachments(database, 'nope', [file], 'Sam', clock)),
      'No case with id nope',
      'Aucun dossier ne porte l’identifiant nope',
    );
    // An email logged as a contact that is no email: said from its code too (shared/mail/problems.ts).
    const notEmail = await logEmailContact(database, record.id, { fileName: 'notes.txt', bytes: jpeg }, desk).then(
      () => null,
      (error: unknown) => error,
    );
    expect(notEmail).toBeInstanceOf(NotAnEmailError);
    expect(errorIn(en, notEmail)).toBe((notEmail as NotAnEmailError).message);
    expect(errorIn(fr, notEmail)).toBe(
      'Ce fichier n’est pas un courriel\u00a0: «\u00a0notes.txt\u00a0»\u00a0: ce n’est pas du texte avec des en-têtes de courriel (il contient des données binaires).',
    );
    same(
      await refusalOf(logEmailContact(database, 'nope', { fileName: 'a.eml', bytes: eml }, desk)),
      'No case with id nope',
      'Aucun dossier ne porte l’identifiant nope',
    );
  });

  it('an attachment removed without a reason, twice, or not on the case', async () => {
    const { database, record } = await deskWithCase('refusal-remove');
    const [added] = await addAttachments(
      database,
      record.id,
      [{ fileName: 'scan.jpg', bytes: jpeg, kind: 'customer-letter' }],
      'Sam',
      clock,
    );
    if (!added?.ok) throw new Error('the file was not added');
    const id = added.row.id;
    same(
      await refusalOf(removeAttachment(database, id, { reason: '  ', by: 'Kim', deleteFile: false }, clock)),
      'Say why the attachment is removed.',
      'Indiquez pourquoi la pièce jointe est retirée.',
    );
    await removeAttachment(database, id, { reason: 'Wrong case', by: 'Kim', deleteFile: false }, clock);
    same(
      await refusalOf(removeAttachment(database, id, { reason: 'Again', by: 'Kim', deleteFile: false }, clock)),
      'This attachment was already removed.',
      'Cette pièce jointe a déjà été retirée.',
    );
    same(
      await refusalOf(removeAttachment(database, 'nope', { reason: 'x', by: 'Kim', deleteFile: false }, clock)),
      'There is no such attachment on this case.',
      'Ce dossier n’a pas cette pièce jointe.',
    );
    // Nothing was written by a refusal: one removal, the one accepted.
    const removals = (await allEntries(database)).filter((e) => e.type === 'attachment-removed').length;
    expect(removals).toBe(1);
  });

  it('a letter withdrawn without a reason, twice, before it was issued, or from another case', async () => {
    const { database, settings, record } = await deskWithCase('refusal-letters');
    const other = await createCase(database, newCaseParts(), { settings, by: 'Sam', clock });
    const issued = await recordLetterIssued(
      database,
      record.id,
      {
        kind: 'acknowledgement',
        fileName: 'x-acknowledgement.pdf',
        issuedOn: '2026-11-21',
        bytes: new Uint8Array([1, 2, 3]),
        by: 'Sam',
        summary: 'Acknowledgement letter issued',
      },
      clock,
    );
    const withdraw = (caseId: string, on: string, reason: string) =>
      refusalOf(recordLetterWithdrawn(database, caseId, issued.id, { on, by: 'Kim', reason }, clock));
    same(
      await withdraw(record.id, '2026-11-22', ' '),
      'Say why the letter is withdrawn.',
      'Indiquez pourquoi la lettre est retirée.',
    );
    expectSaid(
      await withdraw(record.id, '2026-11-20', 'Too early'),
      'A letter cannot be withdrawn before the day it was issued (2026-11-21).',
      'A letter cannot be withdrawn before the day it was issued (21 Nov 2026).',
      'Une lettre ne peut pas être retirée avant le jour où elle a été produite (21 nov. 2026).',
    );
    same(
      await withdraw(other.id, '2026-11-22', 'Wrong'),
      'This letter is not one of the case’s letters.',
      'Cette lettre n’est pas une des lettres du dossier.',
    );
    await recordLetterWithdrawn(database, record.id, issued.id, { on: '2026-11-22', by: 'Kim', reason: 'Wrong' });
    expectSaid(
      await withdraw(record.id, '2026-11-23', 'Again'),
      'This letter was already withdrawn on 2026-11-22.',
      'This letter was already withdrawn on 22 Nov 2026.',
      'Cette lettre a déjà été retirée le 22 nov. 2026.',
    );
    same(
      await refusalOf(
        recordLetterWithdrawn(database, 'nope', issued.id, { on: '2026-11-22', by: 'Kim', reason: 'x' }, clock),
      ),
      'No case with id nope',
      'Aucun dossier ne porte l’identifiant nope',
    );
    const withdrawals = (await allEntries(database)).filter((e) => e.type === 'letter-withdrawn').length;
    expect(withdrawals).toBe(1);
  });

  it('a case logged for a provider the desk does not have, or has retired', async () => {
    const { database } = await deskWithCase('refusal-providers');
    const jive = await saveProvider(database, JIVE);
    await retireProvider(database, jive.id, '2026-11-19');
    const settings = (await storedDesk(database))!;
    const before = await database.cases.count();
    same(
      await refusalOf(createCase(database, newCaseParts(), { settings, providerId: 'gone', by: 'Sam', clock })),
      'Not saved: this desk has no provider “gone”. Choose one from the list.',
      'Non enregistré\u00a0: ce service n’a pas de fournisseur «\u00a0gone\u00a0». Choisissez-en un dans la liste.',
    );
    expectSaid(
      await refusalOf(createCase(database, newCaseParts(), { settings, providerId: jive.id, by: 'Sam', clock })),
      'Not saved: Jive Canada was retired on 2026-11-19 and takes no new cases.',
      'Not saved: Jive Canada was retired on 19 Nov 2026 and takes no new cases.',
      'Non enregistré\u00a0: Jive Canada a été retiré le 19 nov. 2026 et ne reçoit plus de nouveaux dossiers.',
    );
    expect(await database.cases.count()).toBe(before);
  });

  it('a case handed to nobody, a person with no name, a team desk’s prefix changed', async () => {
    const { database, record } = await deskWithCase('refusal-people');
    same(
      await refusalOf(reassignCase(database, record.id, '  ', { by: 'Sam' })),
      'Choose who will handle the case',
      'Choisissez la personne responsable du dossier',
    );
    same(
      await refusalOf(reassignCase(database, 'nope', 'Kim', { by: 'Sam' })),
      'No case with id nope',
      'Aucun dossier ne porte l’identifiant nope',
    );
    same(await refusalOf(addPerson(database, ' ')), 'Enter a name', 'Indiquez un nom');
    // Kept as the list shows it: one space between the words.
    expect((await addPerson(database, ' Lee   Chen ')).name).toBe('Lee Chen');
    expect((await database.cases.get(record.id))!.assignee).toBe(record.assignee);
    expect(await database.people.filter((p) => !p.name.trim()).count()).toBe(0);
    database.sharing = true;
    same(
      await refusalOf(saveSettings(database, deskSettings({ deskPrefix: 'YRK' }))),
      'Not saved: This desk shares its cases with a team, whose desks each keep their own prefix: leave the team to change it.',
      'Non enregistré\u00a0: ce poste partage ses dossiers avec une équipe, dont chaque poste garde son propre préfixe\u00a0: quittez l’équipe pour le changer.',
    );
    expect((await storedDesk(database))!.deskPrefix).toBe('RDR');
  });
});

describe('an action on a case that is no longer there', () => {
  it('is refused with a problem the action form says in French (messageIn, problem.refused-no-case)', async () => {
    const database = freshDatabase('refusal-action');
    const refused = await performAction(
      database,
      'nope',
      'add-note',
      { on: '2026-11-21', summary: 'Called' },
      desk,
    ).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ActionRefusedError);
    const { errors, message } = refused as ActionRefusedError;
    expect(message).toBe('There is no case with id nope; nothing was recorded.');
    expect(messageIn(en, errors.action!)).toBe('There is no such case');
    expect(messageIn(fr, errors.action!)).toBe('Ce dossier n’existe pas');
  });
});

describe('an error that is no refusal', () => {
  it('is technical detail inside a sentence of the interface language', () => {
    const error = new DOMException('Internal error writing to the database.', 'UnknownError');
    expect(errorIn(en, error)).toBe('Unexpected problem (technical detail): Internal error writing to the database.');
    expect(errorIn(fr, error)).toBe(
      'Problème inattendu (détail technique)\u00a0: Internal error writing to the database.',
    );
    expect(errorIn(fr, 'plain words')).toBe('Problème inattendu (détail technique)\u00a0: plain words');
  });
});

const desk = { by: 'Sam', today: '2026-11-21', timeZone: 'Europe/London' };
const eml = new TextEncoder().encode(
  'From: Ada <ada@example.com>\r\nTo: desk@example.com\r\nSubject: Hello\r\nDate: Fri, 20 Nov 2026 09:00:00 +0000\r\n\r\nHi\r\n',
);
