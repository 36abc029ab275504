// What a postcode looks like in each regulator region: a UK postcode ("SW1A 1AA", "M1 1AE", "GIR 0AA") or a Canadian
// postal code ("H3B 4W8": Canada Post uses no D, F, I, O, Q or U, and no W or Z first). Used to print a Canadian code on
// the municipality's line (shared/letters/addressee.ts) and to ask the desk to check one that fits neither (intake).
import type { RegulatorRegion } from './provider';

const SHAPES: ReadonlyArray<[RegulatorRegion, RegExp]> = [
  ['UK', /^(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|GIR ?0AA)$/],
  ['CA', /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/],
];

/** The region whose postcodes look like this one (spaces around it and letter case do not matter), or null. */
export function regionOfPostcode(postcode: string): RegulatorRegion | null {
  const code = postcode.trim().toUpperCase();
  return SHAPES.find(([, shape]) => shape.test(code))?.[0] ?? null;
}

/** An example of a region's postcodes, for a message asking to check one. */
export const POSTCODE_EXAMPLES: Record<RegulatorRegion, string> = { UK: 'SW1A 1AA', CA: 'H3B 4W8' };
