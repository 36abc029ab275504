// Withdraw an issued letter that was wrong. It is never deleted (it was issued): it keeps its exact bytes and
// checksum, and a new timeline entry records who withdrew it, when and why (#ui/ReasonDialog: the reason is required).
// Withdrawing cannot recall a letter that was posted or sent, and the dialog says so.
import { Alert, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RefObject } from 'react';
import { useFocusReturnAfterClose } from '#ui/focus-return';
import { ReasonDialog } from '#ui/ReasonDialog';
import { FormattedMessage } from 'react-intl';
import { entrySummaryIn, useLocale, useT } from '#lib/i18n/index';
import { formatDate } from '#lib/format';
import type { LetterRow } from '#db/schema';
import type { TimelineEvent } from '#shared/model/case';
import { recordedWithLetter } from '#shared/letters/index';
import { withdrawIssuedLetter } from './issue';

export function WithdrawLetterDialog({
  letter,
  events,
  issuedBy,
  today,
  by,
  onClose,
  returnFocusTo,
}: {
  letter: Pick<LetterRow, 'id' | 'caseId' | 'fileName' | 'issuedOn'> | null;
  /** The case's timeline: the entry the letter recorded beside itself is named, since withdrawing leaves it. */
  events: readonly TimelineEvent[];
  /** Who issued it, as the case page's letters read it from the timeline: two letters of one kind from two desks have
   * the same name and day (explore40-team #7). */
  issuedBy?: string;
  today: string;
  by: string;
  onClose: () => void;
  /** Where focus goes after the dialog closes when the control that opened it has gone (see #ui/focus-return). */
  returnFocusTo?: RefObject<HTMLElement | null>;
}) {
  const t = useT();
  const { locale } = useLocale();
  const focusAfterClose = useFocusReturnAfterClose(letter !== null, returnFocusTo);
  const recordedWith = letter ? recordedWithLetter(events, letter.id) : null;

  return (
    <ReasonDialog
      opened={letter !== null}
      onClose={onClose}
      onExitTransitionEnd={focusAfterClose}
      title={t('withdraw.title')}
      subject={letter?.id ?? null}
      reasonLabel={t('withdraw.why')}
      sayWhy={t('withdraw.sayWhy')}
      cancelLabel={t('withdraw.cancel')}
      actionLabel={t('withdraw.button')}
      onConfirm={async (reason) => {
        if (!letter) return;
        await withdrawIssuedLetter(letter, { on: today, by, reason });
        notifications.show({ color: 'teal', title: t('withdraw.done'), message: letter.fileName });
      }}
    >
      {letter && (
        <Text size="sm">
          <FormattedMessage
            id={issuedBy ? 'withdraw.issuedBy' : 'withdraw.issued'}
            values={{
              fileName: letter.fileName,
              date: formatDate(letter.issuedOn),
              by: issuedBy ?? '',
              b: (c) => <b>{c}</b>,
            }}
          />
        </Text>
      )}
      <Alert color="yellow" variant="light" role="note">
        {t('withdraw.wording')}
      </Alert>
      {recordedWith && (
        <Alert color="orange" variant="light" role="note" data-recorded-with={recordedWith.type}>
          {/* Named as the timeline names it, in the interface language (explore34a #6: the stored English was quoted). */}
          {t('withdraw.recordedWith', {
            summary: entrySummaryIn(t, locale, recordedWith, { events }),
            date: formatDate(recordedWith.on),
          })}
        </Alert>
      )}
    </ReasonDialog>
  );
}
