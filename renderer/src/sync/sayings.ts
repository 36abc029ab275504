// Why sharing could not do something, as a code and values (issue #17): the screens say it with the catalogue's
// `sharingProblem.<code>` in the person's language; the English `reason` (logs, tests) is the en-GB catalogue's, so
// the catalogue is the one home of the words. A value is shown as written (a database's name, an HTTP status, the
// technical detail of an unexpected error, which comes from the browser or PouchDB).
import { type Saying, saying } from '#shared/model/saying';
import { sayingIn, translate, type Translate } from '#lib/i18n/index';

export type SharingProblemCode =
  | 'wrong-password'
  | 'sign-in-status'
  | 'sign-in-unreachable'
  | 'not-member'
  | 'no-database'
  | 'server-status'
  | 'not-set-up'
  | 'unreachable'
  | 'update-needed'
  | 'stopped'
  // p8b (issue #16 G6): a join refused, one saying per provider or procedure version the team holds differently.
  | 'provider-id-clash'
  | 'procedure-id-clash'
  // A join refused: cases logged here under a prefix another desk of the team issues (team.ts referenceClashes).
  | 'reference-prefix-clash';

export type SharingSaying = Saying<SharingProblemCode, string | number>;

const english: Translate = (key, values) => translate('en-GB', key, values);

/** A sharing problem in the interface language. */
export function sharingProblemIn(t: Translate, said: SharingSaying): string {
  return sayingIn(t, 'sharingProblem', said);
}

/** The same in English: what the logs and the desk's `reason` fields keep. */
export const sharingProblemInEnglish = (said: SharingSaying): string => sharingProblemIn(english, said);

/** A refused check's outcome: the English reason and the saying the screen uses. */
export function refused(code: SharingProblemCode, values?: SharingSaying['values']) {
  const said = saying(code, values);
  return { ok: false as const, reason: sharingProblemInEnglish(said), said };
}
