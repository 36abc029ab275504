// An attachment shown inside the app: images from an object URL, PDFs drawn by pdf.js (#ui/PdfPages, loaded lazily;
// its worker from the app's own origin, no WebAssembly), plain text as text. Emails get their own view
// (EmailView, issue #18's email part); Office files and TIFF/HEIC images, which the browser cannot draw, can be
// downloaded. Every view offers the download of the exact bytes, with their checksum.
import { Alert, Button, Center, Code, Group, Image, Loader, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ParseEmailResult } from '#shared/mail/parse';
import { unreadableEmail } from '#shared/mail/problems';
import { emailProblemIn, fileSizeIn, type MessageKey, useT } from '#lib/i18n/index';
import type { AttachmentFileType, AttachmentSummary } from '#shared/model/attachment';
import { attachmentBlob } from '#db/repositories/attachments';
import { db } from '#db/schema';
import { EmailView } from '#features/mail';
import { PdfPages } from '#ui/PdfPages';
import { downloadAttachment } from './files';
import { utf16Of } from '#shared/files/recognise';

/** Text as the customer wrote it: UTF-8, or else Windows-1252 (a superset of Latin-1). */
function decodeText(bytes: Uint8Array): string {
  // UTF-16 with its byte order mark (Notepad's "Unicode"), as the file was recognised (#shared/files/recognise).
  const utf16 = utf16Of(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** A PDF's pages (#ui/PdfPages), drawn as far as they can be; a scan pdf.js cannot decode is said so in words. */
function PdfView({ blob }: { blob: Blob }) {
  const t = useT();
  return (
    <PdfPages
      source={blob}
      maxWidth={760}
      maxHeight="65vh"
      tolerant
      drawingLabel={t('attachments.drawingPdf')}
      regionLabel={t('attachments.pdfPages')}
      failed={(error) => (
        <Alert color="yellow" title={t('attachments.pagesFailed')}>
          {/* pdf.js's own words, in English, as a technical detail after what to do (its full stop dropped). */}
          {t('attachments.pagesFailedText', { error: String(error).replace(/[.\s]+$/, '') })}
        </Alert>
      )}
      drawn={({ pages, undecodedImages }) => (
        <>
          {undecodedImages > 0 && (
            <Alert color="yellow" title={t('attachments.undecodable')} data-undecodable-images={undecodedImages}>
              {t('attachments.undecodableText', { count: undecodedImages })}
            </Alert>
          )}
          <Text size="xs" c="dimmed">
            {t('attachments.pages', { count: pages })}
          </Text>
        </>
      )}
    />
  );
}

function ImageView({ blob, alt }: { blob: Blob; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url ? <Image src={url} alt={alt} fit="contain" mah="65vh" radius="sm" bg="gray.1" /> : null;
}

function TextView({ blob }: { blob: Blob }) {
  const t = useT();
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void blob.arrayBuffer().then((b) => live && setText(decodeText(new Uint8Array(b))));
    return () => {
      live = false;
    };
  }, [blob]);
  if (text === null) return <Loader size="sm" aria-label={t('attachments.readingText')} />;
  return (
    <ScrollArea.Autosize
      mah="65vh"
      type="auto"
      viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('attachments.fileText') }}
    >
      <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {text}
      </Code>
    </ScrollArea.Autosize>
  );
}

/**
 * An .eml or Outlook .msg attachment: its bytes parsed by #shared/mail/parse, loaded the first time an email is shown
 * (postal-mime, msgreader and iconv-lite's code pages stay out of the main chunk), and shown by the mail feature's
 * EmailView (its own attachments downloadable, attached emails opened in place).
 */
function EmailPreview({ blob, fileName }: { blob: Blob; fileName: string }) {
  const t = useT();
  const [parsed, setParsed] = useState<ParseEmailResult | null>(null);
  useEffect(() => {
    let live = true;
    setParsed(null);
    void Promise.all([blob.arrayBuffer(), import('#shared/mail/parse')])
      .then(([buffer, { parseEmail }]) => parseEmail(new Uint8Array(buffer), fileName))
      .catch((error: unknown): ParseEmailResult => unreadableEmail(fileName, String(error)))
      .then((result) => live && setParsed(result));
    return () => {
      live = false;
    };
  }, [blob, fileName]);
  if (parsed === null)
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t('attachments.email.reading')} />
      </Center>
    );
  if (!parsed.ok)
    return (
      <Alert color="yellow" title={t('attachments.email.cannotShow')} data-email-preview>
        {emailProblemIn(t, parsed.said)} {t('attachments.email.downloadInstead')}
      </Alert>
    );
  return <EmailView email={parsed.email} />;
}

/** Why a type is not shown inside the app. */
const NOT_SHOWN: Partial<Record<AttachmentFileType, MessageKey>> = {
  docx: 'attachments.notShown.docx',
  xlsx: 'attachments.notShown.xlsx',
  odt: 'attachments.notShown.odt',
  tiff: 'attachments.notShown.tiff',
  heic: 'attachments.notShown.heic',
};

/** The file's Blob, read when the preview opens (the list carries no bytes): undefined while it is read. */
function useAttachmentBlob(id: string): Blob | null | undefined {
  const [blob, setBlob] = useState<{ id: string; blob: Blob | null } | null>(null);
  useEffect(() => {
    let live = true;
    void attachmentBlob(db(), id)
      .catch(() => null)
      .then((found) => live && setBlob({ id, blob: found }));
    return () => {
      live = false;
    };
  }, [id]);
  return blob?.id === id ? blob.blob : undefined;
}

function Body({ attachment }: { attachment: AttachmentSummary }) {
  const t = useT();
  const blob = useAttachmentBlob(attachment.id);
  if (blob === undefined)
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t('attachments.readingFile')} />
      </Center>
    );
  if (!blob) return <Alert color="gray">{t('attachments.deletedFile')}</Alert>;
  switch (attachment.fileType) {
    case 'pdf':
      return <PdfView blob={blob} />;
    case 'jpeg':
    case 'png':
      return (
        <ImageView
          blob={blob}
          alt={
            attachment.note
              ? t('attachments.imageAlt', { name: attachment.fileName, note: attachment.note })
              : attachment.fileName
          }
        />
      );
    case 'text':
      return <TextView blob={blob} />;
    case 'eml':
    case 'msg':
      return <EmailPreview blob={blob} fileName={attachment.fileName} />;
    default: {
      const why = NOT_SHOWN[attachment.fileType];
      return <Text size="sm">{why ? t(why) : null}</Text>;
    }
  }
}

export function AttachmentPreview({
  attachment,
  onClose,
}: {
  attachment: AttachmentSummary | null;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal
      opened={attachment !== null}
      onClose={onClose}
      title={attachment ? attachment.fileName : t('attachments.attachment')}
      size="xl"
      styles={{ title: { wordBreak: 'break-all', fontWeight: 600 } }}
    >
      {attachment && (
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {t('attachments.typeAndSize', {
              type: t(`model.fileType.${attachment.fileType}` as MessageKey),
              size: fileSizeIn(t, attachment.size),
            })}{' '}
            · {t('attachments.sha')}{' '}
            <span style={{ fontFamily: 'monospace' }} data-sha256={attachment.sha256}>
              {attachment.sha256}
            </span>
          </Text>
          <Body attachment={attachment} />
          <Group justify="flex-end">
            {attachment.hasFile && (
              <Button variant="default" onClick={() => void downloadAttachment(t, attachment.id)}>
                {t('attachments.download.exact')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
