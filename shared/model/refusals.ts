// say9: why a change to the desk's records is refused (a file added to an anonymised case, a case logged for a
// provider the desk does not have or has retired, a handler not chosen, a letter withdrawn twice…), with a code and
// values: the one home of the English, which stays the error's `message` (the logs, the tests). The screens say the
// same refusal with the catalogue's `recordRefusal.<code>` in their language (renderer/src/lib/i18n/refusals.ts
// `errorIn`), from the error's `said`.
//
// Values are plain (shared/model/saying.ts): a string as written (an id, a provider's name), `{ date }` a day
// (YYYY-MM-DD in English, the interface's own format on screen).
import { PROBLEMS_EN } from './problems';
import { codesOf, type PlainValue, type Saying, sayingInEnglish } from './saying';

export const RECORD_REFUSALS_EN = {
  // --- any change to a case (renderer/src/db/repositories/*)
  'no-case': 'No case with id {id}',
  // --- files (renderer/src/db/repositories/attachments.ts, shared/files/entries.ts whyNotRemove)
  'anonymised-no-files': 'This case was anonymised: no files can be added to it.',
  'no-attachment': 'There is no such attachment on this case.',
  'attachment-removed': 'This attachment was already removed.',
  'no-removal-reason': 'Say why the attachment is removed.',
  // --- issued letters (renderer/src/db/repositories/cases.ts withdrawLetter, shared/letters/issued.ts)
  'letter-not-on-case': 'This letter is not one of the case’s letters.',
  'letter-not-on-timeline': 'This letter is not on the case’s timeline.',
  'letter-withdrawn': 'This letter was already withdrawn on {on}.',
  'no-withdrawal-reason': 'Say why the letter is withdrawn.',
  'withdrawn-before-issued': 'A letter cannot be withdrawn before the day it was issued ({issuedOn}).',
  // --- a new case's provider (renderer/src/db/repositories/cases.ts providerForNewCase)
  'no-provider': 'Not saved: this desk has no provider “{id}”. Choose one from the list.',
  'provider-retired': 'Not saved: {name} was retired on {retiredOn} and takes no new cases.',
  // --- the handler, the desk's people and settings
  'no-handler': 'Choose who will handle the case',
  'no-person-name': 'Enter a name',
  'no-desk': 'Set up the desk first',
  'desk-prefix-in-team': `Not saved: ${PROBLEMS_EN['desk-prefix-in-team']}.`,
  'default-procedure-retired':
    'Not saved: the procedure “{procedure}” is retired. Reinstate it (Settings → Procedures) or choose another default.',
  // --- any write while a backup is restored into a new copy of the database (renderer/src/db/schema.ts)
  'desk-held': 'Not saved: a backup is being restored on this computer. The app reloads when it is done.',
} as const;

export type RecordRefusalCode = keyof typeof RECORD_REFUSALS_EN;
export const RECORD_REFUSAL_CODES = codesOf(RECORD_REFUSALS_EN);

/** A refusal as data: its code and plain values. */
export type RecordRefusalSaying = Saying<RecordRefusalCode, PlainValue>;

export const recordRefusalInEnglish = (said: RecordRefusalSaying): string => sayingInEnglish(RECORD_REFUSALS_EN, said);

/** A refused change, thrown: the English `message` and the same as data (`said`). Nothing was written. */
export class RecordRefusal extends Error {
  readonly said: RecordRefusalSaying;
  constructor(code: RecordRefusalCode, values?: Readonly<Record<string, PlainValue>>) {
    const said: RecordRefusalSaying = values ? { code, values } : { code };
    super(recordRefusalInEnglish(said));
    this.name = 'RecordRefusal';
    this.said = said;
  }
}
