// The frame every Redress letter shares: an A4 page laid out for a standard DL window envelope (letterhead, the
// addressee in the window, reference and date beside it, the reference and page number in every footer, a sign-off
// with the handler's name). Letter builders supply only the body. Pure: returns a pdfmake document definition.
import type { CompanyDetails } from '#shared/model/case';
import type { Addressee } from './addressee';
import {
  type LetterLanguage,
  type MessageKey,
  type MessageVars,
  dateInWords,
  message,
  messageParts,
} from './catalogue';
import type { LetterContent, LetterDocument, LetterStyle, LetterText, Margins } from './document';
import { applyParagraphEdits, isRequiredParagraphKey, type ParagraphEdits } from './edits';
import { ADDRESS_WINDOW_LINES, ADDRESS_WINDOW_WIDTH_MM } from '#shared/model/stored';

/** Millimetres to PDF points. */
export const mm = (millimetres: number): number => (millimetres * 72) / 25.4;

/**
 * A4 folded in three (folds at 99 and 198 mm) into a DL envelope whose window is about 90 × 35 mm, 20 mm from the
 * left and 15 mm from the bottom: with the letter settled in the envelope, the window shows 50-85 mm from the top of
 * the page, 20-110 mm from the left. The address block sits inside that with a few millimetres to spare.
 */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  marginLeft: mm(20),
  marginRight: mm(20),
  marginTop: mm(20),
  marginBottom: mm(20),
  letterheadTop: mm(14),
  addressLeft: mm(20),
  addressTop: mm(51),
  addressWidth: mm(ADDRESS_WINDOW_WIDTH_MM),
  /** Name plus address lines that fit the window at the address font size. */
  addressMaxLines: ADDRESS_WINDOW_LINES,
  infoLeft: mm(122),
  infoLabelWidth: mm(37),
  /** Where the body starts on the first page, below the window. */
  bodyTopFirstPage: mm(89),
  foldMarks: [mm(99), mm(198)],
} as const;

const CONTENT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

/**
 * The address in the window, in standard and large print alike: the window is read by the post, and at 16 pt only 5
 * lines (name and postcode included) would fit its height. The stored address limits follow from it
 * (shared/model/stored.ts).
 */
export const ADDRESS_TYPE = { fontSize: 10.5, lineHeight: 1.15 } as const;

/** Standard print, and large print (at least 16 pt body text, for customers who need it). */
export interface TypeSizes {
  body: number;
  heading: number;
  footer: number;
}
export const STANDARD_PRINT: TypeSizes = { body: 10.5, heading: 11, footer: 8 };
export const LARGE_PRINT: TypeSizes = { body: 16, heading: 17, footer: 12 };

export interface LetterFrame {
  language: LetterLanguage;
  company: CompanyDetails;
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
}

function windowLinesFor(addressee: Pick<Addressee, 'name' | 'addressLines'>): string[] {
  const windowLines = [addressee.name, ...addressee.addressLines];
  if (windowLines.length > PAGE.addressMaxLines) {
    throw new Error(
      `The address for ${addressee.name} has ${windowLines.length - 1} lines, but only ${PAGE.addressMaxLines - 1} ` +
        'fit the envelope window: shorten it before issuing a letter.',
    );
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
  const windowLines = windowLinesFor(customer);
  const notice: LetterText = {
    text: message(language, 'letter.copyNotice', { customerName: customer.name, representativeName: addressee.name }),
    style: 'copyNotice',
  };
  const content: LetterContent[] = [];
  // A deep copy: pdfmake writes its layout into the nodes it renders, so the two documents must share none.
  const nodes = JSON.parse(JSON.stringify(doc.content)) as LetterContent[];
  for (const node of nodes) {
    if (typeof node === 'object' && node.windowAddress) content.push(addressBlock(windowLines));
    else {
      if (typeof node === 'object' && 'style' in node && node.style === 'salutation') content.push(notice);
      content.push(node);
    }
  }
  return {
    ...doc,
    info: { ...doc.info, title: `${doc.info?.title ?? ''} (${message(language, 'letter.copyTitle', {})})` },
    content,
  };
}

export function letterDocument(frame: LetterFrame): LetterDocument {
  const { language, company, reference, addressee } = frame;
  const sizes = frame.largePrint ? LARGE_PRINT : STANDARD_PRINT;
  const windowLines = windowLinesFor(addressee);
  const handlerName = frame.handlerName.trim();
  if (!handlerName) throw new Error('A letter needs the name of the person handling the complaint.');
  const body = applyParagraphEdits(frame.body, frame.edits);

  return {
    pageSize: 'A4',
    pageMargins: [PAGE.marginLeft, PAGE.marginTop, PAGE.marginRight, PAGE.marginBottom],
    language,
    info: { title: frame.title, author: company.name, subject: frame.title, creator: 'Redress' },
    defaultStyle: { font: 'Roboto', fontSize: sizes.body, lineHeight: 1.2, color: '#1a1a1a' },
    styles: styles(sizes),
    background: (currentPage) => (currentPage === 1 ? foldMarks() : null),
    footer: (currentPage, pageCount) => ({
      margin: [PAGE.marginLeft, mm(8), PAGE.marginRight, 0],
      style: 'footer',
      columns: [
        { text: message(language, 'footer.reference', { reference }) },
        {
          text: message(language, 'footer.page', { page: String(currentPage), pages: String(pageCount) }),
          alignment: 'right',
        },
      ],
    }),
    content: [
      letterhead(language, company),
      addressBlock(windowLines),
      infoBlock(frame),
      // Everything above is placed absolutely; this pushes the body below the envelope window. (An empty canvas,
      // because an empty text would add a line's height of its own.)
      { canvas: [], margin: [0, PAGE.bodyTopFirstPage - PAGE.marginTop, 0, 0] },
      { text: message(language, 'letter.salutation', { name: addressee.name }), style: 'salutation' },
      { text: frame.heading, style: 'letterHeading' },
      ...body.slice(0, -1),
      // The sign-off never stands alone at the top of a page: it keeps the last section with it.
      { unbreakable: true, stack: [...body.slice(-1), signOff(frame, handlerName)] },
    ],
  };
}

function styles(sizes: TypeSizes): Record<string, LetterStyle> {
  return {
    companyName: { fontSize: 17, bold: true, color: '#14365d', lineHeight: 1 },
    letterhead: { fontSize: 8.5, color: '#4a4a4a', lineHeight: 1.2 },
    address: { ...ADDRESS_TYPE },
    infoLabel: { fontSize: 8.5, color: '#4a4a4a', lineHeight: 1.5 },
    infoValue: { fontSize: 9.5, lineHeight: 1.35 },
    salutation: { margin: [0, 0, 0, sizes.body * 0.8] },
    copyNotice: { bold: true, color: '#14365d', margin: [0, 0, 0, sizes.body * 0.8] },
    letterHeading: { fontSize: sizes.heading + 1, bold: true, margin: [0, 0, 0, sizes.body * 0.6] },
    heading: { fontSize: sizes.heading, bold: true, margin: [0, sizes.body * 0.35, 0, sizes.body * 0.2] },
    paragraph: { margin: [0, 0, 0, sizes.body * 0.5] },
    signOff: { margin: [0, sizes.body * 0.4, 0, 0] },
    footer: { fontSize: sizes.footer, color: '#4a4a4a' },
  };
}

function letterhead(language: LetterLanguage, company: CompanyDetails): LetterContent {
  const address = [...company.addressLines, company.postcode]
    .map((line) => line.trim())
    .filter(Boolean)
    .join(', ');
  const contact = [
    company.phone?.trim() ? message(language, 'letterhead.phone', { phone: company.phone.trim() }) : null,
    company.email?.trim() ? message(language, 'letterhead.email', { email: company.email.trim() }) : null,
  ].filter((line): line is string => line !== null);
  return {
    absolutePosition: { x: PAGE.marginLeft, y: PAGE.letterheadTop },
    columns: [
      {
        width: CONTENT_WIDTH,
        stack: [
          { text: company.name, style: 'companyName', margin: [0, 0, 0, 4] },
          ...(address ? [{ text: address, style: 'letterhead' }] : []),
          ...(contact.length ? [{ text: contact.join('     '), style: 'letterhead' }] : []),
          {
            canvas: [{ type: 'line', x1: 0, y1: 5, x2: CONTENT_WIDTH, y2: 5, lineWidth: 0.6, lineColor: '#14365d' }],
          },
        ],
      },
    ],
  };
}

function addressBlock(lines: string[]): LetterContent {
  return {
    windowAddress: true,
    absolutePosition: { x: PAGE.addressLeft, y: PAGE.addressTop },
    columns: [{ width: PAGE.addressWidth, stack: lines.map((line) => ({ text: line, style: 'address' })) }],
  };
}

function infoBlock(frame: LetterFrame): LetterContent {
  const { language } = frame;
  const rows: Array<[string, string]> = [[message(language, 'info.ourReference', {}), frame.reference]];
  const account = frame.accountNumber?.trim();
  if (account) rows.push([message(language, 'info.accountNumber', {}), account]);
  rows.push([message(language, 'info.date', {}), dateInWords(language, frame.issuedOn)]);
  const width = PAGE.width - PAGE.marginRight - PAGE.infoLeft;
  return {
    absolutePosition: { x: PAGE.infoLeft, y: PAGE.addressTop },
    columns: [
      {
        width,
        stack: rows.map(([label, value]) => ({
          columns: [
            { width: PAGE.infoLabelWidth, text: label, style: 'infoLabel' },
            { width: '*', text: value, style: 'infoValue' },
          ],
        })),
      },
    ],
  };
}

const COPY_TO_MARGIN: Margins = [0, 14, 0, 0];

function signOff(frame: LetterFrame, handlerName: string): LetterContent {
  const { language, addressee } = frame;
  return {
    unbreakable: true,
    style: 'signOff',
    stack: [
      { text: message(language, 'letter.signOff', {}) },
      // Room for a signature.
      { text: handlerName, bold: true, margin: [0, mm(13), 0, 0] },
      { text: message(language, 'letter.signatureRole', { companyName: frame.company.name }) },
      ...(addressee.copyTo
        ? [{ text: message(language, 'letter.copyTo', { customerName: addressee.copyTo }), margin: COPY_TO_MARGIN }]
        : []),
    ],
  };
}

function foldMarks(): LetterContent {
  return {
    canvas: PAGE.foldMarks.map((y) => ({
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
    text: messageParts(language, key, vars).map((part) =>
      part.placeholder && boldValues.includes(part.placeholder) ? { text: part.text, bold: true } : part.text,
    ),
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

/** A headed section, kept on one page so a heading is never left at the foot of a page. */
export function section(heading: string, paragraphs: LetterContent[]): LetterContent {
  return { unbreakable: true, stack: [{ text: heading, style: 'heading' }, ...paragraphs] };
}
