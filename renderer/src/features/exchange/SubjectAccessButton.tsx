// "Subject access…" on the case page: everything held about this case's customer as one ZIP file. The desk ticks
// which of the matching cases are the same person (another person's data must not go out), and gives the day the
// request arrived, which sets the answer-by date.
import { Alert, Button, Checkbox, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { subjectAccessAnswerBy } from '#shared/exports/subject-access';
import type { CaseRecord } from '#shared/model/case';
import { isIsoDate } from '#shared/model/dates';
import { todayIso } from '#lib/today';
import { DateField } from '#ui/DateField';
import { useSettings } from '#db/hooks';
import { db } from '#db/schema';
import { useWorkingPerson } from '#features/people';
import { formatDate } from '#lib/format';
import { exportSubjectAccess, findCustomerCases, type CandidateCase } from './subject-access';

function contact(record: CaseRecord): string {
  const c = record.customer;
  return [c.email, c.phone, c.accountNumber && `account ${c.accountNumber}`, c.address?.postcode]
    .filter(Boolean)
    .join(' · ');
}

function SubjectAccessDialog({ record, onClose }: { record: CaseRecord; onClose: () => void }) {
  const settings = useSettings();
  const person = useWorkingPerson();
  const today = todayIso();
  const [candidates, setCandidates] = useState<CandidateCase[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set([record.id]));
  const [receivedOn, setReceivedOn] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    findCustomerCases(db(), record)
      .then((found) => live && setCandidates(found))
      .catch(
        (e: unknown) =>
          live &&
          setError(`Could not look for the customer’s other cases: ${e instanceof Error ? e.message : String(e)}`),
      );
    return () => {
      live = false;
    };
  }, [record]);

  const dateError = !isIsoDate(receivedOn)
    ? 'Enter the date the request arrived'
    : receivedOn > today
      ? 'The date cannot be in the future'
      : null;
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
        requestReceivedOn: receivedOn,
        settings,
        by: person || settings.handlerName,
        today: todayIso(),
      });
      if (outcome.saved) {
        notifications.show({
          color: 'teal',
          title: 'Subject-access bundle saved',
          message: `${outcome.fileName}: ${outcome.count} ${outcome.count === 1 ? 'case' : 'cases'}, ${outcome.letters} ${outcome.letters === 1 ? 'letter' : 'letters'}. Answer by ${formatDate(answer!.dueOn)}.`,
        });
        onClose();
      } else if (outcome.error) setError(outcome.error);
    } catch (e) {
      setError(`The bundle was not made: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const others = candidates?.filter((c) => !c.isStart) ?? [];
  return (
    <Stack gap="sm">
      <Text size="sm">
        Everything held about <b>{record.customer.name}</b>: a PDF summary, the letters exactly as issued, and all the
        data as a JSON file, in one ZIP file.
      </Text>
      <Group align="flex-start" gap="lg">
        <DateField
          label="Request received on"
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
              Answer by
            </Text>
            <Text size="sm" aria-label="Answer by">
              {formatDate(answer.dueOn)}: {answer.rule}
            </Text>
          </div>
        )}
      </Group>
      {!candidates && !error && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">Looking for this customer’s other cases…</Text>
        </Group>
      )}
      {candidates && (
        <>
          <Text size="sm" fw={500}>
            {others.length === 0
              ? 'No other case has the same email, phone, account number, or name and postcode.'
              : `${others.length} other ${others.length === 1 ? 'case looks' : 'cases look'} like the same customer. Tick each one that is the same person: another person's data must not go in the bundle.`}
          </Text>
          <Table aria-label="Cases in the bundle" withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40} />
                <Table.Th>Case</Table.Th>
                <Table.Th>Customer as recorded</Table.Th>
                <Table.Th>Matched by</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {candidates.map((c) => (
                <Table.Tr key={c.record.id}>
                  <Table.Td>
                    <Checkbox
                      aria-label={`Include ${c.record.reference}`}
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
                      received {formatDate(c.record.receivedOn)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.record.customer.name}</Text>
                    <Text size="xs" c="dimmed">
                      {contact(c.record)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{c.isStart ? 'this case' : c.reasons.join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {error && <Alert color="red">{error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={make} loading={busy} disabled={!candidates || !!dateError || !settings}>
          Make the bundle ({chosen.size} {chosen.size === 1 ? 'case' : 'cases'})
        </Button>
      </Group>
    </Stack>
  );
}

export function SubjectAccessButton({ record }: { record: CaseRecord }) {
  const [open, setOpen] = useState(false);
  // Anonymised: no personal data is held, so there is nothing to give the customer (and no name to find them by).
  if (record.anonymisedOn) return null;
  return (
    <>
      <Button variant="subtle" size="xs" onClick={() => setOpen(true)}>
        Subject-access export…
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Subject-access export" size="xl">
        {open && <SubjectAccessDialog record={record} onClose={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
