// "Sent before the ADR letter was due?": asked before an ADR letter dated before its day is recorded
// (shared/casework/early-adr-letter.ts). It records what was done, so it is asked about, not refused.
import { openConfirm } from '#ui/confirm';
import { Stack, Text } from '@mantine/core';
import type { EarlyAdrLetter } from '#shared/casework/index';
import { formatDate } from '#lib/format';
import type { Translate } from '#lib/i18n/index';

/** Resolves true to record the letter as it is, false to go back to the form. */
export function confirmEarlyAdrLetter(early: EarlyAdrLetter, sentOn: string, t: Translate): Promise<boolean> {
  const dates = {
    dueFrom: formatDate(early.dueFrom),
    receivedOn: formatDate(early.receivedOn),
    sentOn: formatDate(sentOn),
  };
  return new Promise((resolve) => {
    openConfirm({
      title: t('actions.earlyAdr.title'),
      centered: true,
      children: (
        <Stack gap="xs" data-early-adr-letter>
          <Text size="sm">{t('actions.earlyAdr.body', dates)}</Text>
          <Text size="sm">{t('actions.earlyAdr.ask', dates)}</Text>
        </Stack>
      ),
      labels: { confirm: t('actions.earlyAdr.yes'), cancel: t('actions.earlyAdr.back') },
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}
