// Issue #14, "Security": the page may reach the team's server, cross-origin with the desk's session cookie, and
// nothing else. The web app (vite preview, on E2E_PORT) and pouchdb-server (another port of 127.0.0.1) are two
// origins, as app://redress and a team's CouchDB are: the server allows exactly the page's origin with credentials
// (CORS), and the page's Content-Security-Policy (REDRESS_SHARING_ORIGINS, set by test/playwright.config.ts) allows
// connect-src to that server and no other origin.
import { appCsp, checkSharingOrigins, cspInHtml, metaCsp } from '#shared/security/sharing';
import { createAdmin, setUpTeam, startSyncServer, type SyncServer } from '#test/support/sync-server';
import { expect, test } from './fixtures';

const DB = 'complaints';
const DESK_LOGIN = { name: 'desk1', password: 'desk1-password-for-the-test' };

let server: SyncServer;

test.beforeAll(async ({ baseURL }) => {
  // The page's origin exactly, as a team's CouchDB lists app://redress.
  server = await startSyncServer({ corsOrigins: [new URL(baseURL!).origin] });
  await createAdmin(server, 'admin', 'admin-password-for-the-test');
  await setUpTeam(server, {
    db: DB,
    admin: { name: 'admin', password: 'admin-password-for-the-test' },
    teamRole: 'team-test',
    desks: [DESK_LOGIN],
  });
});
test.afterAll(async () => {
  await server?.stop();
});

/** Remove the console errors a step expects (a refused request), so that any other error still fails the test. */
function expectErrors(errors: string[], patterns: RegExp[]) {
  for (const pattern of patterns) {
    const at = errors.findIndex((e) => pattern.test(e));
    expect(at, `an error matching ${pattern} in ${JSON.stringify(errors)}`).toBeGreaterThanOrEqual(0);
    errors.splice(at, 1);
  }
}

test('the header and the meta tag carry one policy, opening connect-src to the configured origins only', async ({
  page,
}) => {
  const response = await page.goto('/');
  const header = response!.headers()['content-security-policy'];
  const configured = checkSharingOrigins(process.env.REDRESS_SHARING_ORIGINS ?? 'http://127.0.0.1:*');
  expect(configured.ok).toBe(true);
  expect(header).toBe(appCsp(configured.ok ? configured.origins : []));
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(metaCsp(header!));
  // A client-side route gets the same page and policy.
  const route = await page.request.get('/cases/RDR-2026-000001', { headers: { accept: 'text/html' } });
  expect(route.headers()['content-security-policy']).toBe(header);
  expect(cspInHtml(await route.text())).toBe(meta);
});

test('the page logs in to the team server cross-origin and reads the team database with its cookie', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  const result = await page.evaluate(
    async ({ url, db, login }) => {
      const anonymous = await fetch(`${url}/${db}`, { credentials: 'include' });
      const session = await fetch(`${url}/_session`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(login),
      });
      const sessionBody = (await session.json()) as { ok?: boolean; name?: string };
      const info = await fetch(`${url}/${db}`, { credentials: 'include' });
      const infoBody = (await info.json()) as { db_name?: string };
      // Without the cookie the same request is refused: it was the session that let the page in.
      const withoutCookie = await fetch(`${url}/${db}`, { credentials: 'omit' });
      return {
        anonymous: anonymous.status,
        session: session.status,
        sessionBody,
        info: info.status,
        infoBody,
        withoutCookie: withoutCookie.status,
      };
    },
    { url: server.url, db: DB, login: DESK_LOGIN },
  );
  expect(result).toEqual({
    anonymous: 401,
    session: 200,
    sessionBody: expect.objectContaining({ ok: true, name: DESK_LOGIN.name }),
    info: 200,
    infoBody: expect.objectContaining({ db_name: DB }),
    withoutCookie: 401,
  });
  // The browser logs the two refused requests.
  expectErrors(consoleErrors, [/401/, /401/]);
});

test('the page cannot reach any other origin: the CSP blocks it before the network', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  // The same server under another name: reachable from outside the page, and it would allow the page's origin.
  const elsewhere = `http://localhost:${server.port}`;
  expect((await fetch(`${elsewhere}/`)).ok).toBe(true);
  const outcome = await page.evaluate(async (target) => {
    const violations: Array<{ directive: string; blocked: string }> = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
    );
    let error = '';
    try {
      await fetch(`${target}/`, { credentials: 'include' });
    } catch (e) {
      error = e instanceof Error ? e.name : String(e);
    }
    // The violation event is dispatched after the fetch fails.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { error, violations };
  }, elsewhere);
  expect(outcome.error).toBe('TypeError');
  // Once per policy in force: the header's and the meta tag's (both block it).
  const violation = { directive: 'connect-src', blocked: `${elsewhere}/` };
  expect(outcome.violations).toEqual([violation, violation]);
  // Chromium's own messages, and the fixture's report of each violation; nothing else.
  const blocked = new RegExp(`Content Security Policy.*|CSP violation: connect-src blocked ${elsewhere}/`);
  const expected = consoleErrors.filter((e) => e.includes(`${elsewhere}/`) && blocked.test(e));
  expect(expected.length).toBeGreaterThanOrEqual(3);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !expected.includes(e)));
});

test('the team server refuses a page of another origin (CORS lists the app’s origin only)', async ({ baseURL }) => {
  const preflight = (origin: string) =>
    fetch(`${server.url}/_session`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
  const allowed = await preflight(new URL(baseURL!).origin);
  expect(allowed.headers.get('access-control-allow-origin')).toBe(new URL(baseURL!).origin);
  expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
  const other = await preflight('https://evil.example');
  expect(other.headers.get('access-control-allow-origin')).toBeNull();
});
