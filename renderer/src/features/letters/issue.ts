// An issued letter's locked copy, and its withdrawal. Every letter is issued from the letter dialog (LetterDialog.tsx,
// compose.ts), after its real pages were shown.
import { recordLetterWithdrawn } from '#db/repositories/cases';
import { db, type LetterRow } from '#db/schema';
import { platform } from '#platform';

/** Save the locked copy of an issued letter again: the very bytes that were issued, never regenerated. */
export async function downloadIssuedLetter(letter: LetterRow): Promise<void> {
  await platform().saveFile({ suggestedName: letter.fileName, mimeType: 'application/pdf', data: letter.bytes });
}

/** Withdraw an issued letter that was wrong: its bytes stay; the timeline records who, when and why. */
export async function withdrawIssuedLetter(
  letter: Pick<LetterRow, 'id' | 'caseId'>,
  input: { on: string; by: string; reason: string },
): Promise<void> {
  await recordLetterWithdrawn(db(), letter.caseId, letter.id, input);
}
