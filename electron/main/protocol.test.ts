import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_CSP,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  mimeTypeFor,
  registerAppScheme,
  resolveAppPath,
} from './protocol';
import { appCsp, cspInHtml, metaCsp, type SharingConfig, sharingConnectOrigins } from '#shared/security/sharing';

describe('resolveAppPath (path-traversal guard)', () => {
  const root = path.resolve('/srv/redress/out/renderer');

  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['/assets/', 'assets/index.html'],
    ['/fonts/Roboto%20Regular.ttf', 'fonts/Roboto Regular.ttf'],
    ['//assets//x.css', 'assets/x.css'],
    ['/a/../index.html', 'index.html'], // stays inside: allowed
  ])('serves %s from %s', (urlPath, relative) => {
    expect(resolveAppPath(root, urlPath)).toEqual({ ok: true, filePath: path.join(root, relative) });
  });

  it.each([
    '/../secret.txt',
    '/../../../../etc/passwd',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2e%2e/etc/passwd',
    '/..%2fsecret.txt',
    '/..%2F..%2Fetc%2Fpasswd',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..',
  ])('refuses traversal %s with 403', (urlPath) => {
    expect(resolveAppPath(root, urlPath)).toMatchObject({ ok: false, status: 403 });
  });

  it.each(['/..\\secret.txt', '/%5c..%5csecret.txt', '/assets\\..\\..\\secret.txt'])(
    'refuses backslashes %s with 403',
    (urlPath) => {
      expect(resolveAppPath(root, urlPath)).toMatchObject({ ok: false, status: 403 });
    },
  );

  it.each(['/C:/Windows/win.ini', '/c%3a/Windows/win.ini', '/index.html::$DATA'])(
    'refuses drive letters and streams %s with 403',
    (urlPath) => {
      expect(resolveAppPath(root, urlPath)).toMatchObject({ ok: false, status: 403 });
    },
  );

  it('refuses an absolute path smuggled in encoded form', () => {
    // "/%2Fetc%2Fpasswd" decodes to "//etc/passwd": leading slashes are stripped, so it stays inside the root.
    const result = resolveAppPath(root, '/%2Fetc%2Fpasswd');
    expect(result).toEqual({ ok: true, filePath: path.join(root, 'etc/passwd') });
  });

  it.each(['/index.html%00.png', '/%00', '/a\u0000b'])('refuses NUL bytes %s with 400', (urlPath) => {
    expect(resolveAppPath(root, urlPath)).toMatchObject({ ok: false, status: 400 });
  });

  it.each(['/%', '/%zz', '/%E0%A4%A'])('refuses malformed escapes %s with 400', (urlPath) => {
    expect(resolveAppPath(root, urlPath)).toMatchObject({ ok: false, status: 400 });
  });

  it('holds with Windows path semantics too', () => {
    const winRoot = 'C:\\Program Files\\Redress\\resources\\app.asar\\out\\renderer';
    expect(resolveAppPath(winRoot, '/assets/a.js', path.win32)).toEqual({
      ok: true,
      filePath: `${winRoot}\\assets\\a.js`,
    });
    for (const bad of ['/../x', '/%2e%2e/x', '/..%2f..%2fWindows', '/C:/Windows', '/%5c%5cserver%5cshare']) {
      expect(resolveAppPath(winRoot, bad, path.win32)).toMatchObject({ ok: false });
    }
  });

  it.each([
    '/CON',
    '/con',
    '/aux.js',
    '/AUX.js',
    '/assets/nul.css',
    '/assets/CON/index.html',
    '/con%20.js',
    '/prn.',
    '/lpt1...',
    '/COM%C2%B9', // COM¹
    '/lpt%C2%B3.txt', // lpt³
    '/CONIN$',
    '/conout$.txt',
    '/assets/com0.tar.gz',
    '/nul/',
    '/a/../con.html',
  ])('refuses the Windows device name in %s with 403, on either platform', (urlPath) => {
    expect(resolveAppPath(root, urlPath)).toMatchObject({
      ok: false,
      status: 403,
      reason: 'Windows device name in path',
    });
    expect(resolveAppPath('C:\\Program Files\\Redress\\out\\renderer', urlPath, path.win32)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it.each(['/console.js', '/assets/aux-3f2a1b.js', '/icon.png', '/COM10.js'])(
    'serves %s, which only looks like a device name',
    (urlPath) => {
      expect(resolveAppPath(root, urlPath)).toMatchObject({ ok: true });
    },
  );

  it('does not confuse a sibling folder sharing the prefix with the root', () => {
    // /srv/redress/out/renderer-evil starts with the root's string but is outside it.
    expect(resolveAppPath(root, '/../renderer-evil/x.js')).toMatchObject({ ok: false, status: 403 });
  });
});

describe('createAppProtocolHandler', () => {
  let base: string;
  let root: string;

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'redress-protocol-'));
    root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Redress</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(base, 'secret.txt'), 'top secret');
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const get = (url: string, method = 'GET') => createAppProtocolHandler({ root })(new Request(url, { method }));

  it('serves index.html with the right type and a strict CSP', async () => {
    const response = await get('app://redress/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Redress</title>');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await get('app://redress/assets/app.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('serves the app for client-side routes, but 404s for missing files', async () => {
    const route = await get('app://redress/cases/RDR-2026-000042');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Redress</title>');
    expect((await get('app://redress/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the root', async () => {
    for (const url of [
      'app://redress/..%2fsecret.txt',
      'app://redress/%2e%2e%2fsecret.txt',
      'app://redress/assets/..%2f..%2fsecret.txt',
      'app://redress/..%5csecret.txt',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain('top secret');
    }
  });

  it('answers only for the app host and only GET/HEAD', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://redress/index.html', 'POST')).status).toBe(405);
    const head = await get('app://redress/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('createAppProtocolHandler with a sharing config', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'redress-protocol-csp-'));
    // The real page, so a change to its meta tag that the rewrite no longer finds fails here.
    await writeFile(
      path.join(root, 'index.html'),
      await readFile(fileURLToPath(new URL('../../renderer/index.html', import.meta.url))),
    );
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('sends the policy in force as the header and writes the same policy into index.html’s meta tag', async () => {
    let config: SharingConfig | null = { serverUrl: 'https://couch.example.com:6984', database: 'complaints' };
    const handler = createAppProtocolHandler({ root, csp: () => appCsp(sharingConnectOrigins(config)) });
    for (const url of ['app://redress/', 'app://redress/index.html', 'app://redress/cases/RDR-2026-000042']) {
      const response = await handler(new Request(url));
      const header = response.headers.get('content-security-policy')!;
      expect(header, url).toContain("connect-src 'self' https://couch.example.com:6984 blob: data:");
      expect(cspInHtml(await response.text()), url).toBe(metaCsp(header));
    }
    // A changed config (the shell then reloads the page) is what the next page gets.
    config = null;
    const response = await handler(new Request('app://redress/index.html'));
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(cspInHtml(await response.text())).toBe(metaCsp(APP_CSP));
  });
});

describe('app:// scheme registration', () => {
  it('is standard and secure (IndexedDB needs both), supports fetch, and does not bypass CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      bypassCSP: false,
      allowServiceWorkers: false,
    });
  });

  it('registers exactly that scheme', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => calls.push(schemes) });
    expect(calls).toEqual([[APP_SCHEME_PRIVILEGES]]);
  });
});

describe('Content-Security-Policy', () => {
  it('agrees with the meta tag in renderer/index.html, adding only what a meta tag cannot carry', async () => {
    const html = await readFile(fileURLToPath(new URL('../../renderer/index.html', import.meta.url)), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta, 'renderer/index.html has a CSP meta tag').toBeDefined();
    const directives = (policy: string) =>
      new Map(
        policy
          .split(';')
          .map((d) => d.trim())
          .filter(Boolean)
          .map((d) => [d.split(/\s+/)[0]!, d] as const),
      );
    const page = directives(meta!);
    const header = directives(APP_CSP);
    // Both policies apply, so any difference would silently narrow the page: keep them identical.
    for (const [name, directive] of [...page].filter(([name]) => name !== 'frame-ancestors')) {
      expect(header.get(name), name).toBe(directive);
    }
    const extra = [...header.keys()].filter((name) => !page.has(name) && name !== 'frame-ancestors');
    expect(extra).toEqual([]);
    expect(header.get('frame-ancestors')).toBe("frame-ancestors 'none'");
  });

  it('allows no inline or remote script and no plugins', () => {
    const scriptSrc = APP_CSP.split('; ').find((directive) => directive.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(APP_CSP).toContain("object-src 'none'");
    expect(APP_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['a.css', 'text/css; charset=utf-8'],
    ['a.woff2', 'font/woff2'],
    ['A.PNG', 'image/png'],
    ['a.unknown', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (file, type) => expect(mimeTypeFor(file)).toBe(type));
});
