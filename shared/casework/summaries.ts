// The timeline entries' summaries (issue #17): the one home of their English words. An entry stores its summary in
// English (the desk's record, synced, exported, copied into subject-access bundles); `summaryPhrase` reads an entry's
// type and data back into a phrase (a kind and its values) so the interface can say it in its own language — only
// when the phrase's English is exactly the stored summary, so a screen never shows something the record does not say.
import {
  CALENDARS,
  type CalendarId,
  type CaseRecord,
  CATEGORIES,
  type Category,
  type Channel,
  CHANNELS,
  AUTHORITY_KINDS,
  type AuthorityKind,
  type Representative,
  type TimelineEvent,
} from '#shared/model/case';
import {
  type Currency,
  CURRENCIES,
  CUSTOMER_EDIT_FIELDS,
  CUSTOMER_FIELD_LABELS,
  type CustomerEditField,
  PAYMENT_KIND_LABELS,
  PAYMENT_KINDS,
  type PaymentKind,
} from './catalogue';
import { ATTACHMENT_KIND_LABELS, ATTACHMENT_KINDS, type AttachmentKind } from '#shared/model/attachment';
import { isIsoDate } from '#shared/model/dates';
import { codesOf } from '#shared/model/saying';
import { fillTemplate as fillEnglish } from '#shared/model/template';
import { CORRECTABLE_LABELS, type CorrectionNames, correctionNames, correctedValueText } from './corrections';
import { short, shortValue } from './short';

export const SUMMARIES_EN = {
  received: 'Complaint received by {how}; logged as {reference}',
  /** The first entry of a case imported from a CSV file (features/exchange/import.ts): the file and its row. */
  'received-imported': 'Complaint received by {how}; imported from {file} (row {row}); logged as {reference}',
  'contact-to': 'Contacted the customer by {channel}',
  'contact-from': 'The customer got in touch by {channel}',
  'update-sent': 'Update sent by {channel}',
  responded: 'Response sent by {channel}',
  acknowledged: 'Complaint acknowledged by {channel}',
  escalated: 'Escalated from {from} to {to}: {reason}',
  paused: 'Paused, waiting for the customer: {reason}',
  resumed: 'Resumed',
  'resolution-proposed': 'Resolution proposed by {channel}: {details}',
  'resolution-accepted': '{who} accepted the proposed resolution (by {channel})',
  'resolution-rejected': '{who} rejected the proposed resolution (by {channel})',
  resolved: 'Resolved: {details}',
  deadlock: 'Final position given (deadlock): {details}',
  closed: 'Case closed',
  'adr-letter-sent': 'ADR letter sent by {channel}',
  'adr-letter-sent-scheme': 'ADR letter sent by {channel} ({scheme})',
  'referred-to-adr': 'The customer referred the complaint to {scheme}',
  'referred-to-adr-reference': 'The customer referred the complaint to {scheme} (reference {reference})',
  'ccts-referral': 'CCTS referral received',
  'ccts-referral-reference': 'CCTS referral received (CCTS reference {reference})',
  'ccts-informed': 'Customer told about the CCTS by {channel}',
  'ccts-report': 'Report sent to the CCTS by {channel}',
  'ccts-report-portal': 'Report sent to the CCTS through its portal',
  reopened: 'Case reopened: {reason}',
  payment: '{kind} of {amount}: {reason}',
  'customer-edited': 'Customer’s details changed: {fields}',
  // i17c: letters, hand-overs, corrections, voids, vulnerability and attachments.
  'letter-issued': '{letter} issued ({file})',
  'letter-issued-edited': '{letter} issued ({file}; wording edited before issue)',
  'letter-issued-printed': '{letter} issued ({file}, printed for post in {printFile})',
  'letter-withdrawn': 'Letter withdrawn ({file}): {reason}',
  /** What issuing a letter also records (the letters screen, "Letters to post"): these entries keep no data. */
  'final-response-letter': 'Final response sent by letter',
  'adr-letter-after-weeks': 'ADR letter sent (unresolved after {weeks} weeks)',
  'adr-letter-final-position': 'ADR letter sent with our final position',
  assigned: 'Assigned to {to}',
  'handed-over': 'Handed over from {from} to {to}',
  corrected: 'Corrected {changes}: {reason}',
  voided: 'Voided “{entry}” of {on}: {reason}',
  'vulnerability-recorded': 'Vulnerability details recorded',
  'vulnerability-updated': 'Vulnerability details updated',
  'vulnerability-removed': 'Vulnerability details removed',
  'attachment-added': '{kind} attached: {file}',
  'attachment-added-note': '{kind} attached: {file} ({note})',
  'attachment-removed': 'Attachment removed: {file}. Reason: {reason}',
  'attachment-removed-deleted': 'Attachment removed: {file} (the file was deleted). Reason: {reason}',
  /** An entry's headline and the handler's details after it. */
  'with-details': '{headline}: {details}',
} as const;

/** The letters a case issues, by the kind its entry records (i17c). */
export const LETTER_NAMES = {
  acknowledgement: 'Acknowledgement letter',
  update: 'Update letter',
  'final-response': 'Final response',
  'adr-letter': 'ADR letter',
  'ccts-notice': 'CCTS notice',
  'summary-resolution': 'Summary resolution communication',
} as const;
export type LetterKind = keyof typeof LETTER_NAMES;
export const LETTER_KINDS = Object.keys(LETTER_NAMES) as LetterKind[];
const isLetterKind = (k: unknown): k is LetterKind => typeof k === 'string' && Object.hasOwn(LETTER_NAMES, k);

export type SummaryKind = keyof typeof SUMMARIES_EN;
export const SUMMARY_KINDS = codesOf(SUMMARIES_EN);

export type SummaryValue =
  | string
  /** How a case action was done: "email", "in person", "web form". */
  | { channel: Channel }
  /** How a complaint came in (the first entry): "email", "visit in person", "web". */
  | { receivedBy: Channel }
  /** An ADR scheme in a sentence: "the Communications Ombudsman", but "CISAS". */
  | { scheme: string }
  | { paymentKind: PaymentKind }
  | { money: { amount: number; currency: Currency } }
  /** The customer's details that changed, by field. */
  | { fields: readonly CustomerEditField[] }
  /** A letter by its kind: "Acknowledgement letter". */
  | { letterKind: LetterKind }
  | { attachmentKind: AttachmentKind }
  /** A correction's changes: "channel email → phone; summary … → …" (the values as the entry wrote them). */
  | { changes: ReadonlyArray<CorrectedChange> }
  /** Another entry's summary quoted (a void), cut short as the record quotes it. */
  | { quoted: SummaryPhrase }
  /** A day: YYYY-MM-DD in the record, the interface's own format on screen (m17b). */
  | { day: string }
  | SummaryPhrase;

/**
 * A corrected field's value (m17b): the record writes a channel, category or calendar by its code ("in-person"); the
 * interface names them in its language. Anything else (a day as YYYY-MM-DD, a name) is text as the entry wrote it.
 */
/** How much of the voided entry's summary a void quotes. */
export const VOID_QUOTE = 50;

export type CorrectedValue =
  | string
  | { channel: Channel }
  | { category: Category }
  | { calendar: CalendarId }
  /** A date received: YYYY-MM-DD in the record, the interface's own date format on screen. */
  | { day: string }
  /**
   * Who acts for the customer: "Ravi Shah (son), written consent (2026-12-05)" in the record (the name and the
   * relationship cut short), the authority and its day in the interface's words on screen.
   */
  | { representative: CorrectedRepresentative }
  | { none: true };

export interface CorrectedRepresentative {
  name: string;
  relationship: string;
  authority?: { kind: AuthorityKind; on: string };
}

export interface CorrectedChange {
  field: keyof typeof CORRECTABLE_LABELS;
  from: CorrectedValue;
  to: CorrectedValue;
}

/** A corrected value as the record writes it (correctedValueText's words): the code, the day, "(none)". */
export function correctedValueInEnglish(v: CorrectedValue): string {
  if (typeof v === 'string') return v;
  if ('channel' in v) return v.channel;
  if ('category' in v) return v.category;
  if ('calendar' in v) return v.calendar;
  if ('day' in v) return v.day;
  if ('representative' in v) return correctedValueText('representative', v.representative);
  return '(none)';
}

/** How long a corrected value may be in the headline: a procedure by its whole name, the rest cut shorter. */
const CORRECTED_VALUE_MAX = 40;
const PROCEDURE_NAME_MAX = 60;

/**
 * A corrected field's value as data, when the field's value is a code, a day or a representative; else its words, cut
 * short between brackets (shortValue). `names`: the correction's (correctionNames).
 */
export function correctedValue(
  field: keyof typeof CORRECTABLE_LABELS,
  value: unknown,
  names?: CorrectionNames,
): CorrectedValue {
  const words = correctedValueText(field, value, names);
  if (words === '(none)') return { none: true } as const;
  if (typeof value === 'string') {
    if (field === 'receivedOn' && isIsoDate(value)) return { day: value };
    if (field === 'channel' && (CHANNELS as readonly string[]).includes(value)) return { channel: value as Channel };
    if (field === 'category' && (CATEGORIES as readonly string[]).includes(value))
      return { category: value as Category };
    if (field === 'calendar' && (CALENDARS as readonly string[]).includes(value))
      return { calendar: value as CalendarId };
  }
  if (field === 'representative' && value && typeof value === 'object') {
    const { name, relationship, authority } = value as Representative;
    const valid =
      !authority || ((AUTHORITY_KINDS as readonly unknown[]).includes(authority.kind) && isIsoDate(authority.on));
    if (typeof name === 'string' && typeof relationship === 'string' && valid)
      return {
        representative: {
          name: shortValue(name, 30),
          relationship: shortValue(relationship, 20),
          ...(authority ? { authority: { kind: authority.kind, on: authority.on } } : {}),
        },
      };
  }
  return shortValue(words, field === 'procedureId' ? PROCEDURE_NAME_MAX : CORRECTED_VALUE_MAX);
}

/**
 * A corrected value as older entries wrote it, before a procedure was named and a cut kept brackets whole: a
 * procedure by its id, every value not a code or a day cut at 40 characters wherever that fell (so those entries are
 * still read back, and said in French).
 */
function correctedValueBefore(field: keyof typeof CORRECTABLE_LABELS, value: unknown, names?: CorrectionNames) {
  const now = correctedValue(field, value, names);
  if (typeof now !== 'string' && !('representative' in now)) return now;
  const words = field === 'procedureId' && typeof value === 'string' ? value : correctedValueText(field, value, names);
  return short(words, 40);
}

export interface SummaryPhrase {
  kind: SummaryKind;
  values?: Readonly<Record<string, SummaryValue>>;
}

export const channelWords = (c: Channel) => (c === 'in-person' ? 'in person' : c === 'web' ? 'web form' : c);

/** "the Communications Ombudsman", but "CISAS": an acronym takes no article. */
export function schemeInSentence(name: string): string {
  const first = name.split(/[\s(]/)[0];
  return first.length > 1 && first === first.toUpperCase() ? name : `the ${name}`;
}

export function currencyText(amount: number, currency: Currency): string {
  return new Intl.NumberFormat(currency === 'CAD' ? 'en-CA' : 'en-GB', { style: 'currency', currency }).format(amount);
}

function valueInEnglish(v: SummaryValue): string {
  if (typeof v === 'string') return v;
  if ('kind' in v) return summaryInEnglish(v);
  if ('quoted' in v) return short(summaryInEnglish(v.quoted), VOID_QUOTE);
  if ('day' in v) return v.day;
  if ('channel' in v) return channelWords(v.channel);
  if ('receivedBy' in v) return v.receivedBy === 'in-person' ? 'visit in person' : channelWords(v.receivedBy);
  if ('scheme' in v) return schemeInSentence(v.scheme);
  if ('paymentKind' in v) return PAYMENT_KIND_LABELS[v.paymentKind];
  if ('money' in v) return currencyText(v.money.amount, v.money.currency);
  if ('letterKind' in v) return LETTER_NAMES[v.letterKind];
  if ('attachmentKind' in v) return ATTACHMENT_KIND_LABELS[v.attachmentKind];
  if ('changes' in v)
    return v.changes
      .map(
        (c) =>
          `${CORRECTABLE_LABELS[c.field].toLowerCase()} ${correctedValueInEnglish(c.from)} → ${correctedValueInEnglish(c.to)}`,
      )
      .join('; ');
  return v.fields.map((f) => CUSTOMER_FIELD_LABELS[f].toLowerCase()).join(', ');
}

export function summaryInEnglish(p: SummaryPhrase): string {
  const values = p.values ?? {};
  return fillEnglish(SUMMARIES_EN[p.kind], (name) => (values[name] === undefined ? '' : valueInEnglish(values[name])));
}

/** A headline, with the handler's details after it when there are any. */
export function withDetails(headline: SummaryPhrase, details: string | undefined): SummaryPhrase {
  return details ? { kind: 'with-details', values: { headline, details } } : headline;
}

/** "Report sent to the CCTS through its portal", "… by email", with the handler's summary after it; null for no route. */
export function cctsReportPhrase(sentBy: unknown, details: string | undefined): SummaryPhrase | null {
  if (sentBy === 'ccts-portal') return withDetails({ kind: 'ccts-report-portal' }, details);
  if (sentBy !== 'email' && sentBy !== 'letter' && sentBy !== 'phone') return null;
  return withDetails({ kind: 'ccts-report', values: { channel: { channel: sentBy } } }, details);
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** What an entry's summary may be read with: the case (the first entry) and its procedure (stage names). */
export interface SummaryContext {
  record?: Pick<CaseRecord, 'channel' | 'reference'>;
  procedure?: { stages: ReadonlyArray<{ id: string; name: string }> } | null;
  /** The case's entries: a void quotes the entry it voids, said again from that entry's data. */
  events?: readonly TimelineEvent[];
}

/**
 * The part of a stored summary between a prefix and a suffix: a file name the entry's data does not keep (a print
 * file's, an older removal's). Only a value: the phrase built with it must still say exactly the stored summary.
 */
function between(summary: string, prefix: string, suffix: string): string | undefined {
  return summary.startsWith(prefix) && summary.endsWith(suffix) && summary.length > prefix.length + suffix.length
    ? summary.slice(prefix.length, summary.length - suffix.length)
    : undefined;
}

/** The phrases an entry of a kind with several wordings may be: the one that says the stored summary is chosen. */
function firstSaying(summary: string, phrases: ReadonlyArray<SummaryPhrase | null>): SummaryPhrase | null {
  return phrases.find((p) => p !== null && summaryInEnglish(p) === summary) ?? null;
}

/** The first entry of a case imported from row `row` of the file `file` (features/exchange/import.ts writes it). */
export function receivedImported(channel: Channel, file: string, row: number, reference: string): SummaryPhrase {
  return { kind: 'received-imported', values: { how: { receivedBy: channel }, file, row: String(row), reference } };
}

/** What an entry's type and data say, as a phrase; null when they do not say all of it. */
function phraseFromData(event: TimelineEvent, context: SummaryContext): SummaryPhrase | null {
  const { record, procedure } = context;
  const d = event.data ?? {};
  const channel = text(d.channel) as Channel | undefined;
  const details = text(d.details);
  const reason = text(d.reason);
  const by = (kind: SummaryKind): SummaryPhrase | null =>
    channel ? withDetails({ kind, values: { channel: { channel } } }, details) : null;
  // Issuing a letter records its acknowledgement, update, response or notice with no data: "… by letter".
  const byLetter = (kind: SummaryKind): SummaryPhrase | null =>
    event.data === undefined ? { kind, values: { channel: { channel: 'letter' } } } : null;
  switch (event.type) {
    case 'received': {
      if (!record) return null;
      // Imported from a file (its name may hold anything, so it is read from the stored words, then checked whole).
      const imported = /; imported from (.*) \(row (\d+)\); logged as [^;]*$/.exec(storedSummary(event));
      const received = (c: Channel): SummaryPhrase =>
        imported
          ? receivedImported(c, imported[1], Number(imported[2]), record.reference)
          : { kind: 'received', values: { how: { receivedBy: c }, reference: record.reference } };
      // The case's channel, or (m17b) the one it was received by before a correction changed it.
      return firstSaying(
        storedSummary(event),
        [record.channel, ...CHANNELS.filter((c) => c !== record.channel)].map(received),
      );
    }
    case 'contact':
      return by(d.direction === 'to-customer' ? 'contact-to' : 'contact-from');
    case 'update-sent':
    case 'acknowledged':
    case 'ccts-informed':
      return by(event.type) ?? byLetter(event.type);
    case 'responded':
      return by(event.type) ?? (event.data === undefined ? { kind: 'final-response-letter' } : null);
    case 'escalated': {
      const name = (id: unknown) => procedure?.stages.find((st) => st.id === id)?.name;
      const from = name(d.fromStage);
      const to = name(d.stage);
      return from && to && reason ? { kind: 'escalated', values: { from, to, reason } } : null;
    }
    case 'paused':
      return reason ? { kind: 'paused', values: { reason } } : null;
    case 'resumed':
    case 'closed':
      return withDetails({ kind: event.type }, details);
    case 'resolution-proposed':
      return channel && details ? { kind: event.type, values: { channel: { channel }, details } } : null;
    case 'resolution-accepted':
    case 'resolution-rejected': {
      const who = text(d.who);
      return channel && who ? withDetails({ kind: event.type, values: { who, channel: { channel } } }, details) : null;
    }
    case 'resolved':
    case 'deadlock':
      return details ? { kind: event.type, values: { details } } : null;
    case 'adr-letter-sent': {
      const scheme = text(d.scheme);
      if (event.data === undefined) {
        const weeks = between(event.summary, 'ADR letter sent (unresolved after ', ' weeks)');
        return firstSaying(event.summary, [
          { kind: 'adr-letter-final-position' },
          weeks && /^\d+$/.test(weeks) ? { kind: 'adr-letter-after-weeks', values: { weeks } } : null,
        ]);
      }
      if (!channel) return null;
      return withDetails(
        scheme
          ? { kind: 'adr-letter-sent-scheme', values: { channel: { channel }, scheme } }
          : { kind: 'adr-letter-sent', values: { channel: { channel } } },
        details,
      );
    }
    case 'referred-to-adr': {
      const scheme = text(d.scheme);
      const reference = text(d.reference);
      if (!scheme) return null;
      return withDetails(
        reference
          ? { kind: 'referred-to-adr-reference', values: { scheme: { scheme }, reference } }
          : { kind: 'referred-to-adr', values: { scheme: { scheme } } },
        details,
      );
    }
    case 'ccts-referral': {
      const reference = text(d.reference);
      return withDetails(
        reference ? { kind: 'ccts-referral-reference', values: { reference } } : { kind: 'ccts-referral' },
        details,
      );
    }
    case 'ccts-report':
      return cctsReportPhrase(d.sentBy, details);
    case 'reopened':
      return reason ? { kind: 'reopened', values: { reason } } : null;
    case 'compensation': {
      const kind = d.kind as PaymentKind;
      const currency = d.currency as Currency;
      if (!PAYMENT_KINDS.includes(kind) || typeof d.amount !== 'number' || !CURRENCIES.includes(currency)) return null;
      if (!reason) return null;
      return {
        kind: 'payment',
        values: { kind: { paymentKind: kind }, amount: { money: { amount: d.amount, currency } }, reason },
      };
    }
    case 'customer-edited': {
      const changed = Array.isArray(d.changed) ? (d.changed as unknown[]) : [];
      if (changed.length === 0 || !changed.every((f) => (CUSTOMER_EDIT_FIELDS as readonly unknown[]).includes(f)))
        return null;
      return withDetails(
        { kind: 'customer-edited', values: { fields: { fields: changed as CustomerEditField[] } } },
        details,
      );
    }
    case 'letter-issued': {
      const kind = d.kind;
      const file = text(d.fileName);
      if (!isLetterKind(kind) || !file) return null;
      const values = { letter: { letterKind: kind }, file };
      const english = LETTER_NAMES[kind];
      const printFile = between(event.summary, `${english} issued (${file}, printed for post in `, ')');
      return firstSaying(event.summary, [
        { kind: 'letter-issued', values },
        { kind: 'letter-issued-edited', values },
        printFile ? { kind: 'letter-issued-printed', values: { ...values, printFile } } : null,
      ]);
    }
    case 'letter-withdrawn': {
      const file = text(d.fileName);
      return file && reason ? { kind: 'letter-withdrawn', values: { file, reason } } : null;
    }
    case 'reassigned': {
      const from = text(d.from);
      const to = text(d.to);
      if (!to) return null;
      return withDetails(
        from ? { kind: 'handed-over', values: { from, to } } : { kind: 'assigned', values: { to } },
        reason,
      );
    }
    case 'corrected': {
      const changed = Array.isArray(d.changed) ? (d.changed as unknown[]) : [];
      const before = (d.before ?? {}) as Record<string, unknown>;
      const after = (d.after ?? {}) as Record<string, unknown>;
      const names = correctionNames(d);
      if (!reason || changed.length === 0 || !changed.every((f) => typeof f === 'string' && f in CORRECTABLE_LABELS))
        return null;
      const fields = changed as Array<keyof typeof CORRECTABLE_LABELS>;
      const phrase = (value: typeof correctedValue): SummaryPhrase => ({
        kind: 'corrected',
        values: {
          changes: {
            changes: fields.map((field) => ({
              field,
              from: value(field, before[field], names),
              to: value(field, after[field], names),
            })),
          },
          reason,
        },
      });
      return firstSaying(event.summary, [phrase(correctedValue), phrase(correctedValueBefore)]);
    }
    case 'voided': {
      // The voided entry's summary is quoted as it was written: the part between the quotes, kept as a value.
      const on = text(d.entryOn);
      if (!on || !reason) return null;
      const quoted = between(event.summary, 'Voided “', `” of ${on}: ${reason}`);
      if (!quoted) return null;
      // The voided entry said again from its own data (in the reader's language), when that says what was quoted.
      const voided = context.events?.find((e) => e.id === d.entryId && e.type !== 'voided');
      const said = voided ? summaryPhrase(voided, context) : null;
      const entry = said && short(summaryInEnglish(said), VOID_QUOTE) === quoted ? { quoted: said } : quoted;
      return { kind: 'voided', values: { entry, on: { day: on }, reason } };
    }
    case 'vulnerability': {
      const change = d.change;
      return change === 'recorded' || change === 'updated' || change === 'removed'
        ? { kind: `vulnerability-${change}` }
        : null;
    }
    case 'attachment-added': {
      const kind = d.kind as AttachmentKind;
      const file = text(d.fileName);
      const note = text(d.note);
      if (!ATTACHMENT_KINDS.includes(kind) || !file) return null;
      const values = { kind: { attachmentKind: kind }, file };
      return note
        ? { kind: 'attachment-added-note', values: { ...values, note } }
        : { kind: 'attachment-added', values };
    }
    case 'attachment-removed': {
      if (!reason) return null;
      const deleted = d.fileDeleted === true;
      const file =
        text(d.fileName) ??
        between(
          event.summary,
          'Attachment removed: ',
          `${deleted ? ' (the file was deleted)' : ''}. Reason: ${reason}`,
        );
      return file
        ? { kind: deleted ? 'attachment-removed-deleted' : 'attachment-removed', values: { file, reason } }
        : null;
    }
    default:
      return null;
  }
}

/**
 * An entry's summary as a phrase the interface can say in its language, or null (shown as stored): only when the
 * phrase's English is exactly the stored summary. The case gives the first entry its channel and reference, the
 * procedure an escalation its stages' names.
 */
export function summaryPhrase(event: TimelineEvent, context: SummaryContext = {}): SummaryPhrase | null {
  const p = phraseFromData(event, context);
  return p && summaryInEnglish(p) === storedSummary(event) ? p : null;
}

/** An entry's stored summary in today's words: a first entry written before December 2026 said "by web" for a web form. */
function storedSummary(event: TimelineEvent): string {
  return event.type === 'received'
    ? event.summary.replace(/^Complaint received by web;/, 'Complaint received by web form;')
    : event.summary;
}
