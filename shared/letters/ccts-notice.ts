// Canada: the letter telling the customer about the CCTS once the complaint is still unresolved after the second
// level of escalation (REGULATION.md §2), with the CCTS's details from the scheme directory.
import { message, schemeNamesIn } from './catalogue';
import {
  caseLetter,
  type LetterBaseInput,
  type SchemeChoice,
  handlerParagraph,
  letterBasics,
  representativeOpening,
  contactSectionFacts,
  schemeContactSection,
  schemeFactsToCheck,
  schemeOn,
} from './common';
import type { LetterDocument } from './document';
import { joinSentences, paragraph } from './layout';

export interface CctsNoticeInput extends LetterBaseInput {
  /** The CCTS's directory id; 'ccts' when absent. */
  scheme?: SchemeChoice;
}

export function cctsNoticeLetter(input: CctsNoticeInput): LetterDocument {
  const basics = letterBasics({ ...input, language: input.language ?? 'en-CA' });
  const { language, reference, receivedOn } = basics;
  const scheme = schemeOn(input.scheme ?? { schemeId: 'ccts' }, input.issuedOn);
  if (scheme.country !== 'CA') throw new Error(`A CCTS notice names the CCTS, not ${scheme.name}.`);
  const schemeNames = schemeNamesIn(language, scheme);
  const schemeName = schemeNames.short;

  return caseLetter(input, basics, {
    title: message(language, 'ccts.title', { reference }),
    heading: message(language, 'ccts.heading', { schemeName }),
    body: [
      ...representativeOpening(basics),
      paragraph(language, 'ccts.intro', { receivedOn, schemeName }),
      joinSentences(
        paragraph(language, 'ccts.about', { schemeName }),
        paragraph(language, 'adr.binding', { schemeName }),
      ),
      joinSentences(
        paragraph(language, 'ccts.fairChance', { schemeName }),
        paragraph(language, 'ccts.collection', { schemeName }),
      ),
      schemeContactSection(language, scheme, reference),
      handlerParagraph(basics),
    ],
    schemeNames,
    toCheck: schemeFactsToCheck(scheme, contactSectionFacts(scheme)),
  });
}
