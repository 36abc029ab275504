// A file's size in the interface language: "1.5 MB" (en-GB), "1,5 Mo" (fr-CA). shared/model/attachment's
// formatFileSize stays the English of the records and exports; the screens use this.
import { formatDecimal } from '../format';
import type { Translate } from './index';

export function fileSizeIn(t: Translate, bytes: number): string {
  if (bytes < 1024) return t('size.bytes', { n: bytes });
  if (bytes < 1024 * 1024) return t('size.kb', { n: formatDecimal(bytes / 1024, 0) });
  if (bytes < 1024 * 1024 * 1024) return t('size.mb', { n: formatDecimal(bytes / 1024 / 1024, 1) });
  return t('size.gb', { n: formatDecimal(bytes / 1024 / 1024 / 1024, 2) });
}
