// The desk settings the tests run with: one builder instead of a literal in every file. Pure (types from
// #shared/model only), so tests under shared/ may import it too.
import type { CompanyDetails, DeskSettings } from '#shared/model/case';
import type { Provider } from '#shared/model/provider';

/** The company of the exchange and subject-access tests (the default desk is Acme Broadband in Leeds). */
export const NORTHWIND: Readonly<CompanyDetails> = {
  name: 'Northwind Broadband Ltd',
  addressLines: ['Unit 4', 'Leeds'],
  postcode: 'LS11 5PS',
};

/**
 * Desk settings: prefix RDR, the England and Wales calendar, the `ofcom` procedure, Acme Broadband Ltd of 1 High Street,
 * Leeds LS1 1AA, handled by Sam Patel; `overrides` replace whole fields (a new object each call, in the same key order).
 */
export function deskSettings(overrides: Partial<DeskSettings> = {}): DeskSettings {
  return {
    deskPrefix: 'RDR',
    calendar: 'england-and-wales',
    defaultProcedureId: 'ofcom',
    company: { name: 'Acme Broadband Ltd', addressLines: ['1 High Street', 'Leeds'], postcode: 'LS1 1AA' },
    handlerName: 'Sam Patel',
    ...overrides,
  };
}

/** A second provider for tests of a desk serving several (issue #16): Jive Canada, French letters first. */
export const JIVE: Readonly<Omit<Provider, 'id'>> = {
  name: 'Jive Canada',
  company: { name: 'Jive Communications Canada', addressLines: ['Montréal QC'], postcode: 'H3B 4W5' },
  procedureId: 'jive-ca',
  calendar: 'canada',
  languages: ['fr-CA', 'en-CA'],
  defaultLanguage: 'fr-CA',
  region: 'CA',
};
