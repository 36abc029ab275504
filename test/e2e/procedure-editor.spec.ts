// Issue #16: procedures a desk can edit, safely. Kijoma is copied (the built-in one stays read-only) and a case is
// logged under the copy; its substantive-reply target is then changed from 5 to 3 working days with an effective date:
// the case received before keeps 5, one received after gets 3, and each case page says which version it follows.
// A copy of Jive's code promises a time frame; the Jive acknowledgement (read with pdftotext) carries Jive's own
// escalation steps and that time frame, in French. A copy of Kijoma edited in every part the editor offers (stages
// added, moved and removed, the acknowledgement target, an escalation rule, the ADR scheme) is saved, exported to a
// file whose bytes are that procedure, and imported again under a new id (p8c: issue #16 G8, G9).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { axeViolations } from '#test/support/axe';
import {
  addDays,
  expect,
  fillDate,
  issueLetterFromDialog,
  logComplaint,
  messagesGone,
  allRows,
  chooseOption,
  putRows,
  setUpDesk,
  test,
  todayInLondon,
} from './fixtures';

// Taken again before each test, not once when the file loads (see todayInLondon).
let today = todayInLondon();
test.beforeEach(() => {
  today = todayInLondon();
});
const shots = fileURLToPath(new URL('../output/screenshots/', import.meta.url));

/** The first working day (Monday to Friday) on or before `iso`. */
function weekdayOnOrBefore(iso: string): string {
  let day = iso;
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, -1);
  return day;
}

async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function openProcedures(page: Page): Promise<Locator> {
  await page.getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Procedures' });
  await expect(section).toBeVisible();
  return section;
}

/** Copy a built-in procedure from Settings → Procedures; the editor opens on the copy. */
async function copyProcedure(page: Page, name: string): Promise<Locator> {
  const section = await openProcedures(page);
  await section.getByRole('button', { name }).first().click();
  await section.getByRole('button', { name: `Copy ${name}`, exact: true }).click();
  const editor = page.getByRole('region', { name: `Edit ${name} (copy) (v1)` });
  await expect(editor).toBeVisible();
  // The keyboard's place moves to the editor, which took the list's place.
  await expect(editor.getByRole('heading', { name: `Edit ${name} (copy) (v1)` })).toBeFocused();
  return editor;
}

async function addProvider(
  page: Page,
  p: { name: string; company: string; procedure: string; calendar: string; region: string; languages: string[] },
) {
  const providers = page.getByRole('region', { name: 'Providers' });
  await providers.getByRole('button', { name: 'Add a provider…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New provider' });
  await dialog.getByLabel('Provider name').fill(p.name);
  await dialog.getByLabel('Company name').fill(p.company);
  await dialog.getByLabel('Postal address').fill('1 High Street\nTown');
  await dialog.getByLabel('Postcode').fill('CT19 5BE');
  await choose(page, dialog, 'Complaints procedure', p.procedure);
  await choose(page, dialog, 'Working-day calendar', p.calendar);
  await choose(page, dialog, 'Regulator region', p.region);
  for (const language of ['English (UK)', 'English (Canada)', 'French (Canada)']) {
    const box = dialog.getByRole('checkbox', { name: language });
    if (p.languages.includes(language)) await box.check();
    else await box.uncheck();
  }
  await choose(page, dialog, 'Default letter language', p.languages[0]);
  await dialog.getByRole('button', { name: 'Save provider' }).click();
  await expect(dialog).toBeHidden();
  await providers.getByRole('button', { name: `Make usual: ${p.name}` }).click();
}

const complaint = (receivedOn: string, name: string) => ({
  receivedOn,
  channel: 'Letter',
  category: 'Billing',
  summary: 'Charged twice for October',
  name,
  address: '12 St James Square\nLondon',
  postcode: 'SW1Y 4JH',
});

test('a copy of Kijoma: 5 → 3 working days from an effective date; each case follows its own version', async ({
  page,
}) => {
  // Two procedures saved, a provider, two cases and two case pages: slow on a busy machine.
  test.slow();
  mkdirSync(shots, { recursive: true });
  // Received before the change, the change, and received after it: working days in the past fortnight.
  const before = weekdayOnOrBefore(addDays(today, -14));
  const effective = addDays(before, 3);
  const after = weekdayOnOrBefore(addDays(today, -2));
  await setUpDesk(page);

  const editor = await copyProcedure(page, 'Kijoma Broadband complaints procedure');
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editor).toBeHidden();
  // Back in the list, on the procedure just saved.
  await expect(page.getByRole('button', { name: /^Kijoma Broadband complaints procedure \(copy\)/ })).toBeFocused();
  await addProvider(page, {
    name: 'Kijoma Broadband',
    company: 'Kijoma Broadband Ltd',
    procedure: 'Kijoma Broadband complaints procedure (copy)',
    calendar: 'England & Wales',
    region: 'United Kingdom (Ofcom)',
    languages: ['English (UK)'],
  });

  await logComplaint(page, complaint(before, 'Ada Lovelace'));
  const heading = page.getByRole('heading', { level: 1 });
  const beforeRef = (await heading.textContent())!.trim();
  await expect(page.getByTestId('procedure-version')).toContainText('Kijoma Broadband complaints procedure (copy) v1');

  // Edit the copy: cases follow it, so the save makes version 2 and needs the day it takes effect.
  const section = await openProcedures(page);
  await section.getByRole('button', { name: 'Kijoma Broadband complaints procedure (copy)' }).first().click();
  await section.getByRole('button', { name: 'Edit Kijoma Broadband complaints procedure (copy)' }).click();
  const edit = page.getByRole('region', { name: 'Edit Kijoma Broadband complaints procedure (copy) (v1)' });
  await expect(edit.getByText('Cases follow this procedure')).toBeVisible();
  const amount = edit.getByRole('textbox', { name: 'First response: amount' });
  await expect(amount).toHaveValue('5');
  // A mistyped amount stays as typed and is refused with a message on the field, never rounded or clamped quietly.
  for (const [typed, problem] of [
    ['2.5', 'must be a whole number'],
    ['-3', 'must be 0 or more'],
  ]) {
    await amount.fill(typed);
    await amount.press('Tab');
    await expect(amount).toHaveValue(typed);
    await edit.getByRole('button', { name: 'Save as version 2' }).click();
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
    await expect(amount).toHaveAccessibleDescription(new RegExp(problem));
  }
  await amount.fill('3');
  // The preview follows the edit: a letter received today is due 3 working days on.
  const preview = page.getByRole('list', { name: 'Due dates of a complaint received today by letter' });
  await expect(preview).toContainText('+ 3 working days');
  // Saved without the effective date: refused, the message next to the field.
  await edit.getByRole('button', { name: 'Save as version 2' }).click();
  const effectiveField = edit.getByLabel('Takes effect on');
  await expect(effectiveField).toHaveAttribute('aria-invalid', 'true');
  await expect(edit.getByText(/cases already follow version 1/).first()).toBeVisible();
  await fillDate(effectiveField, effective);
  await edit.screenshot({ path: join(shots, '170-procedure-editor.png') });
  await edit.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(edit).toBeHidden();
  await expect(section.getByText(/Versions: v1 from the start · v2 from/)).toBeVisible();

  await logComplaint(page, complaint(after, 'Grace Hopper'));
  const version = page.getByTestId('procedure-version');
  await expect(version).toContainText('Kijoma Broadband complaints procedure (copy) v2, in force from');
  await expect(page.getByText(/received \d{1,2} \w{3} \d{4} \+ 3 working days/).first()).toBeVisible();
  await page.screenshot({ path: join(shots, '171-case-procedure-version-2.png'), fullPage: true });

  // The case received before keeps version 1 and its 5 working days.
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page
    .getByRole('link', { name: new RegExp(beforeRef) })
    .first()
    .click();
  await expect(version).toContainText('Kijoma Broadband complaints procedure (copy) v1');
  await expect(version).not.toContainText('v2');
  await expect(page.getByText(/received \d{1,2} \w{3} \d{4} \+ 5 working days/).first()).toBeVisible();
});

test('a copy of Jive’s code: its acknowledgement carries Jive’s escalation steps and the promised time frame', async ({
  page,
}) => {
  test.slow();
  const dir = mkdtempSync(join(tmpdir(), 'redress-procedures-'));
  mkdirSync(shots, { recursive: true });
  await setUpDesk(page);
  const editor = await copyProcedure(page, 'Jive Canada complaint handling code');
  await editor
    .getByLabel('Time frame we promise (French)')
    .fill('Nous visons à terminer l’examen de votre plainte dans un délai approximatif de 10 jours ouvrables.');
  await editor
    .getByLabel('Time frame we promise (English)')
    .fill('We aim to finish looking into your complaint within about 10 working days.');
  // The acknowledgement's next step, in the desk's own words (explore27-quebec §5: it had no field).
  const step = editor.getByRole('textbox', { name: 'Acknowledgement: next step (wording)' });
  await expect(step).toHaveValue(/^Acknowledge the complaint with a tracking number/);
  await step.fill('Accuser réception avec un numéro de suivi');
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editor).toBeHidden();
  await addProvider(page, {
    name: 'Jive Canada',
    company: 'Jive Communications Canada',
    procedure: 'Jive Canada complaint handling code (copy)',
    calendar: 'Canada (federal)',
    region: 'Canada (CRTC)',
    languages: ['French (Canada)', 'English (Canada)'],
  });
  await logComplaint(page, { ...complaint(today, 'Béatrice Tremblay'), summary: 'Service coupé depuis lundi' });
  await expect(page.getByText('Accuser réception avec un numéro de suivi').first()).toBeVisible();
  const download = await issueLetterFromDialog(page);
  const pdf = join(dir, download.suggestedFilename());
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Nous avons bien reçu votre plainte');
  // Jive's own steps: a senior manager, then the head of support (not "ask for a manager").
  expect(text).toContain('confiée à notre cadre supérieur, puis au responsable de notre équipe');
  expect(text).toContain('dans un délai approximatif de 10 jours ouvrables');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(shots, '172-jive-acknowledgement')]);
});

test('a copy of Kijoma edited in every part: saved, shown, exported to a file and imported again under a new id', async ({
  page,
}) => {
  test.slow();
  mkdirSync(shots, { recursive: true });
  await setUpDesk(page);
  const editor = await copyProcedure(page, 'Kijoma Broadband complaints procedure');
  const name = 'Kijoma Broadband complaints procedure (copy)';

  // The acknowledgement target: within 2 working days (none in Kijoma's own document). In the clean-clone CI runs of
  // the ninth session a tick made the moment the copy's editor opened did not hold (the box focused, not ticked), in
  // two runs of two, and in 1 of 5 local runs (none of 8 in others): the cause is not found (see the closing note), so
  // the step ticks until it holds rather than stopping every later check of this test.
  const ackTarget = editor.getByRole('checkbox', { name: 'Acknowledgement: set a target' });
  await expect(async () => {
    await ackTarget.check({ timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  await editor.getByRole('textbox', { name: 'Acknowledgement: amount' }).fill('2');
  await editor.getByRole('textbox', { name: 'Acknowledgement: what is due' }).fill('an acknowledgement');
  const preview = page.getByRole('list', { name: 'Due dates of a complaint received today by letter' });
  await expect(preview).toContainText('Acknowledgement');
  await expect(preview).toContainText('+ 2 working days');

  // A new stage goes in before the one run outside the provider (CISAS): stage 3 of 4. Saved empty, it is refused,
  // each problem under its field and named in the summary.
  await editor.getByRole('button', { name: 'Add a stage' }).click();
  await expect(editor.getByRole('region', { name: /^Stage \d$/ })).toHaveCount(4);
  await expect(editor.getByRole('textbox', { name: 'Stage 4: name' })).toHaveValue('Independent review (CISAS)');
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  const summary = editor.getByRole('alert');
  await expect(summary).toContainText('2 fields need a change.');
  await expect(summary).toContainText('Stage 3: name: must not be empty');
  await expect(summary).toContainText('Stage 3: owner: must not be empty');
  await expect(editor.getByRole('textbox', { name: 'Stage 3: name' })).toHaveAttribute('aria-invalid', 'true');
  await messagesGone(page);
  await summary.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, '173-procedure-editor-summary.png') });

  await editor.getByRole('textbox', { name: 'Stage 3: name' }).fill('Head of support review');
  await editor.getByRole('textbox', { name: 'Stage 3: owner' }).fill('Head of support');
  await editor.getByRole('checkbox', { name: 'Stage 3 target: set a target' }).check();
  await editor.getByRole('textbox', { name: 'Stage 3 target: amount' }).fill('10');
  await editor.getByRole('textbox', { name: 'Stage 3 target: what is due' }).fill('a final reply');
  // Moved above "Management review", which is then taken out.
  await editor.getByRole('button', { name: 'Move stage 3 up' }).click();
  await expect(editor.getByRole('textbox', { name: 'Stage 2: name' })).toHaveValue('Head of support review');
  await expect(editor.getByRole('textbox', { name: 'Stage 3: name' })).toHaveValue('Management review');
  await editor.getByRole('button', { name: 'Remove stage 3' }).click();
  await expect(editor.getByRole('region', { name: /^Stage \d$/ })).toHaveCount(3);
  await expect(editor.getByRole('textbox', { name: 'Stage 3: name' })).toHaveValue('Independent review (CISAS)');

  // Stage 1 moves on when its target is missed, not merely when unresolved (a selected option, chosen again, goes).
  // (The box's input shrinks behind its pills: open the list from the pills' field around it.)
  await editor.getByRole('combobox', { name: 'Stage 1: moves on when' }).locator('xpath=..').click();
  await page.getByRole('option', { name: 'it is not resolved', exact: true }).click();
  await page.getByRole('option', { name: 'the target is missed', exact: true }).click();
  await page.keyboard.press('Escape');
  // The procedure's ADR scheme.
  await choose(page, editor, 'ADR scheme', 'Communications Ombudsman');

  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editor).toBeHidden();
  const section = page.getByRole('region', { name: 'Procedures' });
  const stages = section.getByRole('table', { name: `Stages of ${name}` });
  await expect(stages.getByRole('row')).toHaveText([
    /^#StageOwnerTarget$/,
    /^1Customer servicesCustomer services team5 working days: a substantive response$/,
    /^2Head of support reviewHead of support10 working days: a final reply$/,
    /^3Independent review \(CISAS\)outside the providerCISAS—$/,
  ]);
  const panel = section.getByRole('region', { name });
  await expect(panel.getByText('2 working days: an acknowledgement')).toBeVisible();
  await expect(panel.getByText(/ADR scheme: Communications Ombudsman/)).toBeVisible();

  // Export: a file named after the procedure and its version, whose bytes are the procedure as saved.
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  // A copy's id carries a tag of this desk's (kijoma-copy-1a2b3c4d), so two desks' copies never share one.
  expect(download.suggestedFilename()).toMatch(/^kijoma-copy-[0-9a-f]{8}-v1\.redress-procedure\.json$/);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    format: string;
    formatVersion: number;
    procedure: Record<string, unknown> & {
      stages: Array<{ id: string; name: string; owner: string; escalateWhen: string[]; target?: object }>;
    };
  };
  expect(file).toMatchObject({
    format: 'redress-procedure',
    formatVersion: 1,
    procedure: {
      id: expect.stringMatching(/^kijoma-copy-[0-9a-f]{8}$/),
      version: 1,
      name,
      copiedFrom: 'kijoma v1',
      adrSchemeId: 'communications-ombudsman',
      acknowledgement: { amount: 2, unit: 'working-days', what: 'an acknowledgement' },
    },
  });
  expect(file.procedure.stages.map((st) => [st.id, st.name, st.owner, st.escalateWhen])).toEqual([
    ['customer-services', 'Customer services', 'Customer services team', ['customer-request', 'missed-target']],
    ['stage-4', 'Head of support review', 'Head of support', ['unresolved']],
    ['adr', 'Independent review (CISAS)', 'CISAS', []],
  ]);
  expect(file.procedure.stages[1].target).toEqual({ amount: 10, unit: 'working-days', what: 'a final reply' });

  // Import a changed copy of that file (a new id and name, for a second office): listed beside the others, the same
  // stages, the desk's own.
  const chooser = page.waitForEvent('filechooser');
  await section.getByRole('button', { name: 'Import a procedure…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'kijoma-second-office.redress-procedure.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        ...file,
        procedure: { ...file.procedure, id: 'kijoma-second-office', name: 'Kijoma Broadband (second office)' },
      }),
    ),
  });
  await expect(page.getByText('Procedure imported', { exact: true })).toBeVisible();
  await section.getByRole('button', { name: 'Kijoma Broadband (second office)' }).first().click();
  const imported = section.getByRole('table', { name: 'Stages of Kijoma Broadband (second office)' });
  await expect(imported.getByRole('row')).toHaveCount(4);
  await expect(imported.getByRole('row').nth(2)).toHaveText(/^2Head of support reviewHead of support10 working days/);
  await expect(
    section.getByRole('button', { name: 'Edit Kijoma Broadband (second office)', exact: true }),
  ).toBeVisible();
});

test('a copy is stored only when saved, named apart; a procedure in use says why it stays, an unused one is removed', async ({
  page,
}) => {
  test.slow();
  mkdirSync(shots, { recursive: true });
  await setUpDesk(page);
  const kijoma = 'Kijoma Broadband complaints procedure';
  const section = await openProcedures(page);
  // A procedure's title in the list (its name, then its version…), and its panel, by its name exactly.
  const named = (n: string) => new RegExp(`^${n.replace(/[()]/g, '\\$&')}\\s*v\\d`);
  const control = (n: string) => section.getByRole('button', { name: named(n) });
  const panel = (n: string) => section.getByRole('region', { name: named(n) });
  const titles = section.getByRole('button', { name: new RegExp(`^${kijoma}.*v\\d`) });

  // Copy, then Cancel: nothing is stored (not even after a reload).
  let editor = await copyProcedure(page, kijoma);
  await expect(editor.getByRole('note')).toContainText('Not saved yet');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor).toBeHidden();
  await expect(titles).toHaveCount(1);
  await page.reload();
  await openProcedures(page);
  await expect(titles).toHaveCount(1);

  // Copy and Save: one copy. A second copy is named apart ("(copy 2)"); named as the first, in other letter case,
  // it is refused next to its name.
  editor = await copyProcedure(page, kijoma);
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editor).toBeHidden();
  await expect(titles).toHaveCount(2);
  await section
    .getByRole('button', { name: `Copy ${kijoma}`, exact: true })
    .first()
    .click();
  editor = page.getByRole('region', { name: `Edit ${kijoma} (copy 2) (v1)` });
  const name = editor.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toHaveValue(`${kijoma} (copy 2)`);
  await name.fill(`${kijoma.toUpperCase()} (COPY)`);
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByRole('alert')).toContainText(
    `Name: another procedure is already called "${kijoma} (copy)": give this one a name of its own`,
  );
  // The focus is on the field refused, not lost to the page while Save was busy (explore34b #5).
  await expect(name).toBeFocused();
  await name.fill('Kijoma, second office');
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editor).toBeHidden();

  // The first copy: a provider follows it and a case was logged under it. It cannot be removed, and says why.
  await addProvider(page, {
    name: 'Maple Telecom',
    company: 'Maple Telecom Ltd',
    procedure: `${kijoma} (copy)`,
    calendar: 'England & Wales',
    region: 'United Kingdom (Ofcom)',
    languages: ['English (UK)'],
  });
  // Followed by a provider only: the way to free it is to give the provider another procedure.
  await openProcedures(page);
  if ((await control(`${kijoma} (copy)`).getAttribute('aria-expanded')) !== 'true')
    await control(`${kijoma} (copy)`).click();
  // Maple Telecom is the usual provider now: its procedure is the one a new complaint gets.
  await expect(control(`${kijoma} (copy)`)).toContainText('this desk’s default');
  await expect(control(kijoma)).not.toContainText('this desk’s default');
  await expect(
    panel(`${kijoma} (copy)`).getByText(
      'Used by Maple Telecom: it cannot be removed, while a provider or the desk follows it: give them another procedure first.',
    ),
  ).toBeVisible();
  await logComplaint(page, complaint(weekdayOnOrBefore(today), 'Ada Lovelace'));
  await openProcedures(page);
  await control(`${kijoma} (copy)`).click();
  const used = panel(`${kijoma} (copy)`);
  await expect(
    used.getByText(
      'Used by Maple Telecom and 1 case: it cannot be removed, as a case’s clocks need the procedure it was logged under.',
    ),
  ).toBeVisible();
  await expect(used.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  // A built-in procedure has no Remove either.
  await control(kijoma).click();
  await expect(panel(kijoma).getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await messagesGone(page);
  await section.screenshot({ path: join(shots, '174-procedures-in-use.png'), animations: 'disabled' });

  // The second copy: used by nothing. Remove asks first; "Keep it" keeps it, "Remove" removes it.
  await control('Kijoma, second office').click();
  const unused = panel('Kijoma, second office');
  await unused.getByRole('button', { name: 'Remove Kijoma, second office' }).click();
  let dialog = page.getByRole('dialog', { name: 'Remove Kijoma, second office?' });
  await expect(dialog).toContainText('No provider follows it and no case was logged under it.');
  await page.screenshot({ path: join(shots, '175-procedure-remove-confirm.png'), animations: 'disabled' });
  expect(await axeViolations(page, '[role="dialog"]'), 'axe violations on the remove confirmation').toEqual([]);
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog).toBeHidden();
  await expect(control('Kijoma, second office')).toBeVisible();
  await unused.getByRole('button', { name: 'Remove Kijoma, second office' }).click();
  dialog = page.getByRole('dialog', { name: 'Remove Kijoma, second office?' });
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByText('Procedure removed', { exact: true })).toBeVisible();
  await expect(control('Kijoma, second office')).toHaveCount(0);
  await expect(titles).toHaveCount(2);
  // Gone from the provider dialog's list too.
  await page.getByRole('region', { name: 'Providers' }).getByRole('button', { name: 'Add a provider…' }).click();
  const providerDialog = page.getByRole('dialog', { name: 'New provider' });
  await providerDialog.getByRole('combobox', { name: 'Complaints procedure' }).click();
  await expect(page.getByRole('option', { name: `${kijoma} (copy)`, exact: true })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Kijoma, second office' })).toHaveCount(0);
});

test('a procedure a case needs is retired: out of the provider form’s choices, its case keeps it, then reinstated', async ({
  page,
}) => {
  test.slow();
  mkdirSync(shots, { recursive: true });
  await setUpDesk(page);
  const kijoma = 'Kijoma Broadband complaints procedure';
  const copyName = `${kijoma} (copy)`;
  const editor = await copyProcedure(page, kijoma);
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editor).toBeHidden();
  await addProvider(page, {
    name: 'Maple Telecom',
    company: 'Maple Telecom Ltd',
    procedure: copyName,
    calendar: 'England & Wales',
    region: 'United Kingdom (Ofcom)',
    languages: ['English (UK)'],
  });
  await logComplaint(page, complaint(weekdayOnOrBefore(today), 'Ada Lovelace'));
  const caseUrl = page.url();

  // Maple Telecom takes new cases under it: not retired, and the panel says why.
  const section = await openProcedures(page);
  const named = new RegExp(`^${copyName.replace(/[()]/g, '\\$&')}\\s*v\\d`);
  await section.getByRole('button', { name: named }).click();
  const panel = section.getByRole('region', { name: named });
  await expect(
    panel.getByText('It cannot be retired while used by Maple Telecom: choose another procedure there first.'),
  ).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Retire/ })).toHaveCount(0);

  // Maple Telecom retired, the procedure may be: its case still needs it, so it is retired rather than removed.
  const providers = page.getByRole('region', { name: 'Providers' });
  await providers.getByRole('button', { name: 'Retire Maple Telecom' }).click();
  // Maple Telecom is the usual provider: the desk is asked which provider takes its place (explore36-manager #6).
  const retireUsual = page.getByRole('dialog', { name: 'Retire the usual provider?' });
  await retireUsual.getByRole('combobox', { name: 'New usual provider' }).click();
  await page.getByRole('option').first().click();
  await retireUsual.getByRole('button', { name: 'Retire Maple Telecom' }).click();
  await expect(retireUsual).toBeHidden();
  await expect(providers.getByRole('row', { name: /Maple Telecom/ })).toContainText('Retired');
  await panel.getByRole('button', { name: `Retire ${copyName}` }).click();
  await expect(page.getByText('Procedure retired', { exact: true })).toBeVisible();
  await expect(section.getByRole('button', { name: named })).toContainText('retired');
  await expect(panel).toContainText('The cases logged under it keep it, every version, with their dates and letters.');
  await expect(panel.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await messagesGone(page);
  await section.screenshot({ path: join(shots, '176-procedure-retired.png'), animations: 'disabled' });
  expect(await axeViolations(page, 'section[aria-labelledby="settings-procedures"]'), 'axe violations').toEqual([]);

  // The case keeps it: its correction form shows it, marked retired, and offers it to no other case.
  await page.goto(caseUrl);
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Correct the complaint’s facts…', exact: true }).click();
  const correction = page.getByRole('dialog');
  await expect(correction.getByRole('combobox', { name: 'Procedure' })).toHaveValue(`${copyName} (retired)`);
  await correction.getByRole('button', { name: 'Cancel' }).click();
  await expect(correction).toBeHidden();
  await openProcedures(page);
  await section.getByRole('button', { name: named }).click();

  // Not offered for a new provider any more.
  await providers.getByRole('button', { name: 'Add a provider…' }).click();
  let dialog = page.getByRole('dialog', { name: 'New provider' });
  await dialog.getByRole('combobox', { name: 'Complaints procedure' }).click();
  await expect(page.getByRole('option', { name: kijoma, exact: true })).toBeVisible();
  await expect(page.getByRole('option', { name: new RegExp(`^${kijoma} \\(copy\\)`) })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // Reinstated: offered again.
  await panel.getByRole('button', { name: `Reinstate ${copyName}` }).click();
  await expect(page.getByText('Procedure reinstated', { exact: true })).toBeVisible();
  await expect(panel.getByRole('button', { name: `Reinstate ${copyName}` })).toHaveCount(0);
  await providers.getByRole('button', { name: 'Add a provider…' }).click();
  dialog = page.getByRole('dialog', { name: 'New provider' });
  await dialog.getByRole('combobox', { name: 'Complaints procedure' }).click();
  await expect(page.getByRole('option', { name: copyName, exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Maple Telecom brought back onto it; then the procedure retired at another desk at the same moment (what a sync
  // of the two can leave): a complaint about Maple Telecom says so, and is still logged under it.
  await providers.getByRole('button', { name: 'Bring back Maple Telecom' }).click();
  await expect(providers.getByRole('row', { name: /Maple Telecom/ })).not.toContainText('Retired');
  const rows = await allRows<{ id: string; procedure: { name: string } }>(page, 'procedures');
  const retiredElsewhere = rows
    .filter((r) => r.procedure.name === copyName)
    .map((r) => ({ ...r, retiredOn: addDays(today, -1) }));
  expect(retiredElsewhere.length).toBeGreaterThan(0);
  await putRows(page, 'procedures', retiredElsewhere);
  await page.reload();
  await page.getByRole('link', { name: 'New complaint' }).click();
  await chooseOption(page, 'Provider', 'Maple Telecom');
  await expect(page.getByRole('status').filter({ hasText: 'which has been retired' })).toContainText(
    `Maple Telecom follows the procedure “${copyName}”, which has been retired. This complaint is still logged under it`,
  );
  await page
    .getByRole('group', { name: 'The complaint' })
    .screenshot({ path: join(shots, '177-intake-procedure-retired.png'), animations: 'disabled' });
  expect(await axeViolations(page, 'main'), 'axe violations on the form with the notice').toEqual([]);
  await logComplaint(page, { ...complaint(weekdayOnOrBefore(today), 'Charles Babbage'), provider: 'Maple Telecom' });
  const cases = await allRows<{ customer: { name: string }; procedureId: string }>(page, 'cases');
  expect(cases.find((c) => c.customer.name === 'Charles Babbage')?.procedureId).toBe(retiredElsewhere[0].id);
  // The Providers list says it too.
  await openProcedures(page);
  await expect(providers.getByRole('row', { name: /Maple Telecom/ })).toContainText(`${copyName} (retired)`);
  // Made the usual provider, on the same page: the desk settings above follow it at once (they show the usual
  // provider), name its procedure as retired, and the rest still saves without putting another procedure on it.
  const desk = page.getByRole('region', { name: 'Desk settings' });
  await expect(desk.getByRole('combobox', { name: 'Complaints procedure' })).toHaveValue('Ofcom baseline procedure');
  await providers.getByRole('button', { name: 'Make usual: Maple Telecom' }).click();
  await expect(desk.getByRole('combobox', { name: 'Complaints procedure' })).toHaveValue(`${copyName} (retired)`);
  await expect(desk.getByLabel('Company name')).toHaveValue('Maple Telecom Ltd');
  await expect(desk).toContainText('This procedure has been retired: new complaints are still logged under it');
  await desk.screenshot({ path: join(shots, '179-settings-usual-procedure-retired.png'), animations: 'disabled' });
  await desk.getByLabel('Phone').fill('0303 123 4567');
  await desk.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('.mantine-Notification-root', { hasText: 'Settings saved' })).toBeVisible();
  await expect(providers.getByRole('row', { name: /Maple Telecom/ })).toContainText(`${copyName} (retired)`);
  await expect(providers.getByRole('row', { name: /Northwind/ })).toContainText('Ofcom baseline procedure');
});
