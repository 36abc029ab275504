// Why a letter cannot be printed, in the interface language (issue #17): the same parts as shared's English refusal.
import { describe, expect, it } from 'vitest';
import {
  caseTextSources,
  caseUnprintable,
  documentPrintProblem,
  documentUnprintable,
  placedSource,
  unprintableMessage,
  UnprintableError,
} from '#shared/letters/index';
import { customer } from '#test/support/cases';
import { unprintableIn } from './printable';
import { en, fr } from '#test/support/translate';

const address = { lines: ['1 High Street', 'Leeds'], postcode: 'LS1 1AA' };

describe('why a letter cannot be printed, in the interface language', () => {
  it('says in English (UK) exactly what shared writes, and the same in French (Canada)', () => {
    expect(process.env.TZ).toBe('Europe/London');
    const found = caseUnprintable({ customer: customer({ name: 'محمد 😀', address }) })!;
    expect(found.where).toEqual(['the customer’s name']);
    expect(unprintableIn(en, 'en-GB', found)).toBe(unprintableMessage(found));
    expect(unprintableIn(fr, 'fr-CA', found)).toBe(
      'Cette lettre contient des caractères que la police des lettres ne peut pas imprimer\u00a0: ' +
        `${found.characters.map((c) => c.shown).join(', ')} (dans le nom de la personne). ` +
        'L’écriture de droite à gauche (comme l’arabe ou l’hébreu) ne peut pas être mise en page dans une lettre\u00a0: ' +
        'elle s’imprimerait dans le mauvais ordre. Les émojis ne peuvent pas être imprimés dans une lettre. ' +
        'Corrigez-le (par exemple, écrivez le nom en lettres latines) et produisez la lettre de nouveau.',
    );
  });

  it('names every place, joined the language’s way', () => {
    const found = caseUnprintable({
      customer: customer({ name: '😀', address: { ...address, lines: ['😀 Road'] } }),
      representative: { name: 'Rep 😀', address },
    } as never)!;
    expect(unprintableIn(en, 'en-GB', found)).toBe(unprintableMessage(found));
    expect(unprintableIn(fr, 'fr-CA', found)).toContain(
      '(dans le nom de la personne, l’adresse de la personne et le nom de la personne représentante).',
    );
  });

  // m17b: the subject-access summary's refusal (renderer/src/features/exchange/subject-access.ts).
  it('says the subject-access summary’s refusal in French, each case’s summary and timeline named', () => {
    const sources = [
      ...caseTextSources({ customer: customer({ name: 'Ann', address }) }),
      placedSource({ place: 'case-summary', reference: 'RDR-2026-000042' }, 'Panne 😀'),
      placedSource({ place: 'case-timeline', reference: 'RDR-2026-000042' }, 'Rappel'),
    ];
    const doc = { content: ['Ann', 'Panne 😀', 'Rappel'] };
    const found = documentUnprintable(doc, sources, 'summary')!;
    const error = new UnprintableError(found, 'summary');
    // English: the words the desk always had (one home: shared/letters/printable.ts).
    expect(error.message).toBe(documentPrintProblem(doc, sources, 'summary'));
    expect(error.message).toContain('(in the summary of RDR-2026-000042)');
    expect(unprintableIn(en, 'en-GB', found, 'summary')).toBe(error.message);
    expect(unprintableIn(fr, 'fr-CA', found, 'summary')).toBe(
      'Ce résumé contient des caractères que la police des lettres ne peut pas imprimer\u00a0: 😀 (dans le résumé du dossier RDR-2026-000042). ' +
        'Les émojis ne peuvent pas être imprimés dans un résumé. ' +
        'Corrigez-le (par exemple, écrivez le nom en lettres latines) et produisez le résumé de nouveau.',
    );
  });
});
