// Mounted once in the app shell: runs the retention policy shortly after the app starts (issue #7). Renders nothing.
// Waits a moment so the first screen draws first; a second window's run finds nothing left to do.
import { formatLocale } from '#lib/format';
import { translate } from '#lib/i18n/index';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { retentionPolicy } from '#shared/privacy/retention';
import { todayIso } from '#lib/today';
import { reapplyAnonymisation, runRetention } from '#db/repositories/retention';
import { db } from '#db/schema';
import { AUTOMATIC_RUN_BY } from './audit-words';

const DELAY_MS = 3000;

export function RetentionOnStart() {
  useEffect(() => {
    const timer = setTimeout(() => {
      void (async () => {
        const settings = (await db().settings.get('desk'))?.value;
        if (!settings) return;
        // Erasures stay erased, whatever the policy: data restored from an older backup is anonymised again.
        await reapplyAnonymisation(db(), { today: todayIso(), by: AUTOMATIC_RUN_BY });
        const policy = retentionPolicy(settings);
        if (!policy.enabled) return;
        const result = await runRetention(db(), { policy, today: todayIso(), by: AUTOMATIC_RUN_BY, trigger: 'start' });
        if (result.caseIds.length > 0) {
          const n = result.caseIds.length;
          notifications.show({
            color: 'blue',
            // Shown in the language of the interface at that moment.
            title: translate(formatLocale(), 'retentionStart.title', { n }),
            message: translate(formatLocale(), 'retentionStart.message', { n, years: policy.anonymiseAfterYears }),
            autoClose: 10_000,
          });
        }
      })().catch((error: unknown) => console.warn('The retention run at start failed; nothing was changed.', error));
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return null;
}
