// The team screen: how sharing is going, what the server refused (with the case and the reason), anything the bridge
// could not take in, and every case changed at two desks.
import { useT } from '#lib/i18n/index';
import { Alert, Anchor, List, Stack, Table, Text, Title } from '@mantine/core';
import { ScreenTitle } from '#ui/ScreenTitle';
import { useLocation } from 'wouter';
import { fieldName, sharingProblemIn } from '#sync';
import { SharingPanel } from './SharingPanel';
import { useConflicts, useMembership, useSharingStatus } from './hooks';

export function TeamPage() {
  const status = useSharingStatus();
  const conflicts = useConflicts();
  const membership = useMembership();
  const [, navigate] = useLocation();
  const t = useT();
  return (
    <Stack maw={900} gap="lg">
      <ScreenTitle>{t('team.title')}</ScreenTitle>
      {/* How sharing is going: said in the header, and in the panel below with what the desk shares. */}
      {status.state.kind === 'update-needed' && (
        <Alert color="red" variant="light" role="alert" title={t('sync.updateNeeded')}>
          {sharingProblemIn(t, status.state.said)}
        </Alert>
      )}
      {status.refusals.length > 0 && (
        <Alert color="red" variant="light" title={t('team.refusedTitle')}>
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
        <Alert color="orange" variant="light" title={t('team.problemsTitle')}>
          <List size="sm">
            {status.problems.map((p, i) => (
              <List.Item key={`${p.docId}-${i}`}>{p.said ? sharingProblemIn(t, p.said) : p.reason}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {/* A desk in no team has nothing changed at two desks to say, unless clashes from its time in one are unsettled
          (explore40-team #8c: "No case has details changed at two desks" before the desk had joined). */}
      {(Boolean(membership) || (conflicts?.length ?? 0) > 0) && (
        <section aria-labelledby="conflicts-title">
          <Title order={2} size="h4" id="conflicts-title" mb="xs">
            {t('team.conflicts')}
          </Title>
          {!conflicts?.length ? (
            <Text size="sm" c="dimmed">
              {t('team.noConflicts')}
            </Text>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('team.col.case')}</Table.Th>
                  <Table.Th>{t('team.col.details')}</Table.Th>
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
      )}
      <SharingPanel />
    </Stack>
  );
}
