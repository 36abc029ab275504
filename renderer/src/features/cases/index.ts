// The door of the cases feature: what the app and other features may use of it.
export { CaseListPage } from './CaseListPage';
export { CasePage } from './CasePage';
