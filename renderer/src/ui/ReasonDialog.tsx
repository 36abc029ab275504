// A dialog that does something only with a reason (remove an attachment, withdraw an issued letter): what it is
// about, the reason (required: saying nothing is refused in words), anything else the caller asks, and Cancel and the
// action. A failure is shown under the reason and the dialog stays open with what was typed.
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { errorIn, useT } from '#lib/i18n/index';

export function ReasonDialog({
  opened,
  onClose,
  onExitTransitionEnd,
  title,
  subject,
  reasonLabel,
  sayWhy,
  cancelLabel,
  actionLabel,
  onConfirm,
  children,
  after,
}: {
  opened: boolean;
  onClose: () => void;
  onExitTransitionEnd?: () => void;
  title: string;
  /** What the reason is for (an id): the reason and any error are cleared when it changes. */
  subject: string | null;
  reasonLabel: string;
  /** The message when no reason is given. */
  sayWhy: string;
  cancelLabel: string;
  actionLabel: string;
  /**
   * Do it with the reason; a thrown error is shown in the interface language (a refusal said, anything else as
   * technical detail: `errorIn`) and the dialog stays open. Closes when it resolves.
   */
  onConfirm: (reason: string) => Promise<void>;
  /** Shown above the reason. */
  children: ReactNode;
  /** Shown below the reason. */
  after?: ReactNode;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setReason('');
    setError(null);
  }, [subject]);

  const confirm = async () => {
    if (!reason.trim()) {
      setError(sayWhy);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason);
      onClose();
    } catch (e) {
      setError(errorIn(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} onExitTransitionEnd={onExitTransitionEnd} title={title} size="lg">
      {opened && (
        // A form, so Ctrl+Enter in the reason does it, as in every other form (lib/forms.ts: explore34b #11).
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <Stack gap="sm">
            {children}
            <Textarea
              label={reasonLabel}
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
            {after}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {cancelLabel}
              </Button>
              <Button type="submit" color="red" loading={busy}>
                {actionLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
