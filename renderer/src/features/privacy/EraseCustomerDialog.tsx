// Erase one customer on request (UK GDPR Art. 17, PIPEDA 4.5.3): find their cases, say plainly what is erased and
// what is kept, ask for the reason and a typed confirmation, then anonymise those cases now and record it.
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import {
  ERASED,
  ERASURE_BASES,
  ERASURE_BASIS_LABELS,
  KEPT,
  KEPT_WHY,
  type ErasureBasis,
} from '#shared/privacy/erasure';
import { todayIso } from '#lib/today';
import { eraseCustomer, findCustomerCases, type CustomerCase } from '#db/repositories/retention';
import { db } from '#db/schema';
import { formatDate } from '#lib/format';

/** What the user types to confirm. */
export const CONFIRM_WORD = 'ERASE';

export interface EraseCustomerDialogProps {
  opened: boolean;
  caseId: string;
  /** The person working (named in the audit entry). */
  by: string;
  onClose: () => void;
}

export function EraseCustomerDialog({ opened, caseId, by, onClose }: EraseCustomerDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Erase the customer's personal data"
      size="xl"
      closeOnEscape
      returnFocus
    >
      {opened && <EraseForm caseId={caseId} by={by} onDone={onClose} />}
    </Modal>
  );
}

function EraseForm({ caseId, by, onDone }: { caseId: string; by: string; onDone: () => void }) {
  const [cases, setCases] = useState<CustomerCase[] | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [basis, setBasis] = useState<ErasureBasis | null>(null);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [erasing, setErasing] = useState(false);

  useEffect(() => {
    let live = true;
    findCustomerCases(db(), caseId)
      .then((found) => {
        if (!live) return;
        setCases(found);
        setSelected(new Set(found.filter((c) => c.erasable.ok).map((c) => c.caseId)));
      })
      .catch(
        (error: unknown) =>
          live &&
          setProblem(
            `The customer's cases could not be read: ${error instanceof Error ? error.message : String(error)}`,
          ),
      );
    return () => {
      live = false;
    };
  }, [caseId]);

  const count = selected.size;
  const confirmed = typed.trim().toUpperCase() === CONFIRM_WORD;
  const ready = count > 0 && basis !== null && confirmed && by.trim() !== '';

  const erase = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!ready || !basis) return;
    setProblem(null);
    setErasing(true);
    try {
      const result = await eraseCustomer(db(), { caseIds: [...selected], basis, by, today: todayIso() });
      notifications.show({
        color: 'teal',
        title: `Personal data erased from ${result.caseIds.length} ${result.caseIds.length === 1 ? 'case' : 'cases'}`,
        message: `${result.references.join(', ')}. The erasure is recorded on the Privacy page, where "Compact storage now" also removes the erased data from this computer's files.`,
      });
      onDone();
    } catch (error) {
      setProblem(`Nothing was erased: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setErasing(false);
    }
  };

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <form onSubmit={erase} noValidate aria-label="Erase the customer's personal data">
      <Stack gap="md">
        <Text size="sm">
          Use this when the customer asks us to erase their data. Erasure is not absolute: a record of the complaint is
          kept, without anything that says who they are.
        </Text>

        <div>
          <Title order={5} mb={4}>
            Their cases
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            Cases with the same email, phone, account number, or name and postcode. Untick any that are someone
            else&rsquo;s.
          </Text>
          {cases === null && !problem && <Loader size="sm" aria-label="Finding the customer's cases" />}
          {cases && (
            <Stack gap={6} role="group" aria-label="Cases to erase">
              {cases.map((c) => (
                <Checkbox
                  key={c.caseId}
                  checked={selected.has(c.caseId)}
                  disabled={!c.erasable.ok}
                  onChange={(ev) => toggle(c.caseId, ev.currentTarget.checked)}
                  label={
                    <Group gap="xs" wrap="nowrap">
                      <Text ff="monospace" size="sm">
                        {c.reference}
                      </Text>
                      <Text size="sm">
                        {c.customerName} · received {formatDate(c.receivedOn)}
                      </Text>
                      <Badge size="xs" variant="light" color={c.matchedBy.length ? 'blue' : 'gray'}>
                        {c.matchedBy.length ? `same ${c.matchedBy.join(', ')}` : 'this case'}
                      </Badge>
                    </Group>
                  }
                  description={c.erasable.ok ? undefined : c.erasable.reason}
                />
              ))}
            </Stack>
          )}
        </div>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <div>
            <Title order={5} mb={4}>
              Erased now
            </Title>
            <List size="sm" spacing={2}>
              {ERASED.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </div>
          <div>
            <Title order={5} mb={4}>
              Kept
            </Title>
            <List size="sm" spacing={2}>
              {KEPT.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
            <Text size="xs" c="dimmed" mt={6}>
              {KEPT_WHY}
            </Text>
          </div>
        </SimpleGrid>

        <Alert color="yellow" variant="light" p="xs">
          <Text size="sm">
            Do not erase while a legal claim, an ombudsman or CCTS review, or a regulator&rsquo;s enquiry about the
            complaint is still open: the law lets the desk keep the record for it. Backups made before today still hold
            these details until they are replaced. This cannot be undone.
          </Text>
        </Alert>

        <Stack gap="sm">
          <Select
            label="Reason for erasing"
            placeholder="Choose the reason"
            data={ERASURE_BASES.map((b) => ({ value: b, label: ERASURE_BASIS_LABELS[b] }))}
            value={basis}
            onChange={(v) => setBasis((v as ErasureBasis | null) ?? null)}
            allowDeselect={false}
            withAsterisk
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={`Type ${CONFIRM_WORD} to confirm`}
            value={typed}
            onChange={(ev) => setTyped(ev.currentTarget.value)}
            autoComplete="off"
            withAsterisk
            maw={320}
          />
        </Stack>

        {problem && (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        )}
        {!by.trim() && (
          <Text size="sm" c="red.8">
            Choose who is working (at the top right) before erasing.
          </Text>
        )}

        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Recorded on the Privacy page with the reason, the reference numbers and no personal data.
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" color="red" disabled={!ready} loading={erasing}>
              {count === 1 ? 'Erase 1 case' : `Erase ${count} cases`}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
