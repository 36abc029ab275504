// A person's name as a screen or export shows it: a name anonymising put in place of the real one
// (shared/model/personal-data `ANONYMISED_NAME`, kept in English in the records) in the interface language,
// « Anonymisé » in French (explore36-manager #7); any other name as it was given.
import { ANONYMISED_NAME } from '#shared/model/personal-data';
import type { Translate } from './index';

export function nameIn(t: Translate, name: string): string {
  return name === ANONYMISED_NAME ? t('anonymised.name') : name;
}
