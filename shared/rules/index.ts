// The rules engine (issue #3): procedures, regulatory clocks and working-day calendars, exact and explained.
// Pure: no DOM, no Node, no clock. "today", the calendar set and the rules are arguments. See ./README.md.

export {
  evaluateCase,
  openClockState,
  type EvaluateOptions,
  timeBasedAdrLetterFrom,
  type TimeBasedAdrLetterFacts,
} from './evaluate';
export {
  describeDuration,
  EVENT_WORDS,
  explanationInEnglish,
  type Explanation,
  joinExplanation,
  joinReason,
  ORDINALS,
  type Phrase,
  phrase,
  PHRASE_KINDS,
  PHRASES_EN,
  phraseInEnglish,
  type PhraseKind,
  type PhraseValue,
  type Reason,
  reasonInEnglish,
  UNIT_WORDS,
} from './explain';
export { caseFacts, checkFacts, customerScopeFacts, validateCaseFacts, type FactsCaseRecord } from './facts';
export { RulesError, isRulesError, type RulesErrorCode } from './errors';
export { CLOCK_LABELS_EN, type ClockWord, clockWordOf, NEXT_STEPS_EN, type NextStepWord, nextStepOf } from './words';

// Dates and calendars
export {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  compareIsoDates,
  describeDateInWords,
  isIsoDate,
  weekdayName,
} from './dates';
export {
  addWorkingDays,
  BUILT_IN_HOLIDAYS,
  type BuiltInHolidayId,
  builtInHoliday,
  CALENDAR_IDS,
  type CalendarRef,
  type CalendarSet,
  DEFAULT_CALENDARS,
  extendCalendar,
  getCalendar,
  type Holiday,
  HolidayCalendar,
  type HolidayFeed,
  type HolidayFeedDivision,
  type HolidaySource,
  holidaysBetween,
  type ImportMode,
  isCalendarId,
  isWorkingDay,
  listCalendars,
  parseHolidayFeed,
  SNAPSHOT_YEARS,
  snapshotSource,
  SUBSTITUTE_DAY,
  workingDaysBetween,
} from './calendars';

// What is wrong with a procedure, as codes (m17a)
export {
  PROCEDURE_PROBLEM_CODES,
  PROCEDURE_PROBLEMS_EN,
  type ProcedureProblemCode,
  procedureProblemInEnglish,
  type ProcedureSaying,
  sayProcedure,
} from './procedure-problems';

// Procedures
export {
  checkProcedure,
  createProcedureRegistry,
  ESCALATION_TRIGGERS,
  type EscalationTrigger,
  firstResponseTarget,
  firstStage,
  type LetterWords,
  type Procedure,
  procedureOnDay,
  procedureSchema,
  procedureVersionInWords,
  procedureVersions,
  type ProcedureWording,
  type ProcedureCheckOptions,
  type ProcedureIssue,
  type ProcedureRegistry,
  type ProcedureStage,
  procedureVersionLabel,
  recordedStageId,
  STAGE_ENTRY_EVENTS,
  type StageEntryEvent,
  type Target,
  validateProcedure,
  withProcedures,
  wordsIn,
} from './procedure';
export {
  BUILT_IN_PROCEDURE_IDS,
  BUILT_IN_PROCEDURES,
  DEFAULT_PROCEDURES,
  deskProcedures,
  getProcedure,
  procedureName,
  installDeskProcedures,
  isProcedureRetired,
  procedureChoices,
  procedureForCase,
  procedureForCaseOrNull,
  proceduresMayHave,
  INFINITY,
  JIVE_CA,
  KIJOMA,
  KINEX,
  listProcedures,
  MISO,
  newCaseStageId,
  OFCOM_BASELINE,
} from './procedures';
export {
  providerMismatches,
  type MismatchValues,
  type ProviderMismatch,
  type ProviderMismatchCode,
} from './provider-checks';

// Regimes
export {
  adrLetterAtOnceOnDeadlock,
  BUILT_IN_REGIMES,
  createRegimeRegistry,
  DEFAULT_REGIMES,
  getRegime,
  listRegimes,
  type Regime,
  REGIME_LETTERS,
  type RegimeLetter,
  regimeLetters,
  REGIME_CCTS_EVENTS,
  type RegimeCctsEvent,
  regimeCctsEvents,
  regimeMayHave,
  type RegimeRegistry,
  type RegimeVersion,
  regimeVersionFor,
  validateRegime,
} from './regimes';

// ADR schemes
export {
  type AdrDirectory,
  type AdrScheme,
  type AdrSchemeVersion,
  BUILT_IN_ADR_SCHEMES,
  createAdrDirectory,
  DEFAULT_ADR_DIRECTORY,
  findAdrSchemeByName,
  getAdrScheme,
  hasAdrScheme,
  listAdrSchemes,
} from './adr-schemes';

export * from './types';
export type { CalendarId, Category, Channel } from '#shared/model/case';

// The procedure editor (issue #16)
export {
  checkProcedureForm,
  COPY_NAME_EN,
  copyOfProcedure,
  emptyStage,
  formField,
  freeName,
  type PreviewLine,
  previewProcedure,
  procedureFile,
  type ProcedureFile,
  type ProcedureForm,
  procedureFromForm,
  procedureNameKey,
  procedureNamedLike,
  procedureToForm,
  readProcedureFile,
  savePlan,
  type SaveRefusal,
  type StageForm,
  type TargetForm,
} from './procedure-form';
