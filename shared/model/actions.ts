// The case actions: everything a handler can do to a case, each writing ONE timeline event. Pure: the case, its
// timeline, the rules engine's evaluation, the procedure, "today" and the person working are all arguments.
//
// `availableActions` says which actions the case's procedure allows now and, for the others, why not.
// `buildActionEvent` checks an action's input (zod) and returns the timeline event to append, or messages naming
// the fields. The renderer's `performAction` runs both again inside its write transaction.
import { z } from 'zod';
import type { Procedure, ProcedureStage } from '../rules/procedure';
import type { Evaluation } from '../rules/types';
import {
  CHANNEL_LABELS,
  CHANNELS,
  inTimelineOrder,
  LETTER_LANGUAGE_LABELS,
  LETTER_LANGUAGES,
  VULNERABILITY_REASON_LABELS,
  VULNERABILITY_REASONS,
  type CaseRecord,
  type Channel,
  type CommunicationNeeds,
  type Customer,
  type PostalAddress,
  type TimelineEvent,
  type TimelineType,
  type VulnerabilityRecord,
} from './case';
import { validateVulnerability } from '../privacy/vulnerability';
import { isIsoDate } from './dates';
import { parseEmployees } from './intake';

// ---------------------------------------------------------------------------------------------------------------
// The catalogue

export const CASE_ACTIONS = [
  'log-contact',
  'send-update',
  'respond',
  'acknowledge',
  'escalate',
  'pause',
  'resume',
  'propose-resolution',
  'record-acceptance',
  'record-rejection',
  'resolve',
  'record-deadlock',
  'close',
  'adr-letter-sent',
  'referred-to-adr',
  'ccts-referral',
  'ccts-informed',
  'add-note',
  'record-payment',
  'edit-customer',
  'record-vulnerability',
] as const;
export type CaseActionId = (typeof CASE_ACTIONS)[number];

export const ACTION_GROUPS = ['contact', 'progress', 'resolution', 'regulatory', 'record'] as const;
export type ActionGroup = (typeof ACTION_GROUPS)[number];

export const ACTION_GROUP_LABELS: Record<ActionGroup, string> = {
  contact: 'Talking to the customer',
  progress: 'Moving the case on',
  resolution: 'Resolution',
  regulatory: 'Regulator and schemes',
  record: 'Records',
};

/** `checkbox`: a yes/no field whose value is 'yes' when ticked and '' when not. */
export type ActionFieldKind = 'date' | 'text' | 'textarea' | 'select' | 'amount' | 'checkbox';

export interface ActionFieldSpec {
  /** Key in the action's input (and in the form). */
  name: string;
  label: string;
  kind: ActionFieldKind;
  required: boolean;
  description?: string;
  placeholder?: string;
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** The message when a required field is left empty. */
  missing?: string;
  /** Shown only while this checkbox field is ticked (its value is ignored otherwise). */
  onlyWhen?: string;
}

export interface CaseActionSpec {
  id: CaseActionId;
  /** Menu wording: "Escalate to the next stage". */
  label: string;
  /** Title of the action's form. */
  title: string;
  /** The one timeline event the action writes. */
  eventType: TimelineType;
  group: ActionGroup;
  /** The form, in order; the first is always the date (`on`). */
  fields: ActionFieldSpec[];
  submitLabel: string;
  /** Notification title once recorded: "Escalated". */
  done: string;
}

export const CURRENCIES = ['GBP', 'CAD', 'EUR', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const PAYMENT_KINDS = ['compensation', 'goodwill'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = { compensation: 'Compensation', goodwill: 'Goodwill payment' };

const CONTACT_DIRECTIONS = ['from-customer', 'to-customer'] as const;
const DIRECTION_LABELS: Record<(typeof CONTACT_DIRECTIONS)[number], string> = {
  'from-customer': 'The customer contacted us',
  'to-customer': 'We contacted the customer',
};

const channelOptions = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));
const date = (label = 'Date', description?: string): ActionFieldSpec => ({ name: 'on', label, kind: 'date', required: true, description });
const how = (label: string, missing: string): ActionFieldSpec => ({ name: 'channel', label, kind: 'select', required: true, options: channelOptions, missing });
const words = (name: string, label: string, required: boolean, description?: string, missing?: string): ActionFieldSpec => ({
  name,
  label,
  kind: 'textarea',
  required,
  description,
  ...(missing ? { missing } : {}),
});
const SENT = 'Choose how it was sent';

/** The fields of the customer's details (edit-customer), named as on the intake form. */
export const CUSTOMER_FIELDS = ['customerName', 'addressLines', 'postcode', 'phone', 'email', 'accountNumber'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];
/** The rest of what edit-customer changes: business size (the scheme's scope) and how to write to the customer. */
export const CUSTOMER_EXTRA_FIELDS = ['isBusiness', 'employees', 'language', 'largePrint', 'prefersPost'] as const;
export const CUSTOMER_EDIT_FIELDS = [...CUSTOMER_FIELDS, ...CUSTOMER_EXTRA_FIELDS] as const;
export type CustomerEditField = (typeof CUSTOMER_EDIT_FIELDS)[number];
const CUSTOMER_FIELD_LABELS: Record<CustomerEditField, string> = {
  customerName: 'Name',
  addressLines: 'Postal address',
  postcode: 'Postcode',
  phone: 'Phone',
  email: 'Email',
  accountNumber: 'Account number',
  isBusiness: 'Business',
  employees: 'Number of employees',
  language: 'Letter language',
  largePrint: 'Large print',
  prefersPost: 'Letters by post',
};
const YES_NO_FIELDS: ReadonlySet<string> = new Set(['isBusiness', 'largePrint', 'prefersPost']);

const SPECS: readonly CaseActionSpec[] = [
  {
    id: 'log-contact',
    label: 'Log a contact',
    title: 'Log a contact with the customer',
    eventType: 'contact',
    group: 'contact',
    fields: [
      date(),
      how('Channel', 'Choose the channel'),
      { name: 'direction', label: 'Who got in touch', kind: 'select', required: true, missing: 'Choose who got in touch', options: CONTACT_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] })) },
      words('summary', 'What was said', true, undefined, 'Say what was said'),
    ],
    submitLabel: 'Log contact',
    done: 'Contact logged',
  },
  {
    id: 'send-update',
    label: 'Send an update',
    title: 'Record an update sent to the customer',
    eventType: 'update-sent',
    group: 'contact',
    fields: [date(), how('How it was sent', SENT), words('summary', 'What the update said', true, undefined, 'Say what the update said')],
    submitLabel: 'Record update',
    done: 'Update recorded',
  },
  {
    id: 'respond',
    label: 'Send a response',
    title: 'Record the substantive response',
    eventType: 'responded',
    group: 'contact',
    fields: [
      date(),
      how('How it was sent', SENT),
      words('summary', 'The response', true, 'The substantive reply the response clocks wait for', 'Summarise the response'),
    ],
    submitLabel: 'Record response',
    done: 'Response recorded',
  },
  {
    id: 'acknowledge',
    label: 'Acknowledge',
    title: 'Acknowledge the complaint',
    eventType: 'acknowledged',
    group: 'contact',
    fields: [date(), how('How it was acknowledged', 'Choose how it was acknowledged'), words('summary', 'Notes', false)],
    submitLabel: 'Record acknowledgement',
    done: 'Acknowledgement recorded',
  },
  {
    id: 'escalate',
    label: 'Escalate to the next stage',
    title: 'Escalate to the next stage',
    eventType: 'escalated',
    group: 'progress',
    fields: [date(), words('reason', 'Reason for escalating', true, 'e.g. the customer asked for a manager', 'Give the reason for escalating')],
    submitLabel: 'Escalate',
    done: 'Escalated',
  },
  {
    id: 'pause',
    label: 'Pause (waiting for the customer)',
    title: 'Pause: waiting for the customer',
    eventType: 'paused',
    group: 'progress',
    fields: [
      date('Paused from'),
      words('reason', 'What we are waiting for', true, "The provider's own targets stop while paused; regulatory clocks keep running", 'Say what we are waiting for'),
    ],
    submitLabel: 'Pause',
    done: 'Case paused',
  },
  {
    id: 'resume',
    label: 'Resume',
    title: 'Resume the case',
    eventType: 'resumed',
    group: 'progress',
    fields: [date('Resumed on'), words('summary', 'What happened', false, 'e.g. the customer sent the photos')],
    submitLabel: 'Resume',
    done: 'Case resumed',
  },
  {
    id: 'propose-resolution',
    label: 'Propose a resolution',
    title: 'Propose a resolution',
    eventType: 'resolution-proposed',
    group: 'resolution',
    fields: [date(), how('How it was proposed', 'Choose how it was proposed'), words('summary', 'The proposed resolution', true, undefined, 'Describe the proposed resolution')],
    submitLabel: 'Record proposal',
    done: 'Resolution proposed',
  },
  {
    id: 'record-acceptance',
    label: "Record the customer's acceptance",
    title: 'The customer accepted the proposed resolution',
    eventType: 'resolution-accepted',
    group: 'resolution',
    fields: [
      date('Date accepted'),
      how('How they accepted', 'Choose how they accepted'),
      { name: 'who', label: 'Accepted by', kind: 'text', required: true, description: 'The customer, or the person acting for them', missing: 'Enter who accepted' },
      words('summary', 'Notes', false),
    ],
    submitLabel: 'Record acceptance',
    done: 'Acceptance recorded',
  },
  {
    id: 'record-rejection',
    label: "Record the customer's rejection",
    title: 'The customer rejected the proposed resolution',
    eventType: 'resolution-rejected',
    group: 'resolution',
    fields: [
      date('Date rejected'),
      how('How they told us', 'Choose how they told us'),
      { name: 'who', label: 'Rejected by', kind: 'text', required: true, missing: 'Enter who rejected it' },
      words('summary', 'Why they rejected it', false),
    ],
    submitLabel: 'Record rejection',
    done: 'Rejection recorded',
  },
  {
    id: 'resolve',
    label: 'Resolve',
    title: 'Resolve the complaint',
    eventType: 'resolved',
    group: 'resolution',
    fields: [date('Resolved on'), words('summary', 'How it was resolved', true, undefined, 'Say how it was resolved')],
    submitLabel: 'Resolve',
    done: 'Complaint resolved',
  },
  {
    id: 'record-deadlock',
    label: 'Record the final position (deadlock)',
    title: 'Final position (deadlock)',
    eventType: 'deadlock',
    group: 'resolution',
    fields: [date(), words('summary', 'The final position', true, 'What the provider will and will not do; the ADR letter is then due at once', 'Write the final position')],
    submitLabel: 'Record final position',
    done: 'Final position recorded',
  },
  {
    id: 'close',
    label: 'Close the case',
    title: 'Close the case',
    eventType: 'closed',
    group: 'resolution',
    fields: [date('Closed on'), words('summary', 'Closing note', false, 'A closed case cannot be reopened')],
    submitLabel: 'Close case',
    done: 'Case closed',
  },
  {
    id: 'adr-letter-sent',
    label: 'ADR letter sent',
    title: 'Record the ADR letter sent',
    eventType: 'adr-letter-sent',
    group: 'regulatory',
    fields: [date('Sent on'), how('How it was sent', SENT), words('summary', 'Notes', false)],
    submitLabel: 'Record ADR letter',
    done: 'ADR letter recorded',
  },
  {
    id: 'referred-to-adr',
    label: 'Referred to ADR',
    title: 'The customer went to the ADR scheme',
    eventType: 'referred-to-adr',
    group: 'regulatory',
    fields: [
      date('Referred on'),
      { name: 'reference', label: "Scheme's reference", kind: 'text', required: false },
      words('summary', 'Notes', false),
    ],
    submitLabel: 'Record referral',
    done: 'Referral to ADR recorded',
  },
  {
    id: 'ccts-referral',
    label: 'CCTS referral received',
    title: 'The CCTS referred the complaint',
    eventType: 'ccts-referral',
    group: 'regulatory',
    fields: [
      date('Received on', 'The report-back time counts from this day'),
      { name: 'reference', label: 'CCTS reference', kind: 'text', required: false },
      words('summary', 'Notes', false),
    ],
    submitLabel: 'Record referral',
    done: 'CCTS referral recorded',
  },
  {
    id: 'ccts-informed',
    label: 'Tell the customer about the CCTS',
    title: 'The customer was told about the CCTS',
    eventType: 'ccts-informed',
    group: 'regulatory',
    fields: [date('Told on'), how('How they were told', 'Choose how they were told'), words('summary', 'Notes', false)],
    submitLabel: 'Record',
    done: 'CCTS notice recorded',
  },
  {
    id: 'add-note',
    label: 'Add a note',
    title: 'Add a note',
    eventType: 'note',
    group: 'record',
    fields: [date(), words('summary', 'Note', true, undefined, 'Write the note')],
    submitLabel: 'Add note',
    done: 'Note added',
  },
  {
    id: 'record-payment',
    label: 'Record compensation or goodwill',
    title: 'Compensation or goodwill payment',
    eventType: 'compensation',
    group: 'record',
    fields: [
      date(),
      { name: 'kind', label: 'Kind', kind: 'select', required: true, missing: 'Choose compensation or goodwill', options: PAYMENT_KINDS.map((k) => ({ value: k, label: PAYMENT_KIND_LABELS[k] })) },
      { name: 'amount', label: 'Amount', kind: 'amount', required: true, placeholder: '25.00', missing: 'Enter the amount' },
      { name: 'currency', label: 'Currency', kind: 'select', required: true, missing: 'Choose the currency', options: CURRENCIES.map((c) => ({ value: c, label: c })) },
      words('reason', 'Reason', true, undefined, 'Give the reason for the payment'),
    ],
    submitLabel: 'Record payment',
    done: 'Payment recorded',
  },
  {
    id: 'edit-customer',
    label: "Edit the customer's details",
    title: "Edit the customer's details",
    eventType: 'customer-edited',
    group: 'record',
    fields: [
      date('Changed on'),
      { name: 'customerName', label: 'Name', kind: 'text', required: true, missing: "Enter the customer's name" },
      { name: 'addressLines', label: 'Postal address', kind: 'textarea', required: false, description: 'One line per row' },
      { name: 'postcode', label: 'Postcode', kind: 'text', required: false },
      { name: 'phone', label: 'Phone', kind: 'text', required: false },
      { name: 'email', label: 'Email', kind: 'text', required: false },
      { name: 'accountNumber', label: 'Account number', kind: 'text', required: false },
      { name: 'isBusiness', label: 'Customer is a business', kind: 'checkbox', required: false },
      { name: 'employees', label: 'Number of employees', kind: 'text', required: false, description: 'Leave blank if not known yet', onlyWhen: 'isBusiness' },
      {
        name: 'language',
        label: 'Letter language',
        kind: 'select',
        required: false,
        placeholder: "The desk's usual language",
        options: LETTER_LANGUAGES.map((l) => ({ value: l, label: LETTER_LANGUAGE_LABELS[l] })),
        missing: 'Choose English (UK), English (Canada) or French (Canada)',
      },
      { name: 'largePrint', label: 'Large print letters', kind: 'checkbox', required: false },
      { name: 'prefersPost', label: 'Prefers letters by post', kind: 'checkbox', required: false },
      words('summary', 'Why the details changed', false),
    ],
    submitLabel: 'Save details',
    done: "Customer's details saved",
  },
  {
    // Special-category data (issue #7): only with a reason; the timeline says that details changed, never what they are.
    id: 'record-vulnerability',
    label: 'Record vulnerability or health details',
    title: 'Vulnerability and health details',
    eventType: 'vulnerability',
    group: 'record',
    fields: [
      date('Recorded on'),
      words('details', 'Details', false, 'Only what the desk needs to treat them fairly. Leave empty to remove what is recorded.'),
      {
        name: 'reason',
        label: 'Why we need to record it',
        kind: 'select',
        required: false,
        description: 'Health and vulnerability details are special-category data: recorded only with a reason',
        options: VULNERABILITY_REASONS.map((r) => ({ value: r, label: VULNERABILITY_REASON_LABELS[r] })),
      },
      { name: 'note', label: 'About the reason (optional)', kind: 'text', required: false, description: 'e.g. needs calls after 2pm' },
    ],
    submitLabel: 'Save',
    done: 'Vulnerability details saved',
  },
];

const SPEC_BY_ID = new Map<CaseActionId, CaseActionSpec>(SPECS.map((s) => [s.id, s]));

/** Every action, in menu order. */
export function listActions(): readonly CaseActionSpec[] {
  return SPECS;
}

export function getAction(id: CaseActionId): CaseActionSpec {
  const spec = SPEC_BY_ID.get(id);
  if (!spec) throw new Error(`Unknown case action "${String(id)}"; known actions: ${CASE_ACTIONS.join(', ')}.`);
  return spec;
}

export function isCaseActionId(value: unknown): value is CaseActionId {
  return typeof value === 'string' && SPEC_BY_ID.has(value as CaseActionId);
}

// ---------------------------------------------------------------------------------------------------------------
// Where the case stands (read from the timeline and the evaluation)

interface CaseState {
  closedOn: string | null;
  resolvedOn: string | null;
  pausedSince: string | null;
  acknowledgedOn: string | null;
  deadlockOn: string | null;
  adrLetterOn: string | null;
  referredToAdrOn: string | null;
  cctsReferralOn: string | null;
  /** The latest proposal, and the customer's answer to it if any. */
  proposal: { on: string; answer: TimelineEvent | null } | null;
  stage: ProcedureStage | null;
}

function readState(record: CaseRecord, events: readonly TimelineEvent[], evaluation: Evaluation | null, procedure: Procedure | null): CaseState {
  const s: CaseState = {
    closedOn: null,
    resolvedOn: null,
    pausedSince: null,
    acknowledgedOn: null,
    deadlockOn: null,
    adrLetterOn: null,
    referredToAdrOn: null,
    cctsReferralOn: null,
    proposal: null,
    stage: null,
  };
  for (const e of inTimelineOrder(events)) {
    switch (e.type) {
      case 'closed':
        s.closedOn ??= e.on;
        break;
      case 'resolved':
        s.resolvedOn ??= e.on;
        break;
      case 'paused':
        s.pausedSince = e.on;
        break;
      case 'resumed':
        s.pausedSince = null;
        break;
      case 'acknowledged':
        s.acknowledgedOn ??= e.on;
        break;
      case 'deadlock':
        s.deadlockOn ??= e.on;
        break;
      case 'adr-letter-sent':
        s.adrLetterOn ??= e.on;
        break;
      case 'referred-to-adr':
        s.referredToAdrOn ??= e.on;
        break;
      case 'ccts-referral':
        s.cctsReferralOn ??= e.on;
        break;
      case 'resolution-proposed':
        s.proposal = { on: e.on, answer: null };
        break;
      case 'resolution-accepted':
      case 'resolution-rejected':
        if (s.proposal && !s.proposal.answer) s.proposal.answer = e;
        break;
      default:
        break;
    }
  }
  if (record.status === 'closed' && !s.closedOn) s.closedOn = record.updatedAt.slice(0, 10);
  if (evaluation) s.pausedSince = evaluation.pausedSince ?? (evaluation.status === 'open' ? null : s.pausedSince);
  if (procedure) {
    const id = evaluation?.stage ?? record.stage;
    s.stage = procedure.stages.find((st) => st.id === id) ?? (evaluation ? null : procedure.stages[0]);
  }
  return s;
}

/** The stage an escalation from `stageId` moves to: the next internal stage that escalation can enter, or null. */
export function nextStage(procedure: Procedure, stageId: string): ProcedureStage | null {
  const from = procedure.stages.findIndex((s) => s.id === stageId);
  if (from < 0) return null;
  return procedure.stages.find((s, i) => i > from && !s.external && (s.enteredBy === undefined || s.enteredBy.includes('escalated'))) ?? null;
}

function isCanadian(procedure: Procedure): boolean {
  return procedure.provider.country === 'CA' || procedure.stages.some((s) => s.enteredBy?.includes('ccts-referral'));
}

function adrStage(procedure: Procedure): ProcedureStage | undefined {
  return procedure.stages.find((s) => s.enteredBy?.includes('referred-to-adr'));
}

// ---------------------------------------------------------------------------------------------------------------
// Availability

export interface ActionAvailability {
  id: CaseActionId;
  label: string;
  group: ActionGroup;
  allowed: boolean;
  /** Why the action is not possible now (only when `allowed` is false). */
  reason?: string;
}

/** Actions that never change where the case stands: possible even when the rules cannot read the timeline. */
const RECORD_ONLY: ReadonlySet<CaseActionId> = new Set(['log-contact', 'send-update', 'add-note', 'record-payment', 'edit-customer', 'record-vulnerability']);
/** Possible on a closed case: they add to the record without reopening it. */
const AFTER_CLOSE: ReadonlySet<CaseActionId> = new Set(['add-note', 'edit-customer', 'record-vulnerability']);
/** Provider work that means the provider is no longer waiting for the customer. */
const NOT_WHILE_PAUSED: ReadonlySet<CaseActionId> = new Set(['respond', 'escalate', 'propose-resolution', 'record-deadlock']);

/** Why `id` is not possible now, or null when it is. */
export function whyNot(
  id: CaseActionId,
  record: CaseRecord,
  events: readonly TimelineEvent[],
  evaluation: Evaluation | null,
  procedure: Procedure | null,
): string | null {
  // An anonymised case keeps only figures (shared/privacy): writing on it again could bring personal data back.
  if (record.anonymisedOn) return `This case was anonymised on ${record.anonymisedOn}: nothing more can be recorded on it.`;
  const s = readState(record, events, evaluation, procedure);
  if (s.closedOn && !AFTER_CLOSE.has(id)) return `This case is closed: reopen is not supported (closed ${s.closedOn}; you can still add a note).`;
  if ((!evaluation || !procedure) && !RECORD_ONLY.has(id)) {
    return 'The rules engine cannot read this case (see the clocks), so only contacts, updates, notes, payments and details can be recorded.';
  }
  if (!evaluation || !procedure) return null;
  if (s.pausedSince && NOT_WHILE_PAUSED.has(id)) return `The case is paused, waiting for the customer since ${s.pausedSince}: resume it first.`;
  const resolved = s.resolvedOn ? `The case was resolved on ${s.resolvedOn}` : null;
  switch (id) {
    case 'log-contact':
    case 'send-update':
    case 'respond':
    case 'add-note':
    case 'record-payment':
    case 'edit-customer':
    case 'record-vulnerability':
      return null;
    case 'acknowledge':
      return s.acknowledgedOn ? `The complaint was acknowledged on ${s.acknowledgedOn}.` : null;
    case 'escalate': {
      if (resolved) return `${resolved}: escalation is for unresolved complaints.`;
      const stage = s.stage;
      if (!stage) return `The case's stage "${evaluation.stage}" is not in ${procedure.id}.`;
      if (stage.external) return `The case is with ${stage.owner}, outside ${procedure.provider.name}'s own procedure: there is no internal stage to escalate to.`;
      const next = nextStage(procedure, stage.id);
      return next ? null : `${procedure.id} has no stage after ${stage.name}.`;
    }
    case 'pause':
      if (s.pausedSince) return `The case is already paused (since ${s.pausedSince}).`;
      return resolved ? `${resolved}: there is nothing to wait for.` : null;
    case 'resume':
      return s.pausedSince ? null : 'Resume is only possible while the case is paused.';
    case 'propose-resolution':
      return resolved ? `${resolved}.` : null;
    case 'record-acceptance':
    case 'record-rejection':
      if (!s.proposal) return 'No resolution has been proposed yet.';
      if (s.proposal.answer) {
        const word = s.proposal.answer.type === 'resolution-accepted' ? 'accepted' : 'rejected';
        return `The customer already ${word} the proposal of ${s.proposal.on} (on ${s.proposal.answer.on}); propose a new resolution first.`;
      }
      return null;
    case 'resolve':
      return resolved ? `${resolved}.` : null;
    case 'record-deadlock':
      if (s.deadlockOn) return `The final position was recorded on ${s.deadlockOn}.`;
      return resolved ? `${resolved}: there is no deadlock.` : null;
    case 'close': {
      if (s.resolvedOn || s.adrLetterOn) return null;
      const hasAdrLetter = evaluation.clocks.some((c) => c.id === 'adr-letter');
      if (!hasAdrLetter && s.deadlockOn) return null;
      return hasAdrLetter
        ? 'Resolve the complaint, or send the ADR letter, before closing it: closing an unresolved case would end its clocks.'
        : 'Resolve the complaint, or record the final position, before closing it.';
    }
    case 'adr-letter-sent': {
      const clock = evaluation.clocks.find((c) => c.id === 'adr-letter');
      if (!clock) {
        return isCanadian(procedure)
          ? `The ADR letter applies only to UK procedures; ${procedure.id} uses the CCTS.`
          : `${procedure.id} has no ADR letter clock.`;
      }
      return s.adrLetterOn ? `The ADR letter has already been sent (on ${s.adrLetterOn}).` : null;
    }
    case 'referred-to-adr': {
      const stage = adrStage(procedure);
      if (!stage) {
        return isCanadian(procedure)
          ? `Referral to an ADR scheme applies to UK procedures; for ${procedure.id} record the CCTS referral.`
          : `${procedure.id} has no ADR scheme stage.`;
      }
      if (s.referredToAdrOn) return `The referral to ADR was recorded on ${s.referredToAdrOn}.`;
      const clock = evaluation.clocks.find((c) => c.id === 'adr-letter');
      if (s.adrLetterOn || s.deadlockOn || clock?.state === 'missed') return null;
      return (
        `The customer can go to ${stage.owner} once the ADR letter is sent, a final position is given` +
        `${clock?.dueOn ? `, or the ADR letter's date (${clock.dueOn}) has passed` : ''}.`
      );
    }
    case 'ccts-referral':
      if (!isCanadian(procedure)) return 'CCTS actions apply only to Canadian procedures.';
      return s.cctsReferralOn ? `The CCTS referral was recorded on ${s.cctsReferralOn}.` : null;
    case 'ccts-informed':
      return isCanadian(procedure) ? null : 'CCTS actions apply only to Canadian procedures.';
  }
}

/** Every action with whether the case's procedure allows it now and, if not, why. In menu order. */
export function availableActions(
  record: CaseRecord,
  events: readonly TimelineEvent[],
  evaluation: Evaluation | null,
  procedure: Procedure | null,
): ActionAvailability[] {
  return SPECS.map((spec) => {
    const reason = whyNot(spec.id, record, events, evaluation, procedure);
    return reason === null
      ? { id: spec.id, label: spec.label, group: spec.group, allowed: true }
      : { id: spec.id, label: spec.label, group: spec.group, allowed: false, reason };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Input and the event

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
    }
  | {
      ok: false;
      /** Message per field name; `action` when the action itself is refused, `form` for the form as a whole. */
      errors: Partial<Record<string, string>>;
      /** One line naming the field: "Date: the date cannot be in the future." */
      message: string;
    };

/** The form's starting values: today's date, the case's channel, the customer's current details. */
export function defaultInput(id: CaseActionId, ctx: Pick<ActionContext, 'record' | 'procedure' | 'today'>): Record<string, string> {
  const spec = getAction(id);
  const { record } = ctx;
  const values: Record<string, string> = {};
  for (const f of spec.fields) values[f.name] = '';
  values.on = ctx.today;
  if ('channel' in values) values.channel = id === 'adr-letter-sent' ? 'letter' : record.channel;
  if ('direction' in values) values.direction = 'from-customer';
  if ('who' in values) values.who = record.representative?.name ?? record.customer.name;
  if (id === 'record-payment') {
    values.kind = 'goodwill';
    values.currency = ctx.procedure?.provider.country === 'CA' || record.calendar === 'canada' ? 'CAD' : 'GBP';
  }
  if (id === 'edit-customer') Object.assign(values, customerDetailsToForm(record));
  if (id === 'record-vulnerability' && record.vulnerability) {
    Object.assign(values, { details: record.vulnerability.details, reason: record.vulnerability.reason, note: record.vulnerability.note ?? '' });
  }
  return values;
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
export function customerDetailsToForm(record: Pick<CaseRecord, 'customer' | 'communication'>): Record<CustomerEditField, string> {
  const c = record.customer;
  const needs = record.communication;
  return {
    ...customerToForm(c),
    isBusiness: c.isBusiness ? 'yes' : '',
    employees: c.isBusiness && typeof c.employees === 'number' ? String(c.employees) : '',
    language: needs?.language ?? '',
    largePrint: needs?.largePrint ? 'yes' : '',
    prefersPost: needs?.prefersPost ? 'yes' : '',
  };
}

/** A ticked box arrives as 'yes' from the form; true, 'true' and 'on' from other callers are read the same way. */
const isTicked = (v: unknown) => v === true || (typeof v === 'string' && ['yes', 'true', 'on'].includes(v.trim().toLowerCase()));

const clean = (max: number, label: string) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? '').trim())
    .pipe(z.string().max(max, `${label} must be at most ${max} characters`));
const required = (max: number, message: string, label: string) => clean(max, label).pipe(z.string().min(1, message));
const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.enum(values, { error: message }));

function lastEntry(events: readonly TimelineEvent[]): TimelineEvent | undefined {
  let last: TimelineEvent | undefined;
  for (const e of events) if (!last || e.on > last.on || (e.on === last.on && e.at >= last.at)) last = e;
  return last;
}

function short(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function dateSchema(ctx: ActionContext, label: string) {
  const last = lastEntry(ctx.events);
  return z
    .string()
    .optional()
    .transform((s) => (s ?? '').trim())
    .pipe(
      z
        .string()
        .min(1, `Enter the ${label.toLowerCase()}`)
        .refine(isIsoDate, 'Enter a real date as YYYY-MM-DD')
        .refine((d) => !isIsoDate(d) || d <= ctx.today, 'The date cannot be in the future')
        .refine(
          (d) => !isIsoDate(d) || d >= ctx.record.receivedOn,
          `The date cannot be before the complaint was received (${ctx.record.receivedOn})`,
        )
        .refine(
          (d) => !isIsoDate(d) || !last || d >= last.on,
          last ? `The date cannot be before the last entry on the timeline (${last.on}: ${short(last.summary)})` : '',
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
        const message = f.missing ?? `Choose ${label.toLowerCase()}`;
        // An optional choice may be left empty ('').
        shape[f.name] = f.required ? choice(values, message) : z.preprocess((v) => (typeof v === 'string' ? v.trim() : (v ?? '')), z.enum(['', ...values] as [string, ...string[]], { error: message }));
        break;
      }
      case 'checkbox':
        shape[f.name] = z.preprocess((v) => (isTicked(v) ? 'yes' : ''), z.string());
        break;
      case 'amount':
        shape[f.name] = required(20, f.missing ?? 'Enter the amount', label)
          .refine((s) => s === '' || /^\d{1,7}(\.\d{1,2})?$/.test(s.replace(/,/g, '')), 'Enter an amount like 25 or 25.50')
          .refine((s) => !/^\d{1,7}(\.\d{1,2})?$/.test(s.replace(/,/g, '')) || Number(s.replace(/,/g, '')) > 0, 'The amount must be more than 0');
        break;
      default: {
        const max = f.kind === 'textarea' ? 5000 : 200;
        let schema: z.ZodType<string, string | undefined> = f.required ? required(max, f.missing ?? `Enter ${label.toLowerCase()}`, label) : clean(max, label);
        if (f.name === 'phone') schema = schema.refine((s) => s === '' || PHONE.test(s), 'Enter a phone number using digits, spaces, + ( ) or -');
        if (f.name === 'email') schema = schema.refine((s) => s === '' || z.email().safeParse(s).success, 'Enter an email address like name@example.com');
        if (f.name === 'postcode') schema = schema.pipe(z.string().max(12, 'Postcode must be at most 12 characters'));
        shape[f.name] = schema;
      }
    }
  }
  return z.object(shape);
}

function refuse(errors: Partial<Record<string, string>>, spec: CaseActionSpec): BuildResult {
  const [field, message = 'The entry is not valid'] = Object.entries(errors)[0] ?? ['form'];
  const label = field === 'action' || field === 'form' ? spec.label : (spec.fields.find((f) => f.name === field)?.label ?? field);
  const text = field === 'action' ? message : `${label}: ${message}`;
  return { ok: false, errors, message: /[.!?]$/.test(text) ? text : `${text}.` };
}

const channelWords = (c: Channel) => (c === 'in-person' ? 'in person' : c === 'web' ? 'web form' : c);

function currencyText(amount: number, currency: Currency): string {
  return new Intl.NumberFormat(currency === 'CAD' ? 'en-CA' : 'en-GB', { style: 'currency', currency }).format(amount);
}

/** "the Communications Ombudsman", but "CISAS": an acronym takes no article. */
function schemeInSentence(name: string): string {
  const first = name.split(/[\s(]/)[0];
  return first.length > 1 && first === first.toUpperCase() ? name : `the ${name}`;
}

function withDetails(headline: string, details: string | undefined): string {
  return details ? `${headline}: ${details}` : headline;
}

function addressFrom(lines: string, postcode: string): PostalAddress | undefined {
  if (lines === '') return undefined;
  return { lines: lines.split(/\r?\n/).map((l) => l.trim()).filter(Boolean), postcode: postcode.toUpperCase() };
}

function customerFromForm(v: Record<CustomerEditField, string>): Customer {
  const c: Customer = { name: v.customerName };
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
function editedDetails(v: Record<string, string>, input: ActionInput, record: CaseRecord): Record<CustomerEditField, string> {
  const before = customerDetailsToForm(record);
  const after = { ...before };
  for (const f of CUSTOMER_FIELDS) after[f] = v[f] ?? '';
  for (const f of CUSTOMER_EXTRA_FIELDS) if (input?.[f] !== undefined) after[f] = v[f] ?? '';
  if (after.postcode) after.postcode = after.postcode.toUpperCase();
  const employees = parseEmployees(after.employees);
  after.employees = after.isBusiness === 'yes' && employees.ok && employees.value !== undefined ? String(employees.value) : '';
  return after;
}

function customerErrors(v: Record<CustomerField, string>, record: CaseRecord): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  const hasAddress = v.addressLines !== '';
  if (hasAddress && v.postcode === '') errors.postcode = 'Enter the postcode for this address';
  if (!hasAddress && v.postcode !== '') errors.addressLines = 'Enter the address for this postcode';
  if (record.channel === 'letter' && !hasAddress && !record.representative?.address) {
    errors.addressLines ??= 'A complaint by letter needs a postal address to reply to';
  }
  if (!hasAddress && v.phone === '' && v.email === '' && !record.representative?.address) {
    errors.addressLines ??= 'Keep at least one way to reach the customer: address, phone or email';
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
    return { ok: false, errors: { action: `Unknown action "${String(action)}"` }, message: `Unknown action "${String(action)}".` };
  }
  const spec = getAction(action);
  const reason = whyNot(action, ctx.record, ctx.events, ctx.evaluation, ctx.procedure);
  if (reason) return refuse({ action: reason }, spec);
  const by = (ctx.by ?? '').trim();
  if (by === '') return refuse({ form: 'Choose who is working before recording anything on the case' }, spec);

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
    const checked = validateVulnerability({ details, reason: removing ? '' : (input?.reason ?? ''), note: removing ? '' : (input?.note ?? '') }, { on, by });
    if (!checked.ok) for (const [field, message] of Object.entries(checked.errors)) errors[field] ??= message;
    else if (checked.value === null && !ctx.record.vulnerability) errors.details ??= 'Describe the vulnerability or health details (nothing is recorded yet)';
    else if (checked.value && ctx.record.vulnerability && sameVulnerability(checked.value, ctx.record.vulnerability)) errors.form ??= 'Nothing has changed: edit a field first';
    else vulnerability = checked.value;
  }
  if (action === 'edit-customer') {
    const raw = Object.fromEntries(CUSTOMER_FIELDS.map((f) => [f, String(input?.[f] ?? '').trim()])) as Record<CustomerField, string>;
    for (const [field, message] of Object.entries(customerErrors(raw, ctx.record))) errors[field] ??= message;
    const business = input?.isBusiness === undefined ? ctx.record.customer.isBusiness === true : isTicked(input.isBusiness);
    const employees = parseEmployees(String(input?.employees ?? (business ? customerDetailsToForm(ctx.record).employees : '')));
    if (business && !employees.ok) errors.employees ??= employees.error;
  }
  if (!parsed.success || Object.keys(errors).length > 0) return refuse(errors, spec);
  const v = parsed.data as Record<string, string>;
  const on = v.on;
  if (action === 'record-vulnerability') {
    // The event says only that the details changed, never what they are: the timeline is shown to everyone on the case.
    const change = vulnerability === null ? 'removed' : ctx.record.vulnerability ? 'updated' : 'recorded';
    const event: NewTimelineEvent = { type: spec.eventType, on, by, summary: `Vulnerability details ${change}`, data: { change } };
    return { ok: true, event, vulnerability: vulnerability === null ? null : { ...vulnerability!, recordedOn: on } };
  }
  const details = v.summary || undefined;
  const channel = v.channel as Channel | undefined;
  const data: Record<string, unknown> = {};
  if (channel) data.channel = channel;
  if (details) data.details = details;
  if (ctx.evaluation) data.atStage = ctx.evaluation.stage;
  let summary: string;
  let customer: Customer | undefined;
  let communication: CommunicationNeeds | null | undefined;

  switch (action) {
    case 'log-contact': {
      data.direction = v.direction;
      const headline = v.direction === 'to-customer' ? `Contacted the customer by ${channelWords(channel!)}` : `The customer got in touch by ${channelWords(channel!)}`;
      summary = withDetails(headline, details);
      break;
    }
    case 'send-update':
      summary = withDetails(`Update sent by ${channelWords(channel!)}`, details);
      break;
    case 'respond':
      summary = withDetails(`Response sent by ${channelWords(channel!)}`, details);
      break;
    case 'acknowledge':
      summary = withDetails(`Complaint acknowledged by ${channelWords(channel!)}`, details);
      break;
    case 'escalate': {
      const from = ctx.procedure!.stages.find((s) => s.id === ctx.evaluation!.stage)!;
      const to = nextStage(ctx.procedure!, from.id)!;
      delete data.atStage;
      Object.assign(data, { stage: to.id, fromStage: from.id, reason: v.reason });
      summary = `Escalated from ${from.name} to ${to.name}: ${v.reason}`;
      break;
    }
    case 'pause':
      data.reason = v.reason;
      summary = `Paused, waiting for the customer: ${v.reason}`;
      break;
    case 'resume':
      summary = withDetails('Resumed', details);
      break;
    case 'propose-resolution':
      summary = `Resolution proposed by ${channelWords(channel!)}: ${details}`;
      break;
    case 'record-acceptance':
    case 'record-rejection': {
      data.who = v.who;
      const word = action === 'record-acceptance' ? 'accepted' : 'rejected';
      summary = withDetails(`${v.who} ${word} the proposed resolution (by ${channelWords(channel!)})`, details);
      break;
    }
    case 'resolve':
      summary = `Resolved: ${details}`;
      break;
    case 'record-deadlock':
      summary = `Final position given (deadlock): ${details}`;
      break;
    case 'close':
      summary = withDetails('Case closed', details);
      break;
    case 'adr-letter-sent': {
      const scheme = ctx.evaluation?.adrScheme?.name;
      summary = withDetails(`ADR letter sent by ${channelWords(channel!)}${scheme ? ` (${scheme})` : ''}`, details);
      if (scheme) data.scheme = scheme;
      break;
    }
    case 'referred-to-adr': {
      const scheme = ctx.evaluation?.adrScheme?.name ?? adrStage(ctx.procedure!)?.owner ?? 'the ADR scheme';
      data.scheme = scheme;
      if (v.reference) data.reference = v.reference;
      summary = withDetails(`The customer referred the complaint to ${schemeInSentence(scheme)}${v.reference ? ` (reference ${v.reference})` : ''}`, details);
      break;
    }
    case 'ccts-referral':
      if (v.reference) data.reference = v.reference;
      summary = withDetails(`CCTS referral received${v.reference ? ` (CCTS reference ${v.reference})` : ''}`, details);
      break;
    case 'ccts-informed':
      summary = withDetails(`Customer told about the CCTS by ${channelWords(channel!)}`, details);
      break;
    case 'add-note':
      summary = details!;
      break;
    case 'record-payment': {
      const amount = Number(v.amount.replace(/,/g, ''));
      const kind = v.kind as PaymentKind;
      Object.assign(data, { kind, amount, currency: v.currency, reason: v.reason });
      summary = `${PAYMENT_KIND_LABELS[kind]} of ${currencyText(amount, v.currency as Currency)}: ${v.reason}`;
      break;
    }
    case 'edit-customer': {
      const before = customerDetailsToForm(ctx.record);
      const after = editedDetails(v, input, ctx.record);
      const normalise = (f: CustomerEditField, s: string) => (f === 'addressLines' ? s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join('\n') : s);
      const changed = CUSTOMER_EDIT_FIELDS.filter((f) => normalise(f, before[f]) !== normalise(f, after[f]));
      if (changed.length === 0) return refuse({ form: 'Nothing has changed: edit a field first' }, spec);
      customer = customerFromForm(after);
      if (changed.some((f) => f === 'language' || f === 'largePrint' || f === 'prefersPost')) communication = needsFromForm(after);
      const keep = <T extends Record<string, string>>(o: T) => Object.fromEntries(changed.map((f) => [f, o[f]]));
      const stored = customerDetailsToForm({ customer, communication: communication === undefined ? ctx.record.communication : (communication ?? undefined) });
      Object.assign(data, { changed, before: keep(before), after: keep(stored) });
      summary = withDetails(`Customer's details changed: ${changed.map((f) => CUSTOMER_FIELD_LABELS[f].toLowerCase()).join(', ')}`, details);
      break;
    }
  }
  const event: NewTimelineEvent = { type: spec.eventType, on, by, summary, ...(Object.keys(data).length ? { data } : {}) };
  if (!customer) return { ok: true, event };
  return communication === undefined ? { ok: true, event, customer } : { ok: true, event, customer, communication };
}

function sameVulnerability(a: VulnerabilityRecord, b: VulnerabilityRecord): boolean {
  return a.details === b.details && a.reason === b.reason && (a.note ?? '') === (b.note ?? '');
}

/** "Name", "Postal address"…: labels of the customer's fields, for showing an edit's before and after. */
export function customerFieldLabel(field: string): string {
  return CUSTOMER_FIELD_LABELS[field as CustomerEditField] ?? field;
}

/** A value kept on a customer-edited entry, in words: "Yes", "French (Canada)"; '' when there is nothing to show. */
export function customerFieldValue(field: string, value: string | undefined): string {
  if (YES_NO_FIELDS.has(field)) return value === 'yes' ? 'Yes' : 'No';
  if (field === 'language') return value ? (LETTER_LANGUAGE_LABELS[value as keyof typeof LETTER_LANGUAGE_LABELS] ?? value) : "The desk's usual language";
  return value ?? '';
}

/** The action that does what the rules engine's next action asks (`Evaluation.nextActions[].id`), if there is one. */
export function actionForNextStep(nextActionId: string): CaseActionId | null {
  switch (nextActionId) {
    case 'acknowledge':
    case 'dpa-acknowledgement':
      return 'acknowledge';
    case 'first-response':
    case 'stage-response':
    case 'report-to-ccts':
      return 'respond';
    case 'send-adr-letter':
      return 'adr-letter-sent';
    case 'tell-customer-about-ccts':
      return 'ccts-informed';
    case 'escalate':
      return 'escalate';
    case 'resume':
      return 'resume';
    case 'close':
      return 'close';
    default:
      return null;
  }
}
