import { AppShell, Center, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { useSettings } from '../db/hooks';
import { CaseListPage } from '../features/cases/CaseListPage';
import { CasePage } from '../features/cases/CasePage';
import { IntakePage } from '../features/intake/IntakePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { platform } from '../platform';

function Nav() {
  const [location, navigate] = useLocation();
  const item = (href: string, label: string, active: boolean) => (
    <NavLink
      href={`#${href}`}
      label={label}
      active={active}
      onClick={(e) => {
        e.preventDefault();
        navigate(href);
      }}
    />
  );
  return (
    <>
      {item('/', 'Cases', location === '/' || location.startsWith('/cases'))}
      {item('/new', 'New complaint', location === '/new')}
      {item('/settings', 'Settings', location === '/settings')}
    </>
  );
}

function NotificationRouting() {
  const [, navigate] = useLocation();
  useEffect(() => platform().onNotificationClick((caseId) => navigate(`/cases/${caseId}`)), [navigate]);
  return null;
}

export function App() {
  const settings = useSettings();
  if (settings === undefined) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  return (
    <Router hook={useHashLocation}>
      <NotificationRouting />
      <AppShell header={{ height: 52 }} navbar={{ width: 200, breakpoint: 'xs' }} padding="lg">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between">
            <Title order={3} c="teal.8">
              Redress
            </Title>
            {settings && (
              <Text size="sm" c="dimmed">
                {settings.company.name} · {settings.handlerName}
              </Text>
            )}
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label="Main">
          <Nav />
        </AppShell.Navbar>
        <AppShell.Main>
          {settings === null ? (
            <SettingsPage firstRun />
          ) : (
            <Switch>
              <Route path="/" component={CaseListPage} />
              <Route path="/new" component={IntakePage} />
              <Route path="/settings">{() => <SettingsPage />}</Route>
              <Route path="/cases/:id">{(params) => <CasePage id={params.id} />}</Route>
              <Route>
                <Redirect to="/" />
              </Route>
            </Switch>
          )}
        </AppShell.Main>
      </AppShell>
    </Router>
  );
}
