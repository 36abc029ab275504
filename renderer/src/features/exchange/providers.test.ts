import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { checkImport, guessMapping, guessProviderSource } from '#shared/exports/cases-import';
import { deskProviders } from '#shared/model/provider';
import { createCase, saveSettings } from '#db/repositories/cases';
import { saveProvider } from '#db/repositories/providers';
import { deskSettings as storedDesk } from '#db/desk';
import { closeAll, freshDatabase } from '#test/support/backup';
import { newCaseParts } from '#test/support/cases';
import { deskSettings, JIVE } from '#test/support/desk';
import { casesCsv } from './cases-export';
import { parseCsv } from './csv';
import { importCheckedCases } from './import';

afterEach(closeAll);

const jive = JIVE;
const stored = async (database: ReturnType<typeof freshDatabase>) => (await storedDesk(database))!;

describe('the provider in CSV files (#16)', () => {
  it('the export names each case’s provider; an import takes it from a column by name, or one for the whole file', async () => {
    const database = freshDatabase('providers');
    await saveSettings(database, deskSettings());
    const added = await saveProvider(database, jive);
    const settings = await stored(database);
    // The desk's first provider (an id of its own since p8b, G6), its usual one.
    const usualId = settings.defaultProviderId!;
    await createCase(database, newCaseParts({ summary: 'Kept at home' }), { settings, by: 'Sam' });
    await createCase(database, newCaseParts({ summary: 'Facture en double' }), {
      settings,
      providerId: added.id,
      by: 'Sam',
    });
    const exported = parseCsv((await casesCsv(database)).text);
    const column = exported.headers.indexOf('Provider');
    expect(exported.rows.map((r) => r[column]).sort()).toEqual(['Acme Broadband Ltd', 'Jive Canada']);

    const headers = ['Date received', 'Channel', 'Category', 'Customer name', 'Email', 'Summary', 'Brand'];
    const row = (brand: string) => [
      '2026-12-01',
      'Email',
      'Billing',
      'Ann Lee',
      'ann@example.com',
      `About ${brand || 'nothing'}`,
      brand,
    ];
    const providers = deskProviders(settings);
    const source = guessProviderSource(headers, usualId);
    expect(source).toEqual({ column: 6 });
    const options = { today: '2026-12-02', dateOrder: 'day-first' as const };
    const provider = { source, providers, usualProviderId: usualId };
    const bad = checkImport([row('jive canada'), row('Virgin')], headers, guessMapping(headers), {
      ...options,
      provider,
    });
    expect(bad.problems).toEqual([
      expect.objectContaining({
        row: 3,
        field: 'provider',
        column: 'Brand',
        message: '“Virgin” is not one of this desk’s providers: use Acme Broadband Ltd, Jive Canada',
      }),
    ]);
    const check = checkImport([row('JIVE CANADA'), row('')], headers, guessMapping(headers), { ...options, provider });
    expect(check.problems).toEqual([]);
    await importCheckedCases(database, check, { settings, by: 'Sam', fileName: 'brands.csv' });
    const imported = await database.cases.filter((c) => c.summary.startsWith('About')).toArray();
    const bySummary = Object.fromEntries(imported.map((c) => [c.summary, c]));
    expect(bySummary['About JIVE CANADA']).toMatchObject({ providerId: added.id, calendar: 'canada' });
    expect(bySummary['About nothing']).toMatchObject({ providerId: usualId });

    // One provider for the whole file, whatever the column says.
    const whole = checkImport([row('Virgin')], headers, guessMapping(headers), {
      ...options,
      provider: { ...provider, source: { providerId: added.id } },
    });
    expect(whole.cases.map((c) => c.providerId)).toEqual([added.id]);
  });
});
