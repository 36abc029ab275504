// The catalogue of case actions: everything a handler can do to a case (each writes ONE timeline event), with the
// labels, groups and form fields the screens show. Pure data and lookups; which actions are possible now is
// ./availability.ts, turning a form into the event is ./entry.ts.
import { ADDRESS_HINT } from '#shared/model/stored';
import {
  AUTHORITY_KINDS,
  AUTHORITY_LABELS,
  CATEGORIES,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  CHANNELS,
  CUSTOMER_TITLE_LABELS,
  CUSTOMER_TITLES,
  type CustomerTitle,
  LETTER_LANGUAGE_LABELS,
  LETTER_LANGUAGES,
  VULNERABILITY_REASON_LABELS,
  VULNERABILITY_REASONS,
  type TimelineType,
} from '#shared/model/case';

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
  'ccts-report',
  'add-note',
  'record-payment',
  'edit-customer',
  'record-vulnerability',
  'correct-facts',
  'void-entry',
  'reopen',
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
  /**
   * The choices are the desk's own data, not fixed: `fieldOptions` (entry.ts) lists them, the providers from the
   * context, the procedures as the desk holds them when asked (its own copies are installed after this list is read).
   */
  optionsFrom?: 'providers' | 'procedures';
  /**
   * The description where the case's regime sends no ADR letter at once on a final position (the CCTS), when
   * `description` speaks of that letter (`fieldDescriptionPart`, entry.ts).
   */
  descriptionNoAdrLetter?: string;
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
export const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = {
  compensation: 'Compensation',
  goodwill: 'Goodwill payment',
};

const CONTACT_DIRECTIONS = ['from-customer', 'to-customer'] as const;
const DIRECTION_LABELS: Record<(typeof CONTACT_DIRECTIONS)[number], string> = {
  'from-customer': 'The customer contacted us',
  'to-customer': 'We contacted the customer',
};

const channelOptions = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));
const date = (label = 'Date', description?: string): ActionFieldSpec => ({
  name: 'on',
  label,
  kind: 'date',
  required: true,
  description,
});
const how = (label: string, missing: string): ActionFieldSpec => ({
  name: 'channel',
  label,
  kind: 'select',
  required: true,
  options: channelOptions,
  missing,
});
const words = (
  name: string,
  label: string,
  required: boolean,
  description?: string,
  missing?: string,
): ActionFieldSpec => ({
  name,
  label,
  kind: 'textarea',
  required,
  description,
  ...(missing ? { missing } : {}),
});
const SENT = 'Choose how it was sent';

/** How a report reaches the CCTS: through its portal, or by email, letter or phone. */
export const CCTS_REPORT_ROUTES = ['ccts-portal', 'email', 'letter', 'phone'] as const;
export type CctsReportRoute = (typeof CCTS_REPORT_ROUTES)[number];
export const CCTS_REPORT_ROUTE_LABELS: Record<CctsReportRoute, string> = {
  'ccts-portal': 'The CCTS portal',
  email: 'Email',
  letter: 'Letter',
  phone: 'Phone',
};

/** The fields of the customer's details (edit-customer), named as on the intake form. */
export const CUSTOMER_FIELDS = ['customerName', 'addressLines', 'postcode', 'phone', 'email', 'accountNumber'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];
/** The rest of what edit-customer changes: business size (the scheme's scope) and how to write to the customer. */
export const CUSTOMER_EXTRA_FIELDS = [
  'title',
  'isBusiness',
  'employees',
  'language',
  'largePrint',
  'prefersPost',
] as const;
export const CUSTOMER_EDIT_FIELDS = [...CUSTOMER_FIELDS, ...CUSTOMER_EXTRA_FIELDS] as const;
export type CustomerEditField = (typeof CUSTOMER_EDIT_FIELDS)[number];
export const CUSTOMER_FIELD_LABELS: Record<CustomerEditField, string> = {
  customerName: 'Name',
  title: 'Title',
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
export const YES_NO_FIELDS: ReadonlySet<string> = new Set(['isBusiness', 'largePrint', 'prefersPost']);

export const SPECS: readonly CaseActionSpec[] = [
  {
    id: 'log-contact',
    label: 'Log a contact',
    title: 'Log a contact with the customer',
    eventType: 'contact',
    group: 'contact',
    fields: [
      date(),
      how('Channel', 'Choose the channel'),
      {
        name: 'direction',
        label: 'Who got in touch',
        kind: 'select',
        required: true,
        missing: 'Choose who got in touch',
        options: CONTACT_DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] })),
      },
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
    fields: [
      date(),
      how('How it was sent', SENT),
      words('summary', 'What the update said', true, undefined, 'Say what the update said'),
    ],
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
      words(
        'summary',
        'The response',
        true,
        'The substantive reply the response clocks wait for',
        'Summarise the response',
      ),
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
    fields: [
      date(),
      how('How it was acknowledged', 'Choose how it was acknowledged'),
      words('summary', 'Notes', false),
    ],
    submitLabel: 'Record acknowledgement',
    done: 'Acknowledgement recorded',
  },
  {
    id: 'escalate',
    label: 'Escalate to the next stage',
    title: 'Escalate to the next stage',
    eventType: 'escalated',
    group: 'progress',
    fields: [
      date(),
      words(
        'reason',
        'Reason for escalating',
        true,
        'e.g. the customer asked for a manager',
        'Give the reason for escalating',
      ),
    ],
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
      words(
        'reason',
        'What we are waiting for',
        true,
        'The provider’s own targets stop while paused; regulatory clocks keep running',
        'Say what we are waiting for',
      ),
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
    fields: [
      date(),
      how('How it was proposed', 'Choose how it was proposed'),
      words('summary', 'The proposed resolution', true, undefined, 'Describe the proposed resolution'),
    ],
    submitLabel: 'Record proposal',
    done: 'Resolution proposed',
  },
  {
    id: 'record-acceptance',
    label: 'Record the customer’s acceptance',
    title: 'The customer accepted the proposed resolution',
    eventType: 'resolution-accepted',
    group: 'resolution',
    fields: [
      date('Date accepted'),
      how('How they accepted', 'Choose how they accepted'),
      {
        name: 'who',
        label: 'Accepted by',
        kind: 'text',
        required: true,
        description: 'The customer, or the person acting for them',
        missing: 'Enter who accepted',
      },
      words('summary', 'Notes', false),
    ],
    submitLabel: 'Record acceptance',
    done: 'Acceptance recorded',
  },
  {
    id: 'record-rejection',
    label: 'Record the customer’s rejection',
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
    fields: [
      date(),
      {
        ...words(
          'summary',
          'The final position',
          true,
          'What the provider will and will not do; the ADR letter is then due at once',
          'Write the final position',
        ),
        descriptionNoAdrLetter: 'What the provider will and will not do',
      },
    ],
    submitLabel: 'Record final position',
    done: 'Final position recorded',
  },
  {
    id: 'close',
    label: 'Close the case',
    title: 'Close the case',
    eventType: 'closed',
    group: 'resolution',
    fields: [date('Closed on'), words('summary', 'Closing note', false, 'It can be reopened with a reason')],
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
      { name: 'reference', label: 'Scheme’s reference', kind: 'text', required: false },
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
    id: 'ccts-report',
    label: 'Report sent to the CCTS',
    title: 'Record the report sent to the CCTS',
    eventType: 'ccts-report',
    group: 'regulatory',
    fields: [
      date('Report sent on', 'The report back the CCTS asked for when it referred the complaint'),
      {
        name: 'sentBy',
        label: 'How it was sent',
        kind: 'select',
        required: true,
        options: CCTS_REPORT_ROUTES.map((r) => ({ value: r, label: CCTS_REPORT_ROUTE_LABELS[r] })),
        missing: SENT,
      },
      words('summary', 'Summary of the report', false),
    ],
    submitLabel: 'Record report',
    done: 'Report to the CCTS recorded',
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
      {
        name: 'kind',
        label: 'Kind',
        kind: 'select',
        required: true,
        missing: 'Choose compensation or goodwill',
        options: PAYMENT_KINDS.map((k) => ({ value: k, label: PAYMENT_KIND_LABELS[k] })),
      },
      {
        name: 'amount',
        label: 'Amount',
        kind: 'amount',
        required: true,
        placeholder: '25.00',
        missing: 'Enter the amount',
      },
      {
        name: 'currency',
        label: 'Currency',
        kind: 'select',
        required: true,
        missing: 'Choose the currency',
        options: CURRENCIES.map((c) => ({ value: c, label: c })),
      },
      words('reason', 'Reason', true, undefined, 'Give the reason for the payment'),
    ],
    submitLabel: 'Record payment',
    done: 'Payment recorded',
  },
  {
    id: 'edit-customer',
    label: 'Edit the customer’s details',
    title: 'Edit the customer’s details',
    eventType: 'customer-edited',
    group: 'record',
    fields: [
      date('Changed on'),
      { name: 'customerName', label: 'Name', kind: 'text', required: true, missing: 'Enter the customer’s name' },
      {
        name: 'title',
        label: 'Title',
        kind: 'select',
        required: false,
        placeholder: 'None',
        description: 'How letters greet them: "Dear Ms Okafor," (none: "Dear Amara Okafor,")',
        options: CUSTOMER_TITLES.map((t) => ({ value: t, label: CUSTOMER_TITLE_LABELS[t] })),
        missing: 'Choose Mr, Mrs, Ms, Mx, Dr or none',
      },
      {
        name: 'addressLines',
        label: 'Postal address',
        kind: 'textarea',
        required: false,
        description: `One line per row. ${ADDRESS_HINT}`,
      },
      { name: 'postcode', label: 'Postcode', kind: 'text', required: false },
      { name: 'phone', label: 'Phone', kind: 'text', required: false },
      { name: 'email', label: 'Email', kind: 'text', required: false },
      { name: 'accountNumber', label: 'Account number', kind: 'text', required: false },
      { name: 'isBusiness', label: 'Customer is a business', kind: 'checkbox', required: false },
      {
        name: 'employees',
        label: 'Number of employees',
        kind: 'text',
        required: false,
        description: 'Leave blank if not known yet',
        onlyWhen: 'isBusiness',
      },
      {
        name: 'language',
        label: 'Letter language',
        kind: 'select',
        required: false,
        placeholder: 'The desk’s usual language',
        options: LETTER_LANGUAGES.map((l) => ({ value: l, label: LETTER_LANGUAGE_LABELS[l] })),
        missing: 'Choose English (UK), English (Canada) or French (Canada)',
      },
      { name: 'largePrint', label: 'Large print letters', kind: 'checkbox', required: false },
      { name: 'prefersPost', label: 'Prefers letters by post', kind: 'checkbox', required: false },
      words('summary', 'Why the details changed', false),
    ],
    submitLabel: 'Save details',
    done: 'Customer’s details saved',
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
      words(
        'details',
        'Details',
        false,
        'Only what the desk needs to treat them fairly. Leave empty to remove what is recorded.',
      ),
      {
        name: 'reason',
        label: 'Why we need to record it',
        kind: 'select',
        required: false,
        description: 'Health and vulnerability details are special-category data: recorded only with a reason',
        options: VULNERABILITY_REASONS.map((r) => ({ value: r, label: VULNERABILITY_REASON_LABELS[r] })),
      },
      {
        name: 'note',
        label: 'About the reason (optional)',
        kind: 'text',
        required: false,
        description: 'e.g. needs calls after 2pm',
      },
    ],
    submitLabel: 'Save',
    done: 'Vulnerability details saved',
  },
  {
    // A correction (issue #15): ONE 'corrected' entry with the old and new values; dated the day it is made.
    id: 'correct-facts',
    label: 'Correct the complaint’s facts',
    title: 'Correct the complaint’s facts',
    eventType: 'corrected',
    group: 'record',
    fields: [
      {
        name: 'receivedOn',
        label: 'Date received',
        kind: 'date',
        required: true,
        description: 'The clocks count from this day',
      },
      how('Channel', 'Choose the channel'),
      {
        name: 'category',
        label: 'Category',
        kind: 'select',
        required: true,
        missing: 'Choose the category',
        options: CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
      },
      words('summary', 'Summary of the complaint', true, undefined, 'Write the summary of the complaint'),
      // The provider first: choosing another sets the procedure to its own (corrections.ts followProvider).
      {
        name: 'providerId',
        label: 'Provider',
        kind: 'select',
        required: true,
        missing: 'Choose the provider',
        description:
          'The case’s letterhead, letter language and working-day calendar are its provider’s; the procedure becomes its own too, unless you choose another',
        optionsFrom: 'providers',
      },
      {
        name: 'procedureId',
        label: 'Procedure',
        kind: 'select',
        required: true,
        missing: 'Choose the procedure',
        optionsFrom: 'procedures',
      },
      {
        name: 'repName',
        label: 'Representative',
        kind: 'text',
        required: false,
        description: 'Someone acting for the customer. Leave empty if there is none (or to remove them)',
      },
      { name: 'repRelationship', label: 'Their relationship to the customer', kind: 'text', required: false },
      {
        name: 'repAddress',
        label: 'Their postal address',
        kind: 'textarea',
        required: false,
        description: 'Letters go to them, with a copy to the customer',
      },
      { name: 'repPostcode', label: 'Their postcode', kind: 'text', required: false },
      {
        name: 'repAuthority',
        label: 'Their authority to act',
        kind: 'select',
        required: false,
        options: AUTHORITY_KINDS.map((k) => ({ value: k, label: AUTHORITY_LABELS[k] })),
      },
      { name: 'repAuthorityOn', label: 'Authority seen on', kind: 'date', required: false },
      { name: 'repAuthorityDetails', label: 'About the authority', kind: 'text', required: false },
      {
        name: 'language',
        label: 'Letter language',
        kind: 'select',
        required: false,
        placeholder: 'The desk’s usual language',
        options: LETTER_LANGUAGES.map((l) => ({ value: l, label: LETTER_LANGUAGE_LABELS[l] })),
      },
      { name: 'largePrint', label: 'Large print letters', kind: 'checkbox', required: false },
      { name: 'prefersPost', label: 'Prefers letters by post', kind: 'checkbox', required: false },
      words(
        'reason',
        'Why the correction',
        true,
        'Kept on the timeline with the old and new values',
        'Give the reason for the correction',
      ),
    ],
    submitLabel: 'Save the correction',
    done: 'Correction saved',
  },
  {
    // Offered on each timeline entry (not in the actions menu): the entry's id comes with the form's values.
    id: 'void-entry',
    label: 'Void an entry',
    title: 'Void this entry',
    eventType: 'voided',
    group: 'record',
    fields: [
      words(
        'reason',
        'Why it is void',
        true,
        'e.g. recorded on the wrong case. The entry stays on the timeline, struck through',
        'Give the reason for voiding it',
      ),
      {
        // Another person's data must not go out in this customer's subject-access copy (shared/exports/subject-access.ts).
        name: 'aboutSomeoneElse',
        label: 'It is about someone else',
        kind: 'checkbox',
        required: false,
        description: 'Recorded on the wrong case: left out of this customer’s subject-access copy',
      },
    ],
    submitLabel: 'Void the entry',
    done: 'Entry voided',
  },
  {
    id: 'reopen',
    label: 'Reopen the case',
    title: 'Reopen the case',
    eventType: 'reopened',
    group: 'progress',
    fields: [
      date('Reopened on', 'e.g. the day the customer came back'),
      words('reason', 'Why it is reopened', true, 'e.g. the fix did not work', 'Give the reason for reopening'),
    ],
    submitLabel: 'Reopen',
    done: 'Case reopened',
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

/** "Name", "Postal address"…: labels of the customer's fields, for showing an edit's before and after. */
export function customerFieldLabel(field: string): string {
  return CUSTOMER_FIELD_LABELS[field as CustomerEditField] ?? field;
}

/** A value kept on a customer-edited entry, in words: "Yes", "French (Canada)"; '' when there is nothing to show. */
export function customerFieldValue(field: string, value: string | undefined): string {
  if (YES_NO_FIELDS.has(field)) return value === 'yes' ? 'Yes' : 'No';
  if (field === 'title') return value ? (CUSTOMER_TITLE_LABELS[value as CustomerTitle] ?? value) : 'None';
  if (field === 'language')
    return value
      ? (LETTER_LANGUAGE_LABELS[value as keyof typeof LETTER_LANGUAGE_LABELS] ?? value)
      : 'The desk’s usual language';
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
      return 'respond';
    case 'report-to-ccts':
      return 'ccts-report';
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
    case 'confirm-resolution':
    case 'reopened-open':
      return 'resolve';
    default:
      return null;
  }
}
