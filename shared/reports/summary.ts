// One case boiled down to what the reports count (issue #7), computed ONCE per case when the Reports page loads; the
// period and the filters are applied afterwards by `buildReport` (./report.ts), which only adds up these summaries.
//
// THE FIELDS REPORTS READ (anonymisation must keep every one of them, and reports read nothing else):
//   case:   id, receivedOn, channel, category, procedureId, calendar, providerId, assignee (a staff name, not the customer's),
//           customer.isBusiness and customer.employees (a business's size decides whether the ADR clocks apply)
//   events: type, on, at (only to keep same-day order), data.stage (escalations),
//           and for `compensation` events data.amount, data.currency, data.kind; id, and for `voided` events
//           data.entryId (a voided entry counts nowhere)
// Never read: who the customer is (name, contact details), the representative, communication needs, the summary, event summaries, `by`,
// data.reason or any other free text, letters. The case's stored status and stage are not read either: the rules
// engine derives them from the events.
//
// Every deadline comes from the rules engine (shared/rules evaluateCase): nothing here counts a clock itself.
import { effectiveTimeline } from '#shared/model/effective';
import { caseProviderId } from '#shared/model/provider';
import {
  type CalendarId,
  type CaseRecord,
  type Category,
  type Channel,
  inTimelineOrder,
  type TimelineEvent,
} from '#shared/model/case';
import {
  addWorkingDays,
  calendarDaysBetween,
  type Clock,
  type ClockState,
  evaluateCase,
  type EvaluateOptions,
  type Evaluation,
  caseFacts,
  openClockState,
  STAGE_ENTRY_EVENTS,
} from '#shared/rules/index';

/** A case as reports take it: the record's non-personal fields. A `CaseRecord` fits as it is. */
export type ReportCaseRecord = Pick<
  CaseRecord,
  'id' | 'receivedOn' | 'channel' | 'category' | 'procedureId' | 'calendar' | 'assignee' | 'providerId'
> & {
  /** Only whether the customer is a business and its size (the ADR scheme's scope); nothing that says who they are. */
  customer?: Pick<CaseRecord['customer'], 'isBusiness' | 'employees'>;
};

/** A timeline event as reports take it. A `TimelineEvent` fits as it is. */
export type ReportEvent = Pick<TimelineEvent, 'type' | 'on'> & Partial<Pick<TimelineEvent, 'at' | 'id' | 'data'>>;

export interface Payment {
  on: string;
  amount: number;
  currency: string;
  kind: 'compensation' | 'goodwill';
}

/** Where a case stands against the provider's own targets, over every stage it went through. */
export type ProviderTargetsState = 'met' | 'missed' | 'running' | 'no-target';

export interface CaseSummary {
  id: string;
  receivedOn: string;
  channel: Channel;
  category: Category;
  procedureId: string;
  calendar: CalendarId;
  /** The provider the case was logged for (issue #16; the desk's first for older cases). */
  providerId: string;
  /** The handler the case is assigned to now; '' when nobody is. */
  handler: string;
  /** Set when the rules engine refused the case's facts: the case then counts in volumes only. */
  rulesError: string | null;
  /** The day the case stopped being open in the rules engine's terms: its first `resolved` or `closed` event. */
  resolvedOn: string | null;
  /** Calendar days from receipt to `resolvedOn`. */
  daysToResolve: number | null;
  /** The end of the next working day after receipt, in the case's calendar. */
  nextWorkingDay: string;
  /** The engine's `acknowledgement` clock (the provider's own target) on the report's "today". */
  acknowledgement: ClockState | 'no-target';
  /**
   * The provider's own targets: the acknowledgement and first-response clocks, and the response target of every
   * stage the case went through (each read from the engine on the day the case left the stage, and on "today" for
   * the stage it is in). `missed` if any was missed; else `met` if any was met; else `running`; else `no-target`.
   */
  providerTargets: ProviderTargetsState;
  /** Labels of the provider clocks that were missed ("Stage response (Customer resolution)"). */
  missedTargets: string[];
  /** The time-based regulatory deadline: the engine's ADR-letter date for the case as received (6 or 8 weeks). */
  regulatoryDeadline: string | null;
  /** The engine's explanation of that date ("due 2026-05-22: received 2026-04-10 + 6 weeks, Ofcom GC C4 from 2026-04-08"). */
  regulatoryDeadlineWhy: string | null;
  /** The engine's `adr-letter` clock on "today" (on deadlock it is due that day). */
  adrLetterDueOn: string | null;
  adrLetterState: ClockState | null;
  adrLettersSent: string[];
  adrReferrals: string[];
  cctsReferrals: string[];
  payments: Payment[];
}

const ENTRY_TYPES: ReadonlySet<string> = new Set(STAGE_ENTRY_EVENTS);

function payment(e: ReportEvent): Payment | null {
  const amount = e.data?.amount;
  const currency = e.data?.currency;
  if (
    typeof amount !== 'number' ||
    !Number.isFinite(amount) ||
    amount <= 0 ||
    typeof currency !== 'string' ||
    currency === ''
  )
    return null;
  return { on: e.on, amount, currency, kind: e.data?.kind === 'goodwill' ? 'goodwill' : 'compensation' };
}

function clock(evaluation: Evaluation, id: string): Clock | undefined {
  return evaluation.clocks.find((c) => c.id === id);
}

function providerTargetClocks(evaluation: Evaluation): Clock[] {
  return evaluation.clocks.filter((c) => c.source === 'provider' && c.state !== 'not-applicable');
}

/**
 * Summarise one case for the reports. `today` is the report's date (the engine's "today": open clocks past their
 * date count as missed). Never throws: a case the rules engine refuses gets `rulesError` and counts in volumes only.
 */
export function summariseCase(
  record: ReportCaseRecord,
  events: readonly ReportEvent[],
  today: string,
  options: EvaluateOptions = {},
): CaseSummary {
  return summarise(record, events, today, options).summary;
}

/** A provider target or regulatory clock as reports read it. */
export interface TargetClock {
  label: string;
  state: ClockState;
  /** Set while nothing has closed the clock (running or missed): its due date, which decides its state on a later day. */
  openDueOn?: string;
}

/**
 * What a case's summary on any later day follows from, kept per case in the database (renderer/src/db: the report
 * rows, refreshed in every write transaction like the case index), so the Reports page reads one small row per case
 * instead of the case and its timeline, and evaluates nothing. `summaryOn` turns it into the summary on a day.
 */
export interface ReportBasis {
  /** The day it was evaluated on: the latest of the date received and the timeline's dates. */
  asOf: string;
  /** The summary on `asOf`. */
  summary: CaseSummary;
  /** The provider targets the summary decided from, in order (`providerTargets`, `missedTargets`). */
  targets: TargetClock[];
  /** The acknowledgement clock, when it has a target. */
  acknowledgement?: TargetClock;
  /** The ADR-letter clock, when there is one. */
  adrLetter?: TargetClock;
  /**
   * The case's facts as reports read them, kept only when a later day can change more than open clocks' states: while
   * a pause is open (it moves the provider targets' due dates every day), or when the rules engine refused the case.
   */
  facts?: { record: ReportCaseRecord; events: ReportEvent[] };
}

/** The latest of the date received and the timeline's dates: the earliest day every entry is in the past. */
function lastDay(record: ReportCaseRecord, events: readonly ReportEvent[]): string {
  let day = record.receivedOn;
  for (const e of events) if (e.on > day) day = e.on;
  return day;
}

/** The case's report basis: `summariseCase` on the case's last day, with what a later day changes. */
export function reportBasis(record: ReportCaseRecord, events: readonly ReportEvent[]): ReportBasis {
  const asOf = lastDay(record, events);
  const { summary, targets, acknowledgement, adrLetter, pauseOpen } = summarise(record, events, asOf, {});
  const basis: ReportBasis = { asOf, summary, targets };
  if (acknowledgement) basis.acknowledgement = acknowledgement;
  if (adrLetter) basis.adrLetter = adrLetter;
  if (pauseOpen || summary.rulesError !== null) {
    const { id, receivedOn, channel, category, procedureId, calendar, assignee, customer } = record;
    basis.facts = {
      record: {
        id,
        receivedOn,
        channel,
        category,
        procedureId,
        calendar,
        ...(assignee !== undefined ? { assignee } : {}),
        ...(customer
          ? {
              customer: {
                isBusiness: customer.isBusiness,
                ...(customer.employees !== undefined ? { employees: customer.employees } : {}),
              },
            }
          : {}),
      },
      // In THE order (stable), so the same timeline always gives the same row, whatever order it was read in.
      events: inTimelineOrder(events.map(reportEvent)),
    };
  }
  return basis;
}

/**
 * The case's summary on `today` from its basis: what `summariseCase` gives on that day from the case and its timeline.
 * Null when `today` is before the basis's day (an entry dated after today): summarise the case from its facts then.
 */
export function summaryOn(basis: ReportBasis, today: string): CaseSummary | null {
  if (today === basis.asOf) return basis.summary;
  if (today < basis.asOf) return null;
  if (basis.facts) return summariseCase(basis.facts.record, basis.facts.events, today);
  // No clock left open (most cases: resolved or closed): nothing moves after the basis's day, so the summary is the
  // stored one itself, not a copy (Reports at 100,000 cases: most rows, no allocation).
  const open = (clock: TargetClock | undefined) => clock?.openDueOn !== undefined;
  if (!open(basis.acknowledgement) && !open(basis.adrLetter) && !basis.targets.some(open)) return basis.summary;
  const on = (clock: TargetClock): ClockState =>
    clock.openDueOn === undefined ? clock.state : openClockState(clock.openDueOn, today);
  const summary: CaseSummary = {
    ...basis.summary,
    ...targetsVerdict(basis.targets.map((c) => ({ ...c, state: on(c) }))),
  };
  if (basis.acknowledgement) summary.acknowledgement = on(basis.acknowledgement);
  if (basis.adrLetter) summary.adrLetterState = on(basis.adrLetter);
  return summary;
}

/** Only what reports read of a timeline entry (the comment at the top of this file). */
export function reportEvent(e: ReportEvent): ReportEvent {
  const out: ReportEvent = { type: e.type, on: e.on };
  if (e.at !== undefined) out.at = e.at;
  if (e.id !== undefined) out.id = e.id;
  const d = e.data;
  // A void keeps the id of the entry it cancels: the reports leave that entry out.
  if (e.type === 'voided' && typeof d?.entryId === 'string') {
    out.data = { entryId: d.entryId };
    return out;
  }
  if (d && (d.stage !== undefined || d.amount !== undefined)) {
    const data: Record<string, unknown> = {};
    if (d.stage !== undefined) data.stage = d.stage;
    if (d.amount !== undefined) data.amount = d.amount;
    if (d.currency !== undefined) data.currency = d.currency;
    if (d.kind !== undefined) data.kind = d.kind;
    out.data = data as TimelineEvent['data'];
  }
  return out;
}

/** `providerTargets` and `missedTargets` from the targets decided, in order. */
function targetsVerdict(decided: readonly TargetClock[]): Pick<CaseSummary, 'providerTargets' | 'missedTargets'> {
  const missedTargets = decided.filter((c) => c.state === 'missed').map((c) => c.label);
  return {
    missedTargets,
    providerTargets: missedTargets.length
      ? 'missed'
      : decided.some((c) => c.state === 'met')
        ? 'met'
        : decided.some((c) => c.state === 'running')
          ? 'running'
          : 'no-target',
  };
}

/** An open clock keeps its due date, so its state on a later day follows from it. */
function targetClock(clock: Clock, open: boolean): TargetClock {
  const out: TargetClock = { label: clock.label, state: clock.state };
  if (
    open &&
    clock.closedOn === null &&
    clock.dueOn !== null &&
    (clock.state === 'running' || clock.state === 'missed')
  )
    out.openDueOn = clock.dueOn;
  return out;
}

interface Summarised {
  summary: CaseSummary;
  targets: TargetClock[];
  acknowledgement?: TargetClock;
  adrLetter?: TargetClock;
  /** The timeline ends paused (no `resumed` after the last `paused`). */
  pauseOpen: boolean;
}

function summarise(
  record: ReportCaseRecord,
  events: readonly ReportEvent[],
  today: string,
  options: EvaluateOptions,
): Summarised {
  // What counts: a voided entry counts nowhere, a reopening takes back the closure before it (the rules read the same).
  const sorted = effectiveTimeline(events);
  const summary: CaseSummary = {
    id: record.id,
    receivedOn: record.receivedOn,
    channel: record.channel,
    category: record.category,
    procedureId: record.procedureId,
    calendar: record.calendar,
    providerId: caseProviderId(record),
    handler: record.assignee?.trim() ?? '',
    rulesError: null,
    resolvedOn: null,
    daysToResolve: null,
    nextWorkingDay: record.receivedOn,
    acknowledgement: 'no-target',
    providerTargets: 'no-target',
    missedTargets: [],
    regulatoryDeadline: null,
    regulatoryDeadlineWhy: null,
    adrLetterDueOn: null,
    adrLetterState: null,
    adrLettersSent: [],
    adrReferrals: [],
    cctsReferrals: [],
    payments: [],
  };
  for (const e of sorted) {
    if (e.type === 'adr-letter-sent') summary.adrLettersSent.push(e.on);
    else if (e.type === 'referred-to-adr') summary.adrReferrals.push(e.on);
    else if (e.type === 'ccts-referral') summary.cctsReferrals.push(e.on);
    else if (e.type === 'compensation') {
      const p = payment(e);
      if (p) summary.payments.push(p);
    }
  }

  const targets: TargetClock[] = [];
  const out: Summarised = { summary, targets, pauseOpen: false };
  // From the timeline as recorded: caseFacts reads it as it counts, a resolution a reopening took back still the reply
  // that met the provider's targets (explore40-manager #1).
  const facts = caseFacts(record, events);
  for (const e of facts.events) {
    if (e.type === 'paused') out.pauseOpen = true;
    else if (e.type === 'resumed') out.pauseOpen = false;
  }
  try {
    const evaluation = evaluateCase(facts, today, options);
    // The time-based deadline as the engine gives it for the complaint as received (no deadlock, nothing done).
    const asReceived = evaluateCase({ ...facts, events: [] }, record.receivedOn, options);
    summary.nextWorkingDay = addWorkingDays(record.receivedOn, 1, record.calendar, options.calendars);

    const ended = facts.events.find((e) => e.type === 'resolved' || e.type === 'closed');
    if (evaluation.status !== 'open' && ended) {
      summary.resolvedOn = ended.on;
      summary.daysToResolve = calendarDaysBetween(record.receivedOn, ended.on);
    }

    const ack = clock(evaluation, 'acknowledgement');
    summary.acknowledgement = !ack || ack.state === 'not-applicable' ? 'no-target' : ack.state;

    // Provider targets: every stage the case left (read on the day it left), then where it is now.
    const decided: Clock[] = [];
    const before: Evaluation[] = [];
    const entryIndexes: number[] = [];
    facts.events.forEach((e, i) => {
      if (ENTRY_TYPES.has(e.type)) entryIndexes.push(i);
    });
    for (const i of entryIndexes) {
      before.push(evaluateCase({ ...facts, events: facts.events.slice(0, i) }, facts.events[i].on, options));
    }
    before.forEach((b, k) => {
      const stageAfter = k + 1 < before.length ? before[k + 1].stage : evaluation.stage;
      if (b.stage === stageAfter) return; // the event did not move the case: the same stage is read later
      const stageClock = clock(b, 'stage-response');
      if (stageClock && stageClock.state !== 'not-applicable') decided.push(stageClock);
    });
    // Stages left were read on the day they were left: a later day does not change them.
    targets.push(...decided.map((c) => targetClock(c, false)));
    targets.push(...providerTargetClocks(evaluation).map((c) => targetClock(c, true)));
    Object.assign(summary, targetsVerdict(targets));
    if (summary.acknowledgement !== 'no-target') out.acknowledgement = targetClock(ack!, true);

    const deadline = clock(asReceived, 'adr-letter');
    if (deadline?.dueOn) {
      summary.regulatoryDeadline = deadline.dueOn;
      summary.regulatoryDeadlineWhy = deadline.explanation;
    }
    const adr = clock(evaluation, 'adr-letter');
    if (adr) {
      summary.adrLetterState = adr.state;
      summary.adrLetterDueOn = adr.dueOn;
      out.adrLetter = targetClock(adr, true);
    }
  } catch (error) {
    summary.rulesError = error instanceof Error ? error.message : String(error);
    out.targets = [];
    delete out.acknowledgement;
    delete out.adrLetter;
  }
  return out;
}
