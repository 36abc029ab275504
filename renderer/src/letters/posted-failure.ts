// A letter's refusal sent from a letter-rendering worker to the page. An Error's class does not survive postMessage,
// so what the page says about it travels as data (the characters the font cannot print, or why the letter cannot be
// made from what the desk gave) and is made into the same error again on the page.
import { LetterRefusalError, type LetterRefusal, type Unprintable, UnprintableError } from '#shared/letters/index';

export interface PostedFailure {
  /** The error's own message (the logs; what the page says when it is nothing it knows). */
  message: string;
  unprintable?: { found: Unprintable; what: UnprintableError['what'] };
  refusal?: LetterRefusal;
}

/** What is posted for an error thrown while a letter was made. */
export function postedFailure(error: unknown): PostedFailure {
  return {
    message: error instanceof Error ? error.message : String(error),
    ...(error instanceof UnprintableError ? { unprintable: { found: error.found, what: error.what } } : {}),
    ...(error instanceof LetterRefusalError ? { refusal: error.said } : {}),
  };
}

/** The error again, on the page: the same class and words the page would have thrown itself. */
export function failureError(failure: PostedFailure): Error {
  if (failure.unprintable) return new UnprintableError(failure.unprintable.found, failure.unprintable.what);
  if (failure.refusal) return new LetterRefusalError(failure.refusal);
  return new Error(failure.message);
}
