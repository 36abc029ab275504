// Remove an attachment from the case: a reason is required (#ui/ReasonDialog), and a new timeline entry records it
// (the entry that added the file stays). The file's bytes are kept unless the person removing it says it is someone
// else's data.
import { Alert, Checkbox, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useT } from '#lib/i18n/index';
import { removeAttachment } from '#db/repositories/attachments';
import { db } from '#db/schema';
import { ReasonDialog } from '#ui/ReasonDialog';

export function RemoveAttachmentDialog({
  attachment,
  by,
  onClose,
}: {
  attachment: { id: string; fileName: string } | null;
  by: string;
  onClose: () => void;
}) {
  const t = useT();
  const [deleteFile, setDeleteFile] = useState(false);

  useEffect(() => setDeleteFile(false), [attachment?.id]);

  return (
    <ReasonDialog
      opened={attachment !== null}
      onClose={onClose}
      title={t('attachments.removeTitle')}
      subject={attachment?.id ?? null}
      reasonLabel={t('attachments.why')}
      sayWhy={t('attachments.sayWhy')}
      cancelLabel={t('attachments.cancel')}
      actionLabel={deleteFile ? t('attachments.removeAndDelete') : t('attachments.removeAttachment')}
      onConfirm={async (reason) => {
        if (!attachment) return;
        await removeAttachment(db(), attachment.id, { reason, by, deleteFile });
        notifications.show({
          color: 'teal',
          title: deleteFile ? t('attachments.removedAndDeleted') : t('attachments.removedTitle'),
          message: attachment.fileName,
        });
      }}
      after={
        <>
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
        </>
      }
    >
      <Text size="sm" style={{ wordBreak: 'break-all' }}>
        <b>{attachment?.fileName}</b>
      </Text>
      <Text size="sm">{t('attachments.removeText')}</Text>
    </ReasonDialog>
  );
}
