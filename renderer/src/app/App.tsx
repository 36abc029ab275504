import { AppShell, Box, Burger, Center, Group, Loader, NavLink, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { useProcedureRows, useSettings } from '#db/hooks';
import { db } from '#db/schema';
import { deskCompanyName } from '#shared/model/provider';
import { caseIndexStore } from '#db/case-index/store';
import { prepareSearch } from '#db/case-index/text-index';
import { DashboardPage } from '#features/dashboard';
import { CommandPalette, PaletteButton, PaletteShortcut } from '#features/palette';
import { ensureDeskPerson } from '#features/people';
import { MyCasesPage } from '#features/people';
import { PersonPicker } from '#features/people';
import { Reminders } from '#features/reminders';
import { DataKeeper } from '#features/data';
import { DataPage } from '#features/data';
import { ImportPage } from '#features/exchange';
import { PrivacyPage } from '#features/privacy';
import { RetentionOnStart } from '#features/privacy';
import { platform } from '#platform';
import { AboutDialog, AboutLink } from '#features/about';
import { SyncStatus, TeamPage } from '#features/sharing';
import { teamSync } from '#sync';
import { useCurrentPerson } from '#features/people';
import { useT } from '#lib/i18n/index';
import { LiveAnnouncer } from './LiveAnnouncer';
import { MenuCommands } from './MenuCommands';
import { EmailDrop } from './EmailDrop';
import { ScreenErrorBoundary } from './ScreenError';
import { afterNextFrame } from '#lib/after-first-frame';
import { type StartGate, useStartGate } from './start-gate';

// The screens after the first are loaded when first opened, each feature in a chunk of its own (with what only it
// uses: pdf-lib and the letter builders, the report charts, the intake form…), so a cold start parses and runs only
// the shell and the dashboard (issue #19).
// The case list needs every case index row: reading them starts with the chunk's download, not after it has run.
const CaseListPage = lazy(() => {
  void caseIndexStore().ready();
  return import('#features/case-list').then((m) => ({ default: m.CaseListPage }));
});
const CasePage = lazy(() => import('#features/cases').then((m) => ({ default: m.CasePage })));

/**
 * Once the dashboard is drawn: the case list's chunk, every case index row and the search's structures are made
 * ready in the background, so the list (and a search) opens without waiting for them (issue #19). The same reads as
 * opening the list; one load, shared (a click meanwhile waits for that load, never starts another).
 */
function warmCaseList() {
  // A warm-up only: what fails here (the code not fetched, the rows not read) is met, and said, when the list opens.
  const ignore = () => {};
  import('#features/case-list').catch(ignore);
  const store = caseIndexStore();
  Promise.all([store.ready(), import('#features/search')])
    .then(([, search]) => {
      const { rows } = store.getSnapshot();
      search.prepareCaseList(rows);
      prepareSearch(rows);
    })
    .catch(ignore);
}
/**
 * What works in the background at start (reminders, the backup keeper, retention, the command palette, dropped
 * emails) is mounted once the first screen is drawn, so a cold start's first figures never wait for it (issue #19):
 * on the dashboard once its figures are drawn, on any other screen after the first frame; at most BACKGROUND_LATEST_MS
 * after the desk has started, whatever the screen does. A state set from the dashboard's callback, not a store read
 * with useSyncExternalStore like the start gate: a store's change is drawn at once, in the dashboard's own task, and
 * mounting all of the above there held up the frame after the figures (about 20-40 ms in alternating cold opens at
 * 100,000 cases, twenty-second session); a state set is drawn in a task of its own.
 */
const BACKGROUND_LATEST_MS = 2000;
const backgroundListeners = new Set<() => void>();
let dashboardDrawn = false;
function dashboardShown() {
  warmCaseList();
  dashboardDrawn = true;
  for (const listener of backgroundListeners) listener();
}
function useBackground(started: boolean): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (!started || on) return;
    const begin = () => setOn(true);
    if (dashboardDrawn) return begin();
    backgroundListeners.add(begin);
    const onDashboard = window.location.hash === '' || window.location.hash === '#/';
    const timer = onDashboard ? setTimeout(begin, BACKGROUND_LATEST_MS) : undefined;
    const cancel = onDashboard ? () => {} : afterNextFrame(begin, BACKGROUND_LATEST_MS);
    return () => {
      backgroundListeners.delete(begin);
      clearTimeout(timer);
      cancel();
    };
  }, [started, on]);
  return on;
}

const IntakePage = lazy(() => import('#features/intake').then((m) => ({ default: m.IntakePage })));
const SettingsPage = lazy(() => import('#features/settings').then((m) => ({ default: m.SettingsPage })));
const LettersToPostPage = lazy(() => import('#features/post').then((m) => ({ default: m.LettersToPostPage })));
const ReportsPage = lazy(() => import('#features/reports').then((m) => ({ default: m.ReportsPage })));

function ScreenLoading() {
  const t = useT();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

function Nav({ onNavigate }: { onNavigate: () => void }) {
  const [location, navigate] = useLocation();
  const t = useT();
  const item = (href: string, label: string, active: boolean) => (
    <NavLink
      href={`#${href}`}
      label={label}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        navigate(href);
        onNavigate();
      }}
    />
  );
  // Link names stay distinct words ("Cases" is not part of any other), so a screen reader user (and a test) can ask
  // for each one by name.
  return (
    <>
      {item('/', t('app.nav.dashboard'), location === '/')}
      {item('/cases', t('app.nav.cases'), location === '/cases' || location.startsWith('/cases/'))}
      {item('/my', t('app.nav.my'), location === '/my')}
      {item('/new', t('app.nav.new'), location === '/new')}
      {item('/post', t('app.nav.post'), location === '/post')}
      {item('/reports', t('app.nav.reports'), location === '/reports')}
      {item('/privacy', t('app.nav.privacy'), location === '/privacy')}
      {item('/data', t('app.nav.data'), location === '/data')}
      {item('/team', t('app.nav.team'), location === '/team')}
      {item('/settings', t('app.nav.settings'), location === '/settings')}
    </>
  );
}

function NotificationRouting() {
  const [, navigate] = useLocation();
  useEffect(() => platform().onNotificationClick((caseId) => navigate(`/cases/${caseId}`)), [navigate]);
  return null;
}

/** The person working is recorded beside the desk's server user on the case revisions it sends to the team. */
function SharingPerson() {
  const person = useCurrentPerson();
  const name = person?.name;
  useEffect(() => teamSync().setPerson(() => name), [name]);
  return null;
}

/** The first-run default of the people list: the handler named in the settings. */
function DeskPersonDefault({ handlerName }: { handlerName: string }) {
  useEffect(() => {
    ensureDeskPerson(db(), handlerName).catch((error: unknown) =>
      console.warn('Could not add the desk’s first person', error),
    );
  }, [handlerName]);
  return null;
}

/** The first Tab stop: straight to the screen's heading, past the header and the navigation. */
function SkipLink() {
  const t = useT();
  return (
    <a
      className="skip-link"
      href="#main-content"
      onClick={(e) => {
        // The app routes by the hash: move the focus instead of following the link.
        e.preventDefault();
        const target = document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main');
        target?.focus();
      }}
    >
      {t('app.skipToContent')}
    </a>
  );
}

export function App({ started }: { started: StartGate }) {
  // The shell is drawn at once, before the database is open (issue #19). What needs the desk's settings, and
  // everything that may write, waits for the settings and for the start gate (./start-gate.ts): until then the header
  // and the navigation are drawn, the screen shows a loader.
  const stored = useSettings();
  const settings = useStartGate(started) ? stored : undefined;
  const background = useBackground(settings !== undefined);
  // The desk's own procedures are the rules' (installed at open; again here when any window changes them).
  useProcedureRows();
  const t = useT();
  // Under 576 CSS px (a phone, or 400 % zoom) the navigation folds into a menu button.
  const [navOpened, nav] = useDisclosure(false);
  const narrow = useMediaQuery('(max-width: 35.99em)') ?? false;
  const burger = useRef<HTMLButtonElement>(null);
  // On a narrow window the open menu covers the page: Escape closes it and puts the focus back on "Menu", and the page
  // under it cannot take the focus meanwhile (WCAG 2.4.3, 2.4.11: explore34b #3).
  const menuCovers = narrow && navOpened;
  useEffect(() => {
    if (!menuCovers) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      nav.close();
      burger.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuCovers, nav]);
  return (
    <Router hook={useHashLocation}>
      <NotificationRouting />
      <MenuCommands />
      <PaletteShortcut />
      <AboutDialog />
      {settings && (
        <>
          <DeskPersonDefault handlerName={settings.handlerName} />
          <SharingPerson />
        </>
      )}
      {settings && background && (
        <>
          <Reminders />
          <DataKeeper />
          <RetentionOnStart />
          <CommandPalette />
          <EmailDrop />
        </>
      )}
      <SkipLink />
      <LiveAnnouncer />
      <AppShell
        header={{ height: 52 }}
        navbar={{ width: 200, breakpoint: 'xs', collapsed: { mobile: !navOpened } }}
        padding={{ base: 'sm', xs: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="lg" wrap="nowrap">
              <Burger
                ref={burger}
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="xs"
                size="sm"
                aria-label={t('app.menu')}
                aria-expanded={navOpened}
                aria-controls="main-navigation"
              />
              {/* Not a paragraph: the header's height is fixed, and a paragraph's spacing (WCAG 1.4.12) pushed it out. */}
              <Text component="div" fz="h3" fw={600} c="teal.8">
                {t('app.name')}
              </Text>
              {settings && (
                <Box visibleFrom="xs">
                  <PaletteButton />
                </Box>
              )}
            </Group>
            {settings && (
              <Group gap="sm" wrap="nowrap">
                <SyncStatus />
                <Group gap="sm" wrap="nowrap" visibleFrom="xs">
                  <Text component="div" size="sm" c="dimmed" visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                    {deskCompanyName(settings)}
                  </Text>
                  <PersonPicker />
                </Group>
              </Group>
            )}
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('app.mainNavigation')} id="main-navigation" inert={narrow && !navOpened}>
          {settings && (
            <Box hiddenFrom="xs" mb="sm">
              <PersonPicker />
            </Box>
          )}
          <Nav onNavigate={nav.close} />
          <AboutLink />
        </AppShell.Navbar>
        <AppShell.Main id="main-content" inert={menuCovers}>
          <ScreenErrorBoundary>
            <Suspense fallback={<ScreenLoading />}>
              {settings === undefined ? (
                <ScreenLoading />
              ) : settings === null ? (
                <SettingsPage firstRun />
              ) : (
                <Switch>
                  <Route path="/">{() => <DashboardPage onShown={dashboardShown} />}</Route>
                  <Route path="/cases" component={CaseListPage} />
                  <Route path="/cases/:id">
                    {/* Keyed by case: a jump to another case (the palette, a link) closes what was open on the one
                        before (its action form keeps its draft for that case) instead of leaving it over the new one. */}
                    {(params) => <CasePage key={params.id} id={params.id} />}
                  </Route>
                  <Route path="/my" component={MyCasesPage} />
                  <Route path="/new" component={IntakePage} />
                  <Route path="/post" component={LettersToPostPage} />
                  <Route path="/reports" component={ReportsPage} />
                  <Route path="/import" component={ImportPage} />
                  <Route path="/privacy" component={PrivacyPage} />
                  <Route path="/data" component={DataPage} />
                  <Route path="/settings">{() => <SettingsPage />}</Route>
                  <Route path="/team" component={TeamPage} />
                  <Route>
                    <Redirect to="/" />
                  </Route>
                </Switch>
              )}
            </Suspense>
          </ScreenErrorBoundary>
        </AppShell.Main>
      </AppShell>
    </Router>
  );
}
