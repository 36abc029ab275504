// Public types of the rules engine (issue #3). `evaluateCase(facts, today)` in ./index.ts returns an Evaluation.
import type { CalendarId, Category, Channel } from '#shared/model/case';
import type { Explanation, Phrase, Reason } from './explain';

export type IsoDate = string; // YYYY-MM-DD

export const RULE_EVENT_TYPES = [
  'acknowledged',
  'responded',
  'escalated',
  'paused',
  'resumed',
  'resolution-proposed',
  'resolved',
  'deadlock',
  'adr-letter-sent',
  'referred-to-adr',
  'ccts-referral',
  'ccts-informed',
  'ccts-report',
  'closed',
] as const;
export type RuleEventType = (typeof RULE_EVENT_TYPES)[number];

export interface RuleEvent {
  type: RuleEventType;
  on: IsoDate;
  /** Stage id the case moved to (for `escalated`), or the stage the event belongs to. */
  stage?: string;
  /**
   * When the entry was recorded (ISO date-time). The provider's own stage targets follow the order of recording on a
   * day (a reply recorded before an escalation is a reply at the earlier stage); the regulatory clocks never do.
   * Optional: same-day events without it keep their place in `events`.
   */
  at?: string;
}

export interface CaseFacts {
  procedureId: string;
  calendar: CalendarId;
  receivedOn: IsoDate;
  channel: Channel;
  category?: Category;
  customer?: { isBusiness?: boolean; employees?: number };
  events: RuleEvent[];
  /**
   * The spells during which the complaint stood resolved before a reopening took the resolution back, in order: from
   * the day it was resolved until the day it was reopened. The ADR letter is owed only on a day the complaint is not
   * resolved, so one whose date fell in such a spell is owed from the reopening instead (explore41-clocks #3).
   */
  resolvedSpells?: readonly { from: IsoDate; until: IsoDate }[];
  /**
   * Further regimes that apply to this complaint besides the procedure's own, e.g. `uk-dpa-complaints` for a
   * complaint about the handling of personal data. Each is versioned by `receivedOn` like the main regime.
   */
  regimes?: string[];
  /** FCA DISP: the complaint is about payment services (15 business days instead of 8 weeks). */
  paymentServices?: boolean;
  /** FCA DISP payment services: exceptional circumstances apply (35 business days). */
  exceptionalCircumstances?: boolean;
}

/** How a period is counted (REGULATION.md §5): working days skip weekends and the calendar's bank holidays. */
export const DURATION_UNITS = ['working-days', 'days', 'weeks', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** A period such as "5 working days", "28 days", "6 weeks" or "12 months". `amount: 0` means "at once". */
export interface Duration {
  amount: number;
  unit: DurationUnit;
}

export type ClockId =
  | 'acknowledgement'
  | 'first-response'
  | 'stage-response'
  | 'adr-letter'
  | 'adr-referral-window'
  | 'ccts-response'
  | 'ccts-notice'
  | (string & {});

export type ClockState = 'running' | 'met' | 'missed' | 'not-applicable';

export interface Clock {
  id: ClockId;
  label: string;
  /** Null when the clock has no date (e.g. not applicable). */
  dueOn: IsoDate | null;
  state: ClockState;
  /** Plain words: start date, rule, calendar, pauses, rule version (English: the records, CSV, calendar files). */
  explanation: string;
  /** The same as phrases (./explain.ts), for the interface to say in its language. */
  explain: Explanation;
  /** `provider`: the provider's own target (pauses extend it); `regulation`: a regulatory clock (never pauses). */
  source: 'provider' | 'regulation';
  /** The rule and its version, e.g. "Ofcom GC C4 from 2026-04-08" or "Kijoma Broadband complaints procedure v1". */
  rule: string;
  /** The day the clock counts from, when it has started. */
  startsOn: IsoDate | null;
  /** The day of the event that ended the clock (met or missed), if any. */
  closedOn: IsoDate | null;
  /** Days the clock was stopped by pauses (provider targets only), in the clock's own unit. */
  pausedDays: number;
}

export interface NextAction {
  id: string;
  label: string;
  dueOn: IsoDate | null;
  /** Why it is due, in English. */
  why: string;
  /** The same as phrases, for the interface to say in its language. */
  reason: Reason;
}

export interface Evaluation {
  procedureId: string;
  /** The version of the procedure the case follows: the one in force on the day it was received. */
  procedureVersion: { version: number; label: string; effectiveFrom?: IsoDate };
  /** Current stage id of the procedure. */
  stage: string;
  /** Human name of the current stage. */
  stageName: string;
  /** 0 at the first stage; +1 for each stage up the procedure's internal escalation ladder. */
  escalationLevel: number;
  /** Derived from events: `closed` once closed, `resolved` once resolved, else `open`. */
  status: 'open' | 'resolved' | 'closed';
  /** The day the current pause began, while the case is paused. */
  pausedSince: IsoDate | null;
  calendar: CalendarId;
  /** The main regime and the version in force on the day the complaint was received. */
  regime: { id: string; name: string; version: string } | null;
  /** The ADR scheme's details as they stand on `today` (for letters). Shared and frozen: copy before changing. */
  adrScheme: AdrSchemeDetails | null;
  /**
   * The first day a time-based ADR letter may be issued under the main regime (the `adr-letter` clock's due date when
   * no deadlock brings it forward): received + the version's wait, payment-services periods included. Null when the
   * regime has no ADR letter in force. Whether one is owed at all (scope, resolution) is the clock's to say.
   */
  timeBasedAdrLetterFrom: IsoDate | null;
  clocks: Clock[];
  nextActions: NextAction[];
  /** Scope/exclusion warnings, e.g. pricing complaints or businesses over 10 employees. */
  warnings: string[];
  /** The same warnings as phrases, in the same order, for the interface to say in its language. */
  warningPhrases: readonly Phrase[];
  /**
   * Set when the customer is a business too large for the regime's ADR scope (e.g. 25 employees where Ofcom's rules
   * and the ADR schemes take 10 or fewer): no ADR letter or referral window applies, and letters must not offer the
   * scheme. Absent otherwise (an individual, a small business, or one whose size is not recorded yet).
   */
  adrOutOfScope?: { employees: number; maxEmployees: number };
}

export interface PostalAddressLines {
  /** One entry per printed line (organisation, box or street, town). */
  lines: string[];
  postcode: string;
}

/** One ADR scheme as it stands on a given date (see ./adr-schemes.ts). */
export interface AdrSchemeDetails {
  id: string;
  name: string;
  /** Names the scheme was known by before (e.g. "Ombudsman Services: Communications"). */
  formerNames: string[];
  country: 'GB' | 'CA';
  website: string;
  phone: string;
  textphone?: string;
  email?: string;
  postalAddress?: PostalAddressLines;
  notes: string[];
  /** The day this version of the details took effect (null: since before Redress's records). */
  detailsFrom: IsoDate | null;
  /** Fields not yet checked against the scheme's own publications. */
  unverified: string[];
}
