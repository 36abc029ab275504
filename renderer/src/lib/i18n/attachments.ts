// A refused attachment's reason in the interface language (issue #17; h17b). shared/files writes the refusal in
// English (its `reason`: the logs, the tests) and keeps it as data (`said`, shared/files/refusals.ts); the Add
// attachments dialog says the same with the catalogue's `attachmentRefusal.<code>`.
import type { AttachmentRefusalSaying, AttachmentRefusalValue } from '#shared/files/refusals';
import { formatNumber } from '../format';
import type { Translate } from './index';
import { fileSizeIn } from './sizes';

function valueIn(t: Translate, v: AttachmentRefusalValue): string | number {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if ('number' in v) return formatNumber(v.number);
  if ('bytes' in v) return fileSizeIn(t, v.bytes);
  return attachmentRefusalIn(t, v);
}

/** A refused attachment's reason (or a piece of one) in the interface language. */
export function attachmentRefusalIn(t: Translate, said: AttachmentRefusalSaying): string {
  const values: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(said.values ?? {})) values[name] = valueIn(t, v);
  return t(`attachmentRefusal.${said.code}`, values);
}
