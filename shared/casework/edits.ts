// Edits of stored fields: only what the person changed is saved, checked against what the form was opened on
// (the three-way field merge of shared/model/merge.ts), so two windows never overwrite each other's changes.
import type { CaseRecord } from '#shared/model/case';
import { dateInWords, isIsoDate } from '#shared/model/dates';
import { mergeFields } from '#shared/model/merge';
import { fillTemplate } from '#shared/model/template';
import { type CaseActionId, CUSTOMER_EDIT_FIELDS, customerFieldValue, getAction, YES_NO_FIELDS } from './catalogue';
import { CORRECTION_FORM_FIELDS, correctionFormValues, REPRESENTATIVE_FORM_FIELDS } from './corrections';
import {
  type ActionContext,
  type ActionInput,
  customerDetailsToForm,
  type FieldOption,
  fieldOptions,
  isTicked,
  procedureOption,
  short,
} from './entry';
import { procedureName } from '#shared/rules/procedures';

/**
 * The actions whose form is filled from fields stored on the case and writes them back (the rest only add to the
 * timeline): the customer's details, the vulnerability details, and the correction of the complaint's facts.
 */
const EDIT_FIELDS: Partial<Record<CaseActionId, readonly string[]>> = {
  'edit-customer': CUSTOMER_EDIT_FIELDS,
  'record-vulnerability': ['details', 'reason', 'note'],
  'correct-facts': CORRECTION_FORM_FIELDS,
};

/**
 * Fields that make one value together and are not merged one by one: when the person changed some of them and another
 * window others (or the same one), every one of them that differs is asked about, so the merge never makes a
 * representative nobody gave (one window's name with the other's relationship and authority), nor a provider with a
 * procedure chosen for another one (the form's procedure follows its provider).
 */
const EDIT_GROUPS: Partial<Record<CaseActionId, readonly (readonly string[])[]>> = {
  'correct-facts': [REPRESENTATIVE_FORM_FIELDS, ['providerId', 'procedureId']],
  // A postal address is one value (shared/model/merge.ts isPostalAddress): new lines from one window and a new
  // postcode from the other would make an address nobody typed.
  'edit-customer': [['addressLines', 'postcode']],
};

/** The stored fields `action`'s form edits, as the form holds them; null for an action that only adds to the timeline. */
export function storedFormValues(action: CaseActionId, record: CaseRecord): Record<string, string> | null {
  if (action === 'edit-customer') return customerDetailsToForm(record);
  if (action === 'record-vulnerability') {
    const v = record.vulnerability;
    return { details: v?.details ?? '', reason: v?.reason ?? '', note: v?.note ?? '' };
  }
  if (action === 'correct-facts') {
    const { reason: _notStored, ...stored } = correctionFormValues(record);
    return stored;
  }
  return null;
}

/** A form's edited fields compared as they would be stored: trimmed, boxes as 'yes'/'', address lines tidied. */
function comparable(action: CaseActionId, values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of EDIT_FIELDS[action] ?? []) {
    const v = String(values[f] ?? '').trim();
    if (YES_NO_FIELDS.has(f)) out[f] = isTicked(v) ? 'yes' : '';
    else if (f === 'addressLines')
      out[f] = v
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n');
    else if (f === 'postcode') out[f] = v.toUpperCase();
    else out[f] = v;
  }
  if (action === 'edit-customer' && out.isBusiness !== 'yes') out.employees = '';
  if (action === 'correct-facts') {
    // What a correction does not store is not compared: a representative's details without their name (no
    // representative), an authority's date and details without its kind (./corrections.ts readCorrection).
    const unstored =
      out.repName === ''
        ? REPRESENTATIVE_FORM_FIELDS.filter((f) => f !== 'repName')
        : out.repAuthority === ''
          ? ['repAuthorityOn', 'repAuthorityDetails']
          : [];
    for (const f of unstored) out[f] = '';
  }
  return out;
}

/** A field the person changed that was also changed elsewhere since the form was opened. */
export interface EditConflict {
  field: string;
  label: string;
  /** As the form was opened, as stored now (by another window), and as the person entered it. */
  base: string;
  theirs: string;
  mine: string;
}

export type RebaseResult = { ok: true; input: ActionInput } | { ok: false; conflicts: EditConflict[]; message: string };

// m17b: the edit-conflict message's English, its one home (the interface's English catalogue takes it from here,
// French writes its own): a lead, one change per field, and the words for a value that is not there.
export const EDIT_CONFLICT_EN = {
  // h17: the alert's title says where ("Changed in another window"); the lead says when, not the title again.
  'lead-one': 'A change was saved while this form was open: {changes}. Keep theirs or use yours for it, then save.',
  'lead-many': 'Changes were saved while this form was open: {changes}. Keep theirs or use yours for each, then save.',
  change: '{field} was {base} when you opened this, now {theirs}',
  empty: '(empty)',
  none: '(none)',
} as const;
export type EditConflictPart = keyof typeof EDIT_CONFLICT_EN;

/**
 * A stored field's value as a message shows it, as data: a box ticked or not, a choice by its value, no choice
 * (`placeholder`: the field's placeholder says what that means, "The desk’s usual language"), nothing typed, or text.
 */
export type EditValue =
  | { box: boolean }
  | { option: string }
  | { unset: 'placeholder' | 'none' }
  | { empty: true }
  | { date: string }
  | { text: string };

/** What `value` of `action`'s `field` is, for a message. */
export function editValueOf(action: CaseActionId, field: string, value: string): EditValue {
  const spec = getAction(action).fields.find((f) => f.name === field);
  if (spec?.kind === 'checkbox') return { box: isTicked(value) };
  if (spec?.kind === 'date' && isIsoDate(value)) return { date: value };
  if (field === 'language') return value ? { option: value } : { unset: 'placeholder' };
  if (spec?.kind === 'select') return value ? { option: value } : { unset: 'none' };
  return value === '' ? { empty: true } : { text: short(value.replace(/\n/g, ', '), 40) };
}

/**
 * The case and the desk's providers, for naming a choice among the desk's own (a provider: the desk's data, so the
 * caller passes it; shared/ reads no storage).
 */
export type EditNaming = Pick<ActionContext, 'record' | 'providers'>;

/**
 * A choice of `action`'s `field` as the form lists it: from the field's own list, or the desk's it names
 * (`fieldOptions`: a provider from `naming`, a procedure as the desk holds it). None when nothing names it (a provider
 * when `naming` has no providers).
 */
export function editOption(
  action: CaseActionId,
  field: string,
  value: string,
  naming?: EditNaming,
): FieldOption | undefined {
  const f = getAction(action).fields.find((x) => x.name === field);
  // Without the desk's providers, nothing to name one by (never "Not one of this desk’s providers" for lack of them).
  const options = f && (f.optionsFrom !== 'providers' || naming?.providers) ? fieldOptions(f, naming) : [];
  const found = options.find((o) => o.value === value);
  // A retired procedure is offered only as the case's own, but a message still names one the case had before.
  const retired = !found && f?.optionsFrom === 'procedures' && procedureName(value);
  return retired ? procedureOption({ id: value, name: retired }) : found;
}

/** A choice by the name the form shows for it, in English (editOption); the value itself when nothing names it. */
export function editOptionLabel(action: CaseActionId, field: string, value: string, naming?: EditNaming): string {
  return editOption(action, field, value, naming)?.label ?? value;
}

/**
 * A stored field's value in words for a message: "Yes", "French (Canada)", "(empty)", a provider by its name (from
 * `naming`); long text cut short.
 */
export function editFieldValue(action: CaseActionId, field: string, value: string, naming?: EditNaming): string {
  const v = editValueOf(action, field, value);
  if ('box' in v || field === 'language') return customerFieldValue(field, value);
  if ('option' in v) return editOptionLabel(action, field, v.option, naming);
  if ('unset' in v) return EDIT_CONFLICT_EN.none;
  if ('empty' in v) return EDIT_CONFLICT_EN.empty;
  if ('date' in v) return dateInWords(v.date);
  return v.text;
}

/**
 * "phone was 0161 496 0000 when you opened this, now 0207 946 0000" for each conflict, after one lead; a provider
 * named from `naming` (editFieldValue).
 */
export function describeEditConflicts(
  action: CaseActionId,
  conflicts: readonly EditConflict[],
  naming?: EditNaming,
): string {
  const each = conflicts.map((c) =>
    fillTemplate(EDIT_CONFLICT_EN.change, (name) =>
      name === 'field'
        ? c.label.toLowerCase()
        : editFieldValue(action, c.field, name === 'base' ? c.base : c.theirs, naming),
    ),
  );
  return fillTemplate(EDIT_CONFLICT_EN[conflicts.length === 1 ? 'lead-one' : 'lead-many'], () => each.join('; '));
}

/**
 * The input to save for an edit opened on `base` (the stored fields as the form showed them) now that the case holds
 * `record`: the fields the person changed are taken, fields changed only elsewhere are kept, and a field changed on
 * both sides to different values is refused as a conflict (nothing is overwritten silently). `base` undefined (a
 * caller that did not keep what it showed) compares with what is stored now, i.e. every field sent is the person's.
 * Actions that do not edit stored fields pass through unchanged. `providers` (the desk's) name a provider in the
 * conflict message.
 */
export function rebaseEdit(
  action: CaseActionId,
  input: ActionInput,
  base: Record<string, string> | undefined,
  record: CaseRecord,
  providers?: ActionContext['providers'],
): RebaseResult {
  const stored = storedFormValues(action, record);
  if (!stored) return { ok: true, input };
  const theirs = comparable(action, stored);
  const opened = base ? comparable(action, { ...stored, ...base }) : theirs;
  // A field the caller did not send is left as it was opened.
  const mine = comparable(action, Object.fromEntries(Object.keys(theirs).map((f) => [f, input?.[f] ?? opened[f]])));
  const result = mergeFields(opened, theirs, mine);
  const clashes = result.conflicts.map((c) => c.path[0]);
  // Removing the vulnerability details removes the whole record: not over a change made meanwhile to what it holds.
  if (
    action === 'record-vulnerability' &&
    mine.details === '' &&
    opened.details !== '' &&
    theirs.details !== '' &&
    result.fromTheirs.length
  ) {
    clashes.push('details');
  }
  // A group changed on both sides (EDIT_GROUPS above): each of its fields where the two differ is asked about.
  const fromMine = new Set(result.fromMine.map((p) => p[0]));
  const fromTheirs = new Set(result.fromTheirs.map((p) => p[0]));
  for (const group of EDIT_GROUPS[action] ?? []) {
    const both = (side: Set<string>) => group.some((f) => side.has(f) || clashes.includes(f));
    if (both(fromMine) && both(fromTheirs)) clashes.push(...group.filter((f) => theirs[f] !== mine[f]));
  }
  if (clashes.length) {
    const fields = getAction(action).fields;
    // Each field once, in the form's order.
    const order = Object.keys(theirs);
    const asked = [...new Set(clashes)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const conflicts = asked.map((field) => ({
      field,
      label: fields.find((f) => f.name === field)?.label ?? field,
      base: opened[field],
      theirs: theirs[field],
      mine: mine[field],
    }));
    return { ok: false, conflicts, message: describeEditConflicts(action, conflicts, { record, providers }) };
  }
  return { ok: true, input: { ...input, ...result.merged } };
}

/**
 * What saving an edit opened on `base` would send now that the case holds `record` (`rebaseEdit`'s input), for what
 * the form says before it is saved (a correction's "Dates that change"): a field changed meanwhile elsewhere and not
 * here is the other's. A field changed on both sides is asked about on saving; until then it is taken as typed.
 */
export function editToSave(
  action: CaseActionId,
  values: Record<string, string>,
  base: Record<string, string> | undefined,
  record: CaseRecord,
): Record<string, string> {
  const rebased = rebaseEdit(action, values, base, record);
  if (rebased.ok) return rebased.input as Record<string, string>;
  const yours = Object.fromEntries(rebased.conflicts.map((c) => [c.field, c.theirs]));
  const asTyped = rebaseEdit(action, values, { ...base, ...yours }, record);
  return asTyped.ok ? (asTyped.input as Record<string, string>) : values;
}
