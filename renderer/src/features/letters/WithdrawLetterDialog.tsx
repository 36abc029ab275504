// Withdraw an issued letter that was wrong. It is never deleted (it was issued): it keeps its exact bytes and
// checksum, and a new timeline entry records who withdrew it, when and why. Withdrawing cannot recall a letter that was
// posted or sent, and the dialog says so.
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type RefObject, useEffect, useState } from 'react';
import { useFocusReturnAfterClose } from '#ui/focus-return';
import { FormattedMessage } from 'react-intl';
import { useT } from '#lib/i18n/index';
import { formatDate } from '#lib/format';
import type { LetterRow } from '#db/schema';
import { withdrawIssuedLetter } from './issue';

export function WithdrawLetterDialog({
  letter,
  today,
  by,
  onClose,
  returnFocusTo,
}: {
  letter: Pick<LetterRow, 'id' | 'caseId' | 'fileName' | 'issuedOn'> | null;
  today: string;
  by: string;
  onClose: () => void;
  /** Where focus goes after the dialog closes when the control that opened it has gone (see #ui/focus-return). */
  returnFocusTo?: RefObject<HTMLElement | null>;
}) {
  const t = useT();
  const focusAfterClose = useFocusReturnAfterClose(letter !== null, returnFocusTo);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setReason('');
    setError(null);
  }, [letter?.id]);

  const withdraw = async () => {
    if (!letter) return;
    if (!reason.trim()) {
      setError(t('withdraw.sayWhy'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await withdrawIssuedLetter(letter, { on: today, by, reason });
      notifications.show({ color: 'teal', title: t('withdraw.done'), message: letter.fileName });
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={letter !== null}
      onClose={onClose}
      onExitTransitionEnd={focusAfterClose}
      title={t('withdraw.title')}
      size="lg"
    >
      {letter && (
        <Stack gap="sm">
          <Text size="sm">
            <FormattedMessage
              id="withdraw.issued"
              values={{ fileName: letter.fileName, date: formatDate(letter.issuedOn), b: (c) => <b>{c}</b> }}
            />
          </Text>
          <Alert color="yellow" variant="light">
            {t('withdraw.wording')}
          </Alert>
          <Textarea
            label={t('withdraw.why')}
            required
            autosize
            minRows={2}
            maxRows={6}
            data-autofocus
            value={reason}
            error={error}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setError(null);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('withdraw.cancel')}
            </Button>
            <Button color="red" onClick={() => void withdraw()} loading={busy}>
              {t('withdraw.button')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
