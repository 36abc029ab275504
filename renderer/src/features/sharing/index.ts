// The door of the sharing feature (issue #14): the settings section, the header status, the team screen and the
// case page's "Changed at two desks".
export { CaseClashes } from './CaseClashes';
export { SharingPanel } from './SharingPanel';
export { SyncStatus } from './SyncStatus';
export { TeamPage } from './TeamPage';
export { CasesScopeChoice, chooseCasesScope, useCasesScope, type CasesScope } from './CasesScope';
