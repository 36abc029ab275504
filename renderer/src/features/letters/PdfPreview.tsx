// The letter's real pages, drawn by pdf.js from the bytes that will be issued (#letters/pdf-pages, loaded only when a
// preview is first shown). While they are drawn, a loader; if pdf.js cannot draw them, the reason, and the letter's
// words as text so the desk can still read what will be issued.
import { Alert, Center, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useT } from '#lib/i18n/index';

export function PdfPreview({ bytes, fallbackText }: { bytes: Uint8Array; fallbackText: string }) {
  const t = useT();
  const pagesRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<
    { kind: 'drawing' } | { kind: 'drawn'; pages: number } | { kind: 'failed'; error: string }
  >({ kind: 'drawing' });

  useEffect(() => {
    const container = pagesRef.current;
    if (!container) return;
    const controller = new AbortController();
    setState({ kind: 'drawing' });
    container.replaceChildren();
    // Fit the page to the box, at most 700 px wide (an A4 page at about the size it is read on paper).
    const width = Math.min(700, Math.max(320, container.clientWidth - 24));
    import('#letters/pdf-pages')
      .then(({ drawPdfPages }) => drawPdfPages(bytes, container, { width, signal: controller.signal }))
      .then(({ pages }) => {
        if (!controller.signal.aborted) setState({ kind: 'drawn', pages });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          setState({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [bytes]);

  return (
    <Stack gap="xs">
      {state.kind === 'drawing' && (
        <Center py="md">
          <Loader size="sm" aria-label={t('pdf.drawing')} />
        </Center>
      )}
      {state.kind === 'failed' && (
        <Alert color="yellow" title={t('pdf.failed')}>
          {t('pdf.failedText', { error: state.error })}
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {fallbackText}
          </Text>
        </Alert>
      )}
      {state.kind === 'drawn' && (
        <Text size="xs" c="dimmed">
          {t('pdf.pages', { count: state.pages })}
        </Text>
      )}
      <ScrollArea.Autosize
        mah="55vh"
        type="auto"
        bg="gray.1"
        style={{ borderRadius: 4 }}
        // The pages scroll: a keyboard user reaches them with Tab and scrolls them with the arrow keys.
        viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('pdf.region') }}
      >
        <div ref={pagesRef} style={{ display: 'grid', gap: 16, padding: 12 }} />
      </ScrollArea.Autosize>
    </Stack>
  );
}
