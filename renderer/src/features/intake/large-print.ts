// Large print ticked with an address the envelope window cannot hold at 16 pt: every letter to that address would be
// refused later (the letter dialog, Letters to post), so the intake says so while the address is being typed. The
// window's rule is the letters' own (windowLinesFor), in the window of the provider's letters (a Canadian provider's
// No. 10 window holds fewer lines than the UK's DL one); this only asks it about the form's addresses.
import { LetterRefusalError, pageFormatFor, windowLinesFor } from '#shared/letters/index';
import { type IntakeForm, postalAddressOf } from '#shared/model/intake';
import { isLetterLanguage, type RegulatorRegion } from '#shared/model/provider';
import { CUSTOMER_TITLES } from '#shared/model/case';

/** An addressee whose name and address take more lines than the window holds in large print. */
export interface LargePrintMisfit {
  name: string;
  /** The large-print size, in points. */
  size: number;
  /** Lines the window holds, name and postcode included. */
  capacity: number;
  /** Lines this name and address take, a line too wide for the window counted as the lines it wraps into. */
  printed: number;
}

type AddressFields = Pick<
  IntakeForm,
  'largePrint' | 'customerName' | 'title' | 'addressLines' | 'postcode' | 'repName' | 'repAddressLines' | 'repPostcode'
>;

/**
 * The customer's and the representative's addresses, as typed, that a large-print letter could not put in the
 * window of the letters of the case's provider (`region`: its region's envelope) (a letter to a representative sends
 * the customer a copy in the same print). None when large print is not ticked, or for an address not typed yet.
 */
export function largePrintMisfits(form: AddressFields, region: RegulatorRegion, language?: string): LargePrintMisfit[] {
  if (!form.largePrint) return [];
  const format = pageFormatFor(region);
  // The window prints the customer's title in French ("Madame …": nameInWindow), so it counts here too.
  const title = CUSTOMER_TITLES.find((x) => x === form.title);
  const letterLanguage = language && isLetterLanguage(language) ? language : undefined;
  const parties = [
    { name: form.customerName, title, lines: form.addressLines, postcode: form.postcode },
    ...(form.repName.trim() ? [{ name: form.repName, lines: form.repAddressLines, postcode: form.repPostcode }] : []),
  ];
  const misfits: LargePrintMisfit[] = [];
  for (const party of parties) {
    // The address as the case will keep it (the intake's own reading of the form).
    const address = postalAddressOf(party.lines.trim(), party.postcode.trim());
    if (!address || address.lines.length === 0) continue;
    const name = party.name.trim();
    try {
      windowLinesFor(
        {
          name,
          ...('title' in party && party.title ? { title: party.title } : {}),
          addressLines: address.postcode ? [...address.lines, address.postcode] : address.lines,
        },
        true,
        format,
        letterLanguage,
      );
    } catch (error) {
      if (!(error instanceof LetterRefusalError) || error.said.code !== 'window-large-print') continue;
      const v = error.said.values as { size: number; capacity: number; printed: number };
      misfits.push({ name, size: v.size, capacity: v.capacity, printed: v.printed });
    }
  }
  return misfits;
}
