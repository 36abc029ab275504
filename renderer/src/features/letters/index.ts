// The door of the letters feature: what the app and other features may use of it.
export { downloadIssuedLetter, withdrawIssuedLetter } from './issue';
export { LetterDialog } from './LetterDialog';
export { WithdrawLetterDialog } from './WithdrawLetterDialog';
export {
  acknowledgementDocument,
  buildLetter,
  choiceForKind,
  defaultInputs,
  defaultOptions,
  letterFileName,
  letterText,
  letterTheStageCallsFor,
  recordedAs,
  type LetterChoice,
} from './build';
