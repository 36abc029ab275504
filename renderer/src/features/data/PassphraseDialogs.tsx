// The passphrase dialogs of encrypted backups (shared/backup/encryption.ts): choosing one (asked twice, must match,
// at least MIN_PASSPHRASE_LENGTH characters with the reason said) and typing one to open a protected file. Each is a
// form in a modal: the first field takes the focus, Enter submits, Escape cancels, every field has its label and its
// error under it. Nothing here keeps the passphrase once the dialog closes.
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { MIN_PASSPHRASE_LENGTH, PASSPHRASE_LENGTH_REASON, passphraseProblem } from '#shared/backup/encryption';

export const PASSPHRASE_LOST_WARNING =
  'Keep the passphrase somewhere safe other than this computer (a password manager, or written down and locked away). It is not stored anywhere: if it is lost, nobody, including you, can open the backup.';

export interface NewPassphraseDialogProps {
  opened: boolean;
  title: string;
  /** What the passphrase protects, said above the fields. */
  intro: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onCancel: () => void;
  onConfirm: (passphrase: string) => void;
}

/** Choose a passphrase: typed twice, checked for length and match before onConfirm hears it. */
export function NewPassphraseDialog({
  opened,
  title,
  intro,
  confirmLabel,
  busy = false,
  onCancel,
  onConfirm,
}: NewPassphraseDialogProps) {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [firstError, setFirstError] = useState<string | null>(null);
  const [secondError, setSecondError] = useState<string | null>(null);

  const reset = () => {
    setFirst('');
    setSecond('');
    setFirstError(null);
    setSecondError(null);
  };
  const cancel = () => {
    reset();
    onCancel();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = passphraseProblem(first);
    setFirstError(problem);
    const mismatch = !problem && first !== second ? 'The two passphrases are not the same: type it again.' : null;
    setSecondError(mismatch);
    if (problem || mismatch) return;
    const chosen = first;
    reset();
    onConfirm(chosen);
  };

  return (
    <Modal opened={opened} onClose={cancel} title={title} centered size="lg">
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          {typeof intro === 'string' ? <Text size="sm">{intro}</Text> : intro}
          <PasswordInput
            label="Passphrase"
            description={`At least ${MIN_PASSPHRASE_LENGTH} characters: ${PASSPHRASE_LENGTH_REASON}`}
            value={first}
            onChange={(e) => setFirst(e.currentTarget.value)}
            error={firstError}
            autoComplete="new-password"
            data-autofocus
            required
          />
          <PasswordInput
            label="Passphrase again"
            description="Typed a second time, so a slip of the finger cannot lock the backup for ever."
            value={second}
            onChange={(e) => setSecond(e.currentTarget.value)}
            error={secondError}
            autoComplete="new-password"
            required
          />
          <Text size="sm" c="orange.9">
            {PASSPHRASE_LOST_WARNING}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export interface PassphrasePromptProps {
  opened: boolean;
  fileName: string | null;
  /** Checking the passphrase (deriving the key takes a moment). */
  busy: boolean;
  /** The last attempt's refusal (e.g. "The passphrase is not right…"), shown under the field. */
  error: string | null;
  onCancel: () => void;
  onSubmit: (passphrase: string) => void;
}

/** Type the passphrase of a protected backup file. */
export function PassphrasePrompt({ opened, fileName, busy, error, onCancel, onSubmit }: PassphrasePromptProps) {
  const [value, setValue] = useState('');
  const cancel = () => {
    setValue('');
    onCancel();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value || busy) return;
    onSubmit(value);
  };
  return (
    <Modal opened={opened} onClose={cancel} title="This backup is protected with a passphrase" centered size="lg">
      <form onSubmit={submit} noValidate aria-label="Passphrase of the backup">
        <Stack gap="sm">
          <Text size="sm">
            {fileName ? `${fileName} is encrypted.` : 'This file is encrypted.'} Type the passphrase it was made with.
            Nothing on this desk changes until you have seen what it holds and confirmed the restore.
          </Text>
          <PasswordInput
            label="Passphrase"
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={error}
            autoComplete="current-password"
            data-autofocus
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={!value}>
              Open the backup
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
