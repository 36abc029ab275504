// An email from the customer dropped on an existing case (issue #18): besides being attached (kind 'email'), it is a
// contact from the customer on the timeline, recorded through the same 'log-contact' action a person uses (one entry
// like any other contact, checked by the same rules), dated the email's date in the desk's time zone.
import { lastEntry } from '#shared/casework/index';
import { contactFromEmail, type EmailContactWords } from '#shared/mail/intake';
import { NotAnEmailError } from '#shared/mail/problems';
import type { TimelineEvent } from '#shared/model/case';
import { RecordRefusal } from '#shared/model/refusals';
import type { RedressDatabase } from '../schema';
import { performAction } from './case-actions';
import type { Now } from './cases';
import { readTimeline } from '../timeline';

/**
 * Record the contact an email file is: its bytes parsed (the mail parser loaded on first use), then 'log-contact'
 * from the customer by email, summary the subject. Throws the reason when the file is not an email or the action is
 * refused (the attachment, added before, stays).
 */
export async function logEmailContact(
  database: RedressDatabase,
  caseId: string,
  file: { fileName: string; bytes: Uint8Array | Blob },
  desk: { by: string; today: string; timeZone: string; clock?: Now; words?: EmailContactWords },
): Promise<TimelineEvent> {
  const bytes = file.bytes instanceof Uint8Array ? file.bytes : new Uint8Array(await file.bytes.arrayBuffer());
  const { parseEmail } = await import('#shared/mail/parse');
  const parsed = await parseEmail(bytes, file.fileName);
  if (!parsed.ok) throw new NotAnEmailError(parsed.said);
  const record = await database.cases.get(caseId);
  if (!record) throw new RecordRefusal('no-case', { id: caseId });
  const events = await readTimeline(database, caseId);
  const last = lastEntry(events)?.on ?? '';
  const notBefore = last > record.receivedOn ? last : record.receivedOn;
  const input = contactFromEmail(parsed.email, { ...desk, notBefore });
  const { event } = await performAction(database, caseId, 'log-contact', { ...input }, desk);
  return event;
}
