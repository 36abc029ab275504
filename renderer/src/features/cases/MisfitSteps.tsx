// On a case page: the steps that would not have been possible after the ones before them (shared/casework/step-fit.ts),
// such as an escalation made offline at one desk on a case another desk closed (explore34-team #5). Entries are never
// changed: the handler checks them and voids the one that should not stand.
import { Alert, List, Text } from '@mantine/core';
import { useMemo } from 'react';
import { stepsThatDoNotFit } from '#shared/casework/index';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import type { Procedure } from '#shared/rules/procedure';
import { formatDate } from '#lib/format';
import { entrySummaryIn, messageIn, useLocale, useT } from '#lib/i18n/index';

export function MisfitSteps(props: {
  record: CaseRecord;
  events: readonly TimelineEvent[];
  procedure: Procedure | null;
}) {
  const { record, events, procedure } = props;
  const t = useT();
  const { locale } = useLocale();
  const misfits = useMemo(() => stepsThatDoNotFit(record, events, procedure), [record, events, procedure]);
  if (misfits.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('case.misfit.title')}
      role="region"
      aria-label={t('case.misfit.title')}
      data-misfit-steps
    >
      <Text size="sm">{t('case.misfit.intro')}</Text>
      <List size="sm" mt="xs">
        {misfits.map(({ entry, reason }) => (
          <List.Item key={entry.id}>
            {t('case.misfit.step', {
              summary: entrySummaryIn(t, locale, entry, { record, procedure, events }),
              on: formatDate(entry.on, locale),
              by: entry.by ?? '',
              reason: messageIn(t, reason),
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
