// Checking case facts before any date is computed: bad facts give a clear error, never a wrong date.
// Hand-written rather than zod because it runs once per evaluated case (100,000 cases must take well under a second).
import { CALENDARS, CATEGORIES, CHANNELS, type CaseRecord, type TimelineEvent } from '#shared/model/case';
import { timelineAsItCounts } from '#shared/model/effective';
import { type DayNumber, toDayNumber } from './dates';
import { RulesError } from './errors';
import { phrase } from './explain';
import { type CaseFacts, type IsoDate, RULE_EVENT_TYPES, type RuleEvent, type RuleEventType } from './types';

export interface CheckedEvent {
  type: RuleEventType;
  on: IsoDate;
  day: DayNumber;
  stage: string | undefined;
  /** Position in `facts.events` (same-day events keep their recorded order). */
  index: number;
}

export interface CheckedFacts {
  facts: CaseFacts;
  received: DayNumber;
  today: DayNumber;
  events: CheckedEvent[];
}

const EVENT_TYPES: ReadonlySet<string> = new Set(RULE_EVENT_TYPES);
const CHANNEL_SET: ReadonlySet<string> = new Set(CHANNELS);
const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);
const CALENDAR_SET: ReadonlySet<string> = new Set(CALENDARS);

function invalid(field: string, message: string): RulesError {
  return new RulesError('invalid-facts', `Invalid case facts: ${field}: ${message}`, field);
}

function oneOf(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Check the shape of case facts and the order of their events; return them with dates as day numbers. Throws a
 * RulesError whose message names the field (`events[2].on: "2026-02-30" is not a real date …`).
 */
export function checkFacts(input: unknown, today: unknown): CheckedFacts {
  if (!isObject(input)) throw new RulesError('invalid-facts', 'Invalid case facts: expected an object.');
  const facts = input as unknown as CaseFacts;
  if (typeof facts.procedureId !== 'string' || facts.procedureId === '') {
    throw invalid('procedureId', 'expected the id of a procedure, e.g. "kijoma".');
  }
  if (!CALENDAR_SET.has(facts.calendar as string)) {
    throw invalid(
      'calendar',
      `expected one of ${oneOf(CALENDARS)}, got ${JSON.stringify(facts.calendar) ?? 'nothing'}.`,
    );
  }
  const received = toDayNumber(facts.receivedOn, 'receivedOn');
  if (!CHANNEL_SET.has(facts.channel as string)) {
    throw invalid('channel', `expected one of ${oneOf(CHANNELS)}, got ${JSON.stringify(facts.channel) ?? 'nothing'}.`);
  }
  if (facts.category !== undefined && !CATEGORY_SET.has(facts.category)) {
    throw invalid('category', `expected one of ${oneOf(CATEGORIES)}, got ${JSON.stringify(facts.category)}.`);
  }
  if (facts.customer !== undefined) {
    if (!isObject(facts.customer)) throw invalid('customer', 'expected an object.');
    const { isBusiness, employees } = facts.customer;
    if (isBusiness !== undefined && typeof isBusiness !== 'boolean')
      throw invalid('customer.isBusiness', 'expected true or false.');
    if (employees !== undefined && (!Number.isSafeInteger(employees) || employees < 0)) {
      throw invalid('customer.employees', `expected a whole number, 0 or more, got ${JSON.stringify(employees)}.`);
    }
  }
  if (facts.regimes !== undefined) {
    if (!Array.isArray(facts.regimes)) throw invalid('regimes', 'expected a list of regime ids.');
    facts.regimes.forEach((r, i) => {
      if (typeof r !== 'string' || r === '') throw invalid(`regimes[${i}]`, 'expected a regime id.');
    });
  }
  for (const flag of ['paymentServices', 'exceptionalCircumstances'] as const) {
    if (facts[flag] !== undefined && typeof facts[flag] !== 'boolean') throw invalid(flag, 'expected true or false.');
  }
  const todayDay = toDayNumber(today, 'today');
  if (todayDay < received) {
    throw new RulesError(
      'invalid-facts',
      `Invalid case facts: today (${String(today)}) is before the complaint was received (${facts.receivedOn}).`,
      'today',
      phrase('unreadable-today-before-received', {
        today: { date: String(today) },
        receivedOn: { date: facts.receivedOn },
      }),
    );
  }
  if (!Array.isArray(facts.events)) throw invalid('events', 'expected a list of events (it may be empty).');
  const events: CheckedEvent[] = [];
  let previous: CheckedEvent | undefined;
  for (let i = 0; i < facts.events.length; i++) {
    const raw: unknown = facts.events[i];
    if (!isObject(raw)) throw invalid(`events[${i}]`, 'expected an event object { type, on }.');
    const ev = raw as unknown as RuleEvent;
    if (!EVENT_TYPES.has(ev.type)) {
      throw invalid(
        `events[${i}].type`,
        `unknown event type ${JSON.stringify(ev.type) ?? 'nothing'}; expected one of ${oneOf(RULE_EVENT_TYPES)}.`,
      );
    }
    const day = toDayNumber(ev.on, `events[${i}].on`);
    if (ev.stage !== undefined && (typeof ev.stage !== 'string' || ev.stage === '')) {
      throw invalid(`events[${i}].stage`, 'expected a stage id.');
    }
    if (ev.at !== undefined && typeof ev.at !== 'string') throw invalid(`events[${i}].at`, 'expected a date-time.');
    const checked: CheckedEvent = { type: ev.type, on: ev.on, day, stage: ev.stage, index: i };
    if (day < received) {
      throw new RulesError(
        'event-before-receipt',
        `Invalid case facts: events[${i}] (${ev.type} on ${ev.on}) is before the complaint was received (${facts.receivedOn}).`,
        `events[${i}].on`,
        phrase('unreadable-before-receipt', {
          event: { event: ev.type },
          on: { date: ev.on },
          receivedOn: { date: facts.receivedOn },
        }),
      );
    }
    if (previous && day < previous.day) {
      throw new RulesError(
        'events-out-of-order',
        `Invalid case facts: events[${i}] (${ev.type} on ${ev.on}) is earlier than events[${previous.index}] ` +
          `(${previous.type} on ${previous.on}); events must be listed in date order.`,
        `events[${i}].on`,
        phrase('unreadable-out-of-order', {
          event: { event: ev.type },
          on: { date: ev.on },
          previous: { event: previous.type },
          previousOn: { date: previous.on },
        }),
      );
    }
    if (previous && day === previous.day && ev.at !== undefined) {
      const previousAt = facts.events[previous.index].at;
      if (previousAt !== undefined && ev.at < previousAt) {
        throw new RulesError(
          'events-out-of-order',
          `Invalid case facts: events[${i}] (${ev.type} recorded ${ev.at}) was recorded before events[${previous.index}] ` +
            `(${previous.type} recorded ${previousAt}) on the same day; same-day events must be listed in the order recorded.`,
          `events[${i}].at`,
          phrase('unreadable-same-day-order', {
            event: { event: ev.type },
            on: { date: ev.on },
            previous: { event: previous.type },
          }),
        );
      }
    }
    if (day > todayDay) {
      throw new RulesError(
        'event-after-today',
        `Invalid case facts: events[${i}] (${ev.type} on ${ev.on}) is after today (${String(today)}).`,
        `events[${i}].on`,
        phrase('unreadable-after-today', {
          event: { event: ev.type },
          on: { date: ev.on },
          today: { date: String(today) },
        }),
      );
    }
    events.push(checked);
    previous = checked;
  }
  return { facts, received, today: todayDay, events };
}

/** Check case facts (shape and event order) and return them; throws a RulesError naming the field. */
export function validateCaseFacts(input: unknown, today: IsoDate): CaseFacts {
  return checkFacts(input, today).facts;
}

/**
 * The customer's business size as the rules read it (the regime's scope: Ofcom's rules and the ADR schemes take only
 * businesses with 10 or fewer employees). Only well-formed values are passed on: a stray value in an old or restored
 * record must not stop a case's clocks from being worked out. Individuals give `{}`.
 */
export function customerScopeFacts(
  customer: { isBusiness?: unknown; employees?: unknown } | undefined,
): Pick<CaseFacts, 'customer'> {
  if (customer?.isBusiness !== true) return {};
  const employees = customer.employees;
  const known = typeof employees === 'number' && Number.isSafeInteger(employees) && employees >= 0;
  return { customer: { isBusiness: true, ...(known ? { employees } : {}) } };
}

/** What caseFacts reads of a case: its non-personal fields and the customer's business size (a CaseRecord fits). */
export type FactsCaseRecord = Pick<CaseRecord, 'procedureId' | 'calendar' | 'receivedOn' | 'channel' | 'category'> & {
  customer?: { isBusiness?: unknown; employees?: unknown };
};

/**
 * The facts the rules engine needs, taken from a case and its timeline in any order: the one reading of a case for the
 * rules, used by the case page, the case index (written entry by entry or rebuilt) and the reports. The entries are
 * put in THE order of a timeline (`inTimelineOrder`, shared/model/case.ts: by day, then time, then id), so the same
 * case gives the same facts however its entries were read. Voided entries are left out and a reopening takes back the
 * closure and resolution before it, a resolution so taken back still counting as the reply the customer got
 * (`timelineAsItCounts`, shared/model/effective.ts).
 */
export function caseFacts(
  record: FactsCaseRecord,
  events: readonly (Pick<TimelineEvent, 'type' | 'on' | 'data'> & Partial<Pick<TimelineEvent, 'at' | 'id'>>)[],
): CaseFacts {
  // Voided entries do not count, and a reopening takes back the closure and resolution before it (#15). A resolution
  // so taken back still was the reply the customer got: the targets it met stay met (README.md, "Voided entries and
  // reopening"; explore40-manager #1: a case resolved inside its targets turned "missed" when the customer came back).
  const counted = timelineAsItCounts(events);
  const ruleEvents: RuleEvent[] = counted.flatMap(({ entry: e, takenBack }) => {
    const type = takenBack ? (e.type === 'resolved' ? 'responded' : null) : e.type;
    if (type === null || !EVENT_TYPES.has(type)) return [];
    const stage = typeof e.data?.stage === 'string' ? e.data.stage : undefined;
    return [{ type: type as RuleEventType, on: e.on, ...(stage ? { stage } : {}), ...(e.at ? { at: e.at } : {}) }];
  });
  // When it stood resolved before each reopening took that back: from its first resolution to the reopening.
  const spells: { from: string; until: string }[] = [];
  let resolvedFrom: string | null = null;
  for (const { entry, takenBack } of counted) {
    if (takenBack && entry.type === 'resolved') resolvedFrom ??= entry.on;
    else if (entry.type === 'reopened' && resolvedFrom !== null) {
      spells.push({ from: resolvedFrom, until: entry.on });
      resolvedFrom = null;
    }
  }
  return {
    procedureId: record.procedureId,
    calendar: record.calendar,
    receivedOn: record.receivedOn,
    channel: record.channel,
    category: record.category,
    ...customerScopeFacts(record.customer),
    events: ruleEvents,
    ...(spells.length ? { resolvedSpells: spells } : {}),
  };
}
