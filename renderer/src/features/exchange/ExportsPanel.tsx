// The "Exports" panel (on the data page): all cases as CSV, the open deadlines as a calendar, and the way to import.
import { formatLocale } from '#lib/format';
import { errorIn, failureIn, type MessageKey, translate, useLocale, useT } from '#lib/i18n/index';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { todayIso } from '#lib/today';
import { useSettings } from '#db/hooks';
import { deskCompanyName } from '#shared/model/provider';
import { db } from '#db/schema';
import { useWorkingPerson } from '#features/people';
import { exportCasesCsv, type ExportOutcome } from './cases-export';
import { exportDeadlinesIcs } from './deadlines';

/** Run an export and say how it went. */
/** A message in the interface language at the moment it is shown. */
const say = (key: MessageKey, values?: Record<string, string | number>) => translate(formatLocale(), key, values);

export async function runExport(
  title: string,
  work: () => Promise<ExportOutcome>,
  what: (count: number) => string,
): Promise<void> {
  try {
    const outcome = await work();
    if (outcome.saved)
      notifications.show({
        color: 'teal',
        title,
        message: say('exchange.saved', { what: what(outcome.count), file: outcome.fileName ?? '' }),
      });
    else if (outcome.error)
      notifications.show({
        color: 'red',
        title: say('exchange.notSaved', { title }),
        message: failureIn(say, { error: outcome.error, message: outcome.message }),
        autoClose: false,
      });
  } catch (error) {
    notifications.show({
      color: 'red',
      title: say('exchange.notSaved', { title }),
      message: errorIn(say, error),
      autoClose: false,
    });
  }
}

export function ExportsPanel() {
  const [, navigate] = useLocation();
  const settings = useSettings();
  const person = useWorkingPerson();
  const by = person || settings?.handlerName || '';
  const t = useT();
  const { locale } = useLocale();
  const [busy, setBusy] = useState<'csv' | 'ics' | null>(null);

  const csv = async () => {
    setBusy('csv');
    await runExport(
      t('exchange.casesExported'),
      () => exportCasesCsv(db(), { today: todayIso(), by, locale }),
      (n) => t('exchange.cases', { n }),
    );
    setBusy(null);
  };
  const ics = async () => {
    setBusy('ics');
    await runExport(
      t('exchange.deadlinesExported'),
      () =>
        exportDeadlinesIcs(db(), {
          today: todayIso(),
          deskName: settings ? deskCompanyName(settings) : 'Redress',
          locale,
        }),
      (n) => t('exchange.deadlines', { n }),
    );
    setBusy(null);
  };

  return (
    // Laid out like the data page's other sections.
    <Paper component="section" withBorder radius="md" p="md" aria-label={t('exchange.exports')}>
      <Title order={2} size="h4" mb="sm">
        {t('exchange.exports')}
      </Title>
      {/* Side by side on a wide window; at 320 px each button wraps under its words (WCAG 1.4.10). */}
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" align="flex-start">
          <div style={{ flex: '1 1 240px' }}>
            <Text fw={600}>{t('exchange.casesSheet')}</Text>
            <Text size="sm" c="dimmed">
              {t('exchange.casesSheetText')}
            </Text>
          </div>
          <Button
            variant="default"
            onClick={csv}
            loading={busy === 'csv'}
            disabled={busy !== null}
            style={{ flexShrink: 0 }}
          >
            {t('exchange.exportCases')}
          </Button>
        </Group>
        <Group justify="space-between" wrap="wrap" align="flex-start">
          <div style={{ flex: '1 1 240px' }}>
            <Text fw={600}>{t('exchange.deadlinesCalendar')}</Text>
            <Text size="sm" c="dimmed">
              {t('exchange.deadlinesCalendarText')}
            </Text>
          </div>
          <Button
            variant="default"
            onClick={ics}
            loading={busy === 'ics'}
            disabled={busy !== null}
            style={{ flexShrink: 0 }}
          >
            {t('exchange.exportDeadlines')}
          </Button>
        </Group>
        <Group justify="space-between" wrap="wrap" align="flex-start">
          <div style={{ flex: '1 1 240px' }}>
            <Text fw={600}>{t('exchange.importSheet')}</Text>
            <Text size="sm" c="dimmed">
              {t('exchange.importSheetText')}
            </Text>
          </div>
          <Button variant="default" onClick={() => navigate('/import')} style={{ flexShrink: 0 }}>
            {t('exchange.importCases')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
