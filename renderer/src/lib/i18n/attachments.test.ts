// h17b: a refused attachment's reason in the interface language, from its codes (shared/files/refusals.ts): every
// code has its English and its French; a refused file is said in French with no English left, and in English as
// shared wrote its reason.
import { describe, expect, it } from 'vitest';
import { recogniseFile } from '#shared/files/recognise';
import {
  ATTACHMENT_REFUSAL_CODES,
  attachmentRefusal,
  attachmentRefusalInEnglish,
  type AttachmentRefusalCode,
  type AttachmentRefusalSaying,
} from '#shared/files/refusals';
import { setFormatLocale } from '../format';
import { attachmentRefusalIn } from './attachments';
import { enGB, frCA } from './index';
import { en, fr } from '#test/support/translate';

/** Words of the English refusals that must not be left on a French screen. */
const ENGLISH =
  /\b(the|is|not|this|file|accepts|its|an|or|whatever|cannot|tell|program|sound|has|name|read|already|added|by|choose|characters|empty|nothing|keep|damaged|older|only|accepted|book|at most|may|bytes|same)\b/i;

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const accepted = { code: 'accepted' } as const;

/** One saying for every code: each `what-…` and `claimed-…` put in the sentence it is said in. */
function everySaying(): AttachmentRefusalSaying[] {
  const piece = (code: AttachmentRefusalCode): AttachmentRefusalSaying =>
    code === 'what-opendocument' ? { code, values: { sort: 'formula' } } : { code };
  return ATTACHMENT_REFUSAL_CODES.map((code): AttachmentRefusalSaying => {
    if (code.startsWith('what-'))
      return {
        code: 'is-other-not-claimed',
        values: { what: piece(code), claimed: { code: 'claimed-pdf' }, accepted },
      };
    if (code.startsWith('claimed-')) return { code: 'not-claimed', values: { claimed: { code }, accepted } };
    switch (code) {
      case 'too-large':
        return { code, values: { size: { bytes: 30 * 1024 * 1024 }, max: 25 } };
      case 'note-too-long':
        return { code, values: { length: { number: 2001 }, max: { number: 2000 } } };
      case 'is-other':
        return { code, values: { what: { code: 'what-zip' }, accepted } };
      case 'is-other-not-claimed':
        return { code, values: { what: { code: 'what-gif' }, claimed: { code: 'claimed-png' }, accepted } };
      case 'not-claimed':
        return { code, values: { claimed: { code: 'claimed-docx' }, accepted } };
      case 'unknown':
        return { code, values: { accepted } };
      case 'unreadable':
        return { code, values: { error: 'NotReadableError' } };
      case 'already-on-case':
        return { code, values: { name: 'scan.jpg', by: 'Sam' } };
      default:
        return { code };
    }
  });
}

describe('a refused attachment in the interface language', () => {
  it('has every code in English (shared’s words) and in French', () => {
    for (const code of ATTACHMENT_REFUSAL_CODES) {
      expect(enGB[`attachmentRefusal.${code}`]).toBeTruthy();
      expect(frCA[`attachmentRefusal.${code}`]).toBeTruthy();
      expect(frCA[`attachmentRefusal.${code}`]).not.toBe(enGB[`attachmentRefusal.${code}`]);
    }
  });

  it('says every refusal in French with no English left, and in English as shared wrote it', () => {
    setFormatLocale('fr-CA');
    try {
      for (const said of everySaying()) {
        const french = attachmentRefusalIn(fr, said);
        expect(french, said.code).not.toMatch(ENGLISH);
        expect(french, said.code).not.toMatch(/[{}']/);
      }
    } finally {
      setFormatLocale('en-GB');
    }
    for (const said of everySaying())
      expect(attachmentRefusalIn(en, said), said.code).toBe(attachmentRefusalInEnglish(said));
  });

  it('says refused files in French, sizes and numbers the Québec way', () => {
    const program = recogniseFile(new Uint8Array([...ascii('MZ'), 0x90, 0, 3, 0, 0, 0]), 'invoice.pdf');
    const empty = recogniseFile(new Uint8Array(0), 'empty.pdf');
    const unknown = recogniseFile(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]), 'data.bin');
    const renamed = recogniseFile(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]), 'scan.jpg');
    if (program.ok || empty.ok || unknown.ok || renamed.ok) throw new Error('expected the files to be refused');
    for (const r of [program, empty, unknown, renamed]) expect(attachmentRefusalIn(en, r.said)).toBe(r.reason);
    expect(program.reason).toMatch(/^This file is a Windows program, not a PDF: Redress accepts PDF, /);
    const acceptedFr =
      'Redress accepte les PDF, les images JPEG, PNG, TIFF ou HEIC, le texte brut, les courriels (.eml, .msg), les documents Word (.docx), les classeurs Excel (.xlsx) et les textes OpenDocument (.odt).';
    expect(attachmentRefusalIn(fr, program.said)).toBe(
      `Ce fichier est un programme Windows, et non un PDF\u00a0: ${acceptedFr}`,
    );
    expect(attachmentRefusalIn(fr, empty.said)).toBe(
      'Ce fichier est vide (0\u00a0octet)\u00a0: il n’y a rien à conserver.',
    );
    expect(attachmentRefusalIn(fr, unknown.said)).toBe(
      `Redress ne peut pas déterminer la nature de ce fichier. ${acceptedFr}`,
    );
    expect(attachmentRefusalIn(fr, renamed.said)).toMatch(/^Ce fichier n’est pas une image JPEG\u00a0: son contenu/);

    const tooLarge = attachmentRefusal('too-large', { size: { bytes: 30 * 1024 * 1024 }, max: 25 });
    const noteLong = attachmentRefusal('note-too-long', { length: { number: 2001 }, max: { number: 2000 } });
    expect(tooLarge.reason).toBe('This file is 30.0 MB: a file may be at most 25 MB.');
    expect(attachmentRefusalIn(en, noteLong.said)).toBe('The note has 2,001 characters; at most 2,000.');
    setFormatLocale('fr-CA');
    try {
      expect(attachmentRefusalIn(fr, tooLarge.said)).toBe(
        'Ce fichier fait 30,0 Mo\u00a0: un fichier peut faire au plus 25\u00a0Mo.',
      );
      expect(attachmentRefusalIn(fr, noteLong.said)).toBe(
        'La note compte 2\u00a0001 caractères\u00a0; au plus 2\u00a0000.',
      );
    } finally {
      setFormatLocale('en-GB');
    }
  });
});
