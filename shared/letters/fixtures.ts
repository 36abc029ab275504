// Sample inputs for letter tests (here and in test/unit): one case, one desk, and a way to read a document
// definition's words without rendering it.
import type { CaseRecord, DeskSettings } from '../model/case';
import type { AcknowledgementInput } from './acknowledgement';
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
