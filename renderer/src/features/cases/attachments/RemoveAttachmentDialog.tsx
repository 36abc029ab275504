// Remove an attachment from the case: a reason is required, and a new timeline entry records it (the entry that added
// the file stays). The file's bytes are kept unless the person removing it says it is someone else's data.
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
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
      setError('Say why the attachment is removed.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await removeAttachment(db(), attachment.id, { reason, by, deleteFile });
      notifications.show({
        color: 'teal',
        title: deleteFile ? 'Attachment removed and its file deleted' : 'Attachment removed',
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
    <Modal opened={attachment !== null} onClose={onClose} title="Remove an attachment" size="lg">
      {attachment && (
        <Stack gap="sm">
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            <b>{attachment.fileName}</b>
          </Text>
          <Text size="sm">
            The timeline keeps the entry that added it, and a new entry records who removed it, when and why.
          </Text>
          <Textarea
            label="Why is it removed?"
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
            label="Also delete the file (someone else’s data uploaded by mistake)"
            description="The file’s bytes are deleted for good; its name, size and checksum stay on the case."
            checked={deleteFile}
            onChange={(e) => setDeleteFile(e.currentTarget.checked)}
          />
          {deleteFile && (
            <Alert color="yellow" variant="light">
              The file cannot be downloaded or restored from this desk afterwards.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color="red" onClick={() => void remove()} loading={busy}>
              {deleteFile ? 'Remove and delete the file' : 'Remove the attachment'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
