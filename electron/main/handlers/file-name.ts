// Turning whatever the renderer suggests into a plain, safe file NAME for the save dialog's default. The renderer
// never supplies a folder: the dialog opens in the user's Documents folder and the user picks where the file goes.
import { isWindowsDeviceName } from '../windows-names';

// Reserved on Windows (and '/' everywhere), plus control characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f<>:"|?*]/g;
// Bidirectional overrides can disguise an extension ("invoice\u202Efdp.exe" shows as "invoiceexe.pdf").
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Most file systems allow 255 bytes per name; stay well clear. */
export const MAX_FILE_NAME_BYTES = 180;

const EXTENSION_FOR_MIME: Record<string, string> = {
  'application/pdf': '.pdf',
  'text/csv': '.csv',
  'text/calendar': '.ics',
  'application/json': '.json',
  'application/zip': '.zip',
  'text/plain': '.txt',
  'image/png': '.png',
};

export function extensionForMimeType(mimeType: string): string | undefined {
  return EXTENSION_FOR_MIME[mimeType.toLowerCase()];
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function truncateToBytes(text: string, maxBytes: number): string {
  let result = '';
  for (const codePoint of text) {
    if (utf8Length(result + codePoint) > maxBytes) break;
    result += codePoint;
  }
  return result;
}

function splitExtension(name: string): [stem: string, extension: string] {
  const dot = name.lastIndexOf('.');
  // A dot at the start is not an extension; an "extension" longer than 10 characters is part of the name.
  if (dot <= 0 || name.length - dot > 11) return [name, ''];
  return [name.slice(0, dot), name.slice(dot)];
}

/**
 * The last path segment of `suggested`, with reserved and control characters replaced, leading dots and
 * trailing dots/spaces removed, Windows device names defused, an extension added from the MIME type when missing,
 * and the length capped. Never empty, never contains a path separator, never "." or "..".
 */
export function safeFileName(suggested: string, mimeType = '', fallbackStem = 'Redress document'): string {
  const lastSegment = suggested.split(/[\\/]/).pop() ?? '';
  let name = lastSegment
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(FORBIDDEN_CHARACTERS, '_')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');

  const expected = extensionForMimeType(mimeType);
  if (!name) name = fallbackStem + (expected ?? '');
  else if (expected && splitExtension(name)[1] === '') name += expected;

  if (utf8Length(name) > MAX_FILE_NAME_BYTES) {
    const [stem, extension] = splitExtension(name);
    name = truncateToBytes(stem, MAX_FILE_NAME_BYTES - utf8Length(extension)).replace(/[\s.]+$/, '') + extension;
  }
  // After the cut, which can leave a device name ("con", many spaces, then more, ".pdf" becomes "con.pdf").
  if (isWindowsDeviceName(name)) name = `_${name}`;
  return name;
}
