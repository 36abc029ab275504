import { describe, expect, it } from 'vitest';
import { checkSharingConfig, SHARING_CONFIG_PROBLEMS_EN } from '#shared/security/sharing';
import { en, fr } from '#test/support/translate';

describe('a refused team server address or database name, in the interface language', () => {
  const bad = [
    { serverUrl: '', database: 'complaints' },
    { serverUrl: 'couch', database: 'complaints' },
    { serverUrl: 'https://desk:secret@couch.example', database: 'complaints' },
    { serverUrl: 'ftp://couch.example', database: 'complaints' },
    { serverUrl: 'http://couch.example', database: 'complaints' },
    { serverUrl: 'https://couch.example/?x=1', database: 'complaints' },
    { serverUrl: 'https://couch.example', database: 'Complaints!' },
  ];

  it('each refusal has a code whose English is the problem the shell and the logs keep', () => {
    const codes = new Set<string>();
    for (const input of bad) {
      const checked = checkSharingConfig(input);
      if (checked.ok) throw new Error(`refused on purpose: ${JSON.stringify(input)}`);
      codes.add(checked.said.code);
      expect(en(`sharingConfig.${checked.said.code}`, checked.said.values)).toBe(checked.problem.replaceAll("'", '’'));
      const french = fr(`sharingConfig.${checked.said.code}`, checked.said.values);
      expect(french, checked.said.code).not.toMatch(/\b(the|server|address|write|must|Enter|that is)\b/i);
    }
    expect(codes.size).toBe(bad.length);
    expect(Object.keys(SHARING_CONFIG_PROBLEMS_EN).length).toBeGreaterThanOrEqual(bad.length);
  });

  it('the password written into the address is never repeated', () => {
    const checked = checkSharingConfig({ serverUrl: 'https://desk:secret@couch.example', database: 'complaints' });
    if (checked.ok) throw new Error('refused on purpose');
    expect(fr(`sharingConfig.${checked.said.code}`, checked.said.values)).not.toContain('secret');
  });
});
