// Settings → "Share cases with your team" (issue #14). Two steps, because the page may only talk to a server its
// Content-Security-Policy names: first the server's address and the team's database (the desktop app then reloads
// its window with that server allowed), then the desk's server login, tested and joined. The password goes to the
// server's sign-in only; it is never stored.
import { Alert, Button, Group, Paper, PasswordInput, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { DESK_PREFIX_PATTERN } from '#shared/model/reference';
import { checkSharingConfig, SERVER_URL_EXAMPLE, type SharingConfig } from '#shared/security/sharing';
import { useSettings } from '#db/hooks';
import { saveSettings } from '#db/repositories/cases';
import { db } from '#db/schema';
import { platform } from '#platform';
import { checkTeamDatabase, signIn, statusLine, teamSync } from '#sync';
import { useMembership, useNow, useSharingStatus } from './hooks';

type Checked = { ok: true; documents: number } | { ok: false; reason: string } | null;

export function SharingPanel() {
  const membership = useMembership();
  const [config, setConfig] = useState<SharingConfig | null | undefined>(undefined);
  const [configProblem, setConfigProblem] = useState<string | null>(null);
  useEffect(() => {
    void platform()
      .sharing.status()
      .then((s) => {
        if (s.ok) {
          setConfig(s.config);
          setConfigProblem(s.problem ?? null);
        } else setConfig(null);
      });
  }, []);
  if (membership === undefined || config === undefined) return null;
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="sharing-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="sharing-title">
          Share cases with your team
        </Title>
        {membership ? (
          <Joined serverUrl={membership.serverUrl} database={membership.database} user={membership.user} />
        ) : (
          <>
            <Text size="sm">
              Desks of one team share one case store on the team’s server (Apache CouchDB). Each desk keeps the whole
              store and works without a network; changes travel when the server can be reached.
            </Text>
            <ServerStep config={config} problem={configProblem} onChanged={setConfig} />
            {config && !configProblem && <JoinStep config={config} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function ServerStep(props: {
  config: SharingConfig | null;
  problem: string | null;
  onChanged: (config: SharingConfig) => void;
}) {
  const [serverUrl, setServerUrl] = useState(props.config?.serverUrl ?? '');
  const [database, setDatabase] = useState(props.config?.database ?? 'complaints');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const checked = checkSharingConfig({ serverUrl: serverUrl.trim(), database: database.trim() });
    if (!checked.ok) return setError(checked.problem);
    setError(null);
    setBusy(true);
    try {
      const result = await platform().sharing.configure({ config: checked.config });
      if (!result.ok) return setError(result.error);
      if (result.problem) return setError(result.problem);
      if (!result.reloading) props.onChanged(checked.config);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Server address"
            description={`The team’s CouchDB, e.g. ${SERVER_URL_EXAMPLE}`}
            value={serverUrl}
            onChange={(e) => setServerUrl(e.currentTarget.value)}
            miw={320}
            required
          />
          <TextInput
            label="Team database"
            value={database}
            onChange={(e) => setDatabase(e.currentTarget.value)}
            required
          />
          <Button type="submit" variant="default" loading={busy}>
            Use this server
          </Button>
        </Group>
        {(error ?? props.problem) && (
          <Alert color="red" variant="light" role="alert">
            {error ?? props.problem}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

function JoinStep({ config }: { config: SharingConfig }) {
  const settings = useSettings();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState<Checked>(null);
  const [takenBy, setTakenBy] = useState<string[]>([]);
  const [prefix, setPrefix] = useState('');
  const [busy, setBusy] = useState(false);

  const test = async (): Promise<Checked> => {
    setTakenBy([]);
    const session = await signIn(config.serverUrl, user.trim(), password);
    const result: Checked = session.ok ? await checkTeamDatabase(config.serverUrl, config.database) : session;
    setChecked(result);
    return result;
  };
  const join = async () => {
    if (!settings) return;
    setBusy(true);
    try {
      const result = await test();
      if (!result?.ok) return;
      const taken = await teamSync().prefixTakenBy(config.serverUrl, config.database, user.trim(), settings.deskPrefix);
      if (taken.length) {
        setTakenBy(taken);
        return;
      }
      await teamSync().join({ serverUrl: config.serverUrl, database: config.database, user: user.trim() });
      setPassword('');
      notifications.show({ color: 'teal', title: 'Joined the team', message: 'This desk now shares its cases.' });
    } finally {
      setBusy(false);
    }
  };
  const joinWithPrefix = async () => {
    if (!settings || !DESK_PREFIX_PATTERN.test(prefix)) return;
    const taken = await teamSync().prefixTakenBy(config.serverUrl, config.database, user.trim(), prefix);
    if (taken.length) return setTakenBy(taken);
    await saveSettings(db(), { ...settings, deskPrefix: prefix });
    setTakenBy([]);
    await join();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void join();
      }}
    >
      <Stack gap="xs">
        <Text size="sm">
          Sign in with this desk’s login on {config.serverUrl} (your administrator made it with{' '}
          <code>npm run server:setup</code>).
        </Text>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Desk user"
            autoComplete="username"
            value={user}
            onChange={(e) => setUser(e.currentTarget.value)}
            required
          />
          <PasswordInput
            label="Password"
            description="Sent to the server only; not kept on this computer"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
          />
        </Group>
        <Group>
          <Button variant="default" disabled={!user || !password} onClick={() => void test()}>
            Test connection
          </Button>
          <Button type="submit" loading={busy} disabled={!user || !password || !settings}>
            Join the team
          </Button>
        </Group>
        {checked && (
          <Alert color={checked.ok ? 'teal' : 'red'} variant="light" role={checked.ok ? 'status' : 'alert'}>
            {checked.ok
              ? `Connected: the team database holds ${checked.documents.toLocaleString('en-GB')} records.`
              : checked.reason}
          </Alert>
        )}
        {takenBy.length > 0 && settings && (
          <Alert color="orange" variant="light" role="alert" title="Choose another reference prefix">
            <Stack gap="xs">
              <Text size="sm">
                The prefix {settings.deskPrefix} is already used by {takenBy.join(', ')}: two desks with one prefix
                would give two cases the same reference. Choose another prefix for this desk’s new cases (references
                already issued here do not change).
              </Text>
              <Group align="flex-end">
                <TextInput
                  label="New prefix"
                  description="2 to 6 capital letters or digits, starting with a letter"
                  value={prefix}
                  onChange={(e) => setPrefix(e.currentTarget.value.toUpperCase())}
                  error={prefix && !DESK_PREFIX_PATTERN.test(prefix) ? 'Not a desk prefix' : null}
                />
                <Button variant="default" onClick={() => void joinWithPrefix()}>
                  Use this prefix and join
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </form>
  );
}

function Joined(props: { serverUrl: string; database: string; user: string }) {
  const status = useSharingStatus();
  const now = useNow();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const leave = () =>
    modals.openConfirmModal({
      title: 'Leave the team?',
      children: (
        <Text size="sm">
          This desk stops sharing. It keeps its copy of the cases as they are now; changes made at other desks no longer
          arrive here, and changes made here no longer reach them.
        </Text>
      ),
      labels: { confirm: 'Leave the team', cancel: 'Stay' },
      confirmProps: { color: 'red' },
      onConfirm: () => void teamSync().leave(),
    });
  const signInAgain = async () => {
    const result = await signIn(props.serverUrl, props.user, password);
    setPassword('');
    if (!result.ok) return setError(result.reason);
    setError(null);
    await teamSync().stop();
    await teamSync().start();
  };
  return (
    <Stack gap="xs">
      <Text size="sm">
        This desk shares its cases with the team database <b>{props.database}</b> on {props.serverUrl}, as{' '}
        <b>{props.user}</b>.
      </Text>
      <Text size="sm" aria-live="polite">
        {statusLine(status.state, now)}
      </Text>
      {status.state.kind === 'downloading' && status.state.total > 0 && (
        <Progress
          value={Math.min(100, (100 * status.state.done) / status.state.total)}
          aria-label="Downloading the team’s cases"
        />
      )}
      {status.state.kind === 'signed-out' && (
        <Group align="flex-end">
          <PasswordInput
            label={`Password for ${props.user}`}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button onClick={() => void signInAgain()} disabled={!password}>
            Sign in again
          </Button>
        </Group>
      )}
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button variant="default" onClick={() => void teamSync().syncNow()}>
          Sync now
        </Button>
        <Button variant="default" color="red" onClick={leave}>
          Leave the team…
        </Button>
      </Group>
    </Stack>
  );
}
