// Issue #12 finding 1, the proof: whatever the intake form, the case actions and the CSV import accept is written,
// and survives backup -> check -> restore unchanged, with nothing listed as over a limit. And the schemas the
// database checks every write with are the very ones the backup check uses.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_ROW_SCHEMAS, BACKUP_TABLE_NAMES } from '#shared/backup/format';
import { checkImport, guessMapping, IMPORT_FIELDS } from '#shared/exports/cases-import';
import { type IntakeForm, validateIntake } from '#shared/model/intake';
import { checkStoredRow, STORED_ROWS, storedAttachmentFields, storedLetterFields } from '#shared/model/stored';
import { makeBackup, readBackupFile, restoreBackup } from '#db/backup/backup';
import { ActionRefusedError, performAction } from '#db/repositories/case-actions';
import { createCase, createCases, saveSettings } from '#db/repositories/cases';
import { ANONYMISED_HERE_KEY } from '#db/repositories/retention';
import { closeAll, DESK, freshDatabase, snapshot } from '#test/support/backup';

afterEach(closeAll);

const today = '2026-11-20';
const clock = { now: () => new Date('2026-11-20T10:00:00.000Z') };

// Text as people type it, hostile included: any characters, spaces around, empty lines, long lines.
const anyText = (max: number) =>
  fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', '-', "'", 'é', '王', '\t', ',', '.'), maxLength: max });
/** Mostly plausible values, sometimes anything (the limits' edges included). */
const usually = <T>(plausible: fc.Arbitrary<T>, any: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: any });
const line = usually(
  fc.constantFrom('1 High Street', 'Flat 2', 'LEEDS', 'X'.repeat(36), 'Rue Saint-Étienne 王'),
  anyText(45),
);
// The "anything" side holds what issue #12 found saved but not restorable: 21 short lines, a line of 201 characters.
const hostileAddress = fc.oneof(
  fc.array(anyText(45), { maxLength: 8 }),
  fc.array(fc.constantFrom('a', 'b1', 'Flat'), { minLength: 19, maxLength: 23 }),
  fc
    .tuple(fc.integer({ min: 190, max: 230 }), fc.array(line, { maxLength: 2 }))
    .map(([n, rest]) => ['A'.repeat(n), ...rest]),
);
const addressText = usually(fc.array(line, { minLength: 1, maxLength: 5 }), hostileAddress).map((lines) =>
  lines.join('\n'),
);
const form: fc.Arbitrary<IntakeForm> = fc.record({
  receivedOn: fc.constantFrom('2026-11-18', '2026-11-18', '2025-01-01', '2026-02-30', ''),
  channel: fc.constantFrom('letter', 'phone', 'email', 'web'),
  customerName: usually(fc.constantFrom('Ada Lovelace', "Zoë O'Brien", '王小明', 'N'.repeat(200)), anyText(210)),
  addressLines: addressText,
  postcode: usually(fc.constantFrom('LS1 1AA', 'sw1a 1aa', 'X'.repeat(12)), anyText(14)),
  phone: fc.constantFrom('', '01234 567890', '+44 (0)113 496 0000'),
  email: fc.constantFrom('', 'ada@example.com'),
  accountNumber: usually(fc.constantFrom('', 'ACC-1234'), anyText(42)),
  isBusiness: fc.boolean(),
  employees: fc.constantFrom('', '8', '1,200'),
  repName: fc.oneof(fc.constant(''), anyText(30)),
  repRelationship: fc.constantFrom('', 'son', 'carer'),
  repAddressLines: fc.oneof(fc.constant(''), addressText),
  repPostcode: fc.constantFrom('', 'LS1 1AA'),
  category: fc.constantFrom('billing', 'service'),
  summary: usually(fc.constantFrom('Billed twice', 'Line down for a week'), anyText(60)),
  language: fc.constantFrom('', 'en-GB', 'fr-CA'),
  largePrint: fc.boolean(),
  prefersPost: fc.boolean(),
  vulnerabilityDetails: fc.constant(''),
  vulnerabilityReason: fc.constant(''),
  vulnerabilityNote: fc.constant(''),
});

describe('what is saved can be restored', () => {
  it('every case the intake, the actions and the CSV import accept survives backup -> check -> restore, with nothing over a limit', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(form, { minLength: 1, maxLength: 4 }),
        form,
        fc.array(form, { maxLength: 3 }),
        async (intakes, edit, imported) => {
          const database = freshDatabase('roundtrip');
          await saveSettings(database, DESK);
          // The intake form: what it accepts, the database takes.
          const ids: string[] = [];
          for (const f of intakes) {
            const result = validateIntake(f, today, { by: 'Sam' });
            if (result.ok)
              ids.push((await createCase(database, result.value, { settings: DESK, by: 'Sam Patel', clock })).id);
          }
          // The case actions: the customer's details edited with another form's values, and a note.
          for (const id of ids) {
            const input = {
              customerName: edit.customerName,
              addressLines: edit.addressLines,
              postcode: edit.postcode,
              phone: edit.phone,
              email: edit.email,
              accountNumber: edit.accountNumber,
            };
            for (const [action, values] of [
              ['edit-customer', input],
              ['add-note', { on: today, summary: edit.summary }],
            ] as const) {
              try {
                await performAction(database, id, action, values, { by: 'Sam Patel', today, clock });
              } catch (error) {
                if (!(error instanceof ActionRefusedError)) throw error;
              }
            }
          }
          // The CSV import: the same forms as rows of a file.
          const headers = IMPORT_FIELDS.map((f) => f.label);
          const rows = imported.map((f) =>
            IMPORT_FIELDS.map((field) =>
              String(f[field.field] === true ? 'yes' : f[field.field] === false ? '' : (f[field.field] ?? '')),
            ),
          );
          const checked = checkImport(rows, headers, guessMapping(headers), { today, dateOrder: 'day-first' });
          if (checked.problems.length === 0 && checked.cases.length)
            await createCases(
              database,
              checked.cases.map((c) => c.parts),
              { settings: DESK, by: 'Sam Patel', clock },
            );
          accepted += await database.cases.count();

          const made = await makeBackup(database, { clock });
          expect(made.overLimits).toEqual([]);
          const decoded = await readBackupFile(database, made.file);
          expect(decoded.overLimits).toEqual([]);
          const restored = freshDatabase('roundtrip');
          await restoreBackup(restored, decoded, { mode: 'into-empty', by: 'Sam Patel', clock });
          const [before, after] = [await snapshot(database), await snapshot(restored)];
          // What the restore adds of its own: its audit entry, and this desk's (empty) list of cases it anonymised itself.
          const meta = after.meta.filter((m) => (m as { key: string }).key !== ANONYMISED_HERE_KEY);
          expect({
            ...after,
            meta,
            audit: after.audit.filter((a) => (a as { kind: string }).kind !== 'restore'),
          }).toEqual(before);
        },
      ),
      { numRuns: 40, seed: 20261120 },
    );
    // The generator reaches accepted cases (not only refusals).
    expect(accepted).toBeGreaterThan(10);
  }, 120_000);

  it('the schemas every write is checked with are the backup check’s, and what one accepts the other does', () => {
    expect(BACKUP_TABLE_NAMES).toContain('letters');
    for (const table of BACKUP_TABLE_NAMES.filter((t) => t !== 'letters' && t !== 'attachments'))
      expect(BACKUP_ROW_SCHEMAS[table]).toBe(STORED_ROWS[table]);
    // The file carries the letter's bytes as base64; every other field is the database's own schema object.
    for (const [field, schema] of Object.entries(storedLetterFields))
      expect(BACKUP_ROW_SCHEMAS.letters.shape[field as keyof typeof storedLetterFields]).toBe(schema);
    // An attachment's bytes are their own member of the archive: its row is every field but the bytes, each the
    // database's own schema object.
    for (const [field, schema] of Object.entries(storedAttachmentFields))
      expect(BACKUP_ROW_SCHEMAS.attachments.in.shape[field as keyof typeof storedAttachmentFields]).toBe(schema);
    // Every case row an accepted intake form makes is accepted by the backup's schema with nothing over a limit.
    fc.assert(
      fc.property(form, (f) => {
        const result = validateIntake(f, today);
        if (!result.ok) return;
        const row = {
          id: 'c1',
          reference: 'RDR-2026-000001',
          ...result.value,
          procedureId: 'ofcom',
          calendar: 'england-and-wales',
          stage: '',
          status: 'open',
          createdAt: clock.now().toISOString(),
          updatedAt: clock.now().toISOString(),
        };
        expect(checkStoredRow('cases', row)).toEqual({ refused: [], overLimits: [] });
        expect(BACKUP_ROW_SCHEMAS.cases.safeParse(row).success).toBe(true);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
