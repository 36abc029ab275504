// One error type for everything the rules engine refuses, so callers can show `message` as it is and branch on `code`.

import type { Phrase } from './explain';

export type RulesErrorCode =
  | 'invalid-date'
  | 'invalid-facts'
  | 'unknown-procedure'
  | 'unknown-calendar'
  | 'unknown-regime'
  | 'unknown-adr-scheme'
  | 'no-version-in-force'
  | 'events-out-of-order'
  | 'event-before-receipt'
  | 'event-after-today'
  | 'invalid-event-sequence'
  | 'invalid-procedure'
  | 'invalid-regime'
  | 'invalid-holiday-feed'
  | 'no-holiday-data'
  | 'invalid-argument';

export class RulesError extends Error {
  readonly code: RulesErrorCode;
  /** Path of the offending field, e.g. `events[2].on` or `stages[1].target.unit`, when there is one. */
  readonly field: string | undefined;

  /**
   * Why a case cannot be read, as a phrase (m17b: ./explain.ts), when the timeline itself is at fault (an entry
   * before receipt, out of order, a pause while paused…): the interface says it in its language; `message` stays the
   * engine's own technical English for records and scripts.
   */
  readonly reason: Phrase | undefined;

  constructor(code: RulesErrorCode, message: string, field?: string, reason?: Phrase) {
    super(message);
    this.name = 'RulesError';
    this.code = code;
    this.field = field;
    this.reason = reason;
  }
}

export function isRulesError(value: unknown): value is RulesError {
  return value instanceof RulesError;
}
