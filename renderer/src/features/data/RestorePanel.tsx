// Restoring a backup file: choose it, see what it holds (every check is done first, by readBackupFile), choose how,
// confirm, and see what changed. Used on the "Your data" page and on the first-run screen ("Moving from another
// computer?"), where the database is empty and the backup brings the desk's settings and people along.
import {
  Alert,
  Button,
  FileButton,
  Group,
  List,
  Modal,
  Paper,
  Progress,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { BACKUP_FILE_EXTENSION, BackupFileError } from '#shared/backup/format';
import {
  describeOverLimits,
  formatCount,
  type RestoreMode,
  type RestoreProgress,
  restoreProgressText,
  type RestoreReport,
  RestoreError,
} from '#db/backup/backup';
import { type CheckedBackup, checkBackupFile, forgetCheckedBackup, restoreCheckedBackup } from '#db/backup/client';
import { useSettings } from '#db/hooks';
import { db } from '#db/schema';
import { useWorkingPerson } from '#features/people';
import { PassphrasePrompt } from './PassphraseDialogs';

/** A timestamp as people read it: 22 Nov 2026, 14:05. */
export const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

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

export interface RestorePanelProps {
  /**
   * The first-run screen: no desk settings yet, so the only way is into the empty desk, which takes the backup's
   * settings and people too (see restoreBackup). The app then opens on the restored desk.
   */
  firstRun?: boolean;
  /** Called after a restore completed (the first-run screen goes to the dashboard). */
  onRestored?: (report: RestoreReport) => void;
}

export function RestorePanel({ firstRun = false, onRestored }: RestorePanelProps) {
  const casesHere = useLiveQuery(() => db().cases.count(), []);
  const settings = useSettings();
  const by = useWorkingPerson();
  const [fileName, setFileName] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [backup, setBackup] = useState<CheckedBackup | null>(null);
  const [problem, setProblem] = useState<{ message: string; problems: string[] } | null>(null);
  const [mode, setMode] = useState<RestoreMode | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [restoring, setRestoring] = useState(false);
  /** How far the restore under way is (null before its first report). */
  const [progress, setProgress] = useState<RestoreProgress | null>(null);
  const [report, setReport] = useState<RestoreReport | null>(null);
  /** An encrypted file waiting for its passphrase (kept only while the prompt is open), and the last refusal. */
  const [locked, setLocked] = useState<{ file: File; error: string | null } | null>(null);

  const empty = casesHere === 0;
  const modes: RestoreMode[] = firstRun
    ? ['into-empty']
    : empty
      ? ['into-empty', 'merge', 'replace']
      : ['merge', 'replace'];

  async function choose(file: File | null) {
    setBackup(null);
    setProblem(null);
    setReport(null);
    setMode(null);
    forgetCheckedBackup();
    if (!file) return;
    setFileName(file.name);
    setLocked(null);
    await check(file);
  }

  /** Read and check the file (with the passphrase typed for an encrypted one); an encrypted file opens the prompt. */
  async function check(file: File, passphrase?: string) {
    setReading(true);
    try {
      // Read and checked in a worker (../../db/backup-client.ts), a piece at a time from the file where it lies; its
      // content stays there until it is restored.
      const decoded = await checkBackupFile(file, passphrase);
      setLocked(null);
      setBackup(decoded);
      setMode(firstRun || empty ? 'into-empty' : 'merge');
    } catch (error) {
      const kind = error instanceof BackupFileError ? error.kind : null;
      if (kind === 'needs-passphrase' || kind === 'wrong-passphrase') {
        setLocked({ file, error: kind === 'wrong-passphrase' ? (error as Error).message : null });
        return;
      }
      setLocked(null);
      if (error instanceof BackupFileError) setProblem({ message: error.message, problems: error.problems });
      else
        setProblem({
          message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`,
          problems: [],
        });
    } finally {
      setReading(false);
    }
  }

  async function restore() {
    if (!backup || !mode) return;
    setConfirming(false);
    setProblem(null);
    setProgress(null);
    setRestoring(true);
    try {
      // On a new computer nobody is on the list yet: the restore is recorded under the backup's own handler.
      const who = by || settings?.handlerName || backup.handlerName || 'Unknown';
      // Reported from the worker a few thousand rows apart: a large desk takes minutes, and the page shows how far it is.
      const done = await restoreCheckedBackup(backup, { mode, by: who, onProgress: setProgress });
      setReport(done);
      setBackup(null);
      notifications.show({
        color: 'teal',
        title: 'Backup restored',
        message: `${formatCount(done.casesNow)} ${done.casesNow === 1 ? 'case' : 'cases'} on this desk now.`,
      });
      onRestored?.(done);
    } catch (error) {
      const message =
        error instanceof RestoreError
          ? error.message
          : `Nothing was restored: ${error instanceof Error ? error.message : String(error)}`;
      setProblem({ message, problems: [] });
    } finally {
      setRestoring(false);
      setProgress(null);
    }
  }

  const counts = backup?.header.counts;
  /** What this restore will anonymise again, for the mode chosen (merge brings back only the newer copies). */
  const anonymise =
    backup && mode
      ? {
          references: mode === 'merge' ? backup.anonymise.merge : backup.anonymise.replace,
          open: backup.anonymise.open,
        }
      : null;
  const noSettings = firstRun && backup !== null && (backup.header.counts.settings ?? 0) === 0;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {firstRun
          ? `Choose the backup file made on the other computer (${BACKUP_FILE_EXTENSION}, from “Your data”). Redress checks all of it first and shows what it holds; the desk’s settings, people, cases, timelines and letters all come from it, so there is nothing to fill in below.`
          : `Choose a backup file (${BACKUP_FILE_EXTENSION}). Redress checks all of it first and shows what it holds; nothing changes until you confirm, and a restore either completes or changes nothing.`}
      </Text>
      <Group>
        <FileButton onChange={(file) => void choose(file)} accept={`${BACKUP_FILE_EXTENSION},.gz,application/gzip`}>
          {(props) => (
            <Button variant="default" loading={reading} disabled={restoring} {...props}>
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
          {describeOverLimits(backup.overLimits) && (
            <Alert color="yellow" data-testid="restore-over-limits">
              {describeOverLimits(backup.overLimits)}
            </Alert>
          )}
          {modes.length > 1 ? (
            <Radio.Group label="How to restore it" value={mode} onChange={(v) => setMode(v as RestoreMode)}>
              <Stack gap="xs" mt="xs">
                {modes.map((m) => (
                  <Radio
                    key={m}
                    value={m}
                    label={MODE_TEXT[m].label}
                    description={MODE_TEXT[m].description}
                    disabled={restoring}
                  />
                ))}
              </Stack>
            </Radio.Group>
          ) : (
            mode && <Text size="sm">{MODE_TEXT[mode].description}</Text>
          )}
          {anonymise && <AnonymiseNotice {...anonymise} />}
          {noSettings && (
            <Alert color="orange" variant="light">
              This backup holds no desk settings: after restoring, fill in the form below once.
            </Alert>
          )}
          <Group>
            <Button
              color={mode === 'replace' ? 'red' : 'teal'}
              disabled={!mode || restoring}
              loading={restoring}
              onClick={() => setConfirming(true)}
            >
              Restore…
            </Button>
          </Group>
          {restoring && <RestoreProgressView progress={progress} />}
        </Stack>
      )}

      {report && (
        <Alert color="teal" role="status" title="Restored">
          <Text size="sm">
            {report.mode === 'merge' ? 'Merged' : 'Restored'}: this desk now has {formatCount(report.casesNow)}{' '}
            {report.casesNow === 1 ? 'case' : 'cases'}.
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
                  <Table.Td>{formatCount(report.added[table])}</Table.Td>
                  <Table.Td>{formatCount(report.updated[table])}</Table.Td>
                  <Table.Td>{formatCount(report.kept[table])}</Table.Td>
                  <Table.Td>{formatCount(report.removed[table])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {report.anonymisedAgain &&
            (report.anonymisedAgain.references.length > 0 || report.anonymisedAgain.lettersDeleted > 0) && (
              <Text size="sm" mt="xs" data-testid="anonymised-again">
                Anonymised again, as this desk had done before: {casesText(report.anonymisedAgain.references.length)}
                {report.anonymisedAgain.references.length
                  ? ` (${listed(report.anonymisedAgain.references)})`
                  : ''}; {formatCount(report.anonymisedAgain.lettersDeleted)}{' '}
                {report.anonymisedAgain.lettersDeleted === 1 ? 'letter' : 'letters'} deleted.
              </Text>
            )}
          {report.anonymisedAgain && report.anonymisedAgain.stillOpen.length > 0 && (
            <Text size="sm" mt="xs">
              Open in the backup, so restored as they are and not anonymised (this desk had anonymised them; check
              them): {listed(report.anonymisedAgain.stillOpen)}.
            </Text>
          )}
        </Alert>
      )}

      <PassphrasePrompt
        opened={locked !== null}
        fileName={fileName}
        busy={reading}
        error={locked?.error ?? null}
        onCancel={() => {
          setLocked(null);
          setProblem({
            message: 'Not opened: this backup is protected with a passphrase. Choose the file again to type it.',
            problems: [],
          });
        }}
        onSubmit={(passphrase) => locked && void check(locked.file, passphrase)}
      />

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={mode ? `${MODE_TEXT[mode].label}?` : ''}
        centered
      >
        {mode && (
          <Stack>
            <Text size="sm">{MODE_TEXT[mode].description}</Text>
            {mode === 'replace' && (
              <Alert color="red">
                The {formatCount(casesHere ?? 0)} {casesHere === 1 ? 'case' : 'cases'} on this desk now will be replaced
                by the backup’s {formatCount(counts?.cases ?? 0)}. Make a backup of this desk first if you may need it.
              </Alert>
            )}
            {anonymise && <AnonymiseNotice {...anonymise} />}
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
    </Stack>
  );
}

/**
 * While a restore runs: a bar for the whole restore and a sentence for the step ("Writing cases: 12,000 of 100,000").
 * Its last step saves everything in one commit (the attachments' files copied from the backup then, half a minute for
 * 1 GB) with nothing to count: the sentence says what is saved, and the seconds it has taken so far keep moving.
 */
function RestoreProgressView({ progress }: { progress: RestoreProgress | null }) {
  const percent = progress ? (progress.total > 0 ? Math.floor((progress.done * 100) / progress.total) : 100) : 0;
  const saving = useSecondsSince(progress?.stage === 'finishing');
  return (
    <Stack gap={6} data-testid="restore-progress">
      <Progress value={percent} size="lg" striped animated aria-label="Restore progress" />
      <Text size="sm" fw={500} data-testid="restore-progress-text">
        {progress ? restoreProgressText(progress) : 'Starting the restore…'}
      </Text>
      <Text size="xs" c="dimmed" data-testid="restore-progress-note">
        {saving === null
          ? `${percent}% done.`
          : `Saving for ${formatCount(saving)} ${saving === 1 ? 'second' : 'seconds'} so far.`}{' '}
        Keep Redress open until it says “Restored”: if it is closed before then, nothing on this desk changes.
      </Text>
    </Stack>
  );
}

/** While `on`, the whole seconds since it turned on, counted again every second; null while off. */
function useSecondsSince(on: boolean): number | null {
  const [seconds, setSeconds] = useState<number | null>(null);
  useEffect(() => {
    if (!on) {
      setSeconds(null);
      return;
    }
    const started = Date.now();
    setSeconds(0);
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [on]);
  return seconds;
}

const casesText = (n: number) => `${formatCount(n)} ${n === 1 ? 'case' : 'cases'}`;
/** References as a list, the first 20 of them. */
const listed = (references: readonly string[]) =>
  `${references.slice(0, 20).join(', ')}${references.length > 20 ? `, and ${formatCount(references.length - 20)} more` : ''}`;

/**
 * Before a restore: the backup's cases this desk had anonymised (its own record) that the backup holds with their
 * personal data, anonymised again right after the restore; and those the backup holds open, restored as they are.
 */
function AnonymiseNotice({ references, open }: { references: readonly string[]; open: readonly string[] }) {
  if (references.length === 0 && open.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title="Anonymised again after the restore" data-testid="anonymise-preview">
      {references.length > 0 && (
        <Text size="sm">
          This desk had anonymised {casesText(references.length)} that the backup holds with personal data: right after
          the restore they are anonymised again and their letters deleted: {listed(references)}.
        </Text>
      )}
      {open.length > 0 && (
        <Text size="sm" mt={references.length ? 'xs' : 0}>
          {casesText(open.length)} this desk had anonymised {open.length === 1 ? 'is' : 'are'} open in the backup:
          restored as {open.length === 1 ? 'it is' : 'they are'}, never anonymised this way; check{' '}
          {open.length === 1 ? 'it' : 'them'} after the restore: {listed(open)}.
        </Text>
      )}
    </Alert>
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
