// What a timeline entry holds beyond its one-line summary: an edit's old and new values, a payment's figures.
import { Table, Text } from '@mantine/core';
import { customerFieldLabel, customerFieldValue } from '#shared/casework/index';
import type { TimelineEvent } from '#shared/model/case';

const asRecord = (v: unknown): Record<string, string> =>
  v && typeof v === 'object' ? (v as Record<string, string>) : {};

export function TimelineDetails({ event }: { event: TimelineEvent }) {
  if (event.type !== 'customer-edited' || !Array.isArray(event.data?.changed)) return null;
  const before = asRecord(event.data.before);
  const after = asRecord(event.data.after);
  const show = (s: string | undefined) =>
    s ? (
      <span style={{ whiteSpace: 'pre-line' }}>{s}</span>
    ) : (
      <Text span c="dimmed" size="xs">
        (none)
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
      aria-label="Changed details"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(event.data.changed as string[]).map((field) => (
          <Table.Tr key={field}>
            <Table.Td c="dimmed">{customerFieldLabel(field)}</Table.Td>
            <Table.Td>{show(customerFieldValue(field, before[field]))}</Table.Td>
            <Table.Td>{show(customerFieldValue(field, after[field]))}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
