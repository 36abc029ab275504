// The procedure editor (issue #16): a desk's own procedure's stages, owners, order and targets, its acknowledgement and
// first-response targets, regime and ADR scheme, the words its letters use, and (for a procedure cases follow) the day
// a new version takes effect. Checked with THE procedure schema (shared/rules `checkProcedureForm`); each problem next
// to its field, and every problem named in the summary above Save, with what it is about when it has no field on the
// screen (./procedure-fields.ts). Beside it, the preview: what a complaint received today by letter would be due, from
// the rules engine.
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
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
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
import { FormattedMessage } from 'react-intl';
import { clockLabel, explanationIn, procedureIssueIn, useLocale, useT } from '#lib/i18n/index';
import { fieldNameIn, problemSummary, shownFields } from './procedure-fields';

type Form = ReturnType<typeof useForm<ProcedureForm>>;

/** One target: on/off, amount, unit, what is due. `path` is the form path (`stages.0.target`). */
function TargetFields({ form, path, label }: { form: Form; path: string; label: string }) {
  const on = form.getInputProps(`${path}.on`, { type: 'checkbox' });
  const set = Boolean(on.checked);
  const t = useT();
  return (
    <Fieldset legend={label} variant="filled" p="xs">
      <Checkbox label={t('editor.setTarget', { label })} {...on} mb={set ? 'xs' : 0} />
      {set && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <NumberInput
            label={t('editor.amount', { label })}
            min={0}
            allowDecimal={false}
            {...form.getInputProps(`${path}.amount`)}
          />
          <Select
            label={t('editor.unit', { label })}
            data={DURATION_UNITS.map((u) => ({ value: u, label: t(`editor.unit.${u}`) }))}
            allowDeselect={false}
            {...form.getInputProps(`${path}.unit`)}
          />
          <TextInput label={t('editor.what', { label })} {...form.getInputProps(`${path}.what`)} />
        </SimpleGrid>
      )}
    </Fieldset>
  );
}

export function ProcedureEditor({
  procedure,
  inUse,
  today,
  deskCalendar,
  onSave,
  onCancel,
}: {
  procedure: Procedure;
  /** The latest day a case following its newest version was received: a save makes a new version. */
  inUse: string | null;
  today: string;
  deskCalendar: CalendarId;
  /** Saves; resolves to a field and message when the save is refused. */
  onSave: (procedure: Procedure) => Promise<{ field: string; message: string } | null>;
  onCancel: () => void;
}) {
  const form = useForm<ProcedureForm>({ initialValues: procedureToForm(procedure) });
  const [saving, setSaving] = useState(false);
  // The summary above Save: a title, and each problem named by its field.
  const [problem, setProblem] = useState<{ title: string; lines: string[] } | null>(null);
  const [calendar, setCalendar] = useState<CalendarId>(deskCalendar);
  const t = useT();
  const { locale } = useLocale();
  // i17c: the engine's English as it is on English screens; its phrases said in the interface's language otherwise.
  const explained = (l: { explanation: string; explain: Explanation }) =>
    locale.startsWith('en') ? l.explanation : explanationIn(t, locale, l.explain);
  const values = form.getValues();
  // The preview follows every change of the fields (the form re-renders on each).
  const preview = previewProcedure(procedureFromForm(values), today, calendar);
  const regimes = useMemo(() => listRegimes().map((r) => ({ value: r.id, label: r.name })), []);
  const schemes = useMemo(() => listAdrSchemes(today).map((s) => ({ value: s.id, label: s.name })), [today]);

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
      return;
    }
    setSaving(true);
    const refused = await onSave(checked.procedure);
    setSaving(false);
    if (refused) {
      const field = formField(refused.field);
      if (shownFields(current).has(field)) form.setFieldError(field, refused.message);
      setProblem({ title: t('editor.notSaved'), lines: problemSummary(t, { [field]: refused.message }, current) });
    }
  };

  const stages = values.stages;
  return (
    <Group align="flex-start" gap="lg" wrap="wrap">
      <form style={{ flex: '2 1 520px', minWidth: 0 }} onSubmit={form.onSubmit(() => void submit())}>
        <Stack gap="sm">
          {inUse && (
            <Alert color="blue" variant="light" title={t('editor.inUse')}>
              {t('editor.inUseText', {
                next: procedure.version + 1,
                date: formatDate(inUse),
                version: procedure.version,
              })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput label={t('editor.name')} {...form.getInputProps('name')} />
            {/* The app's date box (typed in the interface language's order), not the browser's own. */}
            <DateField
              label={t('editor.effective')}
              description={inUse ? t('editor.effectiveInUse') : t('editor.optional')}
              withWords={false}
              {...form.getInputProps('effectiveFrom')}
            />
            <Select
              label={t('editor.regime')}
              data={regimes}
              allowDeselect={false}
              {...form.getInputProps('regimeId')}
            />
            <Select
              label={t('editor.scheme')}
              data={schemes}
              allowDeselect={false}
              {...form.getInputProps('adrSchemeId')}
            />
            <Select
              label={t('editor.calendar')}
              data={CALENDARS.map((c) => ({ value: c, label: t(`model.calendar.${c}`) }))}
              allowDeselect={false}
              {...form.getInputProps('defaultCalendar')}
            />
            <MultiSelect
              label={t('editor.channels')}
              data={CHANNELS.map((c) => ({ value: c, label: t(`model.channel.${c}`) }))}
              {...form.getInputProps('channels')}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {values.copiedFrom
              ? t('editor.idCopied', { id: values.id, from: values.copiedFrom })
              : t('editor.idOwn', { id: values.id })}
          </Text>

          <TargetFields form={form} path="acknowledgement" label={t('editor.acknowledgement')} />
          <TargetFields form={form} path="firstResponse.default" label={t('editor.firstResponse')} />
          <Fieldset legend={t('editor.byChannel')} variant="unstyled">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
              {values.channels.map((c) => (
                <TargetFields
                  key={c}
                  form={form}
                  path={`firstResponse.byChannel.${c}`}
                  label={t('editor.firstResponseChannel', { channel: t(`model.channel.${c}`).toLowerCase() })}
                />
              ))}
            </SimpleGrid>
          </Fieldset>

          <Title order={4} size="h5" mt="sm">
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
                <TextInput label={t('editor.stageName', { n: i + 1 })} {...form.getInputProps(`stages.${i}.name`)} />
                <TextInput label={t('editor.stageOwner', { n: i + 1 })} {...form.getInputProps(`stages.${i}.owner`)} />
              </SimpleGrid>
              <Textarea
                label={t('editor.stageWhat', { n: i + 1 })}
                autosize
                minRows={1}
                mt="xs"
                {...form.getInputProps(`stages.${i}.description`)}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                <MultiSelect
                  label={t('editor.stageMovesOn', { n: i + 1 })}
                  data={ESCALATION_TRIGGERS.map((e) => ({ value: e, label: t(`editor.trigger.${e}`) }))}
                  {...form.getInputProps(`stages.${i}.escalateWhen`)}
                />
                <MultiSelect
                  label={t('editor.stageEnteredBy', { n: i + 1 })}
                  placeholder={t('editor.escalation')}
                  data={STAGE_ENTRY_EVENTS.map((e) => ({ value: e, label: t(`editor.entry.${e}`) }))}
                  {...form.getInputProps(`stages.${i}.enteredBy`)}
                />
              </SimpleGrid>
              <Checkbox
                mt="xs"
                label={t('editor.external')}
                {...form.getInputProps(`stages.${i}.external`, { type: 'checkbox' })}
              />
              <Divider my="xs" variant="dashed" />
              <TargetFields form={form} path={`stages.${i}.target`} label={t('editor.stageTarget', { n: i + 1 })} />
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

          <Title order={4} size="h5" mt="sm">
            {t('editor.letters')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Textarea
              label={t('editor.escalateEn')}
              description={t('editor.escalateHint')}
              autosize
              minRows={2}
              {...form.getInputProps('wording.escalation.en')}
            />
            <Textarea
              label={t('editor.escalateFr')}
              autosize
              minRows={2}
              {...form.getInputProps('wording.escalation.fr')}
            />
            <Textarea
              label={t('editor.promiseEn')}
              description={t('editor.promiseHint')}
              autosize
              minRows={2}
              {...form.getInputProps('wording.promisedTimeFrame.en')}
            />
            <Textarea
              label={t('editor.promiseFr')}
              autosize
              minRows={2}
              {...form.getInputProps('wording.promisedTimeFrame.fr')}
            />
          </SimpleGrid>
          <Textarea label={t('editor.notes')} autosize minRows={2} {...form.getInputProps('notes')} />

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
        style={{ flex: '1 1 280px', position: 'sticky', top: 60 }}
        component="aside"
        aria-labelledby="procedure-preview"
      >
        <Title order={4} size="h5" id="procedure-preview">
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
