// Settings → Providers (issue #16): the brands the desk handles complaints for. Each has its letterhead, procedure,
// calendar, ADR scheme, letter languages and regulator region; intake picks one per case. Added and edited in a
// dialog that warns of what does not fit together (shared/rules/provider-checks.ts) and asks why before saving;
// retired, never deleted: a retired provider takes no new cases, its cases keep working.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import {
  CALENDARS,
  CALENDAR_LABELS,
  LETTER_LANGUAGES,
  LETTER_LANGUAGE_LABELS,
  type CalendarId,
  type LetterLanguageCode,
} from '#shared/model/case';
import {
  deskProviders,
  REGULATOR_REGIONS,
  REGULATOR_REGION_LABELS,
  usualProvider,
  type Provider,
  type RegulatorRegion,
} from '#shared/model/provider';
import { providerToForm, validateProvider, type ProviderForm } from '#shared/model/provider-form';
import { ADDRESS_HINT } from '#shared/model/stored';
import { listAdrSchemes, providerMismatches } from '#shared/rules/index';
import { procedureName, procedureOptions } from '#lib/rules';
import { todayIso } from '#lib/today';
import { useSettings } from '#db/hooks';
import { retireProvider, saveProvider, setUsualProvider } from '#db/repositories/providers';
import { db } from '#db/schema';
import { LogoField } from './LogoField';

const OWN_SCHEME = 'procedure';

function warningsOf(values: ProviderForm) {
  return providerMismatches({
    procedureId: values.procedureId,
    calendar: values.calendar as CalendarId,
    adrSchemeId: values.adrSchemeId || undefined,
    languages: values.languages as LetterLanguageCode[],
    region: values.region as RegulatorRegion,
  });
}

function ProviderDialog({
  editing,
  onClose,
}: {
  /** The provider being edited; null to add one. */
  editing: Provider | null;
  onClose: () => void;
}) {
  const today = todayIso();
  const form = useForm<ProviderForm>({ initialValues: providerToForm(editing) });
  const [saving, setSaving] = useState(false);
  const options = procedureOptions();
  const schemes = useMemo(() => listAdrSchemes(today), [today]);
  const warnings = warningsOf(form.values);

  const submit = form.onSubmit(async (values) => {
    const result = validateProvider(
      values,
      { procedureIds: options.map((o) => o.value), adrSchemeIds: schemes.map((s) => s.id) },
      warningsOf(values),
    );
    if (!result.ok) {
      form.setErrors(result.errors);
      return;
    }
    setSaving(true);
    try {
      const saved = await saveProvider(db(), editing ? { ...result.value, id: editing.id } : result.value);
      notifications.show({ color: 'teal', title: 'Provider saved', message: saved.name });
      onClose();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Provider not saved', message: String(error) });
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={editing ? `Edit ${editing.name}` : 'New provider'}>
      <Stack gap="sm">
        <TextInput
          label="Provider name"
          description="As the desk picks it when logging a complaint"
          withAsterisk
          {...form.getInputProps('name')}
        />
        <Title order={4} size="h5">
          Letterhead
        </Title>
        <TextInput label="Company name" withAsterisk {...form.getInputProps('companyName')} />
        <Textarea
          label="Postal address"
          description={`One line per row. ${ADDRESS_HINT}`}
          autosize
          minRows={3}
          withAsterisk
          {...form.getInputProps('addressLines')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Postcode" withAsterisk {...form.getInputProps('postcode')} />
          <TextInput label="Phone" {...form.getInputProps('phone')} />
          <TextInput label="Email" {...form.getInputProps('email')} />
        </SimpleGrid>
        <LogoField
          value={form.values.logoDataUrl}
          error={typeof form.errors.logoDataUrl === 'string' ? form.errors.logoDataUrl : undefined}
          onChange={(dataUrl) => form.setFieldValue('logoDataUrl', dataUrl)}
        />
        <Title order={4} size="h5">
          Rules and letters
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Complaints procedure"
            data={options}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('procedureId')}
          />
          <Select
            label="Working-day calendar"
            data={CALENDARS.map((c) => ({ value: c, label: CALENDAR_LABELS[c] }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('calendar')}
          />
          <Select
            label="Regulator region"
            data={REGULATOR_REGIONS.map((r) => ({ value: r, label: REGULATOR_REGION_LABELS[r] }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('region')}
          />
          <Select
            label="ADR scheme"
            data={[
              { value: OWN_SCHEME, label: "As the provider's procedure says" },
              ...schemes.map((s) => ({ value: s.id, label: `${s.name}${s.country === 'CA' ? ' · Canada' : ''}` })),
            ]}
            allowDeselect={false}
            value={form.values.adrSchemeId || OWN_SCHEME}
            onChange={(v) => form.setFieldValue('adrSchemeId', !v || v === OWN_SCHEME ? '' : v)}
            error={form.errors.adrSchemeId}
          />
        </SimpleGrid>
        <Checkbox.Group
          label="Letter languages"
          withAsterisk
          value={form.values.languages}
          onChange={(v) => form.setFieldValue('languages', v)}
          error={form.errors.languages}
        >
          <Group mt={4}>
            {LETTER_LANGUAGES.map((l) => (
              <Checkbox key={l} value={l} label={LETTER_LANGUAGE_LABELS[l]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Select
          label="Default letter language"
          description="Letters start in it unless the customer asked for another"
          data={LETTER_LANGUAGES.map((l) => ({ value: l, label: LETTER_LANGUAGE_LABELS[l] }))}
          allowDeselect={false}
          withAsterisk
          {...form.getInputProps('defaultLanguage')}
        />
        {warnings.length > 0 && (
          <Alert color="yellow" variant="light" title="Check before saving" role="alert">
            <Stack gap={4}>
              {warnings.map((w) => (
                <Text size="sm" key={w.code} data-mismatch={w.code}>
                  {w.message}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {warnings.length > 0 && (
          <Textarea
            label="Why it is set up this way"
            description="Saved with the provider, so the next person knows it was meant"
            autosize
            minRows={2}
            withAsterisk
            {...form.getInputProps('mismatchReason')}
          />
        )}
        <Group>
          <Button type="submit" loading={saving}>
            Save provider
          </Button>
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ProvidersSettings() {
  const settings = useSettings();
  const [dialog, setDialog] = useState<{ editing: Provider | null } | null>(null);
  if (!settings) return null;
  const providers = deskProviders(settings);
  const usual = usualProvider(settings);

  const act = async (what: () => Promise<void>, done: string) => {
    try {
      await what();
      notifications.show({ color: 'teal', title: done, message: '' });
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'Not changed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="settings-providers">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id="settings-providers">
            Providers
          </Title>
          <Text size="sm" c="dimmed">
            The brands this desk handles complaints for. Each case keeps the provider it was logged for: its letters,
            dates and procedure follow that provider, whatever the usual one is later. A retired provider takes no new
            complaints; its cases keep working.
          </Text>
        </div>
        <Table aria-label="Providers" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Provider</Table.Th>
              <Table.Th>Procedure and calendar</Table.Th>
              <Table.Th>Letters</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {providers.map((p) => (
              <Table.Tr key={p.id} data-provider={p.id}>
                <Table.Td>
                  <Text size="sm" fw={500} c={p.retiredOn ? 'dimmed' : undefined}>
                    {p.name}{' '}
                    {p.id === usual.id && (
                      <Badge size="xs" variant="light">
                        Usual
                      </Badge>
                    )}
                    {p.retiredOn && (
                      <Badge size="xs" color="gray" variant="light">
                        Retired {p.retiredOn}
                      </Badge>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {p.company.name} · {REGULATOR_REGION_LABELS[p.region]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{procedureName(p.procedureId) ?? p.procedureId}</Text>
                  <Text size="xs" c="dimmed">
                    {CALENDAR_LABELS[p.calendar]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {p.languages.map((l) => LETTER_LANGUAGE_LABELS[l]).join(', ')}
                    {p.languages.length > 1 && ` (starting in ${LETTER_LANGUAGE_LABELS[p.defaultLanguage]})`}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Edit ${p.name}`}
                      onClick={() => setDialog({ editing: p })}
                    >
                      Edit
                    </Button>
                    {p.id !== usual.id && !p.retiredOn && (
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-label={`Make ${p.name} the usual provider`}
                        onClick={() => void act(() => setUsualProvider(db(), p.id), `${p.name} is the usual provider`)}
                      >
                        Make usual
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="subtle"
                      color="gray"
                      aria-label={`${p.retiredOn ? 'Bring back' : 'Retire'} ${p.name}`}
                      onClick={() =>
                        void act(
                          () => retireProvider(db(), p.id, p.retiredOn ? null : todayIso()),
                          p.retiredOn ? `${p.name} takes new complaints again` : `${p.name} retired`,
                        )
                      }
                    >
                      {p.retiredOn ? 'Bring back' : 'Retire'}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button variant="default" onClick={() => setDialog({ editing: null })}>
            Add a provider…
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog?.editing ? `Edit ${dialog.editing.name}` : 'New provider'}
        size="lg"
      >
        {dialog && (
          <ProviderDialog key={dialog.editing?.id ?? 'new'} editing={dialog.editing} onClose={() => setDialog(null)} />
        )}
      </Modal>
    </Paper>
  );
}
