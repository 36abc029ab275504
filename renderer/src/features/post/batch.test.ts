import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewCaseParts } from '#shared/model/intake';
import { createCase, deleteCase, sha256Hex } from '#db/repositories/cases';
import { performAction } from '#db/repositories/case-actions';
import { RedressDatabase } from '#db/schema';
import { letterText } from '#features/letters';
import { deskSettings, JIVE } from '#test/support/desk';
import { withProviders } from '#shared/model/provider';
import { customer, newCaseParts } from '#test/support/cases';
import {
  buildDueLetter,
  groupSchemeChecks,
  letterMessageIn,
  lettersToPost,
  postKindKey,
  schemeChecksFor,
  schemeFactsOf,
  wantsPost,
} from './batch';
import { countEntries, readTimeline } from '#db/timeline';
import { en, fr } from '#test/support/translate';

const settings = deskSettings();
/** A desk writing for a UK provider (its usual one) and a Canadian one, Jive (id `jive`). */
const twoCountries = ((desk) => ({ ...desk, providers: [...desk.providers!, { id: 'jive', ...JIVE }] }))(
  withProviders(settings),
);
const address = { lines: ['12 St James Square', 'London'], postcode: 'SW1Y 4JH' };
const parts = (over: Partial<NewCaseParts>): NewCaseParts =>
  newCaseParts({ receivedOn: '2026-11-22', customer: customer({ address }), ...over });
const clock = { now: () => new Date('2026-11-22T10:00:00Z') };
const opened: RedressDatabase[] = [];
let n = 0;
function fresh() {
  n += 1;
  const d = new RedressDatabase(`redress-post-${process.pid}-${n}`);
  opened.push(d);
  return d;
}
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

describe('letters to post', () => {
  it('goes by post when the customer wrote by post or asked for post', () => {
    expect(wantsPost({ channel: 'letter' })).toBe(true);
    expect(wantsPost({ channel: 'phone', communication: { prefersPost: true } })).toBe(true);
    expect(wantsPost({ channel: 'phone' })).toBe(false);
  });

  it('lists acknowledgements and overdue ADR letters for postal customers only', async () => {
    const database = fresh();
    const today = await createCase(database, parts({}), { settings, by: 'Sam', clock });
    const old = await createCase(
      database,
      parts({ receivedOn: '2026-10-01', customer: { name: 'Grace Hopper', address } }),
      { settings, by: 'Sam', clock },
    );
    await createCase(
      database,
      parts({ channel: 'phone', customer: { name: 'Phone Person', phone: '0113 496 0000' } }),
      { settings, by: 'Sam', clock },
    );
    const asked = await createCase(
      database,
      parts({ channel: 'phone', communication: { prefersPost: true }, customer: { name: 'Post Pat', address } }),
      { settings, by: 'Sam', clock },
    );
    const due = await lettersToPost(database, '2026-11-22', settings);
    const summary = due.map((d) => `${d.reference} ${d.kind}`);
    expect(summary).toEqual([
      `${today.reference} acknowledgement`,
      `${old.reference} acknowledgement`,
      `${old.reference} adr-letter`,
      `${asked.reference} acknowledgement`,
    ]);
    expect(due.find((d) => d.kind === 'adr-letter')!.why).toMatchObject({ kind: 'adr-letter', overdue: true });
    expect(due.find((d) => d.kind === 'adr-letter')!.why).toHaveProperty('dueOn', expect.stringMatching(/^2026-11-/));
  });

  it('builds the time-based ADR letter with the default progress sentence, and refuses a case with no address', async () => {
    const database = fresh();
    const old = await createCase(database, parts({ receivedOn: '2026-10-01' }), { settings, by: 'Sam', clock });
    const events = await readTimeline(database, old.id);
    const built = buildDueLetter('adr-letter', {
      record: old,
      events,
      settings,
      today: '2026-11-22',
      by: 'Sam',
      progress: '',
    });
    expect(letterText(built.doc)).toContain('We are still looking into your complaint.');
    expect(built.fileName).toBe(`${old.reference}-adr-letter.pdf`);
    // A letter in French, with the batch's box left empty, says it in French: never the English sentence.
    const french = { ...old, communication: { ...old.communication, language: 'fr-CA' as const } };
    const inFrench = letterText(
      buildDueLetter('adr-letter', { record: french, events, settings, today: '2026-11-22', by: 'Sam', progress: '' })
        .doc,
    );
    expect(inFrench).toContain('Nous examinons toujours votre plainte.');
    expect(inFrench).not.toContain('still looking');
    // …and its file is named in French, as the letter dialog names it (the customer may receive the file).
    const frenchFile = (kind: 'adr-letter' | 'acknowledgement', record = french) =>
      buildDueLetter(kind, { record, events, settings, today: '2026-11-22', by: 'Sam', progress: '' }).fileName;
    expect(frenchFile('adr-letter')).toBe(`${old.reference}-lettre-de-recours.pdf`);
    expect(frenchFile('acknowledgement')).toBe(`${old.reference}-accuse-de-reception.pdf`);
    // A large-print acknowledgement says so in its name, as the dialog's does.
    const large = { ...french, communication: { ...french.communication, largePrint: true } };
    expect(frenchFile('acknowledgement', large)).toBe(`${old.reference}-accuse-de-reception-gros-caracteres.pdf`);
    // What the desk wrote goes into every letter as written.
    const written = buildDueLetter('adr-letter', {
      ...{ record: french, events, settings, today: '2026-11-22', by: 'Sam' },
      progress: '  Un technicien passera lundi.  ',
    });
    expect(letterText(written.doc)).toContain('Un technicien passera lundi.');
    expect(built.also?.type).toBe('adr-letter-sent');
    const ack = buildDueLetter('acknowledgement', {
      record: old,
      events,
      settings,
      today: '2026-11-22',
      by: 'Sam',
      progress: '',
    });
    expect(ack.also?.type).toBe('acknowledged');
    expect(ack.fileName).toBe(`${old.reference}-acknowledgement.pdf`);
    const noAddress = { ...old, customer: { name: 'Ada Lovelace' } };
    expect(() =>
      buildDueLetter('acknowledgement', {
        record: noAddress,
        events,
        settings,
        today: '2026-11-22',
        by: 'Sam',
        progress: '',
      }),
    ).toThrow(expect.objectContaining({ said: { code: 'no-postal-address' } }));
  });
});

describe('which ADR letter a case by post is due (explore27-rules F1, F2)', () => {
  it('after a final position, the letter with it, in its recorded words, listed apart; never the time-based one', async () => {
    const database = fresh();
    const late = await createCase(database, parts({ receivedOn: '2026-09-01' }), { settings, by: 'Sam', clock });
    // A final position before the weeks were over: due at once, and the time-based letter could not be made yet.
    const early = await createCase(database, parts({ receivedOn: '2026-11-10' }), { settings, by: 'Sam', clock });
    for (const c of [late, early])
      await performAction(
        database,
        c.id,
        'record-deadlock',
        { on: '2026-11-20', summary: 'We will not waive the early termination charge.' },
        { by: 'Sam', today: '2026-11-22', clock },
      );
    const due = (await lettersToPost(database, '2026-11-22', settings)).filter((d) => d.kind === 'adr-letter');
    expect(due.map((d) => [d.reference, d.why.kind === 'adr-letter' && d.why.finalPosition])).toEqual([
      [late.reference, true],
      [early.reference, true],
    ]);
    expect(due.map((d) => postKindKey(d))).toEqual(['post.kind.adr-letter-final', 'post.kind.adr-letter-final']);
    for (const c of [late, early]) {
      const built = buildDueLetter('adr-letter', {
        record: c,
        events: await readTimeline(database, c.id),
        settings,
        today: '2026-11-22',
        by: 'Sam',
        progress: '',
      });
      const text = letterText(built.doc);
      expect(text).toContain('We will not waive the early termination charge.');
      expect(text).not.toContain('still looking into your complaint');
      expect(built.fileName).toBe(`${c.reference}-adr-letter-final-position.pdf`);
      expect(built.also).toMatchObject({ type: 'adr-letter-sent', summary: 'ADR letter sent with our final position' });
    }
  });

  it('resolved since it was due, with no final position: listed as not printable, saying to write it from the case', async () => {
    const database = fresh();
    const resolved = await createCase(database, parts({ receivedOn: '2026-09-01' }), { settings, by: 'Sam', clock });
    await performAction(
      database,
      resolved.id,
      'resolve',
      { on: '2026-11-01', summary: 'Refunded the charge.' },
      { by: 'Sam', today: '2026-11-22', clock },
    );
    const [letter] = (await lettersToPost(database, '2026-11-22', settings)).filter((d) => d.kind === 'adr-letter');
    expect(letter.refusal).toEqual({ code: 'adr-after-resolution', values: { resolvedOn: { date: '2026-11-01' } } });
    expect(letter.cannotPrint).toMatch(/^The complaint was resolved on 2026-11-01, after the ADR letter was due/);
    // Made anyway (a worker asked for it): refused the same way, never the untrue letter.
    const events = await readTimeline(database, resolved.id);
    expect(() =>
      buildDueLetter('adr-letter', {
        record: resolved,
        events,
        settings,
        today: '2026-11-22',
        by: 'Sam',
        progress: '',
      }),
    ).toThrow(expect.objectContaining({ said: expect.objectContaining({ code: 'adr-after-resolution' }) }));
  });
});

describe('making the print file', () => {
  // Someone acting for the customer: their letter, and a copy for the customer, are two pieces of post.
  const representative = {
    name: 'Augusta Byron',
    relationship: 'mother',
    address: { lines: ['Seaham Hall', 'County Durham'], postcode: 'SR7 7AG' },
  };

  it('makes the print file first and records nothing; then records exactly its letters, named with the saved file', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const { makePrintFile, recordPrintRun } = await import('./batch');
    const database = fresh();
    const ada = await createCase(database, parts({}), { settings, by: 'Sam', clock });
    const grace = await createCase(
      database,
      parts({ receivedOn: '2026-10-01', customer: { name: 'Grace Hopper', address } }),
      { settings, by: 'Sam', clock },
    );
    // No postal address: its acknowledgement fails, so its ADR letter is skipped too.
    const nowhere = await createCase(
      database,
      parts({ receivedOn: '2026-10-01', customer: { name: 'No Address', phone: '0113 496 0000' } }),
      { settings, by: 'Sam', clock },
    );
    const due = (await lettersToPost(database, '2026-11-22', settings)).filter((l) => l.caseId !== nowhere.id);
    due.push(
      {
        caseId: nowhere.id,
        reference: nowhere.reference,
        customerName: 'No Address',
        kind: 'acknowledgement',
        why: { kind: 'unacknowledged', receivedOn: '2026-11-01' },
      },
      {
        caseId: nowhere.id,
        reference: nowhere.reference,
        customerName: 'No Address',
        kind: 'adr-letter',
        why: { kind: 'adr-letter', dueOn: '2026-11-22', overdue: false, finalPosition: false },
      },
    );
    const eventsBefore = await countEntries(database);
    const progress: number[] = [];
    const run = await makePrintFile(database, due, {
      settings,
      today: '2026-11-22',
      by: 'Sam',
      progress: '',
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(run.made.map(({ letter }) => `${letter.reference} ${letter.kind}`)).toEqual([
      `${ada.reference} acknowledgement`,
      `${grace.reference} acknowledgement`,
      `${grace.reference} adr-letter`,
    ]);
    expect(run.errors.map((e) => `${e.letter.kind}: ${e.message}`)).toEqual([
      'acknowledgement: No postal address for the customer.',
      'adr-letter: Skipped: the case’s earlier letter could not be made.',
    ]);
    // p8e: said in the interface language too.
    expect(run.errors.map((e) => letterMessageIn(fr, 'fr-CA', e))).toEqual([
      'Aucune adresse postale n’est enregistrée pour le ou la titulaire.',
      'Laissée de côté\u00a0: la lettre précédente du même dossier n’a pas pu être produite.',
    ]);
    expect(progress.at(-1)).toBe(1);
    // Phase one writes nothing: every letter is still to post (a run stopped here loses nothing).
    expect(await database.letters.count()).toBe(0);
    expect(await countEntries(database)).toBe(eventsBefore);
    expect(await lettersToPost(database, '2026-11-22', settings)).toHaveLength(5);
    // The print file holds exactly the letters made, page for page.
    let pages = 0;
    for (const { rendered } of run.made) pages += (await PDFDocument.load(rendered.bytes)).getPageCount();
    expect(run.pages).toBe(pages);
    expect((await PDFDocument.load(run.bytes!)).getPageCount()).toBe(pages);

    // Phase two, once the print file is saved (under the name the desk chose): each letter locked with its exact bytes.
    const recorded = await recordPrintRun(database, run, {
      today: '2026-11-22',
      by: 'Sam',
      printFileName: 'monday-post.pdf',
    });
    expect(recorded.notRecorded).toEqual([]);
    expect(recorded.recorded).toEqual(run.made.map(({ letter }) => letter));
    const stored = await database.letters.toArray();
    expect(stored.map((l) => l.fileName).sort()).toEqual(
      [
        `${ada.reference}-acknowledgement.pdf`,
        `${grace.reference}-acknowledgement.pdf`,
        `${grace.reference}-adr-letter.pdf`,
      ].sort(),
    );
    for (const letter of stored) {
      const made = run.made.find(({ rendered }) => rendered.fileName === letter.fileName)!;
      expect(Array.from(letter.bytes)).toEqual(Array.from(made.rendered.bytes));
      expect(letter.sha256).toBe(await sha256Hex(made.rendered.bytes));
    }
    const graceEvents = await readTimeline(database, grace.id);
    expect(graceEvents.map((e) => e.type).sort()).toEqual([
      'acknowledged',
      'adr-letter-sent',
      'letter-issued',
      'letter-issued',
      'received',
    ]);
    expect(
      graceEvents
        .filter((e) => e.type === 'letter-issued')
        .map((e) => e.summary)
        .sort(),
    ).toEqual([
      `ADR letter issued (${grace.reference}-adr-letter.pdf, printed for post in monday-post.pdf)`,
      `Acknowledgement letter issued (${grace.reference}-acknowledgement.pdf, printed for post in monday-post.pdf)`,
    ]);
    expect(await database.letters.where('caseId').equals(nowhere.id).count()).toBe(0);
    // Nothing is due any more for the cases whose letters were recorded.
    expect((await lettersToPost(database, '2026-11-22', settings)).map((l) => l.caseId)).toEqual([
      nowhere.id,
      nowhere.id,
    ]);
  });

  it('records a print run in one transaction: all of its letters or none', async () => {
    const { makePrintFile, recordPrintRun } = await import('./batch');
    const database = fresh();
    for (const name of ['A One', 'B Two', 'C Three'])
      await createCase(database, parts({ customer: { name, address } }), { settings, by: 'Sam', clock });
    const run = await makePrintFile(database, await lettersToPost(database, '2026-11-22', settings), {
      settings,
      today: '2026-11-22',
      by: 'Sam',
      progress: '',
    });
    expect(run.made).toHaveLength(3);
    // The last letter cannot be stored (a symbol cannot be cloned into IndexedDB): the first two are rolled back too.
    const broken = {
      ...run,
      made: run.made.map((m, i) =>
        i === 2
          ? {
              ...m,
              rendered: {
                ...m.rendered,
                also: { type: 'acknowledged' as const, summary: Symbol('x') as unknown as string },
              },
            }
          : m,
      ),
    };
    const failed = await recordPrintRun(database, broken, { today: '2026-11-22', by: 'Sam', printFileName: 'p.pdf' });
    expect(failed.recorded).toEqual([]);
    expect(failed.notRecorded.map((n) => n.letter.customerName)).toEqual(['A One', 'B Two', 'C Three']);
    expect(failed.notRecorded[0].message).toMatch(
      /^Not recorded \(.+\): it is in p\.pdf but still to post; do not post that print file, make it again\.$/s,
    );
    expect(await database.letters.count()).toBe(0);
    expect(await lettersToPost(database, '2026-11-22', settings)).toHaveLength(3);
    // A case deleted between the phases: its letter is named as not recorded, the others are recorded.
    await deleteCase(database, run.made[1].letter.caseId);
    const partly = await recordPrintRun(database, run, { today: '2026-11-22', by: 'Sam', printFileName: 'p.pdf' });
    expect(partly.recorded.map((l) => l.customerName)).toEqual(['A One', 'C Three']);
    expect(partly.notRecorded.map((n) => [n.letter.customerName, n.message])).toEqual([
      [
        'B Two',
        expect.stringMatching(/^Not recorded \(No case with id .+\): take its pages out of p\.pdf before posting\.$/),
      ],
    ]);
    expect(await database.letters.count()).toBe(2);
    expect(await lettersToPost(database, '2026-11-22', settings)).toEqual([]);
    // say7: the same lines in French, from their codes (a technical reason, from the database, stays as it came).
    const { letterProblemIn } = await import('./batch');
    const [gone] = partly.notRecorded;
    expect(letterProblemIn(en, gone.said!)).toBe(gone.message);
    expect(letterProblemIn(fr, gone.said!)).toBe(
      `Non consignée (aucun dossier n’a l’identifiant ${run.made[1].letter.caseId})\u00a0: retirez ses pages de p.pdf avant de poster.`,
    );
    expect(letterProblemIn(en, failed.notRecorded[0].said!)).toBe(failed.notRecorded[0].message);
    expect(letterProblemIn(fr, failed.notRecorded[0].said!)).toMatch(
      /^Non consignée \(.+\)\u00a0: elle est dans p\.pdf, mais reste à poster\u00a0; ne postez pas ce fichier d’impression, produisez-le de nouveau\.$/su,
    );
  });

  it('makes the letters with the renderer it is given, in order, whatever order they come back in', async () => {
    const { makePrintFile } = await import('./batch');
    const { renderPdf } = await import('#letters/render');
    const database = fresh();
    const cases = [];
    for (const name of ['A One', 'B Two', 'C Three', 'D Four'])
      cases.push(await createCase(database, parts({ customer: { name, address } }), { settings, by: 'Sam', clock }));
    const due = await lettersToPost(database, '2026-11-22', settings);
    let calls = 0;
    const outcome = await makePrintFile(database, due, {
      settings,
      today: '2026-11-22',
      by: 'Sam',
      progress: '',
      // Later letters come back first.
      render: async (kind, context) => {
        const delay = 40 - 10 * calls++;
        const built = buildDueLetter(kind, context);
        const bytes = await renderPdf(built.doc);
        await new Promise((r) => setTimeout(r, delay));
        return { bytes, fileName: built.fileName, kind: built.kind, name: built.name, also: built.also };
      },
    });
    expect(calls).toBe(4);
    expect(outcome.made.map(({ letter }) => letter.customerName)).toEqual(['A One', 'B Two', 'C Three', 'D Four']);
    expect(outcome.errors).toEqual([]);
  });

  it("prints the customer's copy after a letter to their representative, and lists a copy that cannot be printed", async () => {
    const { PDFDocument } = await import('pdf-lib');
    const { makePrintFile } = await import('./batch');
    const database = fresh();
    const withCopy = await createCase(database, parts({ representative }), { settings, by: 'Sam', clock });
    const noCopy = await createCase(
      database,
      parts({
        channel: 'phone',
        customer: { name: 'Grace Hopper', phone: '0113 496 0000' },
        representative,
        communication: { prefersPost: true },
      }),
      { settings, by: 'Sam', clock },
    );
    const due = await lettersToPost(database, '2026-11-22', settings);
    expect(due.map((l) => l.caseId).sort()).toEqual([withCopy.id, noCopy.id].sort());
    // The list says who the envelopes go to, not only the customer (explore39-letters, question 3).
    expect(due.map((l) => l.representativeName)).toEqual(['Augusta Byron', 'Augusta Byron']);
    const outcome = await makePrintFile(database, due, { settings, today: '2026-11-22', by: 'Sam', progress: '' });
    expect(outcome.errors).toEqual([]);
    expect(outcome.noCopy.map((e) => [e.letter.reference, e.message])).toEqual([
      [
        noCopy.reference,
        expect.stringContaining('Grace Hopper has no postal address recorded, so no copy for them is printed'),
      ],
    ]);
    // p8e: the English kept is the one the screen says in English; French says it its own way.
    expect(letterMessageIn(en, 'en-GB', outcome.noCopy[0])).toBe(outcome.noCopy[0].message);
    expect(letterMessageIn(fr, 'fr-CA', outcome.noCopy[0])).toBe(
      'Grace Hopper n’a pas d’adresse postale enregistrée\u00a0: aucune copie ne lui est donc imprimée. Ajoutez son adresse ou envoyez-lui une copie autrement.',
    );
    const pagesOf = async (caseId: string) =>
      (
        await PDFDocument.load(outcome.made.find(({ letter }) => letter.caseId === caseId)!.rendered.bytes)
      ).getPageCount();
    // The letter to be locked holds the copy too: twice the pages of the letter alone.
    expect(await pagesOf(withCopy.id)).toBe(2 * (await pagesOf(noCopy.id)));
    expect(outcome.pages).toBe((await pagesOf(withCopy.id)) + (await pagesOf(noCopy.id)));
  });

  it('for double-sided printing, starts every piece of post on a sheet of its own; the letters kept are unchanged', async () => {
    const { makePrintFile } = await import('./batch');
    const { readPdf } = await import('#test/support/pdf-text');
    const database = fresh();
    const withCopy = await createCase(database, parts({ representative }), { settings, by: 'Sam', clock });
    await createCase(database, parts({ customer: { ...parts({}).customer, name: 'Grace Hopper' } }), {
      settings,
      by: 'Sam',
      clock,
    });
    const due = (await lettersToPost(database, '2026-11-22', settings)).sort((a, b) =>
      a.caseId === withCopy.id ? -1 : b.caseId === withCopy.id ? 1 : 0,
    );
    const options = { settings, today: '2026-11-22', by: 'Sam', progress: '' };
    const oneSided = await makePrintFile(database, due, options);
    const bothSides = await makePrintFile(database, due, { ...options, doubleSided: true });
    // Each acknowledgement is one page: letter, copy and the other letter each get a blank back.
    expect(oneSided.pages).toBe(3);
    expect(bothSides.pages).toBe(6);
    const read = await readPdf(bothSides.bytes!);
    const words = (page: number) =>
      read.items
        .filter((item) => item.page === page)
        .map((item) => item.text)
        .join(' ');
    expect(words(1)).toContain('Augusta Byron');
    expect(words(2)).toBe('');
    expect(words(3)).toContain('Copy for');
    expect(words(4)).toBe('');
    expect(words(5)).toContain('Grace Hopper');
    expect(words(6)).toBe('');
    // The letters to be locked are the same files either way: letter and copy together, no blank pages.
    const { PDFDocument } = await import('pdf-lib');
    const kept = (run: typeof oneSided) =>
      Promise.all(run.made.map(async ({ rendered }) => (await PDFDocument.load(rendered.bytes)).getPageCount()));
    expect(await kept(bothSides)).toEqual([2, 1]);
    expect(await kept(oneSided)).toEqual([2, 1]);
  });

  it('pads a Canadian provider’s letter with a blank Letter page, a UK one’s with a blank A4 page', async () => {
    const { makePrintFile } = await import('./batch');
    const { PDFDocument } = await import('pdf-lib');
    const database = fresh();
    const montreal = { lines: ['1250 rue Sainte-Catherine O', 'Montréal QC'], postcode: 'H3G 1P1' };
    const ca = await createCase(
      database,
      parts({
        customer: customer({ name: 'Élodie Tremblay', address: montreal }),
        // In English: one page (the French acknowledgement takes two, which need no blank back).
        communication: { language: 'en-CA' },
      }),
      {
        settings: twoCountries,
        by: 'Sam',
        clock,
        providerId: 'jive',
      },
    );
    const uk = await createCase(database, parts({ customer: customer({ name: 'Grace Hopper', address }) }), {
      settings: twoCountries,
      by: 'Sam',
      clock,
    });
    const due = (await lettersToPost(database, '2026-11-22', twoCountries)).sort((a) => (a.caseId === ca.id ? -1 : 1));
    expect(due.map((l) => l.caseId)).toEqual([ca.id, uk.id]);
    const run = await makePrintFile(database, due, {
      settings: twoCountries,
      today: '2026-11-22',
      by: 'Sam',
      progress: '',
      doubleSided: true,
    });
    expect(run.errors).toEqual([]);
    const sizes = (await PDFDocument.load(run.bytes!)).getPages().map((page) => {
      const { width, height } = page.getSize();
      return [Math.round(width), Math.round(height)];
    });
    // Letter, its blank back; A4, its blank back.
    expect(sizes).toEqual([
      [612, 792],
      [612, 792],
      [595, 842],
      [595, 842],
    ]);
  });

  it('holds a Canadian provider’s large-print address to the No. 10 window, which holds 4 lines at 16 pt', async () => {
    const database = fresh();
    // Name, four lines, the postal code on the last (Canada Post's standard): 5 lines, which the DL window holds at
    // 16 pt and the No. 10 window does not.
    const five = {
      lines: ['Appartement 12', 'Tour B', '1250 rue Sainte-Catherine O', 'Montréal QC'],
      postcode: 'H3G 1P1',
    };
    const largePrint = { largePrint: true };
    const ca = await createCase(
      database,
      parts({ customer: customer({ name: 'Élodie Tremblay', address: five }), communication: largePrint }),
      { settings: twoCountries, by: 'Sam', clock, providerId: 'jive' },
    );
    const uk = await createCase(
      database,
      parts({ customer: customer({ name: 'Grace Hopper', address: five }), communication: largePrint }),
      { settings: twoCountries, by: 'Sam', clock },
    );
    const due = await lettersToPost(database, '2026-11-22', twoCountries);
    const byCase = new Map(due.map((l) => [l.caseId, l]));
    expect(byCase.get(uk.id)?.refusal).toBeUndefined();
    expect(byCase.get(ca.id)?.refusal).toEqual({
      code: 'window-large-print',
      values: { size: 16, capacity: 4, name: 'Élodie Tremblay', printed: 5 },
    });
    expect(byCase.get(ca.id)?.cannotPrint).toMatch(/^In large print \(16 pt\) the envelope window holds 4 lines/);
  });

  it('hands over one letter as its own locked bytes', async () => {
    const { makePrintFile, recordPrintRun } = await import('./batch');
    const database = fresh();
    await createCase(database, parts({}), { settings, by: 'Sam', clock });
    const due = await lettersToPost(database, '2026-11-22', settings);
    const outcome = await makePrintFile(database, due, { settings, today: '2026-11-22', by: 'Sam', progress: '' });
    await recordPrintRun(database, outcome, { today: '2026-11-22', by: 'Sam', printFileName: 'p.pdf' });
    const [stored] = await database.letters.toArray();
    expect(outcome.pages).toBe(1);
    expect(Array.from(outcome.bytes!)).toEqual(Array.from(stored.bytes));
  });

  it('lists a letter whose name the font cannot print as cannot be printed, with the reason, and never makes or records it', async () => {
    const { makePrintFile, recordPrintRun } = await import('./batch');
    const database = fresh();
    const wang = await createCase(database, parts({ customer: { name: '王小明', address } }), {
      settings,
      by: 'Sam',
      clock,
    });
    const ada = await createCase(database, parts({}), { settings, by: 'Sam', clock });
    const due = await lettersToPost(database, '2026-11-22', settings);
    const reason =
      'This letter contains characters the letter font cannot print: 王, 小, 明 (in the customer’s name). Correct it (for example, write the name in Latin letters) and make the letter again.';
    expect(due.map((l) => [l.caseId, l.cannotPrint])).toEqual([
      [wang.id, reason],
      [ada.id, undefined],
    ]);
    // Even when asked to, the batch does not make it (the renderer is never called for it) and so never records it.
    const asked: string[] = [];
    const run = await makePrintFile(database, due, {
      settings,
      today: '2026-11-22',
      by: 'Sam',
      progress: '',
      render: async (kind, context) => {
        asked.push(context.record.id);
        const { renderPdf } = await import('#letters/render');
        const built = buildDueLetter(kind, context);
        return {
          bytes: await renderPdf(built.doc),
          fileName: built.fileName,
          kind: built.kind,
          name: built.name,
          also: built.also,
        };
      },
    });
    expect(asked).toEqual([ada.id]);
    expect(run.errors).toEqual([{ letter: due[0], message: reason, unprintable: due[0].unprintable }]);
    expect(letterMessageIn(en, 'en-GB', run.errors[0])).toBe(reason);
    expect(letterMessageIn(fr, 'fr-CA', run.errors[0])).toMatch(/^Cette lettre contient des caractères .*王, 小, 明/);
    await recordPrintRun(database, run, { today: '2026-11-22', by: 'Sam', printFileName: 'p.pdf' });
    expect(await database.letters.where('caseId').equals(wang.id).count()).toBe(0);
    expect((await lettersToPost(database, '2026-11-22', settings)).map((l) => l.caseId)).toEqual([wang.id]);
  });

  it('lists a large-print letter whose address the window cannot hold in 16 pt as cannot be printed, before any is made', async () => {
    const database = fresh();
    const long = { lines: ['Flat 2', '10 South Street', 'Mayfair', 'London'], postcode: 'W1K 1DE' };
    const florence = await createCase(
      database,
      parts({ customer: { name: 'Florence Nightingale', address: long }, communication: { largePrint: true } }),
      { settings, by: 'Sam', clock },
    );
    // The same address in standard print fits.
    const grace = await createCase(database, parts({ customer: { name: 'Grace Hopper', address: long } }), {
      settings,
      by: 'Sam',
      clock,
    });
    const due = await lettersToPost(database, '2026-11-22', settings);
    expect(due.map((l) => [l.caseId, l.refusal?.code])).toEqual([
      [florence.id, 'window-large-print'],
      [grace.id, undefined],
    ]);
    expect(due[0]!.cannotPrint).toMatch(/^In large print \(16 pt\) the envelope window holds 5 lines/);
    expect(letterMessageIn(fr, 'fr-CA', { letter: due[0]!, message: '', refusal: due[0]!.refusal })).toMatch(
      /^En gros caractères/,
    );
  });
});

describe('a letter the worker could not make, in the interface language (p8e)', () => {
  it('a refusal posted back by a worker is the same error again on the page', async () => {
    const { failureOf } = await import('./render-pool');
    const { LetterProblemError } = await import('./letter-problem');
    const { caseUnprintable, UnprintableError } = await import('#shared/letters/index');
    const said = failureOf({
      type: 'failed',
      id: 1,
      message: 'no-postal-address',
      said: { code: 'no-postal-address' },
    });
    expect(said).toBeInstanceOf(LetterProblemError);
    expect((said as InstanceType<typeof LetterProblemError>).said).toEqual({ code: 'no-postal-address' });
    const found = caseUnprintable({ customer: customer({ name: '王小明', address }) })!;
    const unprintable = failureOf({ type: 'failed', id: 2, message: 'x', unprintable: { found, what: 'letter' } });
    expect(unprintable).toBeInstanceOf(UnprintableError);
    expect((unprintable as InstanceType<typeof UnprintableError>).found).toEqual(found);
    const other = failureOf({ type: 'failed', id: 3, message: 'pdfmake: no such font' });
    expect(other).not.toBeInstanceOf(LetterProblemError);
    expect(other.message).toBe('pdfmake: no such font');
  });

  it('an unexpected failure is named in the catalogue’s sentence, its technical words as they came', async () => {
    const { makePrintFile } = await import('./batch');
    const database = fresh();
    await createCase(database, parts({}), { settings, by: 'Sam', clock });
    const due = await lettersToPost(database, '2026-11-22', settings);
    const run = await makePrintFile(database, due, {
      settings,
      today: '2026-11-22',
      by: 'Sam',
      progress: '',
      render: async () => {
        throw new Error('pdfmake: no such font');
      },
    });
    expect(run.errors.map((e) => e.message)).toEqual(['The letter could not be made: pdfmake: no such font']);
    expect(letterMessageIn(en, 'en-GB', run.errors[0])).toBe(run.errors[0].message);
    expect(letterMessageIn(fr, 'fr-CA', run.errors[0])).toBe(
      'La lettre n’a pas pu être produite\u00a0: pdfmake: no such font',
    );
  });

  it('a case whose clocks cannot be worked out: the engine’s words inside the sentence', async () => {
    const database = fresh();
    const ada = await createCase(database, parts({}), { settings, by: 'Sam', clock });
    const events = await readTimeline(database, ada.id);
    let thrown: unknown;
    try {
      buildDueLetter('acknowledgement', {
        record: { ...ada, procedureId: 'no-such-procedure' },
        events,
        settings,
        today: '2026-11-22',
        by: 'Sam',
        progress: '',
      });
    } catch (error) {
      thrown = error;
    }
    const { LetterProblemError } = await import('./letter-problem');
    expect(thrown).toBeInstanceOf(LetterProblemError);
    const said = (thrown as InstanceType<typeof LetterProblemError>).said;
    expect(said.code).toBe('no-clocks');
    const reason = said.values?.reason ?? '';
    expect(reason).not.toBe('');
    const letter = due0(ada);
    expect(letterMessageIn(en, 'en-GB', { letter, message: '', said })).toBe(
      `The clocks for this case cannot be worked out: ${reason}`,
    );
    expect(letterMessageIn(fr, 'fr-CA', { letter, message: '', said })).toBe(
      `Les délais de ce dossier ne peuvent pas être calculés\u00a0: ${reason}`,
    );
  });

  it('a letter to a representative with no postal address: said in the interface language, through a worker too', async () => {
    const { makePrintFile } = await import('./batch');
    const { failureOf } = await import('./render-pool');
    const { LetterRefusalError } = await import('#shared/letters/index');
    const database = fresh();
    const record = await createCase(
      database,
      parts({ representative: { name: 'Augusta Byron', relationship: 'mother' } }),
      { settings, by: 'Sam', clock },
    );
    const due = await lettersToPost(database, '2026-11-22', settings);
    expect(due.map((l) => l.caseId)).toEqual([record.id]);
    const run = await makePrintFile(database, due, { settings, today: '2026-11-22', by: 'Sam', progress: '' });
    const english = 'The representative (Augusta Byron) has no postal address: add one before issuing a letter.';
    expect(run.errors).toEqual([
      {
        letter: due[0],
        message: english,
        refusal: { code: 'representative-no-address', values: { name: 'Augusta Byron' } },
      },
    ]);
    expect(letterMessageIn(en, 'en-GB', run.errors[0])).toBe(english);
    expect(letterMessageIn(fr, 'fr-CA', run.errors[0])).toBe(
      'La personne représentante (Augusta Byron) n’a pas d’adresse postale\u00a0: ajoutez-en une avant de produire une lettre.',
    );
    const again = failureOf({ type: 'failed', id: 4, message: english, refusal: run.errors[0].refusal });
    expect(again).toBeInstanceOf(LetterRefusalError);
    expect(again.message).toBe(english);
  });
});

function due0(record: { id: string; reference: string }) {
  return {
    caseId: record.id,
    reference: record.reference,
    customerName: 'Ada Lovelace',
    kind: 'acknowledgement' as const,
    why: { kind: 'unacknowledged' as const, receivedOn: '2026-11-22' },
  };
}

describe('scheme facts to check before printing (explore27-rules F4)', () => {
  it('names the unverified facts the letters would print (CISAS: the postal address), with the cases, once', async () => {
    const database = fresh();
    const cisasDesk = deskSettings({ adrSchemeId: 'cisas' });
    const old = await createCase(database, parts({ receivedOn: '2026-10-01' }), {
      settings: cisasDesk,
      by: 'Sam',
      clock,
    });
    const other = await createCase(
      database,
      parts({ receivedOn: '2026-10-02', customer: customer({ name: 'Grace Hopper', address }) }),
      {
        settings: cisasDesk,
        by: 'Sam',
        clock,
      },
    );
    const due = await lettersToPost(database, '2026-11-22', cisasDesk);
    const checks = await schemeChecksFor(database, due, { settings: cisasDesk, today: '2026-11-22', by: 'Sam' });
    // The acknowledgements print CISAS's website and phone (verified); the ADR letters its postal address (not).
    expect(checks).toEqual([
      {
        check: {
          schemeId: 'cisas',
          schemeName: 'CISAS (Communications and Internet Services Adjudication Scheme)',
          website: 'www.cedr.com/consumer/cisas',
          facts: ['postalAddress'],
        },
        references: [old.reference, other.reference],
      },
    ]);
    // Read once for the letters listed; the letters ticked are grouped again without building anything.
    const facts = await schemeFactsOf(database, due, { settings: cisasDesk, today: '2026-11-22', by: 'Sam' });
    const onlyOther = due.filter((l) => l.caseId === other.id);
    expect(groupSchemeChecks(onlyOther, facts)).toEqual([{ check: checks[0].check, references: [other.reference] }]);
    expect(
      groupSchemeChecks(
        due.filter((l) => l.kind !== 'adr-letter'),
        facts,
      ),
    ).toEqual([]);
    // Under the Communications Ombudsman nothing printed is unverified.
    expect(await schemeChecksFor(database, due, { settings, today: '2026-11-22', by: 'Sam' })).toEqual([]);
  });
});
