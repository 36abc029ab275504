// On an anonymised case: says when and what is left, in place of the customer's details.
import { Alert, Text } from '@mantine/core';
import type { CaseRecord } from '#shared/model/case';
import { formatDate } from '#lib/format';

export function AnonymisedNotice({ record }: { record: CaseRecord }) {
  if (!record.anonymisedOn) return null;
  return (
    <Alert
      color="gray"
      variant="light"
      title={`Anonymised on ${formatDate(record.anonymisedOn)}`}
      data-anonymised-on={record.anonymisedOn}
    >
      <Text size="sm">
        The customer&rsquo;s details, the summary, the text of every timeline entry and the letters were removed. The
        reference, dates, category, stages and payment amounts are kept for the desk&rsquo;s figures. Nothing more can
        be recorded on this case.
      </Text>
    </Alert>
  );
}
