// The home screen: what needs doing, most urgent first. Each case sits in one of the due lists by its most urgent
// pending clock, and an open case with nothing due (a reopened complaint) in a list of its own, so that no open case is
// out of sight; every item is one click (or Tab + Enter) from its case.
import { Group, Loader, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { Select } from '#ui/Select';
import { createContext, useContext, useEffect, useRef, useState, type RefObject } from 'react';
import { useLocation } from 'wouter';
import { calendarDaysBetween, proceduresMayHave } from '#shared/rules/index';
import { deskProviders } from '#shared/model/provider';
import { localIsoDate } from '#shared/model/dates';
import { useToday } from '#lib/today';
import { useDashboard, useSettings } from '#db/hooks';
import type { CaseIndexRow } from '#db/schema';
import { formatDate, formatLongDate } from '#lib/format';
import { clockLabel, describeDueIn, nameIn, useT } from '#lib/i18n/index';
import { useCurrentPerson } from '#features/people';
import { ReminderFailuresAlert } from '#features/reminders';
import { CasesScopeChoice, useCasesScope } from '#features/sharing';
import { ADR_LETTER_HORIZON_DAYS, REFERRAL_HORIZON_DAYS, WEEK_DAYS } from '#db/case-index/due';
import type { DueList } from '#db/case-index/queries';
import { afterNextFrame } from '#lib/after-first-frame';
import classes from './dashboard.module.css';
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
 * The providers' names by id, for each row to say whose case it is, while the dashboard shows the cases of several
 * providers (their references share the desk's prefix; explore40-manager #3); null when it shows one provider's.
 */
const ProviderNames = createContext<ReadonlyMap<string, string> | null>(null);

/**
 * One case of a due list. Drawn with plain elements and the page's own classes (the look of Mantine's Group, Text and
 * light Badge): the dashboard draws up to 300 of these on a cold start, and Mantine's components cost several times
 * as much to render each (issue #19).
 */
function CaseItem({ item, navigate }: { item: ItemView; navigate: (to: string) => void }) {
  const { row } = item;
  const t = useT();
  const provider = useContext(ProviderNames)?.get(row.providerId);
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
              <span className={classes.name}>{nameIn(t, row.customerName)}</span>
            </span>
            <span className={classes.detail}>
              {item.what}
              {item.dueOn ? ` · ${formatDate(item.dueOn)}` : ''}
              {provider ? ` · ${provider}` : ''}
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

/**
 * Rows of each list drawn in the first frame (a screenful on a 1080-pixel screen); the rest are drawn in the frame after,
 * so a cold start draws about 90 rows before it shows the screen instead of up to 300 (issue #19).
 */
const FIRST_FRAME_ROWS = 15;

interface SectionProps {
  id: string;
  title: string;
  description: string;
  list: DueList;
  empty: string;
  /** What the first rows are when the list is longer ("Showing the 50 most urgent of 70" unless said). */
  showing?: (shown: number, count: number) => string;
  view: (row: CaseIndexRow) => ItemView;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** False in the first frame: only the first FIRST_FRAME_ROWS rows. */
  allRows: boolean;
  navigate: (to: string) => void;
}

function Section({ id, title, description, list, empty, showing, view, headingRef, allRows, navigate }: SectionProps) {
  const t = useT();
  const rows = allRows ? list.rows : list.rows.slice(0, FIRST_FRAME_ROWS);
  const headingId = `dash-${id}`;
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby={headingId}>
      <Group justify="space-between" align="baseline" mb={4}>
        <Title order={2} size="h4" id={headingId} ref={headingRef} tabIndex={-1} className={classes.heading}>
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
          {rows.map((row) => (
            <CaseItem key={row.caseId} item={view(row)} navigate={navigate} />
          ))}
        </ul>
      )}
      {list.count > list.rows.length && (
        <Text size="xs" c="dimmed" mt="xs">
          {showing
            ? showing(list.rows.length, list.count)
            : t('dashboard.showing', { shown: list.rows.length, count: list.count })}
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

/**
 * The tiles' columns by how many there are: whole rows where the screen allows (5 in one row from a medium screen; 7 as
 * 4 + 3 until an extra-large one holds them in one row), never one tile alone on a row.
 */
const TILE_COLUMNS: Record<number, { base: number; sm?: number; md?: number; xl?: number }> = {
  5: { base: 2, sm: 3, md: 5 },
  6: { base: 2, sm: 3, xl: 6 },
  7: { base: 2, sm: 4, xl: 7 },
};

/**
 * The provider the dashboard was last narrowed to in this window: it stays chosen when the handler comes back from a
 * case or the list (it was emptied at every return: explore32-desk #7). Not stored: a new window starts with them all.
 */
let chosenProvider: string | null = null;

export function DashboardPage({ onShown }: { onShown?: () => void } = {}) {
  const today = useToday();
  const scope = useCasesScope();
  // One provider's cases, or all of them (a desk that serves several providers, issue #16).
  const settings = useSettings();
  const providers = settings ? deskProviders(settings) : [];
  const [chosen, choose] = useState<string | null>(chosenProvider);
  const setProviderId = (id: string | null) => {
    chosenProvider = id;
    choose(id);
  };
  // One the desk no longer has (removed meanwhile) narrows nothing (while the settings are read, it is taken as it is:
  // counting every case first would draw the dashboard twice).
  const providerId = chosen && (!settings || providers.some((p) => p.id === chosen)) ? chosen : null;
  const counted = useDashboard(today, 50, { desk: scope.desk, ...(providerId ? { providerId } : {}) });
  // The ADR letter and referral lists only where a provider shown can have them (its procedure's regime: not the CCTS).
  const shownProviders = providerId ? providers.filter((p) => p.id === providerId) : providers;
  const providerNames = shownProviders.length > 1 ? new Map(shownProviders.map((p) => [p.id, p.name])) : null;
  const may = proceduresMayHave(shownProviders.map((p) => p.procedureId));
  // Shown once the scope is known: a desk that counts only its own cases never sees the team's figures first.
  const data = scope.ready ? counted : undefined;
  const me = useCurrentPerson();
  const t = useT();
  // One location hook for the page's links (not one per row: up to 300 subscriptions).
  const [, navigate] = useLocation();
  // Once, after the frame that first shows the figures: every row of the lists, then what the app does next in the
  // background.
  const shown = useRef(false);
  const [allRows, setAllRows] = useState(false);
  const drawn = data !== undefined;
  useEffect(() => {
    if (!drawn || shown.current) return;
    return afterNextFrame(() => {
      shown.current = true;
      setAllRows(true);
      onShown?.();
    });
  }, [drawn, onShown]);
  const refs = {
    overdue: useRef<HTMLHeadingElement>(null),
    today: useRef<HTMLHeadingElement>(null),
    week: useRef<HTMLHeadingElement>(null),
    unack: useRef<HTMLHeadingElement>(null),
    adr: useRef<HTMLHeadingElement>(null),
    referral: useRef<HTMLHeadingElement>(null),
    nothingDue: useRef<HTMLHeadingElement>(null),
  };
  const jump = (ref: RefObject<HTMLHeadingElement | null>) => () => {
    ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    ref.current?.focus({ preventScroll: true });
  };

  const next = (row: CaseIndexRow): ItemView => ({
    row,
    what: row.nextClockLabel ? clockLabel(t, row.nextClockLabel) : t('dashboard.nextDeadline'),
    dueOn: row.nextDueOn,
    when: row.nextDueOn ? describeDueIn(t, row.nextDueOn, today) : '',
    tone: toneFor(row.nextDueOn, today),
  });
  const waiting = (row: CaseIndexRow): ItemView => {
    const days = calendarDaysBetween(row.receivedOn, today);
    return {
      row,
      what: t('dashboard.receivedOn', { date: formatDate(row.receivedOn) }),
      dueOn: null,
      when: days === 0 ? t('dashboard.receivedToday') : t('dashboard.waiting', { days }),
      tone: toneFor(row.nextDueOn, today),
    };
  };
  const adrLetter = (row: CaseIndexRow): ItemView => ({
    row,
    what: t('dashboard.adrLetter'),
    dueOn: row.adrLetterDueOn,
    when: row.adrLetterDueOn ? describeDueIn(t, row.adrLetterDueOn, today) : '',
    tone: toneFor(row.adrLetterDueOn, today),
  });
  const referral = (row: CaseIndexRow): ItemView => ({
    row,
    what: t('dashboard.referralCloses'),
    dueOn: row.adrReferralEndsOn,
    when: row.adrReferralEndsOn ? describeDueIn(t, row.adrReferralEndsOn, today, true) : '',
    tone: 'gray',
  });

  // Nothing is due: when it was received (or paused), and how long since the case last changed.
  const nothingDue = (row: CaseIndexRow): ItemView => ({
    row,
    what: row.pausedSince
      ? t('my.pausedSince', { date: formatDate(row.pausedSince) })
      : t('dashboard.receivedOn', { date: formatDate(row.receivedOn) }),
    dueOn: null,
    when: t('dashboard.nothingDue.changed', {
      days: Math.max(0, calendarDaysBetween(localIsoDate(new Date(row.updatedAt)), today)),
    }),
    tone: 'gray',
  });

  // A list no provider shown can have is left out, unless a case is on it all the same (a procedure changed since).
  const showAdr = !data || may.adrLetters || data.adrLettersDue.count > 0;
  const showReferral = !data || may.referralWindow || data.referralWindowsClosing.count > 0;
  const tiles = 5 + (showAdr ? 1 : 0) + (showReferral ? 1 : 0);
  // Without the ADR lists the right column would hold one list: "Due this week" moves over to it.
  const alone = !showAdr && !showReferral;
  const week = data && (
    <Section
      id="week"
      title={t('dashboard.week.title')}
      description={t('dashboard.week.description', { days: WEEK_DAYS })}
      list={data.dueThisWeek}
      empty={t('dashboard.week.empty')}
      view={next}
      allRows={allRows}
      navigate={navigate}
      headingRef={refs.week}
    />
  );

  return (
    <ProviderNames.Provider value={providerNames}>
      <Stack
        gap="lg"
        maw={1200}
        data-ready={data ? 'dashboard' : undefined}
        data-rows={data ? (allRows ? 'all' : 'first') : undefined}
      >
        <Group justify="space-between" align="flex-end">
          <div>
            <ScreenTitle>{t('dashboard.title')}</ScreenTitle>
            <Text c="dimmed" size="sm">
              {formatLongDate(today)}
              {me ? ` · ${me.name}` : ''}
            </Text>
          </div>
          <Group gap="sm" align="flex-end">
            {providers.length > 1 && (
              <Select
                label={t('filter.provider')}
                placeholder={t('filter.allProviders')}
                data={providers.map((p) => ({ value: p.id, label: p.name }))}
                value={providerId}
                onChange={setProviderId}
                clearable
                size="xs"
                w={220}
                maw="100%"
              />
            )}
            <CasesScopeChoice scope={scope} />
          </Group>
        </Group>

        <ReminderFailuresAlert />

        {!data ? (
          <Loader aria-label={t('dashboard.loading')} size="sm" />
        ) : (
          <>
            <SimpleGrid cols={TILE_COLUMNS[tiles]} spacing="sm" aria-label={t('dashboard.summary')}>
              <Tile
                label={t('dashboard.tile.overdue')}
                count={data.overdue.count}
                tone="red"
                onClick={jump(refs.overdue)}
              />
              <Tile
                label={t('dashboard.tile.dueToday')}
                count={data.dueToday.count}
                tone="orange"
                onClick={jump(refs.today)}
              />
              <Tile
                label={t('dashboard.tile.dueThisWeek')}
                count={data.dueThisWeek.count}
                tone="gray"
                onClick={jump(refs.week)}
              />
              <Tile
                label={t('dashboard.tile.unacknowledged')}
                count={data.unacknowledged.count}
                tone="gray"
                onClick={jump(refs.unack)}
              />
              {showAdr && (
                <Tile
                  label={t('dashboard.tile.adrLetters')}
                  count={data.adrLettersDue.count}
                  tone="gray"
                  onClick={jump(refs.adr)}
                />
              )}
              {showReferral && (
                <Tile
                  label={t('dashboard.tile.referrals')}
                  count={data.referralWindowsClosing.count}
                  tone="gray"
                  onClick={jump(refs.referral)}
                />
              )}
              <Tile
                label={t('dashboard.tile.nothingDue')}
                count={data.openNothingDue.count}
                tone="gray"
                onClick={jump(refs.nothingDue)}
              />
            </SimpleGrid>

            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
              <Stack gap="md">
                <Section
                  id="overdue"
                  title={t('dashboard.overdue.title')}
                  description={t('dashboard.overdue.description')}
                  list={data.overdue}
                  empty={t('dashboard.overdue.empty')}
                  view={next}
                  allRows={allRows}
                  navigate={navigate}
                  headingRef={refs.overdue}
                />
                <Section
                  id="today"
                  title={t('dashboard.today.title')}
                  description={t('dashboard.today.description')}
                  list={data.dueToday}
                  empty={t('dashboard.today.empty')}
                  view={next}
                  allRows={allRows}
                  navigate={navigate}
                  headingRef={refs.today}
                />
                {!alone && week}
                <Section
                  id="nothing-due"
                  title={t('dashboard.nothingDue.title')}
                  description={t('dashboard.nothingDue.description')}
                  list={data.openNothingDue}
                  empty={t('dashboard.nothingDue.empty')}
                  showing={(shown, count) => t('dashboard.nothingDue.showing', { shown, count })}
                  view={nothingDue}
                  allRows={allRows}
                  navigate={navigate}
                  headingRef={refs.nothingDue}
                />
              </Stack>
              <Stack gap="md">
                {alone && week}
                <Section
                  id="unacknowledged"
                  title={t('dashboard.unack.title')}
                  description={t('dashboard.unack.description')}
                  list={data.unacknowledged}
                  empty={t('dashboard.unack.empty')}
                  view={waiting}
                  allRows={allRows}
                  navigate={navigate}
                  headingRef={refs.unack}
                />
                {showAdr && (
                  <Section
                    id="adr"
                    title={t('dashboard.adr.title')}
                    description={t('dashboard.adr.description', { days: ADR_LETTER_HORIZON_DAYS })}
                    list={data.adrLettersDue}
                    empty={t('dashboard.adr.empty')}
                    view={adrLetter}
                    allRows={allRows}
                    navigate={navigate}
                    headingRef={refs.adr}
                  />
                )}
                {showReferral && (
                  <Section
                    id="referral"
                    title={t('dashboard.referral.title')}
                    description={t('dashboard.referral.description', { days: REFERRAL_HORIZON_DAYS })}
                    list={data.referralWindowsClosing}
                    empty={t('dashboard.referral.empty')}
                    view={referral}
                    allRows={allRows}
                    navigate={navigate}
                    headingRef={refs.referral}
                  />
                )}
              </Stack>
            </SimpleGrid>
          </>
        )}
      </Stack>
    </ProviderNames.Provider>
  );
}
