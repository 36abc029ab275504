// A refusal of the records on a French screen (issue #17; say9): two windows of one desk (two pages of one browser
// context share the IndexedDB database) both open "Remove an attachment" for the same file; window B removes it, then
// window A's removal is refused by the repository (a RecordRefusal), and its dialog says why in French, from the
// refusal's code, with none of the English catalogue's words left. (Every screen guards a file added to an anonymised
// case, so that refusal is proved by renderer/src/db/repositories/refusals.test.ts.)
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { chooseOption, expect, logComplaint, messagesGone, setUpDesk, test } from './fixtures';
import { englishLeft } from './french';

const SHOTS = process.env.I18N_SHOTS ?? '/tmp/say9-shots';
const HIDE_MESSAGES = '.mantine-Notifications-root { display: none !important; }';

async function openRemove(page: Page) {
  await page
    .getByRole('table', { name: 'Pièces jointes' })
    .getByRole('button', { name: 'Retirer facture.txt…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Retirer une pièce jointe' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Settings → the interface in French (Canada), the notification gone. */
async function switchToFrench(page: Page) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await chooseOption(page, 'Language of the interface', 'Français (Canada)');
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible();
  await messagesGone(page);
}

test('a file already removed in another window: the refusal is said in French', async ({ page }) => {
  test.setTimeout(150_000);
  mkdirSync(SHOTS, { recursive: true });
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: '2026-11-18',
    channel: 'Letter',
    category: 'Billing',
    summary: 'Charged twice for October.',
    name: 'Ada Lovelace',
    address: '12 St James Square\nLondon',
    postcode: 'SW1Y 4JH',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-000001$/);
  const caseUrl = page.url();
  await switchToFrench(page);
  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-000001$/);

  // A file on the case.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Ajouter des fichiers…' }).click();
  await (await chooser).setFiles([{ name: 'facture.txt', mimeType: 'text/plain', buffer: Buffer.from('Facture\n') }]);
  const adding = page.getByRole('dialog', { name: 'Ajouter des fichiers au dossier' });
  await adding.getByRole('button', { name: 'Ajouter le fichier' }).click();
  await expect(adding).toBeHidden();
  await expect(page.getByRole('table', { name: 'Pièces jointes' })).toContainText('facture.txt');
  await messagesGone(page);

  // Window B opens the same case (in French too: the choice is the person's, at this computer).
  const b = await page.context().newPage();
  await b.goto(page.url());
  await expect(b.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-000001$/);

  // A opens the removal and gives a reason; B removes the file first.
  const inA = await openRemove(page);
  await inA.getByRole('textbox', { name: /Pourquoi est-elle retirée/ }).fill('Mauvais dossier');
  const inB = await openRemove(b);
  await inB.getByRole('textbox', { name: /Pourquoi est-elle retirée/ }).fill('Envoyée par erreur');
  await inB.getByRole('button', { name: 'Retirer la pièce jointe' }).click();
  await expect(inB).toBeHidden();
  await b.close();

  // A's removal is refused, in French, and the dialog stays open with what was typed.
  await inA.getByRole('button', { name: 'Retirer la pièce jointe' }).click();
  await expect(inA).toContainText('Cette pièce jointe a déjà été retirée.');
  await expect(inA).not.toContainText('This attachment was already removed.');
  await expect(inA.getByRole('textbox', { name: /Pourquoi est-elle retirée/ })).toHaveValue('Mauvais dossier');
  await page.screenshot({ path: `${SHOTS}/refusal-removed-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  expect(await englishLeft(page)).toEqual([]);
  // One removal on the timeline: B's.
  await inA.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.locator('[data-event-type="attachment-removed"]')).toHaveCount(1);
});

test('a file picked as an email that is not one is refused in French', async ({ page }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  await setUpDesk(page);
  await switchToFrench(page);
  await page.getByRole('link', { name: 'Nouvelle plainte' }).first().click();
  await page
    .getByLabel('Fichier de courriel')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Rappeler lundi.\n') });
  const notice = page.locator('.mantine-Notification-root', { hasText: 'Ce n’est pas un courriel' });
  await expect(notice).toContainText(
    'Ce fichier n’est pas un courriel\u00a0: «\u00a0notes.txt\u00a0»\u00a0: il ne commence pas par des en-têtes de courriel',
  );
  await expect(notice).not.toContainText('This file is not an email');
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: `${SHOTS}/refusal-not-an-email-fr.png` });
  expect(await englishLeft(page)).toEqual([]);
});

/** A date box in French (Canada) reads aaaa-mm-jj as it is typed. */
async function frenchDate(box: Locator, iso: string) {
  await box.fill(iso);
  await box.press('Tab');
}

test('a date before the last entry is refused in French, naming that entry as the timeline does', async ({ page }) => {
  test.setTimeout(120_000);
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: '2026-11-18',
    channel: 'Phone',
    category: 'Billing',
    summary: 'Charged twice for October.',
    name: 'Ada Lovelace',
    phone: '0113 496 0101',
  });
  const caseUrl = page.url();
  await switchToFrench(page);
  await page.goto(caseUrl);

  const act = async (item: string, title: string) => {
    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await page.getByRole('menuitem', { name: item }).click();
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    return dialog;
  };
  const ack = await act('Accuser réception…', 'Accuser réception');
  await frenchDate(ack.getByRole('textbox', { name: 'Date' }), '2026-11-20');
  await chooseOption(page, 'Mode de l’accusé de réception', 'Téléphone');
  await ack.getByRole('button', { name: 'Inscrire l’accusé de réception' }).click();
  await expect(ack).toBeHidden();
  const said = await page.locator('[data-event-type="acknowledged"]').first().innerText();
  expect(said).toContain('Accusé de réception envoyé');

  const note = await act('Ajouter une note…', 'Ajouter une note');
  await note.getByRole('textbox', { name: 'Note' }).fill('Rappel du client.');
  await frenchDate(note.getByRole('textbox', { name: 'Date' }), '2026-11-19');
  await note.getByRole('button', { name: 'Ajouter la note' }).click();
  const refusal = note.getByText(/antérieure à la dernière inscription/);
  await expect(refusal).toContainText('(20 nov. 2026\u00a0: Accusé de réception envoyé');
  await expect(refusal).not.toContainText('acknowledged');
});

test('in French, a case under the built-in Canadian procedure names its stage, next step and clock in French', async ({
  page,
}) => {
  // A Canadian desk: Jive Canada's code on the Canadian calendar, set up at the first run.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up your desk' })).toBeVisible();
  await page.getByLabel('Company name').fill('Jive Communications Canada');
  await page.getByLabel('Postal address').fill('1 rue Sainte-Catherine\nMontréal QC');
  await page.getByLabel('Postcode').fill('H3B 1A7');
  await page.getByLabel('Desk prefix').fill('JIV');
  await page.getByLabel('Your name').fill('Sam Patel');
  await chooseOption(page, 'Working-day calendar', 'Canada (federal)');
  await chooseOption(page, 'Complaints procedure', 'Jive Canada complaint handling code');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  // Saving says the reference the next complaint will get, whole (it said "will start JIV-").
  await expect(page.locator('.mantine-Notification-root', { hasText: 'Settings saved' })).toContainText(
    /The next complaint logged will be JIV-\d{4}-000001/,
  );
  await logComplaint(page, {
    receivedOn: '2026-11-18',
    channel: 'Phone',
    category: 'Billing',
    summary: 'Facturé deux fois.',
    name: 'Élise Gagnon',
    phone: '514 555 0101',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^JIV-\d{4}-000001$/);
  const caseUrl = page.url();
  await switchToFrench(page);
  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^JIV-\d{4}-000001$/);
  // The procedure's own words, in French (explore33-desk #4): they were shown as the built-in procedure writes them.
  await expect(page.getByText('Soutien à la clientèle').first()).toBeVisible();
  await expect(page.locator('[data-next-action="acknowledge"]')).toContainText(
    'Accuser réception de la plainte avec un numéro de suivi et un délai estimatif',
  );
  await expect(page.locator('[data-clock="acknowledgement"]')).toContainText(
    '«\u00a0un accusé de réception avec un numéro',
  );
  for (const english of ['Customer support', 'tracking number'])
    await expect(page.locator('body')).not.toContainText(english);
  await messagesGone(page);
  await page.screenshot({ path: `${SHOTS}/case-jive-fr.png`, fullPage: true, style: HIDE_MESSAGES });
  // The case list names the stage in French too.
  await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
  await expect(page.getByRole('grid')).toContainText('Soutien à la clientèle');
});
