// The text of an RTF document, for an Outlook message whose body exists only as compressed RTF (decompressed by
// @kenjiuno/decompressrtf, which does only that). No maintained RTF-to-text library is installed, so this is the
// smallest reader that gives the text as an RTF reader shows it: it follows groups, skips the destinations that are
// not text (font and colour tables, pictures, `\*` destinations such as the `\*\htmltag` of HTML that Outlook
// encapsulated in RTF, whose RTF rendering is then the text), turns `\par`/`\line`/`\tab` into line breaks and tabs,
// and decodes `\'hh` bytes and `\uN` characters (skipping their `\ucN` fallback). A `\'hh` byte is in the code page of
// the font in effect (`\fN`, or the default font `\deffN`, per group; the font table gives each font's `\fcharsetN` or
// `\cpgN`), else in the document's code page (`\ansicpg`), else Windows-1252: a Japanese Outlook message
// (`\ansicpg932`) writes a no-break space in a Western font as `{\f3\'a0}`, which is not Shift_JIS. A code page
// with no decoder (./code-pages.ts names them) is read as Windows-1252 too. Formatting is dropped.

import { codePageDecoder, type CodePageDecoder } from './code-pages';

/** Destinations whose content is not the document's text. */
const SKIPPED = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'listtable',
  'listoverridetable',
  'revtbl',
  'rsidtbl',
  'generator',
  'xmlnstbl',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'filetbl',
  'pgdsctbl',
  'mmathPr',
  'fldinst',
]);

const SYMBOLS: Record<string, string> = {
  par: '\n',
  line: '\n',
  sect: '\n\n',
  page: '\n\n',
  row: '\n',
  cell: '\t',
  tab: '\t',
  emdash: '\u2014',
  endash: '\u2013',
  bullet: '\u2022',
  lquote: '\u2018',
  rquote: '\u2019',
  ldblquote: '\u201c',
  rdblquote: '\u201d',
  emspace: ' ',
  enspace: ' ',
};

/** The code page of a font's character set (`\fcharsetN`); 0 ANSI, 2 symbol (no code page: read as ANSI). */
const CHARSET_CODE_PAGES: Record<number, number> = {
  0: 1252,
  2: 1252,
  128: 932,
  129: 949,
  134: 936,
  136: 950,
  161: 1253,
  162: 1254,
  163: 1258,
  177: 1255,
  178: 1256,
  186: 1257,
  204: 1251,
  222: 874,
  238: 1250,
};

interface GroupState {
  skip: boolean;
  /** Characters to skip after a `\uN` (`\ucN`, 1 by default). */
  uc: number;
  /** The font in effect (`\fN`); null for the default font (`\deffN`). */
  font: number | null;
  /** Inside the font table, where `\fN` names the font being defined. */
  fontTable: boolean;
}

/** The plain text of an RTF document, given as its bytes. */
export function rtfToText(rtf: Uint8Array): string {
  // One character per byte: RTF is 7-bit, and a byte above ASCII is in the font's code page (decoded below).
  let src = '';
  for (let k = 0; k < rtf.length; k += 8192) src += String.fromCharCode(...rtf.subarray(k, k + 8192));
  let documentCodePage = 1252;
  let defaultFont: number | null = null;
  /** Each font of the font table with the `\fcharsetN` and `\cpgN` it gives (`\cpgN` is the more exact). */
  const fontCodePages = new Map<number, { charset?: number; cpg?: number }>();
  /** The font whose entry the font table is at. */
  let definingFont: number | null = null;
  const decoders = new Map<number, CodePageDecoder>();
  let out = '';
  let pendingBytes: number[] = [];
  let pendingCodePage = documentCodePage;
  const flushBytes = () => {
    if (pendingBytes.length > 0) {
      const decoder = decoders.get(pendingCodePage) ?? codePageDecoder(pendingCodePage, 1252);
      decoders.set(pendingCodePage, decoder);
      out += decoder.decode(Uint8Array.from(pendingBytes));
      pendingBytes = [];
    }
  };
  /** A byte of text, in the code page of the font in effect; bytes in a row in one code page are decoded together. */
  const pushByte = (byte: number) => {
    const font = fontCodePages.get(state.font ?? defaultFont ?? -1);
    const codePage =
      font?.cpg ?? (font?.charset === undefined ? undefined : CHARSET_CODE_PAGES[font.charset]) ?? documentCodePage;
    if (codePage !== pendingCodePage) {
      flushBytes();
      pendingCodePage = codePage;
    }
    pendingBytes.push(byte);
  };
  const emit = (text: string) => {
    flushBytes();
    out += text;
  };
  const initial = (): GroupState => ({ skip: false, uc: 1, font: null, fontTable: false });
  let state = initial();
  const stack: GroupState[] = [];
  /** Fallback characters still to skip after a `\uN`. */
  let toSkip = 0;
  /** The group just opened with `\*`: an ignorable destination. */
  let starred = false;
  /** At the first control word of a group (where a destination is named). */
  let groupStart = false;

  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '{') {
      stack.push(state);
      state = { ...state };
      toSkip = 0;
      groupStart = true;
      starred = false;
      i++;
      continue;
    }
    if (c === '}') {
      state = stack.pop() ?? initial();
      toSkip = 0;
      groupStart = false;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c === '\\') {
      const next = src[i + 1] ?? '';
      if (/[a-zA-Z]/.test(next)) {
        const m = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(src.slice(i + 1, i + 50))!;
        const word = m[1];
        const param = m[2] === undefined ? null : Number(m[2]);
        i += 1 + m[0].length;
        const atStart = groupStart;
        groupStart = false;
        if (atStart && (starred || SKIPPED.has(word))) {
          state.skip = true;
          state.fontTable = word === 'fonttbl' && !starred;
          starred = false;
          continue;
        }
        starred = false;
        if (word === 'ansicpg' && param !== null) {
          documentCodePage = param;
          continue;
        }
        if (word === 'deff' && param !== null) {
          defaultFont = param;
          continue;
        }
        if (state.fontTable) {
          if (word === 'f' && param !== null) {
            definingFont = param;
            fontCodePages.set(param, {});
          } else if ((word === 'fcharset' || word === 'cpg') && param !== null && definingFont !== null) {
            const entry = fontCodePages.get(definingFont)!;
            if (word === 'cpg') entry.cpg = param;
            else entry.charset = param;
          }
          continue;
        }
        if (word === 'uc' && param !== null) {
          state.uc = Math.max(0, param);
          continue;
        }
        if (state.skip) continue;
        if (toSkip > 0) {
          toSkip--;
          continue;
        }
        if (word === 'f' && param !== null) {
          state.font = param;
          continue;
        }
        if (word === 'plain') {
          state.font = null;
          continue;
        }
        if (word === 'u' && param !== null) {
          emit(String.fromCharCode(param < 0 ? param + 65536 : param));
          toSkip = state.uc;
          continue;
        }
        const symbol = SYMBOLS[word];
        if (symbol !== undefined) emit(symbol);
        continue;
      }
      groupStart = false;
      if (next === '*') {
        starred = true;
        groupStart = true;
        i += 2;
        continue;
      }
      if (next === "'") {
        const hex = src.slice(i + 2, i + 4);
        i += 4;
        if (state.skip) continue;
        if (toSkip > 0) {
          toSkip--;
          continue;
        }
        if (/^[0-9a-fA-F]{2}$/.test(hex)) pushByte(parseInt(hex, 16));
        continue;
      }
      i += 2;
      if (state.skip) continue;
      if (toSkip > 0) {
        toSkip--;
        continue;
      }
      if (next === '\\' || next === '{' || next === '}') emit(next);
      else if (next === '~') emit('\u00a0');
      else if (next === '_') emit('\u2011');
      else if (next === '\r' || next === '\n') emit('\n');
      // `\-` (optional hyphen) and other control symbols add nothing.
      continue;
    }
    groupStart = false;
    starred = false;
    i++;
    if (state.skip) continue;
    if (toSkip > 0) {
      toSkip--;
      continue;
    }
    // A byte above ASCII written as itself is in the font's code page, like a `\'hh`.
    if (c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) <= 0xff) pushByte(c.charCodeAt(0));
    else emit(c);
  }
  flushBytes();
  return out
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
