import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './links';

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://www.commsombudsman.org/', true],
    ['https://ccts-cprst.ca/complaints', true],
    ['http://www.commsombudsman.org/', false],
    ['https://commsombudsman.org.evil.example/', false],
    ['https://user:pw@commsombudsman.org/', false],
    ['https://commsombudsman.org:8443/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});
