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
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return codec.btoa(binary);
}

/** Throws 'not base64' for anything but canonical, padded base64. */
export function fromBase64(text: string): Uint8Array {
  if (!BASE64.test(text)) throw new Error('not base64');
  const binary = codec.atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
