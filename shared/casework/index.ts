// What a handler can do next and how an action becomes a timeline entry, built on the case model and the rules.
// The door of shared/casework: the catalogue of actions, where the case stands, which actions are possible, and
// the entry an action writes.
export {
  CASE_ACTIONS,
  ACTION_GROUPS,
  ACTION_GROUP_LABELS,
  CURRENCIES,
  PAYMENT_KINDS,
  CUSTOMER_FIELDS,
  CUSTOMER_EXTRA_FIELDS,
  CUSTOMER_EDIT_FIELDS,
  listActions,
  getAction,
  isCaseActionId,
  customerFieldLabel,
  customerFieldValue,
  actionForNextStep,
  type CaseActionId,
  type ActionGroup,
  type ActionFieldKind,
  type ActionFieldSpec,
  type CaseActionSpec,
  type Currency,
  type PaymentKind,
  type CustomerField,
  type CustomerEditField,
} from './catalogue';
export { nextStage } from './state';
export { whyNot, availableActions, type ActionAvailability } from './availability';
export { caseNextSteps } from './next-steps';
export {
  defaultInput,
  fieldOptions,
  customerToForm,
  customerDetailsToForm,
  buildActionEvent,
  lastEntry,
  readAmount,
  type ActionInput,
  type ActionContext,
  type NewTimelineEvent,
  type BuildResult,
} from './entry';
export {
  storedFormValues,
  editFieldValue,
  describeEditConflicts,
  EDIT_CONFLICT_EN,
  type EditConflictPart,
  type EditValue,
  editValueOf,
  rebaseEdit,
  type EditConflict,
  type RebaseResult,
} from './edits';
export {
  CORRECTABLE_FIELDS,
  CORRECTABLE_LABELS,
  VOIDABLE_TYPES,
  applyCorrections,
  correctableFacts,
  correctedValueText,
  correctionFormValues,
  correctionMismatches,
  correctionPreview,
  dueDateChanges,
  followProvider,
  voidEffects,
  whyNotVoid,
  withFacts,
  type ChangePreview,
  type CorrectableFacts,
  type CorrectableField,
  type DueDateChange,
  type VoidEffects,
} from './corrections';
export {
  receivedDateQuestion,
  RECEIVED_LONG_AGO_DAYS,
  type ReceivedDateDoubt,
  type ReceivedDateDoubtCode,
  type ReceivedDateQuestion,
} from './received-date';
