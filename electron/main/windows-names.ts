// Windows device names. On Windows, a file or folder named CON, PRN, AUX, NUL, COM0-9, LPT0-9 (also with the
// superscript digits ¹ ² ³), CONIN$ or CONOUT$ is not a file but a device, whatever extension follows ("nul.txt",
// "con.tar.gz") and whatever spaces or dots trail the name ("con .pdf", "AUX.", "lpt1 "): Windows drops those before it
// looks. Saving to such a name writes to the device (or hangs), and reading one reads the console. One rule for both
// places main turns a name from the renderer into a path: the save dialog's suggested name (handlers/file-name.ts)
// and every segment of an app:// URL (protocol.ts). Refused on every platform: the app never has such files, and a
// name saved on macOS may be copied to Windows.

const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/**
 * Whether Windows would treat `name` (one path segment, not a path) as a device: the part before the first dot, with
 * trailing spaces and dots dropped, is a device name, compared without case.
 */
export function isWindowsDeviceName(name: string): boolean {
  const trimmed = name.replace(/[ .]+$/, '');
  const dot = trimmed.indexOf('.');
  const stem = (dot === -1 ? trimmed : trimmed.slice(0, dot)).replace(/ +$/, '');
  return DEVICE.test(stem);
}
