// The settings and provider forms' field errors in the interface language (issue #17): shared/ checks the forms and
// returns each field's message in English (shared/model/problems.ts knows its code); here each is said with the
// catalogue, naming the field by its label on the screen ("Nom de l’entreprise : au plus 100 caractères").
import { messageIn, type MessageKey, type Translate } from '#lib/i18n/index';

/** The label of each field the forms check, as the screens show it. */
const LABELS: Record<string, MessageKey> = {
  companyName: 'settings.companyName',
  addressLines: 'settings.address',
  postcode: 'settings.postcode',
  phone: 'settings.phone',
  email: 'settings.email',
  deskPrefix: 'settings.deskPrefix',
  handlerName: 'settings.yourName',
  calendar: 'settings.calendar',
  defaultProcedureId: 'settings.procedure',
  adrSchemeId: 'settings.adrScheme',
  name: 'providers.name',
  mismatchReason: 'providers.why',
};

/** Each field's error in the interface language (a message with no code is kept as it is: never lost). */
export function formErrorsIn(t: Translate, errors: Partial<Record<string, string>>): Record<string, string> {
  const said: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    if (message === undefined) continue;
    const label = LABELS[field];
    said[field] = messageIn(t, message, label === undefined ? undefined : t(label));
  }
  return said;
}
