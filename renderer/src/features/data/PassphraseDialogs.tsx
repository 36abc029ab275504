// The passphrase dialogs of encrypted backups (shared/backup/encryption.ts): choosing one (asked twice, must match,
// at least MIN_PASSPHRASE_LENGTH characters with the reason said) and typing one to open a protected file. Each is a
// form in a modal: the first field takes the focus, Enter submits, Escape cancels, every field has its label and its
// error under it. Nothing here keeps the passphrase once the dialog closes.
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '#shared/backup/encryption';
import { useT } from '#lib/i18n/index';
import { passphraseProblemIn } from './words';

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
  const t = useT();

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
    const problem = passphraseProblemIn(t, first);
    setFirstError(problem);
    const mismatch = !problem && first !== second ? t('passphrase.mismatch') : null;
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
            label={t('passphrase.label')}
            description={t('passphrase.hint', { min: MIN_PASSPHRASE_LENGTH, why: t('passphrase.why') })}
            value={first}
            onChange={(e) => setFirst(e.currentTarget.value)}
            error={firstError}
            autoComplete="new-password"
            data-autofocus
            required
          />
          <PasswordInput
            label={t('passphrase.again')}
            description={t('passphrase.againHint')}
            value={second}
            onChange={(e) => setSecond(e.currentTarget.value)}
            error={secondError}
            autoComplete="new-password"
            required
          />
          <Text size="sm" c="orange.9">
            {t('passphrase.lost')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              {t('passphrase.cancel')}
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
  const t = useT();
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
    <Modal opened={opened} onClose={cancel} title={t('passphrase.promptTitle')} centered size="lg">
      <form onSubmit={submit} noValidate aria-label={t('passphrase.promptForm')}>
        <Stack gap="sm">
          <Text size="sm">
            {fileName ? t('passphrase.promptFile', { file: fileName }) : t('passphrase.promptNoFile')}
          </Text>
          <PasswordInput
            label={t('passphrase.label')}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={error}
            autoComplete="current-password"
            data-autofocus
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel} disabled={busy}>
              {t('passphrase.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!value}>
              {t('passphrase.open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
