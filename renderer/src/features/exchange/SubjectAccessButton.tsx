// "Subject access…" on the case page: everything held about this case's customer as one ZIP file. The desk ticks
// which of the matching cases are the same person (another person's data must not go out), and gives the day the
// request arrived, which sets the answer-by date.
import { Alert, Button, Checkbox, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { subjectAccessAnswerBy, voidedEntries, type VoidedEntry } from '#shared/exports/subject-access';
import { procedureForCaseOrNull } from '#shared/rules/index';
import { readTimeline } from '#db/timeline';
import type { CaseRecord } from '#shared/model/case';
import { isIsoDate } from '#shared/model/dates';
import { todayIso } from '#lib/today';
import { DateField } from '#ui/DateField';
import { useSettings } from '#db/hooks';
import { db } from '#db/schema';
import { useWorkingPerson } from '#features/people';
import { formatDate } from '#lib/format';
import { FormattedMessage } from 'react-intl';
import {
  entrySummaryIn,
  errorDetailIn,
  failureIn,
  type Translate,
  unprintableIn,
  useLocale,
  useT,
} from '#lib/i18n/index';
import { UnprintableError } from '#shared/letters/index';
import { exportSubjectAccess, findCustomerCases, type CandidateCase } from './subject-access';

function contact(record: CaseRecord, t: Translate): string {
  const c = record.customer;
  return [c.email, c.phone, c.accountNumber && t('sar.account', { number: c.accountNumber }), c.address?.postcode]
    .filter(Boolean)
    .join(' · ');
}

function SubjectAccessDialog({ record, onClose }: { record: CaseRecord; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const settings = useSettings();
  const person = useWorkingPerson();
  const today = todayIso();
  const [candidates, setCandidates] = useState<CandidateCase[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set([record.id]));
  const [receivedOn, setReceivedOn] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Each candidate's voided entries, said in the interface language; those voided as about someone else are left out
  // unless the desk keeps them (explore39-data #1).
  const [voided, setVoided] = useState<Map<string, { said: string; voided: VoidedEntry }[]>>(() => new Map());
  const [leaveOut, setLeaveOut] = useState<Set<string>>(() => new Set());

  useEffect(() => {
    let live = true;
    findCustomerCases(db(), record)
      .then(async (found) => {
        const byCase = new Map<string, { said: string; voided: VoidedEntry }[]>();
        for (const c of found) {
          const events = await readTimeline(db(), c.record.id);
          const context = { record: c.record, events, procedure: procedureForCaseOrNull(c.record) };
          const list = voidedEntries(events).map((v) => ({
            said: entrySummaryIn(t, locale, v.entry, context),
            voided: v,
          }));
          if (list.length) byCase.set(c.record.id, list);
        }
        if (!live) return;
        setVoided(byCase);
        setLeaveOut(
          new Set([...byCase.values()].flat().flatMap((v) => (v.voided.aboutSomeoneElse ? [v.voided.entry.id] : []))),
        );
        setCandidates(found);
      })
      .catch((e: unknown) => live && setError(t('sar.lookFailed', { error: errorDetailIn(t, e) })));
    return () => {
      live = false;
    };
  }, [record, t, locale]);

  const dateError = !isIsoDate(receivedOn) ? t('sar.enterDate') : receivedOn > today ? t('sar.future') : null;
  const answer = dateError ? null : subjectAccessAnswerBy(receivedOn, record.calendar);

  const make = async () => {
    if (!settings || dateError || !candidates) return;
    setBusy(true);
    setError(null);
    try {
      const caseIds = candidates.filter((c) => chosen.has(c.record.id)).map((c) => c.record.id);
      const outcome = await exportSubjectAccess(db(), {
        start: record,
        caseIds,
        // Only the chosen cases' entries: the privacy record lists what was left out of this bundle.
        leaveOut: caseIds.flatMap((id) =>
          (voided.get(id) ?? []).flatMap((v) => (leaveOut.has(v.voided.entry.id) ? [v.voided.entry.id] : [])),
        ),
        requestReceivedOn: receivedOn,
        settings,
        by: person || settings.handlerName,
        today: todayIso(),
      });
      if (outcome.saved) {
        notifications.show({
          color: 'teal',
          title: t('sar.saved'),
          message: t('sar.savedText', {
            fileName: outcome.fileName ?? '',
            count: outcome.count ?? 0,
            letters: outcome.letters ?? 0,
            date: formatDate(answer!.dueOn),
          }),
        });
        onClose();
      } else if (outcome.error) setError(failureIn(t, { error: outcome.error, message: outcome.message }));
    } catch (e) {
      const why = e instanceof UnprintableError ? unprintableIn(t, locale, e.found, e.what) : undefined;
      setError(t('sar.notMade', { error: why ?? errorDetailIn(t, e) }));
    } finally {
      setBusy(false);
    }
  };

  const others = candidates?.filter((c) => !c.isStart) ?? [];
  const toReview = (candidates ?? [])
    .filter((c) => chosen.has(c.record.id))
    .flatMap((c) => (voided.get(c.record.id) ?? []).map((v) => ({ ...v, reference: c.record.reference })));
  return (
    <Stack gap="sm">
      <Text size="sm">
        <FormattedMessage id="sar.intro" values={{ name: record.customer.name, b: (c) => <b>{c}</b> }} />
      </Text>
      <Group align="flex-start" gap="lg">
        <DateField
          label={t('sar.receivedOn')}
          value={receivedOn}
          maxDate={today}
          onChange={setReceivedOn}
          error={dateError}
          withWords={false}
          w={200}
        />
        {answer && (
          <div>
            <Text size="sm" fw={500} mt={4}>
              {t('sar.answerBy')}
            </Text>
            <Text size="sm" aria-label={t('sar.answerBy')}>
              {t('sar.answerValue', { date: formatDate(answer.dueOn), rule: t(`sar.answerRule.${answer.law}`) })}
            </Text>
          </div>
        )}
      </Group>
      {!candidates && !error && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">{t('sar.looking')}</Text>
        </Group>
      )}
      {candidates && (
        <>
          <Text size="sm" fw={500}>
            {others.length === 0 ? t('sar.noOther') : t('sar.others', { count: others.length })}
          </Text>
          <Table aria-label={t('sar.table')} withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40} />
                <Table.Th>{t('sar.case')}</Table.Th>
                <Table.Th>{t('sar.customer')}</Table.Th>
                <Table.Th>{t('sar.matched')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {candidates.map((c) => (
                <Table.Tr key={c.record.id}>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('sar.include', { reference: c.record.reference })}
                      checked={chosen.has(c.record.id)}
                      disabled={c.isStart}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.currentTarget.checked) next.add(c.record.id);
                        else next.delete(c.record.id);
                        setChosen(next);
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {c.record.reference}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('sar.received', { date: formatDate(c.record.receivedOn) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.record.customer.name}</Text>
                    <Text size="xs" c="dimmed">
                      {contact(c.record, t)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {c.isStart ? t('sar.thisCase') : c.reasons.map((r) => t(`model.match.${r}`)).join(', ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {toReview.length > 0 && (
        <Stack gap={6} role="group" aria-labelledby="sar-voided-title">
          <Text size="sm" fw={500} id="sar-voided-title">
            {t('sar.voided.title', { count: toReview.length })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('sar.voided.intro')}
          </Text>
          {toReview.map(({ said, voided: v, reference }) => (
            <Checkbox
              key={v.entry.id}
              label={t('sar.voided.leaveOut', { reference, date: formatDate(v.entry.on), entry: said })}
              description={t('sar.voided.why', {
                date: formatDate(v.void.on),
                reason: typeof v.void.data?.reason === 'string' ? v.void.data.reason : '',
              })}
              checked={leaveOut.has(v.entry.id)}
              onChange={(e) => {
                const next = new Set(leaveOut);
                if (e.currentTarget.checked) next.add(v.entry.id);
                else next.delete(v.entry.id);
                setLeaveOut(next);
              }}
            />
          ))}
        </Stack>
      )}
      {error && <Alert color="red">{error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('sar.cancel')}
        </Button>
        <Button onClick={make} loading={busy} disabled={!candidates || !!dateError || !settings}>
          {t('sar.make', { count: chosen.size })}
        </Button>
      </Group>
    </Stack>
  );
}

export function SubjectAccessButton({ record }: { record: CaseRecord }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  // Anonymised: no personal data is held, so there is nothing to give the customer (and no name to find them by).
  if (record.anonymisedOn) return null;
  return (
    <>
      <Button variant="subtle" size="xs" onClick={() => setOpen(true)}>
        {t('sar.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('sar.title')} size="xl">
        {open && <SubjectAccessDialog record={record} onClose={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
