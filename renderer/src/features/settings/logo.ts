// Reading a chosen logo file: checked before it is read, after it is read, and by the browser decoding it, so a
// renamed or damaged file is refused with a message that says what to do.
import { checkLogoDataUrl, checkLogoFile } from '#shared/model/settings';

export type LogoResult = { ok: true; dataUrl: string; width: number; height: number } | { ok: false; error: string };

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

export async function readLogoFile(file: File): Promise<LogoResult> {
  const before = checkLogoFile(file);
  if (before) return { ok: false, error: before };
  let dataUrl: string;
  try {
    dataUrl = await readAsDataUrl(file);
  } catch {
    return { ok: false, error: `“${file.name}” could not be read. Check the file and choose it again.` };
  }
  const after = checkLogoDataUrl(dataUrl);
  if (after) return { ok: false, error: `“${file.name}”: ${after}` };
  const img = new Image();
  img.src = dataUrl;
  try {
    await img.decode();
  } catch {
    return {
      ok: false,
      error: `“${file.name}” is damaged or not a picture the app can read. Save it again as PNG or JPEG and choose it again.`,
    };
  }
  return { ok: true, dataUrl, width: img.naturalWidth, height: img.naturalHeight };
}
