// The door of the intake feature: what the app and other features may use of it.
export { IntakePage } from './IntakePage';
