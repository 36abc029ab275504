// The letter dialog's question before a letter is issued (build.ts `issueQuestion`), in the interface language: its
// title, its words and the button that issues the letter all the same. Before, the words were English only.
import type { MessageKey, Translate } from '#lib/i18n/index';
import type { IssueQuestion } from './build';

const AGAIN: Record<string, MessageKey> = {
  acknowledgement: 'letter.again.acknowledgement',
  update: 'letter.again.update',
  'final-response': 'letter.again.final-response',
  'adr-letter': 'letter.again.adr-letter',
  'ccts-notice': 'letter.again.ccts-notice',
  'summary-resolution': 'letter.again.summary-resolution',
};

export function issueQuestionIn(
  t: Translate,
  question: IssueQuestion,
  formatDate: (iso: string) => string,
): { title: string; text: string; issue: string } {
  const date = formatDate(question.on);
  if (question.kind === 'after-final-position')
    return {
      title: t('letter.finalPositionGiven'),
      text: question.issuedOn
        ? t(question.inAdrLetter ? 'letter.afterFinalPositionLetterAgain' : 'letter.afterFinalPositionAgain', {
            date,
            issued: formatDate(question.issuedOn),
          })
        : t(question.inAdrLetter ? 'letter.afterFinalPositionLetter' : 'letter.afterFinalPosition', { date }),
      issue: t('letter.issueAnyway'),
    };
  return {
    title: t('letter.alreadyIssued'),
    text: t(AGAIN[question.letter] ?? 'letter.again.other', { date }),
    issue: t('letter.issueAnother'),
  };
}
