// The letter's real pages, drawn by pdf.js from the bytes that will be issued (#ui/PdfPages). If pdf.js cannot draw
// them, the reason, and the letter's words as text so the desk can still read what will be issued.
import { Alert, Text } from '@mantine/core';
import { useT } from '#lib/i18n/index';
import { PdfPages } from '#ui/PdfPages';

export function PdfPreview({ bytes, fallbackText }: { bytes: Uint8Array; fallbackText: string }) {
  const t = useT();
  return (
    <PdfPages
      source={bytes}
      // A page (A4 in the UK, Letter in Canada) at about the size it is read on paper.
      maxWidth={700}
      maxHeight="55vh"
      drawingLabel={t('pdf.drawing')}
      regionLabel={t('pdf.region')}
      failed={(error) => (
        <Alert color="yellow" title={t('pdf.failed')}>
          {t('pdf.failedText', { error })}
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {fallbackText}
          </Text>
        </Alert>
      )}
      drawn={({ pages }) => (
        <Text size="xs" c="dimmed">
          {t('pdf.pages', { count: pages })}
        </Text>
      )}
    />
  );
}
