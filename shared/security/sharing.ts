// The renderer's Content-Security-Policy and the rules for the team server's address (issue #14, "Security").
//
// One policy for the whole app, built here from a small sharing config: the desktop shell sends it as a header from
// app:// and writes the same policy into index.html's meta tag (electron/main/protocol.ts), and the web mode's
// preview server does the same from REDRESS_SHARING_ORIGINS (renderer/vite.config.ts). `connect-src` is 'self' plus
// the team server's origin and nothing else; the server must be https, except on this computer (loopback), where
// plain http is allowed for trying sharing and for the tests. Pure: no DOM, Node or Electron.

/** What the shell keeps to share cases: where the team's CouchDB is. Never a login: the password stays in the page. */
export interface SharingConfig {
  /** The CouchDB server's address, as `checkServerUrl` returns it (no trailing slash, no login, no query). */
  serverUrl: string;
  /** The team's database on that server. */
  database: string;
}

// WHATWG URL exists in every runtime Redress has (browsers, Node, Electron); shared/ has no DOM or Node typings.
interface ParsedUrl {
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly search: string;
  readonly hash: string;
}
declare const URL: { new (url: string): ParsedUrl };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** 127.0.0.1, localhost or [::1] (as `URL.hostname` spells them): a server on this computer. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

export const SERVER_URL_EXAMPLE = 'https://couch.example.com:6984';
const MAX_SERVER_URL_LENGTH = 2000;

/**
 * Why a server address or a database name is refused, as a code and values (issue #17): the one home of the English
 * (`problem`, what the shell, the scripts and the logs say); the screens say `said` with the catalogue's
 * `sharingConfig.<code>` in the person's language. Values: `example` an address, `max` a number, `origin` an origin,
 * `name` the database name as typed (cut to 100 characters).
 */
export const SHARING_CONFIG_PROBLEMS_EN = {
  'url-missing': 'Enter the server address (for example {example}).',
  'url-too-long': 'The server address is longer than {max} characters.',
  'url-not-address': 'That is not a server address: write it in full, for example {example}.',
  'url-login': 'Put the user name and password in their own boxes, not in the server address.',
  'url-not-https': 'The server address must start with https:// (for example {example}).',
  'url-not-server-name': 'That is not a server name: write the address in full, for example {example}.',
  'url-plain-http':
    'Refused: {origin} is plain http to another computer, which would send the password unencrypted. Use https (CouchDB with TLS on, or behind a TLS proxy); http is allowed only for this computer (127.0.0.1, localhost or [::1]).',
  'url-query': 'The server address cannot have a query (?…) or a fragment (#…).',
  'database-too-long': 'The database name is longer than 238 characters.',
  'database-invalid':
    'Not a CouchDB database name: "{name}" (lower-case letters, digits and _$()+-/, starting with a letter).',
} as const;
export type SharingConfigProblemCode = keyof typeof SHARING_CONFIG_PROBLEMS_EN;
export interface SharingConfigSaying {
  code: SharingConfigProblemCode;
  values?: Record<string, string | number>;
}

/** A refusal in English. */
export function sharingConfigProblemInEnglish(said: SharingConfigSaying): string {
  // shared/security imports nothing else (the shell and the web server's config load it): so not shared/model's
  // sayingInEnglish, whose one line this is.
  return SHARING_CONFIG_PROBLEMS_EN[said.code].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(said.values?.[name] ?? ''),
  );
}

/** The English of a refusal, and the refusal as the check returns it. */
function refuse(code: SharingConfigProblemCode, values?: SharingConfigSaying['values']) {
  const said: SharingConfigSaying = values ? { code, values } : { code };
  return { ok: false as const, problem: sharingConfigProblemInEnglish(said), said };
}

export type ServerUrlCheck =
  { ok: true; url: string; origin: string } | { ok: false; problem: string; said: SharingConfigSaying };

/**
 * The team server's address made canonical (no trailing slash), with its origin for the CSP, or why it is refused:
 * not an http(s) address, a login written into it, a query or fragment, or plain http to another computer (which
 * would send the desk's password unencrypted). The problem never repeats the address, which may hold a password.
 */
export function checkServerUrl(raw: string): ServerUrlCheck {
  const text = raw.trim();
  const example = SERVER_URL_EXAMPLE;
  if (text === '') return refuse('url-missing', { example });
  if (text.length > MAX_SERVER_URL_LENGTH) return refuse('url-too-long', { max: MAX_SERVER_URL_LENGTH });
  let url: ParsedUrl;
  try {
    url = new URL(text);
  } catch {
    return refuse('url-not-address', { example });
  }
  if (url.username || url.password) return refuse('url-login');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse('url-not-https', { example });
  // A CSP source and a server name: letters, digits, dots and hyphens, or an IP address (URL allows `*`, `%`, `!`…).
  if (!/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/i.test(url.hostname)) return refuse('url-not-server-name', { example });
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return refuse('url-plain-http', { origin: url.origin });
  if (url.search || url.hash) return refuse('url-query');
  return { ok: true, url: url.href.replace(/\/+$/, ''), origin: url.origin };
}

/** Why `name` is not a CouchDB database name (CouchDB's own rule), or null when it is one. */
export function databaseNameProblem(name: string): string | null {
  return databaseNameRefusal(name)?.problem ?? null;
}

function databaseNameRefusal(name: string) {
  if (name.length > 238) return refuse('database-too-long');
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(name)) return refuse('database-invalid', { name: name.slice(0, 100) });
  return null;
}

export type SharingConfigCheck =
  { ok: true; config: SharingConfig } | { ok: false; problem: string; said: SharingConfigSaying };

/** A sharing config made canonical, or the first reason it is refused. */
export function checkSharingConfig(input: { serverUrl: string; database: string }): SharingConfigCheck {
  const server = checkServerUrl(input.serverUrl);
  if (!server.ok) return server;
  const refused = databaseNameRefusal(input.database);
  if (refused) return refused;
  return { ok: true, config: { serverUrl: server.url, database: input.database } };
}

/**
 * Check the web mode's list of origins the page may connect to (REDRESS_SHARING_ORIGINS: separated by commas or
 * spaces). Each is an origin under the same rule as a server address (https, or http on loopback), with no path; a
 * loopback origin may end in `:*` (any port), for the tests, whose server's port is chosen when they run.
 */
export function checkSharingOrigins(
  value: string | undefined,
): { ok: true; origins: string[] } | { ok: false; problem: string } {
  const origins: string[] = [];
  for (const item of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    const anyPort = /^(http:\/\/[^/:]+|http:\/\/\[::1\]):\*$/i.exec(item);
    const checked = checkServerUrl(anyPort ? anyPort[1]! : item);
    if (!checked.ok) return { ok: false, problem: `REDRESS_SHARING_ORIGINS: ${checked.problem}` };
    if (checked.url !== checked.origin)
      return { ok: false, problem: `REDRESS_SHARING_ORIGINS: name origins only (${checked.origin}), not paths.` };
    if (anyPort && !isLoopbackHost(new URL(checked.origin).hostname))
      return { ok: false, problem: 'REDRESS_SHARING_ORIGINS: any port (:*) is allowed only for this computer.' };
    const origin = anyPort ? `${checked.origin}:*` : checked.origin;
    if (!origins.includes(origin)) origins.push(origin);
  }
  return { ok: true, origins };
}

/** The origins `connect-src` opens for a sharing config: the server's, or none when sharing is off. */
export function sharingConnectOrigins(config: SharingConfig | null): string[] {
  if (!config) return [];
  const server = checkServerUrl(config.serverUrl);
  return server.ok ? [server.origin] : [];
}

/**
 * The policy, sent as a header. `connectOrigins` are the extra origins `connect-src` allows (already checked by
 * `checkServerUrl`/`checkSharingOrigins`); blob: and data: stay, as they are the page's own bytes, not the network.
 */
export function appCsp(connectOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connectOrigins, 'blob: data:'].join(' '),
    // Web mode prints a letter from a hidden frame showing the PDF from a blob: URL the page made.
    'frame-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The same policy for index.html's meta tag, which cannot carry frame-ancestors (a browser ignores it there). */
export function metaCsp(headerPolicy: string): string {
  return headerPolicy
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
}

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)("\s*\/?>)/i;

/** The policy index.html's meta tag carries, or null when it has none. */
export function cspInHtml(html: string): string | null {
  return CSP_META.exec(html)?.[2] ?? null;
}

/**
 * index.html with its meta tag's policy replaced by `metaCsp(headerPolicy)`, so the header and the meta tag (both
 * enforced) say the same. Throws when the page has no such meta tag (a page served without one would be looser).
 */
export function withCspMeta(html: string, headerPolicy: string): string {
  if (!CSP_META.test(html)) throw new Error('index.html has no Content-Security-Policy meta tag to rewrite');
  if (/["<>&]/.test(headerPolicy)) throw new Error('the policy cannot be written into an HTML attribute');
  const policy = metaCsp(headerPolicy);
  return html.replace(CSP_META, (_all, before: string, _old: string, after: string) => `${before}${policy}${after}`);
}

/** The network origins a policy's connect-src allows besides the page's own ('self', blob: and data: left out). */
export function connectOriginsOf(policy: string): string[] {
  const directive = policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find((words) => words[0] === 'connect-src');
  return (directive ?? []).slice(1).filter((source) => /^https?:\/\//i.test(source));
}

/** Whether an origin (as `checkServerUrl` gives it) is among `sources` (exact, or a loopback `http://host:*`). */
export function originAllowed(origin: string, sources: readonly string[]): boolean {
  return sources.some((source) => {
    if (source === origin) return true;
    if (!source.endsWith(':*')) return false;
    const base = source.slice(0, -2);
    return origin === base || (origin.startsWith(`${base}:`) && /^\d+$/.test(origin.slice(base.length + 1)));
  });
}
