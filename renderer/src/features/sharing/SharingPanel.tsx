// Settings → "Share cases with your team" (issue #14). Two steps, because the page may only talk to a server its
// Content-Security-Policy names: first the server's address and the team's database (the desktop app then reloads
// its window with that server allowed), then the desk's server login, tested and joined. The password goes to the
// server's sign-in only; it is never stored.
import { openConfirm } from '#ui/confirm';
import { Alert, Button, Group, Paper, PasswordInput, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { MainMessage } from '#shared/ipc/messages';
import { DESK_PREFIX_PATTERN } from '#shared/model/reference';
import { anyWaiting } from '#shared/sync/waiting';
import { checkSharingConfig, SERVER_URL_EXAMPLE, type SharingConfig } from '#shared/security/sharing';
import { useSettings } from '#db/hooks';
import { saveSettings } from '#db/repositories/cases';
import { db } from '#db/schema';
import { platform } from '#platform';
import {
  checkTeamDatabase,
  JoinRefusedError,
  sharingProblemIn,
  signIn,
  statusLine,
  teamSync,
  waitingLine,
  type SharingSaying,
} from '#sync';
import { failureIn, sayingIn, useT } from '#lib/i18n/index';
import { formatTimestamp } from '#lib/format';
import { FormattedMessage } from 'react-intl';
import { useMembership, useSharingStatus } from './hooks';
import { useNow } from '#lib/now';

/** The team server's set-up command, as typed. */

type Checked = { ok: true; holdsCases: boolean } | { ok: false; reason: string; said: SharingSaying } | null;

export function SharingPanel() {
  const membership = useMembership();
  const t = useT();
  const [config, setConfig] = useState<SharingConfig | null | undefined>(undefined);
  const [configProblem, setConfigProblem] = useState<{ error: string; message?: MainMessage | null } | null>(null);
  useEffect(() => {
    void platform()
      .sharing.status()
      .then((s) => {
        if (s.ok) {
          setConfig(s.config);
          setConfigProblem(s.problem ? { error: s.problem, message: s.problemMessage } : null);
        } else setConfig(null);
      });
  }, []);
  if (membership === undefined || config === undefined) return null;
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="sharing-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="sharing-title">
          {t('sharing.title')}
        </Title>
        {membership ? (
          <Joined serverUrl={membership.serverUrl} database={membership.database} user={membership.user} />
        ) : (
          <>
            <Text size="sm">{t('sharing.intro')}</Text>
            <ServerStep config={config} problem={configProblem && failureIn(t, configProblem)} onChanged={setConfig} />
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
  const t = useT();
  const [serverUrl, setServerUrl] = useState(props.config?.serverUrl ?? '');
  const [database, setDatabase] = useState(props.config?.database ?? 'complaints');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const checked = checkSharingConfig({ serverUrl: serverUrl.trim(), database: database.trim() });
    if (!checked.ok) return setError(sayingIn(t, 'sharingConfig', checked.said));
    setError(null);
    setBusy(true);
    try {
      const result = await platform().sharing.configure({ config: checked.config });
      if (!result.ok) return setError(failureIn(t, result));
      if (result.problem) return setError(failureIn(t, { error: result.problem, message: result.problemMessage }));
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
            label={t('sharing.server')}
            description={t('sharing.serverHint', { example: SERVER_URL_EXAMPLE })}
            value={serverUrl}
            onChange={(e) => setServerUrl(e.currentTarget.value)}
            // Grows to 20rem where there is room; at 320 CSS px it shrinks, and the example address wraps.
            style={{ flex: '1 1 20rem', minWidth: 0 }}
            styles={{ description: { overflowWrap: 'anywhere' } }}
            required
          />
          <TextInput
            label={t('sharing.database')}
            value={database}
            onChange={(e) => setDatabase(e.currentTarget.value)}
            required
          />
          <Button type="submit" variant="default" loading={busy}>
            {t('sharing.useServer')}
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
  const t = useT();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState<Checked>(null);
  const [takenBy, setTakenBy] = useState<string[]>([]);
  const [prefix, setPrefix] = useState('');
  const [busy, setBusy] = useState(false);
  // p8b: why the team refused this desk's providers or procedures (their ids held with other content).
  const [clashes, setClashes] = useState<SharingSaying[]>([]);
  // explore34-team #2: the prefixes this login already issues references under from another computer (none: not in use).
  // With the prefix to join under and how to put the one before back (a new prefix chosen just before), kept until
  // the handler answers.
  const [inUse, setInUse] = useState<{
    prefixes: string[];
    deskPrefix: string;
    undo?: () => Promise<unknown>;
  } | null>(null);
  const referencesClash = clashes.some((c) => c.code === 'reference-prefix-clash');

  const test = async (): Promise<Checked> => {
    setTakenBy([]);
    setClashes([]);
    setInUse(null);
    const session = await signIn(config.serverUrl, user.trim(), password);
    const result: Checked = session.ok ? await checkTeamDatabase(config.serverUrl, config.database) : session;
    setChecked(result);
    return result;
  };
  /**
   * Join; `deskPrefix`: the prefix just saved (the settings read for this screen may not have it yet), and `undo` to
   * put the one before back if the team refuses the join (the desk is then as it was). `replacing`: the handler said
   * this computer replaces the other one using this login.
   */
  const join = async (deskPrefix = settings?.deskPrefix, undo?: () => Promise<unknown>, replacing = false) => {
    if (!settings || !deskPrefix) return;
    setBusy(true);
    try {
      const result = await test();
      if (!result?.ok) return;
      const taken = await teamSync().prefixTakenBy(config.serverUrl, config.database, user.trim(), deskPrefix);
      if (taken.length) {
        // Cases already logged here under the prefix keep their references whatever prefix comes next: the join would
        // be refused after a new one was chosen, so it is refused now, with why (explore33-team #3).
        const clash = await teamSync().referenceClashesAt(config.serverUrl, config.database, user.trim());
        if (clash.length) setClashes(clash);
        else setTakenBy(taken);
        return;
      }
      if (!replacing) {
        const issued = await teamSync().loginInUseAt(config.serverUrl, config.database, user.trim());
        if (issued.length) return setInUse({ prefixes: issued, deskPrefix, undo });
      }
      try {
        await teamSync().join({ serverUrl: config.serverUrl, database: config.database, user: user.trim() });
      } catch (error) {
        if (!(error instanceof JoinRefusedError)) throw error;
        await undo?.();
        setClashes(error.said);
        return;
      }
      setPassword('');
      notifications.show({ color: 'teal', title: t('sharing.joined'), message: t('sharing.joinedMessage') });
    } finally {
      setBusy(false);
    }
  };
  const joinWithPrefix = async () => {
    if (!settings || !DESK_PREFIX_PATTERN.test(prefix)) return;
    const taken = await teamSync().prefixTakenBy(config.serverUrl, config.database, user.trim(), prefix);
    if (taken.length) return setTakenBy(taken);
    const before = settings;
    await saveSettings(db(), { ...settings, deskPrefix: prefix });
    setTakenBy([]);
    await join(prefix, () => saveSettings(db(), before));
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void join(settings?.deskPrefix);
      }}
    >
      <Stack gap="xs">
        <Text size="sm">
          <FormattedMessage id="sharing.signInWith" values={{ server: config.serverUrl }} />
        </Text>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('sharing.user')}
            autoComplete="username"
            value={user}
            onChange={(e) => setUser(e.currentTarget.value)}
            required
          />
          <PasswordInput
            label={t('sharing.password')}
            description={t('sharing.passwordHint')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
          />
        </Group>
        <Group>
          <Button variant="default" disabled={!user || !password} onClick={() => void test()}>
            {t('sharing.test')}
          </Button>
          <Button type="submit" loading={busy} disabled={!user || !password || !settings}>
            {t('sharing.join')}
          </Button>
        </Group>
        {checked && (
          <Alert color={checked.ok ? 'teal' : 'red'} variant="light" role={checked.ok ? 'status' : 'alert'}>
            {checked.ok
              ? t(checked.holdsCases ? 'sharing.connected' : 'sharing.connectedEmpty')
              : sharingProblemIn(t, checked.said)}
          </Alert>
        )}
        {clashes.length > 0 && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={t(referencesClash ? 'sharing.referenceClashTitle' : 'sharing.idClashTitle')}
            data-join-refused=""
          >
            <Stack gap="xs">
              {clashes.map((said) => (
                <Text size="sm" key={JSON.stringify(said)}>
                  {sharingProblemIn(t, said)}
                </Text>
              ))}
              {referencesClash && <Text size="sm">{t('sharing.referenceClashText')}</Text>}
              {clashes.some((c) => c.code !== 'reference-prefix-clash') && (
                <Text size="sm">{t('sharing.idClashText')}</Text>
              )}
            </Stack>
          </Alert>
        )}
        {inUse && (
          <Alert color="orange" variant="light" role="alert" title={t('sharing.loginInUse')} data-login-in-use="">
            <Stack gap="xs">
              <Text size="sm">
                {t('sharing.loginInUseText', {
                  user: user.trim(),
                  prefixes: inUse.prefixes.map((p) => `${p}-`).join(', '),
                })}
              </Text>
              <Text size="sm">{t('sharing.loginInUseReplaces')}</Text>
              <Group>
                <Button variant="default" loading={busy} onClick={() => void join(inUse.deskPrefix, inUse.undo, true)}>
                  {t('sharing.joinReplacing')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {takenBy.length > 0 && settings && (
          <Alert color="orange" variant="light" role="alert" title={t('sharing.prefixTaken')}>
            <Stack gap="xs">
              <Text size="sm">
                {t('sharing.prefixTakenBy', { prefix: settings.deskPrefix, desks: takenBy.join(', ') })}
              </Text>
              <Group align="flex-end">
                <TextInput
                  label={t('sharing.newPrefix')}
                  description={t('sharing.newPrefixHint')}
                  value={prefix}
                  onChange={(e) => setPrefix(e.currentTarget.value.toUpperCase())}
                  error={prefix && !DESK_PREFIX_PATTERN.test(prefix) ? t('sharing.notAPrefix') : null}
                />
                <Button variant="default" onClick={() => void joinWithPrefix()}>
                  {t('sharing.usePrefix')}
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
  const t = useT();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  // "Sync now" is busy while its rounds run; with the server still lost after it, when it was last tried is said (the
  // status line alone did not change, so the click looked ignored: explore32-team).
  const [trying, setTrying] = useState(false);
  const [triedAt, setTriedAt] = useState<string | null>(null);
  const lost = status.state.kind === 'unreachable' || status.state.kind === 'offline';
  const lastSyncedAt =
    status.state.kind === 'unreachable' || status.state.kind === 'offline' ? status.state.lastSyncedAt : undefined;
  const syncNow = async () => {
    setTrying(true);
    try {
      await teamSync().syncNow();
    } catch {
      // Said with the status's problems (TeamSync.enqueue).
    } finally {
      setTrying(false);
      setTriedAt(new Date().toISOString());
    }
  };
  const leave = async () => {
    // Changes the team has not got yet stay at this desk only once it leaves: said before the choice, counted now (a
    // desk whose sharing has not started has no count in its status).
    const counted = await teamSync()
      .changesNotSent()
      .catch(() => ('waiting' in status.state ? status.state.waiting : null));
    const waiting = counted && anyWaiting(counted) ? counted : null;
    openConfirm({
      title: t('sharing.leaveTitle'),
      children: (
        <Stack gap="xs">
          <Text size="sm">{t('sharing.leaveText')}</Text>
          {waiting && (
            <Text size="sm" fw={600} c="orange.9">
              {t('sharing.leaveWaiting', { waiting: waitingLine(waiting, t) })}
            </Text>
          )}
        </Stack>
      ),
      labels: { confirm: t('sharing.leave'), cancel: t('sharing.stay') },
      confirmProps: { color: 'red' },
      onConfirm: () => void teamSync().leave(),
    });
  };
  const signInAgain = async () => {
    const result = await signIn(props.serverUrl, props.user, password);
    setPassword('');
    if (!result.ok) return setError(sharingProblemIn(t, result.said));
    setError(null);
    await teamSync().stop();
    await teamSync().start();
  };
  return (
    <Stack gap="xs">
      <Text size="sm">
        <FormattedMessage
          id="sharing.sharesWith"
          values={{ database: <b>{props.database}</b>, server: props.serverUrl, user: <b>{props.user}</b> }}
        />
      </Text>
      <Text size="sm" aria-live="polite">
        {statusLine(status.state, now, t)}
      </Text>
      {/* Lost: when the desk last synced (a branch offline all day), and when "Sync now" last tried (explore34c #7). */}
      {lost && (lastSyncedAt || (triedAt && !trying)) && (
        <Text size="sm" c="dimmed" data-sync-lost-since>
          {[
            lastSyncedAt ? t('sharing.lastSynced', { time: formatTimestamp(lastSyncedAt) }) : null,
            triedAt && !trying ? t('sharing.triedAgain', { time: formatTimestamp(triedAt) }) : null,
          ]
            .filter(Boolean)
            .join(' ')}
        </Text>
      )}
      {status.state.kind === 'downloading' && status.state.total > 0 && (
        <Progress
          value={Math.min(100, (100 * status.state.done) / status.state.total)}
          aria-label={t('sharing.downloading')}
        />
      )}
      {status.state.kind === 'signed-out' && (
        <Group align="flex-end">
          <PasswordInput
            label={t('sharing.passwordFor', { user: props.user })}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button onClick={() => void signInAgain()} disabled={!password}>
            {t('sharing.signInAgain')}
          </Button>
        </Group>
      )}
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button variant="default" loading={trying} onClick={() => void syncNow()}>
          {t('sharing.syncNow')}
        </Button>
        <Button variant="default" color="red" onClick={() => void leave()}>
          {t('sharing.leaveButton')}
        </Button>
      </Group>
    </Stack>
  );
}
