// Corrections are entries, never edits (issue #15): correct a received date and see the ADR date move on the case page
// and the dashboard; void an escalation and see the stage go back; reopen a closed case; move a case to another
// provider (issue #16): its procedure follows, the dates that move and any mismatch are shown before saving; once the
// provider is retired it takes no new complaint and the case keeps it.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { axeViolations } from '#test/support/axe';
import {
  act,
  addDays,
  addProvider,
  allRows,
  chooseIn,
  chooseOption,
  closedCase,
  expect,
  fillDate,
  JIVE_CANADA,
  logComplaint,
  openAction,
  putRows,
  setUpDesk,
  test,
  textbox,
  todayInLondon,
} from './fixtures';

/** The correction dialog with a provider change, in English and French, for people to look at. */
const SHOTS = process.env.P8D_SHOTS ?? '/tmp/p8d-shots';

const shots = (name: string) => fileURLToPath(new URL(`../output/screenshots/${name}.png`, import.meta.url));

// Taken again before each test, not once when the file loads (see todayInLondon).
let today = todayInLondon();
test.beforeEach(() => {
  today = todayInLondon();
});

const HIDE_NOTIFICATIONS = '.mantine-Notifications-root { display: none !important; }';
const adrDue = (page: Page) => page.locator('[data-clock="adr-letter"] [data-due-on]');

test('correct a received date, void an escalation, reopen a closed case, move a case to another provider', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await setUpDesk(page);
  // Logged as received 10 days ago: the ADR letter (6 weeks) is due in 32 days.
  await logComplaint(page, {
    receivedOn: addDays(today, -10),
    channel: 'Phone',
    category: 'Billing',
    summary: 'Charged twice for November',
    name: 'Ruth Price',
    phone: '0113 496 0000',
  });
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const reference = (await heading.textContent())!.trim();
  await expect(adrDue(page)).toHaveAttribute('data-due-on', addDays(today, 32));

  // The dashboard does not list it among the ADR letters due (more than 14 days away).
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('region', { name: 'ADR letters due', exact: true })).not.toContainText(reference);
  await page
    .getByRole('link', { name: new RegExp(reference) })
    .first()
    .click();
  await expect(heading).toHaveText(reference);

  // The letter was in fact received 35 days ago: the form says which dates change before it is saved.
  let dialog = await openAction(page, 'Correct the complaint’s facts');
  await expect(dialog.getByRole('heading', { name: 'Correct the complaint’s facts' })).toBeVisible();
  const preview = dialog.getByLabel('Dates that change');
  // A date typed wrongly first, 70 days ago: the ADR letter's new date has already passed, and the preview says so.
  await fillDate(dialog.getByLabel('Date received'), addDays(today, -70));
  await expect(preview.locator('[data-overdue]')).toHaveText(
    /^ADR letter: .+ → .+, a date already past: overdue as soon as this is saved$/,
  );
  await dialog.screenshot({ path: shots('150a-correction-date-already-past'), style: HIDE_NOTIFICATIONS });
  await fillDate(dialog.getByLabel('Date received'), addDays(today, -35));
  await expect(preview).toContainText('ADR letter');
  await expect(preview).toContainText('→');
  await expect(preview.locator('[data-overdue]')).toHaveCount(0);
  await textbox(dialog, 'Why the correction').fill('The letter was date-stamped a month earlier');
  await dialog.getByLabel('Date received').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await dialog.screenshot({ path: shots('150-correction-dates-that-change'), style: HIDE_NOTIFICATIONS });
  await dialog.getByRole('button', { name: 'Save the correction' }).click();
  // More than 30 days ago: asked about as at intake, with the date in words; the desk means it.
  const sure = page.getByRole('dialog', { name: 'Are you sure?' });
  await expect(sure).toContainText('35 days ago');
  await sure.getByRole('button', { name: 'Yes, that date' }).click();
  await expect(sure).toBeHidden();
  await expect(dialog).toBeHidden();
  await expect(adrDue(page)).toHaveAttribute('data-due-on', addDays(today, 7));
  const timeline = page.getByLabel('Timeline');
  await expect(timeline).toContainText('Corrected date received');
  await expect(timeline).toContainText('The letter was date-stamped a month earlier');
  // The receipt keeps the day it was logged with, and says it has been corrected since.
  await expect(timeline.locator('[data-event-type="received"] [data-received-corrected]')).toHaveText(
    /^Date received since corrected to .+: see the correction below\.$/,
  );

  // The dashboard moved at once: the ADR letter is now due in 7 days.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  const adrList = page.getByRole('region', { name: 'ADR letters due', exact: true });
  await expect(adrList).toContainText(reference);
  await expect(adrList).toContainText('7 days left');
  await adrList.getByRole('link', { name: new RegExp(reference) }).click();
  await expect(heading).toHaveText(reference);

  // Escalate by mistake, then void it: the stage goes back, the entry stays struck through.
  dialog = await openAction(page, 'Escalate to the next stage');
  await textbox(dialog, 'Reason for escalating').fill('Asked for a manager');
  await dialog.getByRole('button', { name: 'Escalate', exact: true }).click();
  await expect(dialog).toBeHidden();
  const stage = page.getByLabel('Stage');
  await expect(stage).toContainText('Complaints team');

  await page.getByRole('button', { name: /^Void the entry of .*Escalated from Front line/ }).click();
  dialog = page.getByRole('dialog', { name: 'Void this entry' });
  const effects = dialog.getByLabel('What else this affects');
  await expect(effects).toContainText('Stage: Complaints team → Front line');
  await textbox(dialog, 'Why it is void').fill('Escalated the wrong case');
  await dialog.getByRole('button', { name: 'Void the entry' }).click();
  await expect(dialog).toBeHidden();
  await expect(stage).toContainText('Front line');
  const voided = timeline.locator('[data-voided="yes"]');
  await expect(voided).toHaveCount(1);
  await expect(voided).toContainText('Escalated from Front line');
  await expect(voided).toContainText(`by Sam Patel: Escalated the wrong case`);
  await page.getByRole('button', { name: 'Actions', exact: true }).press('Escape');
  await timeline.scrollIntoViewIfNeeded();
  await page
    .getByRole('heading', { name: 'Timeline', level: 2 })
    .locator('..')
    .screenshot({ path: shots('151-voided-entry-struck-through'), style: HIDE_NOTIFICATIONS });

  // A closed case is reopened with a reason.
  const closed = await closedCase(
    page,
    {
      receivedOn: addDays(today, -5),
      channel: 'Email',
      category: 'Service',
      summary: 'Engineer did not come',
      name: 'Omar Hale',
      phone: '0113 496 0001',
    },
    { ack: addDays(today, -5), resolved: addDays(today, -3), closed: addDays(today, -2) },
  );
  await expect(heading).toHaveText(closed);
  await expect(page.getByTestId('case-status')).toHaveText('Closed');
  dialog = await openAction(page, 'Reopen the case');
  await textbox(dialog, 'Why it is reopened').fill('The engineer did not come again');
  await dialog.getByRole('button', { name: 'Reopen', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(timeline).toContainText('Case reopened: The engineer did not come again');
  await expect(page.getByTestId('case-status')).toHaveText('Open');

  // Issue #16: the case moves to another provider. A second provider, Jive Canada, from Settings → Providers.
  const caseUrl = page.url();
  await page.getByRole('link', { name: 'Settings' }).click();
  await addProvider(page, JIVE_CANADA);
  await page.goto(caseUrl);
  await expect(heading).toHaveText(closed);
  await expect(page.getByText('Provider: Northwind Broadband Ltd')).toBeVisible();
  dialog = await openAction(page, 'Correct the complaint’s facts');
  // Choosing Jive Canada sets the procedure to Jive's own; the preview, under the procedure, lists the dates that move.
  await chooseIn(page, dialog, 'Provider', 'Jive Canada');
  const procedure = dialog.getByRole('combobox', { name: 'Procedure' });
  await expect(procedure).toHaveValue('Jive Canada complaint handling code');
  const moved = dialog.getByLabel('Dates that change');
  // Jive's code has its own stages and an acknowledgement clock, and no Ofcom ADR letter (the CCTS instead).
  await expect(moved).toContainText('Stage: Front line → Customer support');
  await expect(moved).toContainText(/Acknowledgement: — → \w{3} \d{1,2} \w{3} \d{4}/);
  await expect(moved).toContainText(/ADR letter: \w{3} \d{1,2} \w{3} \d{4} → —/);
  await expect(dialog.locator('[data-mismatch]')).toHaveCount(0);
  mkdirSync(SHOTS, { recursive: true });
  await moved.scrollIntoViewIfNeeded();
  await dialog.screenshot({ path: `${SHOTS}/correction-provider-follows-en.png`, style: HIDE_NOTIFICATIONS });
  // Keeping the UK procedure on the Canadian provider is warned of before saving; it could still be saved.
  await chooseIn(page, dialog, 'Procedure', 'Ofcom baseline procedure');
  const mismatches = dialog.getByLabel('Check before saving: this does not fit together');
  await expect(mismatches.locator('[data-mismatch="procedure-calendar"]')).toHaveText(
    'The UK procedure “Ofcom baseline procedure” is counted on the Canada (federal) calendar: its working days and holidays are Canadian.',
  );
  await expect(mismatches.locator('[data-mismatch="procedure-region"]')).toBeVisible();
  await mismatches.scrollIntoViewIfNeeded();
  await dialog.screenshot({ path: `${SHOTS}/correction-provider-en.png`, style: HIDE_NOTIFICATIONS });
  // Back to Jive's own procedure: nothing to warn of. A reason is required.
  await chooseIn(page, dialog, 'Procedure', 'Jive Canada complaint handling code');
  await expect(dialog.locator('[data-mismatch]')).toHaveCount(0);
  await expect(moved).toContainText('→');
  await dialog.getByRole('button', { name: 'Save the correction' }).click();
  await expect(textbox(dialog, 'Why the correction')).toHaveAttribute('aria-invalid', 'true');
  await textbox(dialog, 'Why the correction').fill('The customer is with Jive in Montréal');
  await dialog.getByRole('button', { name: 'Save the correction' }).click();
  await expect(dialog).toBeHidden();
  // The timeline's entry names both providers; the case page says the new one.
  const entry = timeline.getByText(/Corrected .*provider Northwind Broadband Ltd → Jive Canada/);
  await expect(entry).toContainText('The customer is with Jive in Montréal');
  await expect(page.getByText('Provider: Jive Canada')).toBeVisible();

  // Jive Canada retired: it takes no new complaint (the intake has only the first provider left, so asks for none),
  // and its case keeps working: the case page and the correction form still name it, as retired.
  await page.getByRole('link', { name: 'Settings' }).click();
  const providers = page.getByRole('region', { name: 'Providers' });
  await providers.getByRole('button', { name: 'Retire Jive Canada' }).click();
  await expect(providers.getByRole('row', { name: /Jive Canada/ })).toContainText('Retired');
  await page.getByRole('link', { name: 'New complaint' }).click();
  await expect(page.getByLabel('Date received')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveCount(0);
  await page.goto(caseUrl);
  await expect(page.getByText('Provider: Jive Canada')).toBeVisible();
  dialog = await openAction(page, 'Correct the complaint’s facts');
  await expect(dialog.getByRole('combobox', { name: 'Provider' })).toHaveValue('Jive Canada (retired)');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // In French: moving it back with Jive's procedure kept is warned of in French.
  await page.getByRole('link', { name: 'Settings' }).click();
  await chooseOption(page, 'Language of the interface', 'Français (Canada)');
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible();
  await page.goto(caseUrl);
  await expect(page.getByText('Fournisseur\u00a0: Jive Canada')).toBeVisible();
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Corriger les faits du dossier…', exact: true }).click();
  dialog = page.getByRole('dialog');
  await chooseIn(page, dialog, 'Fournisseur', 'Northwind Broadband Ltd');
  await expect(dialog.getByRole('combobox', { name: 'Procédure' })).toHaveValue('Ofcom baseline procedure');
  await chooseIn(page, dialog, 'Procédure', 'Jive Canada complaint handling code');
  const enFrancais = dialog.locator('[data-correction-mismatches]');
  await expect(enFrancais.locator('[data-mismatch="procedure-calendar"]')).toContainText(
    'La procédure canadienne «\u00a0Jive Canada complaint handling code\u00a0» est calculée selon le calendrier',
  );
  await enFrancais.scrollIntoViewIfNeeded();
  await dialog.screenshot({ path: `${SHOTS}/correction-provider-fr.png`, style: HIDE_NOTIFICATIONS });
  await dialog.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a proposal voided after the customer accepted it: the case says the acceptance no longer fits the steps before it', async ({
  page,
}) => {
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: addDays(today, -4),
    channel: 'Phone',
    category: 'Service',
    summary: 'Broadband drops every evening',
    name: 'Dorothy Vaughan',
    phone: '0113 496 0002',
  });
  let dialog = await openAction(page, 'Propose a resolution');
  await chooseIn(page, dialog, 'How it was proposed', 'Phone');
  await textbox(dialog, 'The proposed resolution').fill('Refund of £12.50');
  await dialog.getByRole('button', { name: 'Record proposal' }).click();
  await expect(dialog).toBeHidden();
  dialog = await openAction(page, 'Record the customer’s acceptance');
  // How they accepted: as the proposal was made (by phone), already chosen.
  await textbox(dialog, 'Accepted by').fill('Dorothy Vaughan');
  await dialog.getByRole('button', { name: 'Record acceptance' }).click();
  await expect(dialog).toBeHidden();
  const misfits = page.getByRole('region', { name: 'Steps that do not fit together' });
  await expect(misfits).toHaveCount(0);

  // The proposal is voided: the void form lists the acceptance that leans on it, which stays.
  await page.getByRole('button', { name: /^Void the entry of .*Resolution proposed/ }).click();
  dialog = page.getByRole('dialog', { name: 'Void this entry' });
  await expect(dialog.getByLabel('What else this affects')).toContainText('accepted the proposed resolution');
  await textbox(dialog, 'Why it is void').fill('Proposed on the wrong case');
  await dialog.getByRole('button', { name: 'Void the entry' }).click();
  await expect(dialog).toBeHidden();
  await expect(misfits).toBeVisible();
  await expect(misfits).toContainText('Dorothy Vaughan accepted the proposed resolution (by phone)');
  await expect(misfits).toContainText('No resolution has been proposed');
  await misfits.screenshot({ path: shots('186-case-steps-that-do-not-fit'), style: HIDE_NOTIFICATIONS });
  expect(await axeViolations(page, '[data-misfit-steps]'), 'axe violations on the steps that do not fit').toEqual([]);
  // Voiding the acceptance too puts the case right.
  await page.getByRole('button', { name: /^Void the entry of .*accepted the proposed resolution/ }).click();
  dialog = page.getByRole('dialog', { name: 'Void this entry' });
  await textbox(dialog, 'Why it is void').fill('Its proposal was voided');
  await dialog.getByRole('button', { name: 'Void the entry' }).click();
  await expect(dialog).toBeHidden();
  await expect(misfits).toHaveCount(0);
});

test('an entry dated tomorrow by a desk whose clock was ahead is said so, and once voided stops nothing (explore40-team #2, #3)', async ({
  page,
}) => {
  await setUpDesk(page);
  await logComplaint(page, {
    receivedOn: addDays(today, -3),
    channel: 'Phone',
    category: 'Billing',
    summary: 'Charged twice for November',
    name: 'Mary Jackson',
    phone: '0113 496 0003',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);
  // Another desk's note, dated tomorrow by its computer's fast clock, as the team's copy brings it here.
  const [row] = await allRows<{ caseId: string; entries: Array<Record<string, unknown>>; entryCount: number }>(
    page,
    'timelines',
  );
  const note = {
    id: 'entry-from-a-fast-clock',
    caseId: row.caseId,
    type: 'note',
    on: addDays(today, 1),
    at: new Date(Date.now() + 86_400_000).toISOString(),
    by: 'Tom Reilly',
    summary: 'Customer sent his tenancy agreement',
  };
  await putRows(page, 'timelines', [{ ...row, entries: [...row.entries, note], entryCount: row.entryCount + 1 }]);
  await page.reload();
  const timeline = page.getByLabel('Timeline');
  await expect(timeline.locator('[data-dated-ahead]')).toContainText('Dated after today (');
  await expect(timeline.locator('[data-dated-ahead]')).toContainText('void it and record it again');
  await page.screenshot({ path: shots('188-case-entry-dated-ahead'), fullPage: true, style: HIDE_NOTIFICATIONS });

  // Acknowledging today is refused, naming the note…
  const dialog = await openAction(page, 'Acknowledge');
  await fillDate(textbox(dialog, 'Date'), today);
  await dialog.getByRole('button', { name: /^Record/ }).click();
  await expect(dialog).toContainText('The date cannot be before the last entry on the timeline');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // …until it is voided (then the note on it goes: it no longer counts).
  await page.getByRole('button', { name: /^Void the entry of .*Customer sent his tenancy agreement/ }).click();
  const voiding = page.getByRole('dialog', { name: 'Void this entry' });
  await textbox(voiding, 'Why it is void').fill('Dated by a computer whose clock was a day fast');
  await voiding.getByRole('button', { name: 'Void the entry' }).click();
  await expect(voiding).toBeHidden();
  await expect(timeline.locator('[data-dated-ahead]')).toHaveCount(0);
  // The void is recorded now, as this desk's clock says, though it is kept after the note in the timeline's order (one
  // millisecond after the fast clock's moment): not "recorded" tomorrow (explore40-team #4).
  const writtenToday = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(new Date(`${today}T12:00:00Z`));
  await expect(timeline.locator('[data-event-type="voided"]')).toContainText(`recorded ${writtenToday}, `);
  await act(page, 'Acknowledge', [['Date', today]], 'Complaint acknowledged');
});
