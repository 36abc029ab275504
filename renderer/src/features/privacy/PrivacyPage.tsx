// Privacy (issue #7): the retention policy, a preview of what a run would anonymise today and the run itself, and the
// record of every retention run and erasure (the audit entries, which hold no personal data).
import { errorDetailIn, type MessageKey, type Translate, useLocale, useT } from '#lib/i18n/index';
import { Alert, Anchor, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { RECENTLY_WRITTEN_DAYS, retentionPolicy } from '#shared/privacy/retention';
import { todayIso } from '#lib/today';
import { useSettings } from '#db/hooks';
import { previewRetention, privacyAudit, runRetention, type RetentionPreview } from '#db/repositories/retention';
import { db } from '#db/schema';
import { formatDate, formatTimestamp } from '#lib/format';
import { useWorkingPerson } from '#features/people';
import { CompactStorageCard } from './CompactStorage';
import { auditByIn, auditReasonIn, auditSummaryIn } from './audit-words';
import { ScreenTitle } from '#ui/ScreenTitle';

const KINDS = ['subject-access', 'retention-run', 'erasure', 'anonymisation-reapplied'];
const kindLabel = (t: Translate, kind: string) =>
  KINDS.includes(kind) ? t(`privacy.kind.${kind}` as MessageKey) : kind;

function PreviewTable({ preview }: { preview: RetentionPreview }) {
  const [, navigate] = useLocation();
  const t = useT();
  return (
    <Table aria-label={t('privacy.toAnonymise')} verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('privacy.col.reference')}</Table.Th>
          <Table.Th>{t('privacy.col.received')}</Table.Th>
          <Table.Th>{t('privacy.col.closed')}</Table.Th>
          <Table.Th>{t('privacy.col.dueSince')}</Table.Th>
          <Table.Th>{t('privacy.col.removed')}</Table.Th>
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
                  {t('privacy.resolvedNeverClosed')}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.dueOn)}</Table.Td>
            <Table.Td>
              <Text size="sm">{item.removes.length ? item.removes.join(', ') : t('privacy.nothingPersonal')}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AuditReason({ reason }: { reason: string | null }) {
  const t = useT();
  if (reason === null) return null;
  return (
    <Text size="xs" c="dimmed">
      {t('privacy.reason', { reason })}
    </Text>
  );
}

/**
 * The cases a retention run anonymised, by reference (kept with the run; its sentence gives only how many): which
 * cases went, as an erasure's entry says (explore36-manager #9).
 */
function RunReferences({ row }: { row: { kind: string; detail?: Record<string, unknown> } }) {
  const t = useT();
  const references = row.detail?.references;
  if (row.kind !== 'retention-run' || !Array.isArray(references) || references.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" data-run-references>
      {t('privacy.runReferences', { references: references.join(', ') })}
    </Text>
  );
}

export function PrivacyPage() {
  const settings = useSettings();
  const by = useWorkingPerson();
  const t = useT();
  const { locale } = useLocale();
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
      setProblem(t('privacy.previewFailed', { error: errorDetailIn(t, error) }));
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
        title: n ? t('privacy.anonymised', { n }) : t('privacy.nothingToAnonymise'),
        message: n
          ? result.lettersDeleted
            ? t('privacy.lettersDeleted', { n: result.lettersDeleted })
            : t('privacy.recordedBelow')
          : t('privacy.alreadyAnonymised'),
      });
      setConfirming(false);
      setPreview(await previewRetention(db(), policy, todayIso()));
    } catch (error) {
      setProblem(t('privacy.notAnonymised', { error: errorDetailIn(t, error) }));
      setConfirming(false);
    } finally {
      setRunning(false);
    }
  };

  const count = preview?.items.length ?? 0;

  return (
    <Stack maw={1000} gap="lg">
      <ScreenTitle>{t('privacy.title')}</ScreenTitle>

      <Card withBorder component="section" aria-labelledby="retention-heading">
        <Title order={2} size="h4" id="retention-heading" mb="xs">
          {t('privacy.policy')}
        </Title>
        <Text size="sm">
          {policy.enabled
            ? t('privacy.policyOn', { years: policy.anonymiseAfterYears, days: RECENTLY_WRITTEN_DAYS })
            : t('privacy.policyOff', { years: policy.anonymiseAfterYears })}{' '}
          <Anchor href="#/settings" size="sm">
            {t('privacy.changePolicy')}
          </Anchor>
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          {t('privacy.whatIsRemoved')}
        </Text>
        <Group mt="md">
          <Button variant="default" onClick={look} loading={loading}>
            {t('privacy.preview')}
          </Button>
          {preview && count > 0 && (
            <Button color="red" variant="light" onClick={() => setConfirming(true)}>
              {t('privacy.anonymiseButton', { n: count })}
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
                {t('privacy.nothingDue', { years: preview.policy.anonymiseAfterYears, days: RECENTLY_WRITTEN_DAYS })}
              </Text>
            ) : (
              <>
                <Text size="sm">{t('privacy.due', { n: count, years: preview.policy.anonymiseAfterYears })}</Text>
                <PreviewTable preview={preview} />
              </>
            )}
          </Stack>
        )}
      </Card>

      <CompactStorageCard />

      <Card withBorder component="section" aria-labelledby="privacy-record-heading">
        <Title order={2} size="h4" id="privacy-record-heading" mb="xs">
          {t('privacy.record')}
        </Title>
        {audit && audit.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('privacy.recordEmpty')}
          </Text>
        )}
        {audit && audit.length > 0 && (
          <Table aria-label={t('privacy.recordTable')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('privacy.col.when')}</Table.Th>
                <Table.Th>{t('privacy.col.what')}</Table.Th>
                <Table.Th>{t('privacy.col.by')}</Table.Th>
                <Table.Th>{t('privacy.col.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {audit.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(a.at)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{kindLabel(t, a.kind)}</Table.Td>
                  <Table.Td>{auditByIn(t, a)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{auditSummaryIn(t, locale, a)}</Text>
                    <AuditReason reason={auditReasonIn(t, a)} />
                    <RunReferences row={a} />
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
        title={t('privacy.confirmTitle')}
        closeOnEscape
        returnFocus
      >
        <Stack gap="sm">
          <Text size="sm">{t('privacy.confirmText', { n: count })}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('privacy.cancel')}
            </Button>
            <Button color="red" onClick={run} loading={running}>
              {t('privacy.confirm', { n: count })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
