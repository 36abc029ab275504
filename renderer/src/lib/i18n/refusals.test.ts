// say9: the records' refusals (shared/model/refusals.ts) in the interface language: the English is shared's table,
// French its own words, every code in both; a provider's refusal is said through the same door.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { parseEmail } from '#shared/mail/parse';
import { EMAIL_PROBLEM_CODES, EMAIL_PROBLEMS_EN } from '#shared/mail/problems';
import { ProviderRefusal } from '#shared/model/provider';
import { RECORD_REFUSAL_CODES, RECORD_REFUSALS_EN, RecordRefusal } from '#shared/model/refusals';
import { en, fr } from '#test/support/translate';
import { enGB, frCA } from './index';
import { emailProblemIn, errorDetailIn, errorIn, refusalIn } from './refusals';

describe('the records’ refusals in the interface language', () => {
  it('has every code in English (shared’s words) and in French, with no English left', () => {
    for (const code of RECORD_REFUSAL_CODES) {
      expect(enGB[`recordRefusal.${code}`], code).toBe(RECORD_REFUSALS_EN[code].replaceAll("'", '’'));
      expect(frCA[`recordRefusal.${code}`], code).not.toMatch(/\b(the|this|case|letter|file|not|choose|enter)\b/i);
    }
  });

  it('says a refusal alone or inside a sentence, and an unexpected error as technical detail', () => {
    const refusal = new RecordRefusal('anonymised-no-files');
    expect(refusalIn(fr, refusal)).toBe('Ce dossier a été anonymisé\u00a0: on ne peut plus y joindre de fichier.');
    expect(errorDetailIn(fr, refusal)).toBe(refusalIn(fr, refusal));
    expect(errorIn(en, refusal)).toBe(refusal.message);
    const provider = new ProviderRefusal('no-desk');
    expect(errorIn(fr, provider)).toBe(
      'Configurez d’abord le service\u00a0: ses paramètres ne sont pas encore enregistrés.',
    );
    const unexpected = new TypeError('Failed to fetch');
    expect(refusalIn(fr, unexpected)).toBeNull();
    expect(errorDetailIn(fr, unexpected)).toBe('Failed to fetch');
    expect(errorIn(fr, unexpected)).toBe('Problème inattendu (détail technique)\u00a0: Failed to fetch');
    expect(errorIn(en, unexpected)).toBe('Unexpected problem (technical detail): Failed to fetch');
  });

  it('says the browser’s storage being full in plain words, alone or inside a sentence, not as technical detail', () => {
    const full = new Dexie.AbortError('Transaction aborted', new DOMException('', 'QuotaExceededError'));
    expect(errorIn(en, full)).toBe(
      'This computer has no room left for Redress’s data. Free some disk space (or ask your IT team to), then try again.',
    );
    expect(errorDetailIn(fr, full)).toBe(
      'Cet ordinateur n’a plus de place pour les données de Redress. Libérez de l’espace disque (ou demandez-le à votre service informatique), puis réessayez.',
    );
    expect(fr('restore.nothingRestored', { error: errorDetailIn(fr, full) })).toMatch(
      /^Rien n’a été restauré\u00a0: Cet ordinateur n’a plus de place/,
    );
  });
});

describe('why a file is not an email, in the interface language', () => {
  it('has every code in English (shared’s words) and in French', () => {
    for (const code of EMAIL_PROBLEM_CODES) {
      expect(enGB[`emailProblem.${code}`], code).toBe(EMAIL_PROBLEMS_EN[code].replaceAll("'", '’'));
      expect(frCA[`emailProblem.${code}`].replaceAll(/\{\w+\}/g, ''), code).not.toMatch(
        /\b(the|this|file|it|is|not|an)\b/i,
      );
    }
  });

  it('says each refused file in English (its error, word for word) and in French', async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const cases: Array<[Uint8Array, string, string]> = [
      [
        new Uint8Array(),
        'vide.eml',
        'Ce fichier n’est pas un courriel\u00a0: «\u00a0vide.eml\u00a0»\u00a0: le fichier est vide.',
      ],
      [
        Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]),
        'facture.pdf',
        'Ce fichier n’est pas un courriel\u00a0: «\u00a0facture.pdf\u00a0»\u00a0: ce n’est pas du texte avec des en-têtes de courriel (il contient des données binaires).',
      ],
      [
        enc('Bonjour,\nje me plains.'),
        'notes.txt',
        'Ce fichier n’est pas un courriel\u00a0: «\u00a0notes.txt\u00a0»\u00a0: il ne commence pas par des en-têtes de courriel (From:, To:, Subject:, Date:).',
      ],
      [
        enc('Note: rappeler\n\nDeux appels.'),
        'note.txt',
        'Ce fichier n’est pas un courriel\u00a0: «\u00a0note.txt\u00a0»\u00a0: ses lignes d’en-tête ne sont pas celles d’un courriel (aucun From:, To:, Subject: ni Date:).',
      ],
    ];
    for (const [bytes, name, french] of cases) {
      const result = await parseEmail(bytes, name);
      if (result.ok) throw new Error(`${name} was read as an email`);
      expect(emailProblemIn(en, result.said)).toBe(result.error);
      expect(emailProblemIn(fr, result.said)).toBe(french);
    }
    const old = await parseEmail(cfb, 'ancien.doc');
    if (old.ok) throw new Error('ancien.doc was read as an email');
    expect(emailProblemIn(en, old.said)).toBe(old.error);
    expect(emailProblemIn(fr, old.said)).toMatch(
      /^Ce fichier n’est pas un courriel( lisible)?\u00a0: «\u00a0ancien\.doc\u00a0»/,
    );
  });
});
