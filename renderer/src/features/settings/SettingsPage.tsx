import {
  Alert,
  Button,
  Group,
  Loader,
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
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { CALENDARS, CALENDAR_LABELS, type CalendarId } from '#shared/model/case';
import { settingsToForm, validateSettings, type SettingsForm } from '#shared/model/settings';
import { getProcedure, listAdrSchemes, providerMismatches } from '#shared/rules/index';
import { procedureOptions } from '#lib/rules';
import { todayIso } from '#lib/today';
import { useSettings } from '#db/hooks';
import { saveSettings } from '#db/repositories/cases';
import { db } from '#db/schema';
import { RestorePanel } from '#features/data';
import { ensureDeskPerson } from '#features/people';
import { LogoField } from './LogoField';
import { ProvidersSettings } from './ProvidersSettings';
import { PeopleSettings } from './PeopleSettings';
import { keepRetention } from '#features/privacy';
import { RetentionSettings } from '#features/privacy';
import { SharingPanel } from '#features/sharing';
import { ProceduresView } from './ProceduresView';
import { ADDRESS_HINT } from '#shared/model/stored';
import { deskProviders, regionLanguages, regionOfCalendar, usualProvider } from '#shared/model/provider';
import { ScreenTitle } from '#ui/ScreenTitle';

/** The ADR scheme choice that means "the scheme of each case's procedure" (stored as no scheme). */
const OWN_SCHEME = 'procedure';

export function SettingsPage({ firstRun = false }: { firstRun?: boolean }) {
  const settings = useSettings();
  const form = useForm<SettingsForm>({ initialValues: settingsToForm(null) });
  const [loaded, setLoaded] = useState(false);
  const [saving, setSaving] = useState(false);
  const [, navigate] = useLocation();
  const today = todayIso();

  useEffect(() => {
    if (settings !== undefined && !loaded) {
      form.setValues(settingsToForm(settings));
      setLoaded(true);
    }
  }, [settings, loaded, form]);

  const options = procedureOptions();
  const schemes = useMemo(() => listAdrSchemes(today), [today]);
  const procedureScheme = (() => {
    try {
      const p = getProcedure(form.values.defaultProcedureId);
      return schemes.find((s) => s.id === p.adrSchemeId)?.name;
    } catch {
      return undefined;
    }
  })();
  const schemeOptions = [
    {
      value: OWN_SCHEME,
      label: procedureScheme
        ? `As the case's procedure says (now: ${procedureScheme})`
        : "As the case's procedure says",
    },
    ...schemes.map((s) => ({ value: s.id, label: `${s.name}${s.country === 'CA' ? ' · Canada' : ''}` })),
  ];

  // What does not fit together in the usual provider as the form would save it (issue #16): warned of, saved only
  // with a reason.
  const usual = settings ? usualProvider(settings) : null;
  const calendar = (CALENDARS as readonly string[]).includes(form.values.calendar)
    ? (form.values.calendar as CalendarId)
    : 'england-and-wales';
  // The form has no region: the calendar's is the provider's (savedDeskForm).
  const region = regionOfCalendar(calendar);
  const warnings = providerMismatches({
    procedureId: form.values.defaultProcedureId,
    calendar,
    adrSchemeId: form.values.adrSchemeId || undefined,
    languages: usual && usual.region === region ? usual.languages : regionLanguages(region).languages,
    region,
  });
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const submit = form.onSubmit(async (values) => {
    const result = validateSettings(values, {
      procedureIds: options.map((o) => o.value),
      adrSchemeIds: schemes.map((s) => s.id),
    });
    if (!result.ok) {
      form.setErrors(result.errors);
      return;
    }
    if (warnings.length > 0 && !reason.trim()) {
      setReasonError('Say why it is set up this way despite the warnings above');
      return;
    }
    setReasonError(null);
    setSaving(true);
    try {
      await saveSettings(
        db(),
        keepRetention(result.value, settings),
        warnings.length > 0 ? { reason: reason.trim(), codes: warnings.map((w) => w.code) } : undefined,
      );
      await ensureDeskPerson(db(), result.value.handlerName);
      notifications.show({
        color: 'teal',
        title: 'Settings saved',
        message: `Reference numbers will start ${result.value.deskPrefix}-`,
      });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Settings not saved', message: String(error) });
    } finally {
      setSaving(false);
    }
  });

  return (
    <Stack maw={820} gap="lg">
      <ScreenTitle>{firstRun ? 'Set up your desk' : 'Settings'}</ScreenTitle>
      {firstRun && (
        <Alert color="teal" variant="light">
          Enter your company's details once. They go on the letterhead of every letter, and the desk prefix starts every
          reference number.
        </Alert>
      )}
      {firstRun && (
        // A desk moving to a new computer: its backup brings the settings, people and cases; the app then opens on
        // the dashboard (restoring the settings ends the first run).
        <Paper component="section" withBorder radius="md" p="md" aria-label="Restore from a backup">
          <Stack gap="sm">
            <Title order={3} size="h4">
              Moving from another computer? Restore from a backup
            </Title>
            <RestorePanel firstRun onRestored={() => navigate('/')} />
          </Stack>
        </Paper>
      )}
      {/* Shown once the stored settings are read: the form must not be filled in and then overwritten by them. */}
      {!loaded ? (
        <Loader size="sm" aria-label="Reading the desk settings" />
      ) : (
        <Paper
          component="section"
          withBorder={!firstRun}
          radius="md"
          p={firstRun ? 0 : 'md'}
          aria-label="Desk settings"
        >
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Title order={3} size="h4">
                Letterhead
              </Title>
              {settings && deskProviders(settings).length > 1 && (
                <Text size="sm" c="dimmed">
                  The letterhead, procedure, calendar and ADR scheme here are the usual provider’s (
                  {usualProvider(settings).name}); the other providers’ are under Providers below.
                </Text>
              )}
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
              <Title order={3} size="h4" mt="sm">
                The desk
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Desk prefix"
                  description="Starts every reference, e.g. RDR-2026-000042"
                  withAsterisk
                  {...form.getInputProps('deskPrefix')}
                />
                <TextInput
                  label="Your name"
                  description={
                    firstRun
                      ? 'Recorded on every timeline entry and letter'
                      : 'The desk’s first handler; add others under People'
                  }
                  withAsterisk
                  {...form.getInputProps('handlerName')}
                />
                <Select
                  label="Working-day calendar"
                  description="Bank holidays of the office's nation"
                  data={CALENDARS.map((c) => ({ value: c, label: CALENDAR_LABELS[c] }))}
                  allowDeselect={false}
                  withAsterisk
                  {...form.getInputProps('calendar')}
                />
                <Select
                  label="Complaints procedure"
                  description="Used for every new complaint"
                  data={options}
                  allowDeselect={false}
                  withAsterisk
                  {...form.getInputProps('defaultProcedureId')}
                />
              </SimpleGrid>
              <Select
                label="ADR scheme"
                description="The independent scheme named in ADR letters"
                data={schemeOptions}
                allowDeselect={false}
                value={form.values.adrSchemeId || OWN_SCHEME}
                onChange={(v) => form.setFieldValue('adrSchemeId', !v || v === OWN_SCHEME ? '' : v)}
                error={form.errors.adrSchemeId}
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
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={reasonError}
                />
              )}
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
        </Paper>
      )}
      {!firstRun && settings && (
        <>
          <ProvidersSettings />
          <PeopleSettings />
          <SharingPanel />
          <RetentionSettings />
          <ProceduresView
            today={today}
            defaultProcedureId={settings.defaultProcedureId}
            deskCalendar={settings.calendar}
          />
        </>
      )}
    </Stack>
  );
}
