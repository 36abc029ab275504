// Anonymising a case (issue #7, UK GDPR / PIPEDA): remove everything that says who the customer is or what they
// told us, keep what reports count. Pure: the case and its timeline in, their anonymised copies out.
//
// Built as an ALLOW-list: a field is kept only when it is named below as kept, so a field added to the model later is
// removed until someone decides otherwise (the `CASE_FIELDS` map must name every field of `CaseRecord`, so adding a
// field without deciding breaks the typecheck).
import type { AttachmentRow, BlobLike } from '#shared/model/attachment';
import type { CaseRecord, TimelineEvent, TimelineType } from '#shared/model/case';
import { ANONYMISED_NAME, CASE_FIELDS } from '#shared/model/personal-data';
import { LETTER_NAMES } from '#shared/casework/summaries';

export { ANONYMISED_NAME, CASE_FIELDS } from '#shared/model/personal-data';

/**
 * Keys of a timeline event's `data` that are kept: how and at which stage something happened, a payment's kind,
 * amount and currency, the letter's kind, the ADR scheme's name, and the staff a case was handed between. Everything
 * else (notes, reasons, who accepted, scheme references, customer details before and after an edit, letter file
 * names and checksums) is removed.
 */
export const KEPT_EVENT_DATA = new Set([
  'channel',
  'direction',
  'atStage',
  'stage',
  'fromStage',
  'kind',
  'amount',
  'currency',
  'scheme',
  'from',
  'to',
  // A void names the entry it cancels, so reports still leave that entry out (its reason is removed).
  'entryId',
  'entryType',
  'entryOn',
]);

const PAYMENT_LABELS: Record<string, string> = { compensation: 'Compensation', goodwill: 'Goodwill payment' };
/** The letters by kind (one home: the timeline's summaries name them the same way). */
const LETTER_LABELS: Readonly<Record<string, string>> = LETTER_NAMES;

/** The timeline entry's headline once its text is gone: the kind of entry, never anything the customer or a handler wrote. */
const NEUTRAL_SUMMARIES: Record<TimelineType, string> = {
  received: 'Complaint received',
  acknowledged: 'Complaint acknowledged',
  contact: 'Contact with the customer',
  'update-sent': 'Update sent',
  responded: 'Response sent',
  escalated: 'Escalated to the next stage',
  paused: 'Paused, waiting for the customer',
  resumed: 'Resumed',
  'resolution-proposed': 'Resolution proposed',
  'resolution-accepted': 'Proposed resolution accepted',
  'resolution-rejected': 'Proposed resolution rejected',
  resolved: 'Resolved',
  deadlock: 'Final position given (deadlock)',
  'adr-letter-sent': 'ADR letter sent',
  'referred-to-adr': 'Referred to ADR',
  'ccts-referral': 'CCTS referral received',
  'ccts-informed': 'Customer told about the CCTS',
  'ccts-report': 'Report sent to the CCTS',
  closed: 'Case closed',
  note: 'Note',
  'letter-issued': 'Letter issued',
  compensation: 'Payment',
  'customer-edited': 'Customer’s details changed',
  reassigned: 'Handed to another handler',
  vulnerability: 'Vulnerability details changed',
  corrected: "The complaint's facts were corrected",
  voided: 'An entry was voided',
  reopened: 'Case reopened',
  'letter-withdrawn': 'Letter withdrawn',
  'attachment-added': 'File attached',
  'attachment-removed': 'Attachment removed',
};

const CHANNEL_WORDS: Record<string, string> = {
  phone: 'phone',
  email: 'email',
  web: 'web form',
  letter: 'letter',
  'in-person': 'in person',
  chat: 'chat',
};

function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(currency === 'CAD' ? 'en-CA' : 'en-GB', { style: 'currency', currency }).format(
      amount,
    );
  } catch {
    return `${amount} ${currency}`;
  }
}

/** The headline of an anonymised entry, from its type and the data that is kept. */
export function neutralSummary(type: string, data: Record<string, unknown> | undefined): string {
  const base = (NEUTRAL_SUMMARIES as Record<string, string>)[type] ?? `Timeline entry (${type})`;
  const d = data ?? {};
  if (type === 'compensation' && typeof d.amount === 'number' && typeof d.currency === 'string') {
    return `${PAYMENT_LABELS[String(d.kind)] ?? 'Payment'} of ${money(d.amount, d.currency)}`;
  }
  if (type === 'letter-issued' && typeof d.kind === 'string') return `${LETTER_LABELS[d.kind] ?? 'Letter'} issued`;
  if (type === 'letter-withdrawn' && typeof d.kind === 'string')
    return `${LETTER_LABELS[d.kind] ?? 'Letter'} withdrawn`;
  if (type === 'reassigned' && typeof d.to === 'string')
    return typeof d.from === 'string' && d.from ? `Handed over from ${d.from} to ${d.to}` : `Assigned to ${d.to}`;
  if (typeof d.channel === 'string' && CHANNEL_WORDS[d.channel] && type !== 'received')
    return `${base} (by ${CHANNEL_WORDS[d.channel]})`;
  return base;
}

export interface AnonymiseOptions {
  /** The day it is done (YYYY-MM-DD): becomes `anonymisedOn` unless the case was anonymised before. */
  on: string;
  /** When it is done (ISO timestamp): the case's new `updatedAt`. */
  at: string;
}

export interface AnonymisedCase {
  record: CaseRecord;
  events: TimelineEvent[];
}

/**
 * Whether the customer was a business and how many people it employs: not who they are, but what decides whether the
 * ADR clocks applied, so reports count the case the same way after anonymising.
 */
function businessSize(
  customer: CaseRecord['customer'] | undefined,
): Pick<CaseRecord['customer'], 'isBusiness' | 'employees'> {
  if (customer?.isBusiness !== true) return {};
  return typeof customer.employees === 'number'
    ? { isBusiness: true, employees: customer.employees }
    : { isBusiness: true };
}

/** The case with its personal data removed (see `CASE_FIELDS`). Anonymising twice gives the same result. */
export function anonymiseRecord(record: CaseRecord, options: AnonymiseOptions): CaseRecord {
  const kept: Record<string, unknown> = {};
  for (const [key, policy] of Object.entries(CASE_FIELDS)) {
    if (policy === 'keep' && key in record && (record as unknown as Record<string, unknown>)[key] !== undefined) {
      kept[key] = (record as unknown as Record<string, unknown>)[key];
    }
  }
  return {
    ...(kept as unknown as CaseRecord),
    customer: { name: ANONYMISED_NAME, ...businessSize(record.customer) },
    summary: '',
    updatedAt: options.at,
    anonymisedOn: record.anonymisedOn ?? options.on,
  };
}

/** A timeline entry with its text and personal details removed; its type, dates, author and stage kept. */
export function anonymiseEvent(event: TimelineEvent): TimelineEvent {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event.data ?? {})) {
    if (KEPT_EVENT_DATA.has(key) && (typeof value === 'string' || typeof value === 'number' || value === null))
      data[key] = value;
  }
  const out: TimelineEvent = {
    id: event.id,
    caseId: event.caseId,
    type: event.type,
    on: event.on,
    at: event.at,
    by: event.by,
    summary: neutralSummary(event.type, data),
  };
  if (Object.keys(data).length > 0) out.data = data;
  return out;
}

/** The case and its timeline anonymised. Letters are not here: their stored PDFs are deleted by the caller. */
export function anonymiseCase(
  record: CaseRecord,
  events: readonly TimelineEvent[],
  options: AnonymiseOptions,
): AnonymisedCase {
  return { record: anonymiseRecord(record, options), events: events.map(anonymiseEvent) };
}

/** In plain words, what anonymising this case removes: for the preview before a retention run or an erasure. */
export function describeRemoval(record: CaseRecord, events: readonly TimelineEvent[], letterCount: number): string[] {
  const out: string[] = [];
  const c = record.customer;
  if (c.name && c.name !== ANONYMISED_NAME) out.push('name');
  if (c.address) out.push('postal address');
  if (c.phone) out.push('phone');
  if (c.email) out.push('email');
  if (c.accountNumber) out.push('account number');
  if (record.representative) out.push('representative');
  if (record.communication) out.push('communication needs');
  if (record.vulnerability) out.push('vulnerability details');
  if (record.summary) out.push('summary');
  const changed = events.filter((e) => JSON.stringify(anonymiseEvent(e)) !== JSON.stringify(e)).length;
  if (changed > 0) out.push(`text of ${changed} timeline ${changed === 1 ? 'entry' : 'entries'}`);
  if (letterCount > 0) out.push(`${letterCount} ${letterCount === 1 ? 'letter' : 'letters'} (PDF)`);
  return out;
}

/** The name an erased attachment keeps (a file name can name the customer: "Jane Smith bank statement.pdf"). */
export const ERASED_FILE_NAME = 'erased';

/**
 * An attachment of an anonymised case: its bytes, name and note deleted (each can hold personal data: the file is the
 * customer's letter, its name and note may name them); the row stays, removed with its file deleted, keeping only
 * what says a file was held and destroyed: id, case, kind, type, size, when and by whom (a handler) it was added, and
 * its SHA-256. The checksum stays because it reveals nothing of the file without the file, and it is what lets a
 * merge of an older backup or another desk's copy recognise the erased file by id and checksum and keep it erased
 * instead of bringing the bytes back (renderer/src/db/backup, the sharing bridge).
 */
export function anonymiseAttachment<Bytes extends BlobLike>(
  row: AttachmentRow<Bytes>,
  at: string,
): AttachmentRow<Bytes> {
  const { blob: _blob, ...kept } = row;
  return {
    ...kept,
    fileName: ERASED_FILE_NAME,
    note: '',
    deleted: {
      at,
      by: ANONYMISED_NAME,
      reason: 'Anonymised: the file was deleted with the case’s personal data',
      fileDeleted: true,
    },
  };
}

/** Whether an attachment still holds anything anonymisation deletes. */
export const attachmentNeedsErasing = (row: AttachmentRow<BlobLike>): boolean =>
  row.blob !== undefined || row.fileName !== ERASED_FILE_NAME || row.note !== '' || row.deleted?.fileDeleted !== true;
