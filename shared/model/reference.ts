// Reference numbers: desk prefix + year + zero-padded sequence, e.g. RDR-2026-000042.

export const DESK_PREFIX_PATTERN = /^[A-Z][A-Z0-9]{1,5}$/;
const REFERENCE_PATTERN = /^([A-Z][A-Z0-9]{1,5})-(\d{4})-(\d{6,})$/;

export function formatReference(prefix: string, year: number, sequence: number): string {
  if (!DESK_PREFIX_PATTERN.test(prefix)) {
    throw new Error(`Desk prefix "${prefix}" must be 2 to 6 capital letters or digits, starting with a letter.`);
  }
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new Error(`Year ${year} is not a valid year.`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`Sequence ${sequence} must be a positive whole number.`);
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
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
