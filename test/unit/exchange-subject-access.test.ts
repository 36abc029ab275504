// A subject-access bundle made from a real (fake-indexeddb) database, its summary rendered by pdfmake and read back
// with pdftotext, its letters compared byte for byte with the issued copies.
import 'fake-indexeddb/auto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase, recordLetterIssued, sha256Hex } from '#db/repositories/cases';
import { RedressDatabase } from '#db/schema';
import { addAttachments, removeAttachment } from '#db/repositories/attachments';
import { buildSubjectAccessBundle, findCustomerCases } from '#renderer/features/exchange/subject-access';
import { poppler, renderPdfInNode, waitForPoppler } from '#test/support/render-pdf-node';
import { deskSettings, JIVE, NORTHWIND } from '#test/support/desk';
import { withProviders } from '#shared/model/provider';
import { readTimeline } from '#db/timeline';
import { performAction } from '#db/repositories/case-actions';

const settings = deskSettings({ defaultProcedureId: 'kijoma', company: NORTHWIND });
const clock = { now: () => new Date('2026-11-20T10:00:00Z') };

let opened: RedressDatabase[] = [];
afterEach(async () => {
  for (const d of opened) {
    d.close();
    await d.delete();
  }
  opened = [];
});

describe('subject-access bundle', () => {
  it('finds the customer’s other cases, and bundles a readable summary, the exact letters and all the data', async () => {
    const database = new RedressDatabase(`exchange-sar-${process.pid}`);
    opened.push(database);
    const by = { settings, by: 'Sam Patel', clock };
    const ada = {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      address: { lines: ['12 St James Square', 'London'], postcode: 'SW1Y 4JH' },
    };
    const first = await createCase(
      database,
      {
        receivedOn: '2026-11-02',
        channel: 'letter',
        customer: ada,
        category: 'billing',
        summary: 'Charged twice for October',
      },
      by,
    );
    const second = await createCase(
      database,
      {
        receivedOn: '2026-11-18',
        channel: 'phone',
        customer: { name: 'A. Lovelace', email: 'ADA@example.com', phone: '020 7946 0000' },
        category: 'fault-repair',
        summary: 'Broadband drops every evening',
      },
      by,
    );
    const samePostcode = await createCase(
      database,
      {
        receivedOn: '2026-11-19',
        channel: 'email',
        customer: { name: 'ada lovelace', address: { lines: ['Flat 1'], postcode: 'sw1y4jh' } },
        category: 'sales',
        summary: 'Mis-sold contract',
      },
      by,
    );
    await createCase(
      database,
      {
        receivedOn: '2026-11-19',
        channel: 'email',
        customer: { name: 'Charles Babbage', email: 'charles@example.com' },
        category: 'sales',
        summary: 'Other person',
      },
      by,
    );

    const candidates = await findCustomerCases(database, first);
    expect(candidates.map((c) => [c.record.id, c.isStart, c.reasons])).toEqual([
      [first.id, true, []],
      [second.id, false, ['email']],
      [samePostcode.id, false, ['name and postcode']],
    ]);

    // Two issued letters with real PDF bytes.
    const letterBytes = await renderPdfInNode({
      pageSize: 'A4',
      pageMargins: 40,
      content: ['Dear Ms Lovelace, we have received your complaint.'],
    });
    await recordLetterIssued(
      database,
      first.id,
      {
        kind: 'acknowledgement',
        fileName: `${first.reference}-acknowledgement.pdf`,
        issuedOn: '2026-11-03',
        bytes: letterBytes,
        by: 'Sam Patel',
        summary: 'Acknowledgement letter issued',
      },
      clock,
    );
    const second2 = new Uint8Array([...letterBytes]);
    await recordLetterIssued(
      database,
      second.id,
      {
        kind: 'update',
        fileName: `${second.reference}-update.pdf`,
        issuedOn: '2026-11-19',
        bytes: second2,
        by: 'Sam Patel',
        summary: 'Update letter issued',
      },
      clock,
    );

    // Files kept on the cases (issue #18): a scanned letter and an email on the first; one on the second removed with
    // its file deleted (someone else's, uploaded by mistake), so the bundle lists it without bytes.
    const email = new TextEncoder().encode(
      'From: Ada Lovelace <ada@example.com>\r\nTo: complaints@northwind.example\r\nSubject: Bill\r\nDate: Mon, 2 Nov 2026 09:00:00 +0000\r\n\r\nCharged twice.\r\n',
    );
    const added = await addAttachments(
      database,
      first.id,
      [
        { fileName: 'scan.pdf', bytes: letterBytes, kind: 'customer-letter' },
        { fileName: 'bill email.eml', bytes: email, kind: 'email' },
      ],
      'Sam Patel',
      clock,
    );
    const mistaken = await addAttachments(
      database,
      second.id,
      [{ fileName: 'someone-else.pdf', bytes: second2, kind: 'other' }],
      'Sam Patel',
      clock,
    );
    expect([...added, ...mistaken].every((a) => a.ok)).toBe(true);
    const mistakenId = (mistaken[0] as { row: { id: string } }).row.id;
    await removeAttachment(
      database,
      mistakenId,
      { reason: 'Another customer’s letter', by: 'Sam Patel', deleteFile: true },
      clock,
    );

    // The desk confirms the first two (not the postcode match).
    const { bytes, fileName } = await buildSubjectAccessBundle(database, {
      start: first,
      caseIds: [first.id, second.id],
      requestReceivedOn: '2026-11-20',
      settings,
      by: 'Sam Patel',
      today: '2026-11-20',
      now: clock.now(),
      render: renderPdfInNode,
    });
    expect(fileName).toBe(`subject-access-${first.reference}-2026-11-20.zip`);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      `attachments/${first.reference}/bill email.eml`,
      `attachments/${first.reference}/scan.pdf`,
      'data.json',
      `letters/${first.reference}/${first.reference}-acknowledgement.pdf`,
      `letters/${second.reference}/${second.reference}-update.pdf`,
      'summary.pdf',
    ]);
    const stored = await database.letters.toArray();
    for (const letter of stored) {
      const inZip =
        files[`letters/${letter.fileName.replace(/-(acknowledgement|update)\.pdf$/, '')}/${letter.fileName}`];
      expect(await sha256Hex(inZip)).toBe(letter.sha256);
    }

    // Every file byte for byte as received.
    expect(await sha256Hex(files[`attachments/${first.reference}/scan.pdf`])).toBe(await sha256Hex(letterBytes));
    expect(await sha256Hex(files[`attachments/${first.reference}/bill email.eml`])).toBe(await sha256Hex(email));

    const data = JSON.parse(strFromU8(files['data.json']));
    type Listed = { fileName: string; path: string | null; sha256: string; deleted?: { fileDeleted: boolean } };
    expect(data.cases[0].attachments.map((a: Listed) => [a.fileName, a.path]).sort()).toEqual([
      ['bill email.eml', `attachments/${first.reference}/bill email.eml`],
      ['scan.pdf', `attachments/${first.reference}/scan.pdf`],
    ]);
    expect(data.cases[1].attachments.map((a: Listed) => [a.fileName, a.path, a.deleted?.fileDeleted])).toEqual([
      ['someone-else.pdf', null, true],
    ]);
    expect(data.request).toEqual({
      receivedOn: '2026-11-20',
      answerBy: '2026-12-20',
      timeLimit: 'one calendar month (UK GDPR, Article 12(3))',
    });
    expect(data.cases.map((c: { case: { id: string } }) => c.case.id)).toEqual([first.id, second.id]);
    for (const c of data.cases) {
      const record = await database.cases.get(c.case.id);
      expect(c.case).toEqual(record);
      const events = await readTimeline(database, c.case.id);
      expect(c.timeline).toHaveLength(events.length);
      expect(new Set(c.timeline.map((e: { id: string }) => e.id))).toEqual(new Set(events.map((e) => e.id)));
      expect(c.letters).toHaveLength(1);
    }
    expect(JSON.stringify(data)).not.toContain('Charles');
    expect(JSON.stringify(data)).not.toContain('Mis-sold');

    if (!(await waitForPoppler())) return;
    const dir = mkdtempSync(join(tmpdir(), 'redress-sar-'));
    writeFileSync(join(dir, 'summary.pdf'), files['summary.pdf']);
    const text = poppler('pdftotext', ['-layout', join(dir, 'summary.pdf'), '-']);
    // A UK provider's customer: the summary on A4, as the provider's letters are.
    expect(poppler('pdfinfo', [join(dir, 'summary.pdf')])).toMatch(/Page size: +595\.\d* x 841\.\d* pts \(A4\)/);
    for (const expected of [
      'Subject access request',
      'Ada Lovelace',
      'Northwind Broadband Ltd',
      '20 November 2026',
      '20 December 2026',
      'one calendar month',
      first.reference,
      second.reference,
      'Charged twice for October',
      'Broadband drops every evening',
      'Acknowledgement letter issued',
      `${first.reference}-acknowledgement.pdf`,
      'Files kept on this complaint (2, in this bundle)',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('Charles');
    const shots = join(process.cwd(), 'test/output/screenshots');
    mkdirSync(shots, { recursive: true }); // a clean clone has no output folder yet
    poppler('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      join(dir, 'summary.pdf'),
      join(shots, '70-subject-access-summary'),
    ]);
  });

  it('names the provider each complaint was about, in the summary and the data (#16)', async () => {
    const database = new RedressDatabase(`exchange-sar-providers-${process.pid}`);
    opened.push(database);
    // Northwind (the desk's first and usual provider) and Jive Canada on one desk.
    const twoProviders = withProviders(settings);
    twoProviders.providers = [...twoProviders.providers!, { id: 'jive', ...JIVE }];
    const by = { settings: twoProviders, by: 'Sam Patel', clock };
    const customer = { name: 'Béatrice Tremblay', email: 'beatrice@example.com' };
    const northwind = await createCase(
      database,
      { receivedOn: '2026-11-02', channel: 'email', customer, category: 'billing', summary: 'Charged twice' },
      by,
    );
    const jive = await createCase(
      database,
      { receivedOn: '2026-11-16', channel: 'email', customer, category: 'service', summary: 'Service coupé' },
      { ...by, providerId: 'jive' },
    );
    expect([northwind.providerId, jive.providerId]).toEqual(['first', 'jive']);

    // The summary as built (read before pdfmake lays it out: rendering adds its own fields to the nodes).
    let printed = '';
    const { bytes, request } = await buildSubjectAccessBundle(database, {
      start: jive,
      caseIds: [northwind.id, jive.id],
      requestReceivedOn: '2026-11-20',
      // Jive is the usual provider now: each case still names its own.
      settings: { ...twoProviders, defaultProviderId: 'jive' },
      by: 'Sam Patel',
      today: '2026-11-20',
      now: clock.now(),
      render: (doc) => {
        printed = JSON.stringify(doc.content);
        return renderPdfInNode(doc);
      },
    });
    expect(request.cases.map((c) => [c.record.reference, c.providerName])).toEqual([
      [northwind.reference, 'Northwind Broadband Ltd'],
      [jive.reference, 'Jive Canada'],
    ]);
    // The controller is the provider of the case the request was started from, and its region sets the paper: Jive
    // is Canadian, so US Letter, as Jive's letters are (the other case's provider being British changes nothing).
    expect(request.company.name).toBe('Jive Communications Canada');
    expect(request.paper).toBe('LETTER');
    // Béatrice chose no letter language: the summary is in Jive's usual one, French (Canada), as her letters are.
    expect(printed).toContain('{"text":"Fournisseur","bold":true},"Northwind Broadband Ltd"');
    expect(printed).toContain('{"text":"Fournisseur","bold":true},"Jive Canada"');
    const data = JSON.parse(strFromU8(unzipSync(bytes)['data.json']));
    expect(data.cases.map((c: { providerName: string }) => c.providerName)).toEqual([
      'Northwind Broadband Ltd',
      'Jive Canada',
    ]);
  });

  it('sets the summary in large print for a customer who asked for it: no text under 16 pt (explore34a Q3)', async () => {
    const database = new RedressDatabase(`exchange-sar-large-${process.pid}`);
    opened.push(database);
    const by = { settings, by: 'Sam Patel', clock };
    const record = await createCase(
      database,
      {
        receivedOn: '2026-11-02',
        channel: 'letter',
        customer: {
          name: 'Ada Lovelace',
          address: { lines: ['12 St James Square', 'London'], postcode: 'SW1Y 4JH' },
        },
        communication: { largePrint: true },
        category: 'billing',
        summary: 'Charged twice for October',
      },
      by,
    );
    const sizes: number[] = [];
    const { bytes, request } = await buildSubjectAccessBundle(database, {
      start: record,
      caseIds: [record.id],
      requestReceivedOn: '2026-11-20',
      settings,
      by: 'Sam Patel',
      today: '2026-11-20',
      now: clock.now(),
      render: (doc) => {
        const walk = (node: unknown): void => {
          if (Array.isArray(node)) node.forEach(walk);
          else if (node && typeof node === 'object')
            for (const [key, value] of Object.entries(node)) {
              if (key === 'fontSize' && typeof value === 'number') sizes.push(value);
              else walk(value);
            }
        };
        walk([doc.defaultStyle, doc.styles, doc.content, doc.footer?.(1, 2)]);
        return renderPdfInNode(doc);
      },
    });
    expect(request.largePrint).toBe(true);
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
    if (!(await waitForPoppler())) return;
    const dir = mkdtempSync(join(tmpdir(), 'redress-sar-large-'));
    const pdf = join(dir, 'summary.pdf');
    writeFileSync(pdf, unzipSync(bytes)['summary.pdf']!);
    if (process.env.SAR_PDF_OUT) writeFileSync(process.env.SAR_PDF_OUT, unzipSync(bytes)['summary.pdf']!);
    // pdffonts' sizes are not listed; the text is all there, at whatever pages it takes.
    const text = poppler('pdftotext', ['-layout', pdf, '-']);
    for (const expected of ['Ada Lovelace', record.reference, 'Charged twice for October'])
      expect(text).toContain(expected);
  });

  it('writes the summary in the customer’s letter language: French (Canada) for a French-speaking customer', async () => {
    const database = new RedressDatabase(`exchange-sar-french-${process.pid}`);
    opened.push(database);
    const desk = withProviders(settings);
    desk.providers = [...desk.providers!, { id: 'jive', ...JIVE, defaultLanguage: 'en-CA' }];
    const by = { settings: desk, by: 'Geneviève Bélanger', clock: { now: () => new Date('2026-12-06T15:00:00Z') } };
    // Jive writes in English (Canada) unless the customer says otherwise: Élodie asked for French.
    const elodie = await createCase(
      database,
      {
        receivedOn: '2026-11-30',
        channel: 'phone',
        customer: { name: 'Élodie Tremblay', email: 'elodie@example.com' },
        communication: { language: 'fr-CA' },
        category: 'billing',
        summary: 'Facturée deux fois',
      },
      { ...by, providerId: 'jive' },
    );
    // Escalated between Jive's built-in stages: said in French, as the French timeline says it (explore34a #1).
    await performAction(
      database,
      elodie.id,
      'escalate',
      { on: '2026-12-02', reason: 'Elle demande un cadre' },
      { by: 'Geneviève Bélanger', today: '2026-12-06', clock: by.clock },
    );
    let printed = '';
    const { bytes, request, fileName } = await buildSubjectAccessBundle(database, {
      start: elodie,
      caseIds: [elodie.id],
      requestReceivedOn: '2026-12-06',
      settings: desk,
      by: 'Geneviève Bélanger',
      today: '2026-12-06',
      now: by.clock.now(),
      render: (doc) => {
        printed = JSON.stringify(doc.content);
        expect(doc.language).toBe('fr-CA');
        return renderPdfInNode(doc);
      },
    });
    expect(request.language).toBe('fr-CA');
    // The bundle is named in her language too, as the summary in it.
    expect(fileName).toBe(`demande-acces-${elodie.reference}-2026-12-06.zip`);
    expect(printed).toContain('{"text":"Catégorie","bold":true},"Facturation"');
    expect(printed).toContain('{"text":"Comment lui écrire","bold":true},"Français (Canada)"');
    expect(printed).not.toContain('Subject access');
    expect(printed).not.toContain('Complaint received');
    expect(printed).toContain('Passage de l’étape Soutien à la clientèle à l’étape Cadre supérieur');
    expect(printed).toContain('{"text":"Étape","bold":true},"Cadre supérieur"');
    expect(printed).not.toMatch(/Escalated|Customer support|Senior manager/);
    // data.json stays the exact record, in English.
    const files = unzipSync(bytes);
    const data = JSON.parse(strFromU8(files['data.json']));
    expect(data.request).toEqual({
      receivedOn: '2026-12-06',
      answerBy: '2027-01-05',
      timeLimit: '30 days (PIPEDA, section 8(3))',
    });
    expect(data.cases[0].timeline[0].summary).toMatch(/^Complaint received/);
    // The PDF says it is in French (its catalogue's /Lang).
    expect(strFromU8(files['summary.pdf'], true)).toContain('/Lang (fr-CA)');

    if (!(await waitForPoppler())) return;
    const dir = mkdtempSync(join(tmpdir(), 'redress-sar-fr-'));
    writeFileSync(join(dir, 'summary.pdf'), files['summary.pdf']);
    const text = poppler('pdftotext', ['-layout', join(dir, 'summary.pdf'), '-']).replace(/\u00a0/g, ' ');
    // A Canadian provider's customer: the summary on US Letter (8 1/2 × 11 in), as Jive's letters are.
    expect(poppler('pdfinfo', [join(dir, 'summary.pdf')])).toMatch(/Page size: +612 x 792 pts \(letter\)/);
    if (process.env.SAR_PDF_OUT) writeFileSync(process.env.SAR_PDF_OUT, files['summary.pdf']);
    for (const expected of [
      'Demande d’accès : les renseignements personnels',
      '5 janvier 2027 : 30 jours (LPRPDE, paragraphe 8(3))',
      'Demande reçue le',
      '6 décembre 2026',
      '30 novembre 2026 par téléphone',
      'Catégorie',
      'Plainte reçue',
      'Français (Canada)',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toMatch(/Subject access|Answer by|PIPEDA|Category|2026-11-30/);
  });
});
