// The door of the about feature: what the app and other features may use of it.
export { AboutDialog, AboutLink, openAbout } from './AboutDialog';
