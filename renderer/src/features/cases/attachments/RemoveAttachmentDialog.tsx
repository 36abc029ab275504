// Remove an attachment from the case: a reason is required, and a new timeline entry records it (the entry that added
// the file stays). The file's bytes are kept unless the person removing it says it is someone else's data.
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useT } from '#lib/i18n/index';
import { removeAttachment } from '#db/repositories/attachments';
import { db, type AttachmentDbRow } from '#db/schema';

export function RemoveAttachmentDialog({
  attachment,
  by,
  onClose,
}: {
  attachment: Pick<AttachmentDbRow, 'id' | 'fileName'> | null;
  by: string;
  onClose: () => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [deleteFile, setDeleteFile] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setReason('');
    setDeleteFile(false);
    setError(null);
  }, [attachment?.id]);

  const remove = async () => {
    if (!attachment) return;
    if (!reason.trim()) {
      setError(t('attachments.sayWhy'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await removeAttachment(db(), attachment.id, { reason, by, deleteFile });
      notifications.show({
        color: 'teal',
        title: deleteFile ? t('attachments.removedAndDeleted') : t('attachments.removedTitle'),
        message: attachment.fileName,
      });
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={attachment !== null} onClose={onClose} title={t('attachments.removeTitle')} size="lg">
      {attachment && (
        <Stack gap="sm">
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            <b>{attachment.fileName}</b>
          </Text>
          <Text size="sm">{t('attachments.removeText')}</Text>
          <Textarea
            label={t('attachments.why')}
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
          <Checkbox
            label={t('attachments.alsoDelete')}
            description={t('attachments.alsoDeleteHint')}
            checked={deleteFile}
            onChange={(e) => setDeleteFile(e.currentTarget.checked)}
          />
          {deleteFile && (
            <Alert color="yellow" variant="light">
              {t('attachments.cannotRestore')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('attachments.cancel')}
            </Button>
            <Button color="red" onClick={() => void remove()} loading={busy}>
              {deleteFile ? t('attachments.removeAndDelete') : t('attachments.removeAttachment')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
