// Letter content as pdfmake document definitions: pure functions of case + settings + dates. Rendering to bytes
// happens elsewhere (renderer/src/letters in the app, test/unit/helpers in tests).
export {
  acknowledgementLetter,
  nextStepsFromEvaluation,
  procedureWordingFor,
  type AcknowledgementInput,
  type AcknowledgementNextSteps,
  type AdrSchemeContact,
} from './acknowledgement';
export { adrLetter, type AdrLetterInput, type AdrLetterReason } from './adr-letter';
export { letterAddressee, type Addressee } from './addressee';
export {
  type DeskTextPart,
  LETTER_REFUSALS_EN,
  type LetterRefusal,
  type LetterRefusalCode,
  LetterRefusalError,
} from './refusals';
export { cctsNoticeLetter, type CctsNoticeInput } from './ccts-notice';
export {
  COPY_MISSING_EN,
  type CopyMissing,
  type CopyMissingCode,
  copyMissingInEnglish,
  customerCopy,
  type CustomerCopy,
} from './copy';
export { adrTermsFor, adrTermsFromEvaluation, type AdrTerms, type LetterBaseInput, type SchemeChoice } from './common';
export { finalResponseLetter, updateLetter, type FinalResponseInput, type UpdateLetterInput } from './progress-letters';
export { summaryResolutionLetter, type SummaryResolutionInput } from './summary-resolution';
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
  schemeFullNameIn,
  type NamedScheme,
  schemeLabelIn,
  schemeNameIn,
  schemeNamesIn,
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
  PageFurniture,
} from './document';
export {
  applyParagraphEdits,
  isRequiredParagraphKey,
  letterParagraphs,
  type LetterParagraph,
  type ParagraphEdits,
} from './edits';
export {
  LARGE_PRINT,
  PAGE,
  STANDARD_PRINT,
  joinSentences,
  letterDocument,
  mm,
  paragraph,
  postableLetter,
  section,
  windowLinesFor,
  withPageFurniture,
  type LetterFrame,
  type TypeSizes,
} from './layout';
export {
  casePrintProblem,
  caseTextSources,
  documentPrintProblem,
  drawnTexts,
  findUnprintable,
  fontHasGlyph,
  letterPrintProblem,
  letterheadUnprintable,
  printedTextUnprintable,
  withUnprintableAsCodes,
  type LetterheadField,
  unprintableIn,
  unprintableMessage,
  unprintableNames,
  unprintableParts,
  UNPRINTABLE_EN,
  type UnprintablePart,
  caseUnprintable,
  CASE_TEXT_PLACES,
  type CaseTextPlace,
  type TextSource,
  type TextPlace,
  documentUnprintable,
  placedSource,
  SUMMARY_TEXT_PLACES,
  type SummaryTextPlace,
  REPORT_TEXT_PLACES,
  type ReportTextPlace,
  type PrintedDocument,
  textPlaceInEnglish,
  UnprintableError,
  type Unprintable,
  type UnprintableCharacter,
  type UnprintableReason,
} from './printable';
export {
  WITHDRAW_WORDING,
  letterWithdrawnEntry,
  lettersOnTimeline,
  recordedWithLetter,
  standingLetterOfKind,
  unusedLetterFileName,
  type LetterOnTimeline,
  type LetterWithdrawal,
} from './issued';
