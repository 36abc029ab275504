// Turning an action's input into the timeline entry to append: `buildActionEvent` checks the input (zod) and returns
// the event, or messages naming the fields. Also the form's starting values. Pure: "today" and the person working
// are arguments.
import { z } from 'zod';
import type { Procedure } from '#shared/rules/procedure';
import { adrLetterAtOnceOnDeadlock } from '#shared/rules/regimes';
import { isProcedureRetired, procedureChoices } from '#shared/rules/procedures';
import { fillTemplate } from '#shared/model/template';
import type { Evaluation } from '#shared/rules/types';
import type {
  CaseRecord,
  Channel,
  CommunicationNeeds,
  Customer,
  CustomerTitle,
  PostalAddress,
  TimelineEvent,
  TimelineType,
  VulnerabilityRecord,
} from '#shared/model/case';
import { inTimelineOrder } from '#shared/model/case';
import { validateVulnerability } from '#shared/model/vulnerability';
import { isIsoDate } from '#shared/model/dates';
import { effectiveTimeline, voidsByEntry } from '#shared/model/effective';
import { parseEmployees } from '#shared/model/intake';
import { addressTextProblem, STORED_LIMITS } from '#shared/model/stored';
import { fieldCharacterProblem } from '#shared/model/text';
import { sayProblem as say } from '#shared/model/problems';
import {
  cctsReportPhrase,
  correctedValue,
  summaryInEnglish,
  VOID_QUOTE,
  type SummaryKind,
  type SummaryPhrase,
  withDetails,
} from './summaries';
import { short } from './short';
import { whyNot } from './availability';
import { caseProviderId, type ProviderChoice } from '#shared/model/provider';
import {
  type ActionFieldSpec,
  type CaseActionId,
  type CaseActionSpec,
  type Currency,
  type PaymentKind,
  CUSTOMER_FIELDS,
  type CustomerField,
  CUSTOMER_EXTRA_FIELDS,
  CUSTOMER_EDIT_FIELDS,
  type CustomerEditField,
  getAction,
  isCaseActionId,
} from './catalogue';
import { nextStage, adrStage, caseRegimeVersion } from './state';
import {
  type CorrectableFacts,
  correctableFacts,
  correctionFormValues,
  procedureNamesOf,
  readCorrection,
  whyNotVoid,
} from './corrections';

/** A form's values: every field as text (the date as YYYY-MM-DD). */
export type ActionInput = Partial<Record<string, string>>;

export interface ActionContext {
  record: CaseRecord;
  /** The case's timeline as stored (any order). */
  events: readonly TimelineEvent[];
  /** The rules engine's evaluation of the case on `today`; null when it could not be evaluated. */
  evaluation: Evaluation | null;
  /** The case's procedure; null when unknown. */
  procedure: Procedure | null;
  /** The desk's date, YYYY-MM-DD. */
  today: string;
  /** The person working (recorded as the event's author). */
  by: string;
  /** The desk's providers: a correction may move the case to another (corrections.ts). */
  providers?: readonly ProviderChoice[];
}

/** A timeline event before it is stored (the store adds id, caseId and the timestamp). */
export interface NewTimelineEvent {
  type: TimelineType;
  on: string;
  by: string;
  summary: string;
  data?: Record<string, unknown>;
}

export type BuildResult =
  | {
      ok: true;
      event: NewTimelineEvent;
      /** The customer's new details (edit-customer only). */
      customer?: Customer;
      /** The case's new communication needs, or null to remove them (edit-customer only, when they changed). */
      communication?: CommunicationNeeds | null;
      /** The case's new vulnerability details, or null to remove them (record-vulnerability only). */
      vulnerability?: VulnerabilityRecord | null;
      /** The corrected facts, only those that changed (correct-facts only; null removes the representative/needs). */
      corrections?: Partial<CorrectableFacts>;
    }
  | {
      ok: false;
      /** Message per field name; `action` when the action itself is refused, `form` for the form as a whole. */
      errors: Partial<Record<string, string>>;
      /** One line naming the field: "Date: the date cannot be in the future." */
      message: string;
    };

/**
 * An amount of money as a handler types it, in either of the interface's languages: "25", "25.50", "1,250.50" (a
 * comma between groups of three digits), "25,50" (a decimal comma, as French writes it) or "1 250,50" (spaces between
 * groups). A comma followed by one or two digits at the end is a decimal comma; one followed by three is a thousands
 * separator: "20,50" is never read as 2,050. Null when it is not an amount of up to 7 digits and 2 decimals.
 */
export function readAmount(text: string): number | null {
  const t = text.trim().replace(/[ \u00a0\u202f](?=\d{3}(?:\D|$))/g, '');
  let plain: string;
  if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(t)) plain = t.replace(/,/g, '');
  else if (/^\d+,\d{1,2}$/.test(t)) plain = t.replace(',', '.');
  else plain = t;
  return /^\d{1,7}(\.\d{1,2})?$/.test(plain) ? Number(plain) : null;
}

/**
 * The form's starting values: today's date, the case's channel (a reply to a proposal: the proposal's, as the customer
 * most often answers the way it reached them), the customer's current details.
 */
export function defaultInput(
  id: CaseActionId,
  ctx: Pick<ActionContext, 'record' | 'procedure' | 'today'> & Partial<Pick<ActionContext, 'events'>>,
): Record<string, string> {
  const spec = getAction(id);
  const { record } = ctx;
  const values: Record<string, string> = {};
  for (const f of spec.fields) values[f.name] = '';
  values.on = ctx.today;
  if ('channel' in values) values.channel = id === 'adr-letter-sent' ? 'letter' : record.channel;
  if (id === 'record-acceptance' || id === 'record-rejection') {
    // Not the complaint's channel: a proposal made by phone on a complaint by letter was "accepted (by letter)" unless
    // the handler changed it (explore40-team #8d).
    const proposal = inTimelineOrder(effectiveTimeline(ctx.events ?? [])).findLast(
      (e) => e.type === 'resolution-proposed',
    );
    const proposedBy = proposal?.data?.channel;
    if (typeof proposedBy === 'string' && proposedBy) values.channel = proposedBy;
  }
  if ('direction' in values) values.direction = 'from-customer';
  if ('who' in values) values.who = record.representative?.name ?? record.customer.name;
  if (id === 'record-payment') {
    values.kind = 'goodwill';
    values.currency = ctx.procedure?.provider.country === 'CA' || record.calendar === 'canada' ? 'CAD' : 'GBP';
  }
  if (id === 'edit-customer') Object.assign(values, customerDetailsToForm(record));
  if (id === 'correct-facts') Object.assign(values, correctionFormValues(record));
  if (id === 'record-vulnerability' && record.vulnerability) {
    Object.assign(values, {
      details: record.vulnerability.details,
      reason: record.vulnerability.reason,
      note: record.vulnerability.note ?? '',
    });
  }
  return values;
}

/**
 * Which of a field's descriptions applies to the case: `descriptionNoAdrLetter` where the field has one and the case's
 * regime (the evaluated one, else its procedure's; in the version in force on the day it was received) does not make
 * the ADR letter due at once on a final position (the CCTS); else `description`.
 */
export function fieldDescriptionPart(
  field: Pick<ActionFieldSpec, 'descriptionNoAdrLetter'>,
  context: Pick<ActionContext, 'record' | 'evaluation' | 'procedure'>,
): 'description' | 'descriptionNoAdrLetter' {
  if (field.descriptionNoAdrLetter === undefined) return 'description';
  const version = caseRegimeVersion(context.record, context.evaluation, context.procedure);
  if (version === undefined) return 'description';
  return adrLetterAtOnceOnDeadlock(version) ? 'description' : 'descriptionNoAdrLetter';
}

/**
 * A provider choice's words besides its name, in English (their one home: the interface says them in its language by
 * `field.correct-facts.providerId.retired` and `.elsewhere`).
 */
export const PROVIDER_CHOICE_EN = {
  retired: '{name} (retired)',
  elsewhere: 'Not one of this desk’s providers',
} as const;

/**
 * A procedure choice's words besides its name, in English (their one home: the interface says them in its language by
 * `field.correct-facts.procedureId.retired`).
 */
export const PROCEDURE_CHOICE_EN = {
  retired: '{name} (retired)',
} as const;

/**
 * One choice of a select field: its value and English label; a provider retired or not the desk's says which, and so
 * does a retired procedure (offered only as the case's own).
 */
export interface FieldOption {
  value: string;
  label: string;
  provider?: { kind: 'retired'; name: string } | { kind: 'elsewhere' };
  procedure?: { kind: 'retired'; name: string };
}

/** A procedure as a choice: by its name, a retired one said so. */
export function procedureOption(p: Pick<Procedure, 'id' | 'name'>): FieldOption {
  if (!isProcedureRetired(p.id)) return { value: p.id, label: p.name };
  const label = fillTemplate(PROCEDURE_CHOICE_EN.retired, () => p.name);
  return { value: p.id, label, procedure: { kind: 'retired', name: p.name } };
}

/**
 * A select field's choices: the spec's own, or the desk's data it names (`optionsFrom`): its providers from `ctx`
 * (none without it), its procedures as it holds them now (the built-in ones and its own, installed at start and after
 * each change) but those it retired, except the case's own (`procedureChoices`), said to be retired.
 */
export function fieldOptions(f: ActionFieldSpec, ctx?: Pick<ActionContext, 'record' | 'providers'>): FieldOption[] {
  if (f.optionsFrom === 'procedures') return procedureChoices(ctx?.record.procedureId).map(procedureOption);
  if (f.optionsFrom !== 'providers') return [...(f.options ?? [])];
  if (!ctx) return [];
  const current = caseProviderId(ctx.record);
  const options = (ctx.providers ?? [])
    .filter((p) => !p.retiredOn || p.id === current)
    .map((p): FieldOption => {
      if (!p.retiredOn) return { value: p.id, label: p.name };
      const label = fillTemplate(PROVIDER_CHOICE_EN.retired, () => p.name);
      return { value: p.id, label, provider: { kind: 'retired', name: p.name } };
    });
  // A case merged from another desk may name a provider this desk does not hold: it stays choosable as it is.
  if (!options.some((o) => o.value === current))
    options.unshift({ value: current, label: PROVIDER_CHOICE_EN.elsewhere, provider: { kind: 'elsewhere' } });
  return options;
}

export function customerToForm(c: Customer): Record<CustomerField, string> {
  return {
    customerName: c.name,
    addressLines: c.address?.lines.join('\n') ?? '',
    postcode: c.address?.postcode ?? '',
    phone: c.phone ?? '',
    email: c.email ?? '',
    accountNumber: c.accountNumber ?? '',
  };
}

/** Everything edit-customer shows, as the form holds it: the contact details, business size and communication needs. */
export function customerDetailsToForm(
  record: Pick<CaseRecord, 'customer' | 'communication'>,
): Record<CustomerEditField, string> {
  const c = record.customer;
  const needs = record.communication;
  return {
    ...customerToForm(c),
    title: c.title ?? '',
    isBusiness: c.isBusiness ? 'yes' : '',
    employees: c.isBusiness && typeof c.employees === 'number' ? String(c.employees) : '',
    language: needs?.language ?? '',
    largePrint: needs?.largePrint ? 'yes' : '',
    prefersPost: needs?.prefersPost ? 'yes' : '',
  };
}

/** A ticked box arrives as 'yes' from the form; true, 'true' and 'on' from other callers are read the same way. */
export const isTicked = (v: unknown) =>
  v === true || (typeof v === 'string' && ['yes', 'true', 'on'].includes(v.trim().toLowerCase()));

const clean = (max: number, label: string) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? '').trim())
    .pipe(z.string().max(max, say('too-long', { label, max })));
const required = (max: number, message: string, label: string) => clean(max, label).pipe(z.string().min(1, message));
const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.enum(values, { error: message }));

/**
 * Corrections and voids are dated the day they are made: they do not stop a later entry being dated before them. The
 * receipt is checked against the case's (possibly corrected) date received instead of its entry's date. So are files
 * attached or removed (#18): the day they were filed, not the day of what they show (a customer's email of last week
 * attached today, then logged as the contact it was, is dated last week). And so are changes to what the case holds
 * (a handover, the customer's details, vulnerability details) and a letter withdrawn: they say nothing of when the
 * complaint was handled, and cannot be voided, so a handover made today must not stop the acknowledgement of last
 * week being recorded with its real day (explore33-manager #2). A letter issued is the same: it cannot be voided (only
 * withdrawn, which leaves it on the timeline), so a letter written today must not stop the resolution the customer
 * agreed on the phone last week being recorded with its day. The entry a letter records beside itself (the complaint
 * acknowledged, the ADR letter sent) is dated and still counts.
 */
const UNDATED_KINDS: ReadonlySet<string> = new Set([
  'received',
  'corrected',
  'voided',
  'attachment-added',
  'attachment-removed',
  'reassigned',
  'customer-edited',
  'vulnerability',
  'letter-issued',
  'letter-withdrawn',
]);

/**
 * The latest entry a new entry may not be dated before (corrections, voids and files attached do not count, nor an
 * entry voided: voiding the later entry is how an earlier one is recorded, docs/user-guide.md "Putting mistakes right";
 * explore40-team #3, a note dated tomorrow by a desk whose clock was fast blocked the case at every desk after its void).
 */
export function lastEntry(events: readonly TimelineEvent[]): TimelineEvent | undefined {
  const voided = voidsByEntry(events);
  let last: TimelineEvent | undefined;
  for (const e of events)
    if (UNDATED_KINDS.has(e.type) || voided.has(e.id)) continue;
    else if (!last || e.on > last.on || (e.on === last.on && e.at >= last.at)) last = e;
  return last;
}

export { short } from './short';

function dateSchema(ctx: ActionContext, label: string) {
  const last = lastEntry(ctx.events);
  return z
    .string()
    .optional()
    .transform((s) => (s ?? '').trim())
    .pipe(
      z
        .string()
        .min(1, say('date-missing', { label: label.toLowerCase() }))
        .refine(isIsoDate, say('date-invalid'))
        .refine((d) => !isIsoDate(d) || d <= ctx.today, say('date-future'))
        .refine(
          (d) => !isIsoDate(d) || d >= ctx.record.receivedOn,
          say('date-before-received', { on: { date: ctx.record.receivedOn } }),
        )
        .refine(
          (d) => !isIsoDate(d) || !last || d >= last.on,
          last
            ? // The entry by its id too, for the interface to name it as its timeline does (not in English: explore32-desk #3).
              say('date-before-last-entry', { on: { date: last.on }, summary: short(last.summary), entry: last.id })
            : '',
        ),
    );
}

const PHONE = /^[+()0-9 .-]{6,40}$/;

function schemaFor(spec: CaseActionSpec, ctx: ActionContext) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of spec.fields) {
    const label = f.label;
    switch (f.kind) {
      case 'date':
        shape[f.name] = dateSchema(ctx, label);
        break;
      case 'select': {
        const values = (f.options ?? []).map((o) => o.value) as [string, ...string[]];
        const message = f.missing ?? say('choose-field', { label: label.toLowerCase() });
        // An optional choice may be left empty ('').
        shape[f.name] = f.required
          ? choice(values, message)
          : z.preprocess(
              (v) => (typeof v === 'string' ? v.trim() : (v ?? '')),
              z.enum(['', ...values] as [string, ...string[]], { error: message }),
            );
        break;
      }
      case 'checkbox':
        shape[f.name] = z.preprocess((v) => (isTicked(v) ? 'yes' : ''), z.string());
        break;
      case 'amount':
        shape[f.name] = required(20, f.missing ?? say('enter-field', { label: 'the amount' }), label)
          .refine((s) => s === '' || readAmount(s) !== null, say('amount-invalid'))
          .refine((s) => (readAmount(s) ?? 1) > 0, say('amount-not-positive'));
        break;
      default: {
        // A customer's details: the limits of what is stored (shared/model/stored.ts).
        const stored: Record<string, number> = {
          customerName: STORED_LIMITS.name,
          phone: STORED_LIMITS.phone,
          email: STORED_LIMITS.email,
          accountNumber: STORED_LIMITS.accountNumber,
        };
        const max = stored[f.name] ?? (f.kind === 'textarea' ? 5000 : 200);
        let schema: z.ZodType<string, string | undefined> = f.required
          ? required(max, f.missing ?? say('enter-field', { label: label.toLowerCase() }), label)
          : clean(max, label);
        if (f.name === 'phone') schema = schema.refine((s) => s === '' || PHONE.test(s), say('phone-invalid'));
        if (f.name === 'email')
          schema = schema.refine((s) => s === '' || z.email().safeParse(s).success, say('email-invalid'));
        if (f.name === 'postcode')
          schema = schema.pipe(
            z.string().max(STORED_LIMITS.postcode, say('too-long', { label: 'Postcode', max: STORED_LIMITS.postcode })),
          );
        if (f.name === 'addressLines') {
          schema = schema.superRefine((s, c) => {
            const problem = addressTextProblem(s);
            if (problem) c.addIssue({ code: 'custom', message: problem });
          });
        }
        // The intake form's character rule (model/text.ts): no control or invisible format characters.
        const lines = f.kind === 'textarea' ? 'multi-line' : 'single-line';
        shape[f.name] = schema.superRefine((s, ctx) => {
          const problem = fieldCharacterProblem(s, lines, label);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        });
      }
    }
  }
  return z.object(shape);
}

function refuse(errors: Partial<Record<string, string>>, spec: CaseActionSpec): BuildResult {
  const [field, message = 'The entry is not valid'] = Object.entries(errors)[0] ?? ['form'];
  const label =
    field === 'action' || field === 'form' ? spec.label : (spec.fields.find((f) => f.name === field)?.label ?? field);
  const text = field === 'action' ? message : `${label}: ${message}`;
  return { ok: false, errors, message: /[.!?]$/.test(text) ? text : `${text}.` };
}

function addressFrom(lines: string, postcode: string): PostalAddress | undefined {
  if (lines === '') return undefined;
  return {
    lines: lines
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    postcode: postcode.toUpperCase(),
  };
}

function customerFromForm(v: Record<CustomerEditField, string>): Customer {
  const c: Customer = { name: v.customerName };
  if (v.title) c.title = v.title as CustomerTitle;
  const address = addressFrom(v.addressLines, v.postcode);
  if (address) c.address = address;
  if (v.phone) c.phone = v.phone;
  if (v.email) c.email = v.email;
  if (v.accountNumber) c.accountNumber = v.accountNumber;
  if (v.isBusiness === 'yes') {
    c.isBusiness = true;
    if (v.employees) c.employees = Number(v.employees);
  }
  return c;
}

function needsFromForm(v: Record<CustomerEditField, string>): CommunicationNeeds | null {
  const needs: CommunicationNeeds = {};
  if (v.language) needs.language = v.language as CommunicationNeeds['language'];
  if (v.largePrint === 'yes') needs.largePrint = true;
  if (v.prefersPost === 'yes') needs.prefersPost = true;
  return Object.keys(needs).length ? needs : null;
}

/**
 * The edit form's values after the edit. A caller that does not send business size or communication needs (an older
 * form, a script) leaves them as they are rather than clearing them.
 */
function editedDetails(
  v: Record<string, string>,
  input: ActionInput,
  record: CaseRecord,
): Record<CustomerEditField, string> {
  const before = customerDetailsToForm(record);
  const after = { ...before };
  for (const f of CUSTOMER_FIELDS) after[f] = v[f] ?? '';
  for (const f of CUSTOMER_EXTRA_FIELDS) if (input?.[f] !== undefined) after[f] = v[f] ?? '';
  if (after.postcode) after.postcode = after.postcode.toUpperCase();
  const employees = parseEmployees(after.employees);
  after.employees =
    after.isBusiness === 'yes' && employees.ok && employees.value !== undefined ? String(employees.value) : '';
  return after;
}

function customerErrors(v: Record<CustomerField, string>, record: CaseRecord): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  const hasAddress = v.addressLines !== '';
  if (hasAddress && v.postcode === '') errors.postcode = say('postcode-missing');
  if (!hasAddress && v.postcode !== '') errors.addressLines = say('address-for-postcode');
  if (record.channel === 'letter' && !hasAddress && !record.representative?.address) {
    errors.addressLines ??= say('letter-needs-address');
  }
  if (!hasAddress && v.phone === '' && v.email === '' && !record.representative?.address) {
    errors.addressLines ??= say('keep-a-way-to-reach');
  }
  return errors;
}

/**
 * Check an action's input against the case (allowed now? every field valid?) and return the ONE timeline event it
 * writes, or messages naming the fields. Dates: required, real, not in the future, not before the complaint was
 * received and not before the last entry on the timeline (the timeline only grows forward).
 */
export function buildActionEvent(action: CaseActionId, input: ActionInput, ctx: ActionContext): BuildResult {
  if (!isCaseActionId(action)) {
    return {
      ok: false,
      errors: { action: `Unknown action "${String(action)}"` },
      message: `Unknown action "${String(action)}".`,
    };
  }
  const spec = getAction(action);
  const reason = whyNot(action, ctx.record, ctx.events, ctx.evaluation, ctx.procedure);
  if (reason) return refuse({ action: reason }, spec);
  const by = (ctx.by ?? '').trim();
  if (by === '') return refuse({ form: say('who-is-working') }, spec);
  if (action === 'correct-facts' || action === 'void-entry') return buildCorrection(action, input ?? {}, ctx, by, spec);

  const parsed = schemaFor(spec, ctx).safeParse(input ?? {});
  const errors: Partial<Record<string, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      errors[field] ??= issue.message;
    }
  }
  let vulnerability: VulnerabilityRecord | null | undefined;
  if (action === 'record-vulnerability') {
    const on = typeof input?.on === 'string' ? input.on.trim() : '';
    // Empty details remove what is recorded, whatever the reason and note still say.
    const details = input?.details ?? '';
    const removing = details.trim() === '';
    const checked = validateVulnerability(
      { details, reason: removing ? '' : (input?.reason ?? ''), note: removing ? '' : (input?.note ?? '') },
      { on, by },
    );
    if (!checked.ok) for (const [field, message] of Object.entries(checked.errors)) errors[field] ??= message;
    else if (checked.value === null && !ctx.record.vulnerability)
      errors.details ??= say('vulnerability-nothing-recorded');
    else if (checked.value && ctx.record.vulnerability && sameVulnerability(checked.value, ctx.record.vulnerability))
      errors.form ??= say('nothing-changed');
    else vulnerability = checked.value;
  }
  if (action === 'edit-customer') {
    const raw = Object.fromEntries(CUSTOMER_FIELDS.map((f) => [f, String(input?.[f] ?? '').trim()])) as Record<
      CustomerField,
      string
    >;
    for (const [field, message] of Object.entries(customerErrors(raw, ctx.record))) errors[field] ??= message;
    const business =
      input?.isBusiness === undefined ? ctx.record.customer.isBusiness === true : isTicked(input.isBusiness);
    const employees = parseEmployees(
      String(input?.employees ?? (business ? customerDetailsToForm(ctx.record).employees : '')),
    );
    if (business && !employees.ok) errors.employees ??= employees.error;
  }
  if (!parsed.success || Object.keys(errors).length > 0) return refuse(errors, spec);
  const v = parsed.data as Record<string, string>;
  const on = v.on;
  if (action === 'record-vulnerability') {
    // The event says only that the details changed, never what they are: the timeline is shown to everyone on the case.
    const change = vulnerability === null ? 'removed' : ctx.record.vulnerability ? 'updated' : 'recorded';
    const event: NewTimelineEvent = {
      type: spec.eventType,
      on,
      by,
      summary: summaryInEnglish({ kind: `vulnerability-${change}` }),
      data: { change },
    };
    return { ok: true, event, vulnerability: vulnerability === null ? null : { ...vulnerability!, recordedOn: on } };
  }
  const details = v.summary || undefined;
  const channel = v.channel as Channel | undefined;
  const data: Record<string, unknown> = {};
  if (channel) data.channel = channel;
  if (details) data.details = details;
  if (ctx.evaluation) data.atStage = ctx.evaluation.stage;
  let summary: string;
  /** A summary in English, from its phrase (./summaries.ts: the one home of the words). */
  const write = summaryInEnglish;
  /** "Update sent by email", with the handler's details after it. */
  const sent = (kind: SummaryKind): SummaryPhrase =>
    withDetails({ kind, values: { channel: { channel: channel! } } }, details);
  let customer: Customer | undefined;
  let communication: CommunicationNeeds | null | undefined;

  switch (action) {
    case 'log-contact': {
      data.direction = v.direction;
      summary = write(sent(v.direction === 'to-customer' ? 'contact-to' : 'contact-from'));
      break;
    }
    case 'send-update':
      summary = write(sent('update-sent'));
      break;
    case 'respond':
      summary = write(sent('responded'));
      break;
    case 'acknowledge':
      summary = write(sent('acknowledged'));
      break;
    case 'escalate': {
      const from = ctx.procedure!.stages.find((s) => s.id === ctx.evaluation!.stage)!;
      const to = nextStage(ctx.procedure!, from.id)!;
      delete data.atStage;
      Object.assign(data, { stage: to.id, fromStage: from.id, reason: v.reason });
      summary = write({ kind: 'escalated', values: { from: from.name, to: to.name, reason: v.reason } });
      break;
    }
    case 'pause':
      data.reason = v.reason;
      summary = write({ kind: 'paused', values: { reason: v.reason } });
      break;
    case 'resume':
      summary = write(withDetails({ kind: 'resumed' }, details));
      break;
    case 'propose-resolution':
      summary = write({
        kind: 'resolution-proposed',
        values: { channel: { channel: channel! }, details: details ?? '' },
      });
      break;
    case 'record-acceptance':
    case 'record-rejection': {
      data.who = v.who;
      const kind = action === 'record-acceptance' ? 'resolution-accepted' : 'resolution-rejected';
      summary = write(withDetails({ kind, values: { who: v.who, channel: { channel: channel! } } }, details));
      break;
    }
    case 'resolve':
      summary = write({ kind: 'resolved', values: { details: details ?? '' } });
      break;
    case 'record-deadlock':
      summary = write({ kind: 'deadlock', values: { details: details ?? '' } });
      break;
    case 'close':
      summary = write(withDetails({ kind: 'closed' }, details));
      break;
    case 'adr-letter-sent': {
      const scheme = ctx.evaluation?.adrScheme?.name;
      summary = write(
        withDetails(
          scheme
            ? { kind: 'adr-letter-sent-scheme', values: { channel: { channel: channel! }, scheme } }
            : { kind: 'adr-letter-sent', values: { channel: { channel: channel! } } },
          details,
        ),
      );
      if (scheme) data.scheme = scheme;
      break;
    }
    case 'referred-to-adr': {
      const scheme = ctx.evaluation?.adrScheme?.name ?? adrStage(ctx.procedure!)?.owner ?? 'the ADR scheme';
      data.scheme = scheme;
      if (v.reference) data.reference = v.reference;
      summary = write(
        withDetails(
          v.reference
            ? { kind: 'referred-to-adr-reference', values: { scheme: { scheme }, reference: v.reference } }
            : { kind: 'referred-to-adr', values: { scheme: { scheme } } },
          details,
        ),
      );
      break;
    }
    case 'ccts-referral':
      if (v.reference) data.reference = v.reference;
      summary = write(
        withDetails(
          v.reference
            ? { kind: 'ccts-referral-reference', values: { reference: v.reference } }
            : { kind: 'ccts-referral' },
          details,
        ),
      );
      break;
    case 'ccts-informed':
      summary = write(sent('ccts-informed'));
      break;
    case 'ccts-report':
      data.sentBy = v.sentBy;
      summary = write(cctsReportPhrase(v.sentBy, details)!);
      break;
    case 'add-note':
      summary = details!;
      break;
    case 'reopen':
      data.reason = v.reason;
      summary = write({ kind: 'reopened', values: { reason: v.reason } });
      break;
    case 'record-payment': {
      const amount = readAmount(v.amount)!;
      const kind = v.kind as PaymentKind;
      Object.assign(data, { kind, amount, currency: v.currency, reason: v.reason });
      summary = write({
        kind: 'payment',
        values: {
          kind: { paymentKind: kind },
          amount: { money: { amount, currency: v.currency as Currency } },
          reason: v.reason,
        },
      });
      break;
    }
    case 'edit-customer': {
      const before = customerDetailsToForm(ctx.record);
      const after = editedDetails(v, input, ctx.record);
      const normalise = (f: CustomerEditField, s: string) =>
        f === 'addressLines'
          ? s
              .split(/\r?\n/)
              .map((l) => l.trim())
              .filter(Boolean)
              .join('\n')
          : s;
      const changed = CUSTOMER_EDIT_FIELDS.filter((f) => normalise(f, before[f]) !== normalise(f, after[f]));
      if (changed.length === 0) return refuse({ form: 'Nothing has changed: edit a field first' }, spec);
      customer = customerFromForm(after);
      if (changed.some((f) => f === 'language' || f === 'largePrint' || f === 'prefersPost'))
        communication = needsFromForm(after);
      const keep = <T extends Record<string, string>>(o: T) => Object.fromEntries(changed.map((f) => [f, o[f]]));
      const stored = customerDetailsToForm({
        customer,
        communication: communication === undefined ? ctx.record.communication : (communication ?? undefined),
      });
      Object.assign(data, { changed, before: keep(before), after: keep(stored) });
      summary = write(withDetails({ kind: 'customer-edited', values: { fields: { fields: changed } } }, details));
      break;
    }
  }
  const event: NewTimelineEvent = {
    type: spec.eventType,
    on,
    by,
    summary,
    ...(Object.keys(data).length ? { data } : {}),
  };
  if (!customer) return { ok: true, event };
  return communication === undefined ? { ok: true, event, customer } : { ok: true, event, customer, communication };
}

function sameVulnerability(a: VulnerabilityRecord, b: VulnerabilityRecord): boolean {
  return a.details === b.details && a.reason === b.reason && (a.note ?? '') === (b.note ?? '');
}

/** A correction of the complaint's facts, or a void: checked here rather than field by field (see ./corrections.ts). */
function buildCorrection(
  action: 'correct-facts' | 'void-entry',
  input: ActionInput,
  ctx: ActionContext,
  by: string,
  spec: CaseActionSpec,
): BuildResult {
  const reason = (input.reason ?? '').trim();
  const errors: Partial<Record<string, string>> = {};
  if (reason === '') errors.reason = spec.fields.find((f) => f.name === 'reason')?.missing ?? 'Give the reason';
  else if (reason.length > 5000) errors.reason = say('reason-too-long', { max: 5000 });
  else {
    const label = spec.fields.find((f) => f.name === 'reason')?.label ?? 'Reason';
    const problem = fieldCharacterProblem(reason, 'multi-line', label);
    if (problem) errors.reason = problem;
  }
  if (action === 'void-entry') {
    const entryId = (input.entryId ?? '').trim();
    const why = whyNotVoid(entryId, ctx.events);
    if (why) return refuse({ action: why }, spec);
    if (Object.keys(errors).length) return refuse(errors, spec);
    const entry = ctx.events.find((e) => e.id === entryId)!;
    const event: NewTimelineEvent = {
      type: 'voided',
      on: ctx.today,
      by,
      summary: summaryInEnglish({
        kind: 'voided',
        values: { entry: short(entry.summary, VOID_QUOTE), on: entry.on, reason },
      }),
      data: {
        entryId,
        entryType: entry.type,
        entryOn: entry.on,
        reason,
        ...(input.aboutSomeoneElse === 'yes' ? { aboutSomeoneElse: true } : {}),
      },
    };
    return { ok: true, event };
  }
  const read = readCorrection(input, ctx);
  if (!read.ok) Object.assign(errors, read.errors, errors);
  if (!read.ok || Object.keys(errors).length) return refuse(errors, spec);
  if (read.changed.length === 0) return refuse({ form: 'Nothing has changed: correct a field first' }, spec);
  const current = correctableFacts(ctx.record);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const corrections: Partial<CorrectableFacts> = {};
  for (const f of read.changed) {
    before[f] = current[f];
    after[f] = read.facts[f];
    (corrections as Record<string, unknown>)[f] = read.facts[f];
  }
  // A provider is named as it was called at the time, so the entry reads the same after it is renamed or retired.
  const names = read.changed.includes('providerId')
    ? Object.fromEntries(
        (ctx.providers ?? [])
          .filter((p) => p.id === before.providerId || p.id === after.providerId)
          .map((p) => [p.id, p.name]),
      )
    : undefined;
  // A procedure likewise, by its name (not its id): "Ofcom baseline procedure → Kijoma Broadband complaints procedure".
  const procedureNames = read.changed.includes('procedureId')
    ? procedureNamesOf([before.procedureId, after.procedureId])
    : undefined;
  const changes = read.changed.map((field) => ({
    field,
    from: correctedValue(field, before[field], { providers: names, procedures: procedureNames }),
    to: correctedValue(field, after[field], { providers: names, procedures: procedureNames }),
  }));
  const event: NewTimelineEvent = {
    type: 'corrected',
    on: ctx.today,
    by,
    summary: summaryInEnglish({ kind: 'corrected', values: { changes: { changes }, reason } }),
    data: {
      changed: read.changed,
      before,
      after,
      reason,
      ...(names ? { names } : {}),
      ...(procedureNames ? { procedureNames } : {}),
    },
  };
  return { ok: true, event, corrections };
}
