// The messages between the page and the letter-rendering workers (./render-worker.ts, ./render-pool.ts). Everything
// in them is plain data: a pdfmake document cannot be posted (its footer and background are functions), so a
// worker builds each letter's document itself from the case, with the same pure builders the page uses.
import type { LetterKind } from '#shared/casework/summaries';
import type { CopyMissing } from '#shared/letters/index';
import type { PostedFailure } from '#letters/posted-failure';
import type { TimelineType } from '#shared/model/case';
import type { BuildContext, PostLetterKind } from './due-letter';
import type { LetterProblem } from './letter-problem';

/** A letter made: its exact bytes, and how it is to be recorded on the timeline. */
export interface RenderedLetter {
  bytes: Uint8Array;
  fileName: string;
  /** The letter's kind as recorded (e.g. 'acknowledgement', 'adr-letter'). */
  kind: LetterKind;
  /** Its name in the timeline's words ("ADR letter"). */
  name: string;
  /** The event the letter stands for, when it is to be recorded with it. */
  also?: { type: TimelineType; summary: string };
  /** Written to a representative, but no copy for the customer could be printed (why, as a code and values). */
  copyMissing?: CopyMissing;
  /** The letter's and the customer's copy's own files, when the copy is included (#letters/letter-pdf `parts`). */
  parts?: [Uint8Array, Uint8Array];
}

export type RenderRequest =
  | { type: 'render'; id: number; kind: PostLetterKind; context: BuildContext }
  /** Load pdfmake and parse the fonts now, so the first letter is not slow. */
  | { type: 'warm'; id: number };

export type RenderReply =
  | ({ type: 'rendered'; id: number } & RenderedLetter)
  /**
   * Not made: the error's message, and (p8e) as data when it has it: its saying (a letter problem), the characters the
   * font cannot print, or why the letter cannot be made from the case (its address): #letters/posted-failure.
   */
  | ({ type: 'failed'; id: number; said?: LetterProblem } & PostedFailure)
  | { type: 'warmed'; id: number };
