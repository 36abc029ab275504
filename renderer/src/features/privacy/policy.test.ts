// say9: the retention policy saved before the desk is set up is refused in words the screen says in its language.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordRefusal } from '#shared/model/refusals';
import { errorIn } from '#lib/i18n/index';
import { en, fr } from '#test/support/translate';
import { closeAll, freshDatabase } from '#test/support/backup';
import { saveRetentionPolicy } from './policy';

afterEach(closeAll);

describe('saveRetentionPolicy', () => {
  it('refuses a desk not set up yet, in English and in French, and writes nothing', async () => {
    const database = freshDatabase('policy-no-desk');
    const refused = await saveRetentionPolicy(database, { enabled: true, anonymiseAfterYears: 6 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(RecordRefusal);
    expect((refused as RecordRefusal).message).toBe('Set up the desk first');
    expect(errorIn(en, refused)).toBe('Set up the desk first');
    expect(errorIn(fr, refused)).toBe('Configurez d’abord le service');
    expect(await database.settings.count()).toBe(0);
  });
});
