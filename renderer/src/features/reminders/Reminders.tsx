// Mounted once in the app shell: runs the reminders while the app is open. Renders nothing. `ReminderFailuresAlert`
// (on the dashboard) lists the reminders the system refused to show, with the reason, while they are being retried.
import { translate, useT } from '#lib/i18n/index';
import { formatLocale } from '#lib/format';
import { Alert } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { db } from '#db/schema';
import { platform } from '#platform';
import { startReminders } from './run';
import { databaseReminderSource, describeReminderFailures, reminderFailures } from './source';

export function Reminders() {
  useEffect(() => {
    const runner = startReminders({
      now: () => new Date(),
      source: databaseReminderSource(db()),
      notify: async (n) => {
        const result = await platform().notify(n);
        return result.ok ? { ok: true } : result;
      },
      // The person's interface language at each check (the provider keeps it as the format locale).
      words: () => (key, values) => translate(formatLocale(), key, values),
      onError: (error) => console.warn('Reminder check failed:', error),
    });
    return () => runner.stop();
  }, []);
  return null;
}

export function ReminderFailuresAlert() {
  const t = useT();
  const failures = useLiveQuery(() => reminderFailures(db(), new Date()), []);
  const message = failures ? describeReminderFailures(t, failures) : null;
  if (!message) return null;
  return (
    <Alert color="orange" variant="light" role="status" title={t('reminders.notShown')} data-reminder-failures>
      {message}
    </Alert>
  );
}
