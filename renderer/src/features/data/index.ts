// The door of the data feature: what the app and other features may use of it.
export { DataKeeper } from './DataKeeper';
export { DataPage } from './DataPage';
export { RestorePanel } from './RestorePanel';
