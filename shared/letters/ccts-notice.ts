// Canada: the letter telling the customer about the CCTS once the complaint is still unresolved after the second
// level of escalation (REGULATION.md §2), or once we gave our final position before it (shared/rules/README.md), with
// the CCTS's details from the scheme directory.
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
  /**
   * Told because we gave our final position (a deadlock), not because a second level was reached: the letter says so,
   * and not that we keep working on the complaint.
   */
  afterFinalPosition?: boolean;
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
      paragraph(language, input.afterFinalPosition ? 'ccts.introFinalPosition' : 'ccts.intro', {
        receivedOn,
        schemeName,
      }),
      joinSentences(
        paragraph(language, 'ccts.about', { schemeName }),
        paragraph(language, 'adr.binding', { schemeName }),
      ),
      joinSentences(
        paragraph(language, input.afterFinalPosition ? 'ccts.fairChanceFinal' : 'ccts.fairChance', { schemeName }),
        paragraph(language, 'ccts.collection', { schemeName }),
      ),
      schemeContactSection(language, scheme, reference),
      handlerParagraph(basics),
    ],
    schemeNames,
    toCheck: schemeFactsToCheck(scheme, contactSectionFacts(scheme)),
  });
}
