// Settings → Providers (issue #16): the brands the desk handles complaints for. Each has its letterhead, procedure,
// calendar, ADR scheme, letter languages and regulator region; intake picks one per case. Added and edited in a
// dialog that warns of what does not fit together (shared/rules/provider-checks.ts) and asks why before saving;
// retired, never deleted: a retired provider takes no new cases, its cases keep working.
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { Select } from '#ui/Select';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo, useRef, useState } from 'react';
import { CALENDARS, LETTER_LANGUAGES, type CalendarId, type LetterLanguageCode } from '#shared/model/case';
import {
  deskProviders,
  REGULATOR_REGIONS,
  successorsOf,
  usualProvider,
  type Provider,
  type RegulatorRegion,
} from '#shared/model/provider';
import { providerToForm, validateProvider, withRegion, type ProviderForm } from '#shared/model/provider-form';
import { getProcedure, listAdrSchemes, providerMismatches } from '#shared/rules/index';
import { procedureChoiceOptions, procedureLabel } from '#lib/rules';
import { todayIso } from '#lib/today';
import { formatDate } from '#lib/format';
import { useSettings } from '#db/hooks';
import { retireProvider, saveProvider, setUsualProvider } from '#db/repositories/providers';
import { db } from '#db/schema';
import { LetterheadFields } from './LetterheadFields';
import { SchemeUnverified } from './SchemeUnverified';
import { MismatchReason } from './MismatchReason';
import { errorIn, useLocale, useT } from '#lib/i18n/index';
import { letterheadErrorsIn } from './letterhead-errors';
import { focusFirstInvalid } from '#lib/focus-invalid';
import { formErrorsIn } from './form-errors';

/** The scheme a procedure names (the provider's letters name it unless the provider chooses another), if known. */
function procedureSchemeOf(procedureId: string): string | undefined {
  try {
    return getProcedure(procedureId).adrSchemeId;
  } catch {
    return undefined;
  }
}

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
  others,
  onClose,
}: {
  /** The provider being edited; null to add one. */
  editing: Provider | null;
  /** The desk's other providers (their names are taken). */
  others: readonly Provider[];
  onClose: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const today = todayIso();
  const form = useForm<ProviderForm>({ initialValues: providerToForm(editing) });
  const formRef = useRef<HTMLFormElement>(null);
  const [saving, setSaving] = useState(false);
  // A retired procedure is offered to no provider, unless it is the one this provider already follows.
  const options = procedureChoiceOptions(editing?.procedureId, t);
  const schemes = useMemo(() => listAdrSchemes(today), [today]);
  const warnings = warningsOf(form.values);

  const submit = form.onSubmit(async (values) => {
    const result = validateProvider(
      values,
      { procedureIds: options.map((o) => o.value), adrSchemeIds: schemes.map((s) => s.id) },
      warningsOf(values),
      others.map((p) => p.name),
    );
    // The form's own checks, then a letterhead the letters could not print (./letterhead-errors.ts).
    const errors = result.ok ? letterheadErrorsIn(t, values) : formErrorsIn(t, result.errors);
    if (!result.ok || errors) {
      form.setErrors(errors ?? {});
      focusFirstInvalid(formRef.current);
      return;
    }
    setSaving(true);
    try {
      const saved = await saveProvider(db(), editing ? { ...result.value, id: editing.id } : result.value);
      notifications.show({ color: 'teal', title: t('providers.saved'), message: saved.name });
      onClose();
    } catch (error) {
      notifications.show({ color: 'red', title: t('providers.notSaved'), message: errorIn(t, error) });
    } finally {
      setSaving(false);
    }
  });

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      aria-label={editing ? t('providers.editName', { name: editing.name }) : t('providers.new')}
    >
      <Stack gap="sm">
        <TextInput
          label={t('providers.name')}
          description={t('providers.nameHint')}
          // The dialog opens on its first field, as the others do, not on Close (explore34-keyboard #13).
          data-autofocus
          withAsterisk
          {...form.getInputProps('name')}
        />
        <Title order={3} size="h5">
          {t('providers.letterhead')}
        </Title>
        <LetterheadFields form={form} />
        <Title order={3} size="h5">
          {t('providers.rules')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('providers.procedure')}
            data={options}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('procedureId')}
          />
          <Select
            label={t('providers.calendar')}
            data={CALENDARS.map((c) => ({ value: c, label: t(`model.calendar.${c}`) }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('calendar')}
          />
          <Select
            label={t('providers.region')}
            data={REGULATOR_REGIONS.map((r) => ({ value: r, label: t(`model.region.${r}`) }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('region')}
            onChange={(v) => v && form.setValues(withRegion(form.values, v as RegulatorRegion, locale))}
          />
          <Select
            label={t('providers.adrScheme')}
            data={[
              { value: OWN_SCHEME, label: t('providers.ownScheme') },
              ...schemes.map((s) => ({
                value: s.id,
                label: s.country === 'CA' ? t('providers.schemeCanada', { scheme: s.name }) : s.name,
              })),
            ]}
            allowDeselect={false}
            value={form.values.adrSchemeId || OWN_SCHEME}
            onChange={(v) => form.setFieldValue('adrSchemeId', !v || v === OWN_SCHEME ? '' : v)}
            error={form.errors.adrSchemeId}
          />
        </SimpleGrid>
        <SchemeUnverified
          schemeId={form.values.adrSchemeId || procedureSchemeOf(form.values.procedureId)}
          today={today}
        />
        <Checkbox.Group
          label={t('providers.languages')}
          withAsterisk
          value={form.values.languages}
          onChange={(v) => form.setFieldValue('languages', v)}
          error={form.errors.languages}
        >
          <Group mt={4}>
            {LETTER_LANGUAGES.map((l) => (
              <Checkbox key={l} value={l} label={t(`model.letterLanguage.${l}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Select
          label={t('providers.defaultLanguage')}
          description={t('providers.defaultLanguageHint')}
          data={LETTER_LANGUAGES.map((l) => ({ value: l, label: t(`model.letterLanguage.${l}`) }))}
          allowDeselect={false}
          withAsterisk
          {...form.getInputProps('defaultLanguage')}
        />
        <MismatchReason warnings={warnings} reason={form.getInputProps('mismatchReason')} />
        <Group>
          <Button type="submit" loading={saving}>
            {t('providers.save')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('providers.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ProvidersSettings() {
  const t = useT();
  const settings = useSettings();
  const [dialog, setDialog] = useState<{ editing: Provider | null } | null>(null);
  // The usual provider being retired, and the one chosen to take its place (explore36-manager #6).
  const [retiring, setRetiring] = useState<{ provider: Provider; next: string | null } | null>(null);
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
        title: t('providers.notChanged'),
        // A refusal of the desk's own rules in the interface language (h17); anything else as technical detail.
        message: errorIn(t, error),
      });
    }
  };

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="settings-providers">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="settings-providers">
            {t('providers.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('providers.intro')}
          </Text>
        </div>
        {/* Positioned, so the visually hidden column name (absolute) scrolls with the table instead of widening the
            page at 320 px (it measured 187 px of sideways scrolling). */}
        <Table.ScrollContainer minWidth={620} type="native" style={{ position: 'relative' }}>
          <Table aria-label={t('providers.title')} verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('providers.colProvider')}</Table.Th>
                <Table.Th>{t('providers.colProcedure')}</Table.Th>
                <Table.Th>{t('providers.colLetters')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('providers.colActions')}</VisuallyHidden>
                </Table.Th>
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
                          {t('providers.usual')}
                        </Badge>
                      )}
                      {p.retiredOn && (
                        <Badge size="xs" color="gray" variant="light">
                          {t('providers.retired', { date: formatDate(p.retiredOn) })}
                        </Badge>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.company.name} · {t(`model.region.${p.region}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {/* A provider still taking complaints under a retired procedure (two desks changed them at once):
                          said, as its complaint form says it. */}
                      {procedureLabel(p.procedureId, p.retiredOn ? undefined : t)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`model.calendar.${p.calendar}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {p.languages.map((l) => t(`model.letterLanguage.${l}`)).join(', ')}
                      {p.languages.length > 1 &&
                        ` ${t('providers.startingIn', { language: t(`model.letterLanguageInText.${p.defaultLanguage}`) })}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('providers.editName', { name: p.name })}
                        onClick={() => setDialog({ editing: p })}
                      >
                        {t('providers.edit')}
                      </Button>
                      {p.id !== usual.id && !p.retiredOn && (
                        <Button
                          size="xs"
                          variant="subtle"
                          aria-label={t('providers.makeUsualName', { name: p.name })}
                          onClick={() =>
                            void act(() => setUsualProvider(db(), p.id), t('providers.isUsual', { name: p.name }))
                          }
                        >
                          {t('providers.makeUsual')}
                        </Button>
                      )}
                      <Button
                        size="xs"
                        variant="subtle"
                        color="gray"
                        aria-label={
                          p.retiredOn
                            ? t('providers.bringBackName', { name: p.name })
                            : t('providers.retireName', { name: p.name })
                        }
                        onClick={() =>
                          // The usual one asks which takes its place, chosen by the person, none ahead (explore37-screens
                          // #4); the only active one is refused as before, with why (#3).
                          p.id === usual.id && !p.retiredOn && successorsOf(providers, p.id).length > 0
                            ? setRetiring({ provider: p, next: null })
                            : void act(
                                () => retireProvider(db(), p.id, p.retiredOn ? null : todayIso()),
                                p.retiredOn
                                  ? t('providers.takesAgain', { name: p.name })
                                  : t('providers.retiredName', { name: p.name }),
                              )
                        }
                      >
                        {p.retiredOn ? t('providers.bringBack') : t('providers.retire')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group>
          <Button variant="default" onClick={() => setDialog({ editing: null })}>
            {t('providers.add')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog?.editing ? t('providers.editName', { name: dialog.editing.name }) : t('providers.new')}
        size="lg"
      >
        {dialog && (
          <ProviderDialog
            key={dialog.editing?.id ?? 'new'}
            editing={dialog.editing}
            others={providers.filter((p) => p.id !== dialog.editing?.id)}
            onClose={() => setDialog(null)}
          />
        )}
      </Modal>
      <Modal
        opened={retiring !== null}
        onClose={() => setRetiring(null)}
        title={t('providers.retireUsualTitle')}
        size="lg"
        closeOnEscape
        returnFocus
      >
        {retiring && (
          <Stack gap="sm" data-retire-usual="">
            <Text size="sm">{t('providers.retireUsualText', { name: retiring.provider.name })}</Text>
            <Select
              label={t('providers.usualAfter')}
              data={successorsOf(providers, retiring.provider.id).map((o) => ({ value: o.id, label: o.name }))}
              value={retiring.next}
              onChange={(next) => setRetiring({ ...retiring, next })}
              placeholder={t('providers.usualAfterPlaceholder')}
              description={retiring.next ? undefined : t('providers.usualAfterHint', { name: retiring.provider.name })}
              allowDeselect={false}
              withAsterisk
            />
            <Group justify="flex-end" gap="xs" wrap="wrap">
              <Button variant="default" data-autofocus onClick={() => setRetiring(null)}>
                {t('providers.keepUsual', { name: retiring.provider.name })}
              </Button>
              <Button
                color="red"
                disabled={!retiring.next}
                onClick={() => {
                  const { provider, next } = retiring;
                  if (!next) return;
                  setRetiring(null);
                  void act(
                    () => retireProvider(db(), provider.id, todayIso(), next),
                    t('providers.retiredUsualNow', {
                      name: provider.name,
                      next: providers.find((o) => o.id === next)?.name ?? '',
                    }),
                  );
                }}
              >
                {t('providers.retireUsual', { name: retiring.provider.name })}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
