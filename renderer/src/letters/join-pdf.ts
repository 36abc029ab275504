// Joining letters' PDFs into one file (the print file of "Letters to post today", a letter and its customer's copy),
// without taking them apart: each letter's objects are copied as they are, byte for byte (streams untouched), with
// their object numbers moved up past the letters before them. A letter's own page tree is kept whole and hung under
// the joined file's page tree (a page tree may nest), so its pages, their order and everything they inherit are
// exactly the letter's. Only what the pages reach is copied (not the letter's catalog or document information), and a
// stream with no references that is byte for byte one already copied (a font file: letters of ordinary text embed the
// same font files, see font-cache.ts) is copied once and shared.
//
// pdf-lib joined the print file before: it parses every object of every letter into its own object model, which was
// about a quarter of the batch's time on the page's thread. This reads only a letter's cross-reference table and the
// dictionaries of the objects its pages reach.
//
// It reads the files pdfkit and pdf-lib write: a classic cross-reference table, direct stream lengths, generation 0,
// no encryption, no incremental updates. A file it cannot read that way is first rewritten so by pdf-lib (its pages
// and their contents unchanged), and one pdf-lib cannot read either is refused with the reason.
import { PDFDocument } from 'pdf-lib';

/** One object of a letter: its text between `obj` and `stream`/`endobj`, and its stream's bytes as they are. */
interface PdfObject {
  head: string;
  stream?: Uint8Array;
}

interface ParsedPdf {
  objects: Map<number, PdfObject>;
  /** The object number of the letter's page tree (its catalog's /Pages). */
  pages: number;
  pageCount: number;
}

/** Bytes as a string of the same length, one character per byte (ISO-8859-1). */
function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let at = 0; at < bytes.length; at += 8192)
    out += String.fromCharCode.apply(null, bytes.subarray(at, at + 8192) as unknown as number[]);
  return out;
}

function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

const WHITE = /[\0\t\n\f\r ]/;
const DELIMITER = /[\0\t\n\f\r ()<>[\]{}/%]/;

/**
 * Split an object's text into the parts outside strings and comments (where references can be) and the rest, kept
 * as they are: literal strings (balanced parentheses, backslash escapes), hex strings and comments.
 */
function segments(head: string): Array<{ plain: boolean; text: string }> {
  const out: Array<{ plain: boolean; text: string }> = [];
  let start = 0;
  let i = 0;
  const push = (end: number, plain: boolean) => {
    if (end > start) out.push({ plain, text: head.slice(start, end) });
    start = end;
  };
  while (i < head.length) {
    const c = head[i];
    if (c === '(') {
      push(i, true);
      let depth = 0;
      for (; i < head.length; i += 1) {
        const d = head[i];
        if (d === '\\') i += 1;
        else if (d === '(') depth += 1;
        else if (d === ')' && --depth === 0) break;
      }
      if (i >= head.length) throw new Error('an unterminated string');
      i += 1;
      push(i, false);
    } else if (c === '<' && head[i + 1] !== '<') {
      push(i, true);
      const end = head.indexOf('>', i);
      if (end < 0) throw new Error('an unterminated hex string');
      i = end + 1;
      push(i, false);
    } else if (c === '<' || c === '>') {
      i += 2;
    } else if (c === '%') {
      push(i, true);
      while (i < head.length && head[i] !== '\n' && head[i] !== '\r') i += 1;
      push(i, false);
    } else i += 1;
  }
  push(head.length, true);
  return out;
}

const REFERENCE = /(?<![\w.+-])(\d+)\s+(\d+)\s+R(?![^\0\t\n\f\r ()<>[\]{}/%])/g;

/** The object numbers an object's text refers to. */
function referencesOf(head: string): number[] {
  const out: number[] = [];
  for (const part of segments(head)) {
    if (!part.plain) continue;
    for (const m of part.text.matchAll(REFERENCE)) {
      if (m[2] !== '0') throw new Error('a reference to an object of a later generation');
      out.push(Number(m[1]));
    }
  }
  return out;
}

/** An object's text with every reference renumbered. */
function renumber(head: string, to: (n: number) => number): string {
  return segments(head)
    .map((part) => (part.plain ? part.text.replace(REFERENCE, (_, n: string) => `${to(Number(n))} 0 R`) : part.text))
    .join('');
}

/** Where the keyword `word` starts at or after `from`, outside strings and comments, or -1. */
function keyword(text: string, from: number, words: readonly string[]): { at: number; word: string } | null {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '(') {
      let depth = 0;
      for (; i < text.length; i += 1) {
        const d = text[i];
        if (d === '\\') i += 1;
        else if (d === '(') depth += 1;
        else if (d === ')' && --depth === 0) break;
      }
      i += 1;
    } else if (c === '<' && text[i + 1] !== '<') {
      const end = text.indexOf('>', i);
      if (end < 0) return null;
      i = end + 1;
    } else if (c === '%') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i += 1;
    } else {
      for (const word of words)
        if (
          text.startsWith(word, i) &&
          (i === 0 || WHITE.test(text[i - 1]) || '>])'.includes(text[i - 1])) &&
          (i + word.length >= text.length || DELIMITER.test(text[i + word.length]))
        )
          return { at: i, word };
      i += 1;
    }
  }
  return null;
}

/** Read a PDF the way this joiner can (see the top), or say why not. */
function parse(bytes: Uint8Array): ParsedPdf | string {
  const text = latin1(bytes);
  if (!text.startsWith('%PDF-')) return 'it is not a PDF file';
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024));
  if (!tail) return 'it has no cross-reference table at its end';
  let at = Number(tail[1]);
  const header = /xref\s+/y;
  header.lastIndex = at;
  if (!header.exec(text)) return 'its cross-reference data is not a table';
  at = header.lastIndex;
  const offsets = new Map<number, number>();
  const subsection = /(\d+)\s+(\d+)\s+/y;
  const entry = /(\d{10}) (\d{5}) ([nf])\s{1,2}/y;
  for (;;) {
    subsection.lastIndex = at;
    const sub = subsection.exec(text);
    if (!sub) break;
    at = subsection.lastIndex;
    for (let k = 0, n = Number(sub[1]); k < Number(sub[2]); k += 1, n += 1) {
      entry.lastIndex = at;
      const e = entry.exec(text);
      if (!e) return 'its cross-reference table is damaged';
      at = entry.lastIndex;
      if (e[3] !== 'n') continue;
      if (e[2] !== '00000') return 'it has objects of a later generation';
      offsets.set(n, Number(e[1]));
    }
  }
  const trailer = /\s*trailer\s*<<([\s\S]*?)>>\s*startxref/y;
  trailer.lastIndex = at;
  const dict = trailer.exec(text)?.[1];
  if (dict === undefined) return 'it has no trailer';
  if (/\/(Prev|Encrypt|XRefStm)\b/.test(dict)) return 'it is encrypted or updated incrementally';
  const root = /\/Root\s+(\d+)\s+0\s+R/.exec(dict);
  if (!root) return 'it has no catalog';

  const objects = new Map<number, PdfObject>();
  const read = (n: number): PdfObject | string => {
    const known = objects.get(n);
    if (known) return known;
    const offset = offsets.get(n);
    if (offset === undefined) return `object ${n} is missing`;
    const start = /(\d+)\s+(\d+)\s+obj/y;
    start.lastIndex = offset;
    const m = start.exec(text);
    if (!m || Number(m[1]) !== n) return `object ${n} is not where the table says`;
    const end = keyword(text, start.lastIndex, ['stream', 'endobj']);
    if (!end) return `object ${n} does not end`;
    const head = text.slice(start.lastIndex, end.at);
    let object: PdfObject = { head };
    if (end.word === 'stream') {
      const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(head);
      if (!length) return `the length of stream ${n} is not given directly`;
      let data = end.at + 'stream'.length;
      if (text[data] === '\r') data += 1;
      if (text[data] !== '\n') return `stream ${n} does not start on a new line`;
      data += 1;
      const dataEnd = data + Number(length[1]);
      if (!/^\s*endstream/.test(text.slice(dataEnd, dataEnd + 12))) return `stream ${n} is not as long as it says`;
      object = { head, stream: bytes.subarray(data, dataEnd) };
    }
    objects.set(n, object);
    return object;
  };

  const catalog = read(Number(root[1]));
  if (typeof catalog === 'string') return catalog;
  const pagesRef = /\/Pages\s+(\d+)\s+0\s+R/.exec(catalog.head);
  if (!pagesRef) return 'its catalog has no pages';
  const pages = Number(pagesRef[1]);
  // Everything the page tree reaches (and nothing else: the catalog and document information stay behind).
  const reached = new Map<number, PdfObject>();
  const todo = [pages];
  while (todo.length > 0) {
    const n = todo.shift()!;
    if (reached.has(n)) continue;
    const object = read(n);
    if (typeof object === 'string') return object;
    reached.set(n, object);
    try {
      todo.push(...referencesOf(object.head));
    } catch (error) {
      return `object ${n} holds ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const tree = reached.get(pages)!;
  const count = /\/Count\s+(\d+)/.exec(tree.head);
  if (!/\/Type\s*\/Pages\b/.test(tree.head) || !count || /\/Parent\b/.test(tree.head))
    return 'its page tree is not one this joiner reads';
  return { objects: reached, pages, pageCount: Number(count[1]) };
}

/** A PDF text string: literal when plain ASCII, UTF-16 otherwise. */
function pdfString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i += 1) hex += value.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * One PDF made of others, page by page in the order added. `add` takes a file's pages (and throws, with the reason,
 * when it cannot be read; nothing of it is then added); `finish` gives the joined file's bytes.
 */
export class PdfJoiner {
  /** The joined file so far, in pieces; objects 1 and 2 are its catalog and page tree, written last. */
  private chunks: Uint8Array[] = [];
  private length = 0;
  private offsets: number[] = [];
  private kids: number[] = [];
  private nextNumber = 3;
  private count = 0;
  /** Streams with no references already written, by their dictionary and length: to write each only once. */
  private shared = new Map<string, Array<{ bytes: Uint8Array; number: number }>>();

  constructor() {
    this.write(latin1Bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'));
  }

  get pageCount(): number {
    return this.count;
  }

  private write(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  private writeObject(number: number, head: string, stream?: Uint8Array): void {
    this.offsets[number] = this.length;
    if (stream === undefined) {
      this.write(latin1Bytes(`${number} 0 obj${head}endobj\n`));
      return;
    }
    this.write(latin1Bytes(`${number} 0 obj${head}stream\n`));
    this.write(stream);
    this.write(latin1Bytes('\nendstream\nendobj\n'));
  }

  /** Add every page of `bytes`; returns how many. */
  async add(bytes: Uint8Array): Promise<number> {
    let parsed = parse(bytes);
    if (typeof parsed === 'string') {
      // Rewritten by pdf-lib with a classic cross-reference table, then read again.
      const why = parsed;
      let rewritten: Uint8Array;
      try {
        const doc = await PDFDocument.load(bytes, { updateMetadata: false });
        rewritten = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
      } catch (error) {
        throw new Error(`${why} (${error instanceof Error ? error.message : String(error)})`);
      }
      parsed = parse(rewritten);
      if (typeof parsed === 'string') throw new Error(parsed);
    }
    const numbers = new Map<number, number>();
    const writes: Array<{ number: number; object: PdfObject }> = [];
    for (const [n, object] of parsed.objects) {
      if (object.stream && n !== parsed.pages && referencesOf(object.head).length === 0) {
        const key = `${object.stream.length} ${object.head}`;
        const same = this.shared.get(key)?.find((s) => sameBytes(s.bytes, object.stream!));
        if (same) {
          numbers.set(n, same.number);
          continue;
        }
        const number = this.nextNumber++;
        numbers.set(n, number);
        const list = this.shared.get(key) ?? [];
        list.push({ bytes: object.stream, number });
        this.shared.set(key, list);
        writes.push({ number, object });
        continue;
      }
      const number = this.nextNumber++;
      numbers.set(n, number);
      writes.push({ number, object });
    }
    const to = (n: number) => numbers.get(n)!;
    for (const { number, object } of writes) {
      let head = renumber(object.head, to);
      if (number === to(parsed.pages)) head = head.replace('<<', '<<\n/Parent 2 0 R');
      this.writeObject(number, head, object.stream);
    }
    this.kids.push(to(parsed.pages));
    this.count += parsed.pageCount;
    return parsed.pageCount;
  }

  /**
   * Add one blank page of `width` × `height` points (a page with no contents): after a letter with an odd number of
   * pages, so that printed on both sides of the paper the next letter starts on a sheet of its own.
   */
  addBlankPage(width: number, height: number): void {
    const number = this.nextNumber++;
    const box = [0, 0, width, height].map((n) => Number(n.toFixed(2))).join(' ');
    this.writeObject(number, `\n<<\n/Type /Page\n/Parent 2 0 R\n/MediaBox [${box}]\n/Resources <<\n>>\n>>\n`);
    this.kids.push(number);
    this.count += 1;
  }

  /** The joined file (with `title` as its document title, when given). */
  finish(options: { title?: string } = {}): Uint8Array {
    const info = this.nextNumber;
    const title = options.title ? `/Title ${pdfString(options.title)}\n` : '';
    this.writeObject(info, `\n<<\n${title}/Creator (Redress)\n/Producer (Redress)\n>>\n`);
    this.writeObject(1, '\n<<\n/Type /Catalog\n/Pages 2 0 R\n>>\n');
    this.writeObject(
      2,
      `\n<<\n/Type /Pages\n/Count ${this.count}\n/Kids [${this.kids.map((k) => `${k} 0 R`).join(' ')}]\n>>\n`,
    );
    const xrefAt = this.length;
    const size = info + 1;
    let table = `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (let n = 1; n < size; n += 1) table += `${String(this.offsets[n]).padStart(10, '0')} 00000 n \n`;
    table += `trailer\n<<\n/Size ${size}\n/Root 1 0 R\n/Info ${info} 0 R\n>>\nstartxref\n${xrefAt}\n%%EOF\n`;
    this.write(latin1Bytes(table));
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

/** Join PDFs, page by page, in order, into one file (titled `title` when given). */
export async function joinPdfs(parts: readonly Uint8Array[], title?: string): Promise<Uint8Array> {
  if (parts.length === 1) return parts[0];
  const joiner = new PdfJoiner();
  for (const part of parts) await joiner.add(part);
  return joiner.finish({ title });
}
