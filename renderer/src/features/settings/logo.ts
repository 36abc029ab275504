// Reading a chosen logo file: checked before it is read, after it is read, and by the browser decoding it, so a
// renamed or damaged file is refused with a message that says what to do.
import {
  logoDataProblem,
  logoFileProblem,
  logoProblemInFile,
  type LogoProblem,
  logoSaying,
} from '#shared/model/settings';
import { sayingIn, type Translate } from '#lib/i18n/index';

export type LogoResult =
  { ok: true; dataUrl: string; width: number; height: number } | { ok: false; problem: LogoProblem };

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // readAsDataURL gives text; anything else is a file that could not be read.
    reader.onload = () =>
      typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('The file could not be read'));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

export async function readLogoFile(file: File): Promise<LogoResult> {
  const before = logoFileProblem(file);
  if (before) return { ok: false, problem: before };
  let dataUrl: string;
  try {
    dataUrl = await readAsDataUrl(file);
  } catch {
    return { ok: false, problem: { code: 'file-unreadable', name: file.name } };
  }
  const after = logoDataProblem(dataUrl);
  if (after) return { ok: false, problem: { ...after, name: file.name } };
  const img = new Image();
  img.src = dataUrl;
  try {
    await img.decode();
  } catch {
    return { ok: false, problem: { code: 'file-undecodable', name: file.name } };
  }
  return { ok: true, dataUrl, width: img.naturalWidth, height: img.naturalHeight };
}

/** A logo problem in the interface language (the English is shared/model/settings.ts's LOGO_PROBLEMS_EN). */
export function logoProblemIn(t: Translate, problem: LogoProblem): string {
  const said = sayingIn(t, 'logoProblem', logoSaying(problem));
  return logoProblemInFile(problem) ? t('logoProblem.inFile', { name: problem.name, problem: said }) : said;
}
