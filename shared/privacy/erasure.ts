// Erasing one customer on request (UK GDPR Art. 17; PIPEDA Principle 4.5.3): which cases are the same customer's,
// why the erasure is done, and what is kept. Pure.
import type { CaseRecord } from '#shared/model/case';

// The same customer: matched as for a subject-access request (shared/exports/subject-access.ts), so the cases a
// customer is shown and the cases erased for them are found the same way.
export { customerMatchReasons as sameCustomer, type MatchReason } from '#shared/exports/subject-access';

// ---------------------------------------------------------------------------------------------------------------
// Why: the legal ground for the erasure (kept in the audit entry; a category, never free text)

export const ERASURE_BASES = [
  'customer-request',
  'consent-withdrawn',
  'objection',
  'no-longer-needed',
  'unlawful',
] as const;
export type ErasureBasis = (typeof ERASURE_BASES)[number];

export const ERASURE_BASIS_LABELS: Record<ErasureBasis, string> = {
  'customer-request': 'The customer asked us to erase their data (UK GDPR Art. 17 / PIPEDA 4.5.3)',
  'consent-withdrawn': 'The customer withdrew their consent',
  objection: 'The customer objected to our use of their data, and we have no overriding reason',
  'no-longer-needed': 'We no longer need the data for the complaint',
  unlawful: 'The data should not have been held',
};

export function isErasureBasis(value: unknown): value is ErasureBasis {
  return typeof value === 'string' && (ERASURE_BASES as readonly string[]).includes(value);
}

/** What erasing removes, in plain words, for the dialog. */
export const ERASED = [
  "The customer's name, postal address, phone, email and account number",
  'Anyone acting for them, and how they asked to be written to',
  'Vulnerability and health details',
  'The summary of the complaint and the text of every timeline entry (notes, contacts, reasons, what was agreed)',
  'Every letter issued on the case (the stored PDF copies)',
] as const;

/** What is kept, and why, in plain words for the dialog. */
export const KEPT = [
  'The reference number, the dates, how the complaint came in, its category, procedure, handler and stage',
  'That each step happened and when (for example "Resolved, 3 March"), without what was written',
  'Compensation and goodwill amounts',
] as const;

export const KEPT_WHY =
  'These facts name no one. They are kept so that the complaint figures reported to the regulator stay right, and so that we can ' +
  'show how the complaint was handled if a legal claim is brought ({law}).';

/** The law that lets them be kept, by the region of the desk's providers (explore34a #11: PIPEDA in Canada). */
export const KEPT_LAW = {
  UK: 'UK GDPR Art. 17(3)(e) and (b)',
  CA: 'PIPEDA, principle 4.5: kept only as long as needed for these purposes',
} as const;

/** Cases that may be erased now: a complaint still being handled needs the customer's details. */
export function erasableNow(
  record: Pick<CaseRecord, 'status' | 'anonymisedOn'>,
): { ok: true } | { ok: false; reason: string; why: 'anonymised' | 'open'; anonymisedOn?: string } {
  if (record.anonymisedOn)
    return {
      ok: false,
      reason: `Already anonymised on ${record.anonymisedOn}`,
      why: 'anonymised',
      anonymisedOn: record.anonymisedOn,
    };
  if (record.status !== 'closed') {
    return {
      ok: false,
      reason: 'Still open: close the case first (the desk needs the details while it handles the complaint)',
      why: 'open',
    };
  }
  return { ok: true };
}
