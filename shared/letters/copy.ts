// The customer's copy of a letter written to someone acting for them (REGULATION.md §1: the representative is written
// to, the customer is sent a copy). The copy is the same letter with the customer in the envelope window and a line
// saying whose copy it is; the app prints it after the original, in the same locked PDF.
import type { CaseRecord } from '#shared/model/case';
import { type Saying, saying, sayingInEnglish } from '#shared/model/saying';
import { customerAsAddressee, letterAddressee } from './addressee';
import { DEFAULT_LANGUAGE, LANGUAGES, type LetterLanguage } from './catalogue';
import type { LetterDocument } from './document';
import { customerCopyOf } from './layout';

/**
 * p8e: why no copy for the customer is printed, in English (the one home of the words; the en-GB catalogue takes them
 * as `copyMissing.<code>`, the screens say them in the interface language).
 */
export const COPY_MISSING_EN = {
  'no-address':
    '{name} has no postal address recorded, so no copy for them is printed: add their address, or send them a copy another way.',
  'no-address-unnamed':
    'The customer has no postal address recorded, so no copy for them is printed: add their address, or send them a copy another way.',
} as const;
export type CopyMissingCode = keyof typeof COPY_MISSING_EN;
/** Why no copy for the customer is printed, as a code and values (the customer's name as written). */
export type CopyMissing = Saying<CopyMissingCode, string>;

export const copyMissingInEnglish = (said: CopyMissing): string => sayingInEnglish(COPY_MISSING_EN, said);

export type CustomerCopy =
  | { kind: 'none' }
  | { kind: 'copy'; doc: LetterDocument }
  /** Written to a representative, but the customer's postal address is not recorded: no copy can be posted. */
  | { kind: 'no-address'; message: string; said: CopyMissing };

const isLanguage = (tag: string | undefined): tag is LetterLanguage =>
  tag !== undefined && Object.hasOwn(LANGUAGES, tag);

/** What the customer is sent besides the letter `doc` (built for `caseRecord`). */
export function customerCopy(doc: LetterDocument, caseRecord: CaseRecord): CustomerCopy {
  const addressee = letterAddressee(caseRecord);
  if (addressee.role !== 'representative') return { kind: 'none' };
  let customer;
  try {
    customer = customerAsAddressee(caseRecord);
  } catch {
    const name = caseRecord.customer.name.trim();
    const said: CopyMissing = name ? saying('no-address', { name }) : saying('no-address-unnamed');
    return { kind: 'no-address', message: copyMissingInEnglish(said), said };
  }
  const language = isLanguage(doc.language) ? doc.language : DEFAULT_LANGUAGE;
  const copy = customerCopyOf(doc, addressee, customer, language);
  return copy ? { kind: 'copy', doc: copy } : { kind: 'none' };
}
