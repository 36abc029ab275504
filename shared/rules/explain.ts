// The rules engine's explanations as data (issue #17): each clock, next action and warning carries a list of phrases
// (a kind and its values) beside its English sentence, so the interface can say it in its own language while the
// records, CSV, calendar files and PDF reports keep the English. This file is the one home of the English wording:
// `PHRASES_EN` holds each kind's words as a MessageFormat template with plain {placeholders} (the interface's English
// catalogue takes them from here), and `phraseInEnglish` fills them in.
//
// Values: a string is data shown as written (a rule, stage or scheme name); a number is a number; the objects
// say what kind of value they hold (a day, a period, an event…) so each language writes it its own way; a nested
// phrase is written by its own template.
import { codesOf } from '#shared/model/saying';
import { fillTemplate as fillEnglish } from '#shared/model/template';
import { type CalendarId, type Category, type Channel, CHANNEL_LABELS } from '#shared/model/case';
import { WEEKDAY_NAMES } from './dates';
import type { Duration, IsoDate, RuleEventType } from './types';

export const PHRASES_EN = {
  // --- heads: "due <day>: <how it is counted>"
  due: 'due {dueOn}: {basis}',
  closes: 'closes {dueOn}: {basis}',
  'provider-basis': '{start} + {duration}{paused}, {calendar}{rule} ({what})',
  'provider-basis-at-once': '{start}, at once, {calendar}{rule} ({what})',
  'start-received': 'received {on}',
  'start-stage': 'entered the {stage} stage {on}',
  'plus-paused': ' + {duration} paused',
  'calendar-before': '{calendar} calendar, ',
  'calendar-after': ', {calendar} calendar',
  'received-basis': 'received {on} + {duration}{calendar}, {rule}{payment}',
  'payment-services': ' (payment services)',
  'payment-services-exceptional': ' (payment services, exceptional circumstances)',
  'deadlock-basis': 'deadlock {on}, {clock} at once, {rule} (otherwise due {otherwiseOn}: received + {duration})',
  'reopened-basis':
    'reopened {on}, unresolved again after standing resolved since {resolvedOn}, {clock} at once, {rule} (due {otherwiseOn} had it not been resolved: received + {duration})',
  'letter-basis': 'ADR letter sent {on} + {duration}, {rule}',
  'ccts-basis': 'CCTS referral {on} + {duration}, {rule}',
  'notice-basis': 'reached the {stage} stage ({ordinal} level of escalation) unresolved {on}, {when}, {rule}',
  'notice-deadlock-basis':
    'final position (deadlock) given {on}, before {level}: the complaint will go no further with us, so {when}, {rule}',
  'tell-ccts-at-once': 'tell the customer about the CCTS at once',
  'tell-ccts-within': 'tell the customer about the CCTS within {duration}',
  // --- how the date was counted
  'holidays-skipped': '{startDay} does not count; weekends and {calendar} bank holidays are skipped{here}.',
  'day-of-receipt': 'The day of receipt',
  'day-entered-stage': 'The day it entered the stage',
  'holidays-here': ' (here: {list})',
  holiday: '{name} {on}',
  'holidays-more': '{count} more',
  'not-moved': '{on} is {what}; a date counted in {unit} is not moved.',
  'a-bank-holiday': 'a bank holiday ({name})',
  'a-weekday': 'a {weekday}',
  'unit-days': 'days',
  'unit-months': 'months',
  'month-clamp': 'That month has no day {day}, so its last day counts.',
  paused: "Paused {list}: the provider's own targets stop while waiting for the customer.",
  pause: '{from} to {to}',
  'pause-open': 'since {from} (still paused)',
  // --- where the clock stands
  met: 'Met: {event} {on}.',
  'missed-late': 'Missed: {event} {on}, after the due date.',
  'missed-open': 'Missed: {open} by the due date.',
  'open-not-acknowledged': 'not acknowledged',
  'open-no-response': 'no response',
  'open-no-stage-response': 'no response at this stage',
  'open-no-clock': 'no {clock}',
  'open-no-ccts-report': 'no report to the CCTS',
  'open-not-told': 'customer not told',
  // --- clocks that do not apply, and what they say instead
  'no-ack-target': '{rule} sets no acknowledgement target of its own.',
  'no-first-response-target': '{rule} sets no first-response target for {channel} complaints.',
  'no-stage-target': 'The {stage} stage of {rule} has no target of its own.',
  'external-stage':
    'The case is at the "{stage}" stage ({owner}) since {on}; the provider\'s own stage targets do not apply.',
  'out-of-scope':
    "Not applicable: a business with {employees} employees is outside the ADR scheme's scope ({maxEmployees} or fewer) ({rule}).",
  'adr-not-needed':
    'Not needed: {event} {on}, on or before the date the {clock} would have been due ({dueOn}: {basis}).',
  'accepted-unresolved':
    'On {on} the customer accepted the resolution proposed on {proposedOn}. Once it is in place, record the complaint as resolved: a complaint resolved before its ADR letter is due is owed none.',
  // The same under a regime with no ADR letter (the CCTS): nothing about one (explore34a #10).
  'accepted-unresolved-no-adr':
    'On {on} the customer accepted the resolution proposed on {proposedOn}. Once it is in place, record the complaint as resolved.',
  // A reopened case with nothing due by the rules (explore34a Q4): said, so it does not read as finished.
  'reopened-nothing-due':
    'Reopened {on}: the customer came back. No rule sets a date for what comes next; reply to the customer, then record the complaint as resolved again, or escalate it.',
  'closed-unresolved':
    'Closed {on} without a resolution or a final position: was the complaint resolved? If it was, record the resolution; if not, the {clock} is owed.',
  // The customer at the scheme before any ADR letter: the letter stays owed (explore34-team #8), said so on the clock.
  'referred-before-letter':
    'The customer took the complaint to the ADR scheme on {on}: the {clock} is still owed while the complaint is not resolved.',
  'no-adr-letter-sent': 'No ADR letter has been sent, so no time limit applies ({rule}).',
  'referral-time': "The customer's time to take the complaint to {scheme}.",
  'referred-met': 'Met: referred {on}.',
  'referred-late': 'Referred {on}, after the window closed.',
  'window-closed': 'The window closed on {on} without a referral.',
  'summary-met': 'Met: resolved {on}, so a summary resolution communication may be sent instead of a final response.',
  'summary-missed': 'Not resolved by then, so a full final response is needed.',
  'summary-running': 'If resolved by then, a summary resolution communication may be sent instead of a final response.',
  'ccts-not-referred': 'The CCTS has not referred this complaint ({rule}).',
  'objection-passed': 'The time to object has passed.',
  'objection-only-if': 'Only if the provider objects to the CCTS accepting the complaint.',
  level: 'the {ordinal} level of escalation{stage}',
  'level-stage': ' (the {stage} stage)',
  'notice-not-needed': 'Not needed: {event} {on} before reaching {level} ({rule}).',
  'notice-not-yet':
    'Not yet due: tell the customer about the CCTS if the complaint is still unresolved when it reaches {level}, and at each later level ({rule}).',
  'notice-earlier-missed': 'The notice due {on} ({stage}) was missed.',
  'regime-not-yet': '{regime} applies to complaints made on or after {from}; this one was received {on}.',
  'its-start': 'its start',
  // --- the ADR scheme in a sentence: "the Communications Ombudsman", but "CISAS": an acronym takes no article
  scheme: 'the {name}',
  'scheme-start': 'The {name}',
  'scheme-acronym': '{name}',
  'scheme-unknown': 'the ADR scheme',
  'scheme-unknown-start': 'The ADR scheme',
  // --- why a next action is due (before the clock's own explanation)
  'no-ack-yet': 'No acknowledgement recorded yet.',
  'escalate-missed': 'The {stage} target was missed; the procedure escalates on a missed target.',
  'paused-since': "Paused since {on}: the provider's own targets are stopped; regulatory clocks keep running.",
  'resolved-nothing-due': 'Resolved {on}; nothing else is due.',
  // --- warnings
  'business-size-unknown':
    'Business customer: {scheme} only takes businesses with {maxEmployees} or fewer employees; record the number of employees.',
  'business-too-large':
    "Business customer with {employees} employees: outside {scheme}'s scope ({maxEmployees} or fewer employees), so no ADR letter or referral window applies.",
  'excluded-category':
    '{category} complaint: {scheme} does not rule on general pricing or commercial judgement; the ADR letter is still due if the complaint stays unresolved.',
  'regime-not-in-force': 'No version of {regime} was in force on {on}; its clocks do not apply.',
  'unusual-calendar':
    "The {calendar} calendar is unusual for {procedure} (a {country} procedure); check the desk's calendar.",
  'country-CA': 'Canadian',
  'country-GB': 'UK',
  // --- why the engine cannot read a case's timeline (m17b: RulesError.reason; the message keeps the technical words)
  'unreadable-before-receipt': 'The entry “{event}” of {on} is dated before the complaint was received ({receivedOn}).',
  'unreadable-out-of-order': 'The entry “{event}” of {on} is listed after “{previous}” of {previousOn}, a later day.',
  'unreadable-same-day-order': 'The entry “{event}” of {on} was recorded before “{previous}” of the same day.',
  'unreadable-after-today': 'The entry “{event}” of {on} is dated after today ({today}).',
  'unreadable-today-before-received': 'Today ({today}) is before the date the complaint was received ({receivedOn}).',
  'unreadable-already-paused': 'The case is paused on {on} while already paused since {since}.',
  'unreadable-not-paused': 'The case is resumed on {on} while it is not paused.',
  'unreadable-unknown-stage': '{procedure} has no stage “{stage}”.',
  'unreadable-last-stage': 'The case is escalated on {on} while already at the last stage ({stage}).',
} as const;

export type PhraseKind = keyof typeof PHRASES_EN;
export const PHRASE_KINDS = codesOf(PHRASES_EN);

/** One piece of an explanation: its words are `PHRASES_EN[kind]` in English, the catalogue's `explain.<kind>` else. */
export interface Phrase {
  kind: PhraseKind;
  values?: Readonly<Record<string, PhraseValue>>;
}

export type PhraseValue =
  | string
  | number
  | Phrase
  | { date: IsoDate }
  | { duration: Duration }
  | { event: RuleEventType }
  | { channel: Channel }
  | { category: Category }
  | { calendar: CalendarId | (string & {}); name: string }
  /** A holiday's name as its calendar gives it ("Boxing Day (substitute day)"); the interface names a built-in one. */
  | { holiday: string }
  /** A clock's label as the engine writes it ("ADR letter"); the interface names it with its own word. */
  | { clock: string }
  /**
   * A regulation and its version as the regime names it ("Ofcom GC C4 from 2026-04-08"); the interface names a
   * built-in one in its own words.
   */
  | { regulation: string }
  /** A regime by its id and its name as written ("Ofcom General Condition C4"); the interface names a built-in one. */
  | { regime: string; name: string }
  /** 1 → "first" */
  | { ordinal: number }
  /** 0 (Sunday) … 6 (Saturday) */
  | { weekday: number }
  | { list: readonly PhraseValue[]; separator: ', ' | '; ' };

/** An explanation: a head ("due 2026-12-30: received 2026-11-18 + 6 weeks, …") and sentences after it. */
export type Explanation = readonly Phrase[];

/** A next action's reason: an optional sentence of its own, then the clock's explanation. */
export interface Reason {
  lead?: Phrase;
  explanation: Explanation;
}

export const phrase = (kind: PhraseKind, values?: Record<string, PhraseValue>): Phrase =>
  values ? { kind, values } : { kind };

// ---------------------------------------------------------------------------------------------------------------
// English

export const EVENT_WORDS: Record<RuleEventType, string> = {
  acknowledged: 'acknowledged',
  responded: 'responded',
  escalated: 'escalated',
  paused: 'paused',
  resumed: 'resumed',
  'resolution-proposed': 'resolution proposed',
  resolved: 'resolved',
  deadlock: 'final position given (deadlock)',
  'adr-letter-sent': 'ADR letter sent',
  'referred-to-adr': 'referred to the ADR scheme',
  'ccts-referral': 'referred by the CCTS',
  'ccts-informed': 'customer told about the CCTS',
  'ccts-report': 'report sent to the CCTS',
  closed: 'closed',
};

export const UNIT_WORDS: Record<Duration['unit'], [string, string]> = {
  'working-days': ['working day', 'working days'],
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
};

/** "5 working days", "1 month", "at once". */
export function describeDuration(d: Duration): string {
  if (d.amount === 0) return 'at once';
  const [one, many] = UNIT_WORDS[d.unit];
  return `${d.amount} ${d.amount === 1 ? one : many}`;
}

export const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth'];
export function ordinal(n: number): string {
  return ORDINALS[n] ?? `${n}th`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function isPhrase(v: object): v is Phrase {
  return 'kind' in v;
}

/** A value in English: days as YYYY-MM-DD (the desk's records), periods and events in the engine's words. */
export function valueInEnglish(v: PhraseValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (isPhrase(v)) return phraseInEnglish(v);
  if ('date' in v) return v.date;
  if ('duration' in v) return describeDuration(v.duration);
  if ('event' in v) return EVENT_WORDS[v.event];
  if ('channel' in v) return CHANNEL_LABELS[v.channel].toLowerCase();
  if ('category' in v) return capitalise(v.category);
  if ('calendar' in v) return v.name;
  if ('holiday' in v) return v.holiday;
  if ('clock' in v) return v.clock;
  if ('regulation' in v) return v.regulation;
  if ('regime' in v) return v.name;
  if ('ordinal' in v) return ordinal(v.ordinal);
  if ('weekday' in v) return WEEKDAY_NAMES[v.weekday];
  return v.list.map(valueInEnglish).join(v.separator);
}

/** Fill a template's {placeholders}: the templates use no plural or select, only plain arguments. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return fillEnglish(template, (name) => values[name] ?? '');
}

/** Each template cut once into its words and placeholders: [words, name, words, name, …, words]. */
const compiled = new Map<PhraseKind, string[]>();
function partsOf(kind: PhraseKind): string[] {
  let parts = compiled.get(kind);
  if (!parts) {
    parts = PHRASES_EN[kind].split(/\{(\w+)\}/);
    compiled.set(kind, parts);
  }
  return parts;
}

export function phraseInEnglish(p: Phrase): string {
  const parts = partsOf(p.kind);
  if (parts.length === 1) return parts[0];
  const values = p.values ?? {};
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const v = values[parts[i]];
    out += (v === undefined ? '' : valueInEnglish(v)) + parts[i + 1];
  }
  return out;
}

/** "head" alone, or "head. Sentence. Sentence.": the head is the line "due X: start + rule". Any language. */
export function joinExplanation(parts: readonly string[]): string {
  let out = '';
  let count = 0;
  for (const [i, raw] of parts.entries()) {
    if (i === 0) {
      out = raw;
      continue;
    }
    const sentence = raw.trim();
    if (sentence === '') continue;
    out += count === 0 ? `. ${sentence}` : ` ${sentence}`;
    count += 1;
  }
  return out;
}

export function explanationInEnglish(parts: Explanation): string {
  return joinExplanation(parts.map(phraseInEnglish));
}

/** A next action's reason in any language: its lead sentence, then the explanation. */
export function joinReason(lead: string | undefined, explanation: string): string {
  return lead === undefined ? explanation : `${lead} ${explanation}`;
}

export function reasonInEnglish(r: Reason): string {
  return joinReason(r.lead && phraseInEnglish(r.lead), explanationInEnglish(r.explanation));
}
