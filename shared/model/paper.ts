// Which paper a region prints on: the one home of it. Letters (shared/letters/layout.ts PAGE_FORMATS, which adds the
// envelope each paper is posted in), the subject-access summary (shared/exports/subject-access.ts) and the Reports PDF
// (shared/reports/pdf.ts) all take their paper from here: A4 in the UK, US Letter in Canada.
import type { DeskSettings } from './case';
import { deskRegions, type RegulatorRegion } from './provider';

/** A paper size, as pdfmake names it. */
export type PaperSize = 'A4' | 'LETTER';

/** The paper of each region: A4 (ISO 216) in the UK, US Letter (8 1/2 × 11 in) in Canada. */
export const REGION_PAPER = { UK: 'A4', CA: 'LETTER' } as const satisfies Record<RegulatorRegion, PaperSize>;

/** The paper a region prints on. */
export const paperSizeFor = (region: RegulatorRegion): PaperSize => REGION_PAPER[region];

/**
 * The paper for a document about the cases of several providers (a report of the whole desk): the paper their regions
 * share, else A4. A desk with providers on both sides of the Atlantic keeps A4, the paper it always printed on (a
 * mixed desk's UK letters are A4 already, and one paper for the desk's reports whatever the filter keeps them alike).
 * No region at all (no providers yet): A4 too.
 */
export function paperSizeForRegions(regions: Iterable<RegulatorRegion>): PaperSize {
  const papers = new Set([...regions].map(paperSizeFor));
  return papers.size === 1 ? [...papers][0] : 'A4';
}

/** The paper of the desk's own documents about all its cases (the Reports PDF): its providers' (retired ones too). */
export const deskPaperSize = (settings: DeskSettings): PaperSize => paperSizeForRegions([...deskRegions(settings)]);
