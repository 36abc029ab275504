// Reports (issue #7): complaint volumes and handling figures for any period and filter, each with its definition.
// Pure: "today", the period and the filters are arguments; deadlines come from the rules engine. See ./README.md.
export {
  reportBasis,
  reportEvent,
  summariseCase,
  summaryOn,
  type CaseSummary,
  type ReportBasis,
  type TargetClock,
  type Payment,
  type ProviderTargetsState,
  type ReportCaseRecord,
  type ReportEvent,
} from './summary';
export {
  buildReport,
  COMPENSATION_DEFINITION,
  DEFINITIONS,
  describeFilters,
  matchesFilters,
  MEASURE_IDS,
  measureOf,
  procedureLabel,
  RULES_ERROR_DEFINITION,
  UNASSIGNED_LABEL,
  VOLUMES_DEFINITION,
  type BuildReportInput,
  type CompensationRow,
  type Measure,
  type MeasureId,
  type MeasureKind,
  type Report,
  type ReportFilters,
  type VolumeRow,
  type Volumes,
} from './report';
export {
  checkPeriod,
  describePeriod,
  monthsIn,
  PERIOD_PRESET_LABELS,
  PERIOD_PRESETS,
  presetPeriod,
  type PeriodPreset,
  type ReportPeriod,
} from './periods';
export { dateLabel, daysLabel, monthLabel, moneyLabel, percentLabel } from './format';
export { REPORT_TABLE_HEADER, reportFileName, reportTable, VOLUME_SECTIONS, type ReportMeta } from './table';
export { ENGLISH_REPORT_WORDS, REPORT_TEXT, type ReportTextId, type ReportWords, type VolumeKey } from './words';
export { reportDocument, type ReportDocument } from './pdf';
