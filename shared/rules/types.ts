// Public types of the rules engine (issue #3). `evaluateCase(facts, today)` in ./index.ts returns an Evaluation.
import type { CalendarId, Category, Channel } from '../model/case';

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
  'closed',
] as const;
export type RuleEventType = (typeof RULE_EVENT_TYPES)[number];

export interface RuleEvent {
  type: RuleEventType;
  on: IsoDate;
  /** Stage id the case moved to (for `escalated`), or the stage the event belongs to. */
  stage?: string;
}

export interface CaseFacts {
  procedureId: string;
  calendar: CalendarId;
  receivedOn: IsoDate;
  channel: Channel;
  category?: Category;
  customer?: { isBusiness?: boolean; employees?: number };
  events: RuleEvent[];
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
  /** Plain words: start date, rule, calendar, pauses, rule version. */
  explanation: string;
}

export interface NextAction {
  id: string;
  label: string;
  dueOn: IsoDate | null;
  why: string;
}

export interface Evaluation {
  procedureId: string;
  /** Current stage id of the procedure. */
  stage: string;
  clocks: Clock[];
  nextActions: NextAction[];
  /** Scope/exclusion warnings, e.g. pricing complaints or businesses over 10 employees. */
  warnings: string[];
}
