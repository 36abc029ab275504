// A refused attachment's reason in the interface language (issue #17; h17b). shared/files writes the refusal in
// English (its `reason`: the logs, the tests) and keeps it as data (`said`, shared/files/refusals.ts); the Add
// attachments dialog says the same with the catalogue's `attachmentRefusal.<code>`.
import type { AttachmentRefusalSaying } from '#shared/files/refusals';
import { isSaying } from '#shared/model/saying';
import type { Translate } from './index';
import { plainValueIn, sayingIn } from './sayings';

/** A refused attachment's reason (or a piece of one) in the interface language. */
export function attachmentRefusalIn(t: Translate, said: AttachmentRefusalSaying): string {
  return sayingIn(t, 'attachmentRefusal', said, (v) => (isSaying(v) ? attachmentRefusalIn(t, v) : plainValueIn(t, v)));
}
