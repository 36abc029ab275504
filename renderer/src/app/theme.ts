// The app's one theme (issue #17, WCAG 2.2 AA): every colour a call site can name (c="teal.8", color="green",
// the primary colour, links, errors, dimmed text, badges) is readable at 4.5:1 on white and on the light tints behind
// light badges and alerts, and every control shows a focus ring of at least 3:1. The call sites keep their colour
// names: the palette itself is made accessible, not each use of it.
import { enGB, type MessageKey } from '#lib/i18n/index';
import { createTheme, DEFAULT_THEME, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

function channels(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

const toHex = (rgb: number[]) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/**
 * The least darkening of `hex` (towards black, hue kept) that reads at `ratio` on `background`.
 */
function darkenTo(hex: string, ratio: number, background: string): string {
  const rgb = channels(hex);
  let out = hex;
  for (let k = 1; contrastRatio(out, background) < ratio && k < 100; k++)
    out = toHex(rgb.map((v) => v * (1 - k / 100)));
  return out;
}

/**
 * Shades 6 to 9 (text, filled backgrounds under white text, links, focus rings) darkened until they read on the
 * lightest tint of their own colour (a light badge or alert sits on shade 0 or a 10 % tint of shade 6), with a margin;
 * shades 0 to 5 (backgrounds, borders) are kept.
 */
export function accessibleShades(colors: MantineColorsTuple): MantineColorsTuple {
  const targets = [4.7, 5.5, 6.5, 7.5];
  const out = [...colors];
  for (let i = 6; i <= 9; i++) {
    let shade = darkenTo(colors[i]!, targets[i - 6]!, colors[0]!);
    // Each shade stays at least as dark as the one before it.
    if (luminance(shade) > luminance(out[i - 1]!) && i > 6) shade = out[i - 1]!;
    out[i] = shade;
  }
  return out as unknown as MantineColorsTuple;
}

const colors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors)
    .filter(([name]) => name !== 'dark')
    .map(([name, tuple]) => [name, accessibleShades(tuple)]),
);

/** Dimmed text and placeholders read at 4.5:1 on white and on the grey panels (gray.0/1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-error': 'var(--mantine-color-red-7)',
  },
  dark: {},
});

/** The theme, with the words Mantine's components say themselves in the interface language (issue #17). */
export function themeWithWords(t: (key: MessageKey) => string) {
  return createTheme({
    colors,
    primaryColor: 'teal',
    primaryShade: { light: 6, dark: 8 },
    defaultRadius: 'sm',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    headings: { fontWeight: '600' },
    focusRing: 'auto',
    // A person who asked their system for less motion gets none: dialogs and messages appear without fading.
    respectReducedMotion: true,
    components: {
      // A dialog's × has a name a screen reader says ("Close"), everywhere.
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('mantine.close') } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': t('mantine.close') } } },
      // A message's words are said by the app's live regions (LiveAnnouncer: politely, or at once when it is red), so
      // the message itself is no live region: Mantine's role="alert" had a screen reader say each one twice, and a
      // success interrupt what was being read.
      Notification: { defaultProps: { role: 'none', closeButtonProps: { 'aria-label': t('mantine.closeMessage') } } },
      CloseButton: { defaultProps: { 'aria-label': t('mantine.close') } },
      // A password field's eye button says what it does in the interface language (Mantine's own name is English).
      PasswordInput: {
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('mantine.showPassword') } },
      },
      // The browser keeps nothing typed into a box for its own suggestions: a customer's name, phone, email or address
      // would stay in Chromium's autofill store after the case was erased or anonymised, and be offered at the next
      // intake (explore36-manager #1). A box that wants the browser's help (a password) says so itself.
      TextInput: { defaultProps: { autoComplete: 'off' } },
      Textarea: { defaultProps: { autoComplete: 'off' } },
      // A menu holds only its items (no focus placeholder); the first item takes the focus.
      Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
      // The calendar's arrows are named.
      DateInput: { defaultProps: { previousLabel: t('mantine.previousMonth'), nextLabel: t('mantine.nextMonth') } },
      DatePickerInput: {
        defaultProps: { previousLabel: t('mantine.previousMonth'), nextLabel: t('mantine.nextMonth') },
      },
    },
  });
}

export const theme = themeWithWords((key) => enGB[key]);
