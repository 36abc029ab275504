// The procedure editor (issue #16): a desk's own procedure's stages, owners, order and targets, its acknowledgement and
// first-response targets, regime and ADR scheme, the words its letters use, and (for a procedure cases follow) the day
// a new version takes effect. Its fields and their labels are declared once, in ./procedure-fields.ts: each field here
// takes its label from there (`fieldProps`), and ./ProcedureEditor.test.tsx checks that the fields drawn are exactly
// that list. Checked with THE procedure schema (shared/rules `checkProcedureForm`); each problem next to its field,
// and every problem named in the summary above Save, with what it is about when it has no field on the screen.
// Beside it, the preview: what a complaint received today by letter would be due, from the rules engine.
import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Fieldset,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { Select } from '#ui/Select';
import { useForm } from '@mantine/form';
import { useMemo, useRef, useState } from 'react';
import { focusFirstInvalid } from '#lib/focus-invalid';
import { CALENDARS, CHANNELS, type CalendarId } from '#shared/model/case';
import {
  checkProcedureForm,
  DURATION_UNITS,
  emptyStage,
  ESCALATION_TRIGGERS,
  formField,
  listAdrSchemes,
  listRegimes,
  type Explanation,
  previewProcedure,
  procedureFromForm,
  procedureToForm,
  type Procedure,
  type ProcedureForm,
  STAGE_ENTRY_EVENTS,
} from '#shared/rules/index';
import { formatDate } from '#lib/format';
import { DateField } from '#ui/DateField';
import { schemeFullNameIn } from '#shared/letters/index';
import { FormattedMessage } from 'react-intl';
import {
  clockLabel,
  explanationIn,
  procedureIssueIn,
  regimeNameIn,
  type Translate,
  useLocale,
  useT,
} from '#lib/i18n/index';
import {
  type FieldPath,
  fieldLabel,
  fieldNameIn,
  problemSummary,
  shownFields,
  type TargetPath,
  targetLabel,
} from './procedure-fields';

type Form = ReturnType<typeof useForm<ProcedureForm>>;

/** A field's label (./procedure-fields.ts, the one list of this editor's fields) and its form bindings. */
function fieldProps(form: Form, t: Translate, path: FieldPath, options?: { type: 'checkbox' }) {
  return { label: fieldLabel(t, path), ...form.getInputProps(path, options) };
}

/**
 * One target: on/off, amount, unit, what is due, and the next step the case page says while it runs (empty: the
 * app's own words, in the interface's language). `path` is the form path (`stages.0.target`).
 */
function TargetFields({ form, path }: { form: Form; path: TargetPath }) {
  const t = useT();
  const on = fieldProps(form, t, `${path}.on`, { type: 'checkbox' });
  const set = Boolean(on.checked);
  return (
    <Fieldset legend={targetLabel(t, path)} variant="filled" p="xs">
      <Checkbox {...on} mb={set ? 'xs' : 0} />
      {set && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          {/* Typed as it is, then checked with the others on Save: a decimal point dropped or a minus clamped to 0 on
              the way out of the box changed a target with no word said (explore34b #1). */}
          <NumberInput clampBehavior="none" {...fieldProps(form, t, `${path}.amount`)} />
          <Select
            data={DURATION_UNITS.map((u) => ({ value: u, label: t(`editor.unit.${u}`) }))}
            allowDeselect={false}
            {...fieldProps(form, t, `${path}.unit`)}
          />
          <TextInput {...fieldProps(form, t, `${path}.what`)} />
        </SimpleGrid>
      )}
      {set && <TextInput mt="xs" description={t('editor.actionHint')} {...fieldProps(form, t, `${path}.action`)} />}
    </Fieldset>
  );
}

export function ProcedureEditor({
  procedure,
  inUse,
  draft = false,
  today,
  onSave,
  onCancel,
}: {
  procedure: Procedure;
  /** The latest day a case following its newest version was received: a save makes a new version. */
  inUse: string | null;
  /** A copy not stored yet: Save makes it the desk's, Cancel leaves nothing behind. */
  draft?: boolean;
  today: string;
  /** Saves; resolves to a field and message when the save is refused. */
  onSave: (procedure: Procedure) => Promise<{ field: string; message: string } | null>;
  onCancel: () => void;
}) {
  const form = useForm<ProcedureForm>({ initialValues: procedureToForm(procedure) });
  const [saving, setSaving] = useState(false);
  // The summary above Save: a title, and each problem named by its field.
  const [problem, setProblem] = useState<{ title: string; lines: string[] } | null>(null);
  // The preview's calendar: the one the person picks there, else the procedure's own usual calendar as the form has it
  // (a Canadian procedure previewed on England & Wales showed dates its cases never get: explore32-desk #4).
  const [pickedCalendar, setCalendar] = useState<CalendarId | null>(null);
  const t = useT();
  const field = (path: FieldPath, options?: { type: 'checkbox' }) => fieldProps(form, t, path, options);
  const { locale } = useLocale();
  // i17c: the engine's English as it is on English screens; its phrases said in the interface's language otherwise.
  // In the interface's words and date format, as the case page's clocks say it (not the engine's ISO English).
  const explained = (l: { explain: Explanation }) => explanationIn(t, locale, l.explain);
  const values = form.getValues();
  const calendar = pickedCalendar ?? values.defaultCalendar;
  // The preview follows every change of the fields (the form re-renders on each).
  const preview = previewProcedure(procedureFromForm(values), today, calendar);
  const regimes = useMemo(() => listRegimes().map((r) => ({ value: r.id, label: regimeNameIn(t, r.id, r.name) })), [t]);
  // Each scheme in the interface's language where the directory names it so (the CCTS is the CPRST in French).
  const schemes = useMemo(
    () => listAdrSchemes(today).map((s) => ({ value: s.id, label: schemeFullNameIn(locale, s) })),
    [today, locale],
  );

  const formRef = useRef<HTMLFormElement>(null);
  const submit = async () => {
    setProblem(null);
    const current = form.getValues();
    const checked = checkProcedureForm(current);
    if (!checked.ok) {
      // Each field's first problem, in the interface language (m17a: from its code; as shared wrote it without one).
      const said = Object.fromEntries(
        Object.entries(checked.issueByField).map(([f, i]) => [f, procedureIssueIn(t, i)]),
      );
      form.setErrors(said);
      setProblem({
        title: t('editor.fieldsNeedChange', { n: Object.keys(said).length }),
        lines: problemSummary(t, said, current),
      });
      focusFirstInvalid(formRef.current);
      return;
    }
    setSaving(true);
    const refused = await onSave(checked.procedure);
    setSaving(false);
    if (refused) {
      const field = formField(refused.field);
      if (shownFields(current).has(field)) form.setFieldError(field, refused.message);
      setProblem({ title: t('editor.notSaved'), lines: problemSummary(t, { [field]: refused.message }, current) });
      // The Save button was busy (so disabled) while the desk asked: the focus is put on the field refused, not lost to
      // the page (explore34b #5).
      focusFirstInvalid(formRef.current);
    }
  };

  const stages = values.stages;
  return (
    <Group align="flex-start" gap="lg" wrap="wrap">
      <form ref={formRef} style={{ flex: '2 1 520px', minWidth: 0 }} onSubmit={form.onSubmit(() => void submit())}>
        <Stack gap="sm">
          {draft && (
            <Alert color="blue" variant="light" role="note" title={t('editor.draft')}>
              {t('editor.draftText')}
            </Alert>
          )}
          {inUse && (
            <Alert color="blue" variant="light" role="note" title={t('editor.inUse')}>
              {t('editor.inUseText', {
                next: procedure.version + 1,
                date: formatDate(inUse),
                version: procedure.version,
              })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput {...field('name')} />
            {/* The app's date box (typed in the interface language's order), not the browser's own. */}
            <DateField
              description={inUse ? t('editor.effectiveInUse') : t('editor.optional')}
              withWords={false}
              {...field('effectiveFrom')}
            />
            <Select data={regimes} allowDeselect={false} {...field('regimeId')} />
            <Select data={schemes} allowDeselect={false} {...field('adrSchemeId')} />
            <Select
              data={CALENDARS.map((c) => ({ value: c, label: t(`model.calendar.${c}`) }))}
              allowDeselect={false}
              {...field('defaultCalendar')}
            />
            <MultiSelect
              data={CHANNELS.map((c) => ({ value: c, label: t(`model.channel.${c}`) }))}
              {...field('channels')}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {values.copiedFrom
              ? t('editor.idCopied', { id: values.id, from: values.copiedFrom })
              : t('editor.idOwn', { id: values.id })}
          </Text>

          <TargetFields form={form} path="acknowledgement" />
          <TargetFields form={form} path="firstResponse.default" />
          <Fieldset legend={t('editor.byChannel')} variant="unstyled">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
              {values.channels.map((c) => (
                <TargetFields key={c} form={form} path={`firstResponse.byChannel.${c}`} />
              ))}
            </SimpleGrid>
          </Fieldset>

          <Title order={3} size="h5" mt="sm">
            {t('editor.stages')}
          </Title>
          {stages.map((stage, i) => (
            <Paper
              key={`${stage.id}-${i}`}
              withBorder
              p="sm"
              radius="sm"
              aria-label={t('editor.stage', { n: i + 1 })}
              component="section"
            >
              <Group justify="space-between" mb="xs">
                <Text fw={600} size="sm">
                  {t('editor.stage', { n: i + 1 })}{' '}
                  <Text span c="dimmed" size="xs">
                    ({stage.id})
                  </Text>
                </Text>
                <Group gap={4}>
                  <Button
                    size="compact-xs"
                    variant="default"
                    disabled={i === 0}
                    onClick={() => form.reorderListItem('stages', { from: i, to: i - 1 })}
                    aria-label={t('editor.moveUp', { n: i + 1 })}
                  >
                    {t('editor.up')}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="default"
                    disabled={i === stages.length - 1}
                    onClick={() => form.reorderListItem('stages', { from: i, to: i + 1 })}
                    aria-label={t('editor.moveDown', { n: i + 1 })}
                  >
                    {t('editor.down')}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    disabled={stages.length === 1}
                    onClick={() => form.removeListItem('stages', i)}
                    aria-label={t('editor.removeStage', { n: i + 1 })}
                  >
                    {t('editor.remove')}
                  </Button>
                </Group>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput {...field(`stages.${i}.name`)} />
                <TextInput {...field(`stages.${i}.owner`)} />
              </SimpleGrid>
              <Textarea autosize minRows={1} mt="xs" {...field(`stages.${i}.description`)} />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                <MultiSelect
                  data={ESCALATION_TRIGGERS.map((e) => ({ value: e, label: t(`editor.trigger.${e}`) }))}
                  {...field(`stages.${i}.escalateWhen`)}
                />
                <MultiSelect
                  placeholder={t('editor.escalation')}
                  data={STAGE_ENTRY_EVENTS.map((e) => ({ value: e, label: t(`editor.entry.${e}`) }))}
                  {...field(`stages.${i}.enteredBy`)}
                />
              </SimpleGrid>
              <Checkbox mt="xs" {...field(`stages.${i}.external`, { type: 'checkbox' })} />
              <Divider my="xs" variant="dashed" />
              <TargetFields form={form} path={`stages.${i}.target`} />
            </Paper>
          ))}
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                const ids = new Set(stages.map((s) => s.id));
                let n = stages.length + 1;
                while (ids.has(`stage-${n}`)) n += 1;
                form.insertListItem(
                  'stages',
                  emptyStage(`stage-${n}`),
                  stages.findIndex((s) => s.external) >= 0 ? stages.findIndex((s) => s.external) : stages.length,
                );
              }}
            >
              {t('editor.addStage')}
            </Button>
          </Group>

          <Title order={3} size="h5" mt="sm">
            {t('editor.letters')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Textarea description={t('editor.escalateHint')} autosize minRows={2} {...field('wording.escalation.en')} />
            <Textarea autosize minRows={2} {...field('wording.escalation.fr')} />
            <Textarea
              description={t('editor.promiseHint')}
              autosize
              minRows={2}
              {...field('wording.promisedTimeFrame.en')}
            />
            <Textarea autosize minRows={2} {...field('wording.promisedTimeFrame.fr')} />
          </SimpleGrid>
          <Textarea autosize minRows={2} {...field('notes')} />

          {problem && (
            <Alert color="red" variant="light" role="alert" title={problem.title}>
              <List size="sm" spacing={2}>
                {problem.lines.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={saving}>
              {inUse ? t('editor.saveVersion', { version: procedure.version + 1 }) : t('editor.save')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('editor.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>

      <Paper
        withBorder
        p="sm"
        radius="md"
        // A long unbroken stage name wraps in the preview, rather than widening the whole Settings page.
        style={{ flex: '1 1 280px', position: 'sticky', top: 60, minWidth: 0, overflowWrap: 'anywhere' }}
        component="aside"
        aria-labelledby="procedure-preview"
      >
        <Title order={3} size="h5" id="procedure-preview">
          {t('editor.preview')}
        </Title>
        <Select
          label={t('editor.previewCalendar')}
          size="xs"
          data={CALENDARS.map((c) => ({ value: c, label: t(`model.calendar.${c}`) }))}
          value={calendar}
          allowDeselect={false}
          onChange={(v) => v && setCalendar(v as CalendarId)}
          mb="xs"
        />
        <Text size="sm" mb="xs">
          {t('editor.previewIntro', { date: formatDate(today) })}
        </Text>
        {'error' in preview ? (
          <Text size="sm" c="red.8">
            {preview.issue
              ? t('editor.previewInvalid', {
                  field: fieldNameIn(t, formField(preview.issue.field), values),
                  problem: procedureIssueIn(t, preview.issue),
                })
              : preview.error}
          </Text>
        ) : preview.lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('editor.nothing')}
          </Text>
        ) : (
          <List size="sm" spacing={6} aria-label={t('editor.dueList')}>
            {preview.lines.map((l) => (
              <List.Item key={l.label} title={explained(l)}>
                <FormattedMessage
                  id="editor.due"
                  values={{
                    label: clockLabel(t, l.label),
                    date: l.dueOn ? formatDate(l.dueOn) : t('editor.noDate'),
                    b: (c) => <b>{c}</b>,
                  }}
                />
                <Text size="xs" c="dimmed">
                  {explained(l)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
    </Group>
  );
}
