// The case actions' words in the interface language (issue #17). shared/casework/catalogue.ts holds them in English
// (its forms, its validation); the catalogue takes that English by key — action.<id>.label|title|submitLabel|done,
// field.<id>.<name>.label|description|placeholder|missing, field.<id>.<name>.option.<value> — and French writes its own.
import {
  type ActionFieldSpec,
  type CaseActionId,
  type EditConflict,
  type EditNaming,
  editOption,
  type FieldOption,
  editValueOf,
  getAction,
} from '#shared/casework/index';
import type { CommunicationNeeds, RepresentativeAuthority } from '#shared/model/case';
import { enGB, type EntryNamer, type MessageKey, messageIn, type Translate } from '#lib/i18n/index';
import { formatDate } from '#lib/format';

const has = (key: string): key is MessageKey => key in enGB;

/** The menu, form title, button or notification wording of an action. */
export function actionText(t: Translate, id: CaseActionId, part: 'label' | 'title' | 'submitLabel' | 'done'): string {
  return t(`action.${id}.${part}` as MessageKey);
}

/** A field's label, description, placeholder or "missing" message; undefined when the field has none. */
export function fieldText(
  t: Translate,
  id: CaseActionId,
  field: ActionFieldSpec,
  part: 'label' | 'description' | 'descriptionNoAdrLetter' | 'placeholder' | 'missing',
): string | undefined {
  const english = field[part];
  if (english === undefined) return undefined;
  const key = `field.${id}.${field.name}.${part}`;
  return has(key) ? t(key) : english;
}

/** The model's own lists (channels, categories, titles, languages, reasons) are named once in the catalogue. */
const MODEL_LISTS: Record<string, string> = {
  channel: 'model.channel',
  category: 'model.category',
  title: 'model.title',
  language: 'model.letterLanguage',
};

/** One choice of a select field. */
export function optionText(t: Translate, id: CaseActionId, field: ActionFieldSpec, value: string, english: string) {
  const list =
    id === 'record-vulnerability' && field.name === 'reason' ? 'model.vulnerabilityReason' : MODEL_LISTS[field.name];
  const key = list ? `${list}.${value}` : `field.${id}.${field.name}.option.${value}`;
  return has(key) ? t(key) : english;
}

/**
 * A select's choice in the interface language: a list's by its key, a provider retired or not the desk's, and a retired
 * procedure, in words.
 */
export function choiceText(t: Translate, id: CaseActionId, field: ActionFieldSpec, option: FieldOption): string {
  if (option.provider?.kind === 'retired')
    return t('field.correct-facts.providerId.retired', { name: option.provider.name });
  if (option.provider?.kind === 'elsewhere') return t('field.correct-facts.providerId.elsewhere');
  if (option.procedure?.kind === 'retired')
    return t('field.correct-facts.procedureId.retired', { name: option.procedure.name });
  return optionText(t, id, field, option.value, option.label);
}

/**
 * The form's messages in the interface language: a required field's "missing" message by its key, a form check's
 * message by its code (shared/model/problems.ts, the field named by its label in this language); any other as it is.
 */
export function fieldErrors(
  t: Translate,
  id: CaseActionId,
  fields: readonly ActionFieldSpec[],
  errors: Partial<Record<string, string>>,
  entryIn?: EntryNamer,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, message] of Object.entries(errors)) {
    if (message === undefined) continue;
    const f = fields.find((x) => x.name === name);
    out[name] =
      f && f.missing === message
        ? (fieldText(t, id, f, 'missing') ?? message)
        : messageIn(t, message, f && fieldText(t, id, f, 'label'), entryIn);
  }
  return out;
}

// m17b: an edit conflict in the interface language (shared/casework/edits.ts holds the English).

/** A conflicting field's name: its label on this form. */
export function conflictFieldText(t: Translate, id: CaseActionId, c: EditConflict): string {
  const f = getAction(id).fields.find((x) => x.name === c.field);
  return f ? (fieldText(t, id, f, 'label') ?? c.label) : c.label;
}

/**
 * A stored field's value as the conflict shows it: "Yes", "French (Canada)", "(empty)", a date, the text cut short. A
 * choice is named as the form names it (editOption: a provider from `context`, the case's and desk's; a
 * procedure by the desk's name for it).
 */
export function editValueText(
  t: Translate,
  id: CaseActionId,
  field: string,
  value: string,
  context?: EditNaming,
): string {
  const f = getAction(id).fields.find((x) => x.name === field);
  const v = editValueOf(id, field, value);
  if ('box' in v) return t(v.box ? 'editConflict.yes' : 'editConflict.no');
  if ('option' in v) {
    const option = editOption(id, field, v.option, context);
    if (!f) return v.option;
    return option ? choiceText(t, id, f, option) : optionText(t, id, f, v.option, v.option);
  }
  if ('date' in v) return formatDate(v.date);
  if ('unset' in v)
    return v.unset === 'placeholder' && f
      ? (fieldText(t, id, f, 'placeholder') ?? t('editConflict.none'))
      : t('editConflict.none');
  if ('empty' in v) return t('editConflict.empty');
  return v.text;
}

/** "A change was saved while this form was open: phone was … when you opened this, now …. Keep theirs or use yours …". */
export function editConflictsText(
  t: Translate,
  id: CaseActionId,
  conflicts: readonly EditConflict[],
  context?: EditNaming,
): string {
  const changes = conflicts.map((c) =>
    t('editConflict.change', {
      field: conflictFieldText(t, id, c).toLowerCase(),
      base: editValueText(t, id, c.field, c.base, context),
      theirs: editValueText(t, id, c.field, c.theirs, context),
    }),
  );
  return t(conflicts.length === 1 ? 'editConflict.lead-one' : 'editConflict.lead-many', {
    changes: changes.join(t('editConflict.separator')),
  });
}

/** How the customer wants to be written to: "French (Canada), large print, by post" ('' for nothing asked). */
export function needsText(t: Translate, needs: CommunicationNeeds): string {
  return [
    needs.language ? t(`model.letterLanguage.${needs.language}`) : null,
    needs.largePrint ? t('case.largePrint') : null,
    needs.prefersPost ? t('case.byPost') : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/** What shows a representative may act: "Power of attorney, 17 Nov 2026 (registered with the OPG)". */
export function authorityText(t: Translate, authority: RepresentativeAuthority): string {
  const details = authority.details ? ` (${authority.details})` : '';
  return `${t(`model.authority.${authority.kind}`)}, ${formatDate(authority.on)}${details}`;
}
