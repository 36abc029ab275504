// Windows code pages as text decoders: the one place that names a code page (an Outlook message's
// PidTagInternetCodepage, an RTF document's `\ansicpg`, a font's `\cpgN` or `\fcharsetN`) as a label of the
// runtime's TextDecoder (the WHATWG Encoding Standard's, in Chromium and in Node). Most code pages are `windows-N`
// (874, 1250 to 1258); the others have names of their own (UTF-16, the CJK pages, ISO-2022-JP, the ISO 8859 sets), and
// a `windows-N` the standard does not know makes TextDecoder throw. ASCII (20127) keeps the caller's fallback, a
// superset of it. A code page with no decoder gets the caller's fallback: UTF-8 for an
// Outlook HTML body, Windows-1252 for RTF bytes (RTF is 8-bit and ANSI by default).

/** A TextDecoder, as much of it as shared/ uses (no DOM types here). */
export interface CodePageDecoder {
  /** The WHATWG name of its encoding ('shift_jis', 'windows-1252'…). */
  readonly encoding: string;
  decode(bytes: Uint8Array): string;
}

const TextDecoderCtor = (globalThis as unknown as { TextDecoder: new (label: string) => CodePageDecoder }).TextDecoder;

/** Code pages whose WHATWG label is not `windows-N`. */
const LABELS: Record<number, string> = {
  65001: 'utf-8',
  1200: 'utf-16le',
  1201: 'utf-16be',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  20866: 'koi8-r',
  21866: 'koi8-u',
  50220: 'iso-2022-jp',
  50221: 'iso-2022-jp',
  50222: 'iso-2022-jp',
  51932: 'euc-jp',
  51949: 'euc-kr',
  52936: 'hz-gb-2312',
  54936: 'gb18030',
  // ISO 8859-1 to -16 (28591 to 28606): Outlook's code pages for the ISO Latin, Cyrillic, Greek… sets.
  ...Object.fromEntries(Array.from({ length: 16 }, (_, i) => [28591 + i, `iso-8859-${i + 1}`])),
};

const label = (codePage: number) => LABELS[codePage] ?? `windows-${codePage}`;

/** The code pages a caller may fall back to: both have a decoder in every runtime. */
export type FallbackCodePage = 65001 | 1252;

/**
 * The decoder of a Windows code page, or the fallback's when there is no code page (undefined or 0) or the runtime
 * has no decoder for it.
 */
export function codePageDecoder(codePage: number | undefined, fallback: FallbackCodePage): CodePageDecoder {
  if (codePage) {
    try {
      return new TextDecoderCtor(label(codePage));
    } catch {
      // No such encoding here: the fallback's, below.
    }
  }
  return new TextDecoderCtor(label(fallback));
}
