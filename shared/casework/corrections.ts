// Corrections are entries, never edits (issue #15): a correction of the complaint's facts is ONE `corrected` entry
// holding the fields it changed with their old and new values, who, when and why; a void is ONE `voided` entry naming
// the entry it cancels. The case record holds the current values (written in the same transaction), and
// `applyCorrections` rebuilds them from the entries, so a case document is a projection of its entries (issue #14).
// Before either is saved, `correctionPreview` and `voidEffects` say which due dates, stage and status change.
import {
  AUTHORITY_KINDS,
  CATEGORIES,
  CHANNELS,
  LETTER_LANGUAGES,
  TIMELINE_TYPES,
  type AuthorityKind,
  type CalendarId,
  type CaseRecord,
  type Category,
  type Channel,
  type CommunicationNeeds,
  type Representative,
  type RepresentativeAuthority,
  type TimelineEvent,
} from '#shared/model/case';
import { isIsoDate } from '#shared/model/dates';
import { caseProviderId, type ProviderChoice } from '#shared/model/provider';
import { effectiveTimeline, voidsByEntry } from '#shared/model/effective';
import { lettersOnTimeline, type LetterOnTimeline, recordedWithLetter } from '#shared/model/letters-issued';
import { addressTextProblem, STORED_LIMITS } from '#shared/model/stored';
import { postalAddressOf } from '#shared/model/intake';
import { sayProblem as say } from '#shared/model/problems';
import { fieldCharacterProblem } from '#shared/model/text';
import { short } from './short';
import {
  caseFacts,
  type Clock,
  evaluateCase,
  type Evaluation,
  getProcedure,
  isProcedureRetired,
  isRulesError,
  type Phrase,
  procedureName,
  providerMismatches,
  type ProviderMismatch,
} from '#shared/rules/index';

/** The facts a correction can change, as the case holds them (no representative or needs: null). */
export interface CorrectableFacts {
  receivedOn: string;
  channel: Channel;
  category: Category;
  summary: string;
  procedureId: string;
  representative: Representative | null;
  communication: CommunicationNeeds | null;
  /** The provider the complaint is about (model/provider.ts); a case from before providers has the first one's id. */
  providerId: string;
  /** The working-day calendar: the provider's. It changes only with the provider (no form field of its own). */
  calendar: CalendarId;
}
export const CORRECTABLE_FIELDS = [
  'receivedOn',
  'channel',
  'category',
  'summary',
  'procedureId',
  'representative',
  'communication',
  'providerId',
  'calendar',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const CORRECTABLE_LABELS: Record<CorrectableField, string> = {
  receivedOn: 'Date received',
  channel: 'Channel',
  category: 'Category',
  summary: 'Summary',
  procedureId: 'Procedure',
  representative: 'Representative',
  communication: 'Communication needs',
  providerId: 'Provider',
  calendar: 'Working-day calendar',
};

/** What a case holds of the correctable facts. */
export function correctableFacts(record: CaseRecord): CorrectableFacts {
  return {
    receivedOn: record.receivedOn,
    channel: record.channel,
    category: record.category,
    summary: record.summary,
    procedureId: record.procedureId,
    representative: record.representative ?? null,
    communication: record.communication ?? null,
    providerId: caseProviderId(record),
    calendar: record.calendar,
  };
}

/**
 * The projection: `initial` (the facts as the complaint was logged) with every correction on the timeline applied in
 * THE order. The case record always equals `applyCorrections(as logged, its entries)`; a correction's `before` values
 * also give back what was logged (the first correction of each field).
 */
export function applyCorrections(
  initial: CorrectableFacts,
  events: readonly Pick<TimelineEvent, 'type' | 'on' | 'at' | 'id' | 'data'>[],
): CorrectableFacts {
  const out: CorrectableFacts = { ...initial };
  for (const e of effectiveTimeline(events)) {
    if (e.type !== 'corrected' || !Array.isArray(e.data?.changed)) continue;
    const after = (e.data.after ?? {}) as Record<string, unknown>;
    for (const field of e.data.changed as string[]) {
      if ((CORRECTABLE_FIELDS as readonly string[]).includes(field) && field in after) {
        (out as unknown as Record<string, unknown>)[field] = after[field] ?? null;
      }
    }
  }
  return out;
}

/** The record with corrected facts in place (absent representative or needs removed, not stored as null). */
export function withFacts(record: CaseRecord, facts: Partial<CorrectableFacts>): CaseRecord {
  const merged = { ...record, ...facts } as CaseRecord & Partial<Record<'representative' | 'communication', unknown>>;
  if (merged.representative === null) delete merged.representative;
  if (merged.communication === null) delete merged.communication;
  return merged as CaseRecord;
}

/**
 * The correction form's fields that hold what the case stores (all but the reason), in the form's order: a form opened
 * on them saves only those the person changed (./edits.ts), so two windows never undo each other's corrections.
 */
export const CORRECTION_FORM_FIELDS = [
  'receivedOn',
  'channel',
  'category',
  'summary',
  'providerId',
  'procedureId',
  'repName',
  'repRelationship',
  'repAddress',
  'repPostcode',
  'repAuthority',
  'repAuthorityOn',
  'repAuthorityDetails',
  'language',
  'largePrint',
  'prefersPost',
] as const;

/** The representative's fields on the correction form: one person, so they are merged together (./edits.ts). */
export const REPRESENTATIVE_FORM_FIELDS = [
  'repName',
  'repRelationship',
  'repAddress',
  'repPostcode',
  'repAuthority',
  'repAuthorityOn',
  'repAuthorityDetails',
] as const;

/** The correction form's values from what the case holds now. */
export function correctionFormValues(record: CaseRecord): Record<string, string> {
  const rep = record.representative;
  const needs = record.communication;
  return {
    receivedOn: record.receivedOn,
    channel: record.channel,
    category: record.category,
    summary: record.summary,
    procedureId: record.procedureId,
    repName: rep?.name ?? '',
    repRelationship: rep?.relationship ?? '',
    repAddress: rep?.address?.lines.join('\n') ?? '',
    repPostcode: rep?.address?.postcode ?? '',
    repAuthority: rep?.authority?.kind ?? '',
    repAuthorityOn: rep?.authority?.on ?? '',
    repAuthorityDetails: rep?.authority?.details ?? '',
    language: needs?.language ?? '',
    largePrint: needs?.largePrint ? 'yes' : '',
    prefersPost: needs?.prefersPost ? 'yes' : '',
    providerId: caseProviderId(record),
    reason: '',
  };
}

/**
 * The correction form's values once the provider field is set to `providerId`: the procedure follows to the new
 * provider's own procedure (the handler may still choose another after); back to the case's own provider, it is the
 * case's procedure again. A provider this desk does not know, or whose procedure is not installed, leaves it as it is.
 */
export function followProvider(
  values: Record<string, string>,
  providerId: string,
  ctx: Pick<CorrectionContext, 'record' | 'providers'>,
): Record<string, string> {
  const next = { ...values, providerId };
  if (providerId === caseProviderId(ctx.record)) return { ...next, procedureId: ctx.record.procedureId };
  const procedureId = ctx.providers?.find((p) => p.id === providerId)?.procedureId;
  if (!procedureId) return next;
  try {
    getProcedure(procedureId);
  } catch {
    return next;
  }
  return { ...next, procedureId };
}

const ticked = (v: string | undefined) => ['yes', 'true', 'on'].includes((v ?? '').trim().toLowerCase());
const trim = (v: string | undefined) => (v ?? '').trim();

export interface CorrectionContext {
  record: CaseRecord;
  events: readonly TimelineEvent[];
  today: string;
  /** The desk's providers (a change of provider is checked against them; without them the provider cannot change). */
  providers?: readonly ProviderChoice[];
}

export type ReadCorrection =
  | { ok: true; facts: CorrectableFacts; changed: CorrectableField[] }
  | { ok: false; errors: Partial<Record<string, string>> };

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The first entry the received date may not come after: anything but the receipt and corrections/voids. */
function firstEntry(events: readonly TimelineEvent[]): TimelineEvent | undefined {
  return effectiveTimeline(events).find((e) => !['received', 'corrected', 'voided'].includes(e.type));
}

/** The corrected facts the form asks for (fields the caller did not send stay as they are), or messages per field. */
export function readCorrection(input: Partial<Record<string, string>>, ctx: CorrectionContext): ReadCorrection {
  const current = correctableFacts(ctx.record);
  const form = { ...correctionFormValues(ctx.record), ...input };
  const errors: Partial<Record<string, string>> = {};
  const receivedOn = trim(form.receivedOn);
  const first = firstEntry(ctx.events);
  if (!isIsoDate(receivedOn)) errors.receivedOn = say('date-invalid');
  else if (receivedOn > ctx.today) errors.receivedOn = say('received-future');
  else if (first && receivedOn > first.on)
    errors.receivedOn = say('received-after-first-entry', {
      on: { date: first.on },
      summary: short(first.summary),
      entry: first.id,
    });
  const channel = trim(form.channel);
  if (!(CHANNELS as readonly string[]).includes(channel)) errors.channel = say('channel-choose');
  const category = trim(form.category);
  if (!(CATEGORIES as readonly string[]).includes(category)) errors.category = say('category-choose');
  const summary = trim(form.summary);
  if (summary === '') errors.summary = say('summary-write');
  else if (summary.length > STORED_LIMITS.summary)
    errors.summary = say('summary-too-long', { max: STORED_LIMITS.summary });
  const procedureId = trim(form.procedureId);
  try {
    const procedure = getProcedure(procedureId);
    // A retired procedure takes no case; the case already under it keeps it.
    if (procedureId !== ctx.record.procedureId && isProcedureRetired(procedureId))
      errors.procedureId = say('procedure-retired', { procedure: procedure.name });
  } catch {
    errors.procedureId = say('procedure-choose');
  }
  const repName = trim(form.repName);
  let representative: Representative | null = null;
  if (repName !== '') {
    const relationship = trim(form.repRelationship);
    if (relationship === '') errors.repRelationship = say('rep-relationship-short');
    const kind = trim(form.repAuthority);
    const on = trim(form.repAuthorityOn);
    const details = trim(form.repAuthorityDetails);
    const old = ctx.record.representative;
    // A representative the case already has, kept as logged: the intake does not ask for their authority, so a
    // correction of another field does not either (explore33-desk #3). A new one, or one renamed, needs it.
    const same = !!old && old.name === repName && old.relationship === relationship && !old.authority;
    if (kind === '') {
      if (!same) errors.repAuthority = say('authority-choose');
    } else if (!(AUTHORITY_KINDS as readonly string[]).includes(kind)) errors.repAuthority = say('authority-invalid');
    if (kind && !isIsoDate(on)) errors.repAuthorityOn = say('authority-date-invalid');
    else if (kind && on > ctx.today) errors.repAuthorityOn = say('date-future');
    if (kind === 'other' && details === '') errors.repAuthorityDetails = say('authority-details-missing');
    // Their address, as the form gives it (shown with what the case holds): a representative added or renamed here
    // can be written to, and one whose name is corrected keeps theirs (explore36-team #4).
    const addressText = trim(form.repAddress ?? '');
    const postcode = trim(form.repPostcode ?? '');
    const addressProblem = addressText ? addressTextProblem(addressText) : null;
    if (addressProblem) errors.repAddress = addressProblem;
    else if (addressText && postcode === '') errors.repPostcode = say('postcode-missing');
    else if (!addressText && postcode !== '') errors.repAddress = say('address-for-postcode');
    if (postcode.length > STORED_LIMITS.postcode)
      errors.repPostcode = say('too-long', { label: 'Their postcode', max: STORED_LIMITS.postcode });
    // A form without the address fields (an older caller) keeps it while the representative is the same person.
    const given = form.repAddress !== undefined || form.repPostcode !== undefined;
    const address = given
      ? postalAddressOf(addressText, postcode)
      : old?.address && old.name === repName
        ? old.address
        : undefined;
    representative = {
      name: repName,
      relationship,
      ...(address ? { address } : {}),
      ...(kind ? { authority: { kind: kind as AuthorityKind, on, ...(details ? { details } : {}) } } : {}),
    };
  }
  // The form names each field (the interface with its own label): its labels in ./catalogue.ts.
  const checked = [
    ['repName', repName, 'Representative'],
    ['summary', summary, CORRECTABLE_LABELS.summary],
    ['repRelationship', trim(form.repRelationship), 'Their relationship to the customer'],
    ['repAddress', trim(form.repAddress ?? ''), 'Their postal address'],
    ['repPostcode', trim(form.repPostcode ?? ''), 'Their postcode'],
  ] as const;
  for (const [name, value, label] of checked) {
    const problem = fieldCharacterProblem(
      value,
      name === 'summary' || name === 'repAddress' ? 'multi-line' : 'single-line',
      label,
    );
    if (problem) errors[name] ??= problem;
  }
  const language = trim(form.language);
  if (language !== '' && !(LETTER_LANGUAGES as readonly string[]).includes(language))
    errors.language = say('language-invalid');
  const needs: CommunicationNeeds = {};
  if (language) needs.language = language as CommunicationNeeds['language'];
  if (ticked(form.largePrint)) needs.largePrint = true;
  if (ticked(form.prefersPost)) needs.prefersPost = true;
  const providerId = trim(form.providerId) || current.providerId;
  let calendar = current.calendar;
  if (providerId !== current.providerId) {
    const provider = ctx.providers?.find((p) => p.id === providerId);
    if (!provider) errors.providerId = say('provider-choose');
    else if (provider.retiredOn)
      errors.providerId = say('provider-retired', { provider: provider.name, on: { date: provider.retiredOn } });
    else calendar = provider.calendar;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const facts: CorrectableFacts = {
    receivedOn,
    channel: channel as Channel,
    category: category as Category,
    summary,
    procedureId,
    representative,
    communication: Object.keys(needs).length ? needs : null,
    providerId,
    calendar,
  };
  const changed = CORRECTABLE_FIELDS.filter((f) => !same(current[f], facts[f]));
  return { ok: true, facts, changed };
}

/**
 * What a correction's codes were called when it was made, from its data: `names` the providers', `procedureNames`
 * the procedures' (so the entry reads the same after a rename). A correction written before it kept procedure names
 * names a procedure as the desk calls it now.
 */
export interface CorrectionNames {
  providers?: Readonly<Record<string, string>>;
  procedures?: Readonly<Record<string, string>>;
}

const nameMap = (v: unknown): Readonly<Record<string, string>> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : undefined;

/** A correction entry's names (its `data.names` and `data.procedureNames`). */
export function correctionNames(data: Readonly<Record<string, unknown>> | undefined): CorrectionNames {
  const providers = nameMap(data?.names);
  const procedures = nameMap(data?.procedureNames);
  return { ...(providers ? { providers } : {}), ...(procedures ? { procedures } : {}) };
}

/** The names a correction keeps of the procedures it moves a case between, as the desk calls them today. */
export function procedureNamesOf(ids: readonly unknown[]): Record<string, string> {
  const named = ids.flatMap((id) => {
    const name = typeof id === 'string' ? procedureName(id) : undefined;
    return name ? [[id as string, name] as const] : [];
  });
  return Object.fromEntries(named);
}

/** A representative's authority in the record's words: "written consent (2026-12-05)" (the day stays ISO). */
const authorityInEnglish = (a: Pick<RepresentativeAuthority, 'kind' | 'on'>) =>
  `${a.kind.replace(/-/g, ' ')} (${a.on})`;

/**
 * A value of a corrected field in words, for the timeline and the anonymised view: "12 Jan 2026" stays ISO here. A
 * provider and a procedure are named by `names` (see CorrectionNames); a procedure the correction did not name, by
 * the desk's name for it; an unknown one by its id.
 */
export function correctedValueText(field: string, value: unknown, names?: CorrectionNames): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (field === 'providerId' && typeof value === 'string') return names?.providers?.[value] ?? value;
  if (field === 'procedureId' && typeof value === 'string')
    return names?.procedures?.[value] ?? procedureName(value) ?? value;
  if (field === 'representative' && typeof value === 'object') {
    const r = value as Representative;
    return `${r.name} (${r.relationship})${r.authority ? `, ${authorityInEnglish(r.authority)}` : ''}`;
  }
  if (field === 'communication' && typeof value === 'object') {
    const n = value as CommunicationNeeds;
    const parts = [n.language, n.largePrint ? 'large print' : '', n.prefersPost ? 'by post' : ''].filter(Boolean);
    return parts.length ? parts.join(', ') : '(none)';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A due date that a change moves: "ADR letter: 2027-01-10 → 2026-12-22" (null: no date). */
export interface DueDateChange {
  clockId: string;
  label: string;
  from: string | null;
  to: string | null;
  /**
   * How the change moves the clock past its date, as the rules engine judges it on the desk's day: `now-missed` when
   * the clock is missed after the change and was not before (the new date has already passed unmet: overdue as soon
   * as it is saved), `no-longer-missed` the other way round; absent when the change does neither.
   */
  missed?: 'now-missed' | 'no-longer-missed';
  /**
   * The day the ADR letter was sent, when the change puts it before its due day and it was not before (a date received
   * corrected later): the letter told the customer the complaint had been open for the full time, which it now had
   * not (explore33-desk #1). Absent otherwise.
   */
  sentEarlyOn?: string;
  /**
   * With the same due date, the clock met before and not after, or the other way round (a void of the entry that met
   * it, or of the one that missed it): how it stands before and after on the desk's day. A change of date says it by
   * its dates instead. Absent otherwise (explore34a #2: the void preview said nothing changed).
   */
  standing?: { from: ClockStanding; to: ClockStanding };
}

/** How a clock stands on a day: met, missed, still to meet (running) or past its date unmet (overdue), or not needed. */
export type ClockStanding = 'met' | 'missed' | 'running' | 'overdue' | 'not-applicable';

function standingOf(clock: Clock, today: string | undefined): ClockStanding {
  if (clock.state === 'running' && today && clock.dueOn && clock.dueOn < today) return 'overdue';
  return clock.state;
}

/**
 * The clocks whose due date differs between two evaluations of a case, or whose being met does, in the order the
 * later one lists them. `today`: the desk's day, to tell a clock still running from one already overdue.
 */
export function dueDateChanges(before: Evaluation | null, after: Evaluation | null, today?: string): DueDateChange[] {
  const was = new Map((before?.clocks ?? []).map((c) => [c.id, c]));
  const now = new Map((after?.clocks ?? []).map((c) => [c.id, c]));
  const ids = [...now.keys(), ...[...was.keys()].filter((id) => !now.has(id))];
  const out: DueDateChange[] = [];
  for (const id of ids) {
    const from = was.get(id)?.dueOn ?? null;
    const to = now.get(id)?.dueOn ?? null;
    if (from === to) {
      const [a, b] = [was.get(id), now.get(id)];
      if (!a || !b || (a.state === 'met') === (b.state === 'met')) continue;
      out.push({
        clockId: id,
        label: b.label,
        from,
        to,
        standing: { from: standingOf(a, today), to: standingOf(b, today) },
      });
      continue;
    }
    const missedBefore = was.get(id)?.state === 'missed';
    const missedAfter = now.get(id)?.state === 'missed';
    const early = (c: Clock | undefined) => !!c?.closedOn && !!c.dueOn && c.closedOn < c.dueOn;
    const sentEarly = id === 'adr-letter' && early(now.get(id)) && !early(was.get(id));
    out.push({
      clockId: id,
      label: (now.get(id) ?? was.get(id))!.label,
      from,
      to,
      ...(missedAfter && !missedBefore ? { missed: 'now-missed' as const } : {}),
      ...(missedBefore && !missedAfter ? { missed: 'no-longer-missed' as const } : {}),
      ...(sentEarly ? { sentEarlyOn: now.get(id)!.closedOn! } : {}),
    });
  }
  return out;
}

function evaluate(
  record: CaseRecord,
  events: readonly TimelineEvent[],
  today: string,
): { evaluation: Evaluation | null; error: string | null; reason?: Phrase } {
  try {
    return { evaluation: evaluateCase(caseFacts(record, events), today), error: null };
  } catch (error) {
    const reason = isRulesError(error) ? error.reason : undefined;
    return {
      evaluation: null,
      error: error instanceof Error ? error.message : String(error),
      ...(reason ? { reason } : {}),
    };
  }
}

export interface ChangePreview {
  dueDates: DueDateChange[];
  /**
   * What would not fit together once corrected (a correction of the provider or the procedure only): the checks of a
   * provider's own set-up (shared/rules/provider-checks.ts) run on the provider the case would have with the procedure
   * it would follow, less those the provider's own set-up already has (the desk saw them, and said why, in Settings).
   */
  mismatches?: ProviderMismatch[];
  stage: { from: string; to: string } | null;
  status: { from: string; to: string } | null;
  /** The rules engine cannot read the case after the change: it would be refused, with this reason. */
  error: string | null;
  /** The same reason as a phrase (m17b), when the timeline is at fault: the interface says it in its language. */
  reason?: Phrase;
}

function preview(
  before: Evaluation | null,
  after: { evaluation: Evaluation | null; error: string | null; reason?: Phrase },
  today: string,
): ChangePreview {
  const a = after.evaluation;
  return {
    dueDates: dueDateChanges(before, a, today),
    stage: before && a && before.stage !== a.stage ? { from: before.stageName, to: a.stageName } : null,
    status: before && a && before.status !== a.status ? { from: before.status, to: a.status } : null,
    error: after.error,
    ...(after.reason ? { reason: after.reason } : {}),
  };
}

/**
 * What a correction would change before it is saved: the due dates that move (the rules engine evaluated on the case
 * as it is and as corrected), the stage and status. Null when the form does not read as a correction yet.
 */
export function correctionPreview(
  input: Partial<Record<string, string>>,
  ctx: CorrectionContext,
): ChangePreview | null {
  const read = readCorrection(input, ctx);
  if (!read.ok || read.changed.length === 0) return null;
  const before = evaluate(ctx.record, ctx.events, ctx.today).evaluation;
  const out = preview(before, evaluate(withFacts(ctx.record, read.facts), ctx.events, ctx.today), ctx.today);
  const moves = read.changed.includes('providerId') || read.changed.includes('procedureId');
  const mismatches = moves ? correctionMismatches(read.facts, ctx.providers) : [];
  return mismatches.length ? { ...out, mismatches } : out;
}

/**
 * The mismatches a case's corrected provider and procedure would have (see `ChangePreview.mismatches`); [] when the
 * provider's region is not known here (a provider given without its set-up).
 */
export function correctionMismatches(
  facts: Pick<CorrectableFacts, 'providerId' | 'procedureId' | 'calendar'>,
  providers: readonly ProviderChoice[] | undefined,
): ProviderMismatch[] {
  const provider = providers?.find((p) => p.id === facts.providerId);
  if (!provider?.region) return [];
  const setUp = {
    procedureId: facts.procedureId,
    calendar: facts.calendar,
    adrSchemeId: provider.adrSchemeId,
    languages: provider.languages ?? [],
    region: provider.region,
  };
  const own = new Set(
    provider.procedureId
      ? providerMismatches({ ...setUp, procedureId: provider.procedureId, calendar: provider.calendar }).map(
          (m) => m.code,
        )
      : [],
  );
  return providerMismatches(setUp).filter((m) => !own.has(m.code));
}

/**
 * Entry types that cannot be voided: the receipt (correct the date received instead), edits of the record (customer's
 * details, handovers, vulnerability details), letters (withdrawn instead), attachments (removed instead, with a reason),
 * corrections and voids themselves.
 */
const NOT_VOIDABLE: ReadonlySet<string> = new Set([
  'received',
  'letter-issued',
  'customer-edited',
  'reassigned',
  'vulnerability',
  'corrected',
  'voided',
  'letter-withdrawn',
  'attachment-added',
  'attachment-removed',
]);

/** Entry types that can be voided: what the desk records about the complaint's handling, never a record edit. */
export const VOIDABLE_TYPES: ReadonlySet<string> = new Set(TIMELINE_TYPES.filter((t) => !NOT_VOIDABLE.has(t)));

/** Later entries of these kinds lean on an entry of the key's kind: voiding it says they are affected. */
const DEPENDENTS: Partial<Record<string, readonly string[]>> = {
  escalated: ['escalated', 'ccts-informed', 'referred-to-adr'],
  paused: ['resumed'],
  'resolution-proposed': ['resolution-accepted', 'resolution-rejected'],
  deadlock: ['adr-letter-sent', 'referred-to-adr', 'closed'],
  'adr-letter-sent': ['referred-to-adr'],
  resolved: ['closed'],
  closed: ['reopened'],
  'ccts-referral': ['ccts-report'],
};

/** Why `entryId` cannot be voided, or null when it can. */
export function whyNotVoid(entryId: string | undefined, events: readonly TimelineEvent[]): string | null {
  const never = whyNeverVoid(entryId, events);
  if (never) return never;
  const letter = standingLetterSaying(
    events.find((e) => e.id === entryId)!,
    events,
  );
  return letter ? say('void-letter-stands', { file: letter.fileName }) : null;
}

/**
 * Whether the timeline offers "Void…" beside an entry: one of a kind that can be voided and not voided yet, even while
 * a letter says it happened (the form then says to withdraw the letter first).
 */
export const offersVoid = (entryId: string, events: readonly TimelineEvent[]): boolean =>
  whyNeverVoid(entryId, events) === null;

/** Why `entryId` cannot be voided whatever happens next (its kind, or voided already), or null. */
function whyNeverVoid(entryId: string | undefined, events: readonly TimelineEvent[]): string | null {
  const entry = events.find((e) => e.id === entryId);
  if (!entry) return say('void-choose-entry');
  if (entry.type === 'received') return say('void-receipt');
  if (entry.type === 'voided') return say('void-void');
  if (entry.type === 'corrected') return say('void-correction');
  if (entry.type === 'letter-issued') return say('void-letter');
  if (!VOIDABLE_TYPES.has(entry.type)) return say('void-record-change');
  // The day as a value: YYYY-MM-DD in the record's English, the interface's own date on screen.
  const voided = voidsByEntry(events).get(entry.id);
  if (voided) return say('void-already-voided', { on: { date: voided.on }, by: voided.by });
  return null;
}

/**
 * A letter that stands (issued, not withdrawn) and says `entry` happened: the one issued with it (the entry it recorded
 * beside itself, at the same moment), or, for an acknowledgement, any acknowledgement letter (a complaint is
 * acknowledged once; a corrected letter records nothing new). Voiding the entry would leave the letter saying what the
 * case denies, and Letters to post would send another (explore33-desk #5): the letter is withdrawn first.
 */
function standingLetterSaying(entry: TimelineEvent, events: readonly TimelineEvent[]): LetterOnTimeline | null {
  const standing = lettersOnTimeline(events).filter((l) => !l.withdrawn);
  if (standing.length === 0) return null;
  if (entry.type === 'acknowledged') {
    const acknowledgement = standing.filter((l) => l.kind === 'acknowledgement').at(-1);
    if (acknowledgement) return acknowledgement;
  }
  return standing.find((l) => recordedWithLetter(events, l.letterId)?.id === entry.id) ?? null;
}

export interface VoidEffects extends ChangePreview {
  entry: TimelineEvent;
  /** Later entries that lean on it (e.g. the escalation after it): they stay, but read differently. */
  dependents: TimelineEvent[];
}

/** What voiding `entryId` would change, before it is voided: stage, status, due dates and the entries that lean on it. */
export function voidEffects(entryId: string, ctx: CorrectionContext): VoidEffects | null {
  const entry = ctx.events.find((e) => e.id === entryId);
  if (!entry || whyNotVoid(entryId, ctx.events)) return null;
  const effective = effectiveTimeline(ctx.events);
  const at = effective.findIndex((e) => e.id === entryId);
  const kinds = new Set(DEPENDENTS[entry.type] ?? []);
  const dependents = effective.slice(at + 1).filter((e) => kinds.has(e.type));
  const without = ctx.events.filter((e) => e.id !== entryId);
  const before = evaluate(ctx.record, ctx.events, ctx.today).evaluation;
  return { entry, dependents, ...preview(before, evaluate(ctx.record, without, ctx.today), ctx.today) };
}
