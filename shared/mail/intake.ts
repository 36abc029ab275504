// From an email to the intake form (issue #18): the customer's name and email from the sender, the date received from
// the email's date in the desk's time zone, channel email, and a summary from the subject and the body's first
// paragraphs, with quoted replies, forwarded history and signatures cut off where they are easy to see. The handler
// checks and completes the form; the email itself is attached to the case whole, so nothing cut here is lost.
import type { CustomerTitle } from '#shared/model/case';
import type { IntakeForm } from '#shared/model/intake';
import { STORED_LIMITS } from '#shared/model/stored';
import { findForbiddenCharacter, type TextLines } from '#shared/model/text';
import type { MailAddress, ParsedEmail } from './parse';

/** The fields an email fills in ('' where it has nothing: no title, no address). */
export type EmailIntakeFields = Pick<IntakeForm, 'receivedOn' | 'channel' | 'customerName' | 'email' | 'summary'> & {
  title: '' | CustomerTitle;
};

/** How much of the body goes into the summary (whole paragraphs; the first one is cut if it alone is longer). */
export const EMAIL_SUMMARY_CHARS = 2000;
/** How much of the subject goes into the summary (cut at a word): a subject of pages is not the complaint's words. */
export const EMAIL_SUMMARY_SUBJECT_CHARS = 200;

/** A title written in a name ("(Mr)", "Dr.", the French "M."), as the form's Title. */
const NAME_TITLES: Record<string, CustomerTitle> = { mr: 'mr', m: 'mr', mrs: 'mrs', ms: 'ms', mx: 'mx', dr: 'dr' };
/** Titles the form has no choice for (or more than one: "Mme" is Mrs or Ms): left out of the name, Title left empty. */
const OTHER_TITLES = /^(miss|mme|mlle|prof|professor|rev|revd|sir|dame|lady|lord)$/i;
/** The form's title for a title written in a name, '' for one it has no choice for, null when it is not a title. */
function titleIn(word: string): CustomerTitle | '' | null {
  const bare = word.replace(/\.$/, '').toLowerCase();
  return NAME_TITLES[bare] ?? (OTHER_TITLES.test(bare) ? '' : null);
}
/** What may follow a name in brackets and stays after it ("(Jr)"). */
const NAME_SUFFIXES = /^(jr|sr|ii|iii|iv|phd|md|mbe|obe|cbe|kc|qc)$/i;
/** Words that make a "Last, First" more likely a company or a place than a person ("Smith, Jones & Co"). */
const NOT_A_PERSON =
  /^(and|et|co|company|ltd|limited|llp|lp|plc|inc|incorporated|llc|corp|corporation|ltée|ltee|ltd[ée]e?|cie|gmbh|sa|sarl|bv|nv|group|groupe|partners|associates|services|solutions|solicitors|accountants|team|department|dept|support|sales|billing|accounts|the)$/i;
/** A word of a person's name: letters, with apostrophes, hyphens and a closing full stop ("O'Brien", "J."). */
const NAME_WORD = /^\p{L}[\p{L}\p{M}'’-]*\.?$/u;

/**
 * The customer's name and title from an email's sender name. Outlook shows many senders as "Last, First (Title)"
 * ("Smith, John (Mr)"): that is turned round ("John Smith", title Mr) and `writtenAs` keeps how it was written, so the
 * form can say so and the handler checks it (explore39-letters #3: letters said "Dear Smith, John (Mr),"). Anything
 * else is left as written: a name without a comma, more than one comma, a bracket that is neither a title nor a
 * suffix, more than four words a side, digits, "&" or a company's word ("Smith, Jones & Co", "Acme, Ltd").
 */
export function senderName(raw: string): { name: string; title: '' | CustomerTitle; writtenAs?: string } {
  const asWritten = { name: raw, title: '' as const };
  let rest = raw.trim();
  let title: '' | CustomerTitle = '';
  let suffix = '';
  const bracket = /\s*[([]\s*([^()[\]]*?)\s*[)\]]$/.exec(rest);
  if (bracket) {
    const inBracket = titleIn(bracket[1]);
    if (inBracket !== null) title = inBracket;
    else if (NAME_SUFFIXES.test(bracket[1].replace(/\.$/, ''))) suffix = bracket[1];
    else return asWritten;
    rest = rest.slice(0, bracket.index);
  }
  const parts = rest.split(',');
  if (parts.length !== 2) return asWritten;
  const last = parts[0].trim().split(/\s+/).filter(Boolean);
  const first = parts[1].trim().split(/\s+/).filter(Boolean);
  // "Smith, Mrs Jane": a title before the first name ("M." there may be an initial: not taken).
  const leading = first.length > 1 && !/^m\.?$/i.test(first[0]) ? titleIn(first[0]) : null;
  if (leading !== null) {
    if (title && leading && title !== leading) return asWritten;
    title = title || leading;
    first.shift();
  }
  const words = [...last, ...first];
  if (last.length === 0 || first.length === 0 || last.length > 4 || first.length > 4) return asWritten;
  if (words.some((w) => !NAME_WORD.test(w) || NOT_A_PERSON.test(w.replace(/\.$/, '')))) return asWritten;
  if (first.length === 1 && NAME_SUFFIXES.test(first[0].replace(/\.$/, ''))) return asWritten;
  return { name: [...first, ...last, ...(suffix ? [suffix] : [])].join(' '), title, writtenAs: raw };
}

/** Whether an email was sent from one of these addresses (the case's customer's on file): case and spaces aside. */
export function isFromAddress(sender: MailAddress | null, addresses: ReadonlyArray<string | undefined>): boolean {
  const from = sender?.address.trim().toLowerCase();
  return !!from && addresses.some((a) => a?.trim().toLowerCase() === from);
}

/** A text cut at a word to at most `max` characters, with "…" when cut. */
function clipAtWord(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone (an IANA name such as Europe/London). */
export function dateInZone(instant: string, timeZone: string): string | null {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) return null;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(t))
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Text without the characters no field may hold (invisible controls; line breaks in a one-line field). */
export function withoutForbiddenCharacters(text: string, lines: TextLines): string {
  let out = text;
  for (let found = findForbiddenCharacter(out, lines); found; found = findForbiddenCharacter(out, lines)) {
    const width = found.codePoint > 0xffff ? 2 : 1;
    out = out.slice(0, found.index) + (found.kind === 'line-break' ? ' ' : '') + out.slice(found.index + width);
  }
  return out;
}

/** A line where what follows is no longer the customer's new words. */
const CUT_LINE = [
  /^-- ?$/, // the signature delimiter (RFC 3676)
  /^_{10,}$/, // Outlook's line above a quoted message
  /^-{3,}\s*(Original Message|Forwarded message|Message d'origine|Ursprüngliche Nachricht)\s*-{3,}$/i,
  /^(Begin forwarded message|Début du message réexpédié)\s*:?$/i,
  /^On .{4,200} wrote:$/, // Gmail, Apple Mail, Thunderbird
  /^Le .{4,200} a écrit\s?:$/,
  /^>/, // a quoted line
  /^Sent from my \w+/i,
  /^(Get|Download) Outlook for /i,
  /^(Kind|Best|Warm|With best)? ?regards,?$/i,
  /^(Yours (sincerely|faithfully|truly)|Many thanks|Thanks|Thank you|Best wishes|Cordialement|Bien à vous),?$/i,
];
/** Outlook's quoted header block: "From: …" followed by "Sent: …" (or "Date: …"). */
const QUOTED_HEADER = /^(From|De)\s*:/i;
const QUOTED_HEADER_NEXT = /^(Sent|Date|Envoyé)\s*:/i;

/** The customer's own words at the top of a body: up to the first quoted reply, forwarded message or sign-off. */
export function newWords(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (CUT_LINE.some((re) => re.test(line))) break;
    if (QUOTED_HEADER.test(line) && QUOTED_HEADER_NEXT.test((lines[i + 1] ?? '').trim())) break;
    kept.push(lines[i].trimEnd());
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The body's first paragraphs, whole, up to `max` characters (the first one cut at a word if it alone is longer). */
export function firstParagraphs(text: string, max: number): string {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  let out = '';
  for (const p of paragraphs) {
    const next = out ? `${out}\n\n${p}` : p;
    if (next.length <= max) {
      out = next;
      continue;
    }
    if (!out) out = `${p.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
    break;
  }
  return out;
}

/**
 * The day an email was received, for the intake: the day it was sent, where the desk is. An email not dated (or
 * dated unreadably), or dated after the desk's today (a wrong clock somewhere), is taken as received today, and
 * `fromEmail` is false so the form can say so.
 */
export function emailReceivedOn(
  email: Pick<ParsedEmail, 'date'>,
  desk: { today: string; timeZone: string },
): { receivedOn: string; fromEmail: boolean } {
  const sent = email.date ? dateInZone(email.date, desk.timeZone) : null;
  return sent && sent <= desk.today
    ? { receivedOn: sent, fromEmail: true }
    : { receivedOn: desk.today, fromEmail: false };
}

/**
 * The intake fields an email fills in, for a desk whose date is `today` in `timeZone`; `nameWrittenAs`: the sender's
 * name as written when it was turned round ("Smith, John (Mr)"), for the form to say so.
 */
export function intakeFromEmail(
  email: ParsedEmail,
  desk: { today: string; timeZone: string },
): EmailIntakeFields & { nameWrittenAs?: string } {
  const { receivedOn } = emailReceivedOn(email, desk);
  const { name, title, writtenAs } = senderName(
    withoutForbiddenCharacters(email.from?.name ?? '', 'single-line').replace(/^["'\s]+|["'\s]+$/g, ''),
  );
  const address = email.from?.address ?? '';
  const subject = clipAtWord(
    withoutForbiddenCharacters(email.subject, 'single-line').trim(),
    EMAIL_SUMMARY_SUBJECT_CHARS,
  );
  const body = firstParagraphs(newWords(withoutForbiddenCharacters(email.text, 'multi-line')), EMAIL_SUMMARY_CHARS);
  const summary = [subject, body].filter(Boolean).join('\n\n').slice(0, STORED_LIMITS.summary);
  return {
    receivedOn,
    channel: 'email',
    customerName: name.slice(0, STORED_LIMITS.name),
    email: address.length <= STORED_LIMITS.email ? address : '',
    title,
    summary,
    ...(writtenAs ? { nameWrittenAs: writtenAs } : {}),
  };
}

const EMAIL_FIELDS = ['receivedOn', 'channel', 'customerName', 'email', 'title', 'summary'] as const;

/** The email fields of a form (its title may be absent). */
type FormEmailFields = Omit<EmailIntakeFields, 'title'> & { title?: string };

/**
 * An email's fields put into a form the handler may have started: a field still as the form began (empty, or today's
 * date), or still as an earlier email read into it (`previous`) filled it, takes the email's; what the handler typed
 * stays, and is listed (`kept`) where the email says something else, so the screen can say so. An email never wipes a
 * typed field; a field only the earlier email filled goes back to as the form began where this one has nothing for it
 * (explore39-letters #6: a second email kept the first one's sender, as if typed).
 */
export function fillFromEmail<T extends FormEmailFields>(
  current: T,
  untouched: FormEmailFields,
  fromEmail: EmailIntakeFields,
  previous?: EmailIntakeFields,
): { values: T; kept: Array<keyof EmailIntakeFields> } {
  const values = { ...current };
  const kept: Array<keyof EmailIntakeFields> = [];
  for (const field of EMAIL_FIELDS) {
    const now: string = (current[field] as string | undefined) ?? '';
    const before: string = untouched[field] ?? '';
    const fromPrevious = !!previous && previous[field] !== '' && now === previous[field] && now !== before;
    const typed = !fromPrevious && now.trim() !== '' && now !== before;
    const next = fromEmail[field] !== '' ? fromEmail[field] : fromPrevious ? before : now;
    if (next === now) continue;
    if (typed) kept.push(field);
    else (values as FormEmailFields)[field] = next;
  }
  return { values, kept };
}

/** The fields of a 'log-contact' entry for an email from the customer dropped on an existing case. */
export interface EmailContactInput {
  on: string;
  channel: 'email';
  direction: 'from-customer';
  summary: string;
}

/**
 * The words the summary adds to an email's subject: written by the desk, like the summary of a contact a person logs,
 * so in the language of the person dropping the email (a French desk's « (sans objet) »: explore33-team #4).
 */
export interface EmailContactWords {
  noSubject: string;
  /** When it was sent, for an email dated before the last entry: "(sent 2026-11-03)". */
  sent: (on: string) => string;
}

const CONTACT_WORDS_EN: EmailContactWords = { noSubject: '(no subject)', sent: (on) => `(sent ${on})` };

/**
 * The contact an email dropped on a case records (issue #18): from the customer, by email, its summary the subject,
 * dated the email's date in the desk's time zone. An undated email or one dated after the desk's today (a wrong clock)
 * is dated today; one sent before `notBefore` (the complaint's date received, or the last entry on the timeline: the
 * timeline only grows forward) is dated that day and its summary says when it was sent. The email is attached whole.
 */
export function contactFromEmail(
  email: Pick<ParsedEmail, 'subject' | 'date'>,
  desk: { today: string; timeZone: string; notBefore: string; words?: EmailContactWords },
): EmailContactInput {
  const words = desk.words ?? CONTACT_WORDS_EN;
  const sent = email.date ? dateInZone(email.date, desk.timeZone) : null;
  let on = sent && sent <= desk.today ? sent : desk.today;
  let summary = withoutForbiddenCharacters(email.subject, 'single-line').trim() || words.noSubject;
  if (on < desk.notBefore) {
    summary += ` ${words.sent(on)}`;
    on = desk.notBefore;
  }
  return { on, channel: 'email', direction: 'from-customer', summary: summary.slice(0, STORED_LIMITS.summary) };
}
