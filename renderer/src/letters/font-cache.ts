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
// Embedding the fonts is the other large part: at the end of every document pdfkit encodes each font's subset (the
// glyphs the document used, in order of first use) into a TrueType file and deflates it, with pako's JavaScript zlib,
// which also allocates its 300 KB of state for every stream. So each document's fonts start holding the glyphs of
// the text letters are made of (ASCII, £, € and typographic quotes and dashes: COMMON_TEXT); a letter whose text
// needs nothing else then has exactly the glyph list of the letter before it, and its font file (the same glyph list
// gives the same bytes) is encoded and deflated once and reused. Every stream is deflated with fflate instead of pako
// (the same zlib format, FlateDecode, in a fraction of the time, and no 300 KB of state allocated per stream). A letter with another character adds its glyph
// after the common ones, as pdfkit always does, and its font file is encoded afresh.
//
// Written against pdfmake 0.3.11 / pdfkit 0.19.1 internals (fontCache, _fontFamilies, _fontCount, EmbeddedFont's
// constructor(document, font, id)); everything is checked on installation and, if anything does not look as expected,
// nothing is patched and pdfmake keeps working as shipped, only slower.

import { zlibSync } from 'fflate';

/** A fontkit font, as far as it matters here. */
interface FontkitFont {
  postscriptName: string;
  createSubset(): unknown;
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  layout(text: string): { glyphs: FontkitGlyph[] };
}

interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** fontkit's TrueType subset of one document's font: the glyphs used, in order of first use. */
interface FontkitSubset {
  glyphs: number[];
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
}

/** pdfkit's EmbeddedFont (what pdfmake keeps in fontCache and sets as the document's _font). */
interface EmbeddedFont {
  font: FontkitFont;
  subset: FontkitSubset;
  scale: number;
  widths: Array<number | undefined>;
  unicode: Array<number[] | undefined>;
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
/** Encoded font files kept per font file: one for the common glyph list, a few for letters with other characters. */
const MAX_CACHED_SUBSETS = 16;

/** The text letters are made of: every font of every document holds these glyphs from the start. */
export const COMMON_TEXT =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~£€‘’“”–—…•' +
  // The ligatures fontkit's layout forms in running text.
  ' fi fl ff ffi ffl';

/**
 * fflate's fastest level for the streams made afresh for every letter (its page's text, about 60 KB): about twice as
 * fast as level 6 and some 600 bytes larger a letter. A font file, deflated once and reused, gets the default level.
 */
const CONTENT_LEVEL = 1;

/** A pdfkit stream object (PDFReference), as far as it matters here. */
interface PdfReference {
  compress: boolean;
  /** Its data so far; the patched `write` keeps text as text (see deflateStreamsWithFflate). */
  buffer: Array<Uint8Array | string>;
  data: { Length?: number; Filter?: string };
  uncompressedLength: number;
  write(chunk: unknown): void;
  finalize(): void;
}

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

/** The common glyphs of a fontkit font (COMMON_TEXT laid out as pdfkit lays out text), found once per font. */
const commonGlyphsOf = new WeakMap<FontkitFont, FontkitGlyph[]>();
function commonGlyphs(font: FontkitFont): FontkitGlyph[] {
  let glyphs = commonGlyphsOf.get(font);
  if (!glyphs) {
    const seen = new Set<number>([0]);
    glyphs = font.layout(COMMON_TEXT).glyphs.filter((glyph) => !seen.has(glyph.id) && seen.add(glyph.id));
    commonGlyphsOf.set(font, glyphs);
  }
  return glyphs;
}

/** Encoded font files by glyph list, per fontkit font; and the deflated bytes of each (by the encoded bytes). */
const encodedSubsets = new WeakMap<FontkitFont, Map<string, Uint8Array>>();
const deflatedSubsets = new WeakMap<Uint8Array, Uint8Array>();

/**
 * Give a document's fresh font the common glyphs (as EmbeddedFont.encode records a glyph it draws: its subset id,
 * width and code points), and have its subset reuse the encoded font file of an identical glyph list.
 */
function startWithCommonGlyphs(font: EmbeddedFont): void {
  const subset = font.subset;
  if (!Array.isArray(subset.glyphs) || subset.glyphs.length !== 1 || typeof subset.encode !== 'function') return;
  for (const glyph of commonGlyphs(font.font)) {
    const gid = subset.includeGlyph(glyph.id);
    font.widths[gid] ??= glyph.advanceWidth * font.scale;
    font.unicode[gid] ??= glyph.codePoints;
  }
  let files = encodedSubsets.get(font.font);
  if (!files) encodedSubsets.set(font.font, (files = new Map()));
  const cache = files;
  const encode = subset.encode.bind(subset);
  subset.encode = (): Uint8Array => {
    // The list before encoding: encoding appends the parts of compound glyphs, the same way for the same list.
    const key = subset.glyphs.join(',');
    const known = cache.get(key);
    if (known) return known;
    const bytes = encode();
    if (cache.size < MAX_CACHED_SUBSETS && bytes instanceof Uint8Array) {
      cache.set(key, bytes);
      deflatedSubsets.set(bytes, zlibSync(bytes));
    }
    return bytes;
  };
}

/**
 * Deflate pdfkit's streams with fflate (a font file encoded before, from what it was deflated to then). The stream is
 * deflated here and marked as done, so pdfkit's own finalize writes it as it is (its Filter is already FlateDecode).
 */
function deflateStreamsWithFflate(reference: unknown): boolean {
  const ref = reference as Partial<PdfReference> | null | undefined;
  if (typeof ref !== 'object' || ref === null || typeof ref.compress !== 'boolean' || !Array.isArray(ref.buffer))
    return false;
  const proto = Object.getPrototypeOf(ref) as Record<PropertyKey, unknown> | null;
  if (!proto || typeof proto.finalize !== 'function') return false;
  if (proto[PATCHED]) return true;
  if (typeof proto.write !== 'function') return false;
  const write = proto.write as PdfReference['write'];
  const finalize = proto.finalize as PdfReference['finalize'];
  // pdfkit writes a page's text one operator at a time, each line made into a Buffer (the browser build's polyfill:
  // thousands of small allocations a letter). Text is kept as text instead and made into bytes once, at the end,
  // exactly as Buffer.from(text, 'binary') would (one byte per character, its low 8 bits; the same length).
  proto.write = function writeText(this: PdfReference, chunk: unknown): void {
    if (chunk instanceof Uint8Array || !Array.isArray(this.buffer)) {
      write.call(this, chunk);
      return;
    }
    const text = `${String(chunk)}\n`;
    this.uncompressedLength += text.length;
    this.data.Length = (this.data.Length ?? 0) + text.length;
    this.buffer.push(text);
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  proto.finalize = function finalizeWithFflate(this: PdfReference): void {
    if (Array.isArray(this.buffer) && this.buffer.length > 0) {
      const parts = this.buffer;
      const one = parts.length === 1 && typeof parts[0] !== 'string' ? parts[0] : undefined;
      const data = one ?? concatBytes(parts);
      if (this.compress) {
        this.buffer = [(one && deflatedSubsets.get(one)) ?? zlibSync(data, { level: CONTENT_LEVEL })];
        this.compress = false;
      } else this.buffer = [data];
    }
    finalize.call(this);
  };
  proto[PATCHED] = true;
  return true;
}

/** The parts as one run of bytes (text one byte per character, as Buffer.from(text, 'binary')). */
function concatBytes(parts: ReadonlyArray<Uint8Array | string>): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    if (typeof part === 'string') {
      for (let i = 0; i < part.length; i += 1) out[at + i] = part.charCodeAt(i) & 0xff;
    } else out.set(part, at);
    at += part.length;
  }
  return out;
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
      if (isEmbeddedFont(font)) startWithCommonGlyphs(font);
      if (typeof file === 'string' && isEmbeddedFont(font)) {
        parsed.set(file, font.font);
        EmbeddedFontClass ??= font.constructor;
        shareLayouts(file, font);
      }
      return font;
    }
    // What pdfkit's doc.font(buffer) does after fontkit.create, with the parsed font instead of a fresh parse.
    let font = new EmbeddedFontClass(this, fontkitFont, `F${++this._fontCount}`);
    startWithCommonGlyphs(font);
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
  // The catalog is one of pdfkit's stream objects (PDFReference): its class deflates every stream.
  deflateStreamsWithFflate((document as { _root?: unknown })._root);
  return true;
}
