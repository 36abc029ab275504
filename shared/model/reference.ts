// Reference numbers: desk prefix + year + zero-padded sequence, e.g. RDR-2026-000042.

export const DESK_PREFIX_PATTERN = /^[A-Z][A-Z0-9]{1,5}$/;
/** The most references a desk can hand out in one year (a counter beyond it is refused; 2^53 + 1 = 2^53). */
export const MAX_SEQUENCE = 99_999_999;
/** A reference: prefix, year, the sequence in 6 to 8 digits. Nothing else (no spaces, no path, no "open"). */
export const REFERENCE_PATTERN = /^([A-Z][A-Z0-9]{1,5})-(\d{4})-(\d{6,8})$/;

export function formatReference(prefix: string, year: number, sequence: number): string {
  if (!DESK_PREFIX_PATTERN.test(prefix)) {
    throw new Error(`Desk prefix "${prefix}" must be 2 to 6 capital letters or digits, starting with a letter.`);
  }
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new Error(`Year ${year} is not a valid year.`);
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new Error(`Sequence ${sequence} must be a positive whole number.`);
  if (sequence > MAX_SEQUENCE) {
    throw new Error(
      `Every reference of ${prefix} for ${year} has been used (the last is ${prefix}-${year}-${MAX_SEQUENCE}): no new complaint can be numbered this year with this desk prefix; change the prefix in Settings.`,
    );
  }
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * The references quoted in a text (an email's subject and body: "Your ref RDR-2026-000001"), each once, in the order
 * first seen, in capitals; one run into a longer word or number is not one. The same form as REFERENCE_PATTERN.
 */
export function referencesQuotedIn(text: string): string[] {
  const inText = new RegExp(`(?<![\\p{L}\\p{N}_-])${REFERENCE_PATTERN.source.slice(1, -1)}(?![\\p{L}\\p{N}_])`, 'giu');
  const found = new Set<string>();
  for (const m of text.matchAll(inText)) found.add(m[0].toUpperCase());
  return [...found];
}

export function parseReference(reference: string): { prefix: string; year: number; sequence: number } | null {
  const m = REFERENCE_PATTERN.exec(reference);
  if (!m) return null;
  return { prefix: m[1], year: Number(m[2]), sequence: Number(m[3]) };
}

/** The key under which the sequence counter for a prefix and year is kept. */
export function counterKey(prefix: string, year: number): string {
  return `${prefix}-${year}`;
}

/** The desk prefix a reference or a counter key starts with (what comes before its first hyphen). */
export function prefixOf(referenceOrCounterKey: string): string {
  return referenceOrCounterKey.split('-')[0];
}

/** What every reference a desk hands out starts with: its prefix and a hyphen. A case's reference names its desk. */
export function deskReferenceStart(prefix: string): string {
  return `${prefix}-`;
}

/** Whether a case was logged at the desk with this prefix ("this desk's cases" in a team). */
export function isDeskReference(reference: string, prefix: string): boolean {
  return reference.startsWith(deskReferenceStart(prefix));
}
