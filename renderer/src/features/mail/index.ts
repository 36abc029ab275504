// The door of the mail feature (issue #18): reading an email file, handing it to the intake form, and showing an
// email (sender, recipients, date, subject, sanitised body, its attachments).
export { EmailView, downloadBytes } from './EmailView';
export { sanitiseEmailHtml } from './sanitise';
export {
  readEmailFile,
  offerEmailForIntake,
  takeEmailForIntake,
  onEmailForIntake,
  type IncomingEmail,
} from './incoming';
