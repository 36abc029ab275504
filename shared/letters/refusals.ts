// Why a letter cannot be made from what the desk gave (p8e, issue #17): an address it cannot be sent to or that does
// not fit the envelope window, a text box left empty, a required paragraph edited, a date before the complaint. The
// English is this table (the one home of the words: the letters' errors keep it, the en-GB catalogue takes it as
// `letterRefusal.<code>`); the screens say the saying in the interface language. {name}, {company} and {start} are as
// the desk wrote them; the rest are numbers.
import { type PlainValue, type Saying, sayingInEnglish } from '#shared/model/saying';

export const LETTER_REFUSALS_EN = {
  // --- who the letter goes to (./addressee.ts)
  'customer-no-address': 'The customer ({name}) has no postal address: add one before issuing a letter.',
  'customer-no-address-unnamed': 'The customer (no name) has no postal address: add one before issuing a letter.',
  'customer-no-postcode': 'The customer ({name}) has no postcode in their address: add one before issuing a letter.',
  'customer-no-postcode-unnamed':
    'The customer (no name) has no postcode in their address: add one before issuing a letter.',
  'representative-no-address': 'The representative ({name}) has no postal address: add one before issuing a letter.',
  'representative-no-address-unnamed':
    'The representative (no name) has no postal address: add one before issuing a letter.',
  'representative-no-postcode':
    'The representative ({name}) has no postcode in their address: add one before issuing a letter.',
  'representative-no-postcode-unnamed':
    'The representative (no name) has no postcode in their address: add one before issuing a letter.',
  // --- the envelope window and the letterhead (./layout.ts)
  'window-lines':
    'The address for {name} has {lines} lines, but only {max} fit the envelope window: shorten it before issuing a letter.',
  'window-large-print':
    'In large print ({size} pt) the envelope window holds {capacity} lines, name and postcode included, but the name and address of {name} take {printed}. Shorten the address on the case (Actions → Edit the customer’s details: for example leave out the county, or put the town and county on one line if it fits), then issue it again.',
  'letterhead-large-print':
    'In large print the letterhead ({company}, its address, phone and email) would reach into the envelope window. Shorten the company address or name in Settings → Letterhead.',
  'no-handler': 'A letter needs the name of the person handling the complaint.',
  // --- what the desk writes in the letter (./common.ts deskText, ./edits.ts)
  'needs-progress-made': 'The letter needs the progress made so far.',
  'needs-final-position': 'The letter needs our final position.',
  'needs-progress': 'The letter needs the progress so far.',
  'needs-outcome': 'The letter needs what we found.',
  'needs-actions': 'The letter needs what we have done.',
  'needs-remedy': 'The letter needs the remedy.',
  'needs-agreed': 'The letter needs what was agreed.',
  'required-paragraph': 'The paragraph “{start}…” says what the regulator requires and cannot be edited.',
  // --- ./adr-letter.ts: the time-based letter says the wait is over (REGULATION.md §1)
  'adr-time-too-early':
    'The ADR letter for a complaint still unresolved can be issued from {availableOn}, {weeks} weeks after the complaint was received on {receivedOn}. It tells the customer that the weeks have passed and that the scheme will look at the complaint now, which is not true before then. If we can do no more for the customer now, issue the ADR letter with our final position instead.',
  // --- Letters to post: the batch's ADR letter is the time-based one, unless a final position was recorded
  'adr-after-resolution':
    'The complaint was resolved on {resolvedOn}, after the ADR letter was due. The print run’s ADR letter would say the complaint is still unresolved: write this one from the case (Other letters…), saying how it was resolved.',
  // --- the CCTS notice says the complaint went through a second level (REGULATION.md §2): the case must show it
  'ccts-before-level':
    'The CCTS notice tells the customer that the complaint has been reviewed at a second level and is still not resolved, and this case does not show that yet. Issue it once the complaint reaches that level unresolved: the CCTS clock on the case page names the stage.',
  // --- ./summary-resolution.ts
  'resolved-before-received': 'The complaint cannot be resolved before it was received.',
} as const;
export type LetterRefusalCode = keyof typeof LETTER_REFUSALS_EN;
export type LetterRefusal = Saying<LetterRefusalCode, PlainValue>;

/** What a desk's text box holds in a letter: `deskText` refuses it empty with `needs-<what>`. */
export type DeskTextPart =
  'progress-made' | 'final-position' | 'progress' | 'outcome' | 'actions' | 'remedy' | 'agreed';

/** A letter refused for what the desk gave: its English message and its saying. */
export class LetterRefusalError extends Error {
  constructor(readonly said: LetterRefusal) {
    super(sayingInEnglish(LETTER_REFUSALS_EN, said));
    this.name = 'LetterRefusalError';
  }
}
