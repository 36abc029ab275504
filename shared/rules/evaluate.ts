// evaluateCase(facts, today): the case's clocks, current stage, next actions and warnings, each date explained.
//
// Counting follows REGULATION.md §5 exactly:
//   working days: the start day never counts; count N Monday-Friday days that are not bank holidays (§5.2);
//   days / weeks: calendar days, a weekend or holiday due date is not moved (§5.3);
//   months: same day N months later, clamped to the month's last day (§5.4);
//   the regime version is the one in force on the day the complaint was received (§5.5);
//   pauses stop and extend only the provider's own targets; regulatory clocks never pause (§5.6);
//   met = closing event on or before the due date; missed = after it, or still open after it (§5.7);
//   "at once" = the same day (§5.8).
import { CHANNEL_LABELS } from '#shared/model/case';
import { type AdrDirectory, adrSchemeOnDay, DEFAULT_ADR_DIRECTORY } from './adr-schemes';
import {
  addWorkingDaysToDay,
  type CalendarSet,
  DEFAULT_CALENDARS,
  type HolidayCalendar,
  holidaysBetweenDays,
  workingDaysBetweenDays,
} from './calendars';
import { addMonthsToDayNumber, type DayNumber, partsFromDayNumber, toIsoDate, WEEKDAY_NAMES, weekdayOf } from './dates';
import { RulesError } from './errors';
import { type CheckedEvent, checkFacts } from './facts';
import {
  firstResponseTarget,
  type Procedure,
  type ProcedureRegistry,
  procedureVersionLabel,
  type Target,
} from './procedure';
import { deskProcedures, procedureForCase } from './procedures';
import {
  DEFAULT_REGIMES,
  getRegime,
  type Regime,
  type RegimeRegistry,
  type RegimeVersion,
  regimeVersionOnDay,
} from './regimes';
import type { CaseFacts, Clock, ClockState, Duration, Evaluation, IsoDate, NextAction, RuleEventType } from './types';

/** The data an evaluation reads. Every part defaults to the built-in data; pass your own to use imported data. */
export interface EvaluateOptions {
  calendars?: CalendarSet;
  procedures?: ProcedureRegistry;
  regimes?: RegimeRegistry;
  adrSchemes?: AdrDirectory;
}

// ---------------------------------------------------------------------------------------------------------------
// Wording

const EVENT_WORDS: Record<RuleEventType, string> = {
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
  closed: 'closed',
};

const UNIT_WORDS: Record<Duration['unit'], [string, string]> = {
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

/** "the Communications Ombudsman", but "CISAS (…)": an acronym takes no article. */
const schemePhrases = new Map<string, string>();
function schemeInSentence(name: string): string {
  let phrase = schemePhrases.get(name);
  if (phrase === undefined) {
    const firstWord = name.split(/[\s(]/)[0];
    phrase = firstWord.length > 1 && firstWord === firstWord.toUpperCase() ? name : `the ${name}`;
    schemePhrases.set(name, phrase);
  }
  return phrase;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth'];
function ordinal(n: number): string {
  return ORDINALS[n] ?? `${n}th`;
}

// ---------------------------------------------------------------------------------------------------------------
// Arithmetic on day numbers

function addDuration(start: DayNumber, d: Duration, calendar: HolidayCalendar): DayNumber {
  switch (d.unit) {
    case 'working-days':
      return addWorkingDaysToDay(start, d.amount, calendar);
    case 'days':
      return start + d.amount;
    case 'weeks':
      return start + 7 * d.amount;
    case 'months':
      return addMonthsToDayNumber(start, d.amount);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The case's story, read once from its events

interface Pause {
  from: DayNumber;
  fromIndex: number;
  /** Day of the `resumed` event, or null while still paused. */
  to: DayNumber | null;
  toIndex: number;
}

interface LevelReached {
  level: number;
  stageId: string;
  stageName: string;
  day: DayNumber;
  index: number;
}

interface Story {
  stageIndex: number;
  stageStart: DayNumber;
  /** Index of the event that moved the case into the current stage; -1 for the first stage. */
  stageStartIndex: number;
  escalationLevel: number;
  /** Each time the case reached a new highest internal level. */
  levels: LevelReached[];
  pauses: Pause[];
  first: Partial<Record<RuleEventType, CheckedEvent>>;
  last: Partial<Record<RuleEventType, CheckedEvent>>;
}

function internalLevels(procedure: Procedure): number[] {
  const levels: number[] = [];
  let level = -1;
  for (const stage of procedure.stages) {
    if (!stage.external) level += 1;
    levels.push(Math.max(level, 0));
  }
  return levels;
}

const levelCache = new WeakMap<Procedure, number[]>();
function levelsOf(procedure: Procedure): number[] {
  let l = levelCache.get(procedure);
  if (!l) {
    l = internalLevels(procedure);
    levelCache.set(procedure, l);
  }
  return l;
}

function stageIndexById(procedure: Procedure, id: string, field: string): number {
  const i = procedure.stages.findIndex((s) => s.id === id);
  if (i < 0) {
    throw new RulesError(
      'invalid-event-sequence',
      `Invalid case facts: ${field}: procedure "${procedure.id}" has no stage "${id}" (stages: ${procedure.stages.map((s) => s.id).join(', ')}).`,
      field,
    );
  }
  return i;
}

function readStory(procedure: Procedure, events: CheckedEvent[], received: DayNumber): Story {
  const levels = levelsOf(procedure);
  const story: Story = {
    stageIndex: 0,
    stageStart: received,
    stageStartIndex: -1,
    escalationLevel: 0,
    levels: [],
    pauses: [],
    first: {},
    last: {},
  };
  let maxLevel = 0;
  let openPause: Pause | undefined;
  for (const ev of events) {
    if (!story.first[ev.type]) story.first[ev.type] = ev;
    story.last[ev.type] = ev;
    if (ev.stage !== undefined && ev.type !== 'escalated')
      stageIndexById(procedure, ev.stage, `events[${ev.index}].stage`);
    let moveTo = -1;
    if (ev.type === 'escalated') {
      if (ev.stage !== undefined) {
        moveTo = stageIndexById(procedure, ev.stage, `events[${ev.index}].stage`);
      } else {
        moveTo = procedure.stages.findIndex((s, i) => i > story.stageIndex && !s.external);
        if (moveTo < 0) {
          throw new RulesError(
            'invalid-event-sequence',
            `Invalid case facts: events[${ev.index}] (escalated on ${ev.on}): the case is already at the last stage of ` +
              `"${procedure.id}" ("${procedure.stages[story.stageIndex].id}"); name the stage to escalate to.`,
            `events[${ev.index}].stage`,
          );
        }
      }
    } else if (ev.type === 'deadlock' || ev.type === 'referred-to-adr' || ev.type === 'ccts-referral') {
      moveTo = procedure.stages.findIndex((s) => s.enteredBy?.includes(ev.type as 'deadlock') ?? false);
    } else if (ev.type === 'paused') {
      if (openPause) {
        throw new RulesError(
          'invalid-event-sequence',
          `Invalid case facts: events[${ev.index}] (paused on ${ev.on}): the case is already paused since ${toIsoDate(openPause.from)}.`,
          `events[${ev.index}]`,
        );
      }
      openPause = { from: ev.day, fromIndex: ev.index, to: null, toIndex: Number.POSITIVE_INFINITY };
      story.pauses.push(openPause);
    } else if (ev.type === 'resumed') {
      if (!openPause) {
        throw new RulesError(
          'invalid-event-sequence',
          `Invalid case facts: events[${ev.index}] (resumed on ${ev.on}): the case is not paused.`,
          `events[${ev.index}]`,
        );
      }
      openPause.to = ev.day;
      openPause.toIndex = ev.index;
      openPause = undefined;
    }
    if (moveTo >= 0 && moveTo !== story.stageIndex) {
      story.stageIndex = moveTo;
      story.stageStart = ev.day;
      story.stageStartIndex = ev.index;
      const stage = procedure.stages[moveTo];
      if (!stage.external) {
        story.escalationLevel = levels[moveTo];
        if (ev.type === 'escalated' && levels[moveTo] > maxLevel) {
          maxLevel = levels[moveTo];
          story.levels.push({
            level: maxLevel,
            stageId: stage.id,
            stageName: stage.name,
            day: ev.day,
            index: ev.index,
          });
        }
      }
    }
  }
  return story;
}

function firstAfter(
  events: CheckedEvent[],
  afterIndex: number,
  types: ReadonlySet<RuleEventType>,
  stageId?: string,
): CheckedEvent | undefined {
  for (const ev of events) {
    if (ev.index <= afterIndex || !types.has(ev.type)) continue;
    if (stageId !== undefined && ev.stage !== undefined && ev.stage !== stageId) continue;
    return ev;
  }
  return undefined;
}

/**
 * Regulatory clocks read days, not the order of recording (shared/rules/README.md, "Same-day events"): the earliest
 * event of `types` on or after `day`; among several on that day, the one first in `types` order, so any permutation of
 * same-day entries gives the same event.
 */
function firstOnOrAfter(
  events: CheckedEvent[],
  day: DayNumber,
  types: readonly RuleEventType[],
): CheckedEvent | undefined {
  let found: CheckedEvent | undefined;
  let rank = Number.POSITIVE_INFINITY;
  for (const ev of events) {
    if (ev.day < day) continue;
    if (found && ev.day > found.day) break;
    const r = types.indexOf(ev.type);
    if (r >= 0 && r < rank) {
      found = ev;
      rank = r;
    }
  }
  return found;
}

const ACK_CLOSERS: ReadonlySet<RuleEventType> = new Set([
  'acknowledged',
  'responded',
  'resolution-proposed',
  'resolved',
  'deadlock',
  'closed',
]);
const ACK_CLOSER_ORDER: readonly RuleEventType[] = [...ACK_CLOSERS];
const RESPONSE_CLOSERS: ReadonlySet<RuleEventType> = new Set([
  'responded',
  'resolution-proposed',
  'resolved',
  'deadlock',
  'closed',
]);
/** In the order that decides which of several same-day events a regulatory clock names. */
const CCTS_RESPONSE_CLOSERS: readonly RuleEventType[] = ['responded', 'resolved', 'closed'];
const CCTS_INFORMED: readonly RuleEventType[] = ['ccts-informed'];
const RESOLVED_OR_CLOSED: readonly RuleEventType[] = ['resolved', 'closed'];

// ---------------------------------------------------------------------------------------------------------------
// Clocks

interface Ctx {
  facts: CaseFacts;
  procedure: Procedure;
  procedureLabel: string;
  calendar: HolidayCalendar;
  received: DayNumber;
  today: DayNumber;
  events: CheckedEvent[];
  story: Story;
  warnings: string[];
  /** Next-action wording for regulatory clocks that carry their own (e.g. the data-protection acknowledgement). */
  actionLabels: Map<string, string>;
  /** The day of a closure that left the ADR letter owed with no resolution or deadlock recorded (the desk is asked). */
  resolutionQuestion?: IsoDate;
}

function makeClock(
  id: string,
  label: string,
  source: Clock['source'],
  rule: string,
  state: ClockState,
  dueOn: DayNumber | null,
  startsOn: DayNumber | null,
  closedOn: DayNumber | null,
  pausedDays: number,
  explanation: string,
): Clock {
  return {
    id,
    label,
    dueOn: dueOn === null ? null : toIsoDate(dueOn),
    state,
    explanation,
    source,
    rule,
    startsOn: startsOn === null ? null : toIsoDate(startsOn),
    closedOn: closedOn === null ? null : toIsoDate(closedOn),
    pausedDays,
  };
}

function notApplicable(
  id: string,
  label: string,
  source: Clock['source'],
  rule: string,
  explanation: string,
  startsOn: DayNumber | null = null,
): Clock {
  return makeClock(id, label, source, rule, 'not-applicable', null, startsOn, null, 0, explanation);
}

/** "head" alone, or "head. Sentence. Sentence." — the head is the REGULATION.md-style line "due X: start + rule". */
function compose(head: string, ...sentences: string[]): string {
  let out = head;
  let first = true;
  for (const raw of sentences) {
    const sentence = raw.trim();
    if (sentence === '') continue;
    out += first ? `. ${sentence}` : ` ${sentence}`;
    first = false;
  }
  return out;
}

function stateFor(due: DayNumber, closing: CheckedEvent | undefined, today: DayNumber): ClockState {
  if (closing) return closing.day <= due ? 'met' : 'missed';
  return openClockState(due, today);
}

/**
 * The state of a clock nothing has closed yet, due on `dueOn`, on `today` (both day numbers, or both YYYY-MM-DD, which
 * compare the same way): running up to and including its due date, missed after it. A later day never changes an
 * open clock's due date, except a provider clock's while a pause is still open.
 */
export function openClockState<Day extends number | string>(dueOn: Day, today: Day): 'running' | 'missed' {
  return today > dueOn ? 'missed' : 'running';
}

function statusSentence(state: ClockState, closing: CheckedEvent | undefined, openWords: string): string {
  if (state === 'met' && closing) return ` Met: ${EVENT_WORDS[closing.type]} ${closing.on}.`;
  if (state === 'missed' && closing) return ` Missed: ${EVENT_WORDS[closing.type]} ${closing.on}, after the due date.`;
  if (state === 'missed') return ` Missed: ${openWords} by the due date.`;
  return '';
}

function skippedHolidaysSentence(ctx: Ctx, start: DayNumber, due: DayNumber, startWords: string): string {
  const holidays = holidaysBetweenDays(start, due, ctx.calendar);
  const shown = holidays.slice(0, 4).map((h) => `${h.name} ${h.date}`);
  if (holidays.length > 4) shown.push(`${holidays.length - 4} more`);
  return (
    ` ${startWords} does not count; weekends and ${ctx.calendar.name} bank holidays are skipped` +
    (shown.length ? ` (here: ${shown.join(', ')}).` : '.')
  );
}

function unmovedDateSentence(ctx: Ctx, due: DayNumber, unit: Duration['unit']): string {
  if (unit === 'working-days') return '';
  const w = weekdayOf(due);
  const holiday = ctx.calendar.holidayOnDay(due);
  if (w !== 0 && w !== 6 && !holiday) return '';
  const what = holiday ? `a bank holiday (${holiday.name})` : `a ${WEEKDAY_NAMES[w]}`;
  return ` ${toIsoDate(due)} is ${what}; a date counted in ${unit === 'months' ? 'months' : 'days'} is not moved.`;
}

function monthClampSentence(start: DayNumber, due: DayNumber, unit: Duration['unit']): string {
  if (unit !== 'months') return '';
  const s = partsFromDayNumber(start);
  const d = partsFromDayNumber(due);
  if (s.day === d.day) return '';
  return ` That month has no day ${s.day}, so its last day counts.`;
}

/**
 * A provider's own target: counted from `start`, stopped and extended by pauses (REGULATION.md §5.6), ended by the
 * first closing event recorded after `startIndex`.
 */
function providerClock(
  ctx: Ctx,
  spec: {
    id: string;
    label: string;
    target: Target | undefined;
    start: DayNumber;
    startIndex: number;
    startWords: string;
    /** "The day of receipt" / "The day it entered the stage" */
    startDayWords: string;
    closers: ReadonlySet<RuleEventType>;
    stageId?: string;
    openWords: string;
    noTarget: string;
  },
): Clock {
  const rule = ctx.procedureLabel;
  const { target } = spec;
  if (!target) return notApplicable(spec.id, spec.label, 'provider', rule, spec.noTarget, spec.start);
  const closing = firstAfter(ctx.events, spec.startIndex, spec.closers, spec.stageId);
  const base = addDuration(spec.start, target, ctx.calendar);
  let due = base;
  let paused = 0;
  const pauseNotes: string[] = [];
  for (const p of ctx.story.pauses) {
    if (closing && p.fromIndex > closing.index) break;
    const from = Math.max(p.from, spec.start + 1);
    if (from > due) break;
    let to = p.to ?? ctx.today + 1;
    if (closing && p.toIndex > closing.index) to = Math.min(to, closing.day);
    if (to <= from) continue;
    const length = target.unit === 'working-days' ? workingDaysBetweenDays(from - 1, to - 1, ctx.calendar) : to - from;
    if (length === 0) continue;
    due = target.unit === 'working-days' ? addWorkingDaysToDay(due, length, ctx.calendar) : due + length;
    paused += length;
    pauseNotes.push(
      p.to === null ? `since ${toIsoDate(p.from)} (still paused)` : `${toIsoDate(p.from)} to ${toIsoDate(p.to)}`,
    );
  }
  const state = stateFor(due, closing, ctx.today);
  const unitWords = target.unit === 'working-days' ? ['working day', 'working days'] : ['day', 'days'];
  const pausePart = paused ? ` + ${plural(paused, unitWords[0], unitWords[1])} paused` : '';
  const calendarPart = target.unit === 'working-days' ? `${ctx.calendar.name} calendar, ` : '';
  const head =
    target.amount === 0 && !paused
      ? `due ${toIsoDate(due)}: ${spec.startWords} ${toIsoDate(spec.start)}, at once`
      : `due ${toIsoDate(due)}: ${spec.startWords} ${toIsoDate(spec.start)} + ${describeDuration(target)}${pausePart}`;
  const explanation = compose(
    `${head}, ${calendarPart}${rule} (${target.what})`,
    target.unit === 'working-days' && target.amount > 0
      ? skippedHolidaysSentence(ctx, spec.start, due, spec.startDayWords)
      : unmovedDateSentence(ctx, due, target.unit) + monthClampSentence(spec.start, base, target.unit),
    pauseNotes.length
      ? `Paused ${pauseNotes.join('; ')}: the provider's own targets stop while waiting for the customer.`
      : '',
    statusSentence(state, closing, spec.openWords),
  );
  return makeClock(
    spec.id,
    spec.label,
    'provider',
    rule,
    state,
    due,
    spec.start,
    closing?.day ?? null,
    paused,
    explanation,
  );
}

function providerClocks(ctx: Ctx): Clock[] {
  const { procedure, facts, story } = ctx;
  const stage = procedure.stages[story.stageIndex];
  const fr = firstResponseTarget(procedure, facts.channel);
  const channel = CHANNEL_LABELS[facts.channel];
  const clocks: Clock[] = [
    providerClock(ctx, {
      id: 'acknowledgement',
      label: 'Acknowledgement',
      target: procedure.acknowledgement,
      start: ctx.received,
      startIndex: -1,
      startWords: 'received',
      startDayWords: 'The day of receipt',
      closers: ACK_CLOSERS,
      openWords: 'not acknowledged',
      noTarget: `${ctx.procedureLabel} sets no acknowledgement target of its own.`,
    }),
    providerClock(ctx, {
      id: 'first-response',
      label: `First response (${channel.toLowerCase()})`,
      target: fr,
      start: ctx.received,
      startIndex: -1,
      startWords: 'received',
      startDayWords: 'The day of receipt',
      closers: RESPONSE_CLOSERS,
      openWords: 'no response',
      noTarget: `${ctx.procedureLabel} sets no first-response target for ${channel.toLowerCase()} complaints.`,
    }),
  ];
  if (stage.external) {
    clocks.push(
      notApplicable(
        'stage-response',
        `Stage response (${stage.name})`,
        'provider',
        ctx.procedureLabel,
        `The case is at the "${stage.name}" stage (${stage.owner}) since ${toIsoDate(story.stageStart)}; the provider's own stage targets do not apply.`,
        story.stageStart,
      ),
    );
  } else {
    const first = story.stageIndex === 0 && story.stageStartIndex < 0;
    clocks.push(
      providerClock(ctx, {
        id: 'stage-response',
        label: `Stage response (${stage.name})`,
        target: stage.target,
        start: story.stageStart,
        startIndex: story.stageStartIndex,
        startWords: first ? 'received' : `entered the ${stage.name} stage`,
        startDayWords: first ? 'The day of receipt' : 'The day it entered the stage',
        closers: RESPONSE_CLOSERS,
        stageId: stage.id,
        openWords: 'no response at this stage',
        noTarget: `The ${stage.name} stage of ${ctx.procedureLabel} has no target of its own.`,
      }),
    );
  }
  return clocks;
}

// --- regulatory clocks ------------------------------------------------------------------------------------------

interface ScopeCheck {
  outOfScope: boolean;
  reason: string;
  /** Set when out of scope: the business's size and the regime's limit. */
  size?: { employees: number; maxEmployees: number };
}

function scopeOf(ctx: Ctx, version: RegimeVersion): ScopeCheck {
  const max = version.scope?.maxEmployees;
  const customer = ctx.facts.customer;
  if (max !== undefined && customer?.isBusiness && customer.employees !== undefined && customer.employees > max) {
    return {
      outOfScope: true,
      reason: `a business with ${customer.employees} employees is outside the ADR scheme's scope (${max} or fewer)`,
      size: { employees: customer.employees, maxEmployees: max },
    };
  }
  return { outOfScope: false, reason: '' };
}

function adrLetterClock(ctx: Ctx, version: RegimeVersion, scope: ScopeCheck): Clock | null {
  const rule = version.adrLetter;
  if (!rule) return null;
  const label = version.label;
  if (scope.outOfScope) {
    return notApplicable('adr-letter', rule.label, 'regulation', label, `Not applicable: ${scope.reason} (${label}).`);
  }
  const ps = version.paymentServices;
  const after =
    ps && ctx.facts.paymentServices
      ? ctx.facts.exceptionalCircumstances
        ? ps.exceptionalAfter
        : ps.after
      : rule.after;
  const psWords =
    ps && ctx.facts.paymentServices
      ? ctx.facts.exceptionalCircumstances
        ? ' (payment services, exceptional circumstances)'
        : ' (payment services)'
      : '';
  const base = addDuration(ctx.received, after, ctx.calendar);
  const calendarPart = after.unit === 'working-days' ? `, ${ctx.calendar.name} calendar` : '';
  const baseWords = `received ${toIsoDate(ctx.received)} + ${describeDuration(after)}${calendarPart}, ${label}${psWords}`;
  const deadlock = ctx.story.first.deadlock;
  const letter = ctx.story.first['adr-letter-sent'];
  let due = base;
  let head = `due ${toIsoDate(base)}: ${baseWords}`;
  if (rule.atOnceOnDeadlock && deadlock && deadlock.day < base) {
    due = deadlock.day;
    head = `due ${deadlock.on}: deadlock ${deadlock.on}, ${rule.label} at once, ${label} (otherwise due ${toIsoDate(base)}: received + ${describeDuration(after)})`;
  }
  // Days, never the order of recording (README, "Same-day events"): only a resolution ends the obligation, and a
  // deadlock on or before the day of the resolution keeps it (the final position explains what follows it).
  const resolved = ctx.story.first.resolved;
  const closed = ctx.story.first.closed;
  let question = '';
  if (!letter) {
    if (resolved && resolved.day <= due && !(deadlock && deadlock.day <= resolved.day)) {
      return notApplicable(
        'adr-letter',
        rule.label,
        'regulation',
        label,
        `Not needed: ${EVENT_WORDS[resolved.type]} ${resolved.on}, on or before the date the ${rule.label} would have been due (${head.slice(4)}).`,
        ctx.received,
      );
    }
    // A closure says nothing about whether the complaint was resolved (REGULATION.md: the letter is owed "if the
    // complaint is not resolved"): the obligation stays and the desk is asked.
    if (closed && closed.day <= due && !resolved && !(deadlock && deadlock.day <= due)) {
      question = `Closed ${closed.on} without a resolution or a final position: was the complaint resolved? If it was, record the resolution; if not, the ${rule.label} is owed.`;
      ctx.resolutionQuestion = closed.on;
    }
  }
  const state = stateFor(due, letter, ctx.today);
  const explanation = compose(
    head,
    due !== base
      ? ''
      : after.unit === 'working-days'
        ? skippedHolidaysSentence(ctx, ctx.received, base, 'The day of receipt')
        : unmovedDateSentence(ctx, due, after.unit),
    statusSentence(state, letter, `no ${rule.label}`),
    question,
  );
  return makeClock(
    'adr-letter',
    rule.label,
    'regulation',
    label,
    state,
    due,
    ctx.received,
    letter?.day ?? null,
    0,
    explanation,
  );
}

function referralWindowClock(ctx: Ctx, version: RegimeVersion, scope: ScopeCheck, schemeName: string): Clock | null {
  const rule = version.referralWindow;
  if (!rule) return null;
  const label = version.label;
  if (scope.outOfScope) {
    return notApplicable(
      'adr-referral-window',
      rule.label,
      'regulation',
      label,
      `Not applicable: ${scope.reason} (${label}).`,
    );
  }
  const letter = ctx.story.first['adr-letter-sent'];
  if (!letter) {
    return notApplicable(
      'adr-referral-window',
      rule.label,
      'regulation',
      label,
      `No ADR letter has been sent, so no time limit applies (${label}).`,
    );
  }
  const due = addDuration(letter.day, rule.after, ctx.calendar);
  const referral = ctx.story.first['referred-to-adr'];
  const state = stateFor(due, referral, ctx.today);
  const explanation = compose(
    `closes ${toIsoDate(due)}: ADR letter sent ${letter.on} + ${describeDuration(rule.after)}, ${label}`,
    monthClampSentence(letter.day, due, rule.after.unit),
    `The customer's time to take the complaint to ${schemeName}.`,
    state === 'met' && referral
      ? `Met: referred ${referral.on}.`
      : state === 'missed' && referral
        ? `Referred ${referral.on}, after the window closed.`
        : state === 'missed'
          ? `The window closed on ${toIsoDate(due)} without a referral.`
          : '',
  );
  return makeClock(
    'adr-referral-window',
    rule.label,
    'regulation',
    label,
    state,
    due,
    letter.day,
    referral?.day ?? null,
    0,
    explanation,
  );
}

function summaryResolutionClock(ctx: Ctx, version: RegimeVersion): Clock | null {
  const rule = version.summaryResolution;
  if (!rule) return null;
  const label = version.label;
  const due = addDuration(ctx.received, rule.within, ctx.calendar);
  const resolved = ctx.story.first.resolved;
  const head = `due ${toIsoDate(due)}: received ${toIsoDate(ctx.received)} + ${describeDuration(rule.within)}, ${ctx.calendar.name} calendar, ${label}`;
  if (resolved && resolved.day <= due) {
    return makeClock(
      'summary-resolution',
      rule.label,
      'regulation',
      label,
      'met',
      due,
      ctx.received,
      resolved.day,
      0,
      compose(
        head,
        `Met: resolved ${resolved.on}, so a summary resolution communication may be sent instead of a final response.`,
      ),
    );
  }
  if (resolved || ctx.today > due) {
    return notApplicable(
      'summary-resolution',
      rule.label,
      'regulation',
      label,
      compose(head, 'Not resolved by then, so a full final response is needed.'),
      ctx.received,
    );
  }
  return makeClock(
    'summary-resolution',
    rule.label,
    'regulation',
    label,
    'running',
    due,
    ctx.received,
    null,
    0,
    compose(head, 'If resolved by then, a summary resolution communication may be sent instead of a final response.'),
  );
}

function regulatoryAcknowledgementClock(ctx: Ctx, version: RegimeVersion): Clock | null {
  const rule = version.acknowledgement;
  if (!rule) return null;
  const label = version.label;
  const due = addDuration(ctx.received, rule.within, ctx.calendar);
  const closing = firstOnOrAfter(ctx.events, ctx.received, ACK_CLOSER_ORDER);
  const state = stateFor(due, closing, ctx.today);
  ctx.actionLabels.set(rule.clockId, rule.action);
  const calendarPart = rule.within.unit === 'working-days' ? `, ${ctx.calendar.name} calendar` : '';
  const explanation = compose(
    `due ${toIsoDate(due)}: received ${toIsoDate(ctx.received)} + ${describeDuration(rule.within)}${calendarPart}, ${label}`,
    unmovedDateSentence(ctx, due, rule.within.unit),
    statusSentence(state, closing, 'not acknowledged'),
  );
  return makeClock(
    rule.clockId,
    rule.label,
    'regulation',
    label,
    state,
    due,
    ctx.received,
    closing?.day ?? null,
    0,
    explanation,
  );
}

function cctsResponseClock(ctx: Ctx, version: RegimeVersion): Clock | null {
  const rule = version.cctsResponse;
  if (!rule) return null;
  const label = version.label;
  const referral = ctx.story.last['ccts-referral'];
  if (!referral) {
    return notApplicable(
      'ccts-response',
      rule.label,
      'regulation',
      label,
      `The CCTS has not referred this complaint (${label}).`,
    );
  }
  const due = addDuration(referral.day, rule.after, ctx.calendar);
  // A reply recorded on the day of the referral answers it, whichever was recorded first.
  const closing = firstOnOrAfter(ctx.events, referral.day, CCTS_RESPONSE_CLOSERS);
  const state = stateFor(due, closing, ctx.today);
  const explanation = compose(
    `due ${toIsoDate(due)}: CCTS referral ${referral.on} + ${describeDuration(rule.after)}, ${label}`,
    unmovedDateSentence(ctx, due, rule.after.unit),
    statusSentence(state, closing, 'no report to the CCTS'),
  );
  return makeClock(
    'ccts-response',
    rule.label,
    'regulation',
    label,
    state,
    due,
    referral.day,
    closing?.day ?? null,
    0,
    explanation,
  );
}

function cctsObjectionClock(ctx: Ctx, version: RegimeVersion): Clock | null {
  const rule = version.cctsObjection;
  if (!rule) return null;
  const label = version.label;
  const referral = ctx.story.last['ccts-referral'];
  if (!referral) {
    return notApplicable(
      'ccts-objection',
      rule.label,
      'regulation',
      label,
      `The CCTS has not referred this complaint (${label}).`,
    );
  }
  const due = addDuration(referral.day, rule.after, ctx.calendar);
  const head = `due ${toIsoDate(due)}: CCTS referral ${referral.on} + ${describeDuration(rule.after)}, ${label}`;
  if (ctx.today > due) {
    return notApplicable(
      'ccts-objection',
      rule.label,
      'regulation',
      label,
      compose(head, 'The time to object has passed.'),
      referral.day,
    );
  }
  return makeClock(
    'ccts-objection',
    rule.label,
    'regulation',
    label,
    'running',
    due,
    referral.day,
    null,
    0,
    compose(
      head,
      unmovedDateSentence(ctx, due, rule.after.unit),
      'Only if the provider objects to the CCTS accepting the complaint.',
    ),
  );
}

function cctsNoticeClock(ctx: Ctx, version: RegimeVersion): Clock | null {
  const rule = version.cctsNotice;
  if (!rule) return null;
  const label = version.label;
  // One trigger per day: the highest level reached that day (levels only rise, so the day's last), whatever the
  // order in which that day's escalations were recorded.
  const triggers = ctx.story.levels.filter(
    (l, i, all) => l.level >= rule.atEscalationLevel && all[i + 1]?.day !== l.day,
  );
  const ladder = ctx.procedure.stages.filter((s) => !s.external);
  const levelStage = ladder[rule.atEscalationLevel];
  const levelWords = `the ${ordinal(rule.atEscalationLevel)} level of escalation${levelStage ? ` (the ${levelStage.name} stage)` : ''}`;
  if (triggers.length === 0) {
    const ended = firstOnOrAfter(ctx.events, ctx.received, RESOLVED_OR_CLOSED);
    return notApplicable(
      'ccts-notice',
      rule.label,
      'regulation',
      label,
      ended
        ? `Not needed: ${EVENT_WORDS[ended.type]} ${ended.on} before reaching ${levelWords} (${label}).`
        : `Not yet due: tell the customer about the CCTS if the complaint is still unresolved when it reaches ${levelWords}, and at each later level (${label}).`,
    );
  }
  const latest = triggers[triggers.length - 1];
  const due = addDuration(latest.day, rule.within, ctx.calendar);
  // Telling the customer on the day the level is reached meets the notice, whichever was recorded first.
  const informed = firstOnOrAfter(ctx.events, latest.day, CCTS_INFORMED);
  const state = stateFor(due, informed, ctx.today);
  const when =
    rule.within.amount === 0
      ? 'tell the customer about the CCTS at once'
      : `tell the customer about the CCTS within ${describeDuration(rule.within)}`;
  const earlierMisses: string[] = [];
  for (const earlier of triggers.slice(0, -1)) {
    const earlierDue = addDuration(earlier.day, rule.within, ctx.calendar);
    const told = firstOnOrAfter(ctx.events, earlier.day, CCTS_INFORMED);
    if (!told || told.day > earlierDue)
      earlierMisses.push(`The notice due ${toIsoDate(earlierDue)} (${earlier.stageName}) was missed.`);
  }
  const explanation = compose(
    `due ${toIsoDate(due)}: reached the ${latest.stageName} stage (${ordinal(latest.level)} level of escalation) unresolved ${toIsoDate(latest.day)}, ${when}, ${label}`,
    ...earlierMisses,
    statusSentence(state, informed, 'customer not told'),
  );
  return makeClock(
    'ccts-notice',
    rule.label,
    'regulation',
    label,
    state,
    due,
    latest.day,
    informed?.day ?? null,
    0,
    explanation,
  );
}

const REGIME_CLOCK_KINDS: ReadonlyArray<{
  key: keyof RegimeVersion;
  id: (v: RegimeVersion) => string;
  label: (v: RegimeVersion) => string;
}> = [
  { key: 'adrLetter', id: () => 'adr-letter', label: (v) => v.adrLetter?.label ?? 'ADR letter' },
  {
    key: 'referralWindow',
    id: () => 'adr-referral-window',
    label: (v) => v.referralWindow?.label ?? 'ADR referral window',
  },
  {
    key: 'summaryResolution',
    id: () => 'summary-resolution',
    label: (v) => v.summaryResolution?.label ?? 'Summary resolution',
  },
  {
    key: 'acknowledgement',
    id: (v) => v.acknowledgement?.clockId ?? 'regulatory-acknowledgement',
    label: (v) => v.acknowledgement?.label ?? 'Acknowledgement',
  },
  { key: 'cctsNotice', id: () => 'ccts-notice', label: (v) => v.cctsNotice?.label ?? 'CCTS notice' },
  { key: 'cctsResponse', id: () => 'ccts-response', label: (v) => v.cctsResponse?.label ?? 'CCTS response' },
  { key: 'cctsObjection', id: () => 'ccts-objection', label: (v) => v.cctsObjection?.label ?? 'CCTS objection' },
];

function regimeClocks(ctx: Ctx, regime: Regime, version: RegimeVersion | null, schemeName: string): Clock[] {
  if (!version) {
    // No version in force when the complaint was made: list the regime's clocks as not applicable, saying why.
    const first = regime.versions[0];
    const why = `${regime.name} applies to complaints made on or after ${first.effectiveFrom ?? 'its start'}; this one was received ${toIsoDate(ctx.received)}.`;
    const out: Clock[] = [];
    const seen = new Set<string>();
    for (const v of regime.versions) {
      for (const kind of REGIME_CLOCK_KINDS) {
        if (v[kind.key] === undefined) continue;
        const id = kind.id(v);
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(notApplicable(id, kind.label(v), 'regulation', regime.name, why));
      }
    }
    return out;
  }
  const scope = scopeOf(ctx, version);
  return [
    adrLetterClock(ctx, version, scope),
    referralWindowClock(ctx, version, scope, schemeName),
    summaryResolutionClock(ctx, version),
    regulatoryAcknowledgementClock(ctx, version),
    cctsNoticeClock(ctx, version),
    cctsResponseClock(ctx, version),
    cctsObjectionClock(ctx, version),
  ].filter((c): c is Clock => c !== null);
}

// ---------------------------------------------------------------------------------------------------------------
// Warnings and next actions

function scopeWarnings(ctx: Ctx, version: RegimeVersion | null, schemeName: string): void {
  const scope = version?.scope;
  if (!scope) return;
  const customer = ctx.facts.customer;
  if (scope.maxEmployees !== undefined && customer?.isBusiness) {
    if (customer.employees === undefined) {
      ctx.warnings.push(
        `Business customer: ${capitalise(schemeName)} only takes businesses with ${scope.maxEmployees} or fewer employees; record the number of employees.`,
      );
    } else if (customer.employees > scope.maxEmployees) {
      ctx.warnings.push(
        `Business customer with ${customer.employees} employees: outside ${schemeName}'s scope (${scope.maxEmployees} or fewer employees), so no ADR letter or referral window applies.`,
      );
    }
  }
  if (ctx.facts.category && scope.excludedCategories?.includes(ctx.facts.category)) {
    ctx.warnings.push(
      `${capitalise(ctx.facts.category)} complaint: ${schemeName} does not rule on general pricing or commercial judgement; ` +
        'the ADR letter is still due if the complaint stays unresolved.',
    );
  }
}

function isOpenClock(c: Clock): boolean {
  return c.state === 'running' || (c.state === 'missed' && c.closedOn === null);
}

function findClock(clocks: Clock[], id: string): Clock | undefined {
  for (const c of clocks) if (c.id === id) return c;
  return undefined;
}

function overdue(c: Clock): string {
  return c.state === 'missed' ? ' (overdue)' : '';
}

function action(id: string, label: string, c: Clock): NextAction {
  return { id, label, dueOn: c.dueOn, why: c.explanation };
}

/** Earliest due first, undated last; equal dates keep their order (Array.prototype.sort is stable). */
function byDueDate(a: NextAction, b: NextAction): number {
  if (a.dueOn === b.dueOn) return 0;
  if (a.dueOn === null) return 1;
  if (b.dueOn === null) return -1;
  return a.dueOn < b.dueOn ? -1 : 1;
}

function nextActions(
  ctx: Ctx,
  clocks: Clock[],
  status: Evaluation['status'],
  pausedSince: DayNumber | null,
  regimeVersion: RegimeVersion | null,
): NextAction[] {
  const actions: NextAction[] = [];
  const { procedure, story } = ctx;
  const stage = procedure.stages[story.stageIndex];
  if (status === 'open') {
    const ack = findClock(clocks, 'acknowledgement');
    if (ack && isOpenClock(ack)) {
      actions.push(
        action(
          'acknowledge',
          `${procedure.acknowledgement?.action ?? 'Acknowledge the complaint'}${overdue(ack)}`,
          ack,
        ),
      );
    } else if (ack && ack.state === 'not-applicable' && !firstAfter(ctx.events, -1, ACK_CLOSERS)) {
      actions.push({
        id: 'acknowledge',
        label: 'Acknowledge the complaint',
        dueOn: null,
        why: `No acknowledgement recorded yet. ${ack.explanation}`,
      });
    }
    const fr = findClock(clocks, 'first-response');
    const frOpen = fr !== undefined && isOpenClock(fr);
    if (fr && frOpen) {
      const t = firstResponseTarget(procedure, ctx.facts.channel);
      actions.push(action('first-response', `${t?.action ?? 'Send the first response'}${overdue(fr)}`, fr));
    }
    const sr = findClock(clocks, 'stage-response');
    if (sr && isOpenClock(sr)) {
      if (!(frOpen && fr.dueOn === sr.dueOn)) {
        actions.push(
          action('stage-response', `${stage.target?.action ?? `Respond at the ${stage.name} stage`}${overdue(sr)}`, sr),
        );
      }
      if (sr.state === 'missed' && stage.escalateWhen.includes('missed-target')) {
        const next = procedure.stages.find((s, i) => i > story.stageIndex && !s.external);
        if (next) {
          actions.push({
            id: 'escalate',
            label: `Escalate to ${next.name}`,
            dueOn: sr.dueOn,
            why: `The ${stage.name} target was missed; the procedure escalates on a missed target. ${sr.explanation}`,
          });
        }
      }
    }
  }
  for (const c of clocks) {
    if (c.source !== 'regulation' || !isOpenClock(c)) continue;
    switch (c.id) {
      case 'adr-letter': {
        const dl = story.first.deadlock;
        const label = regimeVersion?.adrLetter?.action ?? 'Send the ADR letter';
        if (ctx.resolutionQuestion !== undefined) {
          actions.push({
            id: 'confirm-resolution',
            label: 'Was the complaint resolved? Record the resolution, or send the ADR letter',
            dueOn: c.dueOn,
            why: c.explanation,
          });
        }
        actions.push(
          action('send-adr-letter', `${label}${dl && c.dueOn === dl.on ? ' (deadlock: at once)' : ''}${overdue(c)}`, c),
        );
        break;
      }
      case 'ccts-notice':
        actions.push(action('tell-customer-about-ccts', `Tell the customer about the CCTS${overdue(c)}`, c));
        break;
      case 'ccts-response':
        actions.push(action('report-to-ccts', `Report back to the CCTS${overdue(c)}`, c));
        break;
      case 'adr-referral-window': // the customer's time, not the provider's task
      case 'ccts-objection': // optional
      case 'summary-resolution': // a classification, not a task
        break;
      default:
        actions.push(action(c.id, `${ctx.actionLabels.get(c.id) ?? c.label}${overdue(c)}`, c));
    }
  }
  if (pausedSince !== null) {
    actions.push({
      id: 'resume',
      label: 'Resume the case when the customer replies',
      dueOn: null,
      why: `Paused since ${toIsoDate(pausedSince)}: the provider's own targets are stopped; regulatory clocks keep running.`,
    });
  }
  if (status === 'resolved') {
    actions.push({
      id: 'close',
      label: 'Close the case',
      dueOn: null,
      why: `Resolved ${story.first.resolved?.on}; nothing else is due.`,
    });
  }
  return actions.length > 1 ? actions.sort(byDueDate) : actions;
}

// ---------------------------------------------------------------------------------------------------------------
// Entry point

/**
 * Evaluate a case on `today` (YYYY-MM-DD, an argument: the engine never reads a clock). Returns its clocks, current
 * stage, next actions and warnings. Bad facts (unknown procedure, impossible dates, events out of order or before
 * receipt) throw a RulesError with a message naming the field, never a wrong date.
 */
export function evaluateCase(facts: CaseFacts, today: IsoDate, options: EvaluateOptions = {}): Evaluation {
  const checked = checkFacts(facts, today);
  const procedures = options.procedures ?? deskProcedures();
  const regimes = options.regimes ?? DEFAULT_REGIMES;
  const calendars = options.calendars ?? DEFAULT_CALENDARS;
  const adrSchemes = options.adrSchemes ?? DEFAULT_ADR_DIRECTORY;
  const procedure = procedureForCase({ procedureId: facts.procedureId, receivedOn: facts.receivedOn }, procedures);
  const calendar = calendars[facts.calendar];
  const story = readStory(procedure, checked.events, checked.received);
  const ctx: Ctx = {
    facts,
    procedure,
    procedureLabel: procedureVersionLabel(procedure),
    calendar,
    received: checked.received,
    today: checked.today,
    events: checked.events,
    story,
    warnings: [],
    actionLabels: new Map(),
  };

  const scheme = adrSchemes.byId.get(procedure.adrSchemeId);
  const adrScheme = scheme ? adrSchemeOnDay(scheme, checked.today) : null;
  const schemeName = adrScheme ? schemeInSentence(adrScheme.name) : 'the ADR scheme';

  const regime = getRegime(procedure.regimeId, regimes);
  const version = regimeVersionOnDay(regime, checked.received);
  if (!version) {
    ctx.warnings.push(`No version of ${regime.name} was in force on ${facts.receivedOn}; its clocks do not apply.`);
  }
  const clocks = [...providerClocks(ctx), ...regimeClocks(ctx, regime, version, schemeName)];
  for (const extraId of facts.regimes ? new Set(facts.regimes) : []) {
    if (extraId === regime.id) continue;
    const extra = getRegime(extraId, regimes);
    clocks.push(...regimeClocks(ctx, extra, regimeVersionOnDay(extra, checked.received), schemeName));
  }
  scopeWarnings(ctx, version, schemeName);
  const calendarCountry = facts.calendar === 'canada' ? 'CA' : 'GB';
  if (calendarCountry !== procedure.provider.country) {
    ctx.warnings.push(
      `The ${calendar.name} calendar is unusual for ${procedure.name} (a ${procedure.provider.country === 'CA' ? 'Canadian' : 'UK'} procedure); check the desk's calendar.`,
    );
  }

  const status: Evaluation['status'] = story.first.closed ? 'closed' : story.first.resolved ? 'resolved' : 'open';
  const lastPause = story.pauses[story.pauses.length - 1];
  const pausedSince = status === 'open' && lastPause && lastPause.to === null ? lastPause.from : null;
  const stage = procedure.stages[story.stageIndex];
  const outOfScope = version ? scopeOf(ctx, version).size : undefined;

  return {
    procedureId: procedure.id,
    procedureVersion: {
      version: procedure.version,
      label: procedureVersionLabel(procedure),
      ...(procedure.effectiveFrom ? { effectiveFrom: procedure.effectiveFrom } : {}),
    },
    stage: stage.id,
    stageName: stage.name,
    escalationLevel: story.escalationLevel,
    status,
    pausedSince: pausedSince === null ? null : toIsoDate(pausedSince),
    calendar: facts.calendar,
    regime: version ? { id: regime.id, name: regime.name, version: version.label } : null,
    adrScheme,
    clocks,
    nextActions: nextActions(ctx, clocks, status, pausedSince, version),
    warnings: ctx.warnings,
    ...(outOfScope ? { adrOutOfScope: outOfScope } : {}),
  };
}
