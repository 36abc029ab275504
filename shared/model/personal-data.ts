// Which fields of a case say who the customer is: the allow-list anonymising keeps (shared/privacy/anonymise.ts)
// and the check that an anonymised case holds no personal data (shared/model/stored.ts) both read it from here.
import type { CaseRecord } from './case';

/** What an anonymised case shows where the customer's name was. */
export const ANONYMISED_NAME = 'Anonymised';

type FieldPolicy = 'keep' | 'remove';

/**
 * Every field of a case and what anonymising does with it. Kept: the facts reports and the rules engine need
 * (reference, dates, channel, category, procedure, calendar, provider, stage, status, handler, and of the customer only whether
 * they were a business and its size, which decides the ADR scope). Removed: the customer, anyone
 * acting for them, how they want to be written to (large print can reveal a disability), the summary in their words,
 * vulnerability and health details.
 */
export const CASE_FIELDS: { readonly [K in keyof Required<CaseRecord>]: FieldPolicy } = {
  id: 'keep',
  reference: 'keep',
  receivedOn: 'keep',
  channel: 'keep',
  customer: 'remove',
  representative: 'remove',
  communication: 'remove',
  category: 'keep',
  summary: 'remove',
  procedureId: 'keep',
  calendar: 'keep',
  providerId: 'keep',
  stage: 'keep',
  status: 'keep',
  assignee: 'keep',
  createdAt: 'keep',
  updatedAt: 'keep',
  vulnerability: 'remove',
  anonymisedOn: 'keep',
};
