// External sites Redress may open in the user's browser (ADR schemes and regulators): https only, these hosts only.
export const EXTERNAL_LINK_HOSTS = [
  'commsombudsman.org',
  'www.commsombudsman.org',
  'cedr.com',
  'www.cedr.com',
  'ccts-cprst.ca',
  'www.ccts-cprst.ca',
  'ofcom.org.uk',
  'www.ofcom.org.uk',
  'financial-ombudsman.org.uk',
  'www.financial-ombudsman.org.uk',
  'energyombudsman.org',
  'www.energyombudsman.org',
  'ico.org.uk',
  'www.gov.uk',
] as const;

// WHATWG URL exists in every runtime Redress has (browsers, Node, Electron); shared/ has no DOM or Node typings.
interface ParsedUrl {
  protocol: string;
  username: string;
  password: string;
  port: string;
  hostname: string;
}
declare const URL: { new (url: string): ParsedUrl };

/** True when `url` is an https link to an allow-listed host (no credentials, no odd ports). */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: ParsedUrl;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    (EXTERNAL_LINK_HOSTS as readonly string[]).includes(parsed.hostname.toLowerCase())
  );
}
