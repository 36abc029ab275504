// The interface's words in French (Canada) and English (UK), as a screen would say them, for tests of the wording.
import { translate, type Translate } from '#lib/i18n/index';

export const fr: Translate = (key, values) => translate('fr-CA', key, values);
export const en: Translate = (key, values) => translate('en-GB', key, values);
