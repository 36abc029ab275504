// The timeline entries' summaries (issue #17): the one home of their English words. An entry stores its summary in
// English (the desk's record, synced, exported, copied into subject-access bundles); `summaryPhrase` reads an entry's
// type and data back into a phrase (a kind and its values) so the interface can say it in its own language — only
// when the phrase's English is exactly the stored summary, so a screen never shows something the record does not say.
import type { CaseRecord, Channel, TimelineEvent } from '#shared/model/case';
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

export const SUMMARIES_EN = {
  received: 'Complaint received by {how}; logged as {reference}',
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
  reopened: 'Case reopened: {reason}',
  payment: '{kind} of {amount}: {reason}',
  'customer-edited': "Customer's details changed: {fields}",
  /** An entry's headline and the handler's details after it. */
  'with-details': '{headline}: {details}',
} as const;

export type SummaryKind = keyof typeof SUMMARIES_EN;
export const SUMMARY_KINDS = Object.keys(SUMMARIES_EN) as SummaryKind[];

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
  | SummaryPhrase;

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
  if ('channel' in v) return channelWords(v.channel);
  if ('receivedBy' in v) return v.receivedBy === 'in-person' ? 'visit in person' : v.receivedBy;
  if ('scheme' in v) return schemeInSentence(v.scheme);
  if ('paymentKind' in v) return PAYMENT_KIND_LABELS[v.paymentKind];
  if ('money' in v) return currencyText(v.money.amount, v.money.currency);
  return v.fields.map((f) => CUSTOMER_FIELD_LABELS[f].toLowerCase()).join(', ');
}

export function summaryInEnglish(p: SummaryPhrase): string {
  const values = p.values ?? {};
  return SUMMARIES_EN[p.kind].replace(/\{(\w+)\}/g, (_, name: string) =>
    values[name] === undefined ? '' : valueInEnglish(values[name]),
  );
}

/** A headline, with the handler's details after it when there are any. */
export function withDetails(headline: SummaryPhrase, details: string | undefined): SummaryPhrase {
  return details ? { kind: 'with-details', values: { headline, details } } : headline;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** What an entry's summary may be read with: the case (the first entry) and its procedure (stage names). */
export interface SummaryContext {
  record?: Pick<CaseRecord, 'channel' | 'reference'>;
  procedure?: { stages: ReadonlyArray<{ id: string; name: string }> } | null;
}

/** What an entry's type and data say, as a phrase; null when they do not say all of it. */
function phraseFromData(event: TimelineEvent, { record, procedure }: SummaryContext): SummaryPhrase | null {
  const d = event.data ?? {};
  const channel = text(d.channel) as Channel | undefined;
  const details = text(d.details);
  const reason = text(d.reason);
  const by = (kind: SummaryKind): SummaryPhrase | null =>
    channel ? withDetails({ kind, values: { channel: { channel } } }, details) : null;
  switch (event.type) {
    case 'received':
      return record
        ? { kind: 'received', values: { how: { receivedBy: record.channel }, reference: record.reference } }
        : null;
    case 'contact':
      return by(d.direction === 'to-customer' ? 'contact-to' : 'contact-from');
    case 'update-sent':
    case 'responded':
    case 'acknowledged':
    case 'ccts-informed':
      return by(event.type);
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
  return p && summaryInEnglish(p) === event.summary ? p : null;
}
