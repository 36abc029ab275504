// An email file dropped or picked for a new complaint, read and waiting for the intake form: the window's drop
// handler (app/) leaves it here and opens "New complaint", which takes it; a form already open takes it at once.
import type { ParsedEmail } from '#shared/mail/parse';
import type { EmailProblemSaying } from '#shared/mail/problems';

export interface IncomingEmail {
  fileName: string;
  /** The file's exact bytes: what is attached to the case. */
  bytes: Uint8Array;
  /** The file's type as given by the system, or the email type its format has. */
  mime: string;
  email: ParsedEmail;
}

/** Read a dropped or picked file as an email: the email, or the reason it is refused (English and `said`). */
export async function readEmailFile(
  file: File,
): Promise<{ ok: true; incoming: IncomingEmail } | { ok: false; error: string; said: EmailProblemSaying }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // The MIME and Outlook readers (and iconv-lite's code pages) are loaded the first time an email is read.
  const { parseEmail } = await import('#shared/mail/parse');
  const result = await parseEmail(bytes, file.name);
  if (!result.ok) return result;
  const mime = result.email.format === 'msg' ? 'application/vnd.ms-outlook' : 'message/rfc822';
  return { ok: true, incoming: { fileName: file.name, bytes, mime, email: result.email } };
}

let waiting: IncomingEmail | null = null;
const listeners = new Set<() => void>();

/** Leave an email for the intake form (the form, if open, is told). */
export function offerEmailForIntake(incoming: IncomingEmail): void {
  waiting = incoming;
  for (const listener of listeners) listener();
}

/** The email waiting for the intake form, taken (so it fills one form once), or null. */
export function takeEmailForIntake(): IncomingEmail | null {
  const taken = waiting;
  waiting = null;
  return taken;
}

/** Be told when an email is left for the intake form; returns the unsubscribe. */
export function onEmailForIntake(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
