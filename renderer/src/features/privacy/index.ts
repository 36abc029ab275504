// The door of the privacy feature: what the app and other features may use of it.
export { PrivacyPage } from './PrivacyPage';
export { RetentionOnStart } from './RetentionOnStart';
export { AnonymisedNotice } from './AnonymisedNotice';
export { EraseCustomerDialog } from './EraseCustomerDialog';
export { VulnerabilityRow } from './VulnerabilityRow';
export { keepRetention } from './policy';
export { RetentionSettings } from './RetentionSettings';
export { subjectAccessAuditSummary } from './audit-words';
