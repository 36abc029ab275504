// Every sentence Redress puts in a letter, per language, with `{name}` placeholders, and how each language writes a
// date. Letter builders never hold wording of their own: they pick keys from here, so a new language is one new
// entry in LANGUAGES and a reviewer can read every word a customer will see in one file.
import { format } from 'date-fns';
import type { Locale } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import type { Channel } from '../model/case';

/** British English. The source language: its keys and placeholders are the contract every other language meets. */
const EN_GB = {
  // Letterhead, information block and footer
  'letterhead.phone': 'Phone {phone}',
  'letterhead.email': 'Email {email}',
  'info.ourReference': 'Our reference',
  'info.accountNumber': 'Your account number',
  'info.date': 'Date',
  'footer.reference': 'Our reference: {reference}',
  'footer.page': 'Page {page} of {pages}',

  // Greeting and sign-off (shared by every letter)
  'letter.salutation': 'Dear {name}',
  'letter.signOff': 'Yours sincerely',
  'letter.signatureRole': 'Complaints team, {companyName}',
  'letter.copyTo': 'cc: {customerName} (our customer)',

  // How a complaint reached us, as words that follow "by"/"through" naturally in a sentence
  'channel.phone': 'by phone',
  'channel.email': 'by email',
  'channel.web': 'through our website',
  'channel.letter': 'by letter',
  'channel.in-person': 'in person',
  'channel.chat': 'through online chat',

  // Acknowledgement letter
  'ack.title': 'Acknowledgement of complaint {reference}',
  'ack.heading.customer': 'We have received your complaint',
  'ack.heading.representative': 'We have received the complaint about {customerName}’s account',
  'ack.intro.customer': 'Thank you for telling us what went wrong. We are sorry you have had to complain.',
  'ack.intro.representative':
    'We are writing to you because you are acting for {customerName}. We are sending them a copy of this letter.',
  'ack.received.customer': 'We received your complaint {channel} on {receivedOn}.',
  'ack.received.representative': 'We received the complaint {channel} on {receivedOn}.',
  'ack.quoteReference': 'Your complaint reference is {reference}. Please quote it whenever you contact us about it.',

  'ack.next.heading': 'What happens next',
  'ack.next.handler': 'I am looking after the complaint.',
  'ack.next.procedure': 'We will deal with it under our {procedureName}.',
  'ack.next.replyBy':
    'We will reply to you by {firstResponseDueOn}. If we need more time, we will tell you why and when you can expect our reply.',
  'ack.next.replySoon': 'We will reply to you as soon as we can, and we will keep you informed.',
  'ack.next.addMore': 'If you have anything to add, or a question, contact us using the details at the top of this letter.',

  'ack.escalate.heading': 'If you are unhappy with how we are handling it',
  'ack.escalate.default': 'You can ask for a manager to review the complaint at any time. Just contact us.',

  'ack.adr.heading': 'Independent help, free of charge',
  'ack.adr.fromDate.scheme':
    'If the complaint is not resolved by {adrAvailableOn}, you can ask {schemeName} to look at it. You can do this sooner if we tell you in writing that we cannot do any more. {schemeName} is independent of us and free for you to use.',
  'ack.adr.fromDate.noScheme':
    'If the complaint is not resolved by {adrAvailableOn}, you can ask an independent ombudsman scheme to look at it, free of charge. You can do this sooner if we tell you in writing that we cannot do any more. We will write to you with the scheme’s details.',
  'ack.adr.now.scheme':
    'You can already ask {schemeName} to look at the complaint. {schemeName} is independent of us and free for you to use.',
  'ack.adr.now.noScheme':
    'You can already ask an independent ombudsman scheme to look at the complaint, free of charge. We will write to you with the scheme’s details.',
  'ack.adr.noDate.scheme':
    'If we cannot resolve the complaint, we will write to tell you how to take it to {schemeName}, which is independent of us and free for you to use.',
  'ack.adr.noDate.noScheme':
    'If we cannot resolve the complaint, we will write to tell you how to take it to an independent ombudsman scheme, free of charge.',
  'ack.adr.contact': 'Website: {website}    Phone: {phone}',

  'ack.formats.heading': 'This letter in another format',
  'ack.formats.offer':
    'We can send you our letters in large print, in Braille or as audio. If you find it hard to hear or speak on the phone, you can call us through text relay: dial 18001 before our number. Just tell us what you need.',
} as const;

type SourceMessages = typeof EN_GB;
export type MessageKey = keyof SourceMessages;
/** Every language supplies every key. */
export type Messages = { readonly [K in MessageKey]: string };

/** The placeholder names used in a message template, worked out from the template text itself. */
export type PlaceholdersOf<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;
/** What a message needs filled in: `vars` must name every placeholder of the British English template. */
export type MessageVars<K extends MessageKey> = { readonly [P in PlaceholdersOf<SourceMessages[K]>]: string };

export interface LanguagePack {
  messages: Messages;
  /** date-fns locale used for month and weekday names. */
  locale: Locale;
  /** date-fns patterns: a date in words, and the same with the weekday (for deadlines). */
  datePattern: string;
  dateWithWeekdayPattern: string;
}

/**
 * The languages letters can be written in. English (Canada) and French (Canada) arrive here as entries of their own
 * (issue 5); `LetterLanguage` widens with them and the type checker then asks for every key.
 */
export const LANGUAGES = {
  'en-GB': {
    messages: EN_GB,
    locale: enGB,
    datePattern: 'd MMMM yyyy',
    dateWithWeekdayPattern: 'EEEE d MMMM yyyy',
  },
} as const satisfies Record<string, LanguagePack>;

export type LetterLanguage = keyof typeof LANGUAGES;
export const DEFAULT_LANGUAGE: LetterLanguage = 'en-GB';

export function languagePack(language: LetterLanguage): LanguagePack {
  const pack: LanguagePack | undefined = LANGUAGES[language];
  if (!pack) throw new Error(`Letters cannot yet be written in "${language}".`);
  return pack;
}

/** A piece of filled-in text; `placeholder` says which value it came from, so a layout can set it in bold. */
export interface MessagePart {
  text: string;
  placeholder?: string;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Fill a message, keeping filled-in values apart from the fixed words. Throws when a value is missing. */
export function messageParts<K extends MessageKey>(
  language: LetterLanguage,
  key: K,
  vars: MessageVars<K>,
): MessagePart[] {
  const template = languagePack(language).messages[key];
  const values = vars as Readonly<Record<string, string>>;
  const parts: MessagePart[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1];
    const value = values[name];
    if (typeof value !== 'string') {
      throw new Error(`Letter text "${key}" (${language}) needs a value for {${name}}.`);
    }
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    parts.push({ text: value, placeholder: name });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** Fill a message as plain text. */
export function message<K extends MessageKey>(language: LetterLanguage, key: K, vars: MessageVars<K>): string {
  return messageParts(language, key, vars)
    .map((part) => part.text)
    .join('');
}

/** The placeholder names a template uses (for checking that every language asks for the same values). */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/** "by letter", "through our website", … in the letter's language. */
export function channelInWords(language: LetterLanguage, channel: Channel): string {
  return message(language, `channel.${channel}`, {});
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Read a YYYY-MM-DD string as a calendar date. Built from its parts at local midnight and only ever formatted in
 * local time, so the day printed is the day written whatever the machine's time zone (`new Date('2026-11-18')` would
 * be UTC midnight, which is the 17th west of Greenwich).
 */
export function parseIsoDate(iso: string): Date {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`"${iso}" is not a date in the form YYYY-MM-DD.`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    throw new Error(`"${iso}" is not a real calendar date.`);
  }
  return date;
}

/** "21 November 2026" (en-GB). */
export function dateInWords(language: LetterLanguage, iso: string): string {
  const pack = languagePack(language);
  return format(parseIsoDate(iso), pack.datePattern, { locale: pack.locale });
}

/** "Saturday 21 November 2026" (en-GB): for a deadline, where the day of the week helps the reader. */
export function dateWithWeekdayInWords(language: LetterLanguage, iso: string): string {
  const pack = languagePack(language);
  return format(parseIsoDate(iso), pack.dateWithWeekdayPattern, { locale: pack.locale });
}
