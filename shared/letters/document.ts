// The part of pdfmake's document definition that Redress letters use. Declared here instead of imported from
// 'pdfmake/interfaces' because those declarations carry `/// <reference lib="dom" />` and `types="node"`: one import
// would put `document`, `window`, `process` and `Buffer` in scope for all of shared/ and silently switch off the
// tsconfig check that keeps this layer pure. renderer/src/letters/render.ts (and the Node test renderer) prove at
// compile time that a LetterDocument is a pdfmake TDocumentDefinitions.

import type { LetterLanguage } from './catalogue';
import type { PaperSize } from '#shared/model/paper';

/** In points: all sides, [horizontal, vertical], or [left, top, right, bottom]. */
export type Margins = number | [number, number] | [number, number, number, number];

export interface LetterStyle {
  font?: string;
  fontSize?: number;
  lineHeight?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  alignment?: 'left' | 'right' | 'center' | 'justify';
  margin?: Margins;
  /** Never break this piece across lines (a phone number). */
  noWrap?: boolean;
}

interface LetterNode extends LetterStyle {
  style?: string | string[];
  /** Place the element at this point of the page (in points from the top left), outside the flow. */
  absolutePosition?: { x?: number; y?: number };
  /** Keep the element on one page. */
  unbreakable?: boolean;
  /** Redress's own mark (pdfmake ignores it): the block in the envelope window, which a customer's copy readdresses. */
  windowAddress?: true;
}

/** Text; an array is one paragraph made of inline pieces (e.g. a bold date inside a sentence). */
export interface LetterText extends LetterNode {
  text: string | Array<string | LetterText>;
  // Redress's own marks on a body paragraph (pdfmake ignores them; see ./edits.ts):
  /** The paragraph's stable id for the desk's edits: the catalogue key it came from. */
  paragraphId?: string;
  /** It carries what the regulator requires, so it cannot be edited. */
  required?: boolean;
  /** The desk changed its words. */
  edited?: boolean;
}
export interface LetterStack extends LetterNode {
  stack: LetterContent[];
}
export type LetterColumn = (LetterText | LetterStack | LetterColumns) & { width?: number | '*' | 'auto' };
export interface LetterColumns extends LetterNode {
  columns: LetterColumn[];
  /** Points between the columns. */
  columnGap?: number;
}
export interface LetterLine {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth?: number;
  lineColor?: string;
}
export interface LetterCanvas extends LetterNode {
  canvas: LetterLine[];
}

/** An image (the letterhead's logo): a PNG or JPEG `data:` URL, scaled to fit the box and keep its proportions. */
export interface LetterImage extends LetterNode {
  image: string;
  fit: [number, number];
}

export type LetterContent = string | LetterText | LetterStack | LetterColumns | LetterCanvas | LetterImage;

/**
 * What a letter's page furniture (the fold marks on page 1, the footer with the reference and the page numbers) is made
 * from. pdfmake takes the furniture as functions, which cannot be posted to a worker; this data can, and the worker
 * makes the same functions from it again (layout.ts `withPageFurniture`).
 */
export interface PageFurniture {
  language: LetterLanguage;
  reference: string;
}

/** A fact about the ADR scheme that a letter prints, by the directory's field name (shared/rules/adr-schemes.ts). */
export type SchemeFact = 'website' | 'phone' | 'textphone' | 'email' | 'postalAddress';

/**
 * The facts a letter prints about its scheme that the scheme directory lists as unverified (not yet checked against the
 * scheme's own publications): the desk is told which before it issues or prints the letter, and where to check them.
 */
export interface SchemeFactsToCheck {
  schemeId: string;
  /** The scheme's name as the directory gives it (English). */
  schemeName: string;
  /** Where to check them: the scheme's website. */
  website: string;
  facts: SchemeFact[];
}

/** A complete letter, ready for pdfmake's createPdf. */
export interface LetterDocument {
  /** A4 (UK) or US Letter (Canada): see layout.ts PAGE_FORMATS and shared/model/paper.ts. */
  pageSize: PaperSize;
  pageMargins: Margins;
  /** BCP 47 language tag, written to the PDF for screen readers. */
  language?: string;
  info?: { title?: string; author?: string; subject?: string; creator?: string };
  defaultStyle?: LetterStyle;
  styles?: Record<string, LetterStyle>;
  background?: (currentPage: number) => LetterContent | null;
  footer?: (currentPage: number, pageCount: number) => LetterContent;
  /** What `background` and `footer` were made from (every letter has it; pdfmake ignores it). */
  furniture?: PageFurniture;
  content: LetterContent[];
  /** Unverified scheme facts the letter prints, to tell the desk before it is issued (pdfmake ignores it). */
  toCheck?: SchemeFactsToCheck;
}
