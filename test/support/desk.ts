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

/**
 * A letterhead logo: a real 240 × 80 PNG (a gold disc and two white bars on navy), as a `data:` URL the settings
 * accept, for tests that print one.
 */
export const SAMPLE_LOGO_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAPAAAABQCAIAAACoK28rAAABcklEQVR42u3dYRHCMAyA0YmoFtwgEHsYYBjgjo00zcLLfQqWB38G7TZud6lNm0cgoCWgJaAloAW0BLQEtAS0BLSAloA+1fPhs6Rrgn7b/T4rUVHQhxyTrbqgf6SMtaqADqSMtRaDnqSZaWWDnkoZa6WCTtPMtKaDTtbMtCaCXqKZaU0BvVAz0woGvVwz0wJaQBfWzLQCQJfSzLSAFtCFNceafpkaAzTQQB8EXVZzoGmSgAbaAA20WQu6uOYo0yQBDbQBGmgDNNBAAy1vCoEW0EDrMqAvoZlp+YYW0EALaKAFNNACWkAD7U1h8vs8oIEG2u+hgQYaaAM00EA7xsC/voEGGmignZwENNBAmz8B7fRROR+aZgENtNJAD3esqBno4RYsNQM93FOoZqCHm2TVDPRw17eagU5gbVXKBj3PtD1pDehw1jak9aBDWNuNaoE+J9tKVB30J+WevvqAloCWgBbQEtAS0BLQEtACWgJaAlqKaQf8zCD46J3y3AAAAABJRU5ErkJggg==';
