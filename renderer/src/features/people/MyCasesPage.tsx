// "My cases": the cases the person working at this computer handles, the next deadline first.
import { Anchor, Badge, Loader, Stack, Table, Text } from '@mantine/core';
import { useLocation } from 'wouter';
import { useToday } from '#lib/today';
import { formatDate } from '#lib/format';
import { describeDue } from '#db/case-index/due';
import { useCurrentPerson } from './current';
import { HandlerSelect } from './HandlerSelect';
import { useHandledBy } from '#db/hooks';
import { ScreenTitle } from '#ui/ScreenTitle';

export function MyCasesPage() {
  const me = useCurrentPerson();
  const today = useToday();
  const rows = useHandledBy(me?.name ?? '');
  const [, navigate] = useLocation();

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <ScreenTitle>My cases</ScreenTitle>
        <Text size="sm" c="dimmed">
          {me ? `Open cases handled by ${me.name}, the next deadline first.` : 'Choose who is working in the header.'}
        </Text>
      </div>
      {!me ? null : rows === undefined ? (
        <Loader size="sm" aria-label="Loading" />
      ) : rows.length === 0 ? (
        <Text c="dimmed">No open cases handled by {me?.name ?? 'you'}.</Text>
      ) : (
        <Table highlightOnHover aria-label="My cases" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Reference</Table.Th>
              <Table.Th>Customer</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th>Next deadline</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th w={200}>Handler</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const overdue = r.nextDueOn !== null && r.nextDueOn < today;
              return (
                <Table.Tr key={r.caseId}>
                  <Table.Td>
                    <Anchor
                      href={`#/cases/${r.caseId}`}
                      ff="monospace"
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(`/cases/${r.caseId}`);
                      }}
                    >
                      {r.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.customerName}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.stageName || '—'}</Text>
                    {r.pausedSince && (
                      <Text size="xs" c="dimmed">
                        Paused since {formatDate(r.pausedSince)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.nextClockLabel ?? '—'}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDate(r.nextDueOn)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.nextDueOn && (
                      <Badge
                        variant="light"
                        radius="sm"
                        tt="none"
                        fw={500}
                        color={overdue ? 'red' : r.nextDueOn === today ? 'orange' : 'gray'}
                      >
                        {describeDue(r.nextDueOn, today)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <HandlerSelect caseId={r.caseId} reference={r.reference} assignee={r.assignee} size="xs" />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
