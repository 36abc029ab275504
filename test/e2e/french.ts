// The French interface's check for English left on a screen (issue #17): used by the French walk
// (french-interface.spec.ts) and the French error messages (french-errors.spec.ts).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

// The catalogues, read by tsx (the English one takes some words from shared/, which reads JSON data files that
// Playwright's own loader cannot import).
const catalogues = JSON.parse(
  execFileSync(
    'npx',
    [
      'tsx',
      '-e',
      "import { enGB } from '#lib/i18n/messages/en-GB'; import { frCA } from '#lib/i18n/messages/fr-CA'; " +
        'process.stdout.write(JSON.stringify({ enGB, frCA }));',
    ],
    { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' },
  ),
) as { enGB: Record<string, string>; frCA: Record<string, string> };
const { enGB, frCA } = catalogues;

/**
 * The English words that must not be left on a French screen: every en-GB message that French writes differently,
 * without its placeholders (a message with a placeholder is checked by its longest plain part).
 */
const ENGLISH = [
  ...new Set(
    Object.keys(enGB)
      // Not the built-in regimes' names and versions: a procedure's own words (its source, data shown as written)
      // name them too ("REGULATION.md §1: Ofcom General Condition C4, …"). That the interface says them in French is
      // checked by renderer/src/lib/i18n/regulations.test.ts.
      .filter((k) => !k.startsWith('model.regime.') && !k.startsWith('explain.regulation.'))
      // Not the backup's English file-name stem: it is also the file's extension (.redress-backup), which French keeps
      // (restore goes by it). That the French name is French is checked by renderer/src/lib/i18n/file-names.test.ts.
      .filter((k) => k !== 'data.backup.fileName')
      .filter((k) => enGB[k] !== frCA[k])
      .map(
        (k) =>
          enGB[k]
            .split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/)
            .map((part) => part.trim())
            .sort((a, b) => b.length - a.length)[0],
      )
      .filter((part): part is string => !!part && /\p{L}{3,}/u.test(part)),
  ),
];

/** The words a person sees or hears on the screen: visible text, and the names and hints of controls. */
export async function wordsOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!text || !parent) continue;
      // Visible, or in the live regions (said by a screen reader).
      if (parent.checkVisibility() || parent.closest('[aria-live]')) found.push(text);
    }
    for (const el of document.body.querySelectorAll<HTMLElement>('[aria-label], [placeholder], [title], [alt]'))
      if (el.checkVisibility())
        for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
          const value = el.getAttribute(name)?.trim();
          if (value) found.push(value);
        }
    return found;
  });
}

/** English left on the screen: a catalogue word found whole, or inside a longer text as a phrase. */
export async function englishLeft(page: Page): Promise<string[]> {
  const words = await wordsOnScreen(page);
  const left = new Set<string>();
  for (const text of words)
    for (const english of ENGLISH) {
      const whole = text === english;
      // Short English words ("Phone", "Status") only count when they are the whole text, so a name such as
      // "Northwind Broadband Ltd" does not trip them; a phrase counts anywhere.
      if (whole || (english.length >= 14 && text.includes(english))) left.add(`${english}  ←  “${text}”`);
    }
  return [...left];
}
