// The case model: what Redress stores about a complaint. Pure data, no runtime dependencies beyond zod.
import type { Provider } from './provider';

export const CHANNELS = ['phone', 'email', 'web', 'letter', 'in-person', 'chat'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  phone: 'Phone',
  email: 'Email',
  web: 'Web form',
  letter: 'Letter',
  'in-person': 'In person',
  chat: 'Chat',
};

export const CATEGORIES = ['sales', 'billing', 'fault-repair', 'service', 'pricing', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  sales: 'Sales',
  billing: 'Billing',
  'fault-repair': 'Fault repair',
  service: 'Service',
  pricing: 'Pricing',
  other: 'Other',
};

export const CALENDARS = ['england-and-wales', 'scotland', 'northern-ireland', 'canada'] as const;
export type CalendarId = (typeof CALENDARS)[number];

export const CALENDAR_LABELS: Record<CalendarId, string> = {
  'england-and-wales': 'England & Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
  canada: 'Canada (federal)',
};

export interface PostalAddress {
  /** Street lines, town, county/province: one entry per printed line. */
  lines: string[];
  postcode: string;
}

/**
 * How the customer is addressed (issue #17): a title the desk recorded at intake, or none. Letters greet with it
 * ("Dear Ms Okafor," / "Madame,"); without one they use the full name ("Dear Amara Okafor,") or, in French,
 * "Madame, Monsieur,". Stored as a code, printed in the letter's language.
 */
export const CUSTOMER_TITLES = ['mr', 'mrs', 'ms', 'mx', 'dr'] as const;
export type CustomerTitle = (typeof CUSTOMER_TITLES)[number];
/** The desk's labels: the English title and its French equivalent. */
export const CUSTOMER_TITLE_LABELS: Record<CustomerTitle, string> = {
  mr: 'Mr (M.)',
  mrs: 'Mrs (Mme)',
  ms: 'Ms (Mme)',
  mx: 'Mx',
  dr: 'Dr',
};

export interface Customer {
  name: string;
  /** How to address them; absent when none was recorded (and on older cases). */
  title?: CustomerTitle;
  address?: PostalAddress;
  phone?: string;
  email?: string;
  accountNumber?: string;
  /**
   * The customer is a business (or not-for-profit), not an individual: Ofcom's complaints rules and the ADR schemes
   * cover only small ones (shared/rules regimes' `scope.maxEmployees`). Absent on individuals and on older cases.
   */
  isBusiness?: boolean;
  /** The business's number of employees (a whole number, 1 or more); absent when not known or not a business. */
  employees?: number;
}

export interface Representative {
  name: string;
  relationship: string;
  address?: PostalAddress;
  /** What shows they may act for the customer, and since when (recorded by a correction, issue #15). */
  authority?: RepresentativeAuthority;
}

/** What shows a representative may act for the customer. */
export const AUTHORITY_KINDS = ['written-consent', 'power-of-attorney', 'other'] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

export const AUTHORITY_LABELS: Record<AuthorityKind, string> = {
  'written-consent': 'Written consent seen',
  'power-of-attorney': 'Power of attorney',
  other: 'Other',
};

export interface RepresentativeAuthority {
  kind: AuthorityKind;
  /** The day the authority was seen or given (YYYY-MM-DD). */
  on: string;
  /** What it is, for `other` (or a note on the others). */
  details?: string;
}

export const LETTER_LANGUAGES = ['en-GB', 'en-CA', 'fr-CA'] as const;
export type LetterLanguageCode = (typeof LETTER_LANGUAGES)[number];

export const LETTER_LANGUAGE_LABELS: Record<LetterLanguageCode, string> = {
  'en-GB': 'English (UK)',
  'en-CA': 'English (Canada)',
  'fr-CA': 'French (Canada)',
};

/** How the customer wants to be written to. */
export interface CommunicationNeeds {
  language?: LetterLanguageCode;
  /** Letters in large print (at least 16 pt body text). */
  largePrint?: boolean;
  /** Letters by post even when the complaint came another way. */
  prefersPost?: boolean;
}

export type CaseStatus = 'open' | 'closed';

/**
 * Why vulnerability or health details are recorded. They are special-category data (UK GDPR Art. 9, PIPEDA's
 * sensitive information): recorded only with one of these reasons, and shown only where needed.
 */
export const VULNERABILITY_REASONS = [
  'reasonable-adjustments',
  'customer-asked',
  'fair-treatment',
  'safeguarding',
] as const;
export type VulnerabilityReason = (typeof VULNERABILITY_REASONS)[number];

export const VULNERABILITY_REASON_LABELS: Record<VulnerabilityReason, string> = {
  'reasonable-adjustments': 'Needed to make reasonable adjustments for them',
  'customer-asked': 'The customer asked us to record it',
  'fair-treatment': "Needed to treat them fairly as a customer in vulnerable circumstances (Ofcom's guidance)",
  safeguarding: 'Needed to protect them from harm (safeguarding)',
};

/** A customer's vulnerability or health details (issue #7): never in lists, search, exports or letters. */
export interface VulnerabilityRecord {
  details: string;
  reason: VulnerabilityReason;
  /** A few words more on the reason (optional). */
  note?: string;
  /** When and by whom the details were last recorded or changed. */
  recordedOn: string;
  recordedBy: string;
}

export interface CaseRecord {
  id: string;
  reference: string;
  receivedOn: string; // YYYY-MM-DD
  channel: Channel;
  customer: Customer;
  representative?: Representative;
  communication?: CommunicationNeeds;
  category: Category;
  summary: string;
  procedureId: string;
  calendar: CalendarId;
  /**
   * The provider (brand) the complaint is about (issue #16, model/provider.ts): its letterhead, language and ADR
   * scheme are the case's letters'. Absent on cases logged before providers existed: they follow the desk's first.
   */
  providerId?: string;
  /**
   * The id of the procedure stage the case is at, as its timeline last put it (the rules engine reads the stage from
   * the timeline; this is what stays readable when it cannot). A new case stores its procedure's first stage
   * (shared/rules `newCaseStageId`); '' (cases logged before that, or under a procedure the desk did not know) means
   * the first stage too (`recordedStageId`). Written only when the timeline moves the case to another stage.
   */
  stage: string;
  status: CaseStatus;
  assignee?: string;
  createdAt: string; // ISO timestamp
  updatedAt: string;
  /** Special-category data, recorded only with a reason (issue #7); absent when none is recorded. */
  vulnerability?: VulnerabilityRecord;
  /**
   * The day the case's personal data was removed (retention policy or erasure, shared/privacy): set once, never
   * cleared. An anonymised case keeps its reference, dates, category, channel, procedure, handler and the types and
   * dates of its timeline entries, so reports still count it.
   */
  anonymisedOn?: string;
}

/** Timeline event kinds recorded on a case (append-only). */
export const TIMELINE_TYPES = [
  'received',
  'acknowledged',
  'contact',
  'update-sent',
  'responded',
  'escalated',
  'paused',
  'resumed',
  'resolution-proposed',
  'resolution-accepted',
  'resolution-rejected',
  'resolved',
  'deadlock',
  'adr-letter-sent',
  'referred-to-adr',
  'ccts-referral',
  'ccts-informed',
  /** The provider's report back to the CCTS on a complaint it referred (REGULATION.md §2): `data.channel` says how. */
  'ccts-report',
  'closed',
  'note',
  'letter-issued',
  /** Compensation or a goodwill payment: `data` holds kind, amount, currency and reason. */
  'compensation',
  /** The customer's details were changed: `data.before` and `data.after` keep the old and the new values. */
  'customer-edited',
  /** The case was handed to another handler: `data.from` and `data.to` name them (features/people/assign.ts). */
  'reassigned',
  /** Vulnerability details recorded, updated or removed: `data.change` says which; the details are never on the timeline. */
  'vulnerability',
  /** The complaint's facts were corrected: `data.changed`, `data.before`, `data.after`, `data.reason` (casework/corrections.ts). */
  'corrected',
  /** A mistaken entry was voided: `data.entryId` names it, `data.reason` says why; the entry stays, the rules ignore it. */
  'voided',
  /** A closed or resolved case was reopened: `data.reason` says why (shared/rules/README.md, "Reopening"). */
  'reopened',
  /**
   * An issued letter was wrong: `data.letterId` names it, `data.reason` says why. The letter keeps its bytes and
   * checksum; this records that it was wrong, it does not recall a letter already posted or sent.
   */
  'letter-withdrawn',
  /** A file was kept on the case (model/attachment.ts): `data.attachmentId`, `fileName`, `kind`, `note`. */
  'attachment-added',
  /**
   * An attachment was removed: `data.attachmentId`, `data.reason`, `data.fileDeleted` (its bytes were deleted too). The
   * entry that added it stays; so does the attachment's row, marked removed.
   */
  'attachment-removed',
] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

export interface TimelineEvent {
  id: string;
  caseId: string;
  type: TimelineType;
  /** The calendar date the event counts from (YYYY-MM-DD). */
  on: string;
  /** When it was recorded (ISO timestamp). */
  at: string;
  by: string;
  summary: string;
  data?: Record<string, unknown>;
}

/**
 * THE order of a case's timeline, wherever it is read: the rules engine's facts (case page, case index written entry
 * by entry or rebuilt after a restore, reports, letters, exports), the actions' reading of the case and subject-access
 * copies. By the day an entry counts from (`on`), then by when it was recorded (`at`, as the app writes it: an ISO
 * instant in UTC). Entries recorded in the same moment are a letter and the step it records (the acknowledgement, the
 * ADR letter sent…: shared/model/letters-issued.ts `recordedBeside`): the letter comes first, then the step it stands
 * for, on every case (explore40-team #8e: by random id, one case read them one way and the next the other); then by
 * id, so they come in one order whatever order they were read in. Entries without `at` or `id` (reports' slim
 * entries) compare as equal there and keep the order given (the sort is stable).
 */
export function compareTimelineEvents(
  a: Pick<TimelineEvent, 'on'> & Partial<Pick<TimelineEvent, 'at' | 'id' | 'type'>>,
  b: Pick<TimelineEvent, 'on'> & Partial<Pick<TimelineEvent, 'at' | 'id' | 'type'>>,
): number {
  if (a.on !== b.on) return a.on < b.on ? -1 : 1;
  return compareRecorded(a, b);
}

/**
 * The order entries were recorded in: by `at`, a letter before the step it records in the same moment, then by id
 * (the second half of `compareTimelineEvents`; the order a timeline's row keeps, and the case page shows).
 */
export function compareRecorded(
  a: Partial<Pick<TimelineEvent, 'at' | 'id' | 'type'>>,
  b: Partial<Pick<TimelineEvent, 'at' | 'id' | 'type'>>,
): number {
  const at = a.at ?? '';
  const bt = b.at ?? '';
  if (at !== bt) return at < bt ? -1 : 1;
  const letter = a.type === 'letter-issued';
  if (at && letter !== (b.type === 'letter-issued')) return letter ? -1 : 1;
  const id = a.id ?? '';
  const bid = b.id ?? '';
  return id < bid ? -1 : id > bid ? 1 : 0;
}

/**
 * When an entry was recorded, as the computer that recorded it said: `at`, unless that had to be moved on to keep the
 * timeline's order after an earlier entry recorded "later" by a computer whose clock was ahead; `data.recordedAt` then
 * keeps the true moment (explore40-team #4: every later entry on the case read "recorded" at the fast clock's time).
 */
export function recordedMoment(e: Pick<TimelineEvent, 'at' | 'data'>): string {
  const kept = e.data?.recordedAt;
  return typeof kept === 'string' && kept ? kept : e.at;
}

/**
 * A case's new entries as they are recorded after `latest` (the latest `at` its timeline holds): moved on together,
 * their order and their pairs (a letter and its step) kept, so they come after every earlier entry even when this
 * computer's clock is behind that entry's (another desk's clock was ahead, or this one was put back: explore41-clocks
 * #2, a letter's entries listed before "Complaint received"); each moved one keeps its true moment in
 * `data.recordedAt` (`recordedMoment`). As they are when they come after it already.
 */
export function recordedAfter<T extends TimelineEvent>(latest: string, entries: readonly T[]): T[] {
  const first = entries.reduce<string | null>((m, e) => (m === null || e.at < m ? e.at : m), null);
  if (!latest || first === null || first > latest) return [...entries];
  const shift = Date.parse(latest) + 1 - Date.parse(first);
  if (!Number.isFinite(shift)) return [...entries];
  return entries.map((e) => ({
    ...e,
    at: new Date(Date.parse(e.at) + shift).toISOString(),
    data: { ...e.data, recordedAt: recordedMoment(e) },
  }));
}

/** A copy of a timeline in THE order (`compareTimelineEvents`). */
export function inTimelineOrder<
  T extends Pick<TimelineEvent, 'on'> & Partial<Pick<TimelineEvent, 'at' | 'id' | 'type'>>,
>(events: readonly T[]): T[] {
  return [...events].sort(compareTimelineEvents);
}

export interface CompanyDetails {
  name: string;
  addressLines: string[];
  postcode: string;
  phone?: string;
  email?: string;
}

export interface DeskSettings {
  deskPrefix: string;
  calendar: CalendarId;
  defaultProcedureId: string;
  company: CompanyDetails;
  handlerName: string;
  /** The company's logo for the letterhead: a PNG or JPEG `data:` URL (see model/settings.ts for the limits). */
  logoDataUrl?: string;
  /** The ADR scheme the desk's letters name; absent: the scheme of the case's procedure. */
  adrSchemeId?: string;
  /** When closed cases are anonymised (issue #7); absent: the default policy (shared/privacy/retention.ts). */
  retention?: RetentionPolicy;
  /**
   * The providers (brands) the desk handles (issue #16, model/provider.ts). Absent on settings saved before: the
   * first provider is then made from the letterhead, procedure and calendar above (`deskProviders`).
   */
  providers?: Provider[];
  /** The provider intake offers first. */
  defaultProviderId?: string;
}

/** The desk's retention policy: anonymise a case this many whole years after it closed. */
export interface RetentionPolicy {
  enabled: boolean;
  anonymiseAfterYears: number;
}
