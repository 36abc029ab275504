import {
  Alert,
  Button,
  FileButton,
  Group,
  Image,
  Input,
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
import { CALENDARS, CALENDAR_LABELS } from '#shared/model/case';
import { LOGO_MAX_BYTES, settingsToForm, validateSettings, type SettingsForm } from '#shared/model/settings';
import { getProcedure, listAdrSchemes } from '#shared/rules/index';
import { procedureOptions } from '#lib/rules';
import { todayIso } from '#lib/today';
import { useSettings } from '#db/hooks';
import { saveSettings } from '#db/repositories/cases';
import { db } from '#db/schema';
import { RestorePanel } from '#features/data';
import { ensureDeskPerson } from '#features/people';
import { readLogoFile } from './logo';
import { PeopleSettings } from './PeopleSettings';
import { keepRetention } from '#features/privacy';
import { RetentionSettings } from '#features/privacy';
import { ProceduresView } from './ProceduresView';
import { ADDRESS_HINT } from '#shared/model/stored';
import { ScreenTitle } from '#ui/ScreenTitle';

/** The ADR scheme choice that means "the scheme of each case's procedure" (stored as no scheme). */
const OWN_SCHEME = 'procedure';

function LogoField({ value, onChange, error }: { value: string; onChange: (dataUrl: string) => void; error?: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const shown = problem ?? error ?? null;
  return (
    <div>
      <Input.Label id="logo-label">Logo</Input.Label>
      <Input.Description mb={6}>
        A PNG or JPEG of at most {Math.round(LOGO_MAX_BYTES / 1024)} KB, printed at the top of every letter.
      </Input.Description>
      <Group gap="md" align="center">
        <Paper
          withBorder
          radius="sm"
          w={180}
          h={72}
          p={6}
          style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}
        >
          {value ? (
            <Image src={value} alt="The company's logo" fit="contain" mah={58} maw={166} />
          ) : (
            <Text size="xs" c="dimmed">
              No logo
            </Text>
          )}
        </Paper>
        <FileButton
          accept="image/png,image/jpeg"
          onChange={async (file) => {
            if (!file) return;
            setReading(true);
            const result = await readLogoFile(file);
            setReading(false);
            if (result.ok) {
              setProblem(null);
              onChange(result.dataUrl);
            } else setProblem(result.error);
          }}
        >
          {(props) => (
            <Button {...props} variant="default" size="xs" loading={reading} aria-describedby="logo-label">
              {value ? 'Choose another logo…' : 'Choose a logo…'}
            </Button>
          )}
        </FileButton>
        {value && (
          <Button
            variant="subtle"
            color="gray"
            size="xs"
            onClick={() => {
              setProblem(null);
              onChange('');
            }}
          >
            Remove logo
          </Button>
        )}
      </Group>
      {shown && (
        <Text size="sm" c="red.8" mt={6} role="alert">
          {shown}
        </Text>
      )}
    </div>
  );
}

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

  const submit = form.onSubmit(async (values) => {
    const result = validateSettings(values, {
      procedureIds: options.map((o) => o.value),
      adrSchemeIds: schemes.map((s) => s.id),
    });
    if (!result.ok) {
      form.setErrors(result.errors);
      return;
    }
    setSaving(true);
    try {
      await saveSettings(db(), keepRetention(result.value, settings));
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
          <PeopleSettings />
          <RetentionSettings />
          <ProceduresView today={today} defaultProcedureId={settings.defaultProcedureId} />
        </>
      )}
    </Stack>
  );
}
