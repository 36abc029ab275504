// say9: why a file is not an email Redress can read (issue #17), with a code and values: the one home of the English,
// which stays the parse result's `error` (the logs, the tests). The intake, the window's drop, the attachments'
// preview and an email logged as a contact say the same with the catalogue's `emailProblem.<code>` in their language
// (renderer/src/lib/i18n/refusals.ts `emailProblemIn`), from the result's `said`.
//
// Values: the file's name as written; `why` a nested saying (`why-*`); `error`, `messageClass` the readers' own words
// (technical detail, shown as they came).
import { codesOf, isSaying, type Saying, saying, sayingInEnglish } from '#shared/model/saying';

export const EMAIL_PROBLEMS_EN = {
  'not-an-email': 'This file is not an email: “{file}”: {why}.',
  unreadable: 'This file is not an email that can be read: “{file}”: {error}.',
  // --- why ({why})
  'why-empty': 'the file is empty',
  'why-binary': 'it is not text with mail headers (it holds binary data)',
  'why-no-headers': 'it does not start with mail headers (From:, To:, Subject:, Date:)',
  'why-not-mail-headers': 'its header lines are not those of an email (no From:, To:, Subject: or Date:)',
  'why-other-outlook-item': 'it is an Outlook item of another kind ({messageClass}), not an email message',
  'why-compound-file':
    'it is an Office compound file (for example an old Word or Excel document), not an Outlook message',
} as const;

export type EmailProblemCode = keyof typeof EMAIL_PROBLEMS_EN;
export const EMAIL_PROBLEM_CODES = codesOf(EMAIL_PROBLEMS_EN);
export type EmailProblemValue = string | EmailProblemSaying;
export type EmailProblemSaying = Saying<EmailProblemCode, EmailProblemValue>;
/** Why the bytes are not an email, as data (`why-*`). */
export type EmailWhy = Saying<Extract<EmailProblemCode, `why-${string}`>, string>;

export function emailProblemInEnglish(said: EmailProblemSaying): string {
  return sayingInEnglish(EMAIL_PROBLEMS_EN, said, (v) => (isSaying(v) ? emailProblemInEnglish(v) : v));
}

/** A file refused as an email: the English `error` and the same as data (`said`). */
export function notAnEmail(file: string, why: EmailWhy): { ok: false; error: string; said: EmailProblemSaying } {
  const said = saying<EmailProblemCode, EmailProblemValue>('not-an-email', { file, why });
  return { ok: false, error: emailProblemInEnglish(said), said };
}

/** A file refused as an email, thrown (an email logged as a contact): the English `message` and its `said`. */
export class NotAnEmailError extends Error {
  constructor(readonly said: EmailProblemSaying) {
    super(emailProblemInEnglish(said));
    this.name = 'NotAnEmailError';
  }
}

/** An email the readers could not read: their own words as technical detail. */
export function unreadableEmail(file: string, error: string): { ok: false; error: string; said: EmailProblemSaying } {
  const said = saying<EmailProblemCode, EmailProblemValue>('unreadable', { file, error });
  return { ok: false, error: emailProblemInEnglish(said), said };
}
