import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isTrustedUrl, originOf, trustedOrigins } from './origin';

describe('originOf', () => {
  it.each([
    ['app://redress/index.html', 'app://redress'],
    ['app://REDRESS/cases/1', 'app://redress'],
    ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173'],
    ['https://www.ofcom.org.uk/x?y#z', 'https://www.ofcom.org.uk'],
  ])('%s → %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  it.each([
    'file:///etc/passwd',
    'data:text/html,hi',
    'blob:app://redress/1234',
    'about:blank',
    'javascript:alert(1)',
    'not a url',
    'app://redress@evil.example/',
    'https://user:pw@example.com/',
    '',
  ])('has no usable origin: %s', (url) => {
    expect(originOf(url)).toBeNull();
  });
});

describe('trustedOrigins', () => {
  it('trusts only the app origin when there is no dev server', () => {
    expect([...trustedOrigins(undefined)]).toEqual([APP_ORIGIN]);
  });

  it('adds the dev server origin while developing', () => {
    const trusted = trustedOrigins('http://localhost:5173/');
    expect(isTrustedUrl('http://localhost:5173/cases', trusted)).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/', trusted)).toBe(false);
    expect(isTrustedUrl('app://redress/index.html', trusted)).toBe(true);
  });

  it('does not trust look-alikes', () => {
    const trusted = trustedOrigins(undefined);
    for (const url of ['app://redress.evil/', 'app://evil/redress', 'https://redress/', 'app://redres/']) {
      expect(isTrustedUrl(url, trusted)).toBe(false);
    }
  });
});
