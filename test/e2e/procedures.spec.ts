// Working a case through its procedure on the case page: kinex's five stages to the ADR letter, a jive-ca case
// (Canada) through two levels of escalation to the CCTS notice, and a paused-and-resumed infinity case. After each
// step the clocks shown (due date, state, explanation), the stage and "what to do next" are checked against the rules
// engine, run here on the same facts and today's date.
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';
import { axeViolations } from '#test/support/axe';
import type * as Rules from '#shared/rules/index';
import type * as I18n from '#lib/i18n/index';
import type * as Format from '#lib/format';
import type { CaseFacts, ClockState, RuleEvent } from '#shared/rules/types';
import {
  chooseOption,
  countEntries,
  expect,
  fillDate,
  logComplaint,
  openAction,
  setUpDesk,
  storedDeskSettings,
  test,
  todayInLondon,
} from './fixtures';

// The rules engine, loaded through tsx: it imports its holiday data as JSON, which the ESM loader Playwright runs
// specs with refuses without an import attribute (the app's bundler and Vitest accept it).
const { addCalendarDays, evaluateCase } = (await tsImport(
  '../../shared/rules/index.ts',
  import.meta.url,
)) as typeof Rules;
// The case page says the engine's explanations in the interface language (English (UK) here: days as the screens
// write them), through the same formatter (#17).
const { explanationIn, translate } = (await tsImport(
  '../../renderer/src/lib/i18n/index.ts',
  import.meta.url,
)) as typeof I18n;
const { formatDate } = (await tsImport('../../renderer/src/lib/format.ts', import.meta.url)) as typeof Format;
const inEnglish = (explain: Rules.Explanation) =>
  explanationIn((key, values) => translate('en-GB', key, values), 'en-GB', explain);

const shots = (name: string) => fileURLToPath(new URL(`../output/screenshots/${name}.png`, import.meta.url));

/** A screenshot of the screen as the handler sees it once things settle (no half-faded menu, no stacked toasts). */
async function snap(page: Page, name: string, fullPage = true) {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: shots(name),
    fullPage,
    animations: 'disabled',
    style: '.mantine-Notifications-root { display: none; }',
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** The page's date format ("Wed 18 Nov 2026"), written out again so the test does not borrow the app's code. */
function shown(iso: string | null): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number);
  return `${DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${d} ${MONTHS[m - 1]} ${y}`;
}
const STATE_WORDS: Record<ClockState, string> = {
  running: 'Running',
  met: 'Met',
  missed: 'Missed',
  'not-applicable': 'N/A',
};

// Taken again before each test, not once when the file loads (see todayInLondon).
let today = todayInLondon();
test.beforeEach(() => {
  today = todayInLondon();
});
const daysAgo = (n: number) => addCalendarDays(today, -n);

/** The case as the test knows it: the facts it entered, for the rules engine. */
class Walk {
  events: RuleEvent[] = [];
  constructor(readonly facts: Omit<CaseFacts, 'events'>) {}
  record(type: RuleEvent['type'], on: string) {
    this.events.push({ type, on });
  }
  evaluation() {
    return evaluateCase({ ...this.facts, events: this.events }, today);
  }
}

/** Change the desk's complaints procedure and calendar in Settings: new complaints follow them. */
async function useProcedure(
  page: Page,
  procedure: { id: string; name: string },
  calendar: { id: string; name: string },
) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await chooseOption(page, 'Complaints procedure', procedure.name);
  await chooseOption(page, 'Working-day calendar', calendar.name);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect
    .poll(async () => storedDeskSettings<{ defaultProcedureId: string; calendar: string }>(page))
    .toMatchObject({ defaultProcedureId: procedure.id, calendar: calendar.id });
}

/** Check every clock row, the stage and the next steps against the rules engine. */
async function expectMatchesRules(page: Page, walk: Walk) {
  const e = walk.evaluation();
  const rows = page.locator('tr[data-clock]');
  await expect(rows).toHaveCount(e.clocks.length);
  for (const clock of e.clocks) {
    const row = page.locator(`tr[data-clock="${clock.id}"]`);
    await expect(row.locator('td').nth(1), `${clock.id} due date`).toHaveText(shown(clock.dueOn));
    // A provider's target running while the case is paused is said to be paused (explore41-clocks #4).
    const paused = e.pausedSince !== null && clock.source === 'provider' && clock.state === 'running';
    await expect(row.locator('td').nth(2), `${clock.id} state`).toContainText(
      paused ? 'Paused' : STATE_WORDS[clock.state],
    );
    if (clock.closedOn) await expect(row.locator('td').nth(2)).toContainText(shown(clock.closedOn));
    await expect(row.locator('td').nth(0), `${clock.id} explanation`).toContainText(inEnglish(clock.explain));
  }
  await expect(page.getByLabel('Stage')).toContainText(e.stageName);
  const steps = page.locator('[data-next-action]');
  await expect(steps).toHaveCount(e.nextActions.length);
  for (const [i, step] of e.nextActions.entries()) {
    await expect(steps.nth(i)).toContainText(step.label);
    if (step.dueOn) await expect(steps.nth(i)).toContainText(shown(step.dueOn));
  }
  return e;
}

type Field = { label: string; value: string; select?: boolean };

/** A text box (or date) of a form by its accessible name (the label without the required asterisk). */
const field = (scope: Locator, label: string) => scope.getByRole('textbox', { name: label, exact: true });

async function fill(page: Page, dialog: Locator, fields: Field[]) {
  for (const f of fields) {
    if (f.select) {
      await dialog.getByRole('combobox', { name: f.label }).click();
      await page.getByRole('option', { name: f.value, exact: true }).click();
    } else {
      const box = field(dialog, f.label);
      if ((await box.getAttribute('data-date-field')) !== null) await fillDate(box, f.value);
      else await box.fill(f.value);
    }
  }
}

/** Choose an action from the menu, fill its form and submit it with Ctrl+Enter; one more event on the timeline. */
async function act(page: Page, item: string, fields: Field[], expectInTimeline: string) {
  const before = await countEntries(page);
  const dialog = await openAction(page, item);
  await fill(page, dialog, fields);
  const last = fields.filter((f) => !f.select).at(-1);
  if (last) await field(dialog, last.label).press('Control+Enter');
  else
    await dialog.getByRole('button', { name: /^(Record|Escalate|Pause|Resume|Resolve|Close |Add|Save|Log)/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Timeline')).toContainText(expectInTimeline);
  expect(await countEntries(page)).toBe(before + 1);
}

/** The menu shows an action as not possible now, with the reason in view. */
async function expectRefused(page: Page, item: string, reason: string | RegExp) {
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  const entry = page.getByRole('menuitem', { name: new RegExp(`^${item.replace(/[()]/g, '\\$&')}`) });
  await expect(entry).toBeDisabled();
  await expect(entry).toContainText(reason);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
}

/** Esc in a form whose date box has the focus, its calendar open: the first closes the calendar, the second the form. */
async function escapeCalendarThenForm(page: Page, form: Locator) {
  const calendar = page.locator('[data-dates-dropdown]');
  await expect(calendar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(form).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
}
test('kinex: through all five stages, ending with the ADR letter sent', async ({ page }) => {
  await setUpDesk(page);
  await useProcedure(
    page,
    { id: 'kinex', name: 'kinex communications complaints procedure' },
    { id: 'england-and-wales', name: 'England & Wales' },
  );
  const r = daysAgo(70);
  const on = (n: number) => addCalendarDays(r, n);
  await logComplaint(page, {
    receivedOn: r,
    channel: 'Letter',
    category: 'Billing',
    summary: 'Charged an early termination fee after moving house.',
    name: 'Ada Lovelace',
    address: '12 St James Square\nLondon',
    postcode: 'SW1Y 4JH',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const walk = new Walk({
    procedureId: 'kinex',
    calendar: 'england-and-wales',
    receivedOn: r,
    channel: 'letter',
    category: 'billing',
  });
  await expectMatchesRules(page, walk);
  await expect(page.getByLabel('Stage')).toContainText('Customer service (1 of 5)');
  await snap(page, '10-kinex-received');

  // A refused action is explained in the menu.
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: /^Resume/ })).toContainText(
    'Resume is only possible while the case is paused.',
  );
  await expect(page.getByRole('menu')).toBeVisible();
  await snap(page, '11-kinex-actions-menu', false);
  await page.getByRole('menu').evaluate((menu) => menu.scrollTo(0, menu.scrollHeight));
  await snap(page, '11-kinex-actions-menu-not-possible', false);
  // The arrows reach the unavailable actions too, so a keyboard reads each one's reason; choosing one does nothing.
  await page.keyboard.press('End');
  const last = page.getByRole('menuitem').last();
  await expect(last).toBeFocused();
  await expect(last).toBeDisabled();
  await expect(last).toContainText(/\w/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Validation next to the field; nothing recorded; Esc cancels.
  const note = await openAction(page, 'Add a note');
  await fill(page, note, [{ label: 'Date', value: addCalendarDays(today, 1) }]);
  await note.getByRole('button', { name: 'Add note' }).click();
  await expect(note.getByText('The date cannot be in the future')).toBeVisible();
  await expect(note.getByText('Write the note')).toBeVisible();
  await expect(field(note, 'Date')).toHaveAttribute('aria-invalid', 'true');
  await snap(page, '12-kinex-form-errors', false);
  // The focus went to the first refused box, the date. Its calendar stays shut, so the message under it shows
  // (explore34-keyboard #9), and Esc closes the form at once.
  await expect(field(note, 'Date')).toBeFocused();
  await expect(page.locator('[data-dates-dropdown]')).toBeHidden();
  await expect(note.getByText('The date cannot be in the future')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(note).toBeHidden();
  expect(await countEntries(page)).toBe(1);

  await act(
    page,
    'Acknowledge',
    [
      { label: 'Date', value: on(1) },
      { label: 'Notes', value: 'Acknowledgement sent second class' },
    ],
    'Complaint acknowledged by letter',
  );
  walk.record('acknowledged', on(1));
  await act(
    page,
    'Log a contact',
    [
      { label: 'Date', value: on(3) },
      { label: 'Channel', value: 'Phone', select: true },
      { label: 'What was said', value: 'Customer asked for a manager' },
    ],
    'The customer got in touch by phone: Customer asked for a manager',
  );
  await act(
    page,
    'Escalate to the next stage',
    [
      { label: 'Date', value: on(3) },
      { label: 'Reason for escalating', value: 'The customer asked for the escalation team' },
    ],
    'Escalated from Customer service to Escalation team',
  );
  walk.record('escalated', on(3));
  await expectMatchesRules(page, walk);
  await act(
    page,
    'Escalate to the next stage',
    [
      { label: 'Date', value: on(10) },
      { label: 'Reason for escalating', value: 'Unresolved at the escalation team' },
    ],
    'Escalated from Escalation team to Customer resolution',
  );
  walk.record('escalated', on(10));
  let e = await expectMatchesRules(page, walk);
  expect(e.clocks.find((c) => c.id === 'stage-response')?.dueOn).toBe(addCalendarDays(on(10), 28));
  await snap(page, '13-kinex-customer-resolution');

  await act(
    page,
    'Send a response',
    [
      { label: 'Date', value: on(30) },
      { label: 'How it was sent', value: 'Letter', select: true },
      { label: 'The response', value: 'Formal written response: the fee stands' },
    ],
    'Response sent by letter: Formal written response: the fee stands',
  );
  walk.record('responded', on(30));
  await act(
    page,
    'Escalate to the next stage',
    [
      { label: 'Date', value: on(33) },
      { label: 'Reason for escalating', value: 'The customer is unhappy with the outcome' },
    ],
    'to Customer resolution manager review',
  );
  walk.record('escalated', on(33));
  await expectMatchesRules(page, walk);
  await expectRefused(
    page,
    'Escalate to the next stage',
    'kinex communications complaints procedure has no stage after Customer resolution manager review.',
  );

  // An ADR letter dated before its day (6 weeks: on(42)), with no final position given: asked about, not recorded.
  const entriesBefore = await countEntries(page);
  const early = await openAction(page, 'ADR letter sent');
  await fill(page, early, [{ label: 'Sent on', value: on(35) }]);
  await field(early, 'Sent on').press('Control+Enter');
  const question = page.getByRole('dialog', { name: 'Sent before the ADR letter was due?' });
  await expect(question).toContainText(`due from ${formatDate(on(42), 'en-GB')}`);
  await expect(question).toContainText(`Record this ADR letter as sent on ${formatDate(on(35), 'en-GB')} anyway?`);
  await snap(page, '13b-kinex-early-adr-letter', false);
  expect(await axeViolations(page, '[role="dialog"]'), 'axe violations on the early ADR letter question').toEqual([]);
  await question.getByRole('button', { name: 'Go back to the form' }).click();
  await expect(question).toBeHidden();
  // Back in the form, on the date sent; Escape leaves it, and nothing was recorded.
  await expect(field(early, 'Sent on')).toBeFocused();
  await escapeCalendarThenForm(page, early);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await countEntries(page)).toBe(entriesBefore);
  await expectMatchesRules(page, walk);

  await act(
    page,
    'Record the final position (deadlock)',
    [
      { label: 'Date', value: on(40) },
      { label: 'The final position', value: 'The early termination fee is owed under the contract' },
    ],
    'Final position given (deadlock)',
  );
  walk.record('deadlock', on(40));
  e = await expectMatchesRules(page, walk);
  expect(e.clocks.find((c) => c.id === 'adr-letter')?.dueOn).toBe(on(40));
  await snap(page, '14-kinex-deadlock');

  await act(
    page,
    'ADR letter sent',
    [{ label: 'Sent on', value: on(40) }],
    'ADR letter sent by letter (Communications Ombudsman)',
  );
  walk.record('adr-letter-sent', on(40));
  e = await expectMatchesRules(page, walk);
  expect(e.clocks.find((c) => c.id === 'adr-letter')?.state).toBe('met');
  await expectRefused(page, 'ADR letter sent', 'The ADR letter has already been sent');

  await act(
    page,
    'Referred to ADR',
    [
      { label: 'Referred on', value: on(55) },
      { label: 'Scheme’s reference', value: 'CO-2026-1234' },
    ],
    'The customer referred the complaint to the Communications Ombudsman (reference CO-2026-1234)',
  );
  walk.record('referred-to-adr', on(55));
  e = await expectMatchesRules(page, walk);
  expect(e.stage).toBe('adr');
  await expect(page.getByLabel('Stage')).toContainText('Independent review (Communications Ombudsman) (5 of 5)');
  await expectRefused(page, 'Escalate to the next stage', /outside kinex’s own procedure/);
  await snap(page, '15-kinex-adr');

  // A final response while our final position stands is asked about first (explore37-team #5); nothing is issued.
  const entriesNow = await countEntries(page);
  await page.getByRole('button', { name: /^(Other letters|Letters)…$/ }).click();
  const letters = page.getByRole('dialog', { name: 'Write a letter' });
  await chooseOption(page, 'Letter', 'Final response');
  await letters.getByRole('textbox', { name: 'What we found' }).fill('The fee was charged in error.');
  await letters.getByRole('textbox', { name: 'What we have done' }).fill('We have refunded it.');
  await letters.getByRole('button', { name: 'Preview' }).click();
  await expect(letters.getByRole('group', { name: /^Page 1 of \d+$/ })).toBeVisible();
  await letters.getByRole('button', { name: 'Issue and download' }).click();
  const asked = letters.getByRole('alert').filter({ hasText: 'Final position already given' });
  await expect(asked).toContainText(`Our final position (deadlock) was recorded on ${formatDate(on(40))}.`);
  await expect(letters.getByRole('button', { name: 'Issue it all the same' })).toBeFocused();
  expect(await axeViolations(page, '[role="dialog"]'), 'axe violations on the final position question').toEqual([]);
  await page.screenshot({ path: shots('189-letter-final-response-after-deadlock') });
  await letters.getByRole('button', { name: 'Do not issue' }).click();
  await page.keyboard.press('Escape');
  await expect(letters).toBeHidden();
  expect(await countEntries(page)).toBe(entriesNow);

  // Survives a reload.
  await page.reload();
  await expectMatchesRules(page, walk);
});

test('jive-ca (Canada): two levels of escalation, then the CCTS notice, referral and report back', async ({ page }) => {
  await setUpDesk(page);
  await useProcedure(
    page,
    { id: 'jive-ca', name: 'Jive Canada complaint handling code' },
    { id: 'canada', name: 'Canada (federal)' },
  );
  const r = daysAgo(24);
  const on = (n: number) => addCalendarDays(r, n);
  await logComplaint(page, {
    receivedOn: r,
    channel: 'Phone',
    category: 'Service',
    summary: 'Calls drop on the hosted phone system every afternoon.',
    name: 'Grace Hopper',
    phone: '+1 613 555 0100',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const walk = new Walk({
    procedureId: 'jive-ca',
    calendar: 'canada',
    receivedOn: r,
    channel: 'phone',
    category: 'service',
  });
  await expectMatchesRules(page, walk);
  await expectRefused(
    page,
    'ADR letter sent',
    'The ADR letter applies only to UK procedures; Jive Canada complaint handling code uses the CCTS.',
  );

  await act(
    page,
    'Acknowledge',
    [
      { label: 'Date', value: r },
      { label: 'How it was acknowledged', value: 'Phone', select: true },
    ],
    'Complaint acknowledged by phone',
  );
  walk.record('acknowledged', r);
  // Under the CCTS a final position brings no ADR letter: its form does not say one is due (explore27-quebec §10).
  const deadlock = await openAction(page, 'Record the final position (deadlock)');
  await expect(deadlock).toContainText('What the provider will and will not do');
  await expect(deadlock).not.toContainText('ADR letter');
  await snap(page, '19-jive-final-position-form', false);
  await deadlock.getByRole('button', { name: 'Cancel' }).click();
  await expect(deadlock).toBeHidden();
  await act(
    page,
    'Escalate to the next stage',
    [
      { label: 'Date', value: on(2) },
      { label: 'Reason for escalating', value: 'Asked for a senior manager in writing' },
    ],
    'Escalated from Customer support to Senior manager',
  );
  walk.record('escalated', on(2));
  let e = await expectMatchesRules(page, walk);
  expect(e.escalationLevel).toBe(1);
  await act(
    page,
    'Escalate to the next stage',
    [
      { label: 'Date', value: on(6) },
      { label: 'Reason for escalating', value: 'Still unresolved' },
    ],
    'Escalated from Senior manager to Head of support',
  );
  walk.record('escalated', on(6));
  e = await expectMatchesRules(page, walk);
  expect(e.escalationLevel).toBe(2);
  const notice = e.clocks.find((c) => c.id === 'ccts-notice');
  expect(notice?.dueOn).toBe(on(6));
  await expect(page.locator('[data-next-action="tell-customer-about-ccts"]')).toContainText(
    'Tell the customer about the CCTS',
  );
  await expectRefused(
    page,
    'Escalate to the next stage',
    'Jive Canada complaint handling code has no stage after Head of support.',
  );
  await snap(page, '20-jive-second-level');

  // From the "what to do next" panel straight to the form.
  await page
    .locator('[data-next-action="tell-customer-about-ccts"]')
    .getByRole('button', { name: 'Tell the customer about the CCTS…' })
    .click();
  const dialog = page.getByRole('dialog');
  await fill(page, dialog, [
    { label: 'Told on', value: on(6) },
    { label: 'How they were told', value: 'Phone', select: true },
    { label: 'Notes', value: 'Gave the CCTS phone number and website' },
  ]);
  await snap(page, '21-jive-ccts-form', false);
  await field(dialog, 'Notes').press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Timeline')).toContainText('Customer told about the CCTS by phone');
  walk.record('ccts-informed', on(6));
  e = await expectMatchesRules(page, walk);
  expect(e.clocks.find((c) => c.id === 'ccts-notice')?.state).toBe('met');

  // The report back answers a CCTS referral: nothing to report before there is one.
  await expectRefused(page, 'Report sent to the CCTS', 'Record the CCTS referral first: the report answers it.');
  await act(
    page,
    'CCTS referral received',
    [
      { label: 'Received on', value: on(15) },
      { label: 'CCTS reference', value: 'CCTS-88412' },
    ],
    'CCTS referral received (CCTS reference CCTS-88412)',
  );
  walk.record('ccts-referral', on(15));
  e = await expectMatchesRules(page, walk);
  expect(e.stage).toBe('ccts');
  expect(e.clocks.find((c) => c.id === 'ccts-response')?.dueOn).toBe(addCalendarDays(on(15), 20));
  await snap(page, '22-jive-ccts');

  // A reply to the customer is not the report to the CCTS: the report is still owed, and the case cannot be closed.
  await act(
    page,
    'Send a response',
    [
      { label: 'Date', value: on(16) },
      { label: 'How it was sent', value: 'Phone', select: true },
      { label: 'The response', value: 'Explained the fix to the call routing' },
    ],
    'Response sent by phone: Explained the fix to the call routing',
  );
  walk.record('responded', on(16));
  e = await expectMatchesRules(page, walk);
  expect(e.clocks.find((c) => c.id === 'ccts-response')?.state).toBe('running');
  await expectRefused(page, 'Close the case', 'Record the report sent to the CCTS before closing the case');

  // The next step "Report back to the CCTS" opens the report's form.
  await page
    .locator('[data-next-action="report-to-ccts"]')
    .getByRole('button', { name: 'Report sent to the CCTS…' })
    .click();
  const report = page.getByRole('dialog');
  await expect(report).toContainText('Record the report sent to the CCTS');
  await fill(page, report, [
    { label: 'Report sent on', value: on(18) },
    { label: 'How it was sent', value: 'The CCTS portal', select: true },
    { label: 'Summary of the report', value: 'Routing fixed on day 16; a month’s credit offered' },
  ]);
  await snap(page, '22b-jive-ccts-report-form', false);
  expect(await axeViolations(page, '[role="dialog"]'), 'axe violations on the CCTS report form').toEqual([]);
  await field(report, 'Summary of the report').press('Control+Enter');
  await expect(report).toBeHidden();
  await expect(page.getByLabel('Timeline')).toContainText(
    'Report sent to the CCTS through its portal: Routing fixed on day 16; a month’s credit offered',
  );
  walk.record('ccts-report', on(18));
  e = await expectMatchesRules(page, walk);
  expect(e.clocks.find((c) => c.id === 'ccts-response')).toMatchObject({ state: 'met', closedOn: on(18) });
  await expectRefused(page, 'Report sent to the CCTS', 'The report to the CCTS was recorded on');
  await snap(page, '22c-jive-ccts-reported');

  // In French, the entry and the met clock name the report to the CPRST.
  const casePage = page.url();
  await page.getByRole('link', { name: 'Settings' }).click();
  await chooseOption(page, 'Language of the interface', 'Français (Canada)');
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible();
  await page.goto(casePage);
  await expect(page.getByLabel('Historique')).toContainText(
    'Rapport envoyé à la CPRST par son portail\u00a0: Routing fixed on day 16; a month’s credit offered',
  );
  await expect(page.locator('tr[data-clock="ccts-response"]')).toContainText('rapport envoyé à la CPRST');
  await snap(page, '22d-jive-ccts-reported-fr');
});

test('infinity: paused while waiting for the customer, then resumed and answered', async ({ page }) => {
  await setUpDesk(page);
  await useProcedure(
    page,
    { id: 'infinity', name: 'Infinity Group customer complaints code' },
    { id: 'england-and-wales', name: 'England & Wales' },
  );
  const r = daysAgo(21);
  const on = (n: number) => addCalendarDays(r, n);
  await logComplaint(page, {
    receivedOn: r,
    channel: 'Email',
    category: 'Billing',
    summary: 'Billed for a line that was cancelled in the summer.',
    name: 'Alan Turing',
    phone: '0161 496 0000',
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RDR-\d{4}-\d{6}$/);
  const walk = new Walk({
    procedureId: 'infinity',
    calendar: 'england-and-wales',
    receivedOn: r,
    channel: 'email',
    category: 'billing',
  });
  await expectMatchesRules(page, walk);

  await act(
    page,
    'Acknowledge',
    [
      { label: 'Date', value: on(1) },
      { label: 'How it was acknowledged', value: 'Email', select: true },
    ],
    'Complaint acknowledged by email',
  );
  walk.record('acknowledged', on(1));
  await act(
    page,
    'Pause (waiting for the customer)',
    [
      { label: 'Paused from', value: on(2) },
      { label: 'What we are waiting for', value: 'A copy of the cancellation email' },
    ],
    'Paused, waiting for the customer',
  );
  walk.record('paused', on(2));
  let e = await expectMatchesRules(page, walk);
  expect(e.pausedSince).toBe(on(2));
  await expect(page.getByLabel('Stage')).toContainText(`paused since ${shown(on(2))}`);
  // The reason's day is written as the screens write days (short, without the weekday).
  await expectRefused(
    page,
    'Pause (waiting for the customer)',
    `The case is already paused (since ${shown(on(2)).replace(/^\w+ /, '')}).`,
  );
  await expectRefused(page, 'Send a response', 'resume it first');
  await snap(page, '30-infinity-paused');

  await act(
    page,
    'Resume',
    [
      { label: 'Resumed on', value: on(9) },
      { label: 'What happened', value: 'The customer sent the email' },
    ],
    'Resumed: The customer sent the email',
  );
  walk.record('resumed', on(9));
  e = await expectMatchesRules(page, walk);
  const firstResponse = e.clocks.find((c) => c.id === 'first-response')!;
  expect(firstResponse.pausedDays).toBeGreaterThan(0);
  expect(firstResponse.explanation).toContain('paused');
  await expectRefused(page, 'Resume', 'Resume is only possible while the case is paused.');

  await act(
    page,
    'Send a response',
    [
      { label: 'Date', value: on(10) },
      { label: 'How it was sent', value: 'Email', select: true },
      { label: 'The response', value: 'We have cancelled the line and refunded the charges' },
    ],
    'Response sent by email',
  );
  walk.record('responded', on(10));
  e = await expectMatchesRules(page, walk);
  expect(e.clocks.find((c) => c.id === 'first-response')?.state).toBe('met');

  await act(
    page,
    'Record compensation or goodwill',
    [
      { label: 'Amount', value: '15' },
      { label: 'Reason', value: 'For the trouble caused' },
    ],
    'Goodwill payment of £15.00: For the trouble caused',
  );
  // Editing the customer's details keeps the old values on the timeline.
  await act(
    page,
    'Edit the customer’s details',
    [
      { label: 'Phone', value: '0161 496 0999' },
      { label: 'Why the details changed', value: 'New number' },
    ],
    'Customer’s details changed: phone',
  );
  const edit = page.getByLabel('Changed details');
  await expect(edit).toContainText('0161 496 0000');
  await expect(edit).toContainText('0161 496 0999');
  await expect(page.getByRole('table').first()).toContainText('0161 496 0999');
  await expectMatchesRules(page, walk);
  await snap(page, '31-infinity-resumed');
});
