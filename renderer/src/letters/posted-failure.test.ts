import { describe, expect, it } from 'vitest';
import {
  caseTextSources,
  documentUnprintable,
  LetterRefusalError,
  type LetterRefusal,
  UnprintableError,
} from '#shared/letters/index';
import { sampleCase } from '#shared/letters/fixtures';
import { failureError, postedFailure } from './posted-failure';

/** Through postMessage and back: what a worker's refusal becomes on the page. */
const roundTrip = (error: unknown) => failureError(structuredClone(postedFailure(error)));

describe('a worker’s refusal, posted to the page', () => {
  it('is the same UnprintableError, with the characters and their places', () => {
    const record = sampleCase();
    const name = `${record.customer.name} 王`;
    const found = documentUnprintable(
      { content: [name] },
      caseTextSources({ ...record, customer: { ...record.customer, name } }),
      'letter',
    )!;
    expect(found).toBeTruthy();
    const again = roundTrip(new UnprintableError(found, 'letter'));
    expect(again).toBeInstanceOf(UnprintableError);
    expect((again as UnprintableError).found).toEqual(found);
    expect(again.message).toBe(new UnprintableError(found, 'letter').message);
  });

  it('is the same LetterRefusalError', () => {
    const said: LetterRefusal = { code: 'no-handler' };
    const again = roundTrip(new LetterRefusalError(said));
    expect(again).toBeInstanceOf(LetterRefusalError);
    expect((again as LetterRefusalError).said).toEqual(said);
  });

  it('keeps the message of anything else', () => {
    const again = roundTrip(new TypeError('pdfmake broke'));
    expect(again).toBeInstanceOf(Error);
    expect(again.message).toBe('pdfmake broke');
    expect(roundTrip('a string').message).toBe('a string');
  });
});
