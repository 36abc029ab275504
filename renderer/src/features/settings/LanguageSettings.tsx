// Settings → "Language of the interface" (issue #17): chosen per person, at this computer; saved at once, and the
// whole interface redraws in it (no reload). A person who never chose gets the operating system's language.
import { Paper, Stack, Title } from '@mantine/core';
import { Select } from '#ui/Select';
import { notifications } from '@mantine/notifications';
import { useCurrentPerson } from '#features/people';
import {
  isInterfaceLocale,
  LANGUAGE_NAMES,
  setInterfaceLocale,
  translate,
  useInterfaceLocaleFor,
  useT,
} from '#lib/i18n/index';
import { INTERFACE_LOCALES } from '#shared/model/dates';

export function LanguageSettings() {
  const t = useT();
  const person = useCurrentPerson();
  const id = person?.id ?? null;
  const locale = useInterfaceLocaleFor(id);
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="settings-language">
      <Stack gap="sm">
        <Title order={2} size="h4" id="settings-language">
          {t('settings.language')}
        </Title>
        <Select
          label={t('settings.language')}
          description={person ? t('settings.languageHint', { name: person.name }) : t('settings.languageHintNobody')}
          data={INTERFACE_LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          value={locale}
          allowDeselect={false}
          // Never wider than the screen (320 CSS px at 400 % zoom).
          maw={320}
          onChange={(value) => {
            if (!isInterfaceLocale(value) || value === locale) return;
            setInterfaceLocale(id, value);
            notifications.show({ color: 'teal', message: translate(value, 'settings.languageChanged') });
          }}
        />
      </Stack>
    </Paper>
  );
}
