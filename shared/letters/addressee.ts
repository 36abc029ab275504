// Who a letter is addressed to: the representative when someone acts for the customer (the customer gets a copy),
// otherwise the customer. Every letter posts, so a letter without a full postal address is refused here.
import { CUSTOMER_TITLE_LABELS, type CaseRecord, type CustomerTitle, type PostalAddress } from '#shared/model/case';
import { saying } from '#shared/model/saying';
import { regionOfPostcode } from '#shared/model/postcode';
import { LetterRefusalError } from './refusals';

export interface Addressee {
  role: 'customer' | 'representative';
  name: string;
  /** The customer's title, when the desk recorded one (the greeting uses it: ./salutation.ts). */
  title?: CustomerTitle;
  /** The lines printed in the envelope window after the name, the postcode last. */
  addressLines: string[];
  /** When writing to a representative: the customer, who is sent a copy. */
  copyTo?: string;
}

export function letterAddressee(caseRecord: CaseRecord): Addressee {
  const { customer, representative } = caseRecord;
  if (representative) {
    const name = representative.name.trim();
    return {
      role: 'representative',
      name,
      addressLines: postalLines(representative.address, 'representative', name),
      copyTo: customer.name.trim(),
    };
  }
  const name = customer.name.trim();
  return {
    role: 'customer',
    name,
    ...(customer.title ? { title: customer.title } : {}),
    addressLines: postalLines(customer.address, 'customer', name),
  };
}

/**
 * Who and where a letter made now would be addressed to, as one text kept with each letter issued (the entry's
 * `addressedTo`) so that a later change of address, name or title, or a representative added or removed, here or at
 * another desk, shows which letters went by the old one (`addressSinceChanged`, shared/model/letters-issued.ts). The
 * addressee's title, name and address lines, then, for a letter to a representative, the customer's for their copy;
 * a line each, a blank line between the two. Undefined when no letter can be addressed (no postal address).
 */
export function addressedTo(caseRecord: CaseRecord): string | undefined {
  const block = (a: Addressee) =>
    [
      [a.title ? CUSTOMER_TITLE_LABELS[a.title].split(' ')[0] : '', a.name].filter(Boolean).join(' '),
      ...a.addressLines,
    ].join('\n');
  let addressee: Addressee;
  try {
    addressee = letterAddressee(caseRecord);
  } catch (error) {
    if (error instanceof LetterRefusalError) return undefined;
    throw error;
  }
  if (addressee.role === 'customer') return block(addressee);
  let copy = '';
  try {
    copy = block(customerAsAddressee(caseRecord));
  } catch (error) {
    // The customer's copy cannot be posted (no address): the letter still goes to the representative.
    if (!(error instanceof LetterRefusalError)) throw error;
  }
  return copy ? `${block(addressee)}\n\n${copy}` : block(addressee);
}

/** The customer as the addressee of their copy of a letter written to their representative. */
export function customerAsAddressee(caseRecord: CaseRecord): Addressee {
  const name = caseRecord.customer.name.trim();
  return {
    role: 'customer',
    name,
    ...(caseRecord.customer.title ? { title: caseRecord.customer.title } : {}),
    addressLines: postalLines(caseRecord.customer.address, 'customer', name),
  };
}

function postalLines(address: PostalAddress | undefined, who: Addressee['role'], name: string): string[] {
  const refuse = (what: 'no-address' | 'no-postcode') =>
    new LetterRefusalError(name ? saying(`${who}-${what}`, { name }) : saying(`${who}-${what}-unnamed`));
  const lines = (address?.lines ?? []).map((line) => line.trim()).filter((line) => line.length > 0);
  if (lines.length === 0) throw refuse('no-address');
  const postcode = address?.postcode.trim() ?? '';
  if (!postcode) throw refuse('no-postcode');
  // Canada Post's standard: the postal code on the line of the municipality and province, two spaces before it
  // ("MONTRÉAL QC  H2X 1C4"), so the address takes one line less in the envelope's window (explore33-desk #11). A
  // Canadian code ends with a digit (A1A 1A1); a UK postcode never does (its last part is a digit and two letters).
  return addressLinesWithPostcode(lines, postcode);
}

/** An address's lines and postcode as printed: a Canadian postal code on the last line, two spaces before it. */
export function addressLinesWithPostcode(lines: readonly string[], postcode: string): string[] {
  if (lines.length > 0 && regionOfPostcode(postcode) === 'CA')
    return [...lines.slice(0, -1), `${lines.at(-1)}  ${postcode}`];
  return [...lines, postcode];
}
