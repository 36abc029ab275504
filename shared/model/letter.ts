// An issued letter as stored: its exact bytes are kept so it downloads identical later (a locked copy). One shape
// for the database (renderer/src/db/schema.ts), the backup file (shared/backup) and the subject-access bundle
// (shared/exports).
export interface IssuedLetter {
  id: string;
  caseId: string;
  /** What letter it is: 'acknowledgement', 'update', 'final-response', 'adr-letter', 'ccts-notice', … */
  kind: string;
  fileName: string;
  issuedOn: string;
  issuedAt: string;
  /** SHA-256 of `bytes`, hex. */
  sha256: string;
  bytes: Uint8Array;
}
