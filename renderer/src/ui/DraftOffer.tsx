// The question a form with a draft asks on opening (issue #15): use what was typed before, or discard it.
import { Alert, Button, Group, Text } from '@mantine/core';
import { type DraftControl, draftTime } from '#lib/forms';

/** "You have an unsaved draft from 10:42: Use it / Discard", at the top of a form that has one. */
export function DraftOffer<T>({ draft }: { draft: DraftControl<T> }) {
  if (!draft.offered) return null;
  return (
    <Alert color="blue" variant="light" role="status" title="Unsaved draft" data-draft-offer>
      <Group justify="space-between" gap="xs">
        <Text size="sm">You have an unsaved draft from {draftTime(draft.offered.savedAt)}.</Text>
        <Group gap="xs">
          <Button size="xs" onClick={draft.use}>
            Use it
          </Button>
          <Button size="xs" variant="default" onClick={draft.discard}>
            Discard
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}
