// "Your data": back up the whole desk to a file, restore from one, the desktop's automatic daily backup, and whether
// the browser keeps the data. A vertical stack of sections (one Paper each) so more can be added below.
import { Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { BACKUP_MIME_TYPE } from '#shared/backup/format';
import { AUTO_BACKUP_KEEP_DEFAULT, AUTO_BACKUP_KEEP_MAX, type AutoBackupStatus } from '#shared/ipc/contract';
import { describeOverLimits, formatCount, lastBackup, recordBackupMade } from '#db/backup/backup';
import { makeBackupFile } from '#db/backup/client';
import { db } from '#db/schema';
import { attachmentsSpaceUsed } from '#db/repositories/attachments';
import { storageWarning } from '#shared/model/attachment';
import { platform, saveLargeFile } from '#platform';
import { runAutoBackupIfDue } from './DataKeeper';
import { NewPassphraseDialog } from './PassphraseDialogs';
import { RestorePanel, when } from './RestorePanel';
import { askToKeepData, formatBytes, type StorageFacts, storageFacts } from './storage';
import { ExportsPanel } from '#features/exchange';
import { ScreenTitle } from '#ui/ScreenTitle';

function Section({ title, label, children }: { title: string; label: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-label={label}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

// ---------------------------------------------------------------------------------------------------------------

function BackupSection() {
  const last = useLiveQuery(() => lastBackup(db()), []);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  /** "Protect with a passphrase": the passphrase itself is asked in a dialog and never kept. */
  const [protect, setProtect] = useState(false);
  const [asking, setAsking] = useState(false);

  async function backUpNow(passphrase?: string) {
    setBusy(true);
    setResult(null);
    try {
      // Made in a worker (../../db/backup-client.ts): the page keeps drawing while a large desk is written.
      const made = await makeBackupFile(passphrase);
      const saved = await saveLargeFile({ suggestedName: made.fileName, mimeType: BACKUP_MIME_TYPE, file: made.file });
      if (!saved.ok) setResult({ ok: false, text: saved.error });
      else if (!saved.saved) setResult({ ok: false, text: 'The backup was not saved (the save was cancelled).' });
      else {
        await recordBackupMade(db(), { at: made.madeAt, fileName: saved.fileName, how: 'saved' });
        const { cases, events, letters } = made.counts;
        const overLimits = describeOverLimits(made.overLimits);
        const text = `Saved ${saved.fileName}${passphrase ? ' (protected with a passphrase)' : ''}: ${formatCount(cases)} ${cases === 1 ? 'case' : 'cases'}, ${formatCount(events)} timeline ${events === 1 ? 'entry' : 'entries'}, ${formatCount(letters)} ${letters === 1 ? 'letter' : 'letters'}; checked as a restore would check it.${overLimits ? ` ${overLimits}` : ''}`;
        setResult({ ok: true, text });
        notifications.show({ color: 'teal', title: 'Backup made', message: text });
      }
    } catch (error) {
      setResult({
        ok: false,
        text: `The backup could not be made: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Back up" label="Back up">
      <Text size="sm">
        One file holds everything: every case and its timeline, the letters exactly as issued, the desk’s settings and
        people. Keep it somewhere other than this computer (a USB drive, a network folder). It holds what customers told
        you, their health and circumstances included: protect it with a passphrase whenever it leaves this computer.
      </Text>
      <Text size="sm" data-testid="last-backup">
        {last === undefined
          ? '…'
          : last
            ? `Last backup: ${when(last.at)} (${last.fileName}${last.how === 'automatic' ? ', automatic' : ''}).`
            : 'No backup has been made on this computer yet.'}
      </Text>
      <Group align="center">
        <Button data-action="backup-now" onClick={() => (protect ? setAsking(true) : void backUpNow())} loading={busy}>
          Make a backup now
        </Button>
        <Checkbox
          label="Protect with a passphrase"
          description="The file is encrypted: without the passphrase nobody can read it."
          checked={protect}
          onChange={(e) => setProtect(e.currentTarget.checked)}
          disabled={busy}
        />
      </Group>
      <NewPassphraseDialog
        opened={asking}
        title="Protect the backup with a passphrase"
        intro="The backup file will be encrypted (AES-256) with this passphrase. Restoring it, here or on another computer, asks for it."
        confirmLabel="Make the protected backup"
        onCancel={() => setAsking(false)}
        onConfirm={(passphrase) => {
          setAsking(false);
          void backUpNow(passphrase);
        }}
      />
      {result && (
        <Alert color={result.ok ? 'teal' : 'red'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </Alert>
      )}
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------------------------

function AutoBackupSection() {
  const [status, setStatus] = useState<AutoBackupStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [choosingPassphrase, setChoosingPassphrase] = useState(false);
  const api = platform().autoBackup;

  const apply = useCallback((result: Awaited<ReturnType<typeof api.status>>) => {
    if (result.ok) {
      const { ok: _ok, ...rest } = result;
      setStatus(rest);
      setError(null);
    } else setError(result.error);
  }, []);

  useEffect(() => {
    void api.status().then(apply);
  }, [api, apply]);

  if (!status) return null;
  if (!status.available) {
    return (
      <Section title="Automatic daily backup" label="Automatic daily backup">
        <Text size="sm" c="dimmed">
          Not available in the browser: a web page cannot save into a folder by itself. The desktop app makes a backup
          every day into a folder you choose. Here, use “Make a backup now” regularly.
        </Text>
      </Section>
    );
  }

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Automatic daily backup" label="Automatic daily backup">
      <Text size="sm">
        Once a day Redress saves a backup into the folder you choose and keeps the newest ones. Choose a folder on
        another drive if you can.
      </Text>
      <Text size="sm">
        Folder: <b>{status.folder ?? 'none chosen'}</b>
      </Text>
      <Group align="end">
        <Button variant="default" loading={busy} onClick={() => void run(async () => apply(await api.chooseFolder()))}>
          {status.folder ? 'Choose another folder…' : 'Choose a folder…'}
        </Button>
        <Switch
          label="Back up every day"
          checked={status.enabled}
          disabled={!status.folder || busy}
          onChange={(e) => {
            const enabled = e.currentTarget.checked;
            void run(async () => apply(await api.configure({ enabled, keep: status.keep })));
          }}
        />
        <NumberInput
          label="Keep the newest"
          suffix=" backups"
          w={170}
          min={1}
          max={AUTO_BACKUP_KEEP_MAX}
          value={status.keep}
          disabled={busy}
          onBlur={(e) => {
            const keep = Math.round(Number(e.currentTarget.value.replace(/\D+/g, '')) || AUTO_BACKUP_KEEP_DEFAULT);
            const bounded = Math.min(AUTO_BACKUP_KEEP_MAX, Math.max(1, keep));
            if (bounded !== status.keep)
              void run(async () => apply(await api.configure({ enabled: status.enabled, keep: bounded })));
          }}
        />
      </Group>
      <AutoBackupProtection
        status={status}
        busy={busy}
        onSet={() => setChoosingPassphrase(true)}
        onClear={() => void run(async () => apply(await api.setPassphrase({ passphrase: null })))}
      />
      <NewPassphraseDialog
        opened={choosingPassphrase}
        title="Protect the daily backups with a passphrase"
        intro="Every automatic backup will be encrypted (AES-256) with this passphrase. The desktop app keeps it in this computer’s keychain so it can make them unattended; restoring one asks for it."
        confirmLabel="Keep this passphrase"
        busy={busy}
        onCancel={() => setChoosingPassphrase(false)}
        onConfirm={(passphrase) => {
          setChoosingPassphrase(false);
          void run(async () => apply(await api.setPassphrase({ passphrase })));
        }}
      />
      <Text size="sm">
        {status.lastWrittenAt
          ? `Last automatic backup: ${when(status.lastWrittenAt)} (${status.lastFileName}).`
          : 'No automatic backup yet.'}
      </Text>
      {status.enabled && status.due && (
        <Group>
          <Button
            variant="light"
            loading={busy}
            onClick={() =>
              void run(async () => {
                await runAutoBackupIfDue();
                apply(await api.status());
              })
            }
          >
            Back up into the folder now
          </Button>
        </Group>
      )}
      {(error ?? status.lastError) && (
        <Alert color="red" role="alert">
          {error ?? status.lastError}
        </Alert>
      )}
    </Section>
  );
}

/** Whether the daily backups are encrypted, and the buttons to set or stop that (or why it cannot be done here). */
function AutoBackupProtection({
  status,
  busy,
  onSet,
  onClear,
}: {
  status: AutoBackupStatus;
  busy: boolean;
  onSet: () => void;
  onClear: () => void;
}) {
  if (status.keychainProblem && !status.encrypted) {
    return (
      <Text size="sm" c="dimmed" data-testid="auto-backup-protection">
        Protecting the daily backups with a passphrase is not available: {status.keychainProblem}.
      </Text>
    );
  }
  return (
    <Group gap="sm" data-testid="auto-backup-protection">
      <Text size="sm">
        {status.encrypted
          ? 'Protected with a passphrase kept in this computer’s keychain.'
          : 'Not protected with a passphrase.'}
      </Text>
      <Button variant="default" size="xs" disabled={busy || status.keychainProblem !== null} onClick={onSet}>
        {status.encrypted ? 'Change the passphrase…' : 'Protect with a passphrase…'}
      </Button>
      {status.encrypted && (
        <Button variant="subtle" size="xs" disabled={busy} onClick={onClear}>
          Stop protecting
        </Button>
      )}
      {status.encrypted && status.keychainProblem && (
        <Text size="sm" c="red.8">
          The daily backups cannot be made: {status.keychainProblem}.
        </Text>
      )}
    </Group>
  );
}

// ---------------------------------------------------------------------------------------------------------------

function RestoreSection() {
  return (
    <Section title="Restore from a backup" label="Restore from a backup">
      <RestorePanel />
    </Section>
  );
}

// ---------------------------------------------------------------------------------------------------------------

function StorageSection() {
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  const [asked, setAsked] = useState<boolean | null | undefined>(undefined);
  const refresh = useCallback(() => void storageFacts().then(setFacts), []);
  useEffect(refresh, [refresh]);
  const desktop = platform().kind === 'desktop';
  const attachments = useLiveQuery(() => attachmentsSpaceUsed(db()), []);
  const warning = attachments && facts ? storageWarning(attachments.bytes, facts.usageBytes, facts.quotaBytes) : null;

  return (
    <Section title="Storage on this computer" label="Storage on this computer">
      {warning && (
        <Alert color="orange" variant="light" title="Space is running short" data-testid="storage-warning">
          {warning}
        </Alert>
      )}
      <Group gap="sm">
        <Text size="sm">Kept safe from clean-ups:</Text>
        {facts === null ? (
          <Text size="sm">…</Text>
        ) : facts.persisted ? (
          <Badge color="teal" variant="light">
            Yes
          </Badge>
        ) : (
          <Badge color="orange" variant="light">
            {facts.persisted === null ? 'Unknown' : 'Not yet'}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {desktop
          ? 'The desktop app keeps its data in its own folder on this computer.'
          : 'A browser may delete a site’s data when the disk runs low, unless it has agreed to keep it. Redress asks when it starts; some browsers only agree for sites you bookmark or install.'}
      </Text>
      {facts && !facts.persisted && (
        <Group>
          <Button
            variant="default"
            onClick={() =>
              void askToKeepData().then((granted) => {
                setAsked(granted);
                refresh();
              })
            }
          >
            Ask the browser to keep my data
          </Button>
          {asked === false && (
            <Text size="sm" c="orange.8">
              The browser said no. Keep backups, and consider the desktop app.
            </Text>
          )}
        </Group>
      )}
      <Text size="sm" data-testid="data-size">
        {facts?.usageBytes != null
          ? `Data stored: ${formatBytes(facts.usageBytes)}${facts.quotaBytes ? ` (space allowed: ${formatBytes(facts.quotaBytes)})` : ''}.`
          : 'Data stored: the browser does not say.'}
      </Text>
      <Text size="sm" data-testid="attachments-size">
        {attachments
          ? `Attachments: ${attachments.files === 1 ? 'one file' : `${attachments.files.toLocaleString('en-GB')} files`}, ${formatBytes(attachments.bytes)}.`
          : 'Attachments: …'}
      </Text>
    </Section>
  );
}

export function DataPage() {
  return (
    <Stack gap="lg" maw={900}>
      <ScreenTitle>Your data</ScreenTitle>
      <BackupSection />
      <RestoreSection />
      <AutoBackupSection />
      <StorageSection />
      <ExportsPanel />
    </Stack>
  );
}
