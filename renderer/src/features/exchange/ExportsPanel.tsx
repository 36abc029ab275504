// The "Exports" panel (on the data page): all cases as CSV, the open deadlines as a calendar, and the way to import.
import { formatLocale } from '#lib/format';
import { type MessageKey, translate } from '#lib/i18n/index';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { todayIso } from '#lib/today';
import { useSettings } from '#db/hooks';
import { db } from '#db/schema';
import { useWorkingPerson } from '#features/people';
import { exportCasesCsv, type ExportOutcome } from './cases-export';
import { exportDeadlinesIcs } from './deadlines';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** Run an export and say how it went. */
/** A message in the interface language at the moment it is shown. */
const say = (key: MessageKey, values: Record<string, string>) => translate(formatLocale(), key, values);

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
        message: outcome.error,
        autoClose: false,
      });
  } catch (error) {
    notifications.show({
      color: 'red',
      title: say('exchange.notSaved', { title }),
      message: error instanceof Error ? error.message : String(error),
      autoClose: false,
    });
  }
}

export function ExportsPanel() {
  const [, navigate] = useLocation();
  const settings = useSettings();
  const person = useWorkingPerson();
  const by = person || settings?.handlerName || '';
  const [busy, setBusy] = useState<'csv' | 'ics' | null>(null);

  const csv = async () => {
    setBusy('csv');
    await runExport(
      'Cases exported',
      () => exportCasesCsv(db(), { today: todayIso(), by }),
      (n) => plural(n, 'case', 'cases'),
    );
    setBusy(null);
  };
  const ics = async () => {
    setBusy('ics');
    await runExport(
      'Deadlines exported',
      () => exportDeadlinesIcs(db(), { today: todayIso(), deskName: settings?.company.name ?? 'Redress' }),
      (n) => plural(n, 'deadline', 'deadlines'),
    );
    setBusy(null);
  };

  return (
    // Laid out like the data page's other sections.
    <Paper component="section" withBorder radius="md" p="md" aria-label="Exports">
      <Title order={3} size="h4" mb="sm">
        Exports
      </Title>
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={600}>Cases as a spreadsheet</Text>
            <Text size="sm" c="dimmed">
              Every case, one row each, as a CSV file that Excel opens with accents intact. To export only some cases,
              filter the case list and use its “Export CSV”.
            </Text>
          </div>
          <Button
            variant="default"
            onClick={csv}
            loading={busy === 'csv'}
            disabled={busy !== null}
            style={{ flexShrink: 0 }}
          >
            Export cases (CSV)
          </Button>
        </Group>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={600}>Deadlines as a calendar</Text>
            <Text size="sm" c="dimmed">
              Every open deadline as an all-day event, for Outlook or Google Calendar. Importing a newer file updates
              the events instead of adding copies. Customer names are left out of the calendar.
            </Text>
          </div>
          <Button
            variant="default"
            onClick={ics}
            loading={busy === 'ics'}
            disabled={busy !== null}
            style={{ flexShrink: 0 }}
          >
            Export deadlines (ICS)
          </Button>
        </Group>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={600}>Import cases from a spreadsheet</Text>
            <Text size="sm" c="dimmed">
              Log many complaints at once from a CSV file: match its columns, check every row, then import them all
              together.
            </Text>
          </div>
          <Button variant="default" onClick={() => navigate('/import')} style={{ flexShrink: 0 }}>
            Import cases…
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
