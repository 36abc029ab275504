import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { CALENDARS, CALENDAR_LABELS } from '../../../../shared/model/case';
import { settingsToForm, validateSettings, type SettingsForm } from '../../../../shared/model/settings';
import { procedureOptions } from '../../app/rules';
import { useSettings } from '../../db/hooks';
import { saveSettings } from '../../db/repository';
import { db } from '../../db/schema';

export function SettingsPage({ firstRun = false }: { firstRun?: boolean }) {
  const settings = useSettings();
  const form = useForm<SettingsForm>({ initialValues: settingsToForm(null) });
  const [loaded, setLoaded] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (settings !== undefined && !loaded) {
      form.setValues(settingsToForm(settings));
      setLoaded(true);
    }
  }, [settings, loaded, form]);

  const options = procedureOptions();

  const submit = form.onSubmit(async (values) => {
    const result = validateSettings(values, options.map((o) => o.value));
    if (!result.ok) {
      form.setErrors(result.errors);
      return;
    }
    setSaving(true);
    try {
      await saveSettings(db(), result.value);
      notifications.show({ color: 'teal', title: 'Settings saved', message: `Reference numbers will start ${result.value.deskPrefix}-` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Settings not saved', message: String(error) });
    } finally {
      setSaving(false);
    }
  });

  return (
    <Stack maw={760} gap="md">
      <Title order={2}>{firstRun ? 'Set up your desk' : 'Settings'}</Title>
      {firstRun && (
        <Alert color="teal" variant="light">
          Enter your company's details once. They go on the letterhead of every letter, and the desk prefix starts every reference number.
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4}>Letterhead</Title>
          <TextInput label="Company name" withAsterisk {...form.getInputProps('companyName')} />
          <Textarea label="Postal address" description="One line per row" autosize minRows={3} withAsterisk {...form.getInputProps('addressLines')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Postcode" withAsterisk {...form.getInputProps('postcode')} />
            <TextInput label="Phone" {...form.getInputProps('phone')} />
            <TextInput label="Email" {...form.getInputProps('email')} />
          </SimpleGrid>
          <Title order={4} mt="sm">
            The desk
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Desk prefix" description="Starts every reference, e.g. RDR-2026-000042" withAsterisk {...form.getInputProps('deskPrefix')} />
            <TextInput label="Your name" description="Recorded on every timeline entry and letter" withAsterisk {...form.getInputProps('handlerName')} />
            <Select
              label="Working-day calendar"
              description="Bank holidays of the office's nation"
              data={CALENDARS.map((c) => ({ value: c, label: CALENDAR_LABELS[c] }))}
              allowDeselect={false}
              withAsterisk
              {...form.getInputProps('calendar')}
            />
            <Select label="Complaints procedure" data={options} allowDeselect={false} withAsterisk {...form.getInputProps('defaultProcedureId')} />
          </SimpleGrid>
          <Group mt="md">
            <Button type="submit" loading={saving}>
              Save settings
            </Button>
            <Text size="sm" c="dimmed">
              Stored on this computer only.
            </Text>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
