import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  appCsp,
  checkServerUrl,
  checkSharingConfig,
  checkSharingOrigins,
  connectOriginsOf,
  cspInHtml,
  databaseNameProblem,
  metaCsp,
  originAllowed,
  sharingConnectOrigins,
  withCspMeta,
} from './sharing';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.split(' ')[0] === name);

describe('checkServerUrl', () => {
  it.each([
    ['https://couch.example.com:6984', 'https://couch.example.com:6984', 'https://couch.example.com:6984'],
    ['https://couch.example.com:6984/', 'https://couch.example.com:6984', 'https://couch.example.com:6984'],
    ['  https://Couch.Example.com/couchdb/  ', 'https://couch.example.com/couchdb', 'https://couch.example.com'],
    ['http://127.0.0.1:5984', 'http://127.0.0.1:5984', 'http://127.0.0.1:5984'],
    ['http://localhost:5984/', 'http://localhost:5984', 'http://localhost:5984'],
    ['http://[::1]:5984', 'http://[::1]:5984', 'http://[::1]:5984'],
  ])('accepts %s', (raw, url, origin) => {
    expect(checkServerUrl(raw)).toEqual({ ok: true, url, origin });
  });

  it('refuses plain http to another computer, saying why and what to do', () => {
    const result = checkServerUrl('http://couch.example.com:5984');
    expect(result).toMatchObject({
      ok: false,
      problem: expect.stringContaining('http://couch.example.com:5984 is plain http to another computer'),
    });
    expect(result).toMatchObject({ problem: expect.stringContaining('Use https') });
    // Lookalikes of loopback are other computers.
    for (const raw of ['http://127.0.0.2:5984', 'http://127.0.0.1.example.com', 'http://localhost.example.com'])
      expect(checkServerUrl(raw).ok, raw).toBe(false);
  });

  it('refuses other schemes, an empty or unparsable address, a query and a fragment', () => {
    for (const raw of [
      '',
      '   ',
      'couch.example.com',
      'ftp://couch.example.com',
      'javascript:alert(1)',
      'app://redress',
      'https://*.example.com',
      'https://a!b.example.com',
    ])
      expect(checkServerUrl(raw).ok, raw).toBe(false);
    expect(checkServerUrl('https://couch.example.com/?x=1')).toMatchObject({ ok: false, problem: /query/ });
    expect(checkServerUrl('https://couch.example.com/#x')).toMatchObject({ ok: false, problem: /fragment/ });
  });

  it('refuses a login in the address and never repeats the password in the message', () => {
    for (const raw of [
      'https://desk1:s3cret-pw@couch.example.com',
      'http://desk1:s3cret-pw@127.0.0.1:5984',
      'desk1:s3cret-pw@host',
    ]) {
      const result = checkServerUrl(raw);
      expect(result.ok, raw).toBe(false);
      expect(JSON.stringify(result), raw).not.toContain('s3cret-pw');
    }
    expect(checkServerUrl('https://desk1:pw@couch.example.com')).toMatchObject({ ok: false, problem: /own boxes/ });
  });
});

describe('databaseNameProblem and checkSharingConfig', () => {
  it('follows CouchDB’s rule for database names', () => {
    expect(databaseNameProblem('complaints')).toBeNull();
    expect(databaseNameProblem('team/leeds_2026$(a)+b-c')).toBeNull();
    for (const bad of ['', 'Complaints', '_users', '1team', 'a b', 'a'.repeat(239)])
      expect(databaseNameProblem(bad), bad).toMatch(/database name/);
  });

  it('makes the config canonical or gives the first problem', () => {
    expect(checkSharingConfig({ serverUrl: 'https://couch.example.com/', database: 'complaints' })).toEqual({
      ok: true,
      config: { serverUrl: 'https://couch.example.com', database: 'complaints' },
    });
    expect(checkSharingConfig({ serverUrl: 'http://couch.example.com', database: 'complaints' }).ok).toBe(false);
    expect(checkSharingConfig({ serverUrl: 'https://couch.example.com', database: 'No' })).toMatchObject({
      ok: false,
      problem: /database name/,
    });
  });
});

describe('appCsp', () => {
  it('with sharing off, connects to the app itself only', () => {
    const policy = appCsp(sharingConnectOrigins(null));
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' blob: data:");
    expect(policy).not.toMatch(/https?:|wss?:|\*/);
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  });

  it('opens connect-src to the configured server’s origin and to nothing else', () => {
    const config = { serverUrl: 'https://couch.example.com:6984/couchdb', database: 'complaints' };
    const policy = appCsp(sharingConnectOrigins(config));
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' https://couch.example.com:6984 blob: data:");
    // Only connect-src changes: scripts, frames, forms still come from the app alone.
    expect(policy.replace(' https://couch.example.com:6984', '')).toBe(appCsp());
  });

  it('the meta tag’s policy is the header’s without frame-ancestors', () => {
    const header = appCsp(['https://couch.example.com']);
    expect(metaCsp(header)).toBe(header.replace("; frame-ancestors 'none'", ''));
  });
});

describe('checkSharingOrigins (web mode)', () => {
  it('reads origins separated by commas or spaces, including any loopback port for the tests', () => {
    expect(checkSharingOrigins(undefined)).toEqual({ ok: true, origins: [] });
    expect(checkSharingOrigins('https://couch.example.com:6984, http://127.0.0.1:*  http://localhost:5984')).toEqual({
      ok: true,
      origins: ['https://couch.example.com:6984', 'http://127.0.0.1:*', 'http://localhost:5984'],
    });
  });

  it('refuses plain http to another computer, any port off this computer, paths and wildcards', () => {
    for (const bad of [
      'http://couch.example.com',
      'https://couch.example.com:*',
      'http://10.0.0.5:*',
      'https://couch.example.com/db',
      '*',
      'https://*.example.com',
      'http:',
    ])
      expect(checkSharingOrigins(bad), bad).toMatchObject({ ok: false, problem: /^REDRESS_SHARING_ORIGINS: / });
  });
});

describe('withCspMeta', () => {
  it('rewrites the meta tag of renderer/index.html to the header’s policy, and nothing else', async () => {
    const html = await readFile(fileURLToPath(new URL('../../renderer/index.html', import.meta.url)), 'utf8');
    expect(cspInHtml(html), 'renderer/index.html carries the policy with sharing off').toBe(metaCsp(appCsp()));
    const header = appCsp(['http://127.0.0.1:5984']);
    const rewritten = withCspMeta(html, header);
    expect(cspInHtml(rewritten)).toBe(metaCsp(header));
    expect(rewritten.replace(metaCsp(header), metaCsp(appCsp()))).toBe(html);
  });

  it('refuses a page without the meta tag, and a policy that would break out of the attribute', () => {
    expect(() => withCspMeta('<html><head></head></html>', appCsp())).toThrow(/no Content-Security-Policy meta tag/);
    const html = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'" />';
    expect(() => withCspMeta(html, `${appCsp()}"><script>`)).toThrow(/HTML attribute/);
  });
});

describe('connectOriginsOf and originAllowed', () => {
  it('reads the network origins of connect-src', () => {
    expect(connectOriginsOf(appCsp())).toEqual([]);
    expect(connectOriginsOf(metaCsp(appCsp(['https://couch.example.com', 'http://127.0.0.1:*'])))).toEqual([
      'https://couch.example.com',
      'http://127.0.0.1:*',
    ]);
  });

  it('matches an origin exactly, or any port of a loopback host named with :*', () => {
    const sources = ['https://couch.example.com:6984', 'http://127.0.0.1:*'];
    expect(originAllowed('https://couch.example.com:6984', sources)).toBe(true);
    expect(originAllowed('https://couch.example.com', sources)).toBe(false);
    expect(originAllowed('http://127.0.0.1:5984', sources)).toBe(true);
    expect(originAllowed('http://127.0.0.1', sources)).toBe(true);
    expect(originAllowed('http://127.0.0.10:5984', sources)).toBe(false);
    expect(originAllowed('http://localhost:5984', sources)).toBe(false);
  });
});
