// Large print ticked with an address the envelope window cannot hold at 16 pt: every letter to that address would be
// refused later (the letter dialog, Letters to post), so the intake says so while the address is being typed. The
// window's rule is the letters' own (windowLinesFor); this only asks it about the form's addresses.
import { LetterRefusalError, windowLinesFor } from '#shared/letters/index';
import type { IntakeForm } from '#shared/model/intake';

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
  'largePrint' | 'customerName' | 'addressLines' | 'postcode' | 'repName' | 'repAddressLines' | 'repPostcode'
>;

/**
 * The customer's and the representative's addresses, as typed, that a large-print letter could not put in the
 * window (a letter to a representative sends the customer a copy in the same print). None when large print is not
 * ticked, or for an address not typed yet.
 */
export function largePrintMisfits(form: AddressFields): LargePrintMisfit[] {
  if (!form.largePrint) return [];
  const parties = [
    { name: form.customerName, lines: form.addressLines, postcode: form.postcode },
    ...(form.repName.trim() ? [{ name: form.repName, lines: form.repAddressLines, postcode: form.repPostcode }] : []),
  ];
  const misfits: LargePrintMisfit[] = [];
  for (const party of parties) {
    const lines = party.lines
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    const postcode = party.postcode.trim().toUpperCase();
    const name = party.name.trim();
    try {
      windowLinesFor({ name, addressLines: postcode ? [...lines, postcode] : lines }, true);
    } catch (error) {
      if (!(error instanceof LetterRefusalError) || error.said.code !== 'window-large-print') continue;
      const v = error.said.values as { size: number; capacity: number; printed: number };
      misfits.push({ name, size: v.size, capacity: v.capacity, printed: v.printed });
    }
  }
  return misfits;
}
