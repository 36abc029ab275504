// "What to do next": the rules engine's next actions, earliest due first, each with why and a way to record it.
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { actionForNextStep, type ActionAvailability, type CaseActionId } from '#shared/casework/index';
import type { NextAction } from '#shared/rules/index';
import { formatDate } from '#lib/format';
import { type MessageKey, reasonIn, type Translate, useLocale, useT } from '#lib/i18n/index';

/** The rules engine's next-step labels it writes itself (English), in the interface language; a procedure's own
 * wording (a stage's target action) is shown as the procedure writes it. */
const STEP_LABELS: Record<string, MessageKey> = {
  'Acknowledge the complaint': 'nextSteps.label.acknowledge',
  'Was the complaint resolved? Record the resolution, or send the ADR letter': 'nextSteps.label.resolved',
  'Resume the case when the customer replies': 'nextSteps.label.resume',
  'Close the case': 'nextSteps.label.close',
  'Send the first response': 'nextSteps.label.firstResponse',
  'Send the ADR letter': 'nextSteps.label.sendAdr',
  'Tell the customer about the CCTS': 'nextSteps.label.tellCcts',
  'Report back to the CCTS': 'nextSteps.label.reportCcts',
  // The regimes' own actions (shared/rules/regimes.ts).
  'Send the final response': 'nextSteps.label.sendFinalResponse',
  'Send the letter giving Energy Ombudsman rights': 'nextSteps.label.sendEnergyOmbudsmanLetter',
  'Acknowledge the data-protection complaint': 'nextSteps.label.acknowledgeDataProtection',
};

export function stepLabel(t: Translate, label: string): string {
  const overdue = label.endsWith(' (overdue)');
  const dated = overdue ? label.slice(0, -' (overdue)'.length) : label;
  const atOnce = dated.endsWith(' (deadlock: at once)');
  const bare = atOnce ? dated.slice(0, -' (deadlock: at once)'.length) : dated;
  const escalate = /^Escalate to (.+)$/.exec(bare);
  const key = STEP_LABELS[bare];
  let words = key ? t(key) : escalate ? t('nextSteps.label.escalate', { stage: escalate[1] }) : bare;
  if (atOnce) words = t('nextSteps.atOnceOnDeadlock', { label: words });
  return overdue ? t('nextSteps.overdue', { label: words }) : words;
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
      <Title order={4} mb="xs" id="next-steps-title">
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
                      <Text fw={600}>{stepLabel(t, step.label)}</Text>
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
