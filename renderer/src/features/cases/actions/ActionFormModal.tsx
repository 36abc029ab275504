// One small form per action, in a modal: the date (today by default) and the action's own fields. Enter in a text box
// is a new line; Ctrl/Cmd+Enter saves from any field (#lib/forms); Esc cancels, and what was typed is kept as a draft
// offered on reopening. Messages show next to their fields; the same checks run again inside the write transaction.
import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Select } from '#ui/Select';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type RefObject, useState } from 'react';
import { useFocusReturnAfterClose } from '#ui/focus-return';
import {
  type ActionContext,
  type ActionFieldSpec,
  buildActionEvent,
  type CaseActionId,
  defaultInput,
  earlyAdrLetter,
  type EditConflict,
  editToSave,
  fieldDescriptionPart,
  fieldOptions,
  followProvider,
  getAction,
  nextStage,
  rebaseEdit,
  receivedDateQuestion,
  short,
  storedFormValues,
} from '#shared/casework/index';
import type { Channel } from '#shared/model/case';
import { caseProviderId } from '#shared/model/provider';
import { getCalendar } from '#shared/rules/index';
import { ActionRefusedError, EditConflictError, performAction } from '#db/repositories/case-actions';
import { db } from '#db/schema';
import { CorrectionPreview, VoidPreview } from './ChangePreview';
import { confirmEarlyAdrLetter } from './EarlyAdrLetterQuestion';
import { confirmReceivedDate, DateField } from '#ui/DateField';
import { useFormDraft } from '#lib/forms';
import { DraftOffer } from '#ui/DraftOffer';
import { FormattedMessage, useIntl } from 'react-intl';
import { builtInWordsIn, entrySummaryIn, errorDetailIn, messageIn, useLocale, useT } from '#lib/i18n/index';
import {
  actionText,
  conflictFieldText,
  editConflictsText,
  editValueText,
  fieldErrors,
  fieldText,
  choiceText,
} from './words';

export interface ActionFormModalProps {
  /** The action whose form is open, or null when closed. */
  action: CaseActionId | null;
  context: ActionContext;
  onClose: () => void;
  /** Values the form starts with beyond the defaults (the entry to void). */
  initial?: Record<string, string>;
  /**
   * Where focus goes after the dialog closes when the control that opened it has gone: a step opened from "Next steps"
   * (closing the case) takes its button away with it (explore41-fr #1; see #ui/focus-return).
   */
  returnFocusTo?: RefObject<HTMLElement | null>;
}

export function ActionFormModal({ action, context, onClose, initial, returnFocusTo }: ActionFormModalProps) {
  const t = useT();
  const focusAfterClose = useFocusReturnAfterClose(action !== null, returnFocusTo);
  return (
    <Modal
      opened={action !== null}
      onClose={onClose}
      onExitTransitionEnd={focusAfterClose}
      title={action ? actionText(t, action, 'title') : undefined}
      size="md"
      closeOnEscape
      returnFocus
    >
      {action && <ActionForm key={action} action={action} context={context} onDone={onClose} initial={initial} />}
    </Modal>
  );
}

function lastDate(context: ActionContext): string {
  let last = context.record.receivedOn;
  for (const e of context.events) if (e.on > last) last = e.on;
  return last;
}

/** The correction field the preview sits under: the procedure once provider or procedure change, else the date. */
function previewUnder(values: Record<string, string>, context: ActionContext): 'receivedOn' | 'procedureId' {
  const moved =
    (values.providerId || caseProviderId(context.record)) !== caseProviderId(context.record) ||
    (values.procedureId || context.record.procedureId) !== context.record.procedureId;
  return moved ? 'procedureId' : 'receivedOn';
}

function ActionForm({
  action,
  context,
  onDone,
  initial,
}: {
  action: CaseActionId;
  context: ActionContext;
  onDone: () => void;
  initial?: Record<string, string>;
}) {
  const spec = getAction(action);
  const t = useT();
  const { locale } = useLocale();
  const intl = useIntl();
  const [start] = useState(() => ({ ...defaultInput(action, context), ...initial }));
  const form = useForm<Record<string, string>>({ initialValues: start });
  // What is typed is kept per case and action until it is saved: a dialog closed by mistake offers it back.
  const draft = useFormDraft(`action:${context.record.id}:${action}`, form.values, start, form.setValues);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The stored fields as this form was opened on (edits of stored fields only): only what the person changes from
  // them is saved, and a field changed meanwhile elsewhere is asked about rather than overwritten.
  const [base, setBase] = useState(() => storedFormValues(action, context.record) ?? undefined);
  const [conflicts, setConflicts] = useState<EditConflict[]>([]);
  const [choices, setChoices] = useState<Partial<Record<string, 'theirs' | 'mine'>>>({});
  const autoFocusField = spec.fields.find((f) => f.required && f.kind !== 'date' && !form.values[f.name])?.name ?? 'on';

  // An entry a refusal quotes ("cannot be before the last entry (…)"), named as the case's timeline names it.
  const entryIn = (id: string) => {
    const entry = context.events.find((e) => e.id === id);
    return entry && short(entrySummaryIn(t, locale, entry, context));
  };
  const translated = (errors: Partial<Record<string, string>>) => fieldErrors(t, action, spec.fields, errors, entryIn);
  const showErrors = (errors: Partial<Record<string, string>>, message: string) => {
    const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== 'action' && k !== 'form'));
    form.setErrors(translated(fieldErrors));
    const refusal = errors.action ?? errors.form ?? (Object.keys(fieldErrors).length ? null : message);
    setRefusal(refusal === null ? null : messageIn(t, refusal));
    const first = Object.keys(fieldErrors)[0];
    if (first) document.querySelector<HTMLElement>(`[data-action-field="${first}"]`)?.focus();
  };

  const askAbout = (found: EditConflict[]) => {
    setConflicts(found);
    setChoices({});
    setRefusal(null);
  };

  const submit = form.onSubmit(async (submitted) => {
    setRefusal(null);
    let values = submitted;
    let opened = base;
    if (conflicts.length) {
      const open = conflicts.filter((c) => !choices[c.field]);
      if (open.length) {
        setRefusal(
          t('actions.chooseConflict', {
            fields: open.map((c) => conflictFieldText(t, action, c).toLowerCase()).join(', '),
          }),
        );
        return;
      }
      // The answer: each such field is compared with what is stored now, and holds the value chosen.
      opened = { ...base };
      values = { ...submitted };
      for (const c of conflicts) {
        opened[c.field] = c.theirs;
        values[c.field] = choices[c.field] === 'mine' ? c.mine : c.theirs;
        form.setFieldValue(c.field, values[c.field]!);
      }
      setBase(opened);
      setConflicts([]);
    }
    const rebased = rebaseEdit(action, values, opened, context.record);
    if (!rebased.ok) {
      askAbout(rebased.conflicts);
      return;
    }
    const checked = buildActionEvent(action, rebased.input, context);
    if (!checked.ok) {
      showErrors(checked.errors, checked.message);
      return;
    }
    // A corrected received date that is probably a slip is asked about, as at intake, before anything is saved (the
    // date this save sets: not one another window corrected meanwhile and this form still shows).
    const receivedOn = rebased.input.receivedOn;
    if (action === 'correct-facts' && receivedOn && receivedOn !== context.record.receivedOn) {
      const question = receivedDateQuestion(receivedOn, {
        today: context.today,
        channel: (rebased.input.channel as Channel | undefined) || context.record.channel,
        calendar: getCalendar(context.record.calendar),
      });
      if (question && !(await confirmReceivedDate(question, { t, locale: intl.locale, date: receivedOn }))) return;
    }
    // An ADR letter dated before its day, with no final position given, is asked about before it is recorded.
    const early = action === 'adr-letter-sent' ? earlyAdrLetter(rebased.input.on ?? '', context) : null;
    if (early && !(await confirmEarlyAdrLetter(early, rebased.input.on!, t))) return;
    setSaving(true);
    try {
      const { event } = await performAction(db(), context.record.id, action, values, {
        by: context.by,
        today: context.today,
        base: opened,
        providers: context.providers,
      });
      draft.clear();
      notifications.show({
        color: 'teal',
        title: actionText(t, action, 'done'),
        message: entrySummaryIn(t, locale, event, context),
      });
      onDone();
    } catch (error) {
      if (error instanceof EditConflictError) askAbout(error.conflicts);
      else if (error instanceof ActionRefusedError) showErrors(error.errors, error.message);
      else setRefusal(t('actions.nothingRecorded', { error: errorDetailIn(t, error) }));
    } finally {
      setSaving(false);
    }
  });

  // The description that applies to the case (the final position's says the ADR letter is due only where it is).
  const describe = (f: ActionFieldSpec) => fieldText(t, action, f, fieldDescriptionPart(f, context));
  const field = (f: ActionFieldSpec) => {
    if (f.onlyWhen && form.values[f.onlyWhen] !== 'yes') return null;
    if (f.kind === 'checkbox') {
      // The form holds text: 'yes' when ticked, '' when not.
      const { error } = form.getInputProps(f.name);
      return (
        <Checkbox
          key={f.name}
          label={fieldText(t, action, f, 'label')}
          description={describe(f)}
          error={error}
          data-action-field={f.name}
          checked={form.values[f.name] === 'yes'}
          onChange={(e) => form.setFieldValue(f.name, e.currentTarget.checked ? 'yes' : '')}
        />
      );
    }
    const common = {
      label: fieldText(t, action, f, 'label'),
      description: describe(f),
      placeholder: fieldText(t, action, f, 'placeholder'),
      required: f.required,
      'data-action-field': f.name,
      'data-autofocus': f.name === autoFocusField ? true : undefined,
      ...form.getInputProps(f.name),
    };
    switch (f.kind) {
      case 'date':
        // Only the entry's own date follows the timeline; a corrected received date may move earlier.
        return (
          <DateField
            key={f.name}
            {...common}
            minDate={f.name === 'on' ? lastDate(context) : undefined}
            maxDate={context.today}
          />
        );
      case 'select':
        // An optional choice may be cleared back to "none" (held as '', shown as no choice).
        return (
          <Select
            key={f.name}
            {...common}
            value={form.values[f.name] || null}
            onChange={(value) =>
              // A correction's procedure follows the provider chosen (it can still be chosen after).
              action === 'correct-facts' && f.name === 'providerId'
                ? form.setValues(followProvider(form.values, value ?? '', context))
                : form.setFieldValue(f.name, value ?? '')
            }
            data={fieldOptions(f, context).map((o) => ({ value: o.value, label: choiceText(t, action, f, o) }))}
            allowDeselect={false}
            clearable={!f.required}
            comboboxProps={{ withinPortal: true }}
          />
        );
      case 'amount':
        return <TextInput key={f.name} {...common} inputMode="decimal" />;
      case 'textarea':
        return (
          <Textarea
            key={f.name}
            {...common}
            autosize
            minRows={f.required ? 3 : 2}
            maxRows={8}
            description={[describe(f), t('actions.ctrlEnter')].filter(Boolean).join(' · ')}
          />
        );
      default:
        return <TextInput key={f.name} {...common} />;
    }
  };

  // A correction's preview, and where it sits, read what the save would send (not fields another window corrected).
  const saved = action === 'correct-facts' ? editToSave(action, form.values, base, context.record) : form.values;
  const target =
    action === 'escalate' && context.procedure && context.evaluation
      ? nextStage(context.procedure, context.evaluation.stage)
      : null;

  return (
    <form onSubmit={submit} noValidate aria-label={actionText(t, action, 'title')}>
      <Stack gap="sm">
        <DraftOffer draft={draft} />
        {target && (
          <Text size="sm">
            <FormattedMessage
              id="actions.fromTo"
              values={{
                from: builtInWordsIn(locale, context.evaluation?.stageName ?? ''),
                to: builtInWordsIn(locale, target.name),
                owner: builtInWordsIn(locale, target.owner),
                b: (c) => <b>{c}</b>,
              }}
            />
          </Text>
        )}
        {action === 'void-entry' && <VoidPreview context={context} entryId={form.values.entryId ?? ''} />}
        {spec.fields.map((f) =>
          // A correction says which due dates change right under the date received, or under the procedure when it
          // moves the case to another provider or procedure (with what would not fit together).
          action === 'correct-facts' && f.name === previewUnder(saved, context) ? (
            <Stack key={f.name} gap="xs">
              {field(f)}
              <CorrectionPreview context={context} values={saved} />
            </Stack>
          ) : (
            field(f)
          ),
        )}
        {conflicts.length > 0 && (
          <Alert color="orange" variant="light" role="alert" title={t('actions.changedMeanwhile')} data-edit-conflicts>
            <Stack gap="xs">
              <Text size="sm">{editConflictsText(t, action, conflicts, context)}</Text>
              {conflicts.map((c) => (
                <Radio.Group
                  key={c.field}
                  label={conflictFieldText(t, action, c)}
                  value={choices[c.field] ?? null}
                  onChange={(v) => setChoices((all) => ({ ...all, [c.field]: v as 'theirs' | 'mine' }))}
                  data-conflict-field={c.field}
                >
                  <Group gap="md" mt={4}>
                    <Radio
                      value="theirs"
                      label={t('actions.keepTheirs', { value: editValueText(t, action, c.field, c.theirs, context) })}
                    />
                    <Radio
                      value="mine"
                      label={t('actions.useYours', { value: editValueText(t, action, c.field, c.mine, context) })}
                    />
                  </Group>
                </Radio.Group>
              ))}
            </Stack>
          </Alert>
        )}
        {refusal && (
          <Alert color="red" variant="light" role="alert">
            {refusal}
          </Alert>
        )}
        <Group justify="space-between" mt="xs">
          <Text size="xs" c="dimmed">
            {context.by ? t('actions.recordedBy', { name: context.by }) : t('actions.recordedByNobody')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onDone}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {actionText(t, action, 'submitLabel')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
