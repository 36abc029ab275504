// The door of the settings feature: what the app and other features may use of it.
export { SettingsPage } from './SettingsPage';
