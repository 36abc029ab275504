// The case actions' words in the interface language (issue #17). shared/casework/catalogue.ts holds them in English
// (its forms, its validation); the catalogue takes that English by key — action.<id>.label|title|submitLabel|done,
// field.<id>.<name>.label|description|placeholder|missing, field.<id>.<name>.option.<value> — and French writes its own.
import type { ActionFieldSpec, CaseActionId } from '#shared/casework/index';
import { enGB, type MessageKey, messageIn, type Translate } from '#lib/i18n/index';

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
  part: 'label' | 'description' | 'placeholder' | 'missing',
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
 * The form's messages in the interface language: a required field's "missing" message by its key, a form check's
 * message by its code (shared/model/problems.ts, the field named by its label in this language); any other as it is.
 */
export function fieldErrors(
  t: Translate,
  id: CaseActionId,
  fields: readonly ActionFieldSpec[],
  errors: Partial<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, message] of Object.entries(errors)) {
    if (message === undefined) continue;
    const f = fields.find((x) => x.name === name);
    out[name] =
      f && f.missing === message
        ? (fieldText(t, id, f, 'missing') ?? message)
        : messageIn(t, message, f && fieldText(t, id, f, 'label'));
  }
  return out;
}
