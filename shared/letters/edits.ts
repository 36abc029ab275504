// The desk's edits to a draft letter. Every paragraph a builder takes from the catalogue carries a stable id (its
// catalogue key, e.g. 'ack.next.addMore'; for a paragraph joined from several sentences, the first one's key); the
// desk may replace the words of a paragraph by its id, or leave it out. The address block, the reference, the date, the
// headings, the ADR scheme's details and the footer stay generated, and so do the paragraphs that carry what the
// regulator requires (the ADR scheme, its time limit, the CCTS): those are `required` and cannot be edited. The
// desk's own words (progress, outcome, …) are edited in their own inputs, not here.
import { saying } from '#shared/model/saying';
import { LetterRefusalError } from './refusals';
import type { LetterContent, LetterDocument, LetterText } from './document';

/** Paragraph id → the desk's words for it ('' leaves the paragraph out). */
export type ParagraphEdits = Readonly<Record<string, string>>;

export interface LetterParagraph {
  /** Stable within a letter type: the catalogue key, with `#2`, `#3` … for a key used again further down. */
  id: string;
  /** The paragraph's words as they stand (edited or not). */
  text: string;
  /** Carries what the regulator requires (ADR scheme, referral time limit, CCTS): not editable. */
  required: boolean;
  /** The desk has changed its words. */
  edited: boolean;
  /** The heading of the section it is in, if any. */
  section?: string;
}

/**
 * Whether a catalogue key carries regulator-required content: anything about the ADR scheme (`adr.*`, `*.adr.*`, the
 * whole ADR letter `adrLetter.*`) or the CCTS (`ccts.*`, the Canadian notice).
 */
export function isRequiredParagraphKey(key: string): boolean {
  return /^(adr|ccts)|\.adr(\.|$)/.test(key);
}

function inlineText(text: LetterText['text']): string {
  return typeof text === 'string'
    ? text
    : text.map((piece) => (typeof piece === 'string' ? piece : inlineText(piece.text))).join('');
}

const isHeading = (n: LetterContent): n is LetterText => typeof n !== 'string' && 'text' in n && n.style === 'heading';

/**
 * A section's heading: in its stack, or (large print) first in the block that keeps it with its first lines
 * (layout.ts `flowingSections`).
 */
const headingOf = (stack: readonly LetterContent[]): LetterText | undefined =>
  stack.find(isHeading) ??
  stack
    .slice(0, 1)
    .flatMap((n) => (typeof n === 'object' && 'stack' in n && n.unbreakable ? n.stack.slice(0, 1) : []))
    .find(isHeading);

/**
 * Visit every paragraph that has an id, in reading order, with its unique id and the heading of its section; the
 * visitor returns the paragraph, another node in its place, or null to leave it out.
 */
function mapParagraphs(
  content: readonly LetterContent[],
  visit: (node: LetterText, id: string, section: string | undefined) => LetterContent | null,
): LetterContent[] {
  const seen = new Map<string, number>();
  const walk = (node: LetterContent, section: string | undefined): LetterContent | null => {
    if (typeof node === 'string') return node;
    if ('text' in node) {
      if (!node.paragraphId) return node;
      const count = (seen.get(node.paragraphId) ?? 0) + 1;
      seen.set(node.paragraphId, count);
      return visit(node, count === 1 ? node.paragraphId : `${node.paragraphId}#${count}`, section);
    }
    if ('stack' in node) {
      const heading = headingOf(node.stack);
      const inner = heading ? inlineText(heading.text) : section;
      const stack = node.stack.map((n) => walk(n, inner)).filter((n): n is LetterContent => n !== null);
      if (stack.length === node.stack.length && stack.every((n, i) => n === node.stack[i])) return node;
      // A section whose every paragraph the desk left out goes with them, heading and all.
      return stack.every(isHeading) ? null : { ...node, stack };
    }
    return node;
  };
  return content.map((n) => walk(n, undefined)).filter((n): n is LetterContent => n !== null);
}

/** The paragraphs of a letter the desk can see in "Edit text", in reading order. */
export function letterParagraphs(doc: Pick<LetterDocument, 'content'>): LetterParagraph[] {
  const out: LetterParagraph[] = [];
  mapParagraphs(doc.content, (node, id, section) => {
    out.push({
      id,
      text: inlineText(node.text),
      required: node.required === true,
      edited: node.edited === true,
      ...(section ? { section } : {}),
    });
    return node;
  });
  return out;
}

/**
 * The body with the desk's edits applied: an edited paragraph keeps its id and style and takes the desk's words as
 * plain text (a blank line in them is kept as one); an empty edit leaves the paragraph out. An edit to a required
 * paragraph is refused (throws); an edit whose id is not in this letter is ignored (e.g. a paragraph that only some
 * cases have).
 */
export function applyParagraphEdits(
  body: readonly LetterContent[],
  edits: ParagraphEdits | undefined,
): LetterContent[] {
  if (!edits || Object.keys(edits).length === 0) return [...body];
  return mapParagraphs(body, (node, id) => {
    if (!Object.prototype.hasOwnProperty.call(edits, id)) return node;
    if (node.required) {
      throw new LetterRefusalError(saying('required-paragraph', { start: inlineText(node.text).slice(0, 60) }));
    }
    const words = edits[id]
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (!words) return null;
    return { ...node, text: words, edited: true };
  });
}
