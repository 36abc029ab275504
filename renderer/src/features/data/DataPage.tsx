// "Your data": back up the whole desk to a file, restore from one, the desktop's automatic daily backup, and whether
// the browser keeps the data. A vertical stack of sections (one Paper each) so more can be added below.
import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  List,
  Modal,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { BACKUP_FILE_EXTENSION, BACKUP_MIME_TYPE, BackupFileError, type DecodedBackup } from '../../../../shared/backup/format';
import { AUTO_BACKUP_KEEP_DEFAULT, AUTO_BACKUP_KEEP_MAX, type AutoBackupStatus } from '../../../../shared/ipc/contract';
import { lastBackup, makeBackup, readBackupFile, recordBackupMade, type RestoreMode, type RestoreReport, restoreBackup, RestoreError } from '../../db/backup';
import { useSettings } from '../../db/hooks';
import { db } from '../../db/schema';
import { platform } from '../../platform';
import { useWorkingPerson } from '../cases/actions/useWorkingPerson';
import { runAutoBackupIfDue } from './DataKeeper';
import { askToKeepData, formatBytes, type StorageFacts, storageFacts } from './storage';
import { ExportsPanel } from '../exchange/ExportsPanel';

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

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

  async function backUpNow() {
    setBusy(true);
    setResult(null);
    try {
      const made = await makeBackup(db());
      const saved = await platform().saveFile({ suggestedName: made.fileName, mimeType: BACKUP_MIME_TYPE, data: made.bytes });
      if (!saved.ok) setResult({ ok: false, text: saved.error });
      else if (!saved.saved) setResult({ ok: false, text: 'The backup was not saved (the save was cancelled).' });
      else {
        await recordBackupMade(db(), { at: made.madeAt, fileName: saved.fileName, how: 'saved' });
        const text = `Saved ${saved.fileName}: ${made.counts.cases} ${made.counts.cases === 1 ? 'case' : 'cases'}, ${made.counts.events} timeline entries, ${made.counts.letters} ${made.counts.letters === 1 ? 'letter' : 'letters'}.`;
        setResult({ ok: true, text });
        notifications.show({ color: 'teal', title: 'Backup made', message: text });
      }
    } catch (error) {
      setResult({ ok: false, text: `The backup could not be made: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Back up" label="Back up">
      <Text size="sm">
        One file holds everything: every case and its timeline, the letters exactly as issued, the desk’s settings and
        people. Keep it somewhere other than this computer (a USB drive, a network folder).
      </Text>
      <Text size="sm" data-testid="last-backup">
        {last === undefined ? '…' : last ? `Last backup: ${when(last.at)} (${last.fileName}${last.how === 'automatic' ? ', automatic' : ''}).` : 'No backup has been made on this computer yet.'}
      </Text>
      <Group>
        <Button onClick={() => void backUpNow()} loading={busy}>
          Make a backup now
        </Button>
      </Group>
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
            if (bounded !== status.keep) void run(async () => apply(await api.configure({ enabled: status.enabled, keep: bounded })));
          }}
        />
      </Group>
      <Text size="sm">
        {status.lastWrittenAt ? `Last automatic backup: ${when(status.lastWrittenAt)} (${status.lastFileName}).` : 'No automatic backup yet.'}
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

// ---------------------------------------------------------------------------------------------------------------

const MODE_TEXT: Record<RestoreMode, { label: string; description: string; confirm: string }> = {
  'into-empty': {
    label: 'Restore into this empty desk',
    description: 'This desk has no cases yet: everything comes from the backup, its settings and people included.',
    confirm: 'Restore',
  },
  merge: {
    label: 'Merge with what is here',
    description:
      'Adds the cases, timelines and letters from the backup that are not here. A case in both keeps the copy changed last. Nothing here is deleted; this desk’s settings stay.',
    confirm: 'Merge',
  },
  replace: {
    label: 'Replace what is here',
    description:
      'This desk’s cases, timelines, letters, settings and people become exactly the backup’s. Anything logged here since the backup was made is LOST. Reference numbers already handed out are never reused.',
    confirm: 'Replace this desk’s data',
  },
};

const TABLE_LABELS: [keyof RestoreReport['added'], string][] = [
  ['cases', 'Cases'],
  ['events', 'Timeline entries'],
  ['letters', 'Letters'],
  ['people', 'People'],
  ['audit', 'Audit entries'],
];

function RestoreSection() {
  const casesHere = useLiveQuery(() => db().cases.count(), []);
  const settings = useSettings();
  const by = useWorkingPerson();
  const [fileName, setFileName] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [backup, setBackup] = useState<DecodedBackup | null>(null);
  const [problem, setProblem] = useState<{ message: string; problems: string[] } | null>(null);
  const [mode, setMode] = useState<RestoreMode | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [report, setReport] = useState<RestoreReport | null>(null);

  const empty = casesHere === 0;
  const modes: RestoreMode[] = empty ? ['into-empty', 'merge', 'replace'] : ['merge', 'replace'];

  async function choose(file: File | null) {
    setBackup(null);
    setProblem(null);
    setReport(null);
    setMode(null);
    if (!file) return;
    setFileName(file.name);
    setReading(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const decoded = await readBackupFile(db(), bytes);
      setBackup(decoded);
      setMode(empty ? 'into-empty' : 'merge');
    } catch (error) {
      if (error instanceof BackupFileError) setProblem({ message: error.message, problems: error.problems });
      else setProblem({ message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`, problems: [] });
    } finally {
      setReading(false);
    }
  }

  async function restore() {
    if (!backup || !mode) return;
    setConfirming(false);
    setRestoring(true);
    try {
      const done = await restoreBackup(db(), backup, { mode, by: by || settings?.handlerName || 'Unknown' });
      setReport(done);
      setBackup(null);
      notifications.show({ color: 'teal', title: 'Backup restored', message: `${done.casesNow} cases on this desk now.` });
    } catch (error) {
      const message = error instanceof RestoreError ? error.message : `Nothing was restored: ${error instanceof Error ? error.message : String(error)}`;
      setProblem({ message, problems: [] });
    } finally {
      setRestoring(false);
    }
  }

  const counts = backup?.header.counts;
  return (
    <Section title="Restore from a backup" label="Restore from a backup">
      <Text size="sm">
        Choose a backup file ({BACKUP_FILE_EXTENSION}). Redress checks all of it first and shows what it holds; nothing
        changes until you confirm, and a restore either completes or changes nothing.
      </Text>
      <Group>
        <FileButton onChange={(file) => void choose(file)} accept={`${BACKUP_FILE_EXTENSION},.gz,application/gzip`}>
          {(props) => (
            <Button variant="default" loading={reading} {...props}>
              Choose a backup file…
            </Button>
          )}
        </FileButton>
        {fileName && (
          <Text size="sm" c="dimmed">
            {fileName}
          </Text>
        )}
      </Group>

      {problem && (
        <Alert color="red" role="alert" title="Not restored">
          <Text size="sm">{problem.message}</Text>
          {problem.problems.length > 0 && (
            <List size="sm" mt="xs" aria-label="Problems found">
              {problem.problems.map((p) => (
                <List.Item key={p}>
                  <Text size="sm" ff="monospace">
                    {p}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}

      {backup && counts && (
        <Stack gap="sm" aria-label="The backup file">
          <Text size="sm">
            Made {when(backup.header.madeAt)}
            {backup.header.deskPrefix ? ` by desk ${backup.header.deskPrefix}` : ''}
            {backup.header.app ? ` with ${backup.header.app}` : ''}. The checksum matches.
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            <Fact label="Cases" value={counts.cases} />
            <Fact label="Timeline entries" value={counts.events} />
            <Fact label="Letters" value={counts.letters} />
            <Fact label="People" value={counts.people ?? 0} />
          </SimpleGrid>
          <Radio.Group label="How to restore it" value={mode} onChange={(v) => setMode(v as RestoreMode)}>
            <Stack gap="xs" mt="xs">
              {modes.map((m) => (
                <Radio key={m} value={m} label={MODE_TEXT[m].label} description={MODE_TEXT[m].description} />
              ))}
            </Stack>
          </Radio.Group>
          <Group>
            <Button color={mode === 'replace' ? 'red' : 'teal'} disabled={!mode} loading={restoring} onClick={() => setConfirming(true)}>
              Restore…
            </Button>
          </Group>
        </Stack>
      )}

      {report && (
        <Alert color="teal" role="status" title="Restored">
          <Text size="sm">
            {report.mode === 'merge' ? 'Merged' : 'Restored'}: this desk now has {report.casesNow} {report.casesNow === 1 ? 'case' : 'cases'}.
          </Text>
          <Table mt="xs" withRowBorders={false} aria-label="What changed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>Added</Table.Th>
                <Table.Th>Updated</Table.Th>
                <Table.Th>Kept as here</Table.Th>
                <Table.Th>Removed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {TABLE_LABELS.map(([table, label]) => (
                <Table.Tr key={table}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td>{report.added[table]}</Table.Td>
                  <Table.Td>{report.updated[table]}</Table.Td>
                  <Table.Td>{report.kept[table]}</Table.Td>
                  <Table.Td>{report.removed[table]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={mode ? `${MODE_TEXT[mode].label}?` : ''} centered>
        {mode && (
          <Stack>
            <Text size="sm">{MODE_TEXT[mode].description}</Text>
            {mode === 'replace' && (
              <Alert color="red">
                The {casesHere} {casesHere === 1 ? 'case' : 'cases'} on this desk now will be replaced by the backup’s {counts?.cases}. Make a
                backup of this desk first if you may need it.
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button color={mode === 'replace' ? 'red' : 'teal'} onClick={() => void restore()}>
                {MODE_TEXT[mode].confirm}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Section>
  );
}

function Fact({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="xs" radius="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value.toLocaleString('en-GB')}</Text>
    </Paper>
  );
}

// ---------------------------------------------------------------------------------------------------------------

function StorageSection() {
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  const [asked, setAsked] = useState<boolean | null | undefined>(undefined);
  const refresh = useCallback(() => void storageFacts().then(setFacts), []);
  useEffect(refresh, [refresh]);
  const desktop = platform().kind === 'desktop';

  return (
    <Section title="Storage on this computer" label="Storage on this computer">
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
    </Section>
  );
}

export function DataPage() {
  return (
    <Stack gap="lg" maw={900}>
      <Title order={2}>Your data</Title>
      <BackupSection />
      <RestoreSection />
      <AutoBackupSection />
      <StorageSection />
      <ExportsPanel />
    </Stack>
  );
}
