// The French interface (issue #17): a person picks "Français (Canada)" in Settings → "Language of the interface"; the
// app redraws in French without a reload, <html lang> follows, and the dashboard, case list, reports and settings
// show none of the English catalogue's words that French writes differently, and dates the French way. Then, in
// French, a complaint is logged through the intake (a date typed the French way), its case page is opened, an action
// is recorded (the acknowledgement) and a file is added: none of it in English either. Then the erase dialog, "Your
// data" (with the passphrase dialog), a CSV import from the file to the imported cases, and Settings → Procedures
// with the procedure editor open: none of it in English.
import { mkdirSync, readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { addDays, chooseOption, expect, logComplaint, messagesGone, setUpDesk, test, todayInLondon } from './fixtures';
import { englishLeft } from './french';

const SHOTS = process.env.I18N_SHOTS ?? '/tmp/f17-shots';

const HIDE_MESSAGES = '.mantine-Notifications-root { display: none !important; }';

/** A day as French writes it: Intl's words, with the first of the month "1er" (Intl writes "1"). */
const frenchDate = (iso: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('fr-CA', { ...options, timeZone: 'UTC' })
    .formatToParts(new Date(`${iso}T12:00:00Z`))
    .map((p) => (p.type === 'day' && p.value === '1' ? '1er' : p.value))
    .join('');

test('a person picks Français (Canada): every screen of the walk is in French, dates too, without a reload', async ({
  page,
}) => {
  // A long walk (every screen of the French interface, on a machine other runs share).
  test.setTimeout(240_000);
  mkdirSync(SHOTS, { recursive: true });
  await setUpDesk(page);
  const today = todayInLondon();
  const received = addDays(today, -3);
  await logComplaint(page, {
    receivedOn: received,
    channel: 'Phone',
    category: 'Billing',
    summary: 'Billed twice for November',
    name: 'Jeanne Tremblay',
    phone: '0113 496 0000',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);
  // Its notification ("Complaint logged") was said in English, before the choice: it is let go first.
  await messagesGone(page);

  // English (UK) until the person chooses: the browser says en-GB.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await chooseOption(page, 'Language of the interface', 'Français (Canada)');

  // The app redraws in French at once: no reload (the page's own marker is still there), <html lang> follows.
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await expect(page).toHaveTitle('Paramètres — Redress');
  await expect(page.getByRole('combobox', { name: 'Langue de l’interface' })).toHaveValue('Français (Canada)');
  await expect(page.getByTestId('live-polite')).toHaveText('L’interface est maintenant en français (Canada).');

  // Settings: every section.
  await expect(page.getByLabel('Nom de l’entreprise')).toHaveValue('Northwind Broadband Ltd');
  await page.screenshot({ path: `${SHOTS}/settings-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  const settingsLeft = await englishLeft(page);

  // Dashboard: French words, and today's date written the French way.
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 1 })).toBeVisible();
  await expect(page.locator('[data-ready="dashboard"]')).toBeVisible();
  await expect(
    page.getByText(frenchDate(today, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })),
  ).toBeVisible();
  const unacknowledged = page.getByRole('region', { name: 'Sans accusé de réception', exact: true });
  await expect(unacknowledged).toContainText('Jeanne Tremblay');
  await expect(unacknowledged).toContainText('en attente depuis 3 jours');
  await expect(unacknowledged).toContainText(
    `Reçue le ${frenchDate(received, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })}`,
  );
  await page.screenshot({ path: `${SHOTS}/dashboard-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  const dashboardLeft = await englishLeft(page);

  // Case list: French headings and the received date as French writes it.
  await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Dossiers', level: 1 })).toBeVisible();
  await expect(page.locator('[data-ready="case-list"]')).toBeVisible();
  const row = page.getByRole('row', { name: /Jeanne Tremblay/ });
  await expect(row).toContainText(frenchDate(received, { day: 'numeric', month: 'short', year: 'numeric' }));
  await expect(page.getByText('1 dossier', { exact: true })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Personne cliente' })).toBeVisible();
  const listLeft = await englishLeft(page);
  // Its CSV in French: French headers and values, separated by « ; » for French Excel.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en CSV' }).click();
  const download = await downloading;
  // Named in French too (ASCII only): the desk's own file.
  expect(download.suggestedFilename()).toMatch(/^redress-dossiers-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  const [header, line] = csv.slice(1).split('\r\n');
  expect(header).toMatch(/^Numéro;Date de réception;Mode de réception;Catégorie;Nom de la personne cliente;/);
  expect(line).toContain(`;${received};Téléphone;Facturation;Jeanne Tremblay;`);

  // Reports: French figures and labels.
  await page.getByRole('link', { name: 'Rapports' }).click();
  await expect(page.locator('[data-ready="reports"]')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Plaintes reçues' })).toContainText('1');
  await expect(
    page.getByText(`chiffres au ${frenchDate(today, { day: 'numeric', month: 'short', year: 'numeric' })}`),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/reports-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  const reportsLeft = await englishLeft(page);

  expect({ settingsLeft, dashboardLeft, listLeft, reportsLeft }).toEqual({
    settingsLeft: [],
    dashboardLeft: [],
    listLeft: [],
    reportsLeft: [],
  });

  // The choice is the person's, remembered at this computer: after a reload the interface is still French.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Rapports', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');

  // A complaint logged in French: French labels, the date typed the French way (aaaa-mm-jj) and read back in words.
  const second = addDays(today, -2);
  await page.getByRole('link', { name: 'Nouvelle plainte' }).click();
  await expect(page.getByRole('heading', { name: 'Nouvelle plainte', level: 1 })).toBeVisible();
  const dateBox = page.getByRole('textbox', { name: 'Date de réception' });
  await expect(dateBox).toHaveAttribute('placeholder', 'aaaa-mm-jj');
  await dateBox.fill(second);
  await dateBox.press('Tab');
  await expect(
    page.getByText(
      `${frenchDate(second, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })} — il y a 2 jours`,
    ),
  ).toBeVisible();
  // Sent too soon: the form's checks (shared/model/problems.ts) speak French, the field named by its French label.
  await page.getByRole('button', { name: 'Inscrire une plainte' }).click();
  await expect(page.getByText('Choisissez le mode de réception', { exact: true })).toBeVisible();
  await expect(page.getByText('Indiquez le nom de la personne cliente', { exact: true })).toBeVisible();
  await expect(
    page.getByText('Indiquez au moins un moyen de joindre la personne\u00a0: adresse, téléphone ou courriel'),
  ).toBeVisible();
  const intakeErrorsLeft = await englishLeft(page);
  await chooseOption(page, 'Mode de réception', 'Courriel');
  await chooseOption(page, 'Catégorie', 'Facturation');
  await page.getByRole('textbox', { name: 'Résumé' }).fill('Frais d’itinérance facturés deux fois');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Élise Gagnon');
  await page.getByRole('textbox', { name: 'Téléphone' }).fill('514 555-0199');
  await page.screenshot({ path: `${SHOTS}/intake-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  const intakeLeft = await englishLeft(page);
  await page.getByRole('button', { name: 'Inscrire une plainte' }).click();
  const sure = page.getByRole('dialog', { name: 'Confirmez-vous cette date ?' });
  const caseTitle = page.getByRole('heading', { level: 1, name: /^RDR-\d{4}-\d{6}$/ });
  await expect(sure.or(caseTitle).first()).toBeVisible();
  if (await sure.isVisible()) await sure.getByRole('button', { name: 'Oui, cette date' }).click();

  // Its case page: French words, the received date the French way.
  await expect(caseTitle).toBeVisible();
  await expect(page.getByText('Élise Gagnon', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Délais' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /mode/ }).first()).toContainText(
    `${frenchDate(second, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })}, mode\u00a0: courriel`,
  );
  // The rules engine's explanations (shared/rules/explain.ts) in French, days the French way: the ADR letter's clock
  // (Ofcom: received + 6 weeks) and the reason of the next step. Their English is in the catalogue (explain.*), so
  // `englishLeft` finds any of it left on the page.
  const short = (iso: string) => frenchDate(iso, { day: 'numeric', month: 'short', year: 'numeric' });
  await expect(page.locator('[data-clock="adr-letter"]')).toContainText(
    `Échéance le ${short(addDays(second, 42))}\u00a0: reçue le ${short(second)} + 6 semaines`,
  );
  await expect(page.locator('[data-next-action="acknowledge"]')).toContainText(
    'Aucun accusé de réception inscrit pour l’instant.',
  );
  // The timeline's first entry (shared/casework/summaries.ts), said in French from what it records.
  await expect(page.getByRole('group', { name: 'Historique' })).toContainText(
    'Plainte reçue (courriel)\u00a0; inscrite sous le numéro RDR-',
  );
  await page.screenshot({ path: `${SHOTS}/case-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  const caseLeft = await englishLeft(page);

  // One action, in French: the acknowledgement.
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  // The menu's refused actions say why in French (shared/casework/availability.ts through problem.refused-*).
  await expect(page.getByRole('menu')).toContainText('Seul un dossier fermé ou réglé peut être rouvert.');
  const menuLeft = await englishLeft(page);
  await page.getByRole('menuitem', { name: 'Accuser réception…' }).click();
  const ack = page.getByRole('dialog', { name: 'Accuser réception' });
  await expect(ack).toBeVisible();
  // The date box has the focus (its calendar open): the date is typed the French way, as at intake.
  const ackDate = ack.getByRole('textbox', { name: 'Date' });
  await ackDate.fill(today);
  await ackDate.press('Tab');
  await expect(ack.getByRole('combobox', { name: 'Mode de l’accusé de réception' })).toHaveValue('Courriel');
  // The actions menu has finished closing.
  await expect(page.getByRole('menu')).toBeHidden();
  const actionLeft = await englishLeft(page);
  await page.screenshot({ path: `${SHOTS}/action-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  await ack.getByRole('button', { name: 'Inscrire l’accusé de réception' }).click();
  await expect(ack).toBeHidden();
  await expect(page.getByText('Accusé de réception inscrit').first()).toBeVisible();
  await expect(page.getByRole('group', { name: 'Historique' })).toContainText('Accusé de réception envoyé (courriel)');

  // The attachments: a file added through the dialog, in French.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Ajouter des fichiers…' }).click();
  // h17b: beside it a Windows program renamed .pdf, refused with the reason in French.
  const program = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0]), Buffer.alloc(200)]);
  await (
    await chooser
  ).setFiles([
    { name: 'facture.txt', mimeType: 'text/plain', buffer: Buffer.from('Facture\n') },
    { name: 'programme.pdf', mimeType: 'application/pdf', buffer: program },
  ]);
  const adding = page.getByRole('dialog', { name: 'Ajouter des fichiers au dossier' });
  await expect(adding.getByRole('table', { name: 'Fichiers à ajouter' })).toContainText('texte brut');
  await expect(adding.locator('[data-refused-file="programme.pdf"]')).toContainText(
    'Ce fichier est un programme Windows, et non un PDF\u00a0: Redress accepte les PDF, les images JPEG',
  );
  const attachLeft = await englishLeft(page);
  await page.screenshot({ path: `${SHOTS}/attachments-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  await adding.getByRole('button', { name: 'Ajouter le fichier' }).click();
  await expect(adding).toBeHidden();
  await expect(page.getByRole('table', { name: 'Pièces jointes' })).toContainText('facture.txt');
  // i17c: its timeline entry said in French from what it records (the file's name as it is).
  await expect(page.getByRole('group', { name: 'Historique' })).toContainText(
    /Pièce jointe ajoutée \([^)]+\)\u00a0: facture\.txt/,
  );
  const afterLeft = await englishLeft(page);

  // The erase dialog, from this case page: the case is still open, so it cannot be erased yet, and says why.
  await page.getByRole('button', { name: 'Effacer les renseignements personnels…' }).click();
  const erase = page.getByRole('dialog', { name: 'Effacer les renseignements personnels de la personne cliente' });
  const toErase = erase.getByRole('group', { name: 'Dossiers à effacer' });
  await expect(toErase.getByRole('checkbox')).toHaveCount(1);
  await expect(toErase.getByRole('checkbox')).toBeDisabled();
  await expect(toErase).toContainText('Encore ouvert');
  await expect(erase.getByRole('textbox', { name: 'Tapez EFFACER pour confirmer' })).toBeVisible();
  await expect(erase.getByRole('button', { name: 'Effacer 0 dossier' })).toBeDisabled();
  const eraseLeft = await englishLeft(page);
  await page.screenshot({ path: `${SHOTS}/erase-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  await erase.getByRole('button', { name: 'Annuler' }).click();
  await expect(erase).toBeHidden();

  // Your data: the backup, the restore, the daily backups, the storage and the exports, and the passphrase dialog.
  await page.getByRole('link', { name: 'Vos données' }).click();
  await expect(page.getByRole('heading', { name: 'Vos données', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Vos données — Redress');
  await expect(page.getByTestId('last-backup')).toHaveText(
    'Aucune sauvegarde n’a encore été faite sur cet ordinateur.',
  );
  await expect(page.getByTestId('attachments-size')).toHaveText(/^Pièces jointes\s:\sun fichier, /);
  await expect(page.getByTestId('data-size')).toContainText('Données stockées');
  const dataLeft = await englishLeft(page);
  await page.screenshot({ path: `${SHOTS}/data-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  await page.getByRole('checkbox', { name: 'Protéger par une phrase de passe' }).check();
  await page.getByRole('button', { name: 'Faire une sauvegarde maintenant' }).click();
  const protect = page.getByRole('dialog', { name: 'Protéger la sauvegarde par une phrase de passe' });
  await protect.getByRole('textbox', { name: 'Phrase de passe', exact: true }).fill('trop court');
  await expect(protect.getByRole('button', { name: 'Afficher ou masquer le mot de passe' })).toHaveCount(2);
  await protect.getByRole('button', { name: 'Faire la sauvegarde protégée' }).click();
  await expect(protect).toContainText('La phrase de passe doit compter au moins 12 caractères');
  const passphraseLeft = await englishLeft(page);
  await page.screenshot({ path: `${SHOTS}/passphrase-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  await protect.getByRole('button', { name: 'Annuler' }).click();
  await expect(protect).toBeHidden();
  // The desk's own files are named in French (ASCII only); the backup keeps its extension, which restore goes by.
  await page.getByRole('checkbox', { name: 'Protéger par une phrase de passe' }).uncheck();
  const backingUp = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Faire une sauvegarde maintenant' }).click();
  expect((await backingUp).suggestedFilename()).toMatch(/^redress-sauvegarde-RDR-\d{4}-\d{2}-\d{2}\.redress-backup$/);
  const exportingDeadlines = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter les échéances (ICS)' }).click();
  const deadlines = await exportingDeadlines;
  expect(deadlines.suggestedFilename()).toMatch(/^redress-echeances-\d{4}-\d{2}-\d{2}\.ics$/);
  // Its contents in French too: the calendar's name, each event's title and notes, the clock's name, the rules
  // engine's explanation and the rule, as the case page says them.
  const icsText = readFileSync((await deadlines.path())!, 'utf8');
  expect(icsText).toContain('PRODID:-//Redress//Redress deadlines//FR\r\n');
  const calendar = new ICAL.Component(ICAL.parse(icsText));
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toMatch(/^Échéances Redress\u00a0: /);
  const icsEvents = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  // The second complaint's ADR letter (received + 6 weeks), the one the case page showed above.
  const adrEvent = icsEvents.find(
    (e) => / Lettre de recours externe à échéance/.test(e.summary) && e.startDate.toString() === addDays(second, 42),
  )!;
  expect(adrEvent, icsEvents.map((e) => `${e.startDate.toString()} ${e.summary}`).join('\n')).toBeDefined();
  expect(adrEvent.summary).toMatch(/^RDR-\d{4}-\d{6}\u00a0: Lettre de recours externe à échéance$/);
  // Its notes write the due date the explanation's way (« 29 janv. 2027 »), never a second, longer way.
  expect(adrEvent.description).toContain(
    `Lettre de recours externe\u00a0: échéance le ${short(addDays(second, 42))}.\nÉchéance le ${short(addDays(second, 42))}\u00a0: reçue le ${short(second)} + 6 semaines, condition générale C4 de l’Ofcom`,
  );
  expect(adrEvent.description).toContain('Règle\u00a0: condition générale C4 de l’Ofcom en vigueur depuis le');
  for (const e of icsEvents)
    expect(`${e.summary}\n${e.description}`).not.toMatch(/\b(due|overdue|received|Rule|Case)\b/);

  // Import: a spreadsheet's CSV read, matched, previewed, checked and imported, every step in French.
  await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
  await page.getByRole('button', { name: 'Importer un CSV' }).click();
  await expect(page.getByRole('heading', { name: 'Importer des dossiers', level: 1 })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'plaintes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Date;How received;Type;Name;Phone;Details\r\n' +
        `${received.split('-').reverse().join('/')};Email;Billing;Marie Roy;514 555-0101;Facture en double\r\n` +
        `${second.split('-').reverse().join('/')};Phone;Billing;Luc Côté;418 555-0102;Frais d’itinérance\r\n`,
      'utf8',
    ),
  });
  await expect(page.getByLabel('Résumé du fichier')).toHaveText(
    'plaintes.csv\u00a0: 2 lignes sous l’en-tête, 6 colonnes, séparées par des points-virgules.',
  );
  await expect(page.getByRole('combobox', { name: 'Nom de la personne cliente' })).toHaveValue('Name');
  await expect(page.getByRole('table', { name: 'Aperçu' })).toContainText('Courriel');
  await expect(page.getByText('Toutes les lignes sont valides')).toBeVisible();
  const importLeft = await englishLeft(page);
  await page.screenshot({ path: `${SHOTS}/import-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  await page.getByRole('button', { name: 'Importer 2 dossiers' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 dossiers importés' })).toContainText(
    /inscrits de RDR-\d{4}-\d{6} à RDR-\d{4}-\d{6}/,
  );
  const importedLeft = await englishLeft(page);

  // Settings → Procedures, and the procedure editor open on a copy of a built-in procedure.
  await page.getByRole('link', { name: 'Paramètres' }).click();
  const procedures = page.getByRole('region', { name: 'Procédures' });
  await procedures.getByRole('button', { name: 'Ofcom baseline procedure' }).first().click();
  await expect(procedures.getByRole('table', { name: 'Étapes d’Ofcom baseline procedure' })).toBeVisible();
  const proceduresLeft = await englishLeft(page);
  await procedures.getByRole('button', { name: 'Copier Ofcom baseline procedure', exact: true }).click();
  const editor = page.getByRole('region', { name: /^Modifier Ofcom baseline procedure \(copie\) \(v1\)$/ });
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('complementary', { name: 'Aperçu' })).toContainText('Lettre de recours externe');
  // i17c: the preview's due dates explained in French (the rules engine's phrases), not the engine's English.
  await expect(editor.getByRole('complementary', { name: 'Aperçu' })).toContainText(
    `Échéance le ${short(addDays(today, 42))}\u00a0: reçue le ${short(today)} + 6 semaines`,
  );
  await expect(editor.getByRole('complementary', { name: 'Aperçu' })).not.toContainText('received');
  await expect(editor.getByRole('textbox', { name: 'Étape 1\u00a0: nom' })).toBeVisible();
  // No message is left on screen (a copy is no longer announced: it is stored only when saved).
  await messagesGone(page);
  const editorLeft = await englishLeft(page);
  await page.screenshot({ path: `${SHOTS}/procedure-editor-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  await editor.screenshot({ path: `${SHOTS}/procedure-editor-only-fr.png`, style: HIDE_MESSAGES });

  expect({
    intakeErrorsLeft,
    intakeLeft,
    caseLeft,
    menuLeft,
    actionLeft,
    attachLeft,
    afterLeft,
    eraseLeft,
    dataLeft,
    passphraseLeft,
    importLeft,
    importedLeft,
    proceduresLeft,
    editorLeft,
  }).toEqual({
    intakeErrorsLeft: [],
    intakeLeft: [],
    caseLeft: [],
    menuLeft: [],
    actionLeft: [],
    attachLeft: [],
    afterLeft: [],
    eraseLeft: [],
    dataLeft: [],
    passphraseLeft: [],
    importLeft: [],
    importedLeft: [],
    proceduresLeft: [],
    editorLeft: [],
  });
});

// m17b: text that shared/ or the record wrote in English, said in French: an invisible character refused at intake,
// a correction of the channel (its timeline entry names the channels, not their stored codes) and a voided entry
// (the void quotes the voided entry said again from its data).
test('in French, a refused invisible character, a corrected channel and a voided entry leave no English', async ({
  page,
}) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  await setUpDesk(page);
  const today = todayInLondon();
  await logComplaint(page, {
    receivedOn: addDays(today, -2),
    channel: 'In person',
    category: 'Billing',
    summary: 'Billed twice for November',
    name: 'Jeanne Tremblay',
    phone: '0113 496 0000',
  });
  const caseTitle = page.getByRole('heading', { level: 1, name: /^RDR-\d{4}-\d{6}$/ });
  await expect(caseTitle).toBeVisible();
  const reference = (await caseTitle.textContent())!.trim();
  await messagesGone(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await chooseOption(page, 'Language of the interface', 'Français (Canada)');
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible();

  // Intake: a name holding an invisible right-to-left override is refused, in French, the character named.
  await page.getByRole('link', { name: 'Nouvelle plainte' }).click();
  await expect(page.getByRole('heading', { name: 'Nouvelle plainte', level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Ann\u202eLee');
  await page.getByRole('button', { name: 'Inscrire une plainte' }).click();
  await expect(
    page.getByText(
      'Nom\u00a0: contient un caractère de contrôle invisible (U+202E RIGHT-TO-LEFT OVERRIDE) après «\u00a0Ann\u00a0»\u00a0; supprimez-le',
    ),
  ).toBeVisible();
  const characterLeft = await englishLeft(page);
  await page.screenshot({ path: `${SHOTS}/intake-character-fr.png`, fullPage: true, style: HIDE_MESSAGES });

  // The case: its channel corrected from in person to letter.
  await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
  await page
    .getByRole('link', { name: new RegExp(reference) })
    .first()
    .click();
  await expect(caseTitle).toHaveText(reference);
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Corriger les faits du dossier…' }).click();
  const correct = page.getByRole('dialog', { name: 'Corriger les faits du dossier' });
  await chooseOption(page, 'Mode de réception', 'Lettre');
  await correct.getByRole('textbox', { name: 'Motif de la correction' }).fill('Reçue par la poste');
  await correct.getByRole('button', { name: 'Enregistrer la correction' }).click();
  await expect(correct).toBeHidden();
  const timeline = page.getByRole('group', { name: 'Historique' });
  await expect(timeline).toContainText('Correction (mode de réception En personne → Lettre)\u00a0: Reçue par la poste');
  // Its before-and-after table names the channels too (the entry keeps their codes as its record).
  const corrected = timeline.getByRole('table', { name: 'Faits corrigés' });
  await expect(corrected).toContainText('En personne');
  await expect(corrected).not.toContainText('in-person');

  // An acknowledgement recorded, then voided: the void quotes it in French.
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Accuser réception…' }).click();
  const ack = page.getByRole('dialog', { name: 'Accuser réception' });
  const ackDate = ack.getByRole('textbox', { name: 'Date' });
  await ackDate.fill(today);
  await ackDate.press('Tab');
  await ack.getByRole('button', { name: 'Inscrire l’accusé de réception' }).click();
  await expect(ack).toBeHidden();
  await messagesGone(page);
  await page.getByRole('button', { name: /^Invalider l’inscription du .*Accusé de réception envoyé/ }).click();
  const voiding = page.getByRole('dialog', { name: 'Invalider cette inscription' });
  await voiding.getByRole('textbox', { name: 'Motif de l’invalidation' }).fill('Inscrite par erreur');
  await voiding.getByRole('button', { name: 'Invalider l’inscription' }).click();
  await expect(voiding).toBeHidden();
  await expect(timeline).toContainText(
    /Inscription «\u00a0Accusé de réception envoyé \([^)]+\)\u00a0» du .+ invalidée\u00a0: Inscrite par erreur/,
  );
  await messagesGone(page);
  const caseLeft = await englishLeft(page);
  await page.screenshot({ path: `${SHOTS}/case-corrected-voided-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  await timeline.screenshot({ path: `${SHOTS}/timeline-corrected-voided-fr.png`, style: HIDE_MESSAGES });

  expect({ characterLeft, caseLeft }).toEqual({ characterLeft: [], caseLeft: [] });
});

test('in French, a letter received on a bank holiday is asked about with the holiday and calendar in French', async ({
  page,
}) => {
  await setUpDesk(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await chooseOption(page, 'Language of the interface', 'Français (Canada)');
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible();
  await messagesGone(page);
  await page.getByRole('link', { name: 'Nouvelle plainte' }).click();
  const dateBox = page.getByRole('textbox', { name: 'Date de réception' });
  await dateBox.fill('2025-12-26');
  await dateBox.press('Tab');
  await chooseOption(page, 'Mode de réception', 'Lettre');
  await chooseOption(page, 'Catégorie', 'Facturation');
  await page.getByRole('textbox', { name: 'Résumé' }).fill('Facturé deux fois');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Élise Gagnon');
  await page.getByRole('textbox', { name: 'Adresse postale' }).first().fill('12 St James Square\nLondon');
  await page.getByRole('textbox', { name: 'Code postal' }).first().fill('SW1Y 4JH');
  await page.getByRole('button', { name: 'Inscrire une plainte' }).click();
  const question = page.getByRole('dialog', { name: 'Confirmez-vous cette date\u00a0?' });
  await expect(question).toContainText(
    'C’est un jour férié (lendemain de Noël, Angleterre et pays de Galles)\u00a0: aucun courrier n’est distribué un jour férié.',
  );
  // Once the dialog has finished fading in.
  await expect(question).toHaveCSS('opacity', '1');
  await page.screenshot({ path: `${SHOTS}/holiday-question-fr.png`, style: HIDE_MESSAGES });
  expect(await englishLeft(page)).toEqual([]);
});

test('in French, Settings → Procédures names the CCTS as the CPRST, and a copy is named « (copie) »', async ({
  page,
}) => {
  await setUpDesk(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await chooseOption(page, 'Language of the interface', 'Français (Canada)');
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible();
  await messagesGone(page);
  const cprst = 'Commission des plaintes relatives aux services de télécom-télévision (CPRST)';
  const procedures = page.getByRole('region', { name: 'Procédures' });
  await procedures.getByRole('button', { name: 'Jive Canada complaint handling code' }).first().click();
  await expect(procedures).toContainText(`organisme de recours externe\u00a0: ${cprst}`);
  await page.screenshot({ path: `${SHOTS}/procedures-cprst-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  await procedures.getByRole('button', { name: 'Copier Jive Canada complaint handling code', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Modifier Jive Canada complaint handling code (copie) (v1)' });
  await expect(editor.getByRole('combobox', { name: 'Organisme de recours externe' })).toHaveValue(cprst);
  await messagesGone(page);
  await editor.screenshot({ path: `${SHOTS}/procedure-editor-cprst-fr.png`, style: HIDE_MESSAGES });
});
