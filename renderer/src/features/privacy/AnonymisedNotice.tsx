// On an anonymised case: says when and what is left, in place of the customer's details.
import { useT } from '#lib/i18n/index';
import { Alert, Text } from '@mantine/core';
import type { CaseRecord } from '#shared/model/case';
import { formatDate } from '#lib/format';

export function AnonymisedNotice({ record }: { record: CaseRecord }) {
  const t = useT();
  if (!record.anonymisedOn) return null;
  return (
    <Alert
      color="gray"
      variant="light"
      role="note"
      title={t('anonymised.title', { date: formatDate(record.anonymisedOn) })}
      data-anonymised-on={record.anonymisedOn}
    >
      <Text size="sm">{t('anonymised.text')}</Text>
    </Alert>
  );
}
