// Parsing a TrueType font with fontkit (the cmap, glyf and the GSUB/GPOS layout tables) is most of what pdfmake 0.3
// spends on a one-page letter, and it does it again for every document: its PDFDocument.provideFont reads the font
// file and calls pdfkit's doc.font(buffer), which hands the bytes to fontkit.create. Neither pdfmake nor pdfkit has an
// option to keep the parsed font between documents, so this replaces provideFont on pdfmake's PDFDocument class with
// one that parses each font file once (the first time, through pdfmake's own code) and, for every later document,
// wraps the already-parsed fontkit font in a new pdfkit EmbeddedFont of that document. The EmbeddedFont (its subset,
// widths, ToUnicode map and PDF objects) stays per document; only fontkit's read-only view of the font file is shared.
//
// Each EmbeddedFont also keeps a cache of laid-out words (pdfkit's layoutCache: word → glyphs and positions, from
// fontkit's shaping, which is the larger part of measuring and drawing text). It is per document too, so every letter
// shaped "complaint" again; documents now share one cache per font file. Its runs are only ever read (pdfkit copies a
// position before changing it), and they depend on nothing but the font and the word.
//
// Written against pdfmake 0.3.11 / pdfkit 0.19.1 internals (fontCache, _fontFamilies, _fontCount, EmbeddedFont's
// constructor(document, font, id)); everything is checked on installation and, if anything does not look as expected,
// nothing is patched and pdfmake keeps working as shipped, only slower.

/** A fontkit font, as far as it matters here. */
interface FontkitFont {
  postscriptName: string;
  createSubset(): unknown;
}

/** pdfkit's EmbeddedFont (what pdfmake keeps in fontCache and sets as the document's _font). */
interface EmbeddedFont {
  font: FontkitFont;
  /** Laid-out words; absent when the document was made with fontLayoutCache: false. */
  layoutCache?: Record<string, unknown>;
  name: string;
  id: string;
  constructor: new (document: PdfmakeDocument, font: FontkitFont, id: string) => EmbeddedFont;
}

/** pdfmake's PDFDocument (a pdfkit PDFDocument), as far as it matters here. */
interface PdfmakeDocument {
  fontCache: Record<string, Record<string, EmbeddedFont | undefined> | undefined>;
  _fontFamilies: Record<string, EmbeddedFont | undefined>;
  _fontCount: number;
  _font: EmbeddedFont | null;
  getFontType(bold: boolean, italics: boolean): string;
  getFontFile(familyName: string, bold: boolean, italics: boolean): unknown;
  provideFont(familyName: string, bold: boolean, italics: boolean): EmbeddedFont;
}

type ProvideFont = PdfmakeDocument['provideFont'];

const PATCHED = Symbol.for('redress.sharedFontkitFonts');
const MAX_CACHED_WORDS = 50_000;

function isEmbeddedFont(value: unknown): value is EmbeddedFont {
  const font = value as Partial<EmbeddedFont> | null | undefined;
  return (
    typeof font === 'object' &&
    font !== null &&
    typeof font.constructor === 'function' &&
    typeof font.font === 'object' &&
    font.font !== null &&
    typeof font.font.createSubset === 'function' &&
    typeof font.id === 'string'
  );
}

function looksLikePdfmakeDocument(value: unknown): value is PdfmakeDocument {
  const doc = value as Partial<PdfmakeDocument> | null | undefined;
  return (
    typeof doc === 'object' &&
    doc !== null &&
    typeof doc.provideFont === 'function' &&
    typeof doc.getFontType === 'function' &&
    typeof doc.getFontFile === 'function' &&
    typeof doc.fontCache === 'object' &&
    typeof doc._fontFamilies === 'object' &&
    typeof doc._fontCount === 'number'
  );
}

/** The prototype that owns provideFont (pdfmake's PDFDocument.prototype), or undefined. */
function provideFontOwner(doc: PdfmakeDocument): Record<PropertyKey, unknown> | undefined {
  for (
    let proto = Object.getPrototypeOf(doc) as object | null;
    proto;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    if (Object.prototype.hasOwnProperty.call(proto, 'provideFont')) return proto as Record<PropertyKey, unknown>;
  }
  return undefined;
}

/**
 * Given a pdfmake document that has been laid out (what OutputDocument.getStream() resolves with), make every later
 * document of the same pdfmake build reuse the fontkit fonts it parses. Returns whether the patch is in place.
 */
export function shareParsedFonts(document: unknown): boolean {
  if (!looksLikePdfmakeDocument(document)) return false;
  const owner = provideFontOwner(document);
  if (!owner) return false;
  if (owner[PATCHED]) return true;
  const original = owner.provideFont as ProvideFont;

  // Parsed fontkit fonts, by font file (a vfs name such as 'Roboto-Regular.ttf'), and the EmbeddedFont class.
  const parsed = new Map<string, FontkitFont>();
  let EmbeddedFontClass: EmbeddedFont['constructor'] | undefined;
  // Laid-out words, by font file, shared by every document (see above).
  const layoutCaches = new Map<string, Record<string, unknown>>();
  const shareLayouts = (file: string, font: EmbeddedFont) => {
    if (!font.layoutCache) return;
    const shared = layoutCaches.get(file);
    // A few thousand distinct words a day at most; start afresh if it ever grows past that many times over.
    if (shared && Object.keys(shared).length < MAX_CACHED_WORDS) font.layoutCache = shared;
    else layoutCaches.set(file, font.layoutCache);
  };

  function provideFont(this: PdfmakeDocument, familyName: string, bold: boolean, italics: boolean): EmbeddedFont {
    const type = this.getFontType(bold, italics);
    const cached = this.fontCache[familyName]?.[type];
    if (cached) return cached;
    const file = this.getFontFile(familyName, bold, italics);
    const fontkitFont = typeof file === 'string' ? parsed.get(file) : undefined;
    if (typeof file !== 'string' || !fontkitFont || !EmbeddedFontClass) {
      // First use of this font file (or a font given as anything but a file name): pdfmake's own code, then remember.
      const font = original.call(this, familyName, bold, italics);
      if (typeof file === 'string' && isEmbeddedFont(font)) {
        parsed.set(file, font.font);
        EmbeddedFontClass ??= font.constructor;
        shareLayouts(file, font);
      }
      return font;
    }
    // What pdfkit's doc.font(buffer) does after fontkit.create, with the parsed font instead of a fresh parse.
    let font = new EmbeddedFontClass(this, fontkitFont, `F${++this._fontCount}`);
    shareLayouts(file, font);
    const sameName = font.name ? this._fontFamilies[font.name] : undefined;
    if (sameName && sameName.font === fontkitFont) font = sameName;
    else if (font.name && !sameName) this._fontFamilies[font.name] = font;
    else this._fontFamilies[font.id] = font;
    this._font = font;
    (this.fontCache[familyName] ??= {})[type] = font;
    return font;
  }

  // Seed with the fonts this document already parsed.
  for (const [familyName, types] of Object.entries(document.fontCache)) {
    for (const [type, font] of Object.entries(types ?? {})) {
      if (!isEmbeddedFont(font)) continue;
      const bold = type === 'bold' || type === 'bolditalics';
      const italics = type === 'italics' || type === 'bolditalics';
      const file = document.getFontFile(familyName, bold, italics);
      if (typeof file === 'string') {
        parsed.set(file, font.font);
        EmbeddedFontClass ??= font.constructor;
        shareLayouts(file, font);
      }
    }
  }

  owner.provideFont = provideFont;
  owner[PATCHED] = true;
  return true;
}
