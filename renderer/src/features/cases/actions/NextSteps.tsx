// "What to do next": the rules engine's next actions, earliest due first, each with why and a way to record it.
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { actionForNextStep, type ActionAvailability, type CaseActionId } from '#shared/casework/index';
import { type NextAction, nextStepOf } from '#shared/rules/index';
import { formatDate } from '#lib/format';
import { builtInWordsIn, reasonIn, type Translate, useLocale, useT } from '#lib/i18n/index';

/**
 * A next step's label: the engine's own words (shared/rules/words.ts) in the interface language, "(overdue)" and
 * "(deadlock: at once)" too; a procedure's own wording (a stage's target action, a stage's name) as the procedure writes
 * it, or for a built-in procedure in the interface language (`locale`: builtInWordsIn).
 */
export function stepLabel(t: Translate, label: string, locale?: string): string {
  const own = (text: string) => (locale ? builtInWordsIn(locale, text) : text);
  const found = nextStepOf(label);
  if (!found) return own(label);
  if (found.word === 'overdue' || found.word === 'atOnceOnDeadlock')
    return t(`nextSteps.${found.word}`, { label: stepLabel(t, found.values.label ?? '', locale) });
  const values = Object.fromEntries(
    Object.entries(found.values).map(([k, v]) => [k, typeof v === 'string' ? own(v) : v]),
  );
  return t(`nextSteps.label.${found.word}`, values);
}
import { actionText } from './words';

export function NextSteps({
  steps,
  today,
  actions,
  onChoose,
}: {
  steps: readonly NextAction[];
  today: string;
  actions: readonly ActionAvailability[];
  onChoose: (id: CaseActionId) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Card withBorder aria-labelledby="next-steps-title">
      <Title order={2} size="h4" mb="xs" id="next-steps-title">
        {t('nextSteps.title')}
      </Title>
      {steps.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('nextSteps.nothing')}
        </Text>
      ) : (
        <Stack
          gap="sm"
          component="ol"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label={t('nextSteps.title')}
        >
          {steps.map((step) => {
            const id = actionForNextStep(step.id);
            const available = id ? actions.find((a) => a.id === id) : undefined;
            const overdue = step.dueOn !== null && step.dueOn < today;
            return (
              <li key={`${step.id}-${step.dueOn}`} data-next-action={step.id}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
                  <div style={{ minWidth: 0 }}>
                    <Group gap="xs" wrap="nowrap">
                      <Text fw={600}>{stepLabel(t, step.label, locale)}</Text>
                    </Group>
                    <Text size="sm" c={overdue ? 'red.8' : undefined}>
                      {step.dueOn
                        ? t(overdue ? 'nextSteps.wasDue' : 'nextSteps.due', { date: formatDate(step.dueOn) })
                        : t('nextSteps.noDate')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {reasonIn(t, locale, step.reason)}
                    </Text>
                  </div>
                  {available?.allowed && (
                    <Button size="xs" variant="light" onClick={() => onChoose(available.id)} style={{ flexShrink: 0 }}>
                      {actionText(t, available.id, 'label')}…
                    </Button>
                  )}
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
