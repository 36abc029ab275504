// The door of the exchange feature: what the app and other features may use of it.
export { ImportPage } from './ImportPage';
export { CaseListExchange } from './CaseListExchange';
export { SubjectAccessButton } from './SubjectAccessButton';
export { ExportsPanel } from './ExportsPanel';
