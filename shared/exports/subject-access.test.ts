import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CaseRecord, TimelineEvent } from '#shared/model/case';
import { caseRecord } from '#test/support/cases';
import {
  attachmentPaths,
  customerMatchReasons,
  letterPaths,
  subjectAccessAnswerBy,
  subjectAccessFileName,
  subjectAccessSummary,
  subjectAccessZip,
  type SubjectAccessRequest,
  voidedEntries,
  withoutEntriesLeftOut,
} from './subject-access';

describe('who is the same customer', () => {
  const ann = {
    name: 'Ann Lee',
    email: 'Ann.Lee@example.com',
    phone: '+44 113 496 0000',
    accountNumber: 'AC 998',
    address: { lines: ['1 High St'], postcode: 'LS1 1AA' },
  };
  it('matches on email (any case), phone (national or international form), account number (spaces ignored) or name + postcode', () => {
    expect(customerMatchReasons(ann, { name: 'A. Lee', email: 'ann.lee@EXAMPLE.com' })).toEqual(['email']);
    expect(customerMatchReasons(ann, { name: 'Someone', phone: '0113 496 0000' })).toEqual(['phone']);
    expect(customerMatchReasons(ann, { name: 'Someone', accountNumber: 'ac998' })).toEqual(['account number']);
    expect(
      customerMatchReasons(ann, { name: 'ANN  LEE', address: { lines: ['Elsewhere'], postcode: 'ls11aa' } }),
    ).toEqual(['name and postcode']);
    expect(customerMatchReasons(ann, { ...ann })).toEqual(['email', 'phone', 'account number', 'name and postcode']);
  });
  it('does not match on a name alone, a postcode alone, or empty details', () => {
    expect(customerMatchReasons(ann, { name: 'Ann Lee' })).toEqual([]);
    expect(
      customerMatchReasons(ann, { name: 'Bo Chen', address: { lines: ['1 High St'], postcode: 'LS1 1AA' } }),
    ).toEqual([]);
    expect(customerMatchReasons({ name: 'X', phone: '12' }, { name: 'Y', phone: '12' })).toEqual([]);
  });
});

describe('the answer-by date', () => {
  it('is one calendar month in the UK (the last day of a shorter month) and 30 days in Canada', () => {
    expect(subjectAccessAnswerBy('2026-11-18', 'england-and-wales')).toEqual({
      dueOn: '2026-12-18',
      law: 'uk-gdpr',
      rule: 'one calendar month (UK GDPR, Article 12(3))',
    });
    expect(subjectAccessAnswerBy('2027-01-31', 'scotland').dueOn).toBe('2027-02-28');
    expect(subjectAccessAnswerBy('2028-01-31', 'northern-ireland').dueOn).toBe('2028-02-29');
    expect(subjectAccessAnswerBy('2026-11-18', 'canada')).toEqual({
      dueOn: '2026-12-18',
      law: 'pipeda',
      rule: '30 days (PIPEDA, section 8(3))',
    });
    expect(subjectAccessAnswerBy('2027-01-31', 'canada').dueOn).toBe('2027-03-02');
  });
});

const record = (id: string, reference: string): CaseRecord =>
  caseRecord({ id, reference, customer: { name: 'Ann Lee', email: 'ann@example.com' } });
const letter = (id: string, caseId: string, fileName: string, bytes: number[]) => ({
  id,
  caseId,
  kind: 'acknowledgement',
  fileName,
  issuedOn: '2026-11-19',
  issuedAt: `2026-11-19T10:00:0${id.length}.000Z`,
  sha256: 'ab'.repeat(32),
  bytes: new Uint8Array(bytes),
});

const request: SubjectAccessRequest = {
  subject: { name: 'Ann Lee', email: 'ann@example.com' },
  cases: [
    {
      record: record('c1', 'RDR-2026-000001'),
      events: [
        {
          id: 'e1',
          caseId: 'c1',
          type: 'received',
          on: '2026-11-18',
          at: '2026-11-18T09:00:00.000Z',
          by: 'Sam',
          summary: 'Complaint received by letter',
        },
      ],
      letters: [
        letter('l1', 'c1', 'RDR-2026-000001-acknowledgement.pdf', [1, 2, 3]),
        letter('l2', 'c1', 'RDR-2026-000001-acknowledgement.pdf', [4, 5]),
      ],
    },
    { record: record('c2', 'RDR-2026-000002'), events: [], letters: [letter('l3', 'c2', '../../evil.pdf', [6])] },
  ],
  requestReceivedOn: '2026-11-20',
  calendar: 'england-and-wales',
  company: { name: 'Northwind Broadband Ltd', addressLines: ['Unit 4'], postcode: 'LS11 5PS' },
  preparedBy: 'Sam Patel',
  preparedOn: '2026-11-21',
  preparedAt: '2026-11-21T12:00:00.000Z',
};

describe('the bundle', () => {
  it('gives every letter its own path inside letters/<reference>/, never outside it', () => {
    expect([...letterPaths(request.cases).values()]).toEqual([
      'letters/RDR-2026-000001/RDR-2026-000001-acknowledgement.pdf',
      'letters/RDR-2026-000001/RDR-2026-000001-acknowledgement (2).pdf',
      'letters/RDR-2026-000002/evil.pdf',
    ]);
  });

  it('never gives two entries names that differ only in letter case (Windows and macOS would keep one)', () => {
    const cases = [
      {
        record: record('c1', 'RDR-2026-000001'),
        events: [],
        letters: [letter('l1', 'c1', 'Letter.pdf', [1]), letter('l2', 'c1', 'letter.pdf', [2])],
      },
    ];
    expect([...letterPaths(cases).values()]).toEqual([
      'letters/RDR-2026-000001/Letter.pdf',
      'letters/RDR-2026-000001/letter (2).pdf',
    ]);
  });

  it('names an attached file for what its bytes are, so it opens: a PDF added as photo.jpg is photo.pdf', () => {
    const attached = (id: string, fileName: string, fileType: 'pdf' | 'jpeg') => ({
      row: {
        id,
        caseId: 'c1',
        fileName,
        fileType,
        mime: fileType === 'pdf' ? 'application/pdf' : 'image/jpeg',
        size: 1,
        sha256: 'cd'.repeat(32),
        kind: 'evidence' as const,
        note: '',
        addedBy: 'Sam',
        addedAt: '2026-11-19T10:00:00.000Z',
      },
      bytes: new Uint8Array([1]),
    });
    const cases = [
      {
        record: record('c1', 'RDR-2026-000001'),
        events: [],
        letters: [],
        attachments: [attached('a1', 'photo.jpg', 'pdf'), attached('a2', 'photo.jpg', 'jpeg')],
      },
    ];
    expect([...attachmentPaths(cases).values()]).toEqual([
      'attachments/RDR-2026-000001/photo.pdf',
      'attachments/RDR-2026-000001/photo.jpg',
    ]);
  });

  it('builds every ZIP entry name from safe parts only, whatever the reference or file name holds', () => {
    const hostile = [
      '../../x',
      '..',
      '.',
      'a\\..\\b',
      '/etc/passwd',
      'C:\\Windows',
      'CON',
      'con .txt',
      '   ',
      'RDR-2026-000009 ',
      'Zoë/../../y',
    ];
    const cases = hostile.map((reference, i) => ({
      record: record(`h${i}`, reference),
      events: [],
      letters: [letter(`hl${i}`, `h${i}`, i % 2 ? '..\\..\\x.pdf' : '..', [i])],
    }));
    const paths = [...letterPaths(cases).values()];
    for (const path of paths) {
      const parts = path.split('/');
      expect(parts, path).toHaveLength(3);
      expect(parts[0]).toBe('letters');
      for (const part of parts.slice(1)) {
        expect(part, path).toMatch(/^[\p{L}\p{N}_(][\p{L}\p{N} ._()-]*$/u);
        expect(part, path).not.toMatch(/^\.{1,2}$|[. ]$|^(con|prn|aux|nul)( *\.|$)/i);
      }
    }
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths[0]).toBe('letters/_.._x/letter.pdf');
    expect(paths[6]).toBe('letters/_CON/letter.pdf');
    expect(paths[10]).toBe('letters/Zoë_.._.._y/letter.pdf');
    const files = unzipSync(subjectAccessZip({ ...request, cases }, new Uint8Array([37])));
    expect(
      Object.keys(files)
        .filter((name) => name.startsWith('letters/'))
        .sort(),
    ).toEqual([...paths].sort());
    expect(subjectAccessFileName('../../x', '2026-11-21')).toBe('subject-access-_.._x-2026-11-21.zip');
    // Named in the language of the summary inside (the customer's), in ASCII only.
    expect(subjectAccessFileName('RSL-2026-000001', '2026-12-06', 'fr-CA')).toBe(
      'demande-acces-RSL-2026-000001-2026-12-06.zip',
    );
    expect(subjectAccessFileName('RSL-2026-000001', '2026-12-06', 'en-CA')).toBe(
      'subject-access-RSL-2026-000001-2026-12-06.zip',
    );
  });

  it('zips the summary, the data and the letters byte for byte', () => {
    const files = unzipSync(subjectAccessZip(request, new Uint8Array([37, 80, 68, 70])));
    expect(Object.keys(files).sort()).toEqual([
      'data.json',
      'letters/RDR-2026-000001/RDR-2026-000001-acknowledgement (2).pdf',
      'letters/RDR-2026-000001/RDR-2026-000001-acknowledgement.pdf',
      'letters/RDR-2026-000002/evil.pdf',
      'summary.pdf',
    ]);
    expect([...files['letters/RDR-2026-000001/RDR-2026-000001-acknowledgement (2).pdf']]).toEqual([4, 5]);
    const data = JSON.parse(strFromU8(files['data.json']));
    expect(data).toMatchObject({
      format: 'redress-subject-access',
      version: 1,
      request: { receivedOn: '2026-11-20', answerBy: '2026-12-20' },
      subject: { name: 'Ann Lee' },
    });
    expect(data.cases).toHaveLength(2);
    expect(data.cases[0].case).toEqual(request.cases[0].record);
    expect(data.cases[0].timeline).toEqual(request.cases[0].events);
    expect(data.cases[0].letters[1]).toMatchObject({
      id: 'l2',
      bytes: 2,
      path: 'letters/RDR-2026-000001/RDR-2026-000001-acknowledgement (2).pdf',
    });
  });

  it('says in the summary when the answer is due, and lists each complaint, its timeline and its letters', () => {
    const doc = subjectAccessSummary(request);
    const text = JSON.stringify(doc.content);
    expect(text).toContain('20\u00a0December\u00a02026: one calendar month (UK GDPR, Article 12(3))');
    expect(text).toContain('Complaint RDR-2026-000001');
    expect(text).toContain('Complaint RDR-2026-000002');
    expect(text).toContain('Complaint received by letter');
    expect(text).toContain('letters/RDR-2026-000002/evil.pdf');
    expect(text).not.toContain('Business customer');
    // English (UK), as the desk records it: ISO dates in the timeline, the PDF tagged en-GB.
    expect(doc.language).toBe('en-GB');
    expect(text).toContain('Subject access request: the personal data we hold');
    expect(JSON.stringify(subjectAccessSummary({ ...request, language: 'en-GB' }))).toBe(JSON.stringify(doc));
  });

  it('writes a French (Canada) customer’s summary in French, its dates in words, its PDF tagged fr-CA', () => {
    const doc = subjectAccessSummary({ ...request, calendar: 'canada', language: 'fr-CA' });
    const text = JSON.stringify(doc.content);
    expect(doc.language).toBe('fr-CA');
    expect(text).toContain('Demande d’accès\u00a0: les renseignements personnels que nous détenons');
    expect(text).toContain('{"text":"Catégorie","bold":true}');
    expect(text).toContain('Plainte RDR-2026-000001');
    expect(text).toContain('20\u00a0novembre\u00a02026');
    expect(text).not.toMatch(/Subject access|Complaint RDR|Category/);
  });

  it('describes exactly what the bundle holds: no letters (nor letters folder) when none were sent', () => {
    const bundleSentence = (req: SubjectAccessRequest) =>
      (subjectAccessSummary(req).content as Array<{ text?: unknown }>)
        .map((c) => c.text)
        .find((t): t is string => typeof t === 'string' && /^(This bundle|Ce fichier contient)/.test(t));
    const noLetters = { ...request, cases: request.cases.map((c) => ({ ...c, letters: [] })) };
    // With no letters, the ZIP has no letters folder at all.
    const files = unzipSync(subjectAccessZip(noLetters, new Uint8Array([37])));
    expect(Object.keys(files).sort()).toEqual(['data.json', 'summary.pdf']);
    expect(bundleSentence(noLetters)).toBe(
      'This bundle holds this summary (summary.pdf) and every record about these complaints as a machine-readable file ' +
        '(data.json): the details we were given, each step of the complaint, who recorded it and when.',
    );
    expect(bundleSentence({ ...noLetters, calendar: 'canada', language: 'fr-CA' })).toBe(
      'Ce fichier contient ce résumé (summary.pdf) et tous les renseignements sur ces plaintes dans un fichier lisible ' +
        'par machine (data.json)\u00a0: les renseignements qui nous ont été fournis, chaque étape de la plainte, qui ' +
        'l’a inscrite et quand.',
    );
    // No letters but a file kept: the summary, the file and the data.
    const kept = {
      row: {
        id: 'a1',
        caseId: 'c1',
        fileName: 'bill.pdf',
        fileType: 'pdf' as const,
        mime: 'application/pdf',
        size: 1,
        sha256: 'cd'.repeat(32),
        kind: 'evidence' as const,
        note: '',
        addedBy: 'Sam',
        addedAt: '2026-11-19T10:00:00.000Z',
      },
      bytes: new Uint8Array([1]),
    };
    const withFile = { ...noLetters, cases: [{ ...noLetters.cases[0], attachments: [kept] }] };
    expect(bundleSentence(withFile)).toBe(
      'This bundle holds this summary (summary.pdf), the file kept on your complaints exactly as received (in the ' +
        'attachments folder), and every record about these complaints as a machine-readable file (data.json): the ' +
        'details we were given, each step of the complaint, who recorded it and when.',
    );
    expect(bundleSentence({ ...withFile, language: 'fr-CA' })).toBe(
      'Ce fichier contient ce résumé (summary.pdf), le fichier conservé dans vos plaintes, tel que nous l’avons ' +
        'reçu (dans le dossier attachments), et tous les renseignements sur ces plaintes dans un fichier lisible par ' +
        'machine (data.json)\u00a0: les renseignements qui nous ont été fournis, chaque étape de la plainte, qui ' +
        'l’a inscrite et quand.',
    );
    // One letter and many.
    const oneLetter = { ...request, cases: [request.cases[1]] };
    expect(bundleSentence(oneLetter)).toBe(
      'This bundle holds this summary (summary.pdf), the letter we sent exactly as issued (in the letters folder), and ' +
        'every record about these complaints as a machine-readable file (data.json): the details we were given, each ' +
        'step of the complaint, who recorded it and when.',
    );
    expect(bundleSentence(request)).toContain('This bundle holds this summary (summary.pdf), the 3 letters we sent');
    expect(bundleSentence({ ...oneLetter, language: 'fr-CA' })).toContain(
      'Ce fichier contient ce résumé (summary.pdf), la lettre que nous avons envoyée, telle qu’elle a été ' +
        'produite (dans le dossier letters), et tous les renseignements',
    );
    // One letter or file is singular in French too (« telle qu’elle a été produite », « tel que nous l’avons reçu »).
    expect(bundleSentence({ ...request, language: 'fr-CA' })).toContain(
      'les 3 lettres que nous avons envoyées, telles qu’elles ont été produites (dans le dossier letters)',
    );
  });

  it('names the provider each complaint was about (#16)', () => {
    const [first, second] = request.cases;
    const doc = subjectAccessSummary({ ...request, cases: [{ ...first, providerName: 'Jive Canada' }, second] });
    const text = JSON.stringify(doc.content);
    expect(text).toContain('{"text":"Provider","bold":true},"Jive Canada"');
    expect(JSON.stringify(subjectAccessSummary(request).content)).not.toContain('"Provider"');
  });

  it('keeps a voided entry in the timeline, marked voided with when and by whom (#15)', () => {
    const base = request.cases[0];
    const note = { ...base.events[0], id: 'e2', type: 'note' as const, summary: 'Called the wrong customer' };
    const voided = {
      ...base.events[0],
      id: 'e3',
      type: 'voided' as const,
      on: '2026-11-19',
      by: 'Kim',
      summary: 'Voided the note',
      data: { entryId: 'e2', reason: 'Wrong case' },
    };
    const text = JSON.stringify(
      subjectAccessSummary({ ...request, cases: [{ ...base, events: [...base.events, note, voided] }] }).content,
    );
    expect(text).toContain('Called the wrong customer [voided on 2026-11-19 by Kim]');
    expect(text).toContain('Voided the note');
  });

  it("gives a business customer's size as recorded (it is their data too)", () => {
    const business = {
      ...request.cases[0],
      record: { ...record('c1', 'RDR-2026-000001'), customer: { name: 'Ann Lee', isBusiness: true, employees: 1200 } },
    };
    const text = JSON.stringify(subjectAccessSummary({ ...request, cases: [business] }).content);
    expect(text).toContain('Business customer');
    expect(text).toContain('Yes, 1,200 employees');
  });
});

describe('voided entries about someone else', () => {
  const entry = (id: string, type: string, summary: string, data?: TimelineEvent['data']): TimelineEvent => ({
    id,
    caseId: 'c1',
    type: type as TimelineEvent['type'],
    on: '2026-11-20',
    at: `2026-11-20T10:00:0${id.slice(1)}.000Z`,
    by: 'Sam',
    summary,
    ...(data ? { data } : {}),
  });
  const events = [
    entry('e1', 'received', 'Complaint received by letter'),
    entry('e2', 'note', 'Her neighbour Bob Smith has the same fault'),
    entry('e3', 'note', 'Called twice'),
    entry('e4', 'voided', 'Voided “Her neighbour Bob Smith…”: wrong case', {
      entryId: 'e2',
      reason: 'Recorded on the wrong case',
      aboutSomeoneElse: true,
    }),
    entry('e5', 'voided', 'Voided “Called twice”: typed twice', { entryId: 'e3', reason: 'Typed twice' }),
  ];

  it('lists each voided entry with its void, saying which the void marked as about someone else', () => {
    expect(voidedEntries(events).map((v) => [v.entry.id, v.void.id, v.aboutSomeoneElse])).toEqual([
      ['e2', 'e4', true],
      ['e3', 'e5', false],
    ]);
  });

  it('leaves out the entries chosen with their voids, which quote them; never an entry that counts', () => {
    const kept = withoutEntriesLeftOut(events, new Set(['e2', 'e1']));
    expect(kept.map((e) => e.id)).toEqual(['e1', 'e3', 'e5']);
    expect(JSON.stringify(kept)).not.toContain('Bob Smith');
    expect(withoutEntriesLeftOut(events, new Set()).map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
  });

  it('builds the bundle from what is kept: the data and the summary hold nothing of the entry left out', () => {
    const left: SubjectAccessRequest = {
      ...request,
      cases: [{ ...request.cases[0], events: withoutEntriesLeftOut(events, new Set(['e2'])) }],
    };
    const files = unzipSync(subjectAccessZip(left, new Uint8Array([1])));
    expect(strFromU8(files['data.json'])).not.toContain('Bob Smith');
    expect(strFromU8(files['data.json'])).toContain('Called twice');
    expect(JSON.stringify(subjectAccessSummary(left))).not.toContain('Bob Smith');
  });
});
