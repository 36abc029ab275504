// The validation messages of the forms (intake, case actions, corrections) with a code and values (issue #17): the one
// home of their English, which stays what the checks return (a string per field, as before) and what the records,
// imports and scripts see. The interface finds a message's code and values with `problemOf(message)` and says it in
// its own language (the catalogue's `problem.<code>`; its English is taken from here).
//
// Values: a string is shown as written (a label, a summary the desk typed); a number as a number; `{ date }` is a day
// (YYYY-MM-DD here, the interface's own format on screen); `{ number }` a number written with thousands separators.
// `entry`, beside a `summary`, is the id of the timeline entry the summary quotes: the interface names that entry as
// its timeline does (lib/i18n/problems.ts), in its own language.

import { codesOf, type Saying, saying, sayingInEnglish } from './saying';

export const PROBLEMS_EN = {
  // --- dates
  'received-missing': 'Enter the date the complaint was received',
  'date-invalid': 'Enter a real date as YYYY-MM-DD',
  'received-future': 'The date received cannot be in the future',
  'received-before-2000': 'The date received must be in 2000 or later',
  'received-after-first-entry': 'The date received cannot be after the first entry on the timeline ({on}: {summary})',
  'date-missing': 'Enter the {label}',
  'date-future': 'The date cannot be in the future',
  'date-before-received': 'The date cannot be before the complaint was received ({on})',
  'date-before-last-entry': 'The date cannot be before the last entry on the timeline ({on}: {summary})',
  // --- choices
  'channel-missing': 'Choose how the complaint was made',
  'channel-choose': 'Choose the channel',
  'category-missing': 'Choose a category',
  'category-choose': 'Choose the category',
  'procedure-choose': 'Choose the procedure',
  'provider-choose': 'Choose the provider',
  'provider-retired': '{provider} is retired ({on}): no case can be moved to it',
  'procedure-retired': '{procedure} is retired: no case can be moved to it',
  'title-invalid': 'Choose Mr, Mrs, Ms, Mx, Dr or none',
  'language-invalid': 'Choose English (UK), English (Canada) or French (Canada)',
  'choose-field': 'Choose {label}',
  'enter-field': 'Enter {label}',
  // --- the customer and whoever acts for them
  'customer-name-missing': 'Enter the customer’s name',
  'phone-invalid': 'Enter a phone number using digits, spaces, + ( ) or -',
  'email-invalid': 'Enter an email address like name@example.com',
  'postcode-missing': 'Enter the postcode for this address',
  'address-for-postcode': 'Enter the address for this postcode',
  'letter-needs-address': 'A complaint by letter needs a postal address to reply to',
  'no-way-to-reach': 'Enter at least one way to reach the customer: address, phone or email',
  'keep-a-way-to-reach': 'Keep at least one way to reach the customer: address, phone or email',
  'address-too-many-lines':
    'The address has {lines} lines; letters fit at most {max} (the postcode goes in its own field)',
  'address-line-too-long':
    'Line {line} of the address has {length} characters; at most {max} fit the envelope window (split it over two lines)',
  'rep-name-missing': 'Enter the name of the person acting for the customer',
  'rep-relationship-missing': 'Say how they are related to the customer (e.g. son, carer, solicitor)',
  'rep-relationship-short': 'Say how they are related to the customer (e.g. daughter)',
  'authority-choose': 'Choose what shows they may act for the customer',
  'authority-invalid': 'Choose an authority',
  'authority-date-invalid': 'Enter the date the authority was seen',
  'authority-details-missing': 'Say what the authority is',
  'employees-not-number': 'Enter the number of employees as a whole number, like 8',
  'employees-none': 'A business has at least 1 employee (count the owner)',
  'employees-too-many': 'Enter a number of employees of {max} or fewer',
  // --- words
  'too-long': '{label} must be at most {max} characters',
  'summary-missing': 'Describe the complaint in a few words',
  'summary-write': 'Write the summary of the complaint',
  'summary-too-long': 'The summary must be at most {max} characters',
  'reason-too-long': 'The reason must be at most {max} characters',
  'note-too-long': 'The note must be at most {max} characters',
  'amount-invalid': 'Enter an amount like 25 or 25.50',
  'amount-not-positive': 'The amount must be more than 0',
  // --- characters nobody can see (./text.ts; m17b): {character} is the code point and its Unicode name
  'character-control': '{label} contains an invisible control character ({character}) after “{before}”; remove it',
  'character-control-start': '{label} contains an invisible control character ({character}) at the start; remove it',
  'character-line-break':
    '{label} contains a tab or line break ({character}) after “{before}”, and this field is one line; remove it',
  'character-line-break-start':
    '{label} contains a tab or line break ({character}) at the start, and this field is one line; remove it',
  // --- vulnerability and health details
  'vulnerability-needs-reason':
    'Choose why you need to record this: health and vulnerability details are special-category data and are recorded only with a reason',
  'vulnerability-reason-invalid': 'Choose a reason from the list',
  'vulnerability-details-or-clear': 'Describe the vulnerability or health details, or clear the reason',
  'vulnerability-nothing-recorded': 'Describe the vulnerability or health details (nothing is recorded yet)',
  // --- the desk's settings and a provider's letterhead (shared/model/settings.ts, provider-form.ts; lead, session 6)
  'company-name-missing': "Enter the company's name for the letterhead",
  'company-address-missing': "Enter the company's postal address for the letterhead",
  'postcode-enter': 'Enter the postcode',
  'letterhead-email-invalid': 'Enter an email address like complaints@example.com',
  'adr-scheme-choose': 'Choose an ADR scheme from the list',
  'desk-prefix-invalid': 'Use 2 to 6 capital letters or digits, starting with a letter (e.g. RDR)',
  // p8b (issue #16 G5): the prefix is this desk's across its team (checked when it joined).
  'desk-prefix-in-team':
    'This desk shares its cases with a team, whose desks each keep their own prefix: leave the team to change it',
  'desk-calendar-choose': 'Choose the working-day calendar for this office',
  'desk-procedure-choose': 'Choose the complaints procedure this desk follows',
  'handler-name-missing': 'Enter the name of the person working at the desk',
  'provider-name-missing': 'Enter the name the desk knows this provider by',
  'provider-name-taken': 'Another provider is already called “{name}”: give this one a name of its own',
  'provider-procedure-choose': 'Choose the complaints procedure this provider follows',
  'provider-calendar-choose': 'Choose the working-day calendar its dates are counted on',
  'languages-from-list': 'Choose languages from the list',
  'languages-at-least-one': 'Choose at least one language for its letters',
  'default-language-choose': 'Choose the language its letters start in',
  'region-choose': 'Choose where the provider is regulated',
  'at-most-characters': 'At most {max} characters',
  'default-language-offered': 'The default language must be one of the languages offered',
  'mismatch-reason-missing': 'Say why this provider is set up this way despite the warnings above',
  // --- the desk's people, the retention period, a report's own period (lead, session 6)
  'person-name-missing': 'Enter the person’s name',
  'person-name-too-long': 'A name can be at most {max} characters',
  'person-name-unprintable':
    'The letter font cannot print {names}: letters signed with this name would be refused. Write the name in Latin letters.',
  'person-already-listed': '{name} is already on the list',
  'someone-must-stay-active': 'Someone must stay active: add another person first',
  'retention-years': 'Enter a whole number of years, from {min} to {max}',
  'period-days-missing': 'Choose the first and the last day of the period.',
  'period-dates-invalid': 'Enter the dates as YYYY-MM-DD.',
  'period-backwards': 'The period ends before it starts: the first day must come first.',
  // --- the form as a whole
  'nothing-changed': 'Nothing has changed: edit a field first',
  'who-is-working': 'Choose who is working before recording anything on the case',
  // --- why an action is not possible now (shared/casework/availability.ts: the actions menu, a refused action)
  'refused-anonymised': 'This case was anonymised on {on}: nothing more can be recorded on it.',
  'refused-closed': 'This case is closed (closed {on}): reopen it first, or add a note.',
  'refused-unreadable':
    'The rules engine cannot read this case (see the clocks), so only contacts, updates, notes, payments and details can be recorded.',
  'refused-paused': 'The case is paused, waiting for the customer since {on}: resume it first.',
  'refused-reopen': 'Only a closed or resolved case can be reopened.',
  'refused-acknowledged': 'The complaint was acknowledged on {on}.',
  'refused-resolved-escalate': 'The case was resolved on {on}: escalation is for unresolved complaints.',
  'refused-stage-unknown': 'The case\'s stage "{stage}" is not in {procedure}.',
  'refused-external-stage':
    "The case is with {owner}, outside {provider}'s own procedure: there is no internal stage to escalate to.",
  'refused-last-stage': '{procedure} has no stage after {stage}.',
  'refused-already-paused': 'The case is already paused (since {on}).',
  'refused-resolved-pause': 'The case was resolved on {on}: there is nothing to wait for.',
  'refused-not-paused': 'Resume is only possible while the case is paused.',
  'refused-resolved': 'The case was resolved on {on}.',
  'refused-no-proposal': 'No resolution has been proposed yet.',
  'refused-proposal-accepted':
    'The customer already accepted the proposal of {on} (on {answeredOn}); propose a new resolution first.',
  'refused-proposal-rejected':
    'The customer already rejected the proposal of {on} (on {answeredOn}); propose a new resolution first.',
  'refused-deadlock-recorded': 'The final position was recorded on {on}.',
  'refused-resolved-deadlock': 'The case was resolved on {on}: there is no deadlock.',
  'misfit-response-after-final-position':
    'Our final position (deadlock) was recorded on {on}, before this final response: the customer has two final answers. Void the one that does not stand, and write to the customer to say which stands.',
  'misfit-response-after-final-position-letter':
    'Our final position went to the customer in the ADR letter of {on}, before this final response: the customer has two final answers. Withdraw the letter that does not stand, and write to the customer to say which stands.',
  'misfit-second-final-response':
    'Another final response, issued on {on} by {by}, had not reached this desk when this one was issued: the customer has two final answers. Withdraw the letter that does not stand, and write to the customer to say which stands.',
  'misfit-second-final-position':
    'Our final position (deadlock) was already recorded on {on}, before this one: the customer may have two final positions, each with its ADR letter. Void the one that does not stand, and write to the customer to say which stands.',
  'refused-close-adr':
    'Resolve the complaint, or send the ADR letter, before closing it: closing an unresolved case would end its clocks.',
  'refused-close': 'Resolve the complaint, or record the final position, before closing it.',
  'refused-adr-letter-ccts': 'The ADR letter applies only to UK procedures; {procedure} uses the CCTS.',
  'refused-no-adr-letter': '{procedure} has no ADR letter clock.',
  'refused-adr-letter-sent': 'The ADR letter has already been sent (on {on}).',
  'refused-referral-ccts':
    'Referral to an ADR scheme applies to UK procedures; for {procedure} record the CCTS referral.',
  'refused-no-adr-stage': '{procedure} has no ADR scheme stage.',
  'refused-referred': 'The referral to ADR was recorded on {on}.',
  'refused-referral-not-yet':
    "The customer can go to {scheme} once the ADR letter is sent, a final position is given, or the ADR letter's date ({on}) has passed.",
  'refused-referral-not-yet-undated':
    'The customer can go to {scheme} once the ADR letter is sent, a final position is given.',
  'refused-ccts-only': 'CCTS actions apply only to cases under the CCTS’s rules.',
  'refused-ccts-referred': 'The CCTS referral was recorded on {on}.',
  'refused-ccts-not-referred': 'Record the CCTS referral first: the report answers it.',
  'refused-ccts-reported': 'The report to the CCTS was recorded on {on}.',
  'refused-close-ccts':
    'Record the report sent to the CCTS before closing the case: the CCTS is waiting for it, and closing does not end its time limit.',
  // say9: an action on a case that is no longer there (deleted in another window meanwhile; case-actions.ts)
  'refused-no-case': 'There is no such case',
  // --- why an entry cannot be voided (shared/casework/corrections.ts `whyNotVoid`)
  'void-choose-entry': 'Choose the entry to void from the timeline',
  'void-receipt': 'The receipt of the complaint cannot be voided: correct the date received instead.',
  'void-void': 'A void is final: it cannot itself be voided.',
  'void-correction': 'A correction cannot be voided: correct the facts again instead.',
  'void-letter': 'An issued letter is not voided: withdraw the letter instead.',
  'void-letter-stands':
    'The letter {file} says this happened and still stands: if it never reached the customer, withdraw it first, then void this entry.',
  'void-record-change': 'This entry changed what the case holds: record the change again instead of voiding it.',
  'void-already-voided': 'This entry was already voided on {on} by {by}.',
  // --- a row of a CSV import (shared/exports/cases-import.ts; m17a): {text} is the cell as written, {choices} the
  // words the file may hold (the import reads these English labels, so they are shown as the file must have them)
  'import-not-channel': '“{text}” is not a channel: use {choices}',
  'import-not-category': '“{text}” is not a category: use {choices}',
  'import-not-language': '“{text}” is not a letter language: use English (UK), English (Canada) or French (Canada)',
  'import-not-yes-no': '“{text}” is not yes or no',
  'import-date-not-real': '“{text}” is not a real date: that month has no such day',
  'import-not-yes-no-business': '“{text}” is not yes or no (or business or individual)',
  'import-employees-not-business':
    'A number of employees is given but the customer is not a business: clear one of them',
  'import-provider-unknown': '“{text}” is not one of this desk’s providers: use {choices}',
  'import-provider-retired': '{provider} was retired on {on} and takes no new cases',
} as const;

export type ProblemCode = keyof typeof PROBLEMS_EN;
export const PROBLEM_CODES = codesOf(PROBLEMS_EN);

export type ProblemValue = string | number | { date: string } | { number: number };

/** A validation message as data: its code and values. */
export type Problem = Saying<ProblemCode, ProblemValue>;

export const problemInEnglish = (p: Problem): string => sayingInEnglish(PROBLEMS_EN, p);

// Every message said, by its English: fixed messages from the start, the others as they are said. Most are few (a
// label and a limit); those naming a day or an entry grow with use, so past a bound nothing more is remembered (a
// message not found is shown in English, never lost).
const said = new Map<string, Problem>();
const fixed = new Map<string, Problem>(
  PROBLEM_CODES.filter((code) => !PROBLEMS_EN[code].includes('{')).map((code) => [PROBLEMS_EN[code], { code }]),
);
const SAID_MAX = 50_000;

/** The English of a validation message, remembered so the interface can find its code: what the checks return. */
export function sayProblem(code: ProblemCode, values?: Readonly<Record<string, ProblemValue>>): string {
  const p: Problem = saying(code, values);
  const text = problemInEnglish(p);
  if (values && said.size < SAID_MAX) said.set(text, p);
  return text;
}

/** A message's code and values, when a form check said it (undefined for a message from elsewhere). */
export function problemOf(message: string): Problem | undefined {
  return fixed.get(message) ?? said.get(message);
}
