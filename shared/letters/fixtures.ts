// Sample inputs for letter tests (here and in test/unit): one case, one desk, and a way to read a document
// definition's words without rendering it.
import type { CaseRecord, DeskSettings } from '#shared/model/case';
import { type AdrSchemeLocalNames, DEFAULT_ADR_DIRECTORY, getAdrScheme } from '#shared/rules/adr-schemes';
import { type AcknowledgementInput, acknowledgementLetter } from './acknowledgement';
import { type AdrLetterInput, adrLetter } from './adr-letter';
import type { LetterLanguage } from './catalogue';
import { type CctsNoticeInput, cctsNoticeLetter } from './ccts-notice';
import { adrTermsFor } from './common';
import { type FinalResponseInput, type UpdateLetterInput, finalResponseLetter, updateLetter } from './progress-letters';
import { type SummaryResolutionInput, summaryResolutionLetter } from './summary-resolution';
import type { LetterContent, LetterDocument } from './document';

export function sampleCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: 'case-42',
    reference: 'RDR-2026-000042',
    receivedOn: '2026-11-18',
    channel: 'letter',
    customer: {
      name: 'Margaret Okafor',
      address: { lines: ['14 Albion Terrace', 'Folkestone', 'Kent'], postcode: 'CT20 1QB' },
      phone: '01303 555 019',
      accountNumber: 'KB-88120475',
    },
    category: 'billing',
    summary: 'Charged twice for October.',
    procedureId: 'ofcom-gc-c4',
    calendar: 'england-and-wales',
    stage: 'stage-1',
    status: 'open',
    createdAt: '2026-11-20T09:30:00.000Z',
    updatedAt: '2026-11-20T09:30:00.000Z',
    ...overrides,
  };
}

export function sampleSettings(): DeskSettings {
  return {
    deskPrefix: 'RDR',
    calendar: 'england-and-wales',
    defaultProcedureId: 'ofcom-gc-c4',
    handlerName: 'Priya Shah',
    company: {
      name: 'Kijoma Broadband',
      addressLines: ['21 Ship Street', 'Folkestone', 'Kent'],
      postcode: 'CT19 5BE',
      phone: '01798 888001',
      email: 'customercare@kijoma.co.uk',
    },
  };
}

export function sampleAcknowledgement(overrides: Partial<AcknowledgementInput> = {}): AcknowledgementInput {
  return {
    caseRecord: sampleCase(),
    settings: sampleSettings(),
    issuedOn: '2026-11-21',
    handlerName: 'Priya Shah',
    nextSteps: {
      firstResponseDueOn: '2026-11-25',
      adrAvailableOn: '2026-12-30',
      procedureName: 'complaints code of practice',
      adrScheme: { name: 'Communications Ombudsman', website: 'commsombudsman.org', phone: '0330 440 1614' },
    },
    ...overrides,
  };
}

/** A time-based ADR letter for a complaint received on `receivedOn`, with the weeks from the Ofcom regime. */
export function sampleAdrLetter(receivedOn = '2026-04-08', overrides: Partial<AdrLetterInput> = {}): AdrLetterInput {
  return {
    caseRecord: sampleCase({ receivedOn }),
    settings: sampleSettings(),
    issuedOn: '2026-06-01',
    handlerName: 'Priya Shah',
    scheme: { schemeId: 'communications-ombudsman' },
    terms: adrTermsFor('ofcom-gc-c4', receivedOn),
    reason: {
      kind: 'time-based',
      progress:
        'We have found the second charge for October and asked our billing team to refund it. We are waiting for them to confirm the refund.',
    },
    ...overrides,
  };
}

export function sampleUpdate(overrides: Partial<UpdateLetterInput> = {}): UpdateLetterInput {
  return {
    caseRecord: sampleCase(),
    settings: sampleSettings(),
    issuedOn: '2026-12-02',
    handlerName: 'Priya Shah',
    progress: 'We have found the second charge for October and asked our billing team to check why it was taken.',
    nextUpdateOn: '2026-12-16',
    adrAvailableOn: '2026-12-30',
    scheme: { schemeId: 'communications-ombudsman' },
    ...overrides,
  };
}

export function sampleFinalResponse(overrides: Partial<FinalResponseInput> = {}): FinalResponseInput {
  return {
    caseRecord: sampleCase(),
    settings: sampleSettings(),
    issuedOn: '2026-12-09',
    handlerName: 'Priya Shah',
    outcome: 'You were charged twice for October because a payment was sent again after a system fault.',
    actionsTaken: 'We have refunded the second charge and fixed the fault so it cannot happen again.',
    remedy: 'We have also credited £25.00 to your account for the trouble this caused.',
    adrAvailableOn: '2026-12-30',
    referralMonths: adrTermsFor('ofcom-gc-c4', '2026-11-18').referralMonths,
    scheme: { schemeId: 'communications-ombudsman' },
    ...overrides,
  };
}

/** A Canadian customer, in Montréal. */
export function sampleCanadianCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return sampleCase({
    procedureId: 'jive-ca',
    customer: {
      name: 'Élodie Tremblay',
      address: { lines: ['1250 rue Sainte-Catherine Ouest', 'Montréal QC'], postcode: 'H3G 1P1' },
      accountNumber: 'JV-4410027',
    },
    ...overrides,
  });
}

export function sampleCanadianSettings(): DeskSettings {
  return {
    ...sampleSettings(),
    calendar: 'canada',
    company: {
      name: 'Jive Mobile',
      addressLines: ['400 avenue Laurier Ouest', 'Montréal QC'],
      postcode: 'H2V 2K7',
      phone: '1-800-555-0142',
      email: 'plaintes@jive.ca',
    },
  };
}

/**
 * A short French acknowledgement from a Québec desk (explore34a #15): a customer titled M., a reply "as soon as we
 * can" in the procedure's words, its own escalation, the CCTS with no date yet. With the usual gaps it runs its last
 * section and sign-off onto a page 2.
 */
export function sampleFrenchAcknowledgement(overrides: Partial<AcknowledgementInput> = {}): AcknowledgementInput {
  const caseRecord = sampleCanadianCase({
    reference: 'TCL-2026-000002',
    receivedOn: '2026-11-20',
    channel: 'email',
    customer: {
      name: 'Patrick O’Neil',
      title: 'mr',
      address: { lines: ['88, rue des Forges', 'Trois-Rivières (Québec)'], postcode: 'G9A 2G8' },
      accountNumber: 'TL-331-908-4410',
    },
  });
  const settings: DeskSettings = {
    ...sampleCanadianSettings(),
    company: {
      name: 'Télécâble Laurentides inc.',
      addressLines: ['1200, boulevard René-Lévesque Ouest, bureau 400', 'Montréal (Québec)'],
      postcode: 'H3B 4W8',
      phone: '514 555-0142',
      email: 'plaintes@telecable-laurentides.ca',
    },
  };
  return {
    caseRecord,
    settings,
    language: 'fr-CA',
    issuedOn: '2026-12-06',
    handlerName: 'Geneviève Côté',
    nextSteps: {
      firstResponseDueOn: null,
      adrAvailableOn: null,
      promisedTimeFrame: 'Nous vous répondrons dès que possible et nous vous tiendrons au courant.',
      escalation:
        'Vous pouvez demander, par écrit, par téléphone ou dans votre dossier d’assistance, que votre plainte soit confiée à notre cadre supérieur, puis au responsable de notre équipe d’assistance.',
      adrScheme: { ...schemeNames('ccts'), website: 'www.ccts-cprst.ca', phone: '1-888-221-1687' },
    },
    ...overrides,
  };
}

export function sampleCctsNotice(overrides: Partial<CctsNoticeInput> = {}): CctsNoticeInput {
  return {
    caseRecord: sampleCanadianCase(),
    settings: sampleCanadianSettings(),
    issuedOn: '2026-12-02',
    handlerName: 'Luc Gagnon',
    language: 'fr-CA',
    ...overrides,
  };
}

export function sampleSummaryResolution(overrides: Partial<SummaryResolutionInput> = {}): SummaryResolutionInput {
  return {
    caseRecord: sampleCase({ receivedOn: '2026-11-18', procedureId: 'fca' }),
    settings: sampleSettings(),
    issuedOn: '2026-11-20',
    handlerName: 'Priya Shah',
    resolvedOn: '2026-11-20',
    resolution:
      'We refunded the duplicate payment of £32.50, and you told us on the phone that this settles the matter.',
    ...overrides,
  };
}

/** The text of a piece of content, one line per paragraph. */
export function contentText(content: LetterContent | LetterContent[] | null | undefined): string {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map(contentText).join('\n');
  if ('text' in content) {
    return typeof content.text === 'string'
      ? content.text
      : content.text.map((piece) => (typeof piece === 'string' ? piece : contentText(piece))).join('');
  }
  if ('stack' in content) return contentText(content.stack);
  if ('columns' in content) return content.columns.map((column) => contentText(column)).join('\n');
  return '';
}

/** All the words on a letter's pages, without the footer. */
export function documentText(doc: LetterDocument): string {
  return contentText(doc.content);
}

/** One sample of every kind of letter, for a case, in a language: what a test scans or renders for all letters. */
export function sampleLetterOfEveryKind(
  language: LetterLanguage,
  options: { largePrint?: boolean; caseRecord?: CaseRecord } = {},
): Array<{ kind: string; doc: LetterDocument }> {
  const french = language === 'fr-CA';
  const caseRecord = options.caseRecord ?? (language === 'en-GB' ? sampleCase() : sampleCanadianCase());
  const settings = language === 'en-GB' ? sampleSettings() : sampleCanadianSettings();
  const common = { caseRecord, settings, language, largePrint: options.largePrint ?? false };
  // Canadian letters name the CCTS; a UK letter its UK scheme.
  const scheme = { schemeId: language === 'en-GB' ? 'communications-ombudsman' : 'ccts' };
  const ccts = { website: 'ccts-cprst.ca', phone: '1-888-221-1687' };
  const ack = sampleAcknowledgement(common);
  return [
    {
      kind: 'acknowledgement',
      doc: acknowledgementLetter({
        ...ack,
        nextSteps: {
          ...ack.nextSteps,
          procedureName: french ? 'code de pratique des plaintes' : ack.nextSteps.procedureName,
          ...(language === 'en-GB' ? {} : { adrScheme: { ...ccts, ...schemeNames('ccts') } }),
        },
      }),
    },
    {
      kind: 'adr-time',
      doc: adrLetter(
        sampleAdrLetter('2026-04-08', {
          ...common,
          caseRecord: { ...caseRecord, receivedOn: '2026-04-08' },
          scheme,
          reason: {
            kind: 'time-based',
            progress: french ? 'Nous avons trouvé le deuxième prélèvement d’octobre.' : 'We found the second charge.',
          },
        }),
      ),
    },
    {
      kind: 'adr-final',
      doc: adrLetter(
        sampleAdrLetter('2026-04-08', {
          ...common,
          caseRecord: { ...caseRecord, receivedOn: '2026-04-08' },
          scheme,
          reason: {
            kind: 'final-position',
            finalPosition: french ? 'Le prélèvement était dû.' : 'The charge was due.',
          },
        }),
      ),
    },
    {
      kind: 'update',
      doc: updateLetter(
        sampleUpdate({ ...common, scheme, progress: french ? 'Nous avons vérifié votre facture.' : 'We checked it.' }),
      ),
    },
    {
      kind: 'final-response',
      doc: finalResponseLetter(
        sampleFinalResponse({
          ...common,
          scheme,
          ...(french
            ? {
                outcome: 'Le prélèvement a été fait deux fois.',
                actionsTaken: 'Nous l’avons remboursé.',
                remedy: 'Nous avons crédité 25 $ à votre compte.',
              }
            : {}),
        }),
      ),
    },
    ...(language === 'en-GB' ? [] : [{ kind: 'ccts-notice', doc: cctsNoticeLetter(sampleCctsNotice(common)) }]),
    {
      kind: 'summary-resolution',
      doc: summaryResolutionLetter(
        sampleSummaryResolution({
          ...common,
          caseRecord: { ...caseRecord, procedureId: 'fca' },
          ...(language === 'en-GB' ? {} : { scheme }),
          resolution: french ? 'Nous avons remboursé le paiement en double.' : 'We refunded the duplicate payment.',
        }),
      ),
    },
  ];
}

function schemeNames(schemeId: string): { name: string; names?: AdrSchemeLocalNames } {
  const scheme = getAdrScheme(schemeId, '2026-11-21', DEFAULT_ADR_DIRECTORY);
  return { name: scheme.name, ...(scheme.names ? { names: scheme.names } : {}) };
}
