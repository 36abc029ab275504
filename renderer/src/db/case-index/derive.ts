// The case index (schema.ts `CaseIndexRow`) is derived, never the truth: these functions rebuild a case's row from
// the case, its timeline and the rules engine. Call `refreshCaseIndex` inside every write transaction that changes a
// case or its timeline, so the index can never disagree with the facts it was built from.
import type { CaseRecord, TimelineEvent, TimelineType } from '#shared/model/case';
import { effectiveTimeline } from '#shared/model/effective';
import { caseProviderId } from '#shared/model/provider';
import { fold } from '#shared/model/search-text';
import { evaluateCase, procedureForCase, recordedStageId, type Clock, type Evaluation } from '#shared/rules/index';
import { caseFacts } from '#shared/rules/facts';
import { reportBasis } from '#shared/reports/index';
import type { Table } from 'dexie';
import type { CaseIndexRow, RedressDatabase, ReportRow } from '../schema';
import { readTimeline } from '../timeline';
import { markOpenNothingDue } from './due';

/**
 * Clocks that are not a task for the desk, so they never decide a case's next due date: the customer's ADR
 * referral window (kept apart in `adrReferralEndsOn`), the customer's CCTS objection period, and the FCA summary
 * resolution (a classification). The last two also change with "today" (they lapse), the others do not.
 */
const NOT_TASKS = new Set<string>(['adr-referral-window', 'ccts-objection', 'summary-resolution']);

/** Timeline events that count as the complaint having been acknowledged (the engine's acknowledgement closers). */
const ACKNOWLEDGING: ReadonlySet<TimelineType> = new Set<TimelineType>([
  'acknowledged',
  'responded',
  'resolution-proposed',
  'resolved',
  'deadlock',
  'closed',
]);

/**
 * Whether the complaint counts as acknowledged (1) or not (0): an acknowledging entry on the timeline as it counts
 * (`effectiveTimeline`), as the rules engine reads it. A voided acknowledgement (or a closure a reopening took back)
 * no longer counts, so the case is back in the dashboard's Unacknowledged and in Letters to post.
 */
export function acknowledgedFlag(events: readonly TimelineEvent[]): 0 | 1 {
  // Every row written derives this (a restore, 100,000 times): a timeline with no void and no reopening counts whole,
  // so it is read as it is, without sorting it into the timeline as it counts.
  const counting = events.some((e) => e.type === 'voided' || e.type === 'reopened')
    ? effectiveTimeline(events)
    : events;
  return counting.some((e) => ACKNOWLEDGING.has(e.type)) ? 1 : 0;
}

/**
 * A pending clock is something still to do: running or missed, with no event that closed it. While the case is
 * paused its running provider clocks are stopped (their due date moves on every day the pause lasts), so they are not
 * pending until the case resumes; regulatory clocks never pause.
 */
export function isPendingClock(clock: Clock, evaluation: Pick<Evaluation, 'pausedSince'>): boolean {
  if (clock.dueOn === null || clock.closedOn !== null) return false;
  if (clock.state !== 'running' && clock.state !== 'missed') return false;
  if (NOT_TASKS.has(clock.id)) return false;
  if (evaluation.pausedSince !== null && clock.source === 'provider' && clock.state === 'running') return false;
  return true;
}

/**
 * The day the index is evaluated on: the latest of the date received and the timeline's dates. The due date of a
 * pending clock does not depend on today (only whether it is overdue does, which readers decide), and the engine
 * refuses events after today, so this is the earliest "today" that gives the same due dates as the real one.
 */
export function indexDay(record: Pick<CaseRecord, 'receivedOn'>, events: readonly Pick<TimelineEvent, 'on'>[]): string {
  let day = record.receivedOn;
  for (const e of events) if (e.on > day) day = e.on;
  return day;
}

const digits = (s: string) => s.replace(/\D+/g, '');
const compact = (s: string) => s.replace(/\s+/g, '');

/**
 * The text search matches against, folded (`fold`, shared/model/search-text.ts: no accents, lower case, no apostrophes
 * or hyphens) here, once, when the row is written. Every query term must occur in it (`matchesSearch`). A change here
 * changes every stored row: add a schema version that rebuilds the case index (db/schema.ts).
 */
export function searchText(record: CaseRecord): string {
  const parts: string[] = [record.reference, record.customer.name];
  if (record.representative?.name) parts.push(record.representative.name);
  const phone = record.customer.phone ? digits(record.customer.phone) : '';
  if (phone) {
    parts.push(phone);
    // +44 113 … is also found by the national form 0113 …
    if (phone.startsWith('44') && phone.length > 10) parts.push(`0${phone.slice(2)}`);
  }
  if (record.customer.email) parts.push(record.customer.email);
  if (record.customer.address?.postcode) parts.push(compact(record.customer.address.postcode));
  if (record.representative?.address?.postcode) parts.push(compact(record.representative.address.postcode));
  if (record.customer.accountNumber) parts.push(compact(record.customer.accountNumber));
  if (record.summary) parts.push(record.summary.replace(/\s+/g, ' '));
  return fold(parts.join(' '));
}

/**
 * The stage the case's record stores, '' read as its procedure's first (`recordedStageId`), with its name in that
 * procedure; as stored, with no name, when the procedure is not known here.
 */
function storedStage(record: CaseRecord): { id: string; name: string } {
  try {
    const procedure = procedureForCase(record);
    const id = recordedStageId(record.stage, procedure);
    return { id, name: procedure.stages.find((s) => s.id === id)?.name ?? '' };
  } catch {
    return { id: record.stage, name: '' };
  }
}

/** A case's index row from the case and its timeline (any order). Pure: the same facts always give the same row. */
export function deriveCaseIndex(record: CaseRecord, events: readonly TimelineEvent[]): CaseIndexRow {
  const row: CaseIndexRow = {
    caseId: record.id,
    reference: record.reference,
    customerName: record.customer.name,
    ...(record.representative?.name ? { representativeName: record.representative.name } : {}),
    status: record.status,
    stage: record.stage,
    stageName: '',
    assignee: record.assignee ?? '',
    procedureId: record.procedureId,
    providerId: caseProviderId(record),
    category: record.category,
    channel: record.channel,
    calendar: record.calendar,
    receivedOn: record.receivedOn,
    search: searchText(record),
    nextDueOn: null,
    nextClockId: null,
    nextClockLabel: null,
    acknowledged: acknowledgedFlag(events),
    adrLetterDueOn: null,
    adrReferralEndsOn: null,
    pausedSince: null,
    updatedAt: record.updatedAt,
  };
  let evaluation: Evaluation;
  try {
    evaluation = evaluateCase(caseFacts(record, events), indexDay(record, events));
  } catch (error) {
    row.rulesError = error instanceof Error ? error.message : String(error);
    // The list still says which stage it is in (the case page says why its clocks cannot be worked out).
    const stage = storedStage(record);
    row.stage = stage.id;
    row.stageName = stage.name;
    return markOpenNothingDue(row);
  }
  row.status = evaluation.status;
  row.stage = evaluation.stage;
  row.stageName = evaluation.stageName;
  row.pausedSince = evaluation.pausedSince;
  let next: Clock | null = null;
  for (const clock of evaluation.clocks) {
    if (clock.id === 'adr-referral-window' && clock.state === 'running' && clock.closedOn === null)
      row.adrReferralEndsOn = clock.dueOn;
    if (!isPendingClock(clock, evaluation)) continue;
    if (clock.id === 'adr-letter') row.adrLetterDueOn = clock.dueOn;
    if (!next || clock.dueOn! < next.dueOn!) next = clock;
  }
  if (next) {
    row.nextDueOn = next.dueOn;
    row.nextClockId = next.id;
    row.nextClockLabel = next.label;
  }
  return markOpenNothingDue(row);
}

/** A case's report row (schema.ts `ReportRow`) from the case and its timeline (any order). Pure. */
export function deriveReportRow(record: CaseRecord, events: readonly TimelineEvent[]): ReportRow {
  return { caseId: record.id, ...reportBasis(record, events) };
}

/**
 * Store the derived rows of these cases (the index row and the report row), each built from the case and its whole
 * timeline. Inside a write transaction that includes `caseIndex` and `reportRows`.
 */
export async function putDerivedRows(
  database: RedressDatabase,
  cases: ReadonlyArray<{ record: CaseRecord; events: readonly TimelineEvent[] }>,
): Promise<void> {
  await database.caseIndex.bulkPut(cases.map((c) => deriveCaseIndex(c.record, c.events)));
  await database.reportRows.bulkPut(cases.map((c) => deriveReportRow(c.record, c.events)));
}

/**
 * The tables of a write to cases: the cases, their timelines and their derived rows, which `refreshCaseIndex` rebuilds
 * in the same transaction, and the `more` the write also touches. The one list, so that no write leaves a case's
 * derived rows behind its facts.
 */
export function caseWriteTables(database: RedressDatabase, ...more: Table[]): Table[] {
  return [database.cases, database.timelines, database.caseIndex, database.reportRows, ...more];
}

/**
 * Rebuild one case's derived rows (its index row and report row) from what is stored, or remove them when the case is
 * gone. Call it INSIDE the write transaction that changed the case or its timeline, over `caseWriteTables`, so the rows
 * land (or not) together with the change.
 */
export async function refreshCaseIndex(database: RedressDatabase, caseId: string): Promise<void> {
  await refreshCaseIndexes(database, [caseId]);
}

/** `refreshCaseIndex` for many cases at once: the cases read with one request, their timelines side by side. */
export async function refreshCaseIndexes(database: RedressDatabase, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const records = await database.cases.bulkGet([...caseIds]);
  const gone = caseIds.filter((_, i) => !records[i]);
  const present = records.filter((r): r is CaseRecord => !!r);
  const timelines = await Promise.all(present.map((record) => readTimeline(database, record.id)));
  if (gone.length) {
    await database.caseIndex.bulkDelete(gone);
    await database.reportRows.bulkDelete(gone);
  }
  if (present.length)
    await putDerivedRows(
      database,
      present.map((record, i) => ({ record, events: timelines[i] })),
    );
}
