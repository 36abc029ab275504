import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { CATEGORY_LABELS, CHANNEL_LABELS, type CaseRecord } from '../../../../shared/model/case';
import { useCases } from '../../db/hooks';
import { formatDate } from './format';

function matches(c: CaseRecord, q: string): boolean {
  const hay = [c.reference, c.customer.name, c.representative?.name, c.customer.accountNumber, c.customer.email, c.customer.phone, c.customer.address?.postcode, c.summary]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

export function CaseListPage() {
  const cases = useCases();
  const [, navigate] = useLocation();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const shown = useMemo(() => (cases ?? []).filter((c) => matches(c, deferred)), [cases, deferred]);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Cases</Title>
        <Button onClick={() => navigate('/new')}>New complaint</Button>
      </Group>
      <TextInput
        placeholder="Search by reference, name, account, postcode or words in the summary"
        aria-label="Search cases"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      {cases && cases.length === 0 ? (
        <Text c="dimmed">No complaints logged yet. Press “New complaint” to log the first one.</Text>
      ) : (
        <Table striped highlightOnHover aria-label="Cases">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Reference</Table.Th>
              <Table.Th>Customer</Table.Th>
              <Table.Th>Received</Table.Th>
              <Table.Th>Channel</Table.Th>
              <Table.Th>Category</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor
                    href={`#/cases/${c.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(`/cases/${c.id}`);
                    }}
                    ff="monospace"
                  >
                    {c.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {c.customer.name}
                  {c.representative && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (via {c.representative.name})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatDate(c.receivedOn)}</Table.Td>
                <Table.Td>{CHANNEL_LABELS[c.channel]}</Table.Td>
                <Table.Td>{CATEGORY_LABELS[c.category]}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={c.status === 'open' ? 'teal' : 'gray'}>
                    {c.status}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
