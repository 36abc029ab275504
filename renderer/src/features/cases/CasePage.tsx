import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { CATEGORY_LABELS, CHANNEL_LABELS, type CaseRecord, type PostalAddress } from '../../../../shared/model/case';
import { evaluateRecord } from '../../app/rules';
import { todayIso } from '../../app/today';
import { useCase, useLetters, useSettings, useTimeline } from '../../db/hooks';
import { downloadIssuedLetter, issueAcknowledgementLetter } from '../letters/issue';
import { formatDate, formatTimestamp } from './format';

const STATE_COLOURS = { running: 'blue', met: 'teal', missed: 'red', 'not-applicable': 'gray' } as const;
const STATE_LABELS = { running: 'Running', met: 'Met', missed: 'Missed', 'not-applicable': 'N/A' } as const;

function Address({ address }: { address?: PostalAddress }) {
  if (!address) return <Text c="dimmed">No postal address</Text>;
  return (
    <Text style={{ whiteSpace: 'pre-line' }}>
      {[...address.lines, address.postcode].join('\n')}
    </Text>
  );
}

function Details({ record }: { record: CaseRecord }) {
  const row = (label: string, value: React.ReactNode) => (
    <Table.Tr>
      <Table.Th w={170}>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        Complaint
      </Title>
      <Table>
        <Table.Tbody>
          {row('Received', `${formatDate(record.receivedOn)} by ${CHANNEL_LABELS[record.channel].toLowerCase()}`)}
          {row('Category', CATEGORY_LABELS[record.category])}
          {row('Summary', <Text style={{ whiteSpace: 'pre-wrap' }}>{record.summary}</Text>)}
          {row('Customer', record.customer.name)}
          {row('Address', <Address address={record.customer.address} />)}
          {record.customer.phone && row('Phone', record.customer.phone)}
          {record.customer.email && row('Email', record.customer.email)}
          {record.customer.accountNumber && row('Account', record.customer.accountNumber)}
          {record.representative && row('Acting for them', `${record.representative.name} (${record.representative.relationship})`)}
          {record.representative?.address && row("Representative's address", <Address address={record.representative.address} />)}
          {row('Handler', record.assignee ?? '—')}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function CasePage({ id }: { id: string }) {
  const record = useCase(id);
  const events = useTimeline(id);
  const letters = useLetters(id);
  const settings = useSettings();
  const [busy, setBusy] = useState(false);
  const today = todayIso();

  const evaluated = useMemo(() => (record && events ? evaluateRecord(record, events, today) : null), [record, events, today]);

  if (record === undefined || events === undefined) return null;
  if (record === null) return <Alert color="red">There is no case with this id. It may have been deleted.</Alert>;

  const issueAck = async () => {
    if (!settings) return;
    setBusy(true);
    try {
      const outcome = await issueAcknowledgementLetter({ record, events, settings, today: todayIso() });
      if (outcome.saved) notifications.show({ color: 'teal', title: 'Acknowledgement letter issued', message: `Saved as ${outcome.fileName}` });
      else if (outcome.error) notifications.show({ color: 'red', title: 'Letter not issued', message: outcome.error, autoClose: false });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Letter not issued', message: error instanceof Error ? error.message : String(error), autoClose: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} ff="monospace">
            {record.reference}
          </Title>
          <Text c="dimmed">
            {record.customer.name}
            {evaluated?.procedureName ? ` · ${evaluated.procedureName}` : ''}
          </Text>
        </div>
        <Group>
          <Badge size="lg" variant="light" color={record.status === 'open' ? 'teal' : 'gray'}>
            {record.status}
          </Badge>
          <Button onClick={issueAck} loading={busy}>
            Acknowledgement letter
          </Button>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Details record={record} />
        <Card withBorder>
          <Title order={4} mb="xs">
            Clocks
          </Title>
          {evaluated?.error && <Alert color="red">{evaluated.error}</Alert>}
          {evaluated?.evaluation && (
            <Table aria-label="Clocks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Clock</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>State</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {evaluated.evaluation.clocks.map((clock) => (
                  <Table.Tr key={clock.id} data-clock={clock.id}>
                    <Table.Td>
                      <Text fw={500}>{clock.label}</Text>
                      <Text size="xs" c="dimmed">
                        {clock.explanation}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(clock.dueOn)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" fw={600} c={`${STATE_COLOURS[clock.state]}.7`}>
                        {STATE_LABELS[clock.state]}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>

      <Card withBorder>
        <Title order={4} mb="sm">
          Timeline
        </Title>
        <Timeline bulletSize={14} lineWidth={2} aria-label="Timeline">
          {events.map((e) => (
            <Timeline.Item key={e.id} title={e.summary}>
              <Text size="xs" c="dimmed">
                {formatDate(e.on)} · recorded {formatTimestamp(e.at)} by {e.by}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>

      {letters && letters.length > 0 && (
        <Card withBorder>
          <Title order={4} mb="xs">
            Letters issued
          </Title>
          <Table>
            <Table.Tbody>
              {letters.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.fileName}</Table.Td>
                  <Table.Td>{formatDate(l.issuedOn)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" c="dimmed" title="SHA-256 of the issued PDF">
                      {l.sha256.slice(0, 16)}…
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component="button" onClick={() => void downloadIssuedLetter(l)}>
                      Download the issued copy
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
