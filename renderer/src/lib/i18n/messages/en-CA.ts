// English (Canada): only where Canadian English differs from the UK source (the rest falls back to en-GB).
import type { MessageKey } from './en-GB';

export const enCA: Partial<Record<MessageKey, string>> = {
  'app.nav.post': 'Letters to mail',
  'settings.postcode': 'Postal code',
  'settings.calendarHint': 'Statutory holidays of the office’s jurisdiction',
  'settings.languageChanged': 'The interface is now in English (Canada).',
  'reports.measure.ccts-referrals': 'CCTS referrals',
};
