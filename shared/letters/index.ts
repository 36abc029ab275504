// Letter content as pdfmake document definitions: pure functions of case + settings + dates. Rendering to bytes
// happens elsewhere (renderer/src/letters in the app, test/unit/helpers in tests).
export {
  acknowledgementLetter,
  nextStepsFromEvaluation,
  type AcknowledgementInput,
  type AcknowledgementNextSteps,
  type AdrSchemeContact,
} from './acknowledgement';
export { letterAddressee, type Addressee } from './addressee';
export {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  channelInWords,
  dateInWords,
  dateWithWeekdayInWords,
  message,
  messageParts,
  parseIsoDate,
  placeholdersIn,
  type LanguagePack,
  type LetterLanguage,
  type MessageKey,
  type MessagePart,
  type Messages,
} from './catalogue';
export type {
  LetterCanvas,
  LetterColumn,
  LetterColumns,
  LetterContent,
  LetterDocument,
  LetterLine,
  LetterStack,
  LetterStyle,
  LetterText,
  Margins,
} from './document';
export {
  LARGE_PRINT,
  PAGE,
  STANDARD_PRINT,
  joinSentences,
  letterDocument,
  mm,
  paragraph,
  section,
  type LetterFrame,
  type TypeSizes,
} from './layout';
