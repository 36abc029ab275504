// "My cases": the cases the person working at this computer handles, the next deadline first.
import { Anchor, Badge, Loader, Stack, Table, Text } from '@mantine/core';
import { useLocation } from 'wouter';
import { useToday } from '#lib/today';
import { formatDate } from '#lib/format';
import { builtInWordsIn, clockLabel, describeDueIn, nameIn, useLocale, useT } from '#lib/i18n/index';
import { useCurrentPerson } from './current';
import { HandlerSelect } from './HandlerSelect';
import { useHandledBy } from '#db/hooks';
import { ScreenTitle } from '#ui/ScreenTitle';

export function MyCasesPage() {
  const me = useCurrentPerson();
  const today = useToday();
  const rows = useHandledBy(me?.name ?? '');
  const [, navigate] = useLocation();
  const t = useT();
  const { locale } = useLocale();

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <ScreenTitle>{t('my.title')}</ScreenTitle>
        <Text size="sm" c="dimmed">
          {me ? t('my.intro', { name: me.name }) : t('my.nobody')}
        </Text>
      </div>
      {!me ? null : rows === undefined ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('my.none', { name: me.name })}</Text>
      ) : (
        // A narrow window scrolls the table in its own box, not the page (WCAG 1.4.10).
        <Table.ScrollContainer minWidth={640} type="native">
          <Table highlightOnHover aria-label={t('my.table')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('my.col.reference')}</Table.Th>
                <Table.Th>{t('my.col.customer')}</Table.Th>
                <Table.Th>{t('my.col.stage')}</Table.Th>
                <Table.Th>{t('my.col.nextDeadline')}</Table.Th>
                <Table.Th>{t('my.col.due')}</Table.Th>
                <Table.Th w={200}>{t('my.col.handler')}</Table.Th>
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
                    <Table.Td>{nameIn(t, r.customerName)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.stageName ? builtInWordsIn(locale, r.stageName) : '—'}</Text>
                      {r.pausedSince && (
                        <Text size="xs" c="dimmed">
                          {t('my.pausedSince', { date: formatDate(r.pausedSince) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.nextClockLabel ? clockLabel(t, r.nextClockLabel) : '—'}</Text>
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
                          {describeDueIn(t, r.nextDueOn, today)}
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
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
