// The team screen: how sharing is going, what the server refused (with the case and the reason), anything the bridge
// could not take in, and every case changed at two desks.
import { Alert, Anchor, List, Stack, Table, Text, Title } from '@mantine/core';
import { ScreenTitle } from '#ui/ScreenTitle';
import { useLocation } from 'wouter';
import { fieldName, statusLine } from '#sync';
import { SharingPanel } from './SharingPanel';
import { useConflicts, useNow, useSharingStatus } from './hooks';

export function TeamPage() {
  const status = useSharingStatus();
  const conflicts = useConflicts();
  const now = useNow();
  const [, navigate] = useLocation();
  return (
    <Stack maw={900} gap="lg">
      <ScreenTitle>Team sharing</ScreenTitle>
      {status.state.kind !== 'off' && <Text>{statusLine(status.state, now)}</Text>}
      {status.state.kind === 'update-needed' && (
        <Alert color="red" variant="light" role="alert" title="Update Redress to keep sharing">
          {status.state.message}
        </Alert>
      )}
      {status.refusals.length > 0 && (
        <Alert color="red" variant="light" title="The server refused a change">
          <List size="sm">
            {status.refusals.map((r, i) => (
              <List.Item key={`${r.docId}-${i}`}>
                {r.reference ? `${r.reference}: ` : ''}
                {r.reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {status.problems.length > 0 && (
        <Alert color="orange" variant="light" title="Not taken in from the team">
          <List size="sm">
            {status.problems.map((p, i) => (
              <List.Item key={`${p.docId}-${i}`}>{p.reason}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <section aria-labelledby="conflicts-title">
        <Title order={3} size="h4" id="conflicts-title" mb="xs">
          Changed at two desks
        </Title>
        {!conflicts?.length ? (
          <Text size="sm" c="dimmed">
            No case has details changed at two desks.
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Case</Table.Th>
                <Table.Th>Details changed at two desks</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {conflicts.map((c) => (
                <Table.Tr key={c.caseId}>
                  <Table.Td>
                    <Anchor
                      href={`#/cases/${c.caseId}`}
                      ff="monospace"
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(`/cases/${c.caseId}`);
                      }}
                    >
                      {c.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.clashes.map((x) => fieldName(x.path)).join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      <SharingPanel />
    </Stack>
  );
}
