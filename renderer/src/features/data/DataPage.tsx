// "Your data": back up the whole desk to a file, restore from one, the desktop's automatic daily backup, and whether
// the browser keeps the data. A vertical stack of sections (one Paper each) so more can be added below.
import { Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { BACKUP_MIME_TYPE } from '#shared/backup/format';
import { AUTO_BACKUP_KEEP_DEFAULT, AUTO_BACKUP_KEEP_MAX, type AutoBackupStatus } from '#shared/ipc/contract';
import { BackupCheckError, lastBackup, recordBackupMade } from '#db/backup/backup';
import { makeBackupFile } from '#db/backup/client';
import { db } from '#db/schema';
import { attachmentsSpaceUsed } from '#db/repositories/attachments';
import { platform, saveLargeFile } from '#platform';
import { runAutoBackupIfDue } from './DataKeeper';
import { NewPassphraseDialog } from './PassphraseDialogs';
import { RestorePanel } from './RestorePanel';
import { askToKeepData, type StorageFacts, storageFacts } from './storage';
import { overLimitsIn, storageWarningIn } from './words';
import { FormattedMessage } from 'react-intl';
import { backupErrorIn, errorDetailIn, failureIn, fileSizeIn, useT } from '#lib/i18n/index';
import { BackupFileError } from '#shared/backup/format';
import { formatTimestamp as when } from '#lib/format';
import { ExportsPanel } from '#features/exchange';
import { ScreenTitle } from '#ui/ScreenTitle';

function Section({ title, label, children }: { title: string; label: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-label={label}>
      <Stack gap="sm">
        <Title order={2} size="h4">
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
  const t = useT();

  async function backUpNow(passphrase?: string) {
    setBusy(true);
    setResult(null);
    try {
      // Made in a worker (../../db/backup-client.ts): the page keeps drawing while a large desk is written.
      const made = await makeBackupFile(passphrase, t('data.backup.fileName'));
      const saved = await saveLargeFile({ suggestedName: made.fileName, mimeType: BACKUP_MIME_TYPE, file: made.file });
      if (!saved.ok) setResult({ ok: false, text: failureIn(t, saved) });
      else if (!saved.saved) setResult({ ok: false, text: t('data.backup.cancelled') });
      else {
        await recordBackupMade(db(), { at: made.madeAt, fileName: saved.fileName, how: 'saved' });
        const { cases, events, letters, attachments: files } = made.counts;
        const overLimits = overLimitsIn(t, made.overLimits, made.overLimitsSaid);
        const savedText = t(passphrase ? 'data.backup.savedProtected' : 'data.backup.saved', {
          file: saved.fileName,
          cases,
          events,
          letters,
          files,
        });
        const text = overLimits ? `${savedText} ${overLimits}` : savedText;
        setResult({ ok: true, text });
        notifications.show({ color: 'teal', title: t('data.backup.made'), message: text });
      }
    } catch (error) {
      setResult({
        ok: false,
        text: t('data.backup.failed', {
          error:
            error instanceof BackupFileError || error instanceof BackupCheckError
              ? backupErrorIn(t, error)
              : errorDetailIn(t, error),
        }),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('data.backup.title')} label={t('data.backup.title')}>
      <Text size="sm">{t('data.backup.intro')}</Text>
      <Text size="sm" data-testid="last-backup">
        {last === undefined
          ? '…'
          : last
            ? t(last.how === 'automatic' ? 'data.backup.lastAutomatic' : 'data.backup.last', {
                when: when(last.at),
                file: last.fileName,
              })
            : t('data.backup.none')}
      </Text>
      <Group align="center">
        <Button data-action="backup-now" onClick={() => (protect ? setAsking(true) : void backUpNow())} loading={busy}>
          {t('data.backup.now')}
        </Button>
        <Checkbox
          label={t('data.backup.protect')}
          description={t('data.backup.protectHint')}
          checked={protect}
          onChange={(e) => setProtect(e.currentTarget.checked)}
          disabled={busy}
        />
      </Group>
      <NewPassphraseDialog
        opened={asking}
        title={t('data.backup.dialogTitle')}
        intro={t('data.backup.dialogIntro')}
        confirmLabel={t('data.backup.dialogConfirm')}
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
  const t = useT();

  const apply = useCallback(
    (result: Awaited<ReturnType<typeof api.status>>) => {
      if (result.ok) {
        const { ok: _ok, ...rest } = result;
        setStatus(rest);
        setError(null);
      } else setError(failureIn(t, result));
    },
    [t],
  );

  useEffect(() => {
    void api.status().then(apply);
  }, [api, apply]);

  if (!status) return null;
  if (!status.available) {
    return (
      <Section title={t('data.auto.title')} label={t('data.auto.title')}>
        <Text size="sm" c="dimmed">
          {t('data.auto.browser')}
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
    <Section title={t('data.auto.title')} label={t('data.auto.title')}>
      <Text size="sm">{t('data.auto.intro')}</Text>
      <Text size="sm">
        <FormattedMessage
          id="data.auto.folder"
          values={{ folder: status.folder ?? t('data.auto.noFolder'), b: (c) => <b>{c}</b> }}
        />
      </Text>
      <Group align="end">
        <Button variant="default" loading={busy} onClick={() => void run(async () => apply(await api.chooseFolder()))}>
          {status.folder ? t('data.auto.chooseAnother') : t('data.auto.chooseFolder')}
        </Button>
        <Switch
          label={t('data.auto.everyDay')}
          checked={status.enabled}
          disabled={!status.folder || busy}
          onChange={(e) => {
            const enabled = e.currentTarget.checked;
            void run(async () => apply(await api.configure({ enabled, keep: status.keep })));
          }}
        />
        <NumberInput
          label={t('data.auto.keep')}
          suffix={t('data.auto.keepSuffix')}
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
        title={t('data.auto.dialogTitle')}
        intro={t('data.auto.dialogIntro')}
        confirmLabel={t('data.auto.dialogConfirm')}
        busy={busy}
        onCancel={() => setChoosingPassphrase(false)}
        onConfirm={(passphrase) => {
          setChoosingPassphrase(false);
          void run(async () => apply(await api.setPassphrase({ passphrase })));
        }}
      />
      <Text size="sm">
        {status.lastWrittenAt
          ? t('data.auto.last', { when: when(status.lastWrittenAt), file: status.lastFileName ?? '' })
          : t('data.auto.none')}
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
            {t('data.auto.now')}
          </Button>
        </Group>
      )}
      {(error ?? status.lastError) && (
        <Alert color="red" role="alert" data-auto-backup-error>
          {error ?? failureIn(t, { error: status.lastError ?? '', message: status.lastMessage })}
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
  const t = useT();
  if (status.keychainProblem && !status.encrypted) {
    return (
      <Text size="sm" c="dimmed" data-testid="auto-backup-protection">
        {t('data.auto.noKeychain', {
          problem: failureIn(t, { error: status.keychainProblem, message: status.keychainMessage }),
        })}
      </Text>
    );
  }
  return (
    <Group gap="sm" data-testid="auto-backup-protection">
      <Text size="sm">{status.encrypted ? t('data.auto.protected') : t('data.auto.notProtected')}</Text>
      <Button variant="default" size="xs" disabled={busy || status.keychainProblem !== null} onClick={onSet}>
        {status.encrypted ? t('data.auto.change') : t('data.auto.protect')}
      </Button>
      {status.encrypted && (
        <Button variant="subtle" size="xs" disabled={busy} onClick={onClear}>
          {t('data.auto.stop')}
        </Button>
      )}
      {status.encrypted && status.keychainProblem && (
        <Text size="sm" c="red.8">
          {t('data.auto.cannot', {
            problem: failureIn(t, { error: status.keychainProblem, message: status.keychainMessage }),
          })}
        </Text>
      )}
    </Group>
  );
}

// ---------------------------------------------------------------------------------------------------------------

function RestoreSection() {
  const t = useT();
  return (
    <Section title={t('data.restore.title')} label={t('data.restore.title')}>
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
  const t = useT();
  const warning =
    attachments && facts ? storageWarningIn(t, attachments.bytes, facts.usageBytes, facts.quotaBytes) : null;

  return (
    <Section title={t('data.storage.title')} label={t('data.storage.title')}>
      {warning && (
        <Alert color="orange" variant="light" title={t('data.storage.short')} data-testid="storage-warning">
          {warning}
        </Alert>
      )}
      <Group gap="sm">
        <Text size="sm">{t('data.storage.kept')}</Text>
        {facts === null ? (
          <Text size="sm">…</Text>
        ) : facts.persisted ? (
          <Badge color="teal" variant="light">
            {t('data.storage.yes')}
          </Badge>
        ) : (
          <Badge color="orange" variant="light">
            {facts.persisted === null ? t('data.storage.unknown') : t('data.storage.notYet')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {desktop ? t('data.storage.desktop') : t('data.storage.browser')}
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
            {t('data.storage.ask')}
          </Button>
          {asked === false && (
            <Text size="sm" c="orange.8">
              {t('data.storage.refused')}
            </Text>
          )}
        </Group>
      )}
      <Text size="sm" data-testid="data-size">
        {facts?.usageBytes != null
          ? facts.quotaBytes
            ? t('data.storage.sizeOf', {
                used: fileSizeIn(t, facts.usageBytes),
                allowed: fileSizeIn(t, facts.quotaBytes),
              })
            : t('data.storage.size', { used: fileSizeIn(t, facts.usageBytes) })
          : t('data.storage.sizeUnknown')}
      </Text>
      <Text size="sm" data-testid="attachments-size">
        {attachments
          ? t('data.storage.attachments', { files: attachments.files, size: fileSizeIn(t, attachments.bytes) })
          : t('data.storage.attachmentsLoading')}
      </Text>
    </Section>
  );
}

export function DataPage() {
  const t = useT();
  return (
    <Stack gap="lg" maw={900}>
      <ScreenTitle>{t('data.title')}</ScreenTitle>
      <BackupSection />
      <RestoreSection />
      <AutoBackupSection />
      <StorageSection />
      <ExportsPanel />
    </Stack>
  );
}
