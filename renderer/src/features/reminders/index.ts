// The door of the reminders feature: what the app and other features may use of it.
export { ReminderFailuresAlert, Reminders } from './Reminders';
