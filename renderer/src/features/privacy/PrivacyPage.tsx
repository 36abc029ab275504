// Privacy (issue #7): the retention policy, a preview of what a run would anonymise today and the run itself, and the
// record of every retention run and erasure (the audit entries, which hold no personal data).
import { Alert, Anchor, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { retentionPolicy } from '#shared/privacy/retention';
import { todayIso } from '#lib/today';
import { useSettings } from '#db/hooks';
import { previewRetention, privacyAudit, runRetention, type RetentionPreview } from '#db/repositories/retention';
import { db } from '#db/schema';
import { formatDate, formatTimestamp } from '#lib/format';
import { useWorkingPerson } from '#features/people';
import { CompactStorageCard } from './CompactStorage';
import { ScreenTitle } from '#ui/ScreenTitle';

const years = (n: number) => (n === 1 ? '1 year' : `${n} years`);

const KIND_LABELS: Record<string, string> = {
  'retention-run': 'Retention run',
  erasure: 'Erasure on request',
  'anonymisation-reapplied': 'Anonymised again after a restore',
};

function PreviewTable({ preview }: { preview: RetentionPreview }) {
  const [, navigate] = useLocation();
  return (
    <Table aria-label="Cases to anonymise" verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Reference</Table.Th>
          <Table.Th>Received</Table.Th>
          <Table.Th>Closed</Table.Th>
          <Table.Th>Due since</Table.Th>
          <Table.Th>What will be removed</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.items.map((item) => (
          <Table.Tr key={item.caseId} data-case-id={item.caseId}>
            <Table.Td>
              <Anchor
                href={`#/cases/${item.caseId}`}
                ff="monospace"
                size="sm"
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/cases/${item.caseId}`);
                }}
              >
                {item.reference}
              </Anchor>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.receivedOn)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatDate(item.endedOn)}
              {item.basis === 'resolved' && (
                <Text size="xs" c="dimmed">
                  resolved, never closed: last entry
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.dueOn)}</Table.Td>
            <Table.Td>
              <Text size="sm">{item.removes.length ? item.removes.join(', ') : 'nothing personal is left'}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function PrivacyPage() {
  const settings = useSettings();
  const by = useWorkingPerson();
  const policy = retentionPolicy(settings);
  const audit = useLiveQuery(() => privacyAudit(db()), []);
  const [preview, setPreview] = useState<RetentionPreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const look = async () => {
    setProblem(null);
    setLoading(true);
    try {
      setPreview(await previewRetention(db(), policy, todayIso()));
    } catch (error) {
      setProblem(`The preview could not be made: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setLoading(false);
    }
  };

  const run = async () => {
    if (!preview) return;
    setRunning(true);
    setProblem(null);
    try {
      const result = await runRetention(db(), {
        policy: preview.policy,
        today: preview.today,
        by: by || settings?.handlerName || 'the desk',
        trigger: 'on-demand',
        onlyCaseIds: preview.items.map((i) => i.caseId),
      });
      const n = result.caseIds.length;
      notifications.show({
        color: 'teal',
        title: n ? `${n} ${n === 1 ? 'case' : 'cases'} anonymised` : 'Nothing to anonymise',
        message: n
          ? `${result.lettersDeleted ? `${result.lettersDeleted} ${result.lettersDeleted === 1 ? 'letter' : 'letters'} deleted. ` : ''}Recorded below.`
          : 'The cases had already been anonymised.',
      });
      setConfirming(false);
      setPreview(await previewRetention(db(), policy, todayIso()));
    } catch (error) {
      setProblem(`Nothing was anonymised: ${error instanceof Error ? error.message : String(error)}`);
      setConfirming(false);
    } finally {
      setRunning(false);
    }
  };

  const count = preview?.items.length ?? 0;

  return (
    <Stack maw={1000} gap="lg">
      <ScreenTitle>Privacy</ScreenTitle>

      <Card withBorder component="section" aria-labelledby="retention-heading">
        <Title order={3} size="h4" id="retention-heading" mb="xs">
          Retention policy
        </Title>
        <Text size="sm">
          {policy.enabled
            ? `Closed cases are anonymised ${years(policy.anonymiseAfterYears)} after they closed, each time the app starts.`
            : `Automatic anonymisation is off. Cases closed more than ${years(policy.anonymiseAfterYears)} ago can still be anonymised here.`}{' '}
          <Anchor href="#/settings" size="sm">
            Change the retention policy
          </Anchor>
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          Anonymising removes names, contact details, vulnerability details, the summary, the text of every timeline
          entry and the letters. It keeps the reference, dates, channel, category, procedure, handler, stages, the kind
          and date of each entry and payment amounts, so the reports do not change.
        </Text>
        <Group mt="md">
          <Button variant="default" onClick={look} loading={loading}>
            Preview what would be anonymised today
          </Button>
          {preview && count > 0 && (
            <Button color="red" variant="light" onClick={() => setConfirming(true)}>
              Anonymise {count === 1 ? '1 case' : `${count} cases`}…
            </Button>
          )}
        </Group>
        {problem && (
          <Alert color="red" variant="light" mt="md" role="alert">
            {problem}
          </Alert>
        )}
        {preview && (
          <Stack mt="md" gap="xs">
            {count === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing is due: no case that ended more than {years(preview.policy.anonymiseAfterYears)} ago still holds
                personal data.
              </Text>
            ) : (
              <>
                <Text size="sm">
                  {count === 1 ? '1 case ended' : `${count} cases ended`} more than{' '}
                  {years(preview.policy.anonymiseAfterYears)} ago and still {count === 1 ? 'holds' : 'hold'} personal
                  data:
                </Text>
                <PreviewTable preview={preview} />
              </>
            )}
          </Stack>
        )}
      </Card>

      <CompactStorageCard />

      <Card withBorder component="section" aria-labelledby="privacy-record-heading">
        <Title order={3} size="h4" id="privacy-record-heading" mb="xs">
          Record of anonymisation and erasure
        </Title>
        {audit && audit.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing has been anonymised or erased yet.
          </Text>
        )}
        {audit && audit.length > 0 && (
          <Table aria-label="Privacy record" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>Details</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {audit.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(a.at)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{KIND_LABELS[a.kind] ?? a.kind}</Table.Td>
                  <Table.Td>{a.by}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.summary}</Text>
                    {typeof a.detail?.basisLabel === 'string' && (
                      <Text size="xs" c="dimmed">
                        Reason: {a.detail.basisLabel}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Anonymise these cases?"
        closeOnEscape
        returnFocus
      >
        <Stack gap="sm">
          <Text size="sm">
            The personal data of {count === 1 ? '1 case' : `${count} cases`} will be removed for good: names, contact
            details, vulnerability details, summaries, the text of timeline entries and the stored letters. The figures
            stay. This cannot be undone.
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="red" onClick={run} loading={running}>
              Anonymise {count === 1 ? '1 case' : `${count} cases`}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
