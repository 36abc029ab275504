// Restoring a backup file: choose it, see what it holds (every check is done first, by readBackupFile), choose how,
// confirm, and see what changed. Used on the "Your data" page and on the first-run screen ("Moving from another
// computer?"), where the database is empty and the backup brings the desk's settings and people along.
import {
  Alert,
  Button,
  Checkbox,
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
  type RestoreMode,
  type RestorePlan,
  type RestoreProgress,
  type RestoreReport,
  RestoreError,
} from '#db/backup/backup';
import { type CheckedBackup, checkBackupFile, forgetCheckedBackup, restoreCheckedBackup } from '#db/backup/client';
import { useSettings } from '#db/hooks';
import { db } from '#db/schema';
import { useWorkingPerson } from '#features/people';
import { formatNumber, formatTimestamp as when } from '#lib/format';
import { backupErrorIn, backupProblemIn, errorDetailIn, type MessageKey, type Translate, useT } from '#lib/i18n/index';
import { PassphrasePrompt } from './PassphraseDialogs';
import { overLimitsIn, restoreProgressIn } from './words';

const TABLE_LABELS: [keyof RestoreReport['added'], MessageKey][] = [
  ['cases', 'restore.cases'],
  ['events', 'restore.events'],
  ['letters', 'restore.letters'],
  ['attachments', 'restore.files'],
  ['people', 'restore.people'],
  ['audit', 'restore.audit'],
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

/** A replace's report, kept over the reload onto the new copy of the database it was written into. */
const RESTORED_KEY = 'redress.restored';

function restoredReport(): RestoreReport | null {
  const kept = sessionStorage.getItem(RESTORED_KEY);
  if (kept === null) return null;
  try {
    return JSON.parse(kept) as RestoreReport;
  } catch {
    return null;
  }
}

export function RestorePanel({ firstRun = false, onRestored }: RestorePanelProps) {
  const casesHere = useLiveQuery(() => db().cases.count(), []);
  const settings = useSettings();
  const by = useWorkingPerson();
  const [fileName, setFileName] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [backup, setBackup] = useState<CheckedBackup | null>(null);
  /** A refusal; `plain`: its list is of sentences (damaged files), not of places in the file (`cases[3].receivedOn`). */
  const [problem, setProblem] = useState<{ message: string; problems: string[]; plain?: boolean } | null>(null);
  const [mode, setMode] = useState<RestoreMode | null>(null);
  const [confirming, setConfirming] = useState(false);
  /** The extra step a replace by another desk's backup asks for: "I understand this desk's N cases will be replaced". */
  const [understood, setUnderstood] = useState(false);
  const [restoring, setRestoring] = useState(false);
  /** How far the restore under way is (null before its first report). */
  const [progress, setProgress] = useState<RestoreProgress | null>(null);
  const [report, setReport] = useState<RestoreReport | null>(restoredReport);
  /** An encrypted file waiting for its passphrase (kept only while the prompt is open), and the last refusal. */
  const [locked, setLocked] = useState<{ file: File; error: string | null } | null>(null);
  const t = useT();
  // Back from the reload onto a replace's new copy: said once, then forgotten.
  useEffect(() => {
    const done = restoredReport();
    if (!done) return;
    sessionStorage.removeItem(RESTORED_KEY);
    notifications.show({
      color: 'teal',
      title: t('restore.backupRestored'),
      message: t('restore.casesNow', { n: done.casesNow }),
    });
  }, [t]);
  // The catalogue's restore.mode.<mode>, .description and .confirm.
  const modeWords = (m: RestoreMode) => ({
    label: t(`restore.mode.${m}`),
    description: t(`restore.mode.${m}.description`),
    confirm: t(`restore.mode.${m}.confirm`),
  });

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
        setLocked({ file, error: kind === 'wrong-passphrase' ? backupErrorIn(t, error as BackupFileError) : null });
        return;
      }
      setLocked(null);
      // Said in the interface language from the refusal's codes (m17a); a problem without one as shared wrote it.
      if (error instanceof BackupFileError)
        setProblem({
          message: backupErrorIn(t, error),
          problems: error.problemsSaid ? error.problemsSaid.map((p) => backupProblemIn(t, p)) : error.problems,
          plain: error.kind === 'damaged',
        });
      else
        setProblem({
          message: t('restore.unreadable', { error: errorDetailIn(t, error) }),
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
      if (done.intoNewCopy) {
        // The desk now uses the new copy the replace was written into: the app reloads onto it (every window does)
        // and this panel shows what the restore did once it has.
        sessionStorage.setItem(RESTORED_KEY, JSON.stringify(done));
        window.location.reload();
        return;
      }
      setReport(done);
      setBackup(null);
      notifications.show({
        color: 'teal',
        title: t('restore.backupRestored'),
        message: t('restore.casesNow', { n: done.casesNow }),
      });
      onRestored?.(done);
    } catch (error) {
      const message =
        error instanceof RestoreError
          ? backupErrorIn(t, error)
          : t('restore.nothingRestored', { error: errorDetailIn(t, error) });
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
  /** A replace by another desk's backup (there are cases here to lose): said on the check, and confirmed twice. */
  const otherDesk = backup?.plan.otherDesk ?? null;
  const needsUnderstood = mode === 'replace' && otherDesk !== null;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {t(firstRun ? 'restore.introFirstRun' : 'restore.intro', { extension: BACKUP_FILE_EXTENSION })}
      </Text>
      <Group>
        <FileButton onChange={(file) => void choose(file)} accept={`${BACKUP_FILE_EXTENSION},.gz,application/gzip`}>
          {(props) => (
            <Button variant="default" loading={reading} disabled={restoring} {...props}>
              {t('restore.choose')}
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
        <Alert color="red" role="alert" title={t('restore.notRestored')}>
          <Text size="sm">{problem.message}</Text>
          {problem.problems.length > 0 && (
            <List size="sm" mt="xs" aria-label={t('restore.problems')}>
              {problem.problems.map((p) => (
                <List.Item key={p}>
                  <Text size="sm" ff={problem.plain ? undefined : 'monospace'}>
                    {p}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}

      {backup && counts && (
        <Stack gap="sm" aria-label={t('restore.file')}>
          <Text size="sm">{madeText(t, backup.header)}</Text>
          {otherDesk && (
            <Alert
              color="red"
              variant="filled"
              aria-label={t('restore.otherDeskTitle')}
              data-testid="restore-other-desk"
            >
              {t('restore.otherDesk', {
                prefix: otherDesk.prefix,
                company: otherDesk.company,
                n: casesHere ?? 0,
              })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            <Fact label={t('restore.cases')} value={counts.cases} />
            <Fact label={t('restore.events')} value={counts.events} />
            <Fact label={t('restore.letters')} value={counts.letters} />
            <Fact label={t('restore.files')} value={counts.attachments ?? 0} />
            <Fact label={t('restore.people')} value={counts.people ?? 0} />
          </SimpleGrid>
          {overLimitsIn(t, backup.overLimits, backup.overLimitsSaid) && (
            <Alert color="yellow" data-testid="restore-over-limits">
              {overLimitsIn(t, backup.overLimits, backup.overLimitsSaid)}
            </Alert>
          )}
          {modes.length > 1 ? (
            <Radio.Group label={t('restore.how')} value={mode} onChange={(v) => setMode(v as RestoreMode)}>
              <Stack gap="xs" mt="xs">
                {modes.map((m) => (
                  <Radio
                    key={m}
                    value={m}
                    label={modeWords(m).label}
                    description={modeWords(m).description}
                    disabled={restoring}
                  />
                ))}
              </Stack>
            </Radio.Group>
          ) : (
            mode && <Text size="sm">{modeWords(mode).description}</Text>
          )}
          {anonymise && <AnonymiseNotice {...anonymise} />}
          {noSettings && (
            <Alert color="orange" variant="light">
              {t('restore.noSettings')}
            </Alert>
          )}
          <Group>
            <Button
              color={mode === 'replace' ? 'red' : 'teal'}
              disabled={!mode || restoring}
              loading={restoring}
              onClick={() => {
                setUnderstood(false);
                setConfirming(true);
              }}
            >
              {t('restore.restore')}
            </Button>
          </Group>
          {restoring && <RestoreProgressView progress={progress} />}
        </Stack>
      )}

      {report && (
        <Alert color="teal" role="status" title={t('restore.restored')}>
          <Text size="sm">
            {t(report.mode === 'merge' ? 'restore.doneMerged' : 'restore.doneRestored', { n: report.casesNow })}
          </Text>
          {report.cases && <CasesResult cases={report.cases} />}
          {report.mode === 'replace' ? (
            <BeforeAfterTable report={report} />
          ) : (
            <Table mt="xs" withRowBorders={false} aria-label={t('restore.changed')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>{t('restore.added')}</Table.Th>
                  <Table.Th>{t('restore.updated')}</Table.Th>
                  <Table.Th>{t('restore.kept')}</Table.Th>
                  <Table.Th>{t('restore.removed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {TABLE_LABELS.map(([table, label]) => (
                  <Table.Tr key={table}>
                    <Table.Td>{t(label)}</Table.Td>
                    <Table.Td>{formatNumber(report.added[table])}</Table.Td>
                    <Table.Td>{formatNumber(report.updated[table])}</Table.Td>
                    <Table.Td>{formatNumber(report.kept[table])}</Table.Td>
                    <Table.Td>{formatNumber(report.removed[table])}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {report.anonymisedAgain &&
            (report.anonymisedAgain.references.length > 0 || report.anonymisedAgain.lettersDeleted > 0) && (
              <Text size="sm" mt="xs" data-testid="anonymised-again">
                {t(
                  report.anonymisedAgain.references.length
                    ? 'restore.anonymisedAgainListed'
                    : 'restore.lettersDeletedAgain',
                  {
                    n: report.anonymisedAgain.references.length,
                    list: listed(t, report.anonymisedAgain.references),
                    letters: report.anonymisedAgain.lettersDeleted,
                  },
                )}
              </Text>
            )}
          {report.anonymisedAgain && report.anonymisedAgain.stillOpen.length > 0 && (
            <Text size="sm" mt="xs">
              {t('restore.stillOpen', { list: listed(t, report.anonymisedAgain.stillOpen) })}
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
            message: t('restore.notOpened'),
            problems: [],
          });
        }}
        onSubmit={(passphrase) => locked && void check(locked.file, passphrase)}
      />

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={mode ? t('restore.confirmTitle', { mode: modeWords(mode).label }) : ''}
        centered
      >
        {mode && (
          <Stack>
            <Text size="sm">{modeWords(mode).description}</Text>
            {mode === 'replace' && otherDesk && (
              <Alert color="red" variant="filled" aria-label={t('restore.otherDeskTitle')}>
                <Text size="sm">
                  {t('restore.otherDesk', { prefix: otherDesk.prefix, company: otherDesk.company, n: casesHere ?? 0 })}
                </Text>
                <Text size="sm" mt="xs">
                  {t('restore.otherDeskMerge')}
                </Text>
              </Alert>
            )}
            {mode === 'replace' && !otherDesk && (
              <Alert color="red">
                {t('restore.replaceWarning', { here: casesHere ?? 0, backup: counts?.cases ?? 0 })}
              </Alert>
            )}
            {mode === 'replace' && backup && <CasesLost plan={backup.plan} />}
            {anonymise && <AnonymiseNotice {...anonymise} />}
            {needsUnderstood && (
              <Checkbox
                checked={understood}
                onChange={(event) => setUnderstood(event.currentTarget.checked)}
                label={t('restore.otherDeskUnderstood', { n: casesHere ?? 0 })}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('restore.cancel')}
              </Button>
              {needsUnderstood && modes.includes('merge') && (
                <Button variant="default" onClick={() => setMode('merge')}>
                  {t('restore.mergeInstead')}
                </Button>
              )}
              <Button
                color={mode === 'replace' ? 'red' : 'teal'}
                disabled={needsUnderstood && !understood}
                onClick={() => void restore()}
              >
                {modeWords(mode).confirm}
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
  const t = useT();
  const percent = progress ? (progress.total > 0 ? Math.floor((progress.done * 100) / progress.total) : 100) : 0;
  const saving = useSecondsSince(progress?.stage === 'finishing');
  return (
    <Stack gap={6} data-testid="restore-progress">
      <Progress value={percent} size="lg" striped animated aria-label={t('restore.progress')} />
      <Text size="sm" fw={500} data-testid="restore-progress-text">
        {progress ? restoreProgressIn(t, progress) : t('restore.starting')}
      </Text>
      <Text size="xs" c="dimmed" data-testid="restore-progress-note">
        {saving === null ? t('restore.percent', { percent }) : t('restore.savingFor', { seconds: saving })}
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

/** References as a list, the first 20 of them. */
const listed = (t: Translate, references: readonly string[]) =>
  references.length > 20
    ? t('restore.listedMore', { list: references.slice(0, 20).join(', '), more: references.length - 20 })
    : references.join(', ');

/** "Made 22 Nov 2026, 14:05 by desk RDR with Redress 1.4. The checksum matches." */
function madeText(t: Translate, header: { madeAt: string; deskPrefix?: string; app?: string }): string {
  const values = { when: when(header.madeAt), desk: header.deskPrefix ?? '', app: header.app ?? '' };
  if (header.deskPrefix && header.app) return t('restore.madeByWith', values);
  if (header.deskPrefix) return t('restore.madeBy', values);
  if (header.app) return t('restore.madeWith', values);
  return t('restore.made', values);
}

/**
 * Before a restore: the backup's cases this desk had anonymised (its own record) that the backup holds with their
 * personal data, anonymised again right after the restore; and those the backup holds open, restored as they are.
 */
function AnonymiseNotice({ references, open }: { references: readonly string[]; open: readonly string[] }) {
  const t = useT();
  if (references.length === 0 && open.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title={t('restore.anonymiseTitle')} data-testid="anonymise-preview">
      {references.length > 0 && (
        <Text size="sm">{t('restore.anonymiseReferences', { n: references.length, list: listed(t, references) })}</Text>
      )}
      {open.length > 0 && (
        <Text size="sm" mt={references.length ? 'xs' : 0}>
          {t('restore.anonymiseOpen', { n: open.length, list: listed(t, open) })}
        </Text>
      )}
    </Alert>
  );
}

/** A case lost, as the desk manager knows it: its reference and customer's name (the reference alone if anonymised). */
const lostCaseIn = (t: Translate, c: { reference: string; name: string }) =>
  c.name ? t('restore.lostCase', { reference: c.reference, name: c.name }) : c.reference;

/**
 * Before a replace: the cases here that the backup does not hold, named (the first few, then "and N more"), and how
 * many go back to the backup's version; or that none is lost.
 */
function CasesLost({ plan }: { plan: RestorePlan }) {
  const t = useT();
  const { lost, changed, lostFirst } = plan.cases;
  if (lost === 0 && changed === 0)
    return (
      <Text size="sm" data-testid="restore-lost">
        {t('restore.noneLost')}
      </Text>
    );
  return (
    <Alert color="orange" title={lost > 0 ? t('restore.lostTitle', { n: lost }) : undefined} data-testid="restore-lost">
      {lost > 0 && (
        <>
          <Text size="sm">{t('restore.lost', { n: lost })}</Text>
          <List size="sm" mt={4} aria-label={t('restore.lostTitle', { n: lost })}>
            {lostFirst.map((c) => (
              <List.Item key={c.reference}>{lostCaseIn(t, c)}</List.Item>
            ))}
            {lost > lostFirst.length && <List.Item>{t('restore.lostMore', { n: lost - lostFirst.length })}</List.Item>}
          </List>
        </>
      )}
      {changed > 0 && (
        <Text size="sm" mt={lost > 0 ? 'xs' : 0}>
          {t('restore.changedBack', { n: changed })}
        </Text>
      )}
    </Alert>
  );
}

/** After a replace: the desk's cases as the backup found them (unchanged, changed back, added, lost), the lost named. */
function CasesResult({ cases }: { cases: NonNullable<RestoreReport['cases']> }) {
  const t = useT();
  const named = cases.lostFirst.map((c) => lostCaseIn(t, c));
  const list =
    cases.lost > named.length
      ? t('restore.listedMore', { list: named.join('; '), more: cases.lost - named.length })
      : named.join('; ');
  return (
    <>
      <Text size="sm" mt="xs" data-testid="restore-cases-result">
        {t('restore.casesResult', {
          unchanged: cases.unchanged,
          changed: cases.changed,
          added: cases.added,
          lost: cases.lost,
        })}
      </Text>
      {cases.lost > 0 && (
        <Text size="sm" data-testid="restore-cases-lost">
          {t('restore.lostNamed', { n: cases.lost, list })}
        </Text>
      )}
    </>
  );
}

/**
 * After a replace: each replaced table's rows before it and now (not every row "removed" and "added" again). The audit
 * trail is never replaced (the file's rows are added to this desk's), so it is not among them.
 */
function BeforeAfterTable({ report }: { report: RestoreReport }) {
  const t = useT();
  return (
    <Table mt="xs" withRowBorders={false} aria-label={t('restore.changed')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th>{t('restore.before')}</Table.Th>
          <Table.Th>{t('restore.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {TABLE_LABELS.filter(([table]) => table !== 'audit').map(([table, label]) => (
          <Table.Tr key={table}>
            <Table.Td>{t(label)}</Table.Td>
            <Table.Td>{formatNumber(report.removed[table])}</Table.Td>
            <Table.Td>{formatNumber(report.added[table] + report.updated[table] + report.kept[table])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Fact({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="xs" radius="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{formatNumber(value)}</Text>
    </Paper>
  );
}
