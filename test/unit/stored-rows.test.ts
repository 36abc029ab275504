// Issue #12, findings 1, 7 and 8 (rows): what is saved can always be restored, and a hand-edited backup cannot
// smuggle in what the desk itself could never write. Every write is checked with the schema the backup check uses.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { type BackupContent, BackupFileError, decodeBackup, encodeBackup } from '#shared/backup/format';
import type { CaseRecord, DeskSettings } from '#shared/model/case';
import { buildActionEvent, type CaseActionId } from '#shared/casework/index';
import { emptyIntakeForm, type NewCaseParts, validateIntake } from '#shared/model/intake';
import { settingsToForm, validateSettings } from '#shared/model/settings';
import { makeBackup, readAllTables, readBackupFile, restoreBackup } from '#db/backup/backup';
import { performAction } from '#db/repositories/case-actions';
import {
  appendEvent,
  createCase,
  recordLetterIssued,
  recordLetterWithdrawn,
  saveSettings,
  sha256Hex,
} from '#db/repositories/cases';
import { closeAll, DESK, freshDatabase } from '#test/support/backup';
import { customer, newCaseParts } from '#test/support/cases';
import { en, fr } from '#test/support/translate';
import { overLimitsIn } from '#renderer/features/data/words';

afterEach(closeAll);

const clock = { now: () => new Date('2026-11-20T10:00:00.000Z') };
const today = '2026-11-20';
const address = (n: number, line = (i: number) => `${i + 1} Long Lane`) => Array.from({ length: n }, (_, i) => line(i));
const parts = (over: Partial<NewCaseParts> = {}): NewCaseParts =>
  newCaseParts({
    customer: customer({ address: { lines: ['1 High Street', 'Leeds'], postcode: 'LS1 1AA' } }),
    summary: 'Billed twice',
    ...over,
  });

/** A desk with one case holding one issued letter, as the app writes it; its rows as a backup holds them. */
async function desk(): Promise<{ content: BackupContent; record: CaseRecord }> {
  const database = freshDatabase('stored');
  await saveSettings(database, DESK);
  const record = await createCase(database, parts(), { settings: DESK, by: 'Sam Patel', clock });
  const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 1, 2, 3]);
  await recordLetterIssued(
    database,
    record.id,
    {
      kind: 'acknowledgement',
      fileName: 'ack.pdf',
      issuedOn: today,
      bytes,
      by: 'Sam Patel',
      summary: 'Acknowledgement sent',
    },
    clock,
  );
  return { content: await readAllTables(database), record };
}

const encode = (content: BackupContent) =>
  encodeBackup(content, { madeAt: '2026-11-20T12:00:00.000Z', schemaVersion: 3, sha256: sha256Hex });
const check = async (content: BackupContent) =>
  decodeBackup(await encode(content), { sha256: sha256Hex, currentSchemaVersion: 3 });
async function refusal(content: BackupContent): Promise<BackupFileError> {
  const error = await check(content).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupFileError);
  expect((error as BackupFileError).kind).toBe('invalid');
  return error as BackupFileError;
}

describe('finding 1: an address the letters cannot hold is never saved, and an old one never blocks a restore', () => {
  it('a 21-line address is refused by the intake form, the customer-edit action, Settings and the database', async () => {
    const lines21 = address(21, (i) => `L${i}`).join('\n');
    const intake = validateIntake(
      {
        ...emptyIntakeForm(today),
        receivedOn: '2026-11-18',
        channel: 'letter',
        customerName: 'Ada',
        addressLines: lines21,
        postcode: 'LS1 1AA',
        category: 'billing',
        summary: 'x',
      },
      today,
    );
    expect(intake.ok).toBe(false);
    expect(!intake.ok && intake.errors.addressLines).toMatch(/21 lines; letters fit at most 5/);
    const rep = validateIntake(
      {
        ...emptyIntakeForm(today),
        receivedOn: '2026-11-18',
        channel: 'phone',
        customerName: 'Ada',
        phone: '01234 567890',
        repName: 'Bo',
        repRelationship: 'son',
        repAddressLines: lines21,
        repPostcode: 'LS1 1AA',
        category: 'billing',
        summary: 'x',
      },
      today,
    );
    expect(!rep.ok && rep.errors.repAddressLines).toMatch(/21 lines/);
    const settings = validateSettings({ ...settingsToForm(DESK), handlerName: 'Sam', addressLines: lines21 }, [
      'ofcom',
    ]);
    expect(!settings.ok && settings.errors.addressLines).toMatch(/21 lines/);

    const { record } = await desk();
    const edit = buildActionEvent(
      'edit-customer' as CaseActionId,
      { customerName: 'Ada Lovelace', addressLines: lines21, postcode: 'LS1 1AA' },
      { record, events: [], evaluation: null, procedure: null, today, by: 'Sam' },
    );
    expect(edit.ok).toBe(false);

    // The database itself, whatever path writes: the same check.
    const database = freshDatabase('stored');
    await expect(
      createCase(database, parts({ customer: { name: 'Ada', address: { lines: address(21), postcode: 'LS1 1AA' } } }), {
        settings: DESK,
        by: 'Sam',
        clock,
      }),
    ).rejects.toThrow(/customer\.address\.lines: has 21 lines; letters need at most 5/);
    await expect(
      saveSettings(database, { ...DESK, company: { ...DESK.company, addressLines: address(21) } }),
    ).rejects.toThrow(/has 21 lines/);
    expect(await database.cases.count()).toBe(0);
  });

  it('an address line of 201 characters is refused by intake and by the database (36 fit the window)', async () => {
    const long = 'A'.repeat(201);
    const intake = validateIntake(
      {
        ...emptyIntakeForm(today),
        receivedOn: '2026-11-18',
        channel: 'letter',
        customerName: 'Ada',
        addressLines: `${long}\nLeeds`,
        postcode: 'LS1 1AA',
        category: 'billing',
        summary: 'x',
      },
      today,
    );
    expect(!intake.ok && intake.errors.addressLines).toMatch(/Line 1 of the address has 201 characters; at most 36/);
    const database = freshDatabase('stored');
    await expect(
      createCase(database, parts({ customer: { name: 'Ada', address: { lines: [long], postcode: 'LS1 1AA' } } }), {
        settings: DESK,
        by: 'Sam',
        clock,
      }),
    ).rejects.toThrow(/line 1 has 201 characters/);
    await expect(
      createCase(
        database,
        parts({ customer: { name: 'Ada', address: { lines: ['A'.repeat(36)], postcode: 'LS1 1AA' } } }),
        { settings: DESK, by: 'Sam', clock },
      ),
    ).resolves.toBeTruthy();
  });

  it('an older backup with rows over the limits restores them as they are and lists them; work on such a case goes on; its backup succeeds, says so and restores', async () => {
    const { content, record } = await desk();
    const old = structuredClone(content);
    old.cases[0].customer.address = { lines: address(9), postcode: 'LS1 1AA' };
    old.settings[0].value.company.addressLines = ['x'.repeat(201)];
    // Older: made before providers (issue #16), so its settings hold the letterhead only once.
    delete old.settings[0].value.providers;
    delete old.settings[0].value.defaultProviderId;
    const decoded = await check(old);
    expect(decoded.overLimits).toEqual([
      `cases[0] ${record.reference}: customer.address.lines has 9 lines; letters need at most 5`,
      'settings[0]: value.company.addressLines[0] line 1 has 201 characters; at most 36 fit the envelope window',
    ]);
    // h17: the same rows said in French on the Your data screen, from their sayings (the place as written).
    expect(overLimitsIn(fr, decoded.overLimits, decoded.overLimitsSaid)).toBe(
      `2 entrées dépassent la longueur que les lettres acceptent (conservées telles quelles\u00a0; raccourcissez-les)\u00a0: cases[0] ${record.reference}\u00a0: customer.address.lines compte 9 lignes\u00a0; une lettre en accepte au plus 5\u00a0; settings[0]\u00a0: value.company.addressLines[0] la ligne 1 compte 201 caractères\u00a0; la fenêtre de l’enveloppe en accepte au plus 36.`,
    );
    expect(overLimitsIn(en, decoded.overLimits, decoded.overLimitsSaid)).toBe(
      `2 entries are longer than letters take (kept as they are; shorten them): ${decoded.overLimits.join('; ')}.`,
    );

    const database = freshDatabase('stored');
    await restoreBackup(
      database,
      { ...decoded, attachmentMembers: new Map(), source: new Blob([]) },
      { mode: 'into-empty', by: 'Sam', clock },
    );
    expect((await database.cases.get(record.id))?.customer.address?.lines).toHaveLength(9);
    // Working on the case does not touch the address: allowed. Changing it to another over-long address is not.
    await appendEvent(database, record.id, { type: 'note', on: today, by: 'Sam', summary: 'Called' }, clock);
    await expect(
      database.cases.update(record.id, {
        customer: { name: 'Ada', address: { lines: address(8), postcode: 'LS1 1AA' } },
      }),
    ).rejects.toThrow(/has 8 lines/);
    await performAction(
      database,
      record.id,
      'add-note',
      { on: today, summary: 'Still working on it' },
      { by: 'Sam', today, clock },
    );

    // A backup of this desk is made, checked like a restore, names the rows over the limits, and restores.
    const made = await makeBackup(database, { clock });
    expect(made.overLimits).toHaveLength(2);
    expect(made.overLimits[0]).toMatch(/^cases\[0\] RDR-2026-000001: customer\.address\.lines has 9 lines/);
    expect(made.overLimitsSaid).toHaveLength(2);
    const again = freshDatabase('stored');
    await restoreBackup(again, await readBackupFile(again, made.file), { mode: 'into-empty', by: 'Sam', clock });
    expect(await again.cases.count()).toBe(1);
  });
});

describe('findings 7 and 8: a hand-edited backup is checked like input from a stranger', () => {
  it('a counter at Number.MAX_SAFE_INTEGER is refused by the backup check and by the database; a used-up year stops with a clear error', async () => {
    const { content } = await desk();
    const bad = structuredClone(content);
    bad.counters[0].last = Number.MAX_SAFE_INTEGER;
    expect((await refusal(bad)).problems).toEqual([
      'counters[0].last: is more than 99999999, the last reference of a year',
    ]);

    const database = freshDatabase('stored');
    await expect(database.counters.put({ key: 'RDR-2026', last: Number.MAX_SAFE_INTEGER })).rejects.toThrow(
      /is more than 99999999/,
    );
    await database.counters.put({ key: 'RDR-2026', last: 99_999_999 });
    await expect(createCase(database, parts(), { settings: DESK, by: 'Sam', clock })).rejects.toThrow(
      /Every reference of RDR for 2026 has been used/,
    );
    expect(await database.cases.count()).toBe(0);
  });

  it('references that are not references ("open", "../x", a trailing space) are refused', async () => {
    const { content } = await desk();
    for (const reference of ['open', '../../../../x', 'RDR-2026-000001 ']) {
      const bad = structuredClone(content);
      bad.cases[0].reference = reference;
      expect((await refusal(bad)).problems).toEqual(['cases[0].reference: not a reference like RDR-2026-000042']);
    }
  });

  it('a letter entry must point at a letter present in the file', async () => {
    const { content } = await desk();
    const bad = structuredClone(content);
    bad.letters = [];
    const entry = bad.events.findIndex((e) => e.type === 'letter-issued');
    expect((await refusal(bad)).problems).toEqual([
      `events[${entry}].data.letterId: no letter with id ${String(content.events[entry].data?.letterId)} in the file`,
    ]);
  });

  it('a letter entry whose letterId is not text is refused as such (not as "no letter with id [object Object]")', async () => {
    const { content } = await desk();
    const entry = content.events.findIndex((e) => e.type === 'letter-issued');
    for (const letterId of [{ id: content.letters[0].id }, 42, null]) {
      const bad = structuredClone(content);
      bad.events[entry].data = { ...bad.events[entry].data, letterId };
      expect((await refusal(bad)).problems).toEqual([
        `events[${entry}].data.letterId: not a letter id (it must be text)`,
      ]);
    }
  });

  it('a withdrawal must point at a letter of its own case present in the file', async () => {
    const database = freshDatabase('stored-withdrawn');
    await saveSettings(database, DESK);
    const record = await createCase(database, parts(), { settings: DESK, by: 'Sam Patel', clock });
    const letter = await recordLetterIssued(
      database,
      record.id,
      {
        kind: 'acknowledgement',
        fileName: 'ack.pdf',
        issuedOn: today,
        bytes: new Uint8Array([0x25, 1]),
        by: 'Sam',
        summary: 'Sent',
      },
      clock,
    );
    await recordLetterWithdrawn(
      database,
      record.id,
      letter.id,
      { on: today, by: 'Sam', reason: 'Wrong address' },
      clock,
    );
    const content = await readAllTables(database);
    await expect(check(content)).resolves.toBeDefined();
    const bad = structuredClone(content);
    bad.letters = [];
    const issued = bad.events.findIndex((e) => e.type === 'letter-issued');
    const withdrawn = bad.events.findIndex((e) => e.type === 'letter-withdrawn');
    expect((await refusal(bad)).problems).toEqual(
      [issued, withdrawn]
        .sort((a, b) => a - b)
        .map((i) => `events[${i}].data.letterId: no letter with id ${letter.id} in the file`),
    );
  });

  it('anonymisedOn is refused on a case that still holds personal data', async () => {
    const { content } = await desk();
    const bad = structuredClone(content);
    bad.cases[0].anonymisedOn = '2026-11-19';
    expect((await refusal(bad)).problems).toEqual([
      'cases[0].anonymisedOn: is set but the case still holds personal data',
    ]);
  });

  it('dates and timestamps must be real calendar dates: no 30 February, no year 0000', async () => {
    const { content } = await desk();
    const cases: Array<[(c: BackupContent) => void, string]> = [
      [(c) => (c.cases[0].receivedOn = '2026-02-30'), 'cases[0].receivedOn: not a date (YYYY-MM-DD)'],
      [(c) => (c.events[0].on = '0000-01-01'), 'events[0].on: not a date (YYYY-MM-DD)'],
      [
        (c) => (c.cases[0].createdAt = '2026-02-30T10:00:00.000Z'),
        'cases[0].createdAt: not a timestamp (e.g. 2026-11-22T14:30:00.000Z)',
      ],
      [
        (c) => (c.events[0].at = '0000-01-01T00:00:00.000Z'),
        'events[0].at: not a timestamp (e.g. 2026-11-22T14:30:00.000Z)',
      ],
    ];
    for (const [edit, problem] of cases) {
      const bad = structuredClone(content);
      edit(bad);
      expect((await refusal(bad)).problems).toEqual([problem]);
    }
  });

  it('a desk prefix new complaints could not use is refused', async () => {
    const { content } = await desk();
    const bad = structuredClone(content);
    (bad.settings[0].value as DeskSettings).deskPrefix = 'r d r';
    expect((await refusal(bad)).problems).toEqual([
      'settings[0].value.deskPrefix: not a desk prefix (2 to 6 capital letters or digits, starting with a letter)',
    ]);
  });
});
