// The door of the letters feature: what the app and other features may use of it.
export { downloadIssuedLetter, issueAcknowledgementLetter } from './issue';
export { LetterDialog } from './LetterDialog';
export { acknowledgementDocument, buildLetter, defaultInputs, defaultOptions, letterText } from './build';
