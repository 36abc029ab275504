// Every sentence Redress puts in a letter, per language, with `{name}` placeholders, and how each language writes a
// date. Letter builders never hold wording of their own: they pick keys from here, so a new language is one new
// entry in LANGUAGES and a reviewer can read every word a customer will see in one file.
import { format } from 'date-fns';
import type { Locale } from 'date-fns';
import { enCA } from 'date-fns/locale/en-CA';
import { enGB } from 'date-fns/locale/en-GB';
import { frCA } from 'date-fns/locale/fr-CA';
import type { Channel, CustomerTitle } from '#shared/model/case';
import { elideBefore, type Elision, FRENCH_ELISION } from '#shared/model/elision';
import { adrSchemeNameIn, type AdrSchemeLocalNames } from '#shared/rules/adr-schemes';

/** British English. The source language: its keys and placeholders are the contract every other language meets. */
const EN_GB = {
  // Letterhead, information block and footer
  'letterhead.phone': 'Phone {phone}',
  'letterhead.email': 'Email {email}',
  'info.ourReference': 'Our reference',
  'info.accountNumber': 'Your account number',
  'info.date': 'Date',
  'footer.reference': 'Our reference: {reference}',
  'footer.page': 'Page {page} of {pages}',

  // Under the signature (the sign-off above it is the language pack's `people`, beside the greeting it answers:
  // ./salutation.ts)
  'letter.signatureRole': 'Complaints team, {companyName}',
  'letter.copyTo': 'cc: {customerName} (our customer)',
  'letter.copyNotice':
    'Copy for {customerName}. We have sent this letter to {representativeName}, who is acting for you.',
  'letter.copyTitle': 'copy for the customer',

  // How a complaint reached us, as words that follow "by"/"through" naturally in a sentence
  'channel.phone': 'by phone',
  'channel.email': 'by email',
  'channel.web': 'through our website',
  'channel.letter': 'by letter',
  'channel.in-person': 'in person',
  'channel.chat': 'through online chat',

  // Acknowledgement letter
  'ack.title': 'Acknowledgement of complaint {reference}',
  'ack.heading.customer': 'We have received your complaint',
  'ack.heading.representative': 'We have received the complaint about {customerName}’s account',
  'ack.intro.customer': 'Thank you for telling us what went wrong. We are sorry you have had to complain.',
  'ack.intro.representative':
    'We are writing to you because you are acting for {customerName}. We are sending {customerObject} a copy of this letter.',
  'ack.received.customer': 'We received your complaint {channel} on {receivedOn}.',
  'ack.received.representative': 'We received the complaint {channel} on {receivedOn}.',
  'ack.quoteReference': 'Your complaint reference is {reference}. Please quote it whenever you contact us about it.',

  'ack.next.heading': 'What happens next',
  'ack.next.handler': 'I am looking after the complaint.',
  'ack.next.procedure': 'We will deal with it under our {procedureName}.',
  'ack.next.replyBy':
    'We will reply to you by {firstResponseDueOn}. If we need more time, we will tell you why and when you can expect our reply.',
  'ack.next.replySoon': 'We will reply to you as soon as we can, and we will keep you informed.',
  'ack.next.addMore':
    'If you have anything to add, or a question, contact us using the details at the top of this letter.',

  'ack.escalate.heading': 'If you are unhappy with how we are handling it',
  'ack.escalate.default': 'You can ask for a manager to review the complaint at any time. Just contact us.',

  'ack.adr.heading': 'Independent help, free of charge',
  'ack.adr.fromDate.scheme':
    'If the complaint is not resolved by {adrAvailableOn}, you can ask {schemeName} to look at it. You can do this sooner if we tell you in writing that we cannot do any more. {schemeName} is independent of us and free for you to use.',
  'ack.adr.fromDate.noScheme':
    'If the complaint is not resolved by {adrAvailableOn}, you can ask an independent ombudsman scheme to look at it, free of charge. You can do this sooner if we tell you in writing that we cannot do any more. We will write to you with the scheme’s details.',
  'ack.adr.now.scheme':
    'You can already ask {schemeName} to look at the complaint. {schemeName} is independent of us and free for you to use.',
  'ack.adr.now.noScheme':
    'You can already ask an independent ombudsman scheme to look at the complaint, free of charge. We will write to you with the scheme’s details.',
  'ack.adr.noDate.scheme':
    'If we cannot resolve the complaint, we will write to tell you how to take it to {schemeName}, which is independent of us and free for you to use.',
  'ack.adr.noDate.noScheme':
    'If we cannot resolve the complaint, we will write to tell you how to take it to an independent ombudsman scheme, free of charge.',
  'ack.adr.contact': 'Website: {website}    Phone: {phone}',

  'ack.formats.heading': 'This letter in another format',
  'ack.formats.offer': 'We can send you our letters in large print, in Braille or as audio.',
  // The relay service follows where the provider is, not the letter's language (acknowledgement.ts): Relay UK's
  // prefix in the UK, 711 in Canada.
  'ack.formats.relay.UK':
    'If you find it hard to hear or speak on the phone, you can call us through text relay: dial 18001 before our number.',
  'ack.formats.relay.CA':
    'If you are Deaf, hard of hearing or have a speech disability, you can reach us through a relay service (dial 711).',
  'ack.formats.ask': 'Just tell us what you need.',

  // Shared by the letters after the acknowledgement
  'letter.representative':
    'We are writing to you because you are acting for {customerName}. We are sending {customerObject} a copy of this letter.',
  'letter.handler':
    'I am handling the complaint. If you have a question, contact me using the details at the top of this letter and quote our reference, {reference}.',

  // The independent scheme (ADR): what it is, how to reach it, and the time limit. Details come from the directory.
  'adr.about': '{schemeName} is independent of us. It is free for you to use.',
  'adr.outOfScope':
    '{schemeName} only looks at complaints from individuals and from businesses with {maxEmployees} or fewer employees. As your business has {employees} employees, it cannot look at this complaint.',
  'adr.binding':
    'A decision by {schemeName} binds us only if you accept it. If you do not accept it, you keep your other rights, for example to go to court.',
  'adr.limit':
    'You have {referralMonths} months from the date of this letter to ask {schemeName} to look at the complaint: until {referralDeadline}. After that it may not be able to help.',
  'adr.contact.heading': 'How to contact {schemeName}',
  'adr.contact.intro': 'Quote our reference, {reference}.',
  'adr.contact.website': 'Website: {website}',
  'adr.contact.phone': 'Phone: {phone}',
  'adr.contact.textphone': 'Textphone: {textphone}',
  'adr.contact.email': 'Email: {email}',
  'adr.contact.post': 'Post: {address}',
  'adr.contact.formerly': '({schemeName} was formerly called {formerName}.)',

  // ADR letter (after a set number of weeks, or when we have given our final position)
  'adrLetter.title': 'Your right to independent help: complaint {reference}',
  'adrLetter.heading': 'You can now take the complaint to {schemeName}',
  'adrLetter.time.intro':
    'We received the complaint on {receivedOn}. We have not been able to resolve it within {weeks} weeks, so you can now ask an independent scheme to look at it.',
  'adrLetter.time.progressHeading': 'Where things stand',
  /** The progress a batch's ADR letter gives when the desk wrote none for it ("Letters to post today"). */
  'adrLetter.time.stillLooking': 'We are still looking into your complaint.',
  'adrLetter.time.continue':
    'We will keep working on the complaint. Going to {schemeName} does not stop us putting things right.',
  'adrLetter.final.intro':
    'We received the complaint on {receivedOn}. We have looked at it fully and we cannot do any more to resolve it. This letter sets out our final position and how you can ask an independent scheme to look at it.',
  'adrLetter.final.heading': 'Our final position',
  'adrLetter.help.heading': 'Independent help, free of charge',
  'adrLetter.help.now': 'You can ask {schemeName} to look at the complaint now.',

  // Holding / update letter
  'update.title': 'Update on complaint {reference}',
  'update.heading': 'An update on the complaint',
  'update.intro':
    'We are still working on the complaint we received on {receivedOn}. We are sorry it is taking longer than we hoped, and we want to tell you where things stand.',
  'update.progress.heading': 'What we have done so far',
  'update.next.heading': 'What happens next',
  'update.next.by': 'We expect to reply in full by {nextUpdateOn}. If that changes, we will tell you why.',
  'update.next.soon': 'We will write again as soon as we have more to tell you.',
  'update.adr.fromDate':
    'If the complaint is not resolved by {adrAvailableOn}, you can ask {schemeName} to look at it. We will write to you with the details.',
  'update.adr.now': 'You can already ask {schemeName} to look at the complaint.',

  // Final response letter
  'final.title': 'Our final response to complaint {reference}',
  'final.heading': 'Our final response',
  'final.intro':
    'Thank you for your patience while we looked into the complaint we received on {receivedOn}. This letter is our final response.',
  'final.outcome.heading': 'What we found',
  'final.done.heading': 'What we have done',
  'final.remedy.heading': 'Putting things right',
  'final.adr.heading': 'If you are not happy with our response',
  'final.adr.fromDate': 'You can ask {schemeName} to look at the complaint from {adrAvailableOn}.',
  'final.adr.now': 'You can ask {schemeName} to look at the complaint now.',

  // Canada: telling the customer about the CCTS
  'ccts.title': 'Independent help from the CCTS: complaint {reference}',
  'ccts.heading': 'You can take the complaint to {schemeName}',
  'ccts.intro':
    'We received the complaint on {receivedOn}. It has now been reviewed at a second level with us and is still not resolved. You can ask {schemeName} for help.',
  'ccts.introFinalPosition':
    'We received the complaint on {receivedOn}. We have looked at it fully and given you our final position: we cannot do any more to resolve it. You can ask {schemeName} for help.',
  'ccts.about': '{schemeName} is independent of telecom and TV providers. Its service is free for you.',
  'ccts.fairChance':
    'You have given us a fair chance to resolve the complaint, so you can contact {schemeName} now. We will keep working on it in the meantime.',
  'ccts.fairChanceFinal':
    'You have given us a fair chance to resolve the complaint, so you can contact {schemeName} now.',
  'ccts.collection': 'While an amount you dispute is with {schemeName}, we will not try to collect it.',

  // Summary resolution communication (financial services)
  'summary.title': 'Complaint {reference} resolved',
  'summary.heading': 'We have resolved the complaint',
  'summary.intro':
    'Thank you for contacting us on {receivedOn}. We believe we resolved the complaint on {resolvedOn}, as we agreed with you.',
  'summary.what.heading': 'What we agreed',
  'summary.adr.heading': 'If you change your mind',
  'summary.adr':
    'If you later become unhappy with how we resolved the complaint, you may be able to ask {schemeName} to look at it. It is independent of us and free for you to use.',
} as const;

type SourceMessages = typeof EN_GB;
export type MessageKey = keyof SourceMessages;
/** Every language supplies every key. */
export type Messages = { readonly [K in MessageKey]: string };

/** The placeholder names used in a message template, worked out from the template text itself. */
export type PlaceholdersOf<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;
/** What a message needs filled in: `vars` must name every placeholder of the British English template. */
export type MessageVars<K extends MessageKey> = { readonly [P in PlaceholdersOf<SourceMessages[K]>]: string };

/** Canadian English: Canadian spelling and dates; the CCTS and relay services rather than UK schemes. */
const EN_CA: Messages = {
  ...EN_GB,
  'ack.adr.heading': 'Independent help, free of charge',
  'ack.adr.fromDate.noScheme':
    'If the complaint is not resolved by {adrAvailableOn}, you can ask an independent complaints agency to look at it, free of charge. You can do this sooner if we tell you in writing that we cannot do any more. We will write to you with its details.',
  'ack.adr.now.noScheme':
    'You can already ask an independent complaints agency to look at the complaint, free of charge. We will write to you with its details.',
  'ack.adr.noDate.noScheme':
    'If we cannot resolve the complaint, we will write to tell you how to take it to an independent complaints agency, free of charge.',
  'adr.binding':
    'A decision by {schemeName} binds us only if you accept it. If you do not accept it, you keep your other rights, for example to go to court.',
  'adr.contact.post': 'Mail: {address}',
  'adr.contact.textphone': 'TTY: {textphone}',
  'adrLetter.time.continue':
    'We will keep working on the complaint. Going to {schemeName} does not stop us from making things right.',
  'update.intro':
    'We are still working on the complaint we received on {receivedOn}. We are sorry it is taking longer than we hoped, and we want to let you know where things stand.',
  'final.remedy.heading': 'Making things right',
};

/** Canadian French (français canadien). */
const FR_CA: Messages = {
  'letterhead.phone': 'Téléphone {phone}',
  'letterhead.email': 'Courriel {email}',
  'info.ourReference': 'Notre référence',
  'info.accountNumber': 'Votre numéro de compte',
  'info.date': 'Date',
  // French typography: a non-breaking space before a colon, so the colon never starts a line.
  'footer.reference': 'Notre référence\u00a0: {reference}',
  'footer.page': 'Page {page} sur {pages}',

  'letter.signatureRole': 'Service des plaintes, {companyName}',
  'letter.copyTo': 'c. c.\u00a0: {customerName} (titulaire du compte)',
  'letter.copyNotice':
    'Copie pour {customerName}. Nous avons envoyé cette lettre à {representativeName}, qui agit en votre nom.',
  'letter.copyTitle': 'copie pour la personne titulaire du compte',

  'channel.phone': 'par téléphone',
  'channel.email': 'par courriel',
  'channel.web': 'sur notre site Web',
  'channel.letter': 'par la poste',
  'channel.in-person': 'en personne',
  'channel.chat': 'par clavardage',

  'ack.title': 'Accusé de réception de votre plainte {reference}',
  'ack.heading.customer': 'Nous avons bien reçu votre plainte',
  'ack.heading.representative': 'Nous avons bien reçu votre plainte concernant le compte de {customerName}',
  'ack.intro.customer':
    'Merci de nous avoir fait part de ce qui n’a pas fonctionné. Nous regrettons que vous ayez dû porter plainte.',
  'ack.intro.representative':
    'Nous vous écrivons parce que vous agissez au nom de {customerName}. Nous envoyons aussi une copie de cette lettre à {customerObject}.',
  'ack.received.customer': 'Nous avons reçu votre plainte {channel} le {receivedOn}.',
  'ack.received.representative': 'Nous avons reçu votre plainte {channel} le {receivedOn}.',
  'ack.quoteReference':
    'Votre plainte porte notre référence {reference}. Veuillez l’indiquer chaque fois que vous communiquez avec nous à ce sujet.',

  'ack.next.heading': 'Prochaines étapes',
  'ack.next.handler': 'Je m’occupe de votre plainte.',
  'ack.next.procedure': 'Nous la traiterons selon notre {procedureName}.',
  'ack.next.replyBy':
    'Nous vous répondrons d’ici le {firstResponseDueOn}. S’il nous faut plus de temps, nous vous dirons pourquoi et à quel moment vous pourrez vous attendre à recevoir notre réponse.',
  'ack.next.replySoon': 'Nous vous répondrons dès que possible et nous vous tiendrons au courant.',
  'ack.next.addMore':
    'Si vous avez quelque chose à ajouter ou une question, communiquez avec nous aux coordonnées indiquées en haut de cette lettre.',

  'ack.escalate.heading': 'Si la façon dont nous traitons votre plainte ne vous convient pas',
  'ack.escalate.default':
    'Vous pouvez demander en tout temps qu’un gestionnaire examine votre plainte. Il suffit de nous le dire.',

  'ack.adr.heading': 'Une aide indépendante et gratuite',
  'ack.adr.fromDate.scheme':
    'Si votre plainte n’est pas réglée d’ici le {adrAvailableOn}, vous pourrez demander à {schemeName} de l’examiner. Vous pouvez le faire plus tôt si nous vous disons par écrit que nous ne pouvons rien faire de plus. {schemeName} ne dépend pas de nous et ses services sont gratuits pour vous.',
  'ack.adr.fromDate.noScheme':
    'Si votre plainte n’est pas réglée d’ici le {adrAvailableOn}, vous pourrez demander gratuitement à un organisme indépendant de l’examiner. Vous pouvez le faire plus tôt si nous vous disons par écrit que nous ne pouvons rien faire de plus. Nous vous écrirons pour vous donner ses coordonnées.',
  'ack.adr.now.scheme':
    'Vous pouvez déjà demander à {schemeName} d’examiner votre plainte. {schemeName} ne dépend pas de nous et ses services sont gratuits pour vous.',
  'ack.adr.now.noScheme':
    'Vous pouvez déjà demander gratuitement à un organisme indépendant d’examiner votre plainte. Nous vous écrirons pour vous donner ses coordonnées.',
  'ack.adr.noDate.scheme':
    'Si nous ne pouvons pas régler votre plainte, nous vous écrirons pour vous expliquer comment la soumettre à {schemeName}, qui ne dépend pas de nous et dont les services sont gratuits pour vous.',
  'ack.adr.noDate.noScheme':
    'Si nous ne pouvons pas régler votre plainte, nous vous écrirons pour vous expliquer comment la soumettre gratuitement à un organisme indépendant.',
  'ack.adr.contact': 'Site Web\u00a0: {website}    Téléphone\u00a0: {phone}',

  'ack.formats.heading': 'Cette lettre dans un autre format',
  'ack.formats.offer': 'Nous pouvons vous envoyer nos lettres en gros caractères, en braille ou en format audio.',
  'ack.formats.relay.UK':
    'Si vous avez du mal à entendre ou à parler au téléphone, vous pouvez nous appeler par le service de relais texte\u00a0: composez le 18001 avant notre numéro.',
  'ack.formats.relay.CA':
    'Si vous avez une surdité, une perte auditive ou un trouble de la parole, vous pouvez nous joindre par un service de relais (composez le 711).',
  'ack.formats.ask': 'Dites-nous simplement ce dont vous avez besoin.',

  'letter.representative':
    'Nous vous écrivons parce que vous agissez au nom de {customerName}. Nous envoyons aussi une copie de cette lettre à {customerObject}.',
  'letter.handler':
    'Je m’occupe de votre plainte. Si vous avez une question, communiquez avec moi aux coordonnées indiquées en haut de cette lettre en mentionnant notre référence, {reference}.',

  'adr.about': '{schemeName} ne dépend pas de nous. Ses services sont gratuits pour vous.',
  'adr.outOfScope':
    '{schemeName} n’examine que les plaintes des particuliers et des entreprises de {maxEmployees} employés ou moins. Comme votre entreprise compte {employees} employés, {schemeName} ne peut pas examiner votre plainte.',
  'adr.binding':
    'Une décision de {schemeName} nous lie seulement si vous l’acceptez. Si vous ne l’acceptez pas, vous conservez vos autres droits, par exemple celui de vous adresser aux tribunaux.',
  'adr.limit':
    'Vous avez {referralMonths} mois à compter de la date de cette lettre pour demander à {schemeName} d’examiner votre plainte, soit jusqu’au {referralDeadline}. Après cette date, {schemeName} pourrait ne plus être en mesure de vous aider.',
  'adr.contact.heading': 'Comment joindre {schemeName}',
  'adr.contact.intro': 'Veuillez indiquer notre référence, {reference}.',
  'adr.contact.website': 'Site Web\u00a0: {website}',
  'adr.contact.phone': 'Téléphone\u00a0: {phone}',
  'adr.contact.textphone': 'ATS\u00a0: {textphone}',
  'adr.contact.email': 'Courriel\u00a0: {email}',
  'adr.contact.post': 'Adresse postale\u00a0: {address}',
  'adr.contact.formerly': '({schemeName} s’appelait auparavant {formerName}.)',

  'adrLetter.title': 'Votre droit à une aide indépendante\u00a0: plainte {reference}',
  'adrLetter.heading': 'Vous pouvez maintenant soumettre votre plainte à {schemeName}',
  'adrLetter.time.intro':
    'Nous avons reçu votre plainte le {receivedOn}. Nous n’avons pas pu la régler en {weeks} semaines. Vous pouvez donc maintenant demander à un organisme indépendant de l’examiner.',
  'adrLetter.time.progressHeading': 'Où en est votre plainte',
  'adrLetter.time.stillLooking': 'Nous examinons toujours votre plainte.',
  'adrLetter.time.continue':
    'Nous continuerons de traiter votre plainte. Le fait de vous adresser à {schemeName} ne nous empêche pas de corriger la situation.',
  'adrLetter.final.intro':
    'Nous avons reçu votre plainte le {receivedOn}. Nous l’avons examinée de façon approfondie et nous ne pouvons rien faire de plus pour la régler. Cette lettre présente notre position finale et explique comment demander à un organisme indépendant de l’examiner.',
  'adrLetter.final.heading': 'Notre position finale',
  'adrLetter.help.heading': 'Une aide indépendante et gratuite',
  'adrLetter.help.now': 'Vous pouvez demander dès maintenant à {schemeName} d’examiner votre plainte.',

  'update.title': 'Suivi de votre plainte {reference}',
  'update.heading': 'Où en est votre plainte',
  'update.intro':
    'Nous traitons toujours votre plainte reçue le {receivedOn}. Nous regrettons que cela prenne plus de temps que prévu et nous voulons vous dire où en est votre plainte.',
  'update.progress.heading': 'Ce que nous avons fait jusqu’ici',
  'update.next.heading': 'Prochaines étapes',
  'update.next.by':
    'Nous prévoyons vous donner une réponse complète d’ici le {nextUpdateOn}. Si cela change, nous vous dirons pourquoi.',
  'update.next.soon': 'Nous vous écrirons de nouveau dès que nous aurons d’autres renseignements à vous communiquer.',
  'update.adr.fromDate':
    'Si votre plainte n’est pas réglée d’ici le {adrAvailableOn}, vous pourrez demander à {schemeName} de l’examiner. Nous vous écrirons pour vous donner les détails.',
  'update.adr.now': 'Vous pouvez déjà demander à {schemeName} d’examiner votre plainte.',

  'final.title': 'Notre réponse finale à votre plainte {reference}',
  'final.heading': 'Notre réponse finale',
  'final.intro':
    'Merci de votre patience pendant que nous examinions votre plainte reçue le {receivedOn}. Cette lettre constitue notre réponse finale.',
  'final.outcome.heading': 'Ce que nous avons constaté',
  'final.done.heading': 'Ce que nous avons fait',
  'final.remedy.heading': 'Pour corriger la situation',
  'final.adr.heading': 'Si notre réponse ne vous convient pas',
  'final.adr.fromDate':
    'Vous pourrez, à compter du {adrAvailableOn}, demander à {schemeName} d’examiner votre plainte.',
  'final.adr.now': 'Vous pouvez demander dès maintenant à {schemeName} d’examiner votre plainte.',

  'ccts.title': 'Aide indépendante de la CPRST\u00a0: plainte {reference}',
  'ccts.heading': 'Vous pouvez soumettre votre plainte à {schemeName}',
  'ccts.intro':
    'Nous avons reçu votre plainte le {receivedOn}. Elle a maintenant été réexaminée à un niveau supérieur de notre entreprise, mais elle n’est toujours pas réglée. Vous pouvez demander l’aide de {schemeName}.',
  'ccts.introFinalPosition':
    'Nous avons reçu votre plainte le {receivedOn}. Nous l’avons examinée de façon approfondie et vous avons donné notre position finale : nous ne pouvons rien faire de plus pour la régler. Vous pouvez demander l’aide de {schemeName}.',
  'ccts.about':
    '{schemeName} ne dépend pas des fournisseurs de services de télécommunication et de télévision. Ses services sont gratuits pour vous.',
  'ccts.fairChance':
    'Vous nous avez donné une occasion raisonnable de régler votre plainte. Vous pouvez donc communiquer dès maintenant avec {schemeName}. Entre-temps, nous continuerons de traiter votre plainte.',
  'ccts.fairChanceFinal':
    'Vous nous avez donné une occasion raisonnable de régler votre plainte. Vous pouvez donc communiquer dès maintenant avec {schemeName}.',
  'ccts.collection':
    'Tant qu’un montant que vous contestez est examiné par {schemeName}, nous n’essaierons pas de le recouvrer.',

  'summary.title': 'Plainte {reference} réglée',
  'summary.heading': 'Nous avons réglé votre plainte',
  'summary.intro':
    'Merci d’avoir communiqué avec nous le {receivedOn}. Nous estimons avoir réglé votre plainte le {resolvedOn}, comme convenu avec vous.',
  'summary.what.heading': 'Ce dont nous avons convenu',
  'summary.adr.heading': 'Si vous changez d’avis',
  'summary.adr':
    'Si, plus tard, la façon dont nous avons réglé votre plainte ne vous convient plus, vous pourriez demander à {schemeName} de l’examiner. {schemeName} ne dépend pas de nous et ses services sont gratuits pour vous.',
};

export interface LanguagePack {
  messages: Messages;
  /** date-fns locale used for month and weekday names. */
  locale: Locale;
  /** date-fns patterns: a date in words, and the same with the weekday (for deadlines). */
  datePattern: string;
  dateWithWeekdayPattern: string;
  /** English: "the Communications Ombudsman", but "CISAS (…)" (a name that starts with an acronym takes none). */
  schemeArticle?: string;
  /**
   * The letter's subject line (its bold heading) above the greeting, where French correspondence puts it (OQLF,
   * Banque de dépannage linguistique, « Objet dans la lettre administrative »: under the address, above the appel);
   * absent: under the greeting, as British and Canadian English letters have it.
   */
  subjectBeforeGreeting?: boolean;
  /** Words written short before a value (French: "au nom de" + "Élodie Tremblay" is "au nom d’Élodie Tremblay"). */
  elision?: Elision;
  /** How letters greet people and name a customer whose title the desk recorded (./salutation.ts). */
  people: PeopleWords;
  /** The words of a letter's file name ("RSL-2026-000001-reponse-finale.pdf"): `letterFileBase` (./issued.ts). */
  fileNames: LetterFileWords;
}

/**
 * What a letter's file is named, after the case reference, for each kind of letter: in the letter's language, since
 * the customer may receive the file by email, and in ASCII only (lower-case letters, digits and hyphens: no accents),
 * since the file travels by email and through old Windows tools that mangle other characters.
 */
export const LETTER_FILE_KINDS = [
  'acknowledgement',
  'update',
  'final-response',
  'adr-letter',
  'adr-letter-final-position',
  'ccts-notice',
  'summary-resolution',
] as const;
export type LetterFileKind = (typeof LETTER_FILE_KINDS)[number];
/** Each kind's words, and the words after them for a letter in large print. */
export type LetterFileWords = Readonly<Record<LetterFileKind | 'large-print', string>>;

/** English file names: as they have always been (the letter's kind as the timeline records it). */
const EN_FILE_WORDS: LetterFileWords = {
  acknowledgement: 'acknowledgement',
  update: 'update',
  'final-response': 'final-response',
  'adr-letter': 'adr-letter',
  'adr-letter-final-position': 'adr-letter-final-position',
  'ccts-notice': 'ccts-notice',
  'summary-resolution': 'summary-resolution',
  'large-print': 'large-print',
};

/** French file names: the letters' titles and the interface's names for them, without accents. */
const FR_FILE_WORDS: LetterFileWords = {
  acknowledgement: 'accuse-de-reception',
  update: 'suivi',
  'final-response': 'reponse-finale',
  'adr-letter': 'lettre-de-recours',
  'adr-letter-final-position': 'lettre-de-recours-position-finale',
  'ccts-notice': 'avis-cprst',
  'summary-resolution': 'reglement-sommaire',
  'large-print': 'gros-caracteres',
};

/** How a language greets the addressee and names a customer with a title. */
export interface PeopleWords {
  /** The title as written before a surname: "Ms", "Ms." (Canada), "Mme". */
  titles: Readonly<Record<CustomerTitle, string>>;
  greeting:
    | {
        /** English: "Dear {titledName}," with a title, "Dear {name}," without. */
        kind: 'dear';
        titled: string;
        untitled: string;
        /** The line above the signature: "Yours sincerely". */
        signOff: string;
      }
    | {
        /** French: "Madame" / "Monsieur" from the title, "Madame, Monsieur" when it says no gender (or none). */
        kind: 'appellation';
        byTitle: Readonly<Partial<Record<CustomerTitle, string>>>;
        otherwise: string;
        /** The greeting line made of the appellation: "{appellation},". */
        line: string;
        /**
         * The line above the signature, which says the appellation again (OQLF, « Salutation dans la lettre »):
         * "Veuillez agréer, {appellation}, nos salutations distinguées."
         */
        signOff: string;
      };
  /** How a sentence names the customer (object) when no title was recorded: "them"; absent: their full name. */
  untitledObject?: string;
  /**
   * The titles a sentence may put before a surname ("à Mme Tremblay"); a customer with another title is named in full
   * there. Absent: every title. (French: "à Dr Tremblay" wants an article and a gender, and "Mx" is not French usage.)
   */
  titlesInSentence?: readonly CustomerTitle[];
}

const EN_TITLES = { mr: 'Mr', mrs: 'Mrs', ms: 'Ms', mx: 'Mx', dr: 'Dr' } as const;
const DEAR = {
  kind: 'dear',
  titled: 'Dear {titledName},',
  untitled: 'Dear {name},',
  signOff: 'Yours sincerely',
} as const;

/**
 * The languages letters can be written in. English (Canada) and French (Canada) arrive here as entries of their own
 * (issue 5); `LetterLanguage` widens with them and the type checker then asks for every key.
 */
export const LANGUAGES = {
  'en-GB': {
    messages: EN_GB,
    locale: enGB,
    datePattern: 'd MMMM yyyy',
    dateWithWeekdayPattern: 'EEEE d MMMM yyyy',
    schemeArticle: 'the',
    people: { titles: EN_TITLES, greeting: DEAR, untitledObject: 'them' },
    fileNames: EN_FILE_WORDS,
  },
  'en-CA': {
    messages: EN_CA,
    locale: enCA,
    datePattern: 'MMMM d, yyyy',
    dateWithWeekdayPattern: 'EEEE, MMMM d, yyyy',
    schemeArticle: 'the',
    // Canadian usage puts a period after the abbreviated title.
    people: {
      titles: { mr: 'Mr.', mrs: 'Mrs.', ms: 'Ms.', mx: 'Mx.', dr: 'Dr.' },
      greeting: DEAR,
      untitledObject: 'them',
    },
    fileNames: EN_FILE_WORDS,
  },
  'fr-CA': {
    messages: FR_CA,
    locale: frCA,
    // "1er janvier 2027", "18 novembre 2026", "mercredi 25 novembre 2026"
    datePattern: 'do MMMM yyyy',
    dateWithWeekdayPattern: 'EEEE do MMMM yyyy',
    subjectBeforeGreeting: true,
    elision: FRENCH_ELISION,
    people: {
      titles: { mr: 'M.', mrs: 'Mme', ms: 'Mme', mx: 'Mx', dr: 'Dr' },
      // Mx and Dr say no gender: the neutral appellation, never a guess.
      greeting: {
        kind: 'appellation',
        byTitle: { mr: 'Monsieur', mrs: 'Madame', ms: 'Madame' },
        otherwise: 'Madame, Monsieur',
        line: '{appellation},',
        signOff: 'Veuillez agréer, {appellation}, nos salutations distinguées.',
      },
      titlesInSentence: ['mr', 'mrs', 'ms'],
    },
    fileNames: FR_FILE_WORDS,
  },
} as const satisfies Record<string, LanguagePack>;

export type LetterLanguage = keyof typeof LANGUAGES;
export const DEFAULT_LANGUAGE: LetterLanguage = 'en-GB';

export function languagePack(language: LetterLanguage): LanguagePack {
  const pack: LanguagePack | undefined = LANGUAGES[language];
  if (!pack) throw new Error(`Letters cannot yet be written in "${language}".`);
  return pack;
}

/** A piece of filled-in text; `placeholder` says which value it came from, so a layout can set it in bold. */
export interface MessagePart {
  text: string;
  placeholder?: string;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Fill a message, keeping filled-in values apart from the fixed words. Throws when a value is missing. */
export function messageParts<K extends MessageKey>(
  language: LetterLanguage,
  key: K,
  vars: MessageVars<K>,
): MessagePart[] {
  const pack = languagePack(language);
  const template = pack.messages[key];
  const values = vars as Readonly<Record<string, string>>;
  const parts: MessagePart[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1];
    const value = values[name];
    if (typeof value !== 'string') {
      throw new Error(`Letter text "${key}" (${language}) needs a value for {${name}}.`);
    }
    if (match.index > last) {
      const fixed = template.slice(last, match.index);
      parts.push({ text: pack.elision ? elideBefore(fixed, value, pack.elision) : fixed });
    }
    // A value that starts a sentence ("the Communications Ombudsman is …") starts with a capital.
    const startsSentence = /(^|[.!?(]\s*)$/.test(template.slice(0, match.index));
    parts.push({ text: startsSentence ? value.charAt(0).toUpperCase() + value.slice(1) : value, placeholder: name });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** Fill a message as plain text. */
export function message<K extends MessageKey>(language: LetterLanguage, key: K, vars: MessageVars<K>): string {
  return messageParts(language, key, vars)
    .map((part) => part.text)
    .join('');
}

/** The placeholder names a template uses (for checking that every language asks for the same values). */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/** "by letter", "through our website", … in the letter's language. */
export function channelInWords(language: LetterLanguage, channel: Channel): string {
  return message(language, `channel.${channel}`, {});
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Read a YYYY-MM-DD string as a calendar date. Built from its parts at local midnight and only ever formatted in
 * local time, so the day printed is the day written whatever the machine's time zone (`new Date('2026-11-18')` would
 * be UTC midnight, which is the 17th west of Greenwich).
 */
export function parseIsoDate(iso: string): Date {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`"${iso}" is not a date in the form YYYY-MM-DD.`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    throw new Error(`"${iso}" is not a real calendar date.`);
  }
  return date;
}

/**
 * A date in words never breaks across lines ("until 7 / December 2027" read as two things, and in large print the
 * parts could land on two pages: explore39-letters #10): its spaces are no-break spaces (U+00A0, which the letter font
 * prints as a space, font-metrics.ts measures, and pdfmake does not break at). Copied out of a PDF they read as spaces.
 */
const unbroken = (words: string): string => words.replace(/ /g, '\u00a0');

/** "21 November 2026" (en-GB), on one line. */
export function dateInWords(language: LetterLanguage, iso: string): string {
  const pack = languagePack(language);
  return unbroken(format(parseIsoDate(iso), pack.datePattern, { locale: pack.locale }));
}

/** "Saturday 21 November 2026" (en-GB), on one line: for a deadline, where the day of the week helps the reader. */
export function dateWithWeekdayInWords(language: LetterLanguage, iso: string): string {
  const pack = languagePack(language);
  return unbroken(format(parseIsoDate(iso), pack.dateWithWeekdayPattern, { locale: pack.locale }));
}

/** What naming a scheme takes: its directory name, and its names in other languages (the directory's `names`). */
export interface NamedScheme {
  name: string;
  names?: AdrSchemeLocalNames;
}

/**
 * A scheme's name as this language writes it in a sentence: the name the scheme directory gives for this language
 * (the CCTS is "la CPRST" in French), else its (English) directory name, with the language's article. `long` is its
 * full name, which a letter gives once, at its first mention; `short` is how it names it after that ("the CCTS",
 * "la CPRST", "CISAS"); the two are the same for a name without an acronym.
 */
export function schemeNamesIn(language: LetterLanguage, scheme: NamedScheme): { long: string; short: string } {
  const own = adrSchemeNameIn(scheme, language);
  if (own) {
    const acronym = /\(([^()]+)\)\s*$/.exec(own.full)?.[1];
    const short = own.inSentence;
    return { long: acronym && short.includes(acronym) ? short.replace(acronym, own.full) : short, short };
  }
  const article = languagePack(language).schemeArticle;
  const withArticle = (name: string) => (article ? `${article} ${name}` : name);
  const name = scheme.name.trim();
  // "Commission for Complaints for Telecom-television Services (CCTS)": the CCTS.
  const trailing = /^(.+?)\s*\(([A-Z][A-Z0-9&]+)\)$/.exec(name);
  if (trailing) return { long: withArticle(name), short: withArticle(trailing[2]) };
  // "CISAS (Communications and Internet Services Adjudication Scheme)": a name that starts with its acronym takes no
  // article.
  const leading = /^([A-Z][A-Z0-9&]+)\s*\((.+)\)$/.exec(name);
  if (leading) return { long: name, short: leading[1] };
  const firstWord = name.split(/[\s(]/)[0];
  const acronym = firstWord.length > 1 && firstWord === firstWord.toUpperCase();
  const inSentence = acronym ? name : withArticle(name);
  return { long: inSentence, short: inSentence };
}

/** A scheme's full name in a sentence (see schemeNamesIn). */
export function schemeNameIn(language: LetterLanguage, scheme: NamedScheme): string {
  return schemeNamesIn(language, scheme).long;
}

/** A scheme's short name without its article, heading its contact details: "CCTS", "CPRST", "Communications Ombudsman". */
export function schemeLabelIn(language: LetterLanguage, scheme: NamedScheme): string {
  return schemeNamesIn(language, scheme).short.replace(/^(the|la|le)\s+/i, '');
}

/** A scheme's full name in this language (heading the contact details), from the scheme directory. */
export function schemeFullNameIn(language: LetterLanguage, scheme: NamedScheme): string {
  return adrSchemeNameIn(scheme, language)?.full ?? scheme.name.trim();
}
