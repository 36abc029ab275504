// The door of the dashboard feature: what the app and other features may use of it.
export { DashboardPage } from './DashboardPage';
