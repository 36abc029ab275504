// axe (WCAG 2.2 AA, issue #17) on a page or a part of it, for the e2e specs: one way to run it and to report what it
// finds, so every spec checks the same rules.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The rule sets of WCAG 2.2 level AA. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe's violations on the page, or only inside `include` (a CSS selector), one readable line (and a line per node)
 * each: expect it to equal []. Waits for running animations first: a dialog or menu fading in has its colours
 * blended while it moves.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  // With axe's best-practice heading-order too: a screen's sections are h2 under its h1, never a level skipped
  // (explore34-keyboard #13). options() first: it replaces what withTags() set.
  let builder = new AxeBuilder({ page })
    .options({ rules: { 'heading-order': { enabled: true } } })
    .withTags(WCAG_AA_TAGS);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} ${n.html.slice(0, 160)}: ${n.failureSummary}`).join('\n')}`,
  );
}
