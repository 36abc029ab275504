// Issue #16: one desk, several providers. Two providers are set up on one desk (a UK one on the Kijoma procedure, the
// Canadian Jive one with French letters); a complaint is logged for each from the intake; each case's letters carry
// its own letterhead (its logo too: pdfimages), language, ADR scheme and procedure's escalation wording (read with
// pdftotext) whatever the desk's usual provider is; the dashboard shows both. A provider whose procedure and calendar do not fit together is saved only after the desk says why.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { axeViolations } from '#test/support/axe';
import { SAMPLE_LOGO_DATA_URL } from '#test/support/desk';
import {
  addProvider,
  chooseIn as choose,
  chooseOption,
  expect,
  issueLetterFromDialog,
  logComplaint,
  setUpDesk,
  test,
  todayInLondon,
} from './fixtures';

const shots = (name: string) => fileURLToPath(new URL(`../output/screenshots/${name}.png`, import.meta.url));

// Taken again before each test, not once when the file loads (see todayInLondon).
let today = todayInLondon();
test.beforeEach(() => {
  today = todayInLondon();
});

/**
 * The acknowledgement issued from the letter dialog: its words (pdftotext) and its images' sizes (pdfimages); whether
 * the dialog said the letter gives no time frame (its procedure sets no reply date and promises none).
 */
async function acknowledgement(
  page: Page,
  dir: string,
): Promise<{ text: string; images: string[]; noTimeFrame: string | null; name: string }> {
  await page.getByRole('button', { name: 'Acknowledgement letter…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write a letter' });
  await expect(dialog.getByRole('group', { name: /^Page 1 of \d+$/ })).toBeVisible({ timeout: 20_000 });
  const notice = dialog.locator('[data-notice="no-time-frame"]');
  const noTimeFrame = (await notice.count()) ? await notice.textContent() : null;
  const download = await issueLetterFromDialog(page, { button: null });
  const pdf = join(dir, download.suggestedFilename());
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  // pdfimages -list: two header lines, then a row per image: page, num, type, width, height, …
  const rows = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
  const images = rows.map((row) => row.trim().split(/\s+/).slice(3, 5).join('×'));
  return { text, images, noTimeFrame, name: download.suggestedFilename() };
}

test('two providers on one desk: each case keeps its own provider, letterhead, language, scheme and escalation wording', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'redress-providers-'));
  await setUpDesk(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const providers = page.getByRole('region', { name: 'Providers' });
  // The first provider was made from the first-run letterhead.
  await expect(providers.getByRole('row', { name: /Northwind Broadband Ltd/ })).toBeVisible();

  await addProvider(page, {
    name: 'Kijoma Broadband',
    company: 'Kijoma Broadband Ltd',
    address: '21 Ship Street\nFolkestone',
    postcode: 'CT19 5BE',
    procedure: 'Kijoma Broadband complaints procedure',
    calendar: 'England & Wales',
    region: 'United Kingdom (Ofcom)',
    languages: ['English (UK)'],
    defaultLanguage: 'English (UK)',
  });

  // A provider made Canadian starts writing in English and French (Canada), not in the British English a new provider
  // starts with; British English alone for a Canadian provider is warned of.
  {
    await providers.getByRole('button', { name: 'Add a provider…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New provider' });
    const box = (language: string) => dialog.getByRole('checkbox', { name: language });
    await expect(box('English (UK)')).toBeChecked();
    await choose(page, dialog, 'Regulator region', 'Canada (CRTC)');
    await expect(box('English (Canada)')).toBeChecked();
    await expect(box('French (Canada)')).toBeChecked();
    await expect(box('English (UK)')).not.toBeChecked();
    await box('English (UK)').check();
    await box('English (Canada)').uncheck();
    await box('French (Canada)').uncheck();
    await expect(dialog.locator('[data-mismatch="language-region"]')).toContainText(
      'Letters only in English (UK) for a Canadian provider',
    );
    await dialog.screenshot({
      path: fileURLToPath(new URL('../output/screenshots/178-provider-canada-english-uk-only.png', import.meta.url)),
      animations: 'disabled',
    });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  }

  // Jive Canada, first with the England & Wales calendar: warned, and not saved until the desk says why; then the
  // calendar is put right and the warning goes.
  await addProvider(
    page,
    {
      name: 'Jive Canada',
      company: 'Jive Communications Canada',
      address: '1000 rue De La Gauchetière\nMontréal QC',
      postcode: 'H3B 4W5',
      procedure: 'Jive Canada complaint handling code',
      calendar: 'England & Wales',
      region: 'Canada (CRTC)',
      languages: ['French (Canada)', 'English (Canada)'],
      defaultLanguage: 'French (Canada)',
    },
    async (dialog) => {
      // Jive's own logo (a 240 × 80 PNG), for its letterhead only.
      await dialog.locator('input[type="file"]').setInputFiles({
        name: 'jive-logo.png',
        mimeType: 'image/png',
        buffer: Buffer.from(SAMPLE_LOGO_DATA_URL.split(',')[1], 'base64'),
      });
      await expect(dialog.getByRole('img', { name: 'The company’s logo' })).toBeVisible();
      await expect(dialog.locator('[data-mismatch="procedure-calendar"]')).toContainText(
        'Canadian procedure “Jive Canada complaint handling code” is counted on the England & Wales calendar',
      );
      await dialog.getByRole('button', { name: 'Save provider' }).click();
      await expect(dialog.getByLabel('Why it is set up this way')).toHaveAttribute('aria-invalid', 'true');
      await choose(page, dialog, 'Working-day calendar', 'Canada (federal)');
      await expect(dialog.locator('[data-mismatch]')).toHaveCount(0);
    },
  );

  // Kijoma is the usual provider.
  await providers.getByRole('button', { name: 'Make usual: Kijoma Broadband' }).click();
  await expect(providers.getByRole('row', { name: /Kijoma Broadband/ })).toContainText('Usual');
  // The header names the desk by its usual provider's company from then on (it kept the first-run letterhead's).
  await expect(page.getByRole('banner')).toContainText('Kijoma Broadband Ltd');
  await expect(page.getByRole('banner')).not.toContainText('Northwind Broadband Ltd');

  // A complaint for each, from the intake: Kijoma (the usual one, offered first) and Jive (chosen).
  await page.getByRole('link', { name: 'New complaint' }).click();
  await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveValue('Kijoma Broadband');
  await logComplaint(page, {
    receivedOn: today,
    channel: 'Letter',
    category: 'Billing',
    summary: 'Charged twice for October',
    name: 'Ada Lovelace',
    address: '12 St James Square\nLondon',
    postcode: 'SW1Y 4JH',
  });
  const reference = page.getByRole('heading', { level: 1 });
  await expect(reference).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const ukRef = (await reference.textContent())!.trim();
  await expect(page.getByText('Provider: Kijoma Broadband')).toBeVisible();

  await logComplaint(page, {
    provider: 'Jive Canada',
    receivedOn: today,
    channel: 'Letter',
    category: 'Service',
    summary: 'Service coupé depuis lundi',
    name: 'Béatrice Tremblay',
    address: '55 rue Sherbrooke\nMontréal QC',
    postcode: 'H2X 1C4',
  });
  await expect(reference).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const caRef = (await reference.textContent())!.trim();
  expect(caRef).not.toBe(ukRef);
  await expect(page.getByText('Provider: Jive Canada')).toBeVisible();

  // The dashboard shows both, neither acknowledged yet.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  const unacknowledged = page.getByRole('region', { name: 'Unacknowledged', exact: true });
  await expect(unacknowledged.getByRole('link', { name: new RegExp(ukRef) })).toBeVisible();
  await expect(unacknowledged.getByRole('link', { name: new RegExp(caRef) })).toBeVisible();
  // Each row says whose case it is: the references share the desk's prefix (explore40-manager #3).
  await expect(unacknowledged.getByRole('link', { name: new RegExp(caRef) })).toContainText('· Jive Canada');
  await expect(unacknowledged.getByRole('link', { name: new RegExp(ukRef) })).toContainText('· Kijoma Broadband');
  await unacknowledged.screenshot({
    path: fileURLToPath(new URL('../output/screenshots/179-dashboard-rows-name-provider.png', import.meta.url)),
  });
  // Filtered by provider: Jive's case alone (the provider said by the filter, not on each row), then every case again.
  await chooseOption(page, 'Provider', 'Jive Canada');
  await expect(unacknowledged.getByRole('link', { name: new RegExp(ukRef) })).toHaveCount(0);
  await expect(unacknowledged.getByRole('link', { name: new RegExp(caRef) })).toBeVisible();
  await expect(unacknowledged.getByRole('link', { name: new RegExp(caRef) })).not.toContainText('Jive Canada');
  await chooseOption(page, 'Provider', 'Kijoma Broadband');
  await expect(unacknowledged.getByRole('link', { name: new RegExp(caRef) })).toHaveCount(0);
  await expect(unacknowledged.getByRole('link', { name: new RegExp(ukRef) })).toBeVisible();
  // The filter stays chosen on coming back from another screen (in this window); a new window starts with every case.
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  // The case list narrows to one provider too (explore32-desk): Jive's case alone, then both again.
  const list = page.getByRole('grid');
  await expect(list.getByRole('row', { name: new RegExp(ukRef) })).toBeVisible();
  await chooseOption(page, 'Provider', 'Jive Canada');
  await expect(list.getByRole('row', { name: new RegExp(caRef) })).toBeVisible();
  await expect(list.getByRole('row', { name: new RegExp(ukRef) })).toHaveCount(0);
  await page.screenshot({
    path: fileURLToPath(new URL('../output/screenshots/180-case-list-by-provider.png', import.meta.url)),
  });
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(list.getByRole('row', { name: new RegExp(ukRef) })).toBeVisible();
  // Reports: the cases received by each provider, every provider of the desk listed (explore40-manager #2).
  await page.getByRole('link', { name: 'Reports' }).click();
  const byProvider = page.getByRole('table', { name: 'Received by provider' });
  await expect(byProvider.getByRole('row', { name: 'Kijoma Broadband 1' })).toBeVisible();
  await expect(byProvider.getByRole('row', { name: 'Jive Canada 1' })).toBeVisible();
  await expect(byProvider.getByRole('row', { name: /^Northwind Broadband Ltd 0$/ })).toBeVisible();
  await page.getByRole('region', { name: 'Received by provider' }).screenshot({
    path: fileURLToPath(new URL('../output/screenshots/181-report-by-provider.png', import.meta.url)),
  });
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(unacknowledged.getByRole('link', { name: new RegExp(ukRef) })).toBeVisible();
  await expect(unacknowledged.getByRole('link', { name: new RegExp(caRef) })).toHaveCount(0);
  await page.reload();
  await expect(unacknowledged.getByRole('link', { name: new RegExp(caRef) })).toBeVisible();

  // Each case's acknowledgement: its own letterhead, language, ADR scheme and the escalation steps in its procedure's
  // words (shared/rules/procedures.ts `wording`). Jive's first (the usual provider is Kijoma).
  await unacknowledged.getByRole('link', { name: new RegExp(caRef) }).click();
  const { text: caText, images: caImages, noTimeFrame: caNotice, name: caName } = await acknowledgement(page, dir);
  // A French letter's file is named in French, without accents (the customer may receive it).
  expect(caName).toBe(`${caRef}-accuse-de-reception.pdf`);
  // The built-in Jive code sets no reply date and promises no time frame: the dialog said so, and where to state one.
  expect(caNotice).toContain('“Jive Canada complaint handling code” sets no reply date and promises no time frame');
  expect(caText).toContain('Nous vous répondrons dès que possible');
  // Jive's logo, once, on its letterhead.
  expect(caImages).toEqual(['240×80']);
  expect(caText).toContain('Jive Communications Canada');
  expect(caText).toContain('Nous avons bien reçu votre plainte');
  expect(caText).not.toContain('Kijoma');
  expect(caText).not.toContain('Northwind');
  // The CCTS, named in French as the fr-CA letter writes it, with its website.
  expect(caText).toContain('la Commission des plaintes relatives aux services de télécom-télévision (CPRST)');
  expect(caText).toContain('www.ccts-cprst.ca');
  expect(caText).not.toContain('Commission for Complaints');
  // Jive's own two escalation steps, not the catalogue's "ask for a manager".
  expect(caText).toContain(
    'que votre plainte soit confiée à notre cadre supérieur, puis au responsable de notre équipe d’assistance',
  );
  expect(caText).not.toContain('qu’un gestionnaire examine votre plainte');

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await unacknowledged.getByRole('link', { name: new RegExp(ukRef) }).click();
  const { text: ukText, images: ukImages, noTimeFrame: ukNotice, name: ukName } = await acknowledgement(page, dir);
  expect(ukName).toBe(`${ukRef}-acknowledgement.pdf`);
  expect(ukNotice).toBeNull();
  // Kijoma has no logo: none printed, not Jive's.
  expect(ukImages).toEqual([]);
  expect(ukText).toContain('Kijoma Broadband Ltd');
  expect(ukText).toContain('21 Ship Street');
  expect(ukText).toContain('We have received your complaint');
  expect(ukText).not.toContain('Jive');
  expect(ukText).not.toContain('Northwind');
  // Kijoma's scheme, CISAS, with its website; not the Communications Ombudsman, not the CCTS.
  expect(ukText).toContain('CISAS (Communications and Internet Services Adjudication Scheme)');
  expect(ukText).toContain('www.cedr.com/consumer/cisas');
  expect(ukText).not.toMatch(/Ombudsman|CCTS|CPRST/);
  // Kijoma's escalation wording, not the catalogue's default.
  expect(ukText).toContain(
    'you can ask for your complaint to go to a manager at an appropriate level within the company',
  );
  expect(ukText).not.toContain('ask for a manager to review the complaint');

  // Settings → Providers: an edit is kept (Kijoma's phone number), and a provider that does not fit together is saved
  // once the desk says why (Miso Business counted on the Canadian calendar), the reason kept with it.
  await page.getByRole('link', { name: 'Settings' }).click();
  await providers.getByRole('button', { name: 'Edit Kijoma Broadband' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Kijoma Broadband' });
  await edit.getByLabel('Phone').fill('0161 496 0123');
  await edit.getByRole('button', { name: 'Save provider' }).click();
  await expect(edit).toBeHidden();
  await providers.getByRole('button', { name: 'Edit Kijoma Broadband' }).click();
  await expect(edit.getByLabel('Phone')).toHaveValue('0161 496 0123');
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(edit).toBeHidden();
  const why = 'Its billing team works from our Montréal office.';
  await addProvider(
    page,
    {
      name: 'Miso Business',
      company: 'Miso Communications Business Ltd',
      address: '3 Dock Road\nHull',
      postcode: 'HU1 1AA',
      procedure: 'Miso Communications complaints procedure',
      calendar: 'Canada (federal)',
      region: 'United Kingdom (Ofcom)',
      languages: ['English (UK)'],
      defaultLanguage: 'English (UK)',
    },
    async (dialog) => {
      await expect(dialog.locator('[data-mismatch="procedure-calendar"]')).toBeVisible();
      await dialog.getByLabel('Why it is set up this way').fill(why);
    },
  );
  await providers.getByRole('button', { name: 'Edit Miso Business' }).click();
  const miso = page.getByRole('dialog', { name: 'Edit Miso Business' });
  await expect(miso.getByLabel('Why it is set up this way')).toHaveValue(why);
  await miso.getByRole('button', { name: 'Cancel' }).click();

  // Retiring the usual provider asks which takes its place, the focus on keeping it (explore36-manager #6).
  await providers.getByRole('button', { name: 'Retire Kijoma Broadband' }).click();
  const retire = page.getByRole('dialog', { name: 'Retire the usual provider?' });
  await expect(retire).toContainText('Kijoma Broadband is the usual provider');
  await expect(retire.getByRole('button', { name: 'Keep Kijoma Broadband' })).toBeFocused();
  // None is chosen ahead: Retire waits for the person's choice, and says so.
  await expect(retire.getByRole('button', { name: 'Retire Kijoma Broadband' })).toBeDisabled();
  await expect(retire).toContainText('Choose one before retiring Kijoma Broadband.');
  expect(await axeViolations(page, '[data-retire-usual]'), 'axe violations on the usual provider question').toEqual([]);
  await page.screenshot({ path: shots('188-providers-retire-usual') });
  await page.keyboard.press('Enter');
  await expect(retire).toBeHidden();
  await expect(providers.getByRole('row', { name: /Kijoma Broadband/ })).not.toContainText('Retired');
  await providers.getByRole('button', { name: 'Retire Kijoma Broadband' }).click();
  await retire.getByRole('combobox', { name: 'New usual provider' }).click();
  await page.getByRole('option', { name: 'Miso Business' }).click();
  await retire.getByRole('button', { name: 'Retire Kijoma Broadband' }).click();
  await expect(page.getByTestId('live-polite')).toHaveText(
    'Kijoma Broadband retired: Miso Business is now the usual provider',
  );
  await expect(providers.getByRole('row', { name: /Kijoma Broadband/ })).toContainText('Retired');
  await expect(providers.getByRole('row', { name: /Miso Business/ })).toContainText('Usual');
});
