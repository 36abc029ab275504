// say7, p8e: what is said about a letter of a print run that was not made or not recorded, as a code and values. The
// screen says it with the catalogue's `post.letterProblem.<code>` (./batch.ts `letterProblemIn`); its English `message`
// (the logs, the tests) is the en-GB catalogue's, the one home of the words. A value is shown as written (a file's
// name, a case's id, the technical reason of a failure, which comes from the browser, pdfmake or the database).
// No catalogue here: the letter-rendering worker throws these too (./due-letter.ts) and posts them back as data.
import { type Saying, saying } from '#shared/model/saying';

export type LetterProblemCode =
  | 'not-recorded'
  | 'not-recorded-case-gone'
  | 'case-gone'
  | 'skipped'
  | 'not-joined'
  | 'no-postal-address'
  | 'no-clocks'
  | 'not-made';
export type LetterProblem = Saying<LetterProblemCode, string>;

/** A letter's problem thrown while the letter or the print file is made (caught and listed with the letter). */
export class LetterProblemError extends Error {
  readonly said: LetterProblem;
  constructor(code: LetterProblemCode, values?: Record<string, string>) {
    super(code);
    this.name = 'LetterProblemError';
    this.said = saying(code, values);
  }
}
