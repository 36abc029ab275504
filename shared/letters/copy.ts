// The customer's copy of a letter written to someone acting for them (REGULATION.md §1: the representative is written
// to, the customer is sent a copy). The copy is the same letter with the customer in the envelope window and a line
// saying whose copy it is; the app prints it after the original, in the same locked PDF.
import type { CaseRecord } from '#shared/model/case';
import { customerAsAddressee, letterAddressee } from './addressee';
import { DEFAULT_LANGUAGE, LANGUAGES, type LetterLanguage } from './catalogue';
import type { LetterDocument } from './document';
import { customerCopyOf } from './layout';

export type CustomerCopy =
  | { kind: 'none' }
  | { kind: 'copy'; doc: LetterDocument }
  /** Written to a representative, but the customer's postal address is not recorded: no copy can be posted. */
  | { kind: 'no-address'; message: string };

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
    return {
      kind: 'no-address',
      message: `${caseRecord.customer.name.trim() || 'The customer'} has no postal address recorded, so no copy for them is printed: add their address, or send them a copy another way.`,
    };
  }
  const language = isLanguage(doc.language) ? doc.language : DEFAULT_LANGUAGE;
  const copy = customerCopyOf(doc, addressee, customer, language);
  return copy ? { kind: 'copy', doc: copy } : { kind: 'none' };
}
