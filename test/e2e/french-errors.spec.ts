// The error messages written in shared/ on a French screen (issue #17; m17a): a CSV with bad rows and one that is
// not a table, backup files that are not backups (empty, another file, a cut-off compressed file), and a procedure
// file and a procedure editor field that the schema refuses. Each is said in French from its code, next to what it
// is about, with none of the English catalogue's words left. h17: a sealed backup whose rows are invalid (the list
// of problems under the refusal) and a procedure file with an impossible date.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chooseOption, expect, logComplaint, messagesGone, setUpDesk, test } from './fixtures';
import { englishLeft } from './french';

const SHOTS = process.env.I18N_SHOTS ?? '/tmp/m17a-shots';

/**
 * Files shared/ writes, made by tsx (shared/ reads JSON data files Playwright's loader cannot import): a backup
 * sealed as Redress seals it whose rows the schemas refuse, and a procedure file whose effective date is 2026-13-01.
 */
const made = JSON.parse(
  execFileSync(
    'npx',
    [
      'tsx',
      '-e',
      `import { encodeBackup } from '#shared/backup/format';
       import { copyOfProcedure, KIJOMA, procedureFile } from '#shared/rules/index';
       import { emptyBackupContent, sha256Hex } from '#test/support/backup-content';
       import { caseRecord } from '#test/support/cases';
       const at = { createdAt: '2026-11-18T09:00:00.000Z', updatedAt: '2026-11-18T09:00:00.000Z' };
       const cases = [
         caseRecord({ receivedOn: '2026-02-30', stage: 'x'.repeat(201), ...at }),
         { ...caseRecord({ id: 'case-2', reference: 'RDR-2026-000002' }), channel: 'fax', summary: undefined },
       ];
       const procedure = procedureFile(copyOfProcedure(KIJOMA, new Set()));
       procedure.procedure.effectiveFrom = '2026-13-01';
       void encodeBackup({ ...emptyBackupContent(), cases } as never, {
         madeAt: '2026-11-20T10:00:00.000Z', schemaVersion: 13, sha256: sha256Hex,
       }).then((backup) => process.stdout.write(JSON.stringify({
         backup: Buffer.from(backup).toString('base64'), procedure: JSON.stringify(procedure),
       })));`,
    ],
    { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' },
  ),
) as { backup: string; procedure: string };
const HIDE_MESSAGES = '.mantine-Notifications-root { display: none !important; }';

test('bad CSV rows, bad backup files and a bad procedure are refused in French', async ({ page }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  await setUpDesk(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  await chooseOption(page, 'Language of the interface', 'Français (Canada)');
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible();
  await messagesGone(page);

  // A CSV with bad rows: each problem in the report, in French, on its row and field.
  await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
  await page.getByRole('button', { name: 'Importer un CSV' }).click();
  await expect(page.getByRole('heading', { name: 'Importer des dossiers', level: 1 })).toBeVisible();
  const csv = page.locator('input[type="file"]');
  await csv.setInputFiles({
    name: 'plaintes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      // The headers are the file's own words (shown as written in the report's Column column).
      'Date;How received;Type;Client;Phone;Details;large_print\r\n' +
        '31/02/2026;Fax;Billing;Marie Roy;514 555-0101;Facture en double;no\r\n' +
        '01/11/2026;Phone;Moaning;;418 555-0102;Frais d’itinérance;peut-être\r\n',
      'utf8',
    ),
  });
  const report = page.getByRole('table', { name: 'Rapport de validation' });
  await expect(report).toBeVisible();
  const cell = (row: number, field: string) => report.locator(`tr[data-row="${row}"][data-field="${field}"]`);
  await expect(cell(2, 'channel')).toContainText(
    '«\u00a0Fax\u00a0» n’est pas un mode de réception\u00a0: utilisez Téléphone, Courriel, Formulaire Web, Lettre, En personne, Clavardage',
  );
  await expect(cell(2, 'receivedOn')).toContainText(
    '«\u00a031/02/2026\u00a0» n’est pas une vraie date\u00a0: ce mois n’a pas ce jour',
  );
  await expect(cell(3, 'category')).toContainText('«\u00a0Moaning\u00a0» n’est pas une catégorie');
  await expect(cell(3, 'customerName')).toContainText('Indiquez le nom de la personne cliente');
  await expect(cell(3, 'largePrint')).toContainText('«\u00a0peut-être\u00a0» n’est ni oui ni non');
  await report.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/import-rows-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  const rowsLeft = await englishLeft(page);

  // A CSV that is not a table (a quote never closed).
  await csv.setInputFiles({
    name: 'cassé.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Date,Channel,Category,Name,Summary\r\n2026-11-01,Phone,Billing,Ann,"never closed\r\n', 'utf8'),
  });
  const notTable = page.getByRole('alert').filter({ hasText: 'Le fichier ne peut pas être lu comme un tableau' });
  await expect(notTable).toContainText('Ligne 2\u00a0: une cellule ouvre des guillemets (") qui ne sont jamais fermés');
  await page.screenshot({ path: `${SHOTS}/import-not-table-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  const notTableLeft = await englishLeft(page);

  // Backup files that are not backups: refused in French, nothing restored.
  await page.getByRole('link', { name: 'Vos données' }).click();
  await expect(page.getByRole('heading', { name: 'Vos données', level: 1 })).toBeVisible();
  const restore = async (name: string, buffer: Buffer) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choisir un fichier de sauvegarde…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
  };
  const refusal = page.getByRole('alert').filter({ hasText: 'Rien n’a été restauré' });
  await restore('vide.redress-backup', Buffer.alloc(0));
  await expect(refusal).toContainText('Ce fichier n’est pas une sauvegarde Redress (le fichier est vide).');
  const emptyLeft = await englishLeft(page);
  await restore('plaintes.csv', Buffer.from('Date,Name\r\n2026-11-01,Ann\r\n'));
  await expect(refusal).toContainText(
    'Ce fichier n’est pas une sauvegarde Redress (ce n’est ni une sauvegarde compressée ni un en-tête de sauvegarde).',
  );
  const otherLeft = await englishLeft(page);
  const compressed = gzipSync(Buffer.from(`{"format":"redress-backup","formatVersion":2}\n${'x'.repeat(5000)}\n`));
  await restore('coupée.redress-backup', compressed.subarray(0, Math.floor(compressed.length / 2)));
  await expect(refusal).toContainText(
    'Le fichier de sauvegarde est incomplet\u00a0: le fichier se termine avant la fin des données compressées.',
  );
  await refusal.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/restore-refused-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  const cutLeft = await englishLeft(page);

  // A sealed backup whose rows are invalid: the list under the refusal says each problem in French, at its place.
  await restore('invalide.redress-backup', Buffer.from(made.backup, 'base64'));
  await expect(refusal).toContainText('Le fichier de sauvegarde n’est pas valide');
  const list = refusal.getByRole('list', { name: 'Problèmes trouvés' });
  await expect(list.getByRole('listitem')).toHaveText([
    'cases[0].receivedOn\u00a0: n’est pas une date (aaaa-mm-jj)',
    'cases[0].stage\u00a0: dépasse 200 caractères',
    'cases[1].channel\u00a0: doit être l’une des valeurs suivantes\u00a0: phone, email, web, letter, in-person, chat',
    'cases[1].summary\u00a0: manquant',
  ]);
  await refusal.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/restore-invalid-list-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  const listLeft = await englishLeft(page);

  // A procedure file the schema refuses: the refusal names the field and says what is wrong, in French.
  await page.getByRole('link', { name: 'Paramètres' }).click();
  const procedures = page.getByRole('region', { name: 'Procédures' });
  const chooser = page.waitForEvent('filechooser');
  await procedures.getByRole('button', { name: 'Importer une procédure…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'procedure.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'redress-procedure', formatVersion: 1, procedure: { id: 'x' } })),
  });
  const notImported = procedures.getByRole('alert').filter({ hasText: 'Procédure non importée' });
  await expect(notImported).toContainText(
    /La procédure de ce fichier n’est pas valide\u00a0: procedure\.version\u00a0: valeur non valide\u00a0: nombre attendu, rien reçu \(et \d+ de plus\)\. Rien n’a été importé\./,
  );
  await notImported.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/procedure-file-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  const fileLeft = await englishLeft(page);

  // A procedure file with an impossible date: the date as written, what is wrong with it, in French.
  const dateChooser = page.waitForEvent('filechooser');
  await procedures.getByRole('button', { name: 'Importer une procédure…' }).click();
  await (
    await dateChooser
  ).setFiles({ name: 'procedure-date.json', mimeType: 'application/json', buffer: Buffer.from(made.procedure) });
  await expect(notImported).toContainText(
    'La procédure de ce fichier n’est pas valide\u00a0: procedure.effectiveFrom\u00a0: «\u00a02026-13-01\u00a0» n’est pas une date réelle\u00a0: il n’y a pas de mois 13. Rien n’a été importé.',
  );
  await notImported.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/procedure-date-fr.png`, fullPage: false, style: HIDE_MESSAGES });
  const dateLeft = await englishLeft(page);

  // The procedure editor: a stage without a name is refused under its field, in French.
  await procedures.getByRole('button', { name: 'Ofcom baseline procedure' }).first().click();
  await procedures.getByRole('button', { name: 'Copier Ofcom baseline procedure', exact: true }).click();
  const editor = page.getByRole('region', { name: /^Modifier Ofcom baseline procedure \(copie\) \(v1\)$/ });
  await expect(editor).toBeVisible();
  await messagesGone(page);
  const stageName = editor.getByRole('textbox', { name: 'Étape 1\u00a0: nom' });
  await stageName.fill(' ');
  await editor.getByRole('button', { name: /^Enregistrer/ }).click();
  await expect(stageName).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByText('ne doit pas être vide', { exact: true })).toBeVisible();
  await expect(editor).toContainText('1 champ doit être modifié.');
  // The summary names the problem by its field's label (p8c, issue #16 G7).
  await expect(editor.getByRole('alert')).toContainText('Étape 1\u00a0: nom\u00a0: ne doit pas être vide');
  await expect(editor.getByRole('complementary', { name: 'Aperçu' })).toContainText(
    'Aucun aperçu tant que ceci n’est pas modifié\u00a0: Étape 1\u00a0: nom\u00a0: ne doit pas être vide',
  );
  await stageName.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/procedure-editor-field-fr.png`, fullPage: false, style: HIDE_MESSAGES });
  await editor.getByRole('alert').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/procedure-editor-summary-fr.png`, fullPage: false, style: HIDE_MESSAGES });
  const editorLeft = await englishLeft(page);

  expect({ rowsLeft, notTableLeft, emptyLeft, otherLeft, cutLeft, listLeft, fileLeft, dateLeft, editorLeft }).toEqual({
    rowsLeft: [],
    notTableLeft: [],
    emptyLeft: [],
    otherLeft: [],
    cutLeft: [],
    listLeft: [],
    fileLeft: [],
    dateLeft: [],
    editorLeft: [],
  });
});

// p8e: a letter refused for what the desk gave (here, a customer with no postal address) is said in French in the
// letter dialog, from its code; the English it keeps is the letters' own record.
test('a letter to a customer with no postal address is refused in French', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: '2026-04-08',
    channel: 'Phone',
    category: 'Billing',
    summary: 'Phoned about a price rise.',
    name: 'Phone Caller',
    phone: '0113 496 0000',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-000001$/);
  await page.getByRole('link', { name: 'Settings' }).click();
  await chooseOption(page, 'Language of the interface', 'Français (Canada)');
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible();
  await messagesGone(page);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-000001$/);

  await page.getByRole('button', { name: 'Accusé de réception…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rédiger une lettre' });
  const alert = dialog.getByRole('alert');
  if (!(await alert.isVisible())) await dialog.getByRole('button', { name: 'Prévisualiser' }).click();
  await expect(alert).toContainText(
    'Le ou la titulaire (Phone Caller) n’a pas d’adresse postale\u00a0: ajoutez-en une avant de produire une lettre.',
  );
  await page.addStyleTag({ content: HIDE_MESSAGES });
  await page.screenshot({ path: `${SHOTS}/letter-no-address-fr.png` });
  expect(await englishLeft(page)).toEqual([]);
});

// say7: the app's own code (its drawing chunk, app/boot) failing to load is said as that, not as the database, in
// the computer's language (the catalogue is in the entry chunk; the desk's settings are not read yet).
test.describe('the app’s code failing to load', () => {
  test.use({ locale: 'fr-CA' });

  test('is said in French as the app’s code, with the reason, not as the database', async ({ page, consoleErrors }) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.route(/\/assets\/boot-[^/]*\.js$/, (route) => route.abort('failed'));
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(/^Redress n’a pas pu charger son propre code\u00a0: .+\. Rechargez la page/);
    await expect(alert).not.toContainText('base de données');
    await page.screenshot({ path: `${SHOTS}/app-code-error-fr.png` });
    expect(await englishLeft(page)).toEqual([]);
    // The refused chunk is logged by the browser: that is the test's own doing.
    consoleErrors.splice(0, consoleErrors.length);
  });
});
