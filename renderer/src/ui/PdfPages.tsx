// A PDF's pages in a preview (a letter before it is issued, an attachment kept on a case): drawn by pdf.js
// (./pdf-pages, loaded the first time a preview is shown), a loader while they are drawn, the caller's words when
// they cannot be, and what it says about the drawn pages (how many, images that could not be decoded) below them.
import { Center, Loader, ScrollArea, Stack } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { DrawnPages } from './pdf-pages';
import { useT } from '#lib/i18n/index';

export type { DrawnPages };

export function PdfPages({
  source,
  maxWidth,
  maxHeight,
  tolerant = false,
  drawingLabel,
  regionLabel,
  failed,
  drawn,
}: {
  /** The PDF's bytes, or the Blob they are kept in (read when drawn). */
  source: Uint8Array | Blob;
  /** The widest a page is drawn, in CSS pixels (it fits the box below that). */
  maxWidth: number;
  /** The tallest the scrolling box of pages gets (a CSS length). */
  maxHeight: string;
  /** Draw what can be drawn of a damaged file or an image pdf.js cannot decode (see ./pdf-pages). */
  tolerant?: boolean;
  /** The loader's name while the pages are drawn. */
  drawingLabel: string;
  /** The name of the scrolling box of pages (a keyboard user reaches it with Tab). */
  regionLabel: string;
  /** What is shown when pdf.js cannot draw the file: its error. */
  failed: (error: string) => ReactNode;
  /** What is shown above the pages once they are drawn. */
  drawn: (result: DrawnPages) => ReactNode;
}) {
  const pagesRef = useRef<HTMLDivElement>(null);
  // Each page's name in the interface language; read when the pages are drawn (a new language redraws nothing).
  const t = useT();
  const pageLabel = useRef((page: number, pages: number) => t('pdf.page', { page, pages }));
  pageLabel.current = (page: number, pages: number) => t('pdf.page', { page, pages });
  const [state, setState] = useState<
    { kind: 'drawing' } | { kind: 'drawn'; result: DrawnPages } | { kind: 'failed'; error: string }
  >({ kind: 'drawing' });

  useEffect(() => {
    const container = pagesRef.current;
    if (!container) return;
    const controller = new AbortController();
    setState({ kind: 'drawing' });
    container.replaceChildren();
    const width = Math.min(maxWidth, Math.max(320, container.clientWidth - 24));
    const bytes =
      source instanceof Uint8Array ? Promise.resolve(source) : source.arrayBuffer().then((b) => new Uint8Array(b));
    Promise.all([bytes, import('./pdf-pages')])
      .then(([data, { drawPdfPages }]) =>
        drawPdfPages(data, container, {
          width,
          signal: controller.signal,
          tolerant,
          pageLabel: (page, pages) => pageLabel.current(page, pages),
        }),
      )
      .then((result) => {
        if (!controller.signal.aborted) setState({ kind: 'drawn', result });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          setState({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [source, maxWidth, tolerant]);

  return (
    <Stack gap="xs">
      {state.kind === 'drawing' && (
        <Center py="md">
          <Loader size="sm" aria-label={drawingLabel} />
        </Center>
      )}
      {state.kind === 'failed' && failed(state.error)}
      {state.kind === 'drawn' && drawn(state.result)}
      <ScrollArea.Autosize
        mah={maxHeight}
        type="auto"
        bg="gray.1"
        style={{ borderRadius: 4 }}
        // The pages scroll: a keyboard user reaches them with Tab and scrolls them with the arrow keys.
        viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': regionLabel }}
      >
        <div ref={pagesRef} data-pdf-pages style={{ display: 'grid', gap: 16, padding: 12 }} />
      </ScrollArea.Autosize>
    </Stack>
  );
}
