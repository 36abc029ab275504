// The home screen: what needs doing, most urgent first. Each case sits in one of the due lists by its most urgent
// pending clock; every item is one click (or Tab + Enter) from its case.
import { Group, Loader, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useRef, type RefObject } from 'react';
import { useLocation } from 'wouter';
import { calendarDaysBetween } from '#shared/rules/index';
import { useToday } from '#lib/today';
import type { CaseIndexRow } from '#db/schema';
import { formatDate } from '#lib/format';
import { useCurrentPerson } from '#features/people';
import { ReminderFailuresAlert } from '#features/reminders';
import { ADR_LETTER_HORIZON_DAYS, describeDue, REFERRAL_HORIZON_DAYS, WEEK_DAYS } from '#db/case-index/due';
import { useDashboard, type DueList } from '#db/case-index/queries';
import classes from './dashboard.module.css';
import { dateWithWeekdayInWords } from '#shared/model/dates';
import { ScreenTitle } from '#ui/ScreenTitle';

type Tone = 'red' | 'orange' | 'gray';

function toneFor(dueOn: string | null, today: string): Tone {
  if (!dueOn) return 'gray';
  if (dueOn < today) return 'red';
  if (dueOn === today) return 'orange';
  return 'gray';
}

interface ItemView {
  row: CaseIndexRow;
  /** What is due, e.g. "First response" or "ADR letter". */
  what: string;
  dueOn: string | null;
  /** Words for the badge: "3 days overdue", "2 days left". */
  when: string;
  tone: Tone;
}

/**
 * One case of a due list. Drawn with plain elements and the page's own classes (the look of Mantine's Group, Text and
 * light Badge): the dashboard draws up to 300 of these on a cold start, and Mantine's components cost several times
 * as much to render each (issue #19).
 */
function CaseItem({ item }: { item: ItemView }) {
  const [, navigate] = useLocation();
  const { row } = item;
  return (
    <li className={classes.item}>
      <a
        className={classes.link}
        href={`#/cases/${row.caseId}`}
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          navigate(`/cases/${row.caseId}`);
        }}
      >
        <span className={classes.row}>
          <span className={classes.main}>
            <span className={classes.line}>
              <span className={classes.reference}>{row.reference}</span>
              <span className={classes.name}>{row.customerName}</span>
            </span>
            <span className={classes.detail}>
              {item.what}
              {item.dueOn ? ` · ${formatDate(item.dueOn)}` : ''}
              {row.assignee ? ` · ${row.assignee}` : ''}
            </span>
          </span>
          <span className={classes.when} data-tone={item.tone}>
            {item.when}
          </span>
        </span>
      </a>
    </li>
  );
}

interface SectionProps {
  id: string;
  title: string;
  description: string;
  list: DueList;
  empty: string;
  view: (row: CaseIndexRow) => ItemView;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

function Section({ id, title, description, list, empty, view, headingRef }: SectionProps) {
  const headingId = `dash-${id}`;
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby={headingId}>
      <Group justify="space-between" align="baseline" mb={4}>
        <Title order={3} size="h4" id={headingId} ref={headingRef} tabIndex={-1} className={classes.heading}>
          {title}
        </Title>
        <Text size="sm" c="dimmed" aria-hidden>
          {list.count}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {description}
      </Text>
      {list.count === 0 ? (
        <Text size="sm" c="dimmed" py={6}>
          {empty}
        </Text>
      ) : (
        <ul className={classes.list} aria-label={title}>
          {list.rows.map((row) => (
            <CaseItem key={row.caseId} item={view(row)} />
          ))}
        </ul>
      )}
      {list.count > list.rows.length && (
        <Text size="xs" c="dimmed" mt="xs">
          Showing the {list.rows.length} most urgent of {list.count}.
        </Text>
      )}
    </Paper>
  );
}

function Tile({ label, count, tone, onClick }: { label: string; count: number; tone: Tone; onClick: () => void }) {
  const color = count === 0 ? 'dimmed' : tone === 'gray' ? undefined : `${tone}.8`;
  return (
    // The button is named by what it shows ("Overdue 1"), so a voice-control user can say what they see.
    <UnstyledButton className={classes.tile} onClick={onClick}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <Text fz={28} fw={600} lh={1.2} c={color}>
        {count}
      </Text>
    </UnstyledButton>
  );
}

export function DashboardPage() {
  const today = useToday();
  const data = useDashboard(today);
  const me = useCurrentPerson();
  const refs = {
    overdue: useRef<HTMLHeadingElement>(null),
    today: useRef<HTMLHeadingElement>(null),
    week: useRef<HTMLHeadingElement>(null),
    unack: useRef<HTMLHeadingElement>(null),
    adr: useRef<HTMLHeadingElement>(null),
    referral: useRef<HTMLHeadingElement>(null),
  };
  const jump = (ref: RefObject<HTMLHeadingElement | null>) => () => {
    ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    ref.current?.focus({ preventScroll: true });
  };

  const next = (row: CaseIndexRow): ItemView => ({
    row,
    what: row.nextClockLabel ?? 'Next deadline',
    dueOn: row.nextDueOn,
    when: row.nextDueOn ? describeDue(row.nextDueOn, today) : '',
    tone: toneFor(row.nextDueOn, today),
  });
  const waiting = (row: CaseIndexRow): ItemView => {
    const days = calendarDaysBetween(row.receivedOn, today);
    return {
      row,
      what: `Received ${formatDate(row.receivedOn)}`,
      dueOn: null,
      when: days === 0 ? 'received today' : `waiting ${days} day${days === 1 ? '' : 's'}`,
      tone: toneFor(row.nextDueOn, today),
    };
  };
  const adrLetter = (row: CaseIndexRow): ItemView => ({
    row,
    what: 'ADR letter',
    dueOn: row.adrLetterDueOn,
    when: row.adrLetterDueOn ? describeDue(row.adrLetterDueOn, today) : '',
    tone: toneFor(row.adrLetterDueOn, today),
  });
  const referral = (row: CaseIndexRow): ItemView => ({
    row,
    what: 'Customer’s ADR referral window closes',
    dueOn: row.adrReferralEndsOn,
    when: row.adrReferralEndsOn ? describeDue(row.adrReferralEndsOn, today).replace('due today', 'closes today') : '',
    tone: 'gray',
  });

  return (
    <Stack gap="lg" maw={1200} data-ready={data ? 'dashboard' : undefined}>
      <Group justify="space-between" align="flex-end">
        <div>
          <ScreenTitle>Dashboard</ScreenTitle>
          <Text c="dimmed" size="sm">
            {dateWithWeekdayInWords(today)}
            {me ? ` · ${me.name}` : ''}
          </Text>
        </div>
      </Group>

      <ReminderFailuresAlert />

      {!data ? (
        <Loader aria-label="Loading the dashboard" size="sm" />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, xl: 6 }} spacing="sm" aria-label="Summary">
            <Tile label="Overdue" count={data.overdue.count} tone="red" onClick={jump(refs.overdue)} />
            <Tile label="Due today" count={data.dueToday.count} tone="orange" onClick={jump(refs.today)} />
            <Tile label="Due this week" count={data.dueThisWeek.count} tone="gray" onClick={jump(refs.week)} />
            <Tile label="Unacknowledged" count={data.unacknowledged.count} tone="gray" onClick={jump(refs.unack)} />
            <Tile label="ADR letters due" count={data.adrLettersDue.count} tone="gray" onClick={jump(refs.adr)} />
            <Tile
              label="Referral windows"
              count={data.referralWindowsClosing.count}
              tone="gray"
              onClick={jump(refs.referral)}
            />
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
            <Stack gap="md">
              <Section
                id="overdue"
                title="Overdue"
                description="The case's next deadline has passed."
                list={data.overdue}
                empty="Nothing overdue."
                view={next}
                headingRef={refs.overdue}
              />
              <Section
                id="today"
                title="Due today"
                description="The case's next deadline is today."
                list={data.dueToday}
                empty="Nothing due today."
                view={next}
                headingRef={refs.today}
              />
              <Section
                id="week"
                title="Due this week"
                description={`The case's next deadline is in the next ${WEEK_DAYS} days.`}
                list={data.dueThisWeek}
                empty="Nothing due in the next few days."
                view={next}
                headingRef={refs.week}
              />
            </Stack>
            <Stack gap="md">
              <Section
                id="unacknowledged"
                title="Unacknowledged"
                description="Open complaints not yet acknowledged, the longest waiting first."
                list={data.unacknowledged}
                empty="Every open complaint has been acknowledged."
                view={waiting}
                headingRef={refs.unack}
              />
              <Section
                id="adr"
                title="ADR letters due"
                description={`Overdue or due in the next ${ADR_LETTER_HORIZON_DAYS} days, not yet sent.`}
                list={data.adrLettersDue}
                empty="No ADR letters due."
                view={adrLetter}
                headingRef={refs.adr}
              />
              <Section
                id="referral"
                title="ADR referral windows closing"
                description={`The customer's time to take the complaint to the ADR scheme ends in the next ${REFERRAL_HORIZON_DAYS} days.`}
                list={data.referralWindowsClosing}
                empty="No referral windows closing soon."
                view={referral}
                headingRef={refs.referral}
              />
            </Stack>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
