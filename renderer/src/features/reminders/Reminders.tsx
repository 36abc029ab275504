// Mounted once in the app shell: runs the reminders while the app is open. Renders nothing.
import { useEffect } from 'react';
import { db } from '#db/schema';
import { platform } from '#platform';
import { startReminders } from './run';
import { databaseReminderSource } from './source';

export function Reminders() {
  useEffect(() => {
    const runner = startReminders({
      now: () => new Date(),
      source: databaseReminderSource(db()),
      notify: async (n) => {
        const result = await platform().notify(n);
        if (!result.ok) console.warn('Reminder not shown:', result.error);
      },
      onError: (error) => console.warn('Reminder check failed:', error),
    });
    return () => runner.stop();
  }, []);
  return null;
}
