// The frame every Redress letter shares: a page laid out for a window envelope (A4 and DL in the UK, Letter and No. 10
// in Canada: PAGE_FORMATS), with the letterhead, the addressee in the window, reference and date beside it, the
// reference and page number in every footer, a sign-off with the handler's name. Letter builders supply only the body.
// Pure: returns a pdfmake document definition.
import type { CaseRecord, CompanyDetails, DeskSettings } from '#shared/model/case';
import { providerForCase, type RegulatorRegion } from '#shared/model/provider';
import { paperSizeFor } from '#shared/model/paper';
import { addressLinesWithPostcode, type Addressee } from './addressee';
import { saying } from '#shared/model/saying';
import { LetterRefusalError } from './refusals';
import {
  type LetterLanguage,
  type MessageKey,
  type MessageVars,
  dateInWords,
  languagePack,
  message,
  messageParts,
} from './catalogue';
import type {
  LetterColumn,
  LetterContent,
  LetterDocument,
  LetterStack,
  LetterStyle,
  LetterText,
  Margins,
  PageFurniture,
  SchemeFactsToCheck,
} from './document';
import { applyParagraphEdits, isRequiredParagraphKey, type ParagraphEdits } from './edits';
import { LETTER_FONT_LINE_FACTOR, type TextRun, wrappedLineCount, wrappedRunsLineCount } from './font-metrics';
import { greeting, nameInWindow, signOffLine } from './salutation';
import { ADDRESS_WINDOW_LINES, ADDRESS_WINDOW_WIDTH_MM } from '#shared/model/stored';

/** Millimetres to PDF points. */
export const mm = (millimetres: number): number => (millimetres * 72) / 25.4;

/** Inches to PDF points. */
const inch = (inches: number): number => inches * 72;

/** The page formats (PAGE_FORMATS): A4 for a DL window envelope, US Letter for a No. 10 one. */
export type PageFormatId = 'a4-dl' | 'letter-no10';
/** The paper a letter is printed on and the window envelope it is posted in, which set where everything goes. */
export interface PageFormat {
  id: PageFormatId;
  /** The paper size, as pdfmake names it. */
  pageSize: LetterDocument['pageSize'];
  width: number;
  height: number;
  marginLeft: number;
  marginRight: number;
  marginTop: number;
  marginBottom: number;
  letterheadTop: number;
  /** Large print: the letterhead starts higher, as its lines are taller. */
  letterheadTopLargePrint: number;
  /** The envelope window, on the page. Nothing but the address may show through it. */
  window: { left: number; top: number; right: number; bottom: number };
  addressLeft: number;
  addressTop: number;
  addressWidth: number;
  /** Name plus address lines that fit the window in standard print (the store's limit: every window holds it). */
  addressMaxLines: number;
  /** The address in the window in standard print (large print is 16 pt in every window). */
  addressType: { fontSize: number; lineHeight: number };
  /** The reference block beside the window: where it starts, and the width of its labels. */
  infoLeft: number;
  infoLabelWidth: number;
  /** Where the body starts on the first page, below the window. */
  bodyTopFirstPage: number;
  /** Where the sheet is folded to go into the envelope (marked on page 1, in the left margin). */
  foldMarks: readonly number[];
}

/**
 * The address in the window in standard print, in the DL window. The stored address limits follow from it
 * (shared/model/stored.ts): 7 lines, name and postcode included.
 */
export const ADDRESS_TYPE = { fontSize: 10.5, lineHeight: 1.15 } as const;

/**
 * The page formats: the ONE home of the paper and envelope geometry; a letter takes the one of its provider's region
 * (`pageFormatFor`).
 *
 * a4-dl (UK): A4 folded in three (folds at 99 and 198 mm) into a DL envelope whose window is about 90 × 35 mm, 20 mm
 * from the left and 15 mm from the bottom: with the letter settled in the envelope, the window shows 50-85 mm from the
 * top of the page, 20-110 mm from the left. The address block sits inside that with a few millimetres to spare.
 *
 * letter-no10 (Canada): US Letter (8 1/2 × 11 in, 612 × 792 pt) folded in three (folds at 3 2/3 and 7 1/3 in) into a
 * No. 10 envelope (4 1/8 × 9 1/2 in) with the standard window: 1 1/8 × 4 1/2 in, 7/8 in from the left and 1/2 in
 * from the bottom (envelope makers' No. 10 standard window, e.g. laenvelope.com "No.10 Standard Window Dimensions";
 * PostalMethods' developer guide gives the same address area, 2.042 in from the top of the page). The folded sheet is
 * 3 2/3 in tall in a 4 1/8 in envelope: settled on its fold, as for DL, the window shows 2.042-3.167 in from the top of
 * the page (3 2/3 - 1 5/8 and 3 2/3 - 1/2). Across, the sheet has 1 in of play: the window shows 7/8-5 3/8 in from
 * the left with the sheet against the envelope's left edge, 3/8-4 7/8 in centred, -1/8-4 3/8 in against the right.
 * The address (85 mm wide, as in the DL window) starts at 1 in, so it ends at 4.35 in and shows wherever the sheet
 * lies; the reference block starts at 5 1/2 in, right of wherever the window can be. The window is 81 pt high (DL:
 * 99 pt), so in standard print the address is set at 9 pt, solid, to hold the same 7 lines as the DL window (Canada
 * Post asks for characters 2 to 5 mm high and at least 0.5 mm between lines: Roboto's capitals are 2.3 mm high at 9
 * pt, with 0.8 mm between lines); large print (16 pt) holds 4 lines there (DL: 5). The body starts at 3 3/8 in.
 */
export const PAGE_FORMATS = {
  'a4-dl': {
    id: 'a4-dl',
    pageSize: 'A4',
    width: mm(210),
    height: mm(297),
    marginLeft: mm(20),
    marginRight: mm(20),
    marginTop: mm(20),
    marginBottom: mm(20),
    letterheadTop: mm(14),
    letterheadTopLargePrint: mm(10),
    window: { left: mm(20), top: mm(50), right: mm(110), bottom: mm(85) },
    addressLeft: mm(20),
    addressTop: mm(51),
    addressWidth: mm(ADDRESS_WINDOW_WIDTH_MM),
    addressMaxLines: ADDRESS_WINDOW_LINES,
    addressType: ADDRESS_TYPE,
    infoLeft: mm(122),
    infoLabelWidth: mm(37),
    bodyTopFirstPage: mm(89),
    foldMarks: [mm(99), mm(198)],
  },
  'letter-no10': {
    id: 'letter-no10',
    pageSize: 'LETTER',
    width: inch(8.5),
    height: inch(11),
    marginLeft: inch(1),
    marginRight: inch(0.75),
    marginTop: mm(20),
    marginBottom: mm(20),
    letterheadTop: mm(14),
    letterheadTopLargePrint: mm(10),
    window: { left: inch(7 / 8), top: inch(11 / 3 - 13 / 8), right: inch(7 / 8 + 4.5), bottom: inch(11 / 3 - 0.5) },
    addressLeft: inch(1),
    addressTop: inch(11 / 3 - 13 / 8) + mm(1),
    addressWidth: mm(ADDRESS_WINDOW_WIDTH_MM),
    addressMaxLines: ADDRESS_WINDOW_LINES,
    addressType: { fontSize: 9, lineHeight: 1 },
    infoLeft: inch(5.5),
    infoLabelWidth: mm(27),
    bodyTopFirstPage: inch(3 + 3 / 8),
    foldMarks: [inch(11 / 3), inch(22 / 3)],
  },
} as const satisfies Record<PageFormatId, PageFormat>;

/** The UK page (A4, DL window): a letter's unless its provider is Canadian (see `pageFormatFor`). */
export const PAGE: PageFormat = PAGE_FORMATS['a4-dl'];

/**
 * The paper and envelope of a provider's region: Letter and No. 10 in Canada, A4 and DL in the UK (the region's paper
 * is `paperSizeFor`'s, shared/model/paper.ts; each paper has one envelope here).
 */
export function pageFormatFor(region: RegulatorRegion): PageFormat {
  return pageFormatOf({ pageSize: paperSizeFor(region) });
}

/** The page format of a case's letters: its provider's region's (`providerForCase`). */
export function pageFormatForCase(record: Pick<CaseRecord, 'providerId'>, settings: DeskSettings): PageFormat {
  return pageFormatFor(providerForCase(record, settings).provider.region);
}

/** The page format a letter was laid out in (its paper size says which). */
export function pageFormatOf(doc: Pick<LetterDocument, 'pageSize'>): PageFormat {
  const format = Object.values<PageFormat>(PAGE_FORMATS).find((f) => f.pageSize === doc.pageSize);
  if (!format) throw new Error(`No letter layout for paper size ${String(doc.pageSize)}.`);
  return format;
}

const contentWidth = (format: PageFormat) => format.width - format.marginLeft - format.marginRight;

/**
 * The address in large print: 16 pt like every other word of the letter, set solid (line height 1), so 5 lines fit
 * the window's height (name and postcode included). A longer address is refused for a large-print letter with a
 * message saying so (see windowLinesFor), never printed outside the window.
 */
export const LARGE_PRINT_ADDRESS_TYPE = { fontSize: 16, lineHeight: 1 } as const;

/** Standard print, and large print (every piece of text at least 16 pt, for customers who need it). */
export interface TypeSizes {
  body: number;
  heading: number;
  footer: number;
  companyName: number;
  /** The company's address and contact details under its name. */
  letterhead: number;
  /** The reference, account number and date beside the window: labels and values. */
  infoLabel: number;
  infoValue: number;
  address: { fontSize: number; lineHeight: number };
}
export const STANDARD_PRINT: TypeSizes = {
  body: 10.5,
  heading: 11,
  footer: 8,
  companyName: 17,
  letterhead: 8.5,
  infoLabel: 8.5,
  infoValue: 9.5,
  address: ADDRESS_TYPE,
};
export const LARGE_PRINT: TypeSizes = {
  body: 16,
  heading: 17,
  footer: 16,
  companyName: 20,
  letterhead: 16,
  infoLabel: 16,
  infoValue: 16,
  address: LARGE_PRINT_ADDRESS_TYPE,
};
/** The smallest size any text of a large-print letter is set in. */
export const LARGE_PRINT_MIN_SIZE = 16;

/** The height pdfmake gives one line of Roboto at this size and line height. */
const lineHeightOf = (fontSize: number, lineHeight: number) => fontSize * lineHeight * LETTER_FONT_LINE_FACTOR;

/** The type sizes of a letter in this page format: standard print sets the address as the format's window needs. */
export function typeSizesFor(format: PageFormat, largePrint: boolean): TypeSizes {
  return largePrint ? LARGE_PRINT : { ...STANDARD_PRINT, address: format.addressType };
}

/** How many address lines fit the height of the format's window at this print size. */
export function windowLineCapacity(sizes: TypeSizes, format: PageFormat = PAGE): number {
  const line = lineHeightOf(sizes.address.fontSize, sizes.address.lineHeight);
  return Math.floor((format.window.bottom - format.addressTop) / line);
}

export interface LetterFrame {
  language: LetterLanguage;
  company: CompanyDetails;
  /** The letterhead's logo (a PNG or JPEG `data:` URL), at the top right; none when absent. */
  logoDataUrl?: string;
  reference: string;
  /** The date printed on the letter (YYYY-MM-DD). */
  issuedOn: string;
  accountNumber?: string;
  addressee: Addressee;
  /** Document title (PDF metadata). */
  title: string;
  /** The bold line under the greeting that says what the letter is about. */
  heading: string;
  /** Paragraphs and sections between the greeting and the sign-off. */
  body: LetterContent[];
  handlerName: string;
  largePrint?: boolean;
  /** The desk's edits to the body's catalogue paragraphs, by paragraph id (see ./edits.ts). */
  edits?: ParagraphEdits;
  /** The region of the provider the letter is from: its paper and envelope (`pageFormatFor`); the UK's when absent. */
  region?: RegulatorRegion;
  /**
   * The scheme the letter names (catalogue.schemeNamesIn): the heading and body name it by its short name, and its
   * first mention becomes the long one, so the full name appears once per letter.
   */
  schemeNames?: { long: string; short: string };
  /** The scheme's unverified facts the body prints (./common.ts `schemeFactsToCheck`), carried to the document. */
  toCheck?: SchemeFactsToCheck;
}

/**
 * The lines in the envelope window of the page format (the UK's DL window unless given): the name, then the address.
 * Throws, saying what to shorten, when they would not fit the window: in standard print more lines than the window
 * holds; in large print more lines than fit that window at 16 pt (the No. 10 window holds fewer than the DL one),
 * counting a line too wide for the window as the lines it wraps into (measured with the letter font).
 */
export function windowLinesFor(
  addressee: Pick<Addressee, 'name' | 'addressLines' | 'title'>,
  largePrint = false,
  format: PageFormat = PAGE,
  language: LetterLanguage = 'en-GB',
): string[] {
  const windowLines = [nameInWindow(language, addressee), ...addressee.addressLines];
  if (windowLines.length > format.addressMaxLines) {
    throw new LetterRefusalError(
      saying('window-lines', {
        name: addressee.name,
        lines: windowLines.length - 1,
        max: format.addressMaxLines - 1,
      }),
    );
  }
  if (largePrint) {
    const { fontSize } = LARGE_PRINT.address;
    const capacity = windowLineCapacity(LARGE_PRINT, format);
    const printed = windowLines.reduce((sum, line) => sum + wrappedLineCount(line, fontSize, format.addressWidth), 0);
    if (printed > capacity) {
      throw new LetterRefusalError(
        saying('window-large-print', { size: fontSize, capacity, name: addressee.name, printed }),
      );
    }
  }
  return windowLines;
}

/**
 * The customer's copy of a letter written to their representative: the same letter, page for page, with the
 * customer's name and address in the envelope window and a line above the greeting saying whose copy it is. Null
 * when the letter is not to a representative. Throws when the customer has no full postal address.
 */
export function customerCopyOf(
  doc: LetterDocument,
  addressee: Addressee,
  customer: Addressee,
  language: LetterLanguage,
): LetterDocument | null {
  if (addressee.role !== 'representative' || customer.role !== 'customer') return null;
  const format = pageFormatOf(doc);
  const windowLines = windowLinesFor(customer, isLargePrint(doc), format, language);
  const notice: LetterText = {
    text: message(language, 'letter.copyNotice', { customerName: customer.name, representativeName: addressee.name }),
    style: 'copyNotice',
  };
  const content: LetterContent[] = [];
  // A deep copy: pdfmake writes its layout into the nodes it renders, so the two documents must share none.
  const nodes = JSON.parse(JSON.stringify(doc.content)) as LetterContent[];
  let noticed = false;
  for (const node of nodes) {
    if (typeof node === 'object' && node.windowAddress) content.push(addressBlock(windowLines, format));
    else {
      // Above the letter's opening: the greeting or the subject line, whichever comes first (`opening`).
      if (!noticed && isOpening(node)) {
        content.push(notice);
        noticed = true;
      }
      content.push(node);
    }
  }
  return {
    ...doc,
    info: { ...doc.info, title: `${doc.info?.title ?? ''} (${message(language, 'letter.copyTitle', {})})` },
    content,
  };
}

const isOpening = (node: LetterContent) =>
  typeof node === 'object' &&
  'style' in node &&
  [node.style].flat().some((style) => style === 'salutation' || style === 'letterHeading');

/** Whether a letter was laid out in large print. */
export function isLargePrint(doc: LetterDocument): boolean {
  return doc.defaultStyle?.fontSize === LARGE_PRINT.body;
}

/**
 * A letter's fold marks (page 1) and footer (the reference, and "Page n of m"), and what they were made from; placed
 * for the letter's page format.
 */
function pageFurniture(
  furniture: PageFurniture,
  format: PageFormat,
): Pick<LetterDocument, 'background' | 'footer' | 'furniture'> {
  const { language, reference } = furniture;
  return {
    furniture,
    background: (currentPage) => (currentPage === 1 ? foldMarks(format) : null),
    footer: (currentPage, pageCount) => ({
      margin: [format.marginLeft, mm(8), format.marginRight, 0],
      style: 'footer',
      // The page number takes what it needs; the reference the rest (at 16 pt neither fits half the width in French).
      columns: [
        { width: '*', text: message(language, 'footer.reference', { reference }) },
        {
          width: 'auto',
          text: message(language, 'footer.page', { page: String(currentPage), pages: String(pageCount) }),
          alignment: 'right',
        },
      ],
    }),
  };
}

/**
 * A letter as plain data, to post to a worker (structured clone refuses functions): without its page furniture's
 * functions, which `withPageFurniture` makes again from `furniture`. Null for a document without `furniture`, whose
 * functions could not be made again.
 */
export function postableLetter(doc: LetterDocument): LetterDocument | null {
  if ((doc.background || doc.footer) && !doc.furniture) return null;
  const { background: _background, footer: _footer, ...data } = doc;
  return data;
}

/** A posted letter (`postableLetter`) with its fold marks and footer again: the document the page had. */
export function withPageFurniture(doc: LetterDocument): LetterDocument {
  return doc.furniture ? { ...doc, ...pageFurniture(doc.furniture, pageFormatOf(doc)) } : doc;
}

export function letterDocument(frame: LetterFrame): LetterDocument {
  const { language, company, reference, addressee } = frame;
  const largePrint = frame.largePrint === true;
  const format = pageFormatFor(frame.region ?? 'UK');
  const sizes = typeSizesFor(format, largePrint);
  const windowLines = windowLinesFor(addressee, largePrint, format, language);
  const handlerName = frame.handlerName.trim();
  if (!handlerName) throw new LetterRefusalError(saying('no-handler'));
  const named = nameSchemeOnce([frame.heading, ...applyParagraphEdits(frame.body, frame.edits)], frame.schemeNames);
  const heading = named[0] as string;
  const info = infoBlock(frame, sizes, format);
  const defaultStyle: LetterStyle = { font: 'Roboto', fontSize: sizes.body, lineHeight: 1.2, color: '#1a1a1a' };
  const measure = (node: LetterContent) => flowHeight([node], styles(sizes), defaultStyle, contentWidth(format));
  const body = keepParagraphsWhole(
    named.slice(1),
    measure,
    (format.height - format.marginTop - format.marginBottom) / 4,
  );
  const content: LetterContent[] = [
    letterhead(language, company, sizes, format, frame.logoDataUrl),
    addressBlock(windowLines, format),
    info.block,
    // Everything above is placed absolutely; this pushes the body below the envelope window and the reference
    // block. (An empty canvas, because an empty text would add a line's height of its own.)
    { canvas: [], margin: [0, Math.max(format.bodyTopFirstPage, info.bottom + mm(5)) - format.marginTop, 0, 0] },
    ...opening(language, greeting(language, addressee), heading),
    ...(largePrint
      ? flowingSections(body, signOff(frame, handlerName), (first) =>
          typeof first === 'object' && first.unbreakable
            ? measure(first)
            : HEADING_KEEPS_LINES * lineHeightOf(sizes.body, defaultStyle.lineHeight ?? 1),
        )
      : [
          ...body.slice(0, -1),
          // The sign-off never stands alone at the top of a page: it keeps the last section with it.
          { unbreakable: true, stack: [...body.slice(-1), signOff(frame, handlerName)] },
        ]),
  ];
  // The customer's copy of a letter to a representative adds a line above the opening (`customerCopyOf`): the copy
  // must take as many pages as the letter, so the letter leaves room for it.
  const copyNotice: LetterContent[] = addressee.copyTo
    ? [
        {
          text: message(language, 'letter.copyNotice', {
            customerName: addressee.copyTo,
            representativeName: addressee.name,
          }),
          style: 'copyNotice',
        },
      ]
    : [];
  const spacing = closeSpacingKeepsToOnePage(format, largePrint, defaultStyle, sizes, [...copyNotice, ...content])
    ? CLOSE_SPACING
    : USUAL_SPACING;

  return {
    pageSize: format.pageSize,
    pageMargins: [format.marginLeft, format.marginTop, format.marginRight, format.marginBottom],
    language,
    info: { title: frame.title, author: company.name, subject: frame.title, creator: 'Redress' },
    defaultStyle,
    styles: styles(sizes, spacing),
    ...pageFurniture({ language, reference }, format),
    content,
    ...(frame.toCheck ? { toCheck: frame.toCheck } : {}),
  };
}

/**
 * The body with each of its paragraphs (in sections too) kept on one page when it takes no more than `most` points
 * (`measure`): a paragraph broken across pages never leaves one line of it alone at the foot of a page or the top of
 * the next. pdfmake has no widow or orphan control, and cannot be told to keep two lines together inside a paragraph;
 * splitting a paragraph's text where the letter font's measures say its last lines start would break it where
 * pdfmake does not (pdfmake kerns; the measures do not), leaving a short line inside the paragraph. So a paragraph
 * goes whole to the next page when it does not fit what is left of this one, leaving at most `most` points of it
 * empty (a quarter of a page: 8 lines of large print, 12 of standard). One that fits changes nothing, so a letter
 * that fits on one page still does. A longer paragraph (desks' edits) breaks as before.
 */
function keepParagraphsWhole(
  body: readonly LetterContent[],
  measure: (node: LetterContent) => number,
  most: number,
): LetterContent[] {
  const keep = (node: LetterContent): LetterContent => {
    if (typeof node !== 'object') return node;
    if ('stack' in node) return { ...node, stack: node.stack.map(keep) };
    if ('text' in node && node.style === 'paragraph' && !node.unbreakable && measure(node) <= most) {
      return { ...node, unbreakable: true };
    }
    return node;
  };
  return body.map(keep);
}

/** Large print: the lines of a section's first paragraph its heading keeps with it at the foot of a page. */
const HEADING_KEEPS_LINES = 2;

/** A headed section as `section` makes it: kept whole on one page, its heading first. */
const isSection = (
  node: LetterContent | undefined,
): node is LetterStack & { stack: [LetterText, ...LetterContent[]] } =>
  typeof node === 'object' &&
  'stack' in node &&
  node.unbreakable === true &&
  typeof node.stack[0] === 'object' &&
  'text' in node.stack[0] &&
  node.stack[0].style === 'heading';

/**
 * The body of a large-print letter, and its sign-off, flowing from page to page. At 16 pt a section of a few
 * paragraphs is a third of a page: kept whole (`section`), one that does not fit what is left of a page leaves that
 * gap empty (a final position's page 1 ended a quarter of a page early, the whole "Independent help" section going to
 * page 2). So here a heading keeps only the first `keepOf(first)` points of its section's first paragraph with it (all
 * of it when the paragraph is kept whole, `keepParagraphsWhole`; else HEADING_KEEPS_LINES lines), and the rest flows:
 * the heading and an empty block as tall as those lines go to a page together,
 * and the paragraph is drawn up over the empty block (pdfmake keeps no lines of a paragraph together, so the room is
 * kept this way). The sign-off keeps the last paragraph with it: a last section of one paragraph whole, as before;
 * of several, only its last paragraph. Each section stays one stack with its heading in it, as the desk's "Edit text"
 * finds its paragraphs' section (./edits.ts).
 */
function flowingSections(
  body: readonly LetterContent[],
  signOffBlock: LetterContent,
  keepOf: (first: LetterContent) => number,
): LetterContent[] {
  const flowing = (node: LetterStack & { stack: [LetterText, ...LetterContent[]] }): LetterStack => {
    const { unbreakable: _whole, stack, ...rest } = node;
    const [heading, first, ...others] = stack;
    if (first === undefined) return node;
    const keep = keepOf(first);
    return {
      ...rest,
      stack: [
        // (An empty canvas: an empty text would add a line's height of its own.)
        { unbreakable: true, stack: [heading, { canvas: [], margin: [0, keep, 0, 0] }] },
        { stack: [first], margin: [0, -keep, 0, 0] },
        ...others,
      ],
    };
  };
  const sections = body.map((node) => (isSection(node) ? flowing(node) : node));
  const last = body.at(-1);
  if (isSection(last) && last.stack.length > 2) {
    const lastSection = sections.at(-1) as LetterStack;
    const signedOff: LetterStack = {
      ...lastSection,
      stack: [
        ...lastSection.stack.slice(0, -1),
        { unbreakable: true, stack: [...lastSection.stack.slice(-1), signOffBlock] },
      ],
    };
    return [...sections.slice(0, -1), signedOff];
  }
  return [
    ...sections.slice(0, -1),
    // The sign-off never stands alone at the top of a page: it keeps the last paragraph, or section, with it.
    { unbreakable: true, stack: [...body.slice(-1), signOffBlock] },
  ];
}

/**
 * The gaps between the parts of the body, in ems of the body size: above and below the headings, after each
 * paragraph, after the greeting and the subject line, above the sign-off. The type sizes never change.
 */
interface BodySpacing {
  salutation: number;
  copyNotice: number;
  letterHeading: number;
  subjectFirst: number;
  headingAbove: number;
  headingBelow: number;
  paragraph: number;
  signOff: number;
}
const USUAL_SPACING: BodySpacing = {
  salutation: 0.8,
  copyNotice: 0.8,
  letterHeading: 0.6,
  subjectFirst: 1.2,
  headingAbove: 0.35,
  headingBelow: 0.2,
  paragraph: 0.5,
  signOff: 0.4,
};
/**
 * Closer gaps, for a standard-print letter that would run a few lines onto a second page with the usual ones and fits
 * page 1 with these (explore34a #15: a short French acknowledgement put its last section and sign-off alone on page
 * 2). The paragraphs stay apart, the signature keeps its room.
 */
const CLOSE_SPACING: BodySpacing = {
  salutation: 0.5,
  copyNotice: 0.5,
  letterHeading: 0.4,
  subjectFirst: 0.8,
  headingAbove: 0.2,
  headingBelow: 0.1,
  paragraph: 0.3,
  signOff: 0.2,
};

/**
 * Whether the letter (`content`) runs onto a second page with the usual spacing but fits page 1 with the close one,
 * by the letter font's measures (`flowHeight`). Never for large print, whose letters keep their layout.
 */
function closeSpacingKeepsToOnePage(
  format: PageFormat,
  largePrint: boolean,
  defaultStyle: LetterStyle,
  sizes: TypeSizes,
  content: LetterContent[],
): boolean {
  if (largePrint) return false;
  const room = format.height - format.marginTop - format.marginBottom - PAGE_FIT_SPARE;
  const width = contentWidth(format);
  const height = (spacing: BodySpacing) => flowHeight(content, styles(sizes, spacing), defaultStyle, width);
  return height(USUAL_SPACING) > room && height(CLOSE_SPACING) <= room;
}

/** Points page 1 keeps spare when the layout decides a letter fits it: the measures are a model of pdfmake's. */
const PAGE_FIT_SPARE = 2;

type Resolved = Required<Pick<LetterStyle, 'fontSize' | 'lineHeight'>> & { bold: boolean };

const marginsOf = (margin: Margins | undefined): [number, number, number, number] =>
  margin === undefined
    ? [0, 0, 0, 0]
    : typeof margin === 'number'
      ? [margin, margin, margin, margin]
      : margin.length === 2
        ? [margin[0], margin[1], margin[0], margin[1]]
        : margin;

/**
 * The height (pt) the nodes take in the flow of a page `width` points wide, as pdfmake sets them on one page: text
 * wrapped with the letter font's widths, each line `lineHeightOf` its size, margins added (pdfmake does not collapse
 * them). Nodes placed absolutely take none. Infinite for content it cannot measure (columns or an image in the flow),
 * so a letter with it is never said to fit.
 */
export function flowHeight(
  nodes: readonly LetterContent[],
  styleSheet: Record<string, LetterStyle>,
  inherited: LetterStyle,
  width: number,
): number {
  const base: Resolved = {
    fontSize: inherited.fontSize ?? 12,
    lineHeight: inherited.lineHeight ?? 1,
    bold: inherited.bold === true,
  };
  const resolve = (node: LetterContent, outer: Resolved): { style: Resolved; margin: Margins | undefined } => {
    if (typeof node === 'string') return { style: outer, margin: undefined };
    const named = [node.style ?? []].flat().map((name) => styleSheet[name] ?? {});
    const own = [...named, node];
    const pick = <K extends keyof LetterStyle>(key: K): LetterStyle[K] | undefined =>
      own.reduce<LetterStyle[K] | undefined>((value, style) => style[key] ?? value, undefined);
    return {
      style: {
        fontSize: pick('fontSize') ?? outer.fontSize,
        lineHeight: pick('lineHeight') ?? outer.lineHeight,
        bold: pick('bold') ?? outer.bold,
      },
      margin: pick('margin'),
    };
  };
  const runsOf = (text: LetterText['text'], bold: boolean, noWrap: boolean): TextRun[] =>
    typeof text === 'string'
      ? [{ text, bold, noWrap }]
      : text.flatMap((piece) =>
          typeof piece === 'string'
            ? [{ text: piece, bold, noWrap }]
            : runsOf(piece.text, piece.bold ?? bold, piece.noWrap ?? noWrap),
        );
  const height = (node: LetterContent, outer: Resolved, room: number): number => {
    if (typeof node === 'object' && node.absolutePosition) return 0;
    const { style, margin } = resolve(node, outer);
    const [left, top, right, bottom] = marginsOf(margin);
    const inner = room - left - right;
    const line = lineHeightOf(style.fontSize, style.lineHeight);
    let own: number;
    if (typeof node === 'string') own = wrappedRunsLineCount([{ text: node }], style.fontSize, inner) * line;
    else if ('text' in node) {
      own = wrappedRunsLineCount(runsOf(node.text, style.bold, node.noWrap === true), style.fontSize, inner) * line;
    } else if ('stack' in node) own = node.stack.reduce((sum, child) => sum + height(child, style, inner), 0);
    else if ('canvas' in node) own = Math.max(0, ...node.canvas.flatMap((l) => [l.y1, l.y2]));
    else return Number.POSITIVE_INFINITY;
    return top + own + bottom;
  };
  return nodes.reduce((sum, node) => sum + height(node, base, width), 0);
}

/**
 * The greeting and the subject line (the letter's bold heading), in the order the language's letters have them: the
 * greeting first in English, the subject first in French (with the room of a line more under it, before the greeting).
 */
function opening(language: LetterLanguage, greetingLine: string, heading: string): LetterContent[] {
  const salutation: LetterContent = { text: greetingLine, style: 'salutation' };
  if (!languagePack(language).subjectBeforeGreeting) return [salutation, { text: heading, style: 'letterHeading' }];
  return [{ text: heading, style: ['letterHeading', 'subjectFirst'] }, salutation];
}

const LETTERHEAD_LINE_HEIGHT = 1.2;
const INFO_LABEL_LINE_HEIGHT = 1.5;
const INFO_VALUE_LINE_HEIGHT = 1.35;
/** Large print stacks each label above its value (side by side they do not fit beside the window at 16 pt). */
const INFO_STACKED_LINE_HEIGHT = 1.05;
const INFO_STACKED_GAP = 4;

/**
 * The scheme's long name at its first mention in reading order (heading, then body), its short name everywhere else.
 * A mention that starts a sentence keeps its capital ("The CCTS" becomes "The Commission …").
 */
function nameSchemeOnce(content: LetterContent[], names: LetterFrame['schemeNames']): LetterContent[] {
  if (!names || names.long === names.short) return content;
  const { long, short } = names;
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  let done = false;
  const inText = (text: string): string => {
    if (done) return text;
    const plain = text.indexOf(short);
    const capped = text.indexOf(capital(short));
    const at = [plain, capped].filter((i) => i >= 0).sort((a, b) => a - b)[0];
    if (at === undefined) return text;
    done = true;
    const replacement = at === capped ? capital(long) : long;
    return text.slice(0, at) + replacement + text.slice(at + short.length);
  };
  const visit = (node: LetterContent): LetterContent => {
    if (done) return node;
    if (typeof node === 'string') return inText(node);
    if ('text' in node) {
      return {
        ...node,
        text:
          typeof node.text === 'string'
            ? inText(node.text)
            : node.text.map((piece) => visit(piece) as string | LetterText),
      };
    }
    if ('stack' in node) return { ...node, stack: node.stack.map(visit) };
    if ('columns' in node) return { ...node, columns: node.columns.map((column) => visit(column) as LetterColumn) };
    return node;
  };
  return content.map(visit);
}

function styles(sizes: TypeSizes, spacing: BodySpacing = USUAL_SPACING): Record<string, LetterStyle> {
  const stacked = sizes === LARGE_PRINT;
  return {
    companyName: { fontSize: sizes.companyName, bold: true, color: '#14365d', lineHeight: 1 },
    letterhead: { fontSize: sizes.letterhead, color: '#4a4a4a', lineHeight: stacked ? 1 : LETTERHEAD_LINE_HEIGHT },
    address: { ...sizes.address },
    infoLabel: {
      fontSize: sizes.infoLabel,
      color: '#4a4a4a',
      lineHeight: stacked ? INFO_STACKED_LINE_HEIGHT : INFO_LABEL_LINE_HEIGHT,
    },
    infoValue: {
      fontSize: sizes.infoValue,
      lineHeight: stacked ? INFO_STACKED_LINE_HEIGHT : INFO_VALUE_LINE_HEIGHT,
      ...(stacked ? { bold: true, margin: [0, 0, 0, INFO_STACKED_GAP] } : {}),
    },
    salutation: { margin: [0, 0, 0, sizes.body * spacing.salutation] },
    copyNotice: { bold: true, color: '#14365d', margin: [0, 0, 0, sizes.body * spacing.copyNotice] },
    letterHeading: { fontSize: sizes.heading + 1, bold: true, margin: [0, 0, 0, sizes.body * spacing.letterHeading] },
    subjectFirst: { margin: [0, 0, 0, sizes.body * spacing.subjectFirst] },
    heading: {
      fontSize: sizes.heading,
      bold: true,
      margin: [0, sizes.body * spacing.headingAbove, 0, sizes.body * spacing.headingBelow],
    },
    paragraph: { margin: [0, 0, 0, sizes.body * spacing.paragraph] },
    signOff: { margin: [0, sizes.body * spacing.signOff, 0, 0] },
    footer: { fontSize: sizes.footer, color: '#4a4a4a' },
  };
}

const COMPANY_NAME_GAP = 4;
const RULE_HEIGHT = 6;

/** The phone number the letterhead prints, or undefined when the company gave none (first-run set-up asks for none). */
export function letterheadPhone(company: Pick<CompanyDetails, 'phone'>): string | undefined {
  return company.phone?.trim() || undefined;
}

/** The letterhead as a letter takes it from the (case's) settings: the company's details and its logo, if any. */
export function letterheadFrom(
  settings: Pick<DeskSettings, 'company' | 'logoDataUrl'>,
): Pick<LetterFrame, 'company' | 'logoDataUrl'> {
  const logo = settings.logoDataUrl?.trim();
  return { company: settings.company, ...(logo ? { logoDataUrl: logo } : {}) };
}

/** The box the logo is scaled into, top right of the letterhead (it keeps its proportions), and the gap beside it. */
const LOGO_BOX = { width: mm(45), height: mm(18), gap: mm(5) } as const;

function letterhead(
  language: LetterLanguage,
  company: CompanyDetails,
  sizes: TypeSizes,
  format: PageFormat,
  logoDataUrl?: string,
): LetterContent {
  const largePrint = sizes === LARGE_PRINT;
  const width = contentWidth(format);
  // The name, address and contacts take the width the logo leaves.
  const textWidth = logoDataUrl ? width - LOGO_BOX.width - LOGO_BOX.gap : width;
  // On one line, its parts apart by commas; a Canadian postal code two spaces after the municipality, as on an
  // envelope ("Montréal (Québec)  H3B 4W8": explore34a #15), not after a comma.
  const address = addressLinesWithPostcode(
    company.addressLines.map((line) => line.trim()).filter(Boolean),
    company.postcode.trim(),
  )
    .filter(Boolean)
    .join(', ');
  const phone = letterheadPhone(company);
  const email = company.email?.trim();
  const phoneLine = phone ? message(language, 'letterhead.phone', { phone }) : null;
  const emailLine = email ? message(language, 'letterhead.email', { email }) : null;
  // A phone number never breaks across lines. Large print: phone and email each on a line of their own.
  const phonePiece: LetterText[] = phoneLine ? [{ text: phoneLine, noWrap: true }] : [];
  const contactLines: LetterText['text'][] = largePrint
    ? [...(phoneLine ? [phonePiece] : []), ...(emailLine ? [emailLine] : [])]
    : phoneLine || emailLine
      ? [[...phonePiece, ...(phoneLine && emailLine ? ['     '] : []), ...(emailLine ? [emailLine] : [])]]
      : [];
  const measured = [
    ...(address ? [address] : []),
    ...(largePrint ? [phoneLine, emailLine] : [[phoneLine, emailLine].filter(Boolean).join('     ')]),
  ].filter((line): line is string => Boolean(line));
  const top = largePrint ? format.letterheadTopLargePrint : format.letterheadTop;
  if (largePrint) {
    const printed = measured.reduce((sum, line) => sum + wrappedLineCount(line, sizes.letterhead, textWidth), 0);
    const nameLines = wrappedLineCount(company.name, sizes.companyName, textWidth, true);
    const textBottom =
      nameLines * lineHeightOf(sizes.companyName, 1) + COMPANY_NAME_GAP + printed * lineHeightOf(sizes.letterhead, 1);
    const bottom = top + Math.max(textBottom, logoDataUrl ? LOGO_BOX.height : 0) + RULE_HEIGHT;
    if (bottom > format.window.top) {
      throw new LetterRefusalError(saying('letterhead-large-print', { company: company.name }));
    }
  }
  const text: LetterContent[] = [
    { text: company.name, style: 'companyName', margin: [0, 0, 0, COMPANY_NAME_GAP] },
    ...(address ? [{ text: address, style: 'letterhead' }] : []),
    ...contactLines.map((text) => ({ text, style: 'letterhead' })),
  ];
  const rule: LetterContent = {
    canvas: [{ type: 'line', x1: 0, y1: 5, x2: width, y2: 5, lineWidth: 0.6, lineColor: '#14365d' }],
  };
  return {
    absolutePosition: { x: format.marginLeft, y: top },
    columns: [
      {
        width,
        stack: logoDataUrl
          ? [
              {
                columnGap: LOGO_BOX.gap,
                columns: [
                  { width: textWidth, stack: text },
                  // In a stack: a column's width is '*' or 'auto' at times, an image's only ever points.
                  {
                    width: LOGO_BOX.width,
                    stack: [{ image: logoDataUrl, fit: [LOGO_BOX.width, LOGO_BOX.height], alignment: 'right' }],
                  },
                ],
              },
              rule,
            ]
          : [...text, rule],
      },
    ],
  };
}

function addressBlock(lines: string[], format: PageFormat): LetterContent {
  return {
    windowAddress: true,
    absolutePosition: { x: format.addressLeft, y: format.addressTop },
    columns: [{ width: format.addressWidth, stack: lines.map((line) => ({ text: line, style: 'address' })) }],
  };
}

/** Our reference, the account number and the date, beside the window; and where the block ends on the page. */
function infoBlock(frame: LetterFrame, sizes: TypeSizes, format: PageFormat): { block: LetterContent; bottom: number } {
  const { language } = frame;
  const rows: Array<[string, string]> = [[message(language, 'info.ourReference', {}), frame.reference]];
  const account = frame.accountNumber?.trim();
  if (account) rows.push([message(language, 'info.accountNumber', {}), account]);
  rows.push([message(language, 'info.date', {}), dateInWords(language, frame.issuedOn)]);
  const width = format.width - format.marginRight - format.infoLeft;
  const at = { x: format.infoLeft, y: format.addressTop };
  if (sizes !== LARGE_PRINT) {
    const block: LetterContent = {
      absolutePosition: at,
      columns: [
        {
          width,
          stack: rows.map(([label, value]) => ({
            columns: [
              { width: format.infoLabelWidth, text: label, style: 'infoLabel' },
              { width: '*', text: value, style: 'infoValue' },
            ],
          })),
        },
      ],
    };
    const valueWidth = width - format.infoLabelWidth;
    const height = rows.reduce(
      (sum, [label, value]) =>
        sum +
        Math.max(
          wrappedLineCount(label, sizes.infoLabel, format.infoLabelWidth) *
            lineHeightOf(sizes.infoLabel, INFO_LABEL_LINE_HEIGHT),
          wrappedLineCount(value, sizes.infoValue, valueWidth) * lineHeightOf(sizes.infoValue, INFO_VALUE_LINE_HEIGHT),
        ),
      0,
    );
    return { block, bottom: at.y + height };
  }
  const block: LetterContent = {
    absolutePosition: at,
    columns: [
      {
        width,
        stack: rows.flatMap(([label, value]) => [
          { text: label, style: 'infoLabel' },
          { text: value, style: 'infoValue' },
        ]),
      },
    ],
  };
  const line = (size: number) => lineHeightOf(size, INFO_STACKED_LINE_HEIGHT);
  const height = rows.reduce(
    (sum, [label, value]) =>
      sum +
      wrappedLineCount(label, sizes.infoLabel, width) * line(sizes.infoLabel) +
      wrappedLineCount(value, sizes.infoValue, width, true) * line(sizes.infoValue) +
      INFO_STACKED_GAP,
    0,
  );
  return { block, bottom: at.y + height };
}

const COPY_TO_MARGIN: Margins = [0, 14, 0, 0];

function signOff(frame: LetterFrame, handlerName: string): LetterContent {
  const { language, addressee } = frame;
  return {
    unbreakable: true,
    style: 'signOff',
    stack: [
      { text: signOffLine(language, addressee) },
      // Room for a signature.
      { text: handlerName, bold: true, margin: [0, mm(13), 0, 0] },
      { text: message(language, 'letter.signatureRole', { companyName: frame.company.name }) },
      ...(addressee.copyTo
        ? [{ text: message(language, 'letter.copyTo', { customerName: addressee.copyTo }), margin: COPY_TO_MARGIN }]
        : []),
    ],
  };
}

function foldMarks(format: PageFormat): LetterContent {
  return {
    canvas: format.foldMarks.map((y) => ({
      type: 'line',
      x1: mm(4),
      y1: y,
      x2: mm(8),
      y2: y,
      lineWidth: 0.4,
      lineColor: '#9a9a9a',
    })),
  };
}

/** The catalogue placeholders that hold a phone number. */
const PHONE_PLACEHOLDERS: ReadonlySet<string> = new Set(['phone', 'textphone']);

/**
 * A paragraph from the catalogue; the named values are set in bold (dates, the reference). It carries its key as its
 * paragraph id, so the desk can edit it by id (./edits.ts), unless it says what the regulator requires.
 */
export function paragraph<K extends MessageKey>(
  language: LetterLanguage,
  key: K,
  vars: MessageVars<K>,
  boldValues: readonly string[] = [],
): LetterText {
  return {
    style: 'paragraph',
    text: messageParts(language, key, vars).map((part) => {
      const bold = part.placeholder !== undefined && boldValues.includes(part.placeholder);
      // A phone number never breaks across lines.
      const noWrap = part.placeholder !== undefined && PHONE_PLACEHOLDERS.has(part.placeholder);
      return bold || noWrap ? { text: part.text, ...(bold ? { bold } : {}), ...(noWrap ? { noWrap } : {}) } : part.text;
    }),
    paragraphId: key,
    ...(isRequiredParagraphKey(key) ? { required: true } : {}),
  };
}

/** One paragraph made of several catalogue sentences, in order. */
export function joinSentences(...sentences: LetterText[]): LetterText {
  const pieces = sentences.flatMap((sentence, i) => [
    ...(i > 0 ? [' '] : []),
    ...(typeof sentence.text === 'string' ? [sentence.text] : sentence.text),
  ]);
  const id = sentences.find((sentence) => sentence.paragraphId)?.paragraphId;
  return {
    style: 'paragraph',
    text: pieces,
    ...(id ? { paragraphId: id } : {}),
    // One required sentence makes the whole paragraph required.
    ...(sentences.some((sentence) => sentence.required) ? { required: true } : {}),
  };
}

/**
 * A headed section, kept on one page so a heading is never left at the foot of a page. (In large print the letter
 * lets it flow, its heading kept with the first lines below it: `flowingSections`.)
 */
export function section(heading: string, paragraphs: LetterContent[]): LetterContent {
  return { unbreakable: true, stack: [{ text: heading, style: 'heading' }, ...paragraphs] };
}
