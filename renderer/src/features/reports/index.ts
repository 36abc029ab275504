// The door of the reports feature: what the app and other features may use of it.
export { ReportsPage } from './ReportsPage';
