// The procedure editor (issue #16): a desk's own procedure's stages, owners, order and targets, its acknowledgement and
// first-response targets, regime and ADR scheme, the words its letters use, and (for a procedure cases follow) the day
// a new version takes effect. Checked with THE procedure schema (shared/rules `checkProcedureForm`); each problem next
// to its field. Beside it, the preview: what a complaint received today by letter would be due, from the rules engine.
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
import { CALENDARS, CALENDAR_LABELS, CHANNELS, CHANNEL_LABELS, type CalendarId } from '#shared/model/case';
import {
  checkProcedureForm,
  DURATION_UNITS,
  emptyStage,
  ESCALATION_TRIGGERS,
  listAdrSchemes,
  listRegimes,
  previewProcedure,
  procedureFromForm,
  procedureToForm,
  type Procedure,
  type ProcedureForm,
  STAGE_ENTRY_EVENTS,
} from '#shared/rules/index';
import { formatDate } from '#lib/format';

const UNIT_LABELS = { 'working-days': 'working days', days: 'days', weeks: 'weeks', months: 'months' } as const;
const TRIGGER_LABELS = {
  'customer-request': 'the customer asks',
  unresolved: 'it is not resolved',
  'missed-target': 'the target is missed',
} as const;
const ENTRY_LABELS = {
  escalated: 'escalated',
  deadlock: 'deadlock',
  'referred-to-adr': 'referred to the ADR scheme',
  'ccts-referral': 'CCTS referral',
} as const;

type Form = ReturnType<typeof useForm<ProcedureForm>>;

/** One target: on/off, amount, unit, what is due. `path` is the form path (`stages.0.target`). */
function TargetFields({ form, path, label }: { form: Form; path: string; label: string }) {
  const on = form.getInputProps(`${path}.on`, { type: 'checkbox' });
  const set = Boolean(on.checked);
  return (
    <Fieldset legend={label} variant="filled" p="xs">
      <Checkbox label={`${label}: set a target`} {...on} mb={set ? 'xs' : 0} />
      {set && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <NumberInput
            label={`${label}: amount`}
            min={0}
            allowDecimal={false}
            {...form.getInputProps(`${path}.amount`)}
          />
          <Select
            label={`${label}: unit`}
            data={DURATION_UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u] }))}
            allowDeselect={false}
            {...form.getInputProps(`${path}.unit`)}
          />
          <TextInput label={`${label}: what is due`} {...form.getInputProps(`${path}.what`)} />
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
  const [problem, setProblem] = useState<string | null>(null);
  const [calendar, setCalendar] = useState<CalendarId>(deskCalendar);
  const values = form.getValues();
  // The preview follows every change of the fields (the form re-renders on each).
  const preview = previewProcedure(procedureFromForm(values), today, calendar);
  const regimes = useMemo(() => listRegimes().map((r) => ({ value: r.id, label: r.name })), []);
  const schemes = useMemo(() => listAdrSchemes(today).map((s) => ({ value: s.id, label: s.name })), [today]);

  const submit = async () => {
    setProblem(null);
    const checked = checkProcedureForm(form.getValues());
    if (!checked.ok) {
      form.setErrors(checked.errors);
      setProblem(
        `${checked.issues.length === 1 ? 'One field needs' : `${checked.issues.length} fields need`} a change.`,
      );
      return;
    }
    setSaving(true);
    const refused = await onSave(checked.procedure);
    setSaving(false);
    if (refused) {
      form.setFieldError(refused.field.replace(/\[(\d+)\]/g, '.$1'), refused.message);
      setProblem(refused.message);
    }
  };

  const stages = values.stages;
  return (
    <Group align="flex-start" gap="lg" wrap="wrap">
      <form style={{ flex: '2 1 520px', minWidth: 0 }} onSubmit={form.onSubmit(() => void submit())}>
        <Stack gap="sm">
          {inUse && (
            <Alert color="blue" variant="light" title="Cases follow this procedure">
              Saving makes version {procedure.version + 1}. Cases received up to {formatDate(inUse)} keep version{' '}
              {procedure.version}; give the day the new version takes effect (after {formatDate(inUse)}).
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput label="Name" {...form.getInputProps('name')} />
            <TextInput
              label="Takes effect on"
              type="date"
              description={inUse ? 'Complaints received on or after this day follow the new version' : 'Optional'}
              {...form.getInputProps('effectiveFrom')}
            />
            <Select label="Regime" data={regimes} allowDeselect={false} {...form.getInputProps('regimeId')} />
            <Select label="ADR scheme" data={schemes} allowDeselect={false} {...form.getInputProps('adrSchemeId')} />
            <Select
              label="Usual calendar"
              data={CALENDARS.map((c) => ({ value: c, label: CALENDAR_LABELS[c] }))}
              allowDeselect={false}
              {...form.getInputProps('defaultCalendar')}
            />
            <MultiSelect
              label="Channels"
              data={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
              {...form.getInputProps('channels')}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Id {values.id} · {values.copiedFrom ? `copied from ${values.copiedFrom}` : 'the desk’s own'}
          </Text>

          <TargetFields form={form} path="acknowledgement" label="Acknowledgement" />
          <TargetFields form={form} path="firstResponse.default" label="First response" />
          <Fieldset legend="First response by channel (instead of the one above)" variant="unstyled">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
              {values.channels.map((c) => (
                <TargetFields
                  key={c}
                  form={form}
                  path={`firstResponse.byChannel.${c}`}
                  label={`First response (${CHANNEL_LABELS[c].toLowerCase()})`}
                />
              ))}
            </SimpleGrid>
          </Fieldset>

          <Title order={4} size="h5" mt="sm">
            Stages, in order
          </Title>
          {stages.map((stage, i) => (
            <Paper
              key={`${stage.id}-${i}`}
              withBorder
              p="sm"
              radius="sm"
              aria-label={`Stage ${i + 1}`}
              component="section"
            >
              <Group justify="space-between" mb="xs">
                <Text fw={600} size="sm">
                  Stage {i + 1}{' '}
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
                    aria-label={`Move stage ${i + 1} up`}
                  >
                    Up
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="default"
                    disabled={i === stages.length - 1}
                    onClick={() => form.reorderListItem('stages', { from: i, to: i + 1 })}
                    aria-label={`Move stage ${i + 1} down`}
                  >
                    Down
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    disabled={stages.length === 1}
                    onClick={() => form.removeListItem('stages', i)}
                    aria-label={`Remove stage ${i + 1}`}
                  >
                    Remove
                  </Button>
                </Group>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput label={`Stage ${i + 1}: name`} {...form.getInputProps(`stages.${i}.name`)} />
                <TextInput label={`Stage ${i + 1}: owner`} {...form.getInputProps(`stages.${i}.owner`)} />
              </SimpleGrid>
              <Textarea
                label={`Stage ${i + 1}: what happens`}
                autosize
                minRows={1}
                mt="xs"
                {...form.getInputProps(`stages.${i}.description`)}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                <MultiSelect
                  label={`Stage ${i + 1}: moves on when`}
                  data={ESCALATION_TRIGGERS.map((t) => ({ value: t, label: TRIGGER_LABELS[t] }))}
                  {...form.getInputProps(`stages.${i}.escalateWhen`)}
                />
                <MultiSelect
                  label={`Stage ${i + 1}: entered by`}
                  placeholder="escalation"
                  data={STAGE_ENTRY_EVENTS.map((t) => ({ value: t, label: ENTRY_LABELS[t] }))}
                  {...form.getInputProps(`stages.${i}.enteredBy`)}
                />
              </SimpleGrid>
              <Checkbox
                mt="xs"
                label="Run outside the provider (an ADR scheme, the CCTS)"
                {...form.getInputProps(`stages.${i}.external`, { type: 'checkbox' })}
              />
              <Divider my="xs" variant="dashed" />
              <TargetFields form={form} path={`stages.${i}.target`} label={`Stage ${i + 1} target`} />
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
              Add a stage
            </Button>
          </Group>

          <Title order={4} size="h5" mt="sm">
            What the letters say
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Textarea
              label="How to escalate (English)"
              description="Who the customer can escalate to, in the provider’s words"
              autosize
              minRows={2}
              {...form.getInputProps('wording.escalation.en')}
            />
            <Textarea
              label="How to escalate (French)"
              autosize
              minRows={2}
              {...form.getInputProps('wording.escalation.fr')}
            />
            <Textarea
              label="Time frame we promise (English)"
              description="Printed on the acknowledgement when the procedure sets no reply date"
              autosize
              minRows={2}
              {...form.getInputProps('wording.promisedTimeFrame.en')}
            />
            <Textarea
              label="Time frame we promise (French)"
              autosize
              minRows={2}
              {...form.getInputProps('wording.promisedTimeFrame.fr')}
            />
          </SimpleGrid>
          <Textarea label="Notes (one a line)" autosize minRows={2} {...form.getInputProps('notes')} />

          {problem && (
            <Alert color="red" variant="light" role="alert">
              {problem}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={saving}>
              {inUse ? `Save as version ${procedure.version + 1}` : 'Save'}
            </Button>
            <Button variant="default" onClick={onCancel}>
              Cancel
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
          Preview
        </Title>
        <Select
          label="Calendar"
          size="xs"
          data={CALENDARS.map((c) => ({ value: c, label: CALENDAR_LABELS[c] }))}
          value={calendar}
          allowDeselect={false}
          onChange={(v) => v && setCalendar(v as CalendarId)}
          mb="xs"
        />
        <Text size="sm" mb="xs">
          A complaint received today ({formatDate(today)}) by letter would be due:
        </Text>
        {'error' in preview ? (
          <Text size="sm" c="red.8">
            {preview.error}
          </Text>
        ) : preview.lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing: no clock runs.
          </Text>
        ) : (
          <List size="sm" spacing={6} aria-label="Due dates of a complaint received today by letter">
            {preview.lines.map((l) => (
              <List.Item key={l.label} title={l.explanation}>
                <b>{l.label}</b>: {l.dueOn ? formatDate(l.dueOn) : 'no date'}
                <Text size="xs" c="dimmed">
                  {l.explanation}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
    </Group>
  );
}
