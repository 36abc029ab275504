// The app:// origin. The built renderer is served from app://redress/… rather than file://, so the page has a real,
// stable origin: IndexedDB (Dexie) needs a standard and secure scheme, and 'self' in the CSP means exactly our files.
// The file resolver is pure and exported, so the path-traversal guard is tested on its own.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { appCsp, cspInHtml, withCspMeta } from '#shared/security/sharing';
import { APP_HOST, APP_SCHEME } from './origin';
import { isWindowsDeviceName } from './windows-names';

export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    stream: true,
    codeCache: true,
    allowServiceWorkers: false,
    bypassCSP: false,
  },
};

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/**
 * The policy with sharing off (the app itself only), sent as a header with every response. The policy in force is
 * built from the sharing config (handlers/sharing.ts, shared/security/sharing.ts: connect-src adds the team server's
 * origin only), and index.html's meta tag is rewritten to the same policy as it is served, so header and meta tag
 * always agree; the header adds frame-ancestors, which a meta tag cannot set.
 */
export const APP_CSP = appCsp();

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedAppPath = { ok: true; filePath: string } | { ok: false; status: 400 | 403; reason: string };

/**
 * Map a URL path (as found in `URL.pathname`, still percent-encoded) to a file inside `root`, or refuse.
 * Refuses undecodable escapes, NUL bytes, backslashes, colons (drive letters, NTFS streams), Windows device names in
 * any segment (/CON, /assets/aux.js: windows-names.ts) and anything that resolves outside `root` after decoding.
 * `pathImpl` lets tests check Windows semantics on any platform.
 */
export function resolveAppPath(root: string, urlPathname: string, pathImpl: path.PlatformPath = path): ResolvedAppPath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'NUL byte in path' };
  if (decoded.includes('\\')) return { ok: false, status: 403, reason: 'backslash in path' };
  if (decoded.includes(':')) return { ok: false, status: 403, reason: 'colon in path' };

  let relative = decoded.replace(/^\/+/, '');
  if (relative.split('/').some(isWindowsDeviceName))
    return { ok: false, status: 403, reason: 'Windows device name in path' };
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';

  const resolvedRoot = pathImpl.resolve(root);
  const filePath = pathImpl.resolve(resolvedRoot, relative);
  const inside = filePath.startsWith(resolvedRoot.endsWith(pathImpl.sep) ? resolvedRoot : resolvedRoot + pathImpl.sep);
  if (!inside) return { ok: false, status: 403, reason: 'path escapes the app folder' };
  return { ok: true, filePath };
}

export interface AppProtocolDeps {
  /** The built renderer folder (out/renderer). */
  root: string;
  readFile?: (filePath: string) => Promise<Uint8Array>;
  /** The policy in force, asked for each response (handlers/sharing.ts); default: sharing off. */
  csp?: () => string;
}

const securityHeaders = (csp: string): Record<string, string> => ({
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

/** The handler for `protocol.handle('app', …)`. */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  const read = deps.readFile ?? ((filePath: string) => readFile(filePath));
  const policy = deps.csp ?? (() => APP_CSP);

  return async (request) => {
    // One policy per response, so a page and its meta tag never see two different configs.
    const csp = policy();
    const refuse = (status: number, reason: string) =>
      new Response(reason, {
        status,
        headers: { ...securityHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8' },
      });
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400, 'Bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return refuse(404, 'Not found');

    const resolved = resolveAppPath(deps.root, url.pathname);
    if (!resolved.ok) return refuse(resolved.status, resolved.status === 400 ? 'Bad request' : 'Forbidden');

    let filePath = resolved.filePath;
    let body: Uint8Array;
    try {
      body = await read(filePath);
    } catch (error) {
      // Client-side routes (/cases/RDR-2026-000042) have no file: serve the app and let the router take over.
      // Anything that looks like a file (has an extension) and is missing is a real 404.
      if (!isMissing(error)) return refuse(500, 'Could not read the file');
      if (path.extname(filePath) !== '') return refuse(404, 'Not found');
      filePath = path.join(path.resolve(deps.root), 'index.html');
      try {
        body = await read(filePath);
      } catch {
        return refuse(404, 'Not found');
      }
    }

    if (path.extname(filePath).toLowerCase() === '.html') {
      // The meta tag carries the same policy as the header (both are enforced: a stale one would block the server).
      const html = new TextDecoder().decode(body);
      if (cspInHtml(html) !== null) body = new TextEncoder().encode(withCspMeta(html, csp));
    }
    const headers = { ...securityHeaders(csp), 'Content-Type': mimeTypeFor(filePath) };
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
  };
}
