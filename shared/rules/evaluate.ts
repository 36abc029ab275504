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
import { addMonthsToDayNumber, type DayNumber, partsFromDayNumber, toDayNumber, toIsoDate, weekdayOf } from './dates';
import { RulesError } from './errors';
import { CLOCK_LABELS_EN, clockLabelEn, NEXT_STEPS_EN, nextStepEn } from './words';
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
import {
  explanationInEnglish,
  type Phrase,
  phrase,
  phraseInEnglish,
  type PhraseValue,
  type Reason,
  reasonInEnglish,
} from './explain';
import type { CaseFacts, Clock, ClockState, Duration, Evaluation, IsoDate, NextAction, RuleEventType } from './types';

/** The data an evaluation reads. Every part defaults to the built-in data; pass your own to use imported data. */
export interface EvaluateOptions {
  calendars?: CalendarSet;
  procedures?: ProcedureRegistry;
  regimes?: RegimeRegistry;
  adrSchemes?: AdrDirectory;
}

// ---------------------------------------------------------------------------------------------------------------
// Wording: every sentence is a list of phrases (./explain.ts, the one home of the English words)

/** "the Communications Ombudsman", but "CISAS (…)": an acronym takes no article. */
const schemeAcronyms = new Map<string, boolean>();
function schemePhrase(name: string | null, start = false): Phrase {
  if (name === null) return phrase(start ? 'scheme-unknown-start' : 'scheme-unknown');
  let acronym = schemeAcronyms.get(name);
  if (acronym === undefined) {
    const firstWord = name.split(/[\s(]/)[0];
    acronym = firstWord.length > 1 && firstWord === firstWord.toUpperCase();
    schemeAcronyms.set(name, acronym);
  }
  return phrase(acronym ? 'scheme-acronym' : start ? 'scheme-start' : 'scheme', { name });
}

const day = (d: DayNumber | IsoDate): PhraseValue => ({ date: typeof d === 'number' ? toIsoDate(d) : d });
const period = (d: Duration): PhraseValue => ({ duration: d });

/** The explanation's head, then its sentences (absent ones left out). */
function parts(head: Phrase, ...sentences: Array<Phrase | null | undefined>): Phrase[] {
  const out = [head];
  for (const s of sentences) if (s) out.push(s);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Arithmetic on day numbers

function addDuration(start: DayNumber, d: Duration, calendar: HolidayCalendar | undefined): DayNumber {
  switch (d.unit) {
    case 'working-days':
      if (!calendar) throw new Error(`${d.amount} working days cannot be counted without the case's calendar.`);
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
      phrase('unreadable-unknown-stage', { procedure: procedure.name, stage: id }),
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
            phrase('unreadable-last-stage', { on: { date: ev.on }, stage: procedure.stages[story.stageIndex].name }),
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
          phrase('unreadable-already-paused', { on: { date: ev.on }, since: { date: toIsoDate(openPause.from) } }),
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
          phrase('unreadable-not-paused', { on: { date: ev.on } }),
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
/**
 * What meets the report back to the CCTS (REGULATION.md §2): the report to the CCTS itself, and nothing else. A reply
 * to the customer, a resolution or a closure is not a report to the CCTS, which waits for the provider's report
 * whatever the desk did with the customer; and the regulatory clocks never pause (REGULATION.md §5.6), so
 * closing the case does not end the clock either (casework refuses a closure while the report is owed, and lets a
 * report be recorded on a case closed before the report existed). README, "Readings of the rules to confirm".
 */
const CCTS_RESPONSE_CLOSERS: readonly RuleEventType[] = ['ccts-report'];
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
  /** The warnings as phrases, in the same order. */
  warningPhrases: Phrase[];
  /** Next-action wording for regulatory clocks that carry their own (e.g. the data-protection acknowledgement). */
  actionLabels: Map<string, string>;
  /** The day of a closure that left the ADR letter owed with no resolution or deadlock recorded (the desk is asked). */
  resolutionQuestion?: IsoDate;
}

function warn(ctx: Ctx, p: Phrase): void {
  ctx.warnings.push(phraseInEnglish(p));
  ctx.warningPhrases.push(p);
}

/** The calendar as a value: its id (the interface names it) and the name the calendar set gives it. */
const calendarOf = (ctx: Ctx): PhraseValue => ({ calendar: ctx.facts.calendar, name: ctx.calendar.name });

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
  explain: Phrase[],
): Clock {
  return {
    id,
    label,
    dueOn: dueOn === null ? null : toIsoDate(dueOn),
    state,
    explanation: explanationInEnglish(explain),
    explain,
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
  explain: Phrase[],
  startsOn: DayNumber | null = null,
): Clock {
  return makeClock(id, label, source, rule, 'not-applicable', null, startsOn, null, 0, explain);
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

/** "Met: acknowledged 2026-11-20." / "Missed: …" (`open`: what was not done, when nothing closed the clock). */
function statusPhrase(state: ClockState, closing: CheckedEvent | undefined, open: Phrase): Phrase | null {
  if (state === 'met' && closing) return phrase('met', { event: { event: closing.type }, on: day(closing.on) });
  if (state === 'missed' && closing)
    return phrase('missed-late', { event: { event: closing.type }, on: day(closing.on) });
  if (state === 'missed') return phrase('missed-open', { open });
  return null;
}

function skippedHolidays(
  ctx: Ctx,
  start: DayNumber,
  due: DayNumber,
  startDay: 'day-of-receipt' | 'day-entered-stage',
): Phrase {
  const holidays = holidaysBetweenDays(start, due, ctx.calendar);
  const shown: PhraseValue[] = holidays
    .slice(0, 4)
    .map((h) => phrase('holiday', { name: { holiday: h.name }, on: day(h.date) }));
  if (holidays.length > 4) shown.push(phrase('holidays-more', { count: holidays.length - 4 }));
  return phrase('holidays-skipped', {
    startDay: phrase(startDay),
    calendar: calendarOf(ctx),
    here: shown.length ? phrase('holidays-here', { list: { list: shown, separator: ', ' } }) : '',
  });
}

function unmovedDate(ctx: Ctx, due: DayNumber, unit: Duration['unit']): Phrase | null {
  if (unit === 'working-days') return null;
  const w = weekdayOf(due);
  const holiday = ctx.calendar.holidayOnDay(due);
  if (w !== 0 && w !== 6 && !holiday) return null;
  return phrase('not-moved', {
    on: day(due),
    what: holiday
      ? phrase('a-bank-holiday', { name: { holiday: holiday.name } })
      : phrase('a-weekday', { weekday: { weekday: w } }),
    unit: phrase(unit === 'months' ? 'unit-months' : 'unit-days'),
  });
}

function monthClamp(start: DayNumber, due: DayNumber, unit: Duration['unit']): Phrase | null {
  if (unit !== 'months') return null;
  const s = partsFromDayNumber(start);
  const d = partsFromDayNumber(due);
  if (s.day === d.day) return null;
  return phrase('month-clamp', { day: s.day });
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
    /** "received 2026-11-18" / "entered the Stage 2 stage 2026-11-25" */
    startPhrase: Phrase;
    /** "The day of receipt" / "The day it entered the stage" */
    startDay: 'day-of-receipt' | 'day-entered-stage';
    closers: ReadonlySet<RuleEventType>;
    stageId?: string;
    open: Phrase;
    noTarget: Phrase;
  },
): Clock {
  const rule = ctx.procedureLabel;
  const { target } = spec;
  if (!target) return notApplicable(spec.id, spec.label, 'provider', rule, [spec.noTarget], spec.start);
  const closing = firstAfter(ctx.events, spec.startIndex, spec.closers, spec.stageId);
  const base = addDuration(spec.start, target, ctx.calendar);
  let due = base;
  let paused = 0;
  const pauseNotes: Phrase[] = [];
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
      p.to === null
        ? phrase('pause-open', { from: day(p.from) })
        : phrase('pause', { from: day(p.from), to: day(p.to) }),
    );
  }
  const state = stateFor(due, closing, ctx.today);
  const pausedUnit = target.unit === 'working-days' ? 'working-days' : 'days';
  const pausedPart = paused ? phrase('plus-paused', { duration: period({ amount: paused, unit: pausedUnit }) }) : '';
  const calendarPart = target.unit === 'working-days' ? phrase('calendar-before', { calendar: calendarOf(ctx) }) : '';
  const basis =
    target.amount === 0 && !paused
      ? phrase('provider-basis-at-once', { start: spec.startPhrase, calendar: calendarPart, rule, what: target.what })
      : phrase('provider-basis', {
          start: spec.startPhrase,
          duration: period(target),
          paused: pausedPart,
          calendar: calendarPart,
          rule,
          what: target.what,
        });
  const explain = parts(
    phrase('due', { dueOn: day(due), basis }),
    target.unit === 'working-days' && target.amount > 0
      ? skippedHolidays(ctx, spec.start, due, spec.startDay)
      : unmovedDate(ctx, due, target.unit),
    target.unit === 'working-days' && target.amount > 0 ? null : monthClamp(spec.start, base, target.unit),
    pauseNotes.length ? phrase('paused', { list: { list: pauseNotes, separator: '; ' } }) : null,
    statusPhrase(state, closing, spec.open),
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
    explain,
  );
}

function providerClocks(ctx: Ctx): Clock[] {
  const { procedure, facts, story } = ctx;
  const stage = procedure.stages[story.stageIndex];
  const fr = firstResponseTarget(procedure, facts.channel);
  const channel = CHANNEL_LABELS[facts.channel];
  const rule = ctx.procedureLabel;
  const received = phrase('start-received', { on: day(ctx.received) });
  const clocks: Clock[] = [
    providerClock(ctx, {
      id: 'acknowledgement',
      label: CLOCK_LABELS_EN.acknowledgement,
      target: procedure.acknowledgement,
      start: ctx.received,
      startIndex: -1,
      startPhrase: received,
      startDay: 'day-of-receipt',
      closers: ACK_CLOSERS,
      open: phrase('open-not-acknowledged'),
      noTarget: phrase('no-ack-target', { rule }),
    }),
    providerClock(ctx, {
      id: 'first-response',
      label: clockLabelEn('firstResponse', { channel: channel.toLowerCase() }),
      target: fr,
      start: ctx.received,
      startIndex: -1,
      startPhrase: received,
      startDay: 'day-of-receipt',
      closers: RESPONSE_CLOSERS,
      open: phrase('open-no-response'),
      noTarget: phrase('no-first-response-target', { rule, channel: { channel: facts.channel } }),
    }),
  ];
  if (stage.external) {
    clocks.push(
      notApplicable(
        'stage-response',
        clockLabelEn('stageResponse', { stage: stage.name }),
        'provider',
        rule,
        [phrase('external-stage', { stage: stage.name, owner: stage.owner, on: day(story.stageStart) })],
        story.stageStart,
      ),
    );
  } else {
    const first = story.stageIndex === 0 && story.stageStartIndex < 0;
    clocks.push(
      providerClock(ctx, {
        id: 'stage-response',
        label: clockLabelEn('stageResponse', { stage: stage.name }),
        target: stage.target,
        start: story.stageStart,
        startIndex: story.stageStartIndex,
        startPhrase: first
          ? phrase('start-received', { on: day(story.stageStart) })
          : phrase('start-stage', { stage: stage.name, on: day(story.stageStart) }),
        startDay: first ? 'day-of-receipt' : 'day-entered-stage',
        closers: RESPONSE_CLOSERS,
        stageId: stage.id,
        open: phrase('open-no-stage-response'),
        noTarget: phrase('no-stage-target', { stage: stage.name, rule }),
      }),
    );
  }
  return clocks;
}

// --- regulatory clocks ------------------------------------------------------------------------------------------

interface ScopeCheck {
  outOfScope: boolean;
  /** Set when out of scope: the business's size and the regime's limit. */
  size?: { employees: number; maxEmployees: number };
}

function scopeOf(ctx: Ctx, version: RegimeVersion): ScopeCheck {
  const max = version.scope?.maxEmployees;
  const customer = ctx.facts.customer;
  if (max !== undefined && customer?.isBusiness && customer.employees !== undefined && customer.employees > max) {
    return { outOfScope: true, size: { employees: customer.employees, maxEmployees: max } };
  }
  return { outOfScope: false };
}

/** "Not applicable: a business with 25 employees is outside the ADR scheme's scope (10 or fewer) (Ofcom …)." */
function outOfScope(scope: ScopeCheck, rule: string): Phrase[] {
  return [
    phrase('out-of-scope', {
      employees: scope.size?.employees ?? 0,
      maxEmployees: scope.size?.maxEmployees ?? 0,
      rule: { regulation: rule },
    }),
  ];
}

/** What the time-based ADR letter's first day depends on besides the regime version (a CaseFacts fits). */
export type TimeBasedAdrLetterFacts = Pick<CaseFacts, 'receivedOn' | 'paymentServices' | 'exceptionalCircumstances'> & {
  /** The case's calendar; needed only when the wait is in working days (FCA DISP payment services). */
  calendar?: CaseFacts['calendar'];
};

/**
 * The time-based ADR letter's wait and first day (REGULATION.md §1, §3, §5): the day of receipt plus the regime
 * version's wait (for FCA DISP payment services its 15 business days, 35 in exceptional circumstances), counted in
 * the case's calendar, never paused, and without the deadlock shortcut (a final position brings the ADR letter
 * clock forward, not this day). Null when the version has no ADR letter rule. The one home of this day: the ADR
 * letter clock counts from it and `timeBasedAdrLetterFrom` gives it to the letter that is refused before it.
 */
function timeBasedAdrLetter(
  version: RegimeVersion,
  facts: Pick<CaseFacts, 'paymentServices' | 'exceptionalCircumstances'>,
  received: DayNumber,
  calendar: HolidayCalendar | undefined,
): { after: Duration; day: DayNumber; wait: 'rule' | 'payment-services' | 'payment-services-exceptional' } | null {
  const rule = version.adrLetter;
  if (!rule) return null;
  const ps = version.paymentServices;
  const [wait, after] = !(ps && facts.paymentServices)
    ? (['rule', rule.after] as const)
    : facts.exceptionalCircumstances
      ? (['payment-services-exceptional', ps.exceptionalAfter] as const)
      : (['payment-services', ps.after] as const);
  return { after, day: addDuration(received, after, calendar), wait };
}

/**
 * The first day a time-based ADR letter may be issued under this regime version for this complaint (YYYY-MM-DD), or
 * null when the version has no ADR letter: the day the ADR letter clock is due when no deadlock brings it forward.
 */
export function timeBasedAdrLetterFrom(
  version: RegimeVersion,
  facts: TimeBasedAdrLetterFacts,
  calendars: CalendarSet = DEFAULT_CALENDARS,
): IsoDate | null {
  const calendar = facts.calendar === undefined ? undefined : calendars[facts.calendar];
  const found = timeBasedAdrLetter(version, facts, toDayNumber(facts.receivedOn, 'receivedOn'), calendar);
  return found ? toIsoDate(found.day) : null;
}

function adrLetterClock(ctx: Ctx, version: RegimeVersion, scope: ScopeCheck): Clock | null {
  const rule = version.adrLetter;
  const timeBased = timeBasedAdrLetter(version, ctx.facts, ctx.received, ctx.calendar);
  if (!rule || !timeBased) return null;
  const label = version.label;
  const clock = { clock: rule.label };
  if (scope.outOfScope) {
    return notApplicable('adr-letter', rule.label, 'regulation', label, outOfScope(scope, label));
  }
  const { after, day: base, wait } = timeBased;
  const payment = wait === 'rule' ? '' : phrase(wait);
  const calendarPart = after.unit === 'working-days' ? phrase('calendar-after', { calendar: calendarOf(ctx) }) : '';
  const deadlock = ctx.story.first.deadlock;
  const letter = ctx.story.first['adr-letter-sent'];
  let due = base;
  let dueOn: PhraseValue = day(base);
  let basis = phrase('received-basis', {
    on: day(ctx.received),
    duration: period(after),
    calendar: calendarPart,
    rule: { regulation: label },
    payment,
  });
  if (rule.atOnceOnDeadlock && deadlock && deadlock.day < base) {
    due = deadlock.day;
    dueOn = day(deadlock.on);
    basis = phrase('deadlock-basis', {
      on: day(deadlock.on),
      clock,
      rule: { regulation: label },
      otherwiseOn: day(base),
      duration: period(after),
    });
  }
  // Owed only on a day the complaint is not resolved: a date that fell while it stood resolved, before a reopening took
  // that back, moves to the reopening (explore41-clocks #3: "26 days overdue" from a day it was resolved).
  if (!letter && due === base) {
    for (const spell of ctx.facts.resolvedSpells ?? []) {
      const from = toDayNumber(spell.from, 'resolvedSpells.from');
      const until = toDayNumber(spell.until, 'resolvedSpells.until');
      if (from > due || due >= until) continue;
      due = until;
      dueOn = day(spell.until);
      basis = phrase('reopened-basis', {
        on: day(spell.until),
        resolvedOn: day(spell.from),
        clock,
        rule: { regulation: label },
        otherwiseOn: day(base),
        duration: period(after),
      });
    }
  }
  // Days, never the order of recording (README, "Same-day events"): only a resolution ends the obligation, and a
  // deadlock on or before the day of the resolution keeps it (the final position explains what follows it).
  const resolved = ctx.story.first.resolved;
  const closed = ctx.story.first.closed;
  let question: Phrase | null = null;
  if (!letter) {
    if (resolved && resolved.day <= due && !(deadlock && deadlock.day <= resolved.day)) {
      return notApplicable(
        'adr-letter',
        rule.label,
        'regulation',
        label,
        [phrase('adr-not-needed', { event: { event: resolved.type }, on: day(resolved.on), clock, dueOn, basis })],
        ctx.received,
      );
    }
    // A closure says nothing about whether the complaint was resolved (REGULATION.md: the letter is owed "if the
    // complaint is not resolved"): the obligation stays and the desk is asked.
    if (closed && closed.day <= due && !resolved && !(deadlock && deadlock.day <= due)) {
      question = phrase('closed-unresolved', { on: day(closed.on), clock });
      ctx.resolutionQuestion = closed.on;
    }
  }
  // The customer at the scheme already (an ombudsman may take a complaint before the letter): the letter is still owed,
  // and the clock says why it is still asked for (explore34-team #8).
  const referral = ctx.story.first['referred-to-adr'];
  const referredFirst =
    !letter && referral && !(resolved && resolved.day <= due)
      ? phrase('referred-before-letter', { on: day(referral.on), clock })
      : null;
  const state = stateFor(due, letter, ctx.today);
  const explain = parts(
    phrase('due', { dueOn, basis }),
    due !== base
      ? null
      : after.unit === 'working-days'
        ? skippedHolidays(ctx, ctx.received, base, 'day-of-receipt')
        : unmovedDate(ctx, due, after.unit),
    statusPhrase(state, letter, phrase('open-no-clock', { clock })),
    question,
    referredFirst,
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
    explain,
  );
}

function referralWindowClock(ctx: Ctx, version: RegimeVersion, scope: ScopeCheck, scheme: Phrase): Clock | null {
  const rule = version.referralWindow;
  if (!rule) return null;
  const label = version.label;
  if (scope.outOfScope) {
    return notApplicable('adr-referral-window', rule.label, 'regulation', label, outOfScope(scope, label));
  }
  // From the last ADR letter sent (REGULATION.md §1: "12 months from the ADR letter"): each letter tells the customer
  // "12 months from the date of this letter", so a corrected letter, or the final position after a time-based one,
  // gives the customer the later day, and the desk's clock never closes before the day the customer was told.
  const letter = ctx.story.last['adr-letter-sent'];
  if (!letter) {
    return notApplicable('adr-referral-window', rule.label, 'regulation', label, [
      phrase('no-adr-letter-sent', { rule: { regulation: label } }),
    ]);
  }
  const due = addDuration(letter.day, rule.after, ctx.calendar);
  const referral = ctx.story.first['referred-to-adr'];
  const state = stateFor(due, referral, ctx.today);
  const explain = parts(
    phrase('closes', {
      dueOn: day(due),
      basis: phrase('letter-basis', { on: day(letter.on), duration: period(rule.after), rule: { regulation: label } }),
    }),
    monthClamp(letter.day, due, rule.after.unit),
    phrase('referral-time', { scheme }),
    state === 'met' && referral
      ? phrase('referred-met', { on: day(referral.on) })
      : state === 'missed' && referral
        ? phrase('referred-late', { on: day(referral.on) })
        : state === 'missed'
          ? phrase('window-closed', { on: day(due) })
          : null,
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
    explain,
  );
}

function summaryResolutionClock(ctx: Ctx, version: RegimeVersion): Clock | null {
  const rule = version.summaryResolution;
  if (!rule) return null;
  const label = version.label;
  const due = addDuration(ctx.received, rule.within, ctx.calendar);
  const resolved = ctx.story.first.resolved;
  const head = phrase('due', {
    dueOn: day(due),
    basis: phrase('received-basis', {
      on: day(ctx.received),
      duration: period(rule.within),
      calendar: phrase('calendar-after', { calendar: calendarOf(ctx) }),
      rule: { regulation: label },
      payment: '',
    }),
  });
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
      parts(head, phrase('summary-met', { on: day(resolved.on) })),
    );
  }
  if (resolved || ctx.today > due) {
    return notApplicable(
      'summary-resolution',
      rule.label,
      'regulation',
      label,
      parts(head, phrase('summary-missed')),
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
    parts(head, phrase('summary-running')),
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
  const calendarPart =
    rule.within.unit === 'working-days' ? phrase('calendar-after', { calendar: calendarOf(ctx) }) : '';
  const explain = parts(
    phrase('due', {
      dueOn: day(due),
      basis: phrase('received-basis', {
        on: day(ctx.received),
        duration: period(rule.within),
        calendar: calendarPart,
        rule: { regulation: label },
        payment: '',
      }),
    }),
    unmovedDate(ctx, due, rule.within.unit),
    statusPhrase(state, closing, phrase('open-not-acknowledged')),
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
    explain,
  );
}

/** "due 2026-12-18: CCTS referral 2026-11-18 + 30 days, CCTS Procedural Code from May 2023" */
function cctsHead(due: DayNumber, referral: CheckedEvent, after: Duration, label: string): Phrase {
  return phrase('due', {
    dueOn: day(due),
    basis: phrase('ccts-basis', { on: day(referral.on), duration: period(after), rule: { regulation: label } }),
  });
}

function cctsResponseClock(ctx: Ctx, version: RegimeVersion): Clock | null {
  const rule = version.cctsResponse;
  if (!rule) return null;
  const label = version.label;
  const referral = ctx.story.last['ccts-referral'];
  if (!referral) {
    return notApplicable('ccts-response', rule.label, 'regulation', label, [
      phrase('ccts-not-referred', { rule: { regulation: label } }),
    ]);
  }
  const due = addDuration(referral.day, rule.after, ctx.calendar);
  // A report recorded on the day of the referral answers it, whichever was recorded first.
  const closing = firstOnOrAfter(ctx.events, referral.day, CCTS_RESPONSE_CLOSERS);
  const state = stateFor(due, closing, ctx.today);
  const explain = parts(
    cctsHead(due, referral, rule.after, label),
    unmovedDate(ctx, due, rule.after.unit),
    statusPhrase(state, closing, phrase('open-no-ccts-report')),
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
    explain,
  );
}

function cctsObjectionClock(ctx: Ctx, version: RegimeVersion): Clock | null {
  const rule = version.cctsObjection;
  if (!rule) return null;
  const label = version.label;
  const referral = ctx.story.last['ccts-referral'];
  if (!referral) {
    return notApplicable('ccts-objection', rule.label, 'regulation', label, [
      phrase('ccts-not-referred', { rule: { regulation: label } }),
    ]);
  }
  const due = addDuration(referral.day, rule.after, ctx.calendar);
  const head = cctsHead(due, referral, rule.after, label);
  if (ctx.today > due) {
    return notApplicable(
      'ccts-objection',
      rule.label,
      'regulation',
      label,
      parts(head, phrase('objection-passed')),
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
    parts(head, unmovedDate(ctx, due, rule.after.unit), phrase('objection-only-if')),
  );
}

function cctsNoticeClock(ctx: Ctx, version: RegimeVersion): Clock | null {
  const rule = version.cctsNotice;
  if (!rule) return null;
  const label = version.label;
  // One trigger per day: the highest level reached that day (levels only rise, so the day's last), whatever the
  // order in which that day's escalations were recorded.
  const reached = ctx.story.levels.filter(
    (l, i, all) => l.level >= rule.atEscalationLevel && all[i + 1]?.day !== l.day,
  );
  const ladder = ctx.procedure.stages.filter((s) => !s.external);
  const levelStage = ladder[rule.atEscalationLevel];
  const level = phrase('level', {
    ordinal: { ordinal: rule.atEscalationLevel },
    stage: levelStage ? phrase('level-stage', { stage: levelStage.name }) : '',
  });
  // A final position (deadlock) given before that level is reached: the complaint will go no further with the provider,
  // so no later level can come; the customer is told about the CCTS from that day (explore34a Q2; a reading to
  // confirm, shared/rules/README.md).
  const deadlock = reached.length === 0 ? ctx.story.first.deadlock : undefined;
  const endedFirst = deadlock && firstOnOrAfter(ctx.events, ctx.received, RESOLVED_OR_CLOSED);
  const triggers: Array<Pick<LevelReached, 'day' | 'stageName' | 'level'> & { deadlock?: true }> =
    deadlock && !(endedFirst && endedFirst.day < deadlock.day)
      ? [{ day: deadlock.day, stageName: '', level: 0, deadlock: true }]
      : reached;
  if (triggers.length === 0) {
    const ended = firstOnOrAfter(ctx.events, ctx.received, RESOLVED_OR_CLOSED);
    return notApplicable('ccts-notice', rule.label, 'regulation', label, [
      ended
        ? phrase('notice-not-needed', {
            event: { event: ended.type },
            on: day(ended.on),
            level,
            rule: { regulation: label },
          })
        : phrase('notice-not-yet', { level, rule: { regulation: label } }),
    ]);
  }
  const latest = triggers[triggers.length - 1];
  const due = addDuration(latest.day, rule.within, ctx.calendar);
  // Telling the customer on the day the level is reached meets the notice, whichever was recorded first.
  const informed = firstOnOrAfter(ctx.events, latest.day, CCTS_INFORMED);
  const state = stateFor(due, informed, ctx.today);
  const when =
    rule.within.amount === 0
      ? phrase('tell-ccts-at-once')
      : phrase('tell-ccts-within', { duration: period(rule.within) });
  const earlierMisses: Phrase[] = [];
  for (const earlier of triggers.slice(0, -1)) {
    const earlierDue = addDuration(earlier.day, rule.within, ctx.calendar);
    const told = firstOnOrAfter(ctx.events, earlier.day, CCTS_INFORMED);
    if (!told || told.day > earlierDue)
      earlierMisses.push(phrase('notice-earlier-missed', { on: day(earlierDue), stage: earlier.stageName }));
  }
  const explain = parts(
    phrase('due', {
      dueOn: day(due),
      basis: latest.deadlock
        ? phrase('notice-deadlock-basis', { on: day(latest.day), level, when, rule: { regulation: label } })
        : phrase('notice-basis', {
            stage: latest.stageName,
            ordinal: { ordinal: latest.level },
            on: day(latest.day),
            when,
            rule: { regulation: label },
          }),
    }),
    ...earlierMisses,
    statusPhrase(state, informed, phrase('open-not-told')),
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
    explain,
  );
}

const REGIME_CLOCK_KINDS: ReadonlyArray<{
  key: keyof RegimeVersion;
  id: (v: RegimeVersion) => string;
  label: (v: RegimeVersion) => string;
}> = [
  { key: 'adrLetter', id: () => 'adr-letter', label: (v) => v.adrLetter?.label ?? CLOCK_LABELS_EN.adrLetter },
  {
    key: 'referralWindow',
    id: () => 'adr-referral-window',
    label: (v) => v.referralWindow?.label ?? CLOCK_LABELS_EN.adrReferralWindow,
  },
  {
    key: 'summaryResolution',
    id: () => 'summary-resolution',
    label: (v) => v.summaryResolution?.label ?? CLOCK_LABELS_EN.summaryResolution,
  },
  {
    key: 'acknowledgement',
    id: (v) => v.acknowledgement?.clockId ?? 'regulatory-acknowledgement',
    label: (v) => v.acknowledgement?.label ?? CLOCK_LABELS_EN.acknowledgement,
  },
  { key: 'cctsNotice', id: () => 'ccts-notice', label: (v) => v.cctsNotice?.label ?? 'CCTS notice' },
  {
    key: 'cctsResponse',
    id: () => 'ccts-response',
    label: (v) => v.cctsResponse?.label ?? CLOCK_LABELS_EN.cctsResponse,
  },
  { key: 'cctsObjection', id: () => 'ccts-objection', label: (v) => v.cctsObjection?.label ?? 'CCTS objection' },
];

function regimeClocks(ctx: Ctx, regime: Regime, version: RegimeVersion | null, scheme: Phrase): Clock[] {
  if (!version) {
    // No version in force when the complaint was made: list the regime's clocks as not applicable, saying why.
    const first = regime.versions[0];
    const why = [
      phrase('regime-not-yet', {
        regime: { regime: regime.id, name: regime.name },
        from: first.effectiveFrom ? day(first.effectiveFrom) : phrase('its-start'),
        on: day(ctx.received),
      }),
    ];
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
    referralWindowClock(ctx, version, scope, scheme),
    summaryResolutionClock(ctx, version),
    regulatoryAcknowledgementClock(ctx, version),
    cctsNoticeClock(ctx, version),
    cctsResponseClock(ctx, version),
    cctsObjectionClock(ctx, version),
  ].filter((c): c is Clock => c !== null);
}

// ---------------------------------------------------------------------------------------------------------------
// Warnings and next actions

function scopeWarnings(ctx: Ctx, version: RegimeVersion | null, schemeName: string | null): void {
  const scope = version?.scope;
  if (!scope) return;
  const customer = ctx.facts.customer;
  const maxEmployees = scope.maxEmployees;
  if (maxEmployees !== undefined && customer?.isBusiness) {
    if (customer.employees === undefined) {
      warn(ctx, phrase('business-size-unknown', { scheme: schemePhrase(schemeName, true), maxEmployees }));
    } else if (customer.employees > maxEmployees) {
      warn(
        ctx,
        phrase('business-too-large', {
          employees: customer.employees,
          scheme: schemePhrase(schemeName),
          maxEmployees,
        }),
      );
    }
  }
  if (ctx.facts.category && scope.excludedCategories?.includes(ctx.facts.category)) {
    warn(
      ctx,
      phrase('excluded-category', { category: { category: ctx.facts.category }, scheme: schemePhrase(schemeName) }),
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

/** A next step's label, said to be overdue when its clock was missed. */
function overdue(label: string, c: Clock): string {
  return c.state === 'missed' ? nextStepEn('overdue', { label }) : label;
}

function action(id: string, label: string, c: Clock): NextAction {
  return { id, label, dueOn: c.dueOn, why: c.explanation, reason: { explanation: c.explain } };
}

/** A next action whose reason is a sentence of its own, and the clock's explanation after it when there is one. */
function actionFor(id: string, label: string, dueOn: IsoDate | null, reason: Reason): NextAction {
  return { id, label, dueOn, why: reasonInEnglish(reason), reason };
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
        action('acknowledge', overdue(procedure.acknowledgement?.action ?? NEXT_STEPS_EN.acknowledge, ack), ack),
      );
    } else if (ack && ack.state === 'not-applicable' && !firstAfter(ctx.events, -1, ACK_CLOSERS)) {
      actions.push(
        actionFor('acknowledge', NEXT_STEPS_EN.acknowledge, null, {
          lead: phrase('no-ack-yet'),
          explanation: ack.explain,
        }),
      );
    }
    const fr = findClock(clocks, 'first-response');
    const frOpen = fr !== undefined && isOpenClock(fr);
    if (fr && frOpen) {
      const t = firstResponseTarget(procedure, ctx.facts.channel);
      actions.push(action('first-response', overdue(t?.action ?? NEXT_STEPS_EN.firstResponse, fr), fr));
    }
    const sr = findClock(clocks, 'stage-response');
    if (sr && isOpenClock(sr)) {
      if (!(frOpen && fr.dueOn === sr.dueOn)) {
        actions.push(
          action(
            'stage-response',
            overdue(stage.target?.action ?? nextStepEn('respondAtStage', { stage: stage.name }), sr),
            sr,
          ),
        );
      }
      if (sr.state === 'missed' && stage.escalateWhen.includes('missed-target')) {
        const next = procedure.stages.find((s, i) => i > story.stageIndex && !s.external);
        if (next) {
          actions.push(
            actionFor('escalate', nextStepEn('escalate', { stage: next.name }), sr.dueOn, {
              lead: phrase('escalate-missed', { stage: stage.name }),
              explanation: sr.explain,
            }),
          );
        }
      }
    }
  }
  for (const c of clocks) {
    if (c.source !== 'regulation' || !isOpenClock(c)) continue;
    switch (c.id) {
      case 'adr-letter': {
        const dl = story.first.deadlock;
        const label = regimeVersion?.adrLetter?.action ?? NEXT_STEPS_EN.sendAdr;
        if (ctx.resolutionQuestion !== undefined) {
          actions.push(actionFor('confirm-resolution', NEXT_STEPS_EN.resolved, c.dueOn, { explanation: c.explain }));
        }
        actions.push(
          action(
            'send-adr-letter',
            overdue(dl && c.dueOn === dl.on ? nextStepEn('atOnceOnDeadlock', { label }) : label, c),
            c,
          ),
        );
        break;
      }
      case 'ccts-notice':
        actions.push(action('tell-customer-about-ccts', overdue(NEXT_STEPS_EN.tellCcts, c), c));
        break;
      case 'ccts-response':
        actions.push(action('report-to-ccts', overdue(NEXT_STEPS_EN.reportCcts, c), c));
        break;
      case 'adr-referral-window': // the customer's time, not the provider's task
      case 'ccts-objection': // optional
      case 'summary-resolution': // a classification, not a task
        break;
      default:
        actions.push(action(c.id, overdue(ctx.actionLabels.get(c.id) ?? c.label, c), c));
    }
  }
  if (pausedSince !== null) {
    actions.push(
      actionFor('resume', NEXT_STEPS_EN.resume, null, {
        explanation: [phrase('paused-since', { on: day(pausedSince) })],
      }),
    );
  }
  if (status === 'resolved') {
    actions.push(
      actionFor('close', NEXT_STEPS_EN.close, null, {
        explanation: [phrase('resolved-nothing-due', { on: day(story.first.resolved?.on ?? '') })],
      }),
    );
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
    warningPhrases: [],
    actionLabels: new Map(),
  };

  const scheme = adrSchemes.byId.get(procedure.adrSchemeId);
  const adrScheme = scheme ? adrSchemeOnDay(scheme, checked.today) : null;
  const schemeName = adrScheme ? adrScheme.name : null;
  const schemeWords = schemePhrase(schemeName);

  const regime = getRegime(procedure.regimeId, regimes);
  const version = regimeVersionOnDay(regime, checked.received);
  if (!version) {
    warn(
      ctx,
      phrase('regime-not-in-force', { regime: { regime: regime.id, name: regime.name }, on: day(facts.receivedOn) }),
    );
  }
  const clocks = [...providerClocks(ctx), ...regimeClocks(ctx, regime, version, schemeWords)];
  for (const extraId of facts.regimes ? new Set(facts.regimes) : []) {
    if (extraId === regime.id) continue;
    const extra = getRegime(extraId, regimes);
    clocks.push(...regimeClocks(ctx, extra, regimeVersionOnDay(extra, checked.received), schemeWords));
  }
  scopeWarnings(ctx, version, schemeName);
  const calendarCountry = facts.calendar === 'canada' ? 'CA' : 'GB';
  if (calendarCountry !== procedure.provider.country) {
    warn(
      ctx,
      phrase('unusual-calendar', {
        calendar: calendarOf(ctx),
        procedure: procedure.name,
        country: phrase(procedure.provider.country === 'CA' ? 'country-CA' : 'country-GB'),
      }),
    );
  }

  const status: Evaluation['status'] = story.first.closed ? 'closed' : story.first.resolved ? 'resolved' : 'open';
  const lastPause = story.pauses[story.pauses.length - 1];
  const pausedSince = status === 'open' && lastPause && lastPause.to === null ? lastPause.from : null;
  const stage = procedure.stages[story.stageIndex];
  const outOfScope = version ? scopeOf(ctx, version).size : undefined;
  const timeBased = version ? timeBasedAdrLetter(version, facts, checked.received, calendar) : null;

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
    timeBasedAdrLetterFrom: timeBased ? toIsoDate(timeBased.day) : null,
    clocks,
    nextActions: nextActions(ctx, clocks, status, pausedSince, version),
    warnings: ctx.warnings,
    warningPhrases: ctx.warningPhrases,
    ...(outOfScope ? { adrOutOfScope: outOfScope } : {}),
  };
}
