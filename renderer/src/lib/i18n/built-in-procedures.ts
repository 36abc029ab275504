// The words of a built-in procedure in the interface language (explore33-desk #4). A procedure's stage names, owners
// and acknowledgement are its own text (shared/rules/procedures.ts), in English; a desk's own procedure is shown as the
// desk wrote it. The built-in Canadian procedure is the one a French (Canada) desk works under, so its words are
// given here in French, keyed by the English they translate (taken from the procedure itself, so they cannot drift
// apart): a stage name, an owner, the acknowledgement's action and what it gives, wherever the screens show them
// (the case's stage, the case list, the next steps, the clocks' explanations, the escalation form, Settings).
// A copy of the procedure that keeps a text as it was is said in French too; a text the desk changed is its own.
import { JIVE_CA } from '#shared/rules/index';
import { languageOfLocale } from '#shared/model/dates';

const stage = (id: string) => JIVE_CA.stages.find((s) => s.id === id)!;

const FRENCH: ReadonlyMap<string, string> = new Map([
  [JIVE_CA.acknowledgement!.action!, 'Accuser réception de la plainte avec un numéro de suivi et un délai estimatif'],
  [
    JIVE_CA.acknowledgement!.what,
    'un accusé de réception avec un numéro de suivi, les étapes de l’enquête et un délai estimatif',
  ],
  [stage('customer-support').name, 'Soutien à la clientèle'],
  [stage('customer-support').owner, 'Soutien à la clientèle'],
  [stage('senior-manager').name, 'Cadre supérieur'],
  [stage('senior-manager').owner, 'Un cadre supérieur'],
  [stage('head-of-support').name, 'Responsable du soutien'],
  [stage('head-of-support').owner, 'Le responsable de l’équipe de soutien'],
  [stage('ccts').name, 'À la CPRST'],
  [stage('ccts').owner, 'Commission des plaintes relatives aux services de télécom-télévision (CPRST)'],
]);

/** A built-in procedure's text in the interface language (`locale`); any other text as it is. */
export function builtInWordsIn(locale: string, text: string): string {
  if (languageOfLocale(locale) !== 'fr') return text;
  return FRENCH.get(text) ?? text;
}
