// Text and base64 for the backup file and its encrypted container. TextEncoder, TextDecoder, btoa and atob exist in
// browsers, workers and Node; shared/ has no DOM typings, hence the casts.

export const utf8Encoder = new (
  globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } }
).TextEncoder();

/** Refuses bytes that are not UTF-8 (throws) rather than reading them as replacement characters. */
export const utf8Decoder = new (
  globalThis as unknown as {
    TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(b: Uint8Array): string };
  }
).TextDecoder('utf-8', { fatal: true });

const codec = globalThis as unknown as { btoa(s: string): string; atob(s: string): string };

/** One of base64's 64 letters (A–Z, a–z, 0–9, + and /), by its UTF-16 code. */
const isBase64Letter = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;

/**
 * Padded base64: whole groups of four letters, the last one ending in at most two "=". Checked letter by letter: the
 * regular expression it replaces ran out of stack on a file of about 4 MB (explore34c #1: a file another desk attached
 * never arrived, and a backup holding one could not be read).
 */
function isBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  for (let i = 0; i < text.length - padding; i++) if (!isBase64Letter(text.charCodeAt(i))) return false;
  return true;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return codec.btoa(binary);
}

/** Throws 'not base64' for anything but canonical, padded base64. */
export function fromBase64(text: string): Uint8Array {
  if (!isBase64(text)) throw new Error('not base64');
  const binary = codec.atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
