// The question a form with a draft asks on opening (issue #15): use what was typed before, or discard it.
import { useT } from '#lib/i18n/index';
import { Alert, Button, Group, Text } from '@mantine/core';
import { type DraftControl, draftTime } from '#lib/forms';

/** "You have an unsaved draft from 10:42: Use it / Discard", at the top of a form that has one. */
export function DraftOffer<T>({ draft }: { draft: DraftControl<T> }) {
  const t = useT();
  if (!draft.offered) return null;
  return (
    <Alert color="blue" variant="light" role="status" title={t('draft.title')} data-draft-offer>
      <Group justify="space-between" gap="xs">
        <Text size="sm">{t('draft.text', { time: draftTime(draft.offered.savedAt) })}</Text>
        <Group gap="xs">
          <Button size="xs" onClick={draft.use}>
            {t('draft.use')}
          </Button>
          <Button size="xs" variant="default" onClick={draft.discard}>
            {t('draft.discard')}
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}
