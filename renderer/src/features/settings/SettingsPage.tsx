import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { Select } from '#ui/Select';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { CALENDARS, type CalendarId } from '#shared/model/case';
import { settingsToForm, validateSettings, type SettingsForm } from '#shared/model/settings';
import { getProcedure, isProcedureRetired, listAdrSchemes, providerMismatches } from '#shared/rules/index';
import { procedureChoiceOptions } from '#lib/rules';
import { todayIso } from '#lib/today';
import { typedFields } from '#lib/forms';
import { useSettings } from '#db/hooks';
import { saveSettings, upcomingReference } from '#db/repositories/cases';
import { db } from '#db/schema';
import { RestorePanel } from '#features/data';
import { ensureDeskPerson } from '#features/people';
import { LetterheadFields } from './LetterheadFields';
import { MismatchReason } from './MismatchReason';
import { SchemeUnverified } from './SchemeUnverified';
import { ProvidersSettings } from './ProvidersSettings';
import { PeopleSettings } from './PeopleSettings';
import { keepRetention } from '#features/privacy';
import { RetentionSettings } from '#features/privacy';
import { SharingPanel } from '#features/sharing';
import { ProceduresView } from './ProceduresView';
import { deskProviders, regionLanguages, regionOfCalendar, usualProvider } from '#shared/model/provider';
import { ScreenTitle } from '#ui/ScreenTitle';
import { errorIn, type MessageKey, useLocale, useT } from '#lib/i18n/index';
import { type NamedScheme, schemeFullNameIn } from '#shared/letters/index';
import { letterheadErrorsIn } from './letterhead-errors';
import { focusFirstInvalid } from '#lib/focus-invalid';
import { LanguageSettings } from './LanguageSettings';
import { formErrorsIn } from './form-errors';

/** The ADR scheme choice that means "the scheme of each case's procedure" (stored as no scheme). */
const OWN_SCHEME = 'procedure';

export function SettingsPage({ firstRun = false }: { firstRun?: boolean }) {
  const settings = useSettings();
  const t = useT();
  const form = useForm<SettingsForm>({ initialValues: settingsToForm(null) });
  const formRef = useRef<HTMLFormElement>(null);
  const [loaded, setLoaded] = useState(false);
  const [saving, setSaving] = useState(false);
  const [, navigate] = useLocation();
  const today = todayIso();

  // The settings as stored, as the form shows them (the usual provider's letterhead, procedure and calendar).
  const stored = useMemo(() => (settings === undefined ? undefined : settingsToForm(settings)), [settings]);
  // What the form was filled in from: when the stored settings change while it is open (another desk's change, the
  // usual provider edited in the Providers list below), the fields the person has not changed follow them and the
  // ones they typed stay (typedFields), so "Save settings" never writes an old value back (explore32-team #2).
  const filledFrom = useRef<SettingsForm | null>(null);
  const { getValues, setValues } = form;
  useEffect(() => {
    if (stored === undefined) return;
    const before = filledFrom.current;
    // The same settings read again (a sync round writes the row unchanged): nothing to follow, nothing to redraw (the
    // form's messages stay, as a refused save left them).
    if (before && JSON.stringify(before) === JSON.stringify(stored)) return;
    filledFrom.current = stored;
    setValues(before ? { ...stored, ...typedFields(getValues(), before) } : stored);
    setLoaded(true);
  }, [stored, getValues, setValues]);

  // A retired procedure is no desk's default, unless it already is: the usual provider's (another desk retired it, or
  // put the provider on it, meanwhile), shown "… (retired)" and kept, so the rest of the settings can be saved.
  const options = procedureChoiceOptions(stored?.defaultProcedureId, t);
  const schemes = useMemo(() => listAdrSchemes(today), [today]);
  // A scheme by its name in the interface's language where the directory has one (the CCTS is the CPRST in French).
  const { locale } = useLocale();
  const schemeName = (s: NamedScheme) => schemeFullNameIn(locale, s);
  const procedureSchemeId = (() => {
    try {
      return getProcedure(form.values.defaultProcedureId).adrSchemeId;
    } catch {
      return undefined;
    }
  })();
  const procedureSchemeDetails = schemes.find((s) => s.id === procedureSchemeId);
  const procedureScheme = procedureSchemeDetails && schemeName(procedureSchemeDetails);
  const schemeOptions = [
    {
      value: OWN_SCHEME,
      label: procedureScheme ? t('settings.ownSchemeNow', { scheme: procedureScheme }) : t('settings.ownScheme'),
    },
    ...schemes.map((s) => ({
      value: s.id,
      label: s.country === 'CA' ? t('settings.schemeCanada', { scheme: schemeName(s) }) : schemeName(s),
    })),
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
      // In a team, the prefix stays the one the team checked when the desk joined (p8b, G5).
      ...(db().sharing && settings ? { teamPrefix: settings.deskPrefix } : {}),
    });
    // The form's own checks, then a letterhead the letters could not print (./letterhead-errors.ts).
    const errors = result.ok ? letterheadErrorsIn(t, values) : formErrorsIn(t, result.errors);
    if (!result.ok || errors) {
      form.setErrors(errors ?? {});
      focusFirstInvalid(formRef.current);
      return;
    }
    if (warnings.length > 0 && !reason.trim()) {
      setReasonError(t('settings.whyMissing'));
      focusFirstInvalid(formRef.current);
      return;
    }
    setReasonError(null);
    setSaving(true);
    try {
      await saveSettings(
        db(),
        keepRetention(result.value, settings),
        warnings.length > 0 ? { reason: reason.trim(), codes: warnings.map((w) => w.code) } : undefined,
        locale,
      );
      await ensureDeskPerson(db(), result.value.handlerName);
      const year = Number(todayIso().slice(0, 4));
      const reference = await upcomingReference(db(), result.value.deskPrefix, year);
      notifications.show({
        color: 'teal',
        title: t('settings.saved'),
        message: t('settings.savedMessage', { reference }),
      });
    } catch (error) {
      notifications.show({ color: 'red', title: t('settings.notSaved'), message: errorIn(t, error) });
    } finally {
      setSaving(false);
    }
  });

  return (
    <Stack maw={820} gap="lg">
      <ScreenTitle>{firstRun ? t('settings.firstRunTitle') : t('settings.title')}</ScreenTitle>
      {firstRun && (
        <Alert color="teal" variant="light" role="note">
          {t('settings.firstRunIntro')}
        </Alert>
      )}
      {firstRun && (
        // A desk moving to a new computer: its backup brings the settings, people and cases; the app then opens on
        // the dashboard (restoring the settings ends the first run).
        <Paper component="section" withBorder radius="md" p="md" aria-label={t('settings.restore')}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('settings.restoreTitle')}
            </Title>
            <RestorePanel firstRun onRestored={() => navigate('/')} />
          </Stack>
        </Paper>
      )}
      {/* Shown once the stored settings are read: the form must not be filled in and then overwritten by them. */}
      {!loaded ? (
        <Loader size="sm" aria-label={t('settings.reading')} />
      ) : (
        <Paper
          component="section"
          withBorder={!firstRun}
          radius="md"
          p={firstRun ? 0 : 'md'}
          aria-label={t('settings.desk')}
        >
          <form ref={formRef} onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('settings.letterhead')}
              </Title>
              {settings && deskProviders(settings).length > 1 && (
                <Text size="sm" c="dimmed">
                  {t('settings.usualProvider', { name: usualProvider(settings).name })}
                </Text>
              )}
              <LetterheadFields form={form} />
              <Title order={2} size="h4" mt="sm">
                {t('settings.theDesk')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('settings.deskPrefix')}
                  description={t('settings.deskPrefixHint')}
                  withAsterisk
                  {...form.getInputProps('deskPrefix')}
                />
                <TextInput
                  label={t('settings.yourName')}
                  description={firstRun ? t('settings.yourNameFirstRun') : t('settings.yourNameHint')}
                  withAsterisk
                  {...form.getInputProps('handlerName')}
                />
                <Select
                  label={t('settings.calendar')}
                  description={t('settings.calendarHint')}
                  data={CALENDARS.map((c) => ({ value: c, label: t(`model.calendar.${c}` as MessageKey) }))}
                  allowDeselect={false}
                  withAsterisk
                  {...form.getInputProps('calendar')}
                />
                <Select
                  label={t('settings.procedure')}
                  description={
                    // Retired (another desk retired it, or put the usual provider on it, meanwhile): said in full,
                    // as the choice's "(retired)" may be cut short in the box.
                    isProcedureRetired(form.values.defaultProcedureId)
                      ? t('settings.procedureRetired')
                      : t('settings.procedureHint')
                  }
                  data={options}
                  allowDeselect={false}
                  withAsterisk
                  {...form.getInputProps('defaultProcedureId')}
                />
              </SimpleGrid>
              <Select
                label={t('settings.adrScheme')}
                description={t('settings.adrSchemeHint')}
                data={schemeOptions}
                allowDeselect={false}
                value={form.values.adrSchemeId || OWN_SCHEME}
                onChange={(v) => form.setFieldValue('adrSchemeId', !v || v === OWN_SCHEME ? '' : v)}
                error={form.errors.adrSchemeId}
              />
              <SchemeUnverified schemeId={form.values.adrSchemeId || procedureSchemeId} today={today} />
              <MismatchReason
                warnings={warnings}
                reason={{ value: reason, onChange: (e) => setReason(e.currentTarget.value), error: reasonError }}
              />
              <Group mt="md">
                <Button type="submit" loading={saving}>
                  {t('settings.save')}
                </Button>
                <Text size="sm" c="dimmed">
                  {t('settings.storedHere')}
                </Text>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      <LanguageSettings />
      {!firstRun && settings && (
        <>
          <ProvidersSettings />
          <PeopleSettings />
          <SharingPanel />
          <RetentionSettings />
          {/* The procedure a new complaint gets unless another is chosen: the usual provider's (explore32). */}
          <ProceduresView today={today} defaultProcedureId={usualProvider(settings).procedureId} />
        </>
      )}
    </Stack>
  );
}
