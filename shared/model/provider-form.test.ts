// A provider form's region changed: letter languages the old region started with follow the new one; chosen ones stay.
import { describe, expect, it } from 'vitest';
import { providerToForm, withRegion } from './provider-form';

describe('withRegion', () => {
  const fresh = providerToForm(null);

  it('a new provider made Canadian writes in English and French, French first for a desk working in French', () => {
    expect(fresh).toMatchObject({ region: 'UK', languages: ['en-GB'], defaultLanguage: 'en-GB' });
    expect(withRegion(fresh, 'CA', 'fr-CA')).toMatchObject({
      region: 'CA',
      languages: ['en-CA', 'fr-CA'],
      defaultLanguage: 'fr-CA',
    });
    expect(withRegion(fresh, 'CA', 'en-GB')).toMatchObject({ languages: ['en-CA', 'fr-CA'], defaultLanguage: 'en-CA' });
    // And back: the Canadian start is untouched, so the UK's comes back.
    expect(withRegion(withRegion(fresh, 'CA', 'fr-CA'), 'UK', 'fr-CA')).toMatchObject({
      region: 'UK',
      languages: ['en-GB'],
      defaultLanguage: 'en-GB',
    });
  });

  it('languages the desk chose stay as they are', () => {
    const chosen = { ...fresh, languages: ['en-GB', 'fr-CA'], defaultLanguage: 'en-GB' as const };
    expect(withRegion(chosen, 'CA', 'fr-CA')).toEqual({ ...chosen, region: 'CA' });
    const frenchFirst = { ...fresh, languages: ['fr-CA'], defaultLanguage: 'fr-CA' as const };
    expect(withRegion(frenchFirst, 'CA')).toEqual({ ...frenchFirst, region: 'CA' });
    // The same languages, another default: chosen too.
    const canadian = withRegion(fresh, 'CA', 'fr-CA');
    const englishFirst = { ...canadian, defaultLanguage: 'en-CA' as const };
    expect(withRegion(englishFirst, 'UK', 'fr-CA')).toEqual({ ...englishFirst, region: 'UK' });
  });
});
