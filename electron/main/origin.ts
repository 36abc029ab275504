// Where the app lives. The renderer is served from app://redress (see protocol.ts); in development electron-vite serves
// it from a local dev server instead. Everything that decides "is this us?" (navigation guards, IPC sender checks)
// goes through `originOf`, so there is one definition of an origin.

export const APP_SCHEME = 'app';
export const APP_HOST = 'redress';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const ORIGIN_BEARING_PROTOCOLS = new Set([`${APP_SCHEME}:`, 'http:', 'https:']);

/**
 * `scheme://host[:port]` of a URL, lower-cased, or null when the URL has no usable origin (file:, data:, blob:,
 * about:, unparsable, or carrying credentials). Node's URL reports origin "null" for non-special schemes such as app:,
 * so the origin is assembled here rather than read from `URL.origin`.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!ORIGIN_BEARING_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.username || parsed.password || !parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/** The origins the shell trusts: the app itself, plus the dev server while developing (never when packaged). */
export function trustedOrigins(devServerUrl: string | undefined): ReadonlySet<string> {
  const origins = new Set([APP_ORIGIN]);
  const devOrigin = devServerUrl ? originOf(devServerUrl) : null;
  if (devOrigin) origins.add(devOrigin);
  return origins;
}

export function isTrustedUrl(url: string, trusted: ReadonlySet<string>): boolean {
  const origin = originOf(url);
  return origin !== null && trusted.has(origin);
}
