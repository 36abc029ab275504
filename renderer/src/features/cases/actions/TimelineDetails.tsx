// What a timeline entry holds beyond its one-line summary: an edit's old and new values, a payment's figures.
import { Table, Text } from '@mantine/core';
import {
  CORRECTABLE_LABELS,
  type CorrectableField,
  correctedValueText,
  customerFieldLabel,
  customerFieldValue,
} from '#shared/casework/index';
import type { TimelineEvent } from '#shared/model/case';
import { enGB, type MessageKey, type Translate, useT } from '#lib/i18n/index';

const asRecord = (v: unknown): Record<string, string> =>
  v && typeof v === 'object' ? (v as Record<string, string>) : {};

/** A correction's fields with their old and new values (#15). */
function correctionRows(event: TimelineEvent, t: Translate): [string, string, string][] {
  const before = (event.data?.before ?? {}) as Record<string, unknown>;
  const after = (event.data?.after ?? {}) as Record<string, unknown>;
  const names = asRecord(event.data?.names);
  return (event.data!.changed as string[]).map((f) => [
    f in CORRECTABLE_LABELS ? t(`correctable.${f as CorrectableField}`) : f,
    correctedValueText(f, before[f], names),
    correctedValueText(f, after[f], names),
  ]);
}

export function TimelineDetails({ event }: { event: TimelineEvent }) {
  const t = useT();
  if (!['customer-edited', 'corrected'].includes(event.type) || !Array.isArray(event.data?.changed)) return null;
  const before = asRecord(event.data.before);
  const after = asRecord(event.data.after);
  const rows: [string, string, string][] =
    event.type === 'corrected'
      ? correctionRows(event, t)
      : (event.data.changed as string[]).map((field) => [
          `customerField.${field}` in enGB ? t(`customerField.${field}` as MessageKey) : customerFieldLabel(field),
          customerFieldValue(field, before[field]),
          customerFieldValue(field, after[field]),
        ]);
  const show = (s: string | undefined) =>
    s ? (
      <span style={{ whiteSpace: 'pre-line' }}>{s}</span>
    ) : (
      <Text span c="dimmed" size="xs">
        {t('timelineDetails.none')}
      </Text>
    );
  return (
    <Table
      withRowBorders={false}
      verticalSpacing={2}
      horizontalSpacing="xs"
      fz="xs"
      maw={560}
      mt={4}
      aria-label={event.type === 'corrected' ? t('timelineDetails.corrected') : t('timelineDetails.changed')}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th>{t('timelineDetails.before')}</Table.Th>
          <Table.Th>{t('timelineDetails.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([label, was, now]) => (
          <Table.Tr key={label}>
            <Table.Td c="dimmed">{label}</Table.Td>
            <Table.Td>{show(was === '(none)' ? '' : was)}</Table.Td>
            <Table.Td>{show(now === '(none)' ? '' : now)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
