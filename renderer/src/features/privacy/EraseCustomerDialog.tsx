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
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Select } from '#ui/Select';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { ERASED, ERASURE_BASES, KEPT, type ErasureBasis } from '#shared/privacy/erasure';
import { todayIso } from '#lib/today';
import { eraseCustomer, findCustomerCases, type CustomerCase } from '#db/repositories/retention';
import { db } from '#db/schema';
import { useSettings } from '#db/hooks';
import { deskRegions } from '#shared/model/provider';
import { formatDate } from '#lib/format';
import { errorDetailIn, useT } from '#lib/i18n/index';

export interface EraseCustomerDialogProps {
  opened: boolean;
  caseId: string;
  /** The person working (named in the audit entry). */
  by: string;
  onClose: () => void;
}

export function EraseCustomerDialog({ opened, caseId, by, onClose }: EraseCustomerDialogProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('erase.title')} size="xl" closeOnEscape returnFocus>
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
  const t = useT();
  /** What the user types to confirm ("ERASE", "EFFACER"). */
  const confirmWord = t('erase.word');
  // The law that lets the figures be kept: the UK GDPR, PIPEDA, or both for a desk with providers in both.
  const settings = useSettings();
  const regions = [...(settings ? deskRegions(settings) : [])].sort().reverse();
  const laws = (regions.length ? regions : (['UK'] as const)).map((region) => t(`erase.law.${region}`)).join('; ');

  useEffect(() => {
    let live = true;
    findCustomerCases(db(), caseId)
      .then((found) => {
        if (!live) return;
        setCases(found);
        setSelected(new Set(found.filter((c) => c.erasable.ok).map((c) => c.caseId)));
      })
      .catch((error: unknown) => live && setProblem(t('erase.readFailed', { error: errorDetailIn(t, error) })));
    return () => {
      live = false;
    };
  }, [caseId, t]);

  const count = selected.size;
  const confirmed = typed.trim().toUpperCase() === confirmWord.toUpperCase();
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
        title: t('erase.done', { n: result.caseIds.length }),
        message: t('erase.doneText', { references: result.references.join(', ') }),
      });
      onDone();
    } catch (error) {
      setProblem(t('erase.failed', { error: errorDetailIn(t, error) }));
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
    <form onSubmit={erase} noValidate aria-label={t('erase.title')}>
      <Stack gap="md">
        <Text size="sm">{t('erase.intro')}</Text>

        <div>
          <Title order={5} mb={4}>
            {t('erase.theirCases')}
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t('erase.casesHint')}
          </Text>
          {cases === null && !problem && <Loader size="sm" aria-label={t('erase.finding')} />}
          {cases && (
            <Stack gap={6} role="group" aria-label={t('erase.cases')}>
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
                        {t('erase.received', { name: c.customerName, date: formatDate(c.receivedOn) })}
                      </Text>
                      <Badge size="xs" variant="light" color={c.matchedBy.length ? 'blue' : 'gray'}>
                        {c.matchedBy.length
                          ? t('erase.same', { reasons: c.matchedBy.map((m) => t(`model.match.${m}`)).join(', ') })
                          : t('erase.thisCase')}
                      </Badge>
                    </Group>
                  }
                  description={
                    c.erasable.ok
                      ? undefined
                      : c.erasable.why === 'anonymised'
                        ? t('erase.anonymisedOn', { date: formatDate(c.erasable.anonymisedOn) })
                        : t('erase.stillOpen')
                  }
                />
              ))}
            </Stack>
          )}
        </div>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <div>
            <Title order={5} mb={4}>
              {t('erase.erasedNow')}
            </Title>
            <List size="sm" spacing={2}>
              {ERASED.map((line, i) => (
                <List.Item key={line}>{t(`erase.erased.${i as 0 | 1 | 2 | 3 | 4}`)}</List.Item>
              ))}
            </List>
          </div>
          <div>
            <Title order={5} mb={4}>
              {t('erase.kept')}
            </Title>
            <List size="sm" spacing={2}>
              {KEPT.map((line, i) => (
                <List.Item key={line}>{t(`erase.kept.${i as 0 | 1 | 2}`)}</List.Item>
              ))}
            </List>
            <Text size="xs" c="dimmed" mt={6}>
              {t('erase.keptWhy', { law: laws })}
            </Text>
          </div>
        </SimpleGrid>

        <Alert color="yellow" variant="light" p="xs" role="note">
          <Text size="sm">{t('erase.warning')}</Text>
        </Alert>

        <Stack gap="sm">
          <Select
            label={t('erase.reason')}
            placeholder={t('erase.chooseReason')}
            data={ERASURE_BASES.map((b) => ({ value: b, label: t(`erase.basis.${b}`) }))}
            value={basis}
            onChange={(v) => setBasis((v as ErasureBasis | null) ?? null)}
            allowDeselect={false}
            withAsterisk
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('erase.type', { word: confirmWord })}
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
            {t('erase.chooseWho')}
          </Text>
        )}

        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('erase.recorded')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onDone}>
              {t('erase.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!ready} loading={erasing}>
              {t('erase.erase', { n: count })}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
