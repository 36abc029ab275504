// One error type for everything the rules engine refuses, so callers can show `message` as it is and branch on `code`.

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

  constructor(code: RulesErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'RulesError';
    this.code = code;
    this.field = field;
  }
}

export function isRulesError(value: unknown): value is RulesError {
  return value instanceof RulesError;
}
