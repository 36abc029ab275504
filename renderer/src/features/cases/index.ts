// The door of the cases feature: what the app and other features may use of it.
export { CasePage } from './CasePage';
