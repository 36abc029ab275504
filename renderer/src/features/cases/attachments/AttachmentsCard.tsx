// The case's attachments: add files (a button with the system's file dialog, or drop them anywhere on the case page,
// FileDropArea), and for each the name, kind, size, who added it and when, its checksum, and Preview, Download and
// Remove. Removed attachments stay listed, struck through, with who removed them and why.
import { Anchor, Badge, Button, Card, FileButton, Group, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { memo, useEffect, useState, type ReactNode } from 'react';
import { formatTimestamp } from '#lib/format';
import { fileSizeIn, useT } from '#lib/i18n/index';
import type { AttachmentSummary } from '#shared/model/attachment';
import { AttachmentPreview } from './AttachmentPreview';
import { RemoveAttachmentDialog } from './RemoveAttachmentDialog';
import { downloadAttachment } from './files';

/** Drawn again only when its own props change (not each time the case's timeline does). */
export const AttachmentsCard = memo(function AttachmentsCard({
  attachments,
  by,
  readOnly,
  onAdd,
}: {
  /** The case's attachments without their bytes (#db/hooks useAttachments, read alongside the case). */
  attachments: readonly AttachmentSummary[] | undefined;
  by: string;
  /** An anonymised case: nothing can be added or removed. */
  readOnly: boolean;
  onAdd: (files: File[]) => void;
}) {
  const t = useT();
  const [previewing, setPreviewing] = useState<AttachmentSummary | null>(null);
  const [removing, setRemoving] = useState<AttachmentSummary | null>(null);

  return (
    <Card withBorder data-attachments>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('attachments.title')}
        </Title>
        {!readOnly && (
          <FileButton multiple onChange={(files) => files.length > 0 && onAdd(files)}>
            {(props) => (
              <Button variant="default" {...props}>
                {t('attachments.addFiles')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {!readOnly && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('attachments.dropHint')}
        </Text>
      )}
      {attachments && attachments.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('attachments.none')}
        </Text>
      )}
      {attachments && attachments.length > 0 && (
        <Table aria-label={t('attachments.title')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('attachments.file')}</Table.Th>
              <Table.Th>{t('attachments.kind')}</Table.Th>
              <Table.Th>{t('attachments.size')}</Table.Th>
              <Table.Th>{t('attachments.added')}</Table.Th>
              <Table.Th>{t('attachments.checksum')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('attachments.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attachments.map((a) => (
              <AttachmentRowView
                key={a.id}
                attachment={a}
                readOnly={readOnly}
                onPreview={setPreviewing}
                onRemove={setRemoving}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AttachmentPreview attachment={previewing} onClose={() => setPreviewing(null)} />
      <RemoveAttachmentDialog attachment={removing} by={by} onClose={() => setRemoving(null)} />
    </Card>
  );
});

const AttachmentRowView = memo(function AttachmentRowView({
  attachment: a,
  readOnly,
  onPreview,
  onRemove,
}: {
  attachment: AttachmentSummary;
  readOnly: boolean;
  onPreview: (attachment: AttachmentSummary) => void;
  onRemove: (attachment: AttachmentSummary) => void;
}) {
  const t = useT();
  const removed = a.deleted;
  return (
    <Table.Tr data-attachment={a.fileName} data-removed={removed ? 'true' : undefined}>
      <Table.Td>
        <Text size="sm" td={removed ? 'line-through' : undefined} style={{ wordBreak: 'break-all' }}>
          {a.fileName}
        </Text>
        {a.note && (
          <Text size="xs" c="dimmed">
            {a.note}
          </Text>
        )}
        {removed && (
          <Text size="xs" c="red.8">
            <Badge color="red" variant="light" size="sm" mr={6}>
              {removed.fileDeleted ? t('attachments.removedDeleted') : t('attachments.removed')}
            </Badge>
            {t('attachments.removedBy', { at: formatTimestamp(removed.at), by: removed.by, reason: removed.reason })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{t(`model.attachmentKind.${a.kind}`)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{fileSizeIn(t, a.size)}</Table.Td>
      <Table.Td>
        <Text size="sm">{formatTimestamp(a.addedAt)}</Text>
        <Text size="xs" c="dimmed">
          {t('attachments.addedBy', { name: a.addedBy })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs" ff="monospace" c="dimmed" title={t('attachments.shaOf', { sha: a.sha256 })}>
          {a.sha256.slice(0, 12)}…
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap="md" wrap="nowrap">
          {a.hasFile && (
            <>
              <Anchor
                component="button"
                size="sm"
                onClick={() => onPreview(a)}
                aria-label={t('attachments.previewName', { name: a.fileName })}
              >
                {t('attachments.preview')}
              </Anchor>
              <Anchor
                component="button"
                size="sm"
                onClick={() => void downloadAttachment(t, a.id)}
                aria-label={t('attachments.downloadName', { name: a.fileName })}
              >
                {t('attachments.download')}
              </Anchor>
            </>
          )}
          {!removed && !readOnly && (
            <Anchor
              component="button"
              size="sm"
              c="red.8"
              onClick={() => onRemove(a)}
              aria-label={t('attachments.removeName', { name: a.fileName })}
            >
              {t('attachments.remove')}
            </Anchor>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
});

/**
 * The case page as a drop target: files dragged over it show where they will go, and dropped files are handed to
 * `onFiles` (the add dialog). Off when `disabled`; anything dragged that is not files (text, links) is ignored.
 */
export function FileDropArea({
  disabled,
  onFiles,
  children,
}: {
  disabled: boolean;
  onFiles: (files: File[]) => void;
  children: ReactNode;
}) {
  const t = useT();
  const [over, setOver] = useState(false);
  const carriesFiles = (e: React.DragEvent) => !disabled && Array.from(e.dataTransfer.types).includes('Files');
  // Files dropped anywhere in the window (on the case, the navigation, the header, a margin) are added to this case,
  // instead of the browser leaving the app to open the file.
  useEffect(() => {
    if (disabled) return;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const allow = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (e.defaultPrevented || !hasFiles(e)) return;
      e.preventDefault();
      setOver(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length > 0) onFiles(files);
    };
    // In the capture phase, so the window-wide email drop (a dropped email opens New complaint, app/EmailDrop) never
    // takes a file meant for this case, whichever listener was added first; React's onDrop below then sees it taken.
    window.addEventListener('dragover', allow, { capture: true });
    window.addEventListener('drop', drop, { capture: true });
    return () => {
      window.removeEventListener('dragover', allow, { capture: true });
      window.removeEventListener('drop', drop, { capture: true });
    };
  }, [disabled, onFiles]);
  return (
    <div
      data-drop-area
      data-dragging={over ? 'true' : undefined}
      onDragOver={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        if (!carriesFiles(e) || e.defaultPrevented) return;
        e.preventDefault();
        setOver(false);
        const files = Array.from(e.dataTransfer.files);
        if (files.length > 0) onFiles(files);
      }}
      style={{
        position: 'relative',
        outline: over ? '3px dashed var(--mantine-color-blue-6)' : undefined,
        outlineOffset: 6,
        borderRadius: 8,
      }}
    >
      {over && (
        <Text
          role="status"
          fw={600}
          c="blue.8"
          bg="blue.0"
          px="md"
          py={6}
          style={{ position: 'sticky', top: 0, zIndex: 5, borderRadius: 6, textAlign: 'center' }}
        >
          {t('attachments.dropHere')}
        </Text>
      )}
      {children}
    </div>
  );
}
