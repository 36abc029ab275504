// Beside an ADR scheme in Settings (a procedure's scheme, the scheme a provider's letters name): the facts Redress's
// scheme directory has not verified against the scheme's own publications (shared/rules/adr-schemes.ts
// `unverified`), and where to check them. The letters that print one say so again before they are issued or printed.
import { Text } from '@mantine/core';
import { getAdrScheme } from '#shared/rules/index';
import { schemeFactsIn, useLocale, useT } from '#lib/i18n/index';

export function SchemeUnverified({ schemeId, today }: { schemeId: string | undefined; today: string }) {
  const t = useT();
  const { locale } = useLocale();
  let scheme: ReturnType<typeof getAdrScheme> | null = null;
  try {
    scheme = schemeId ? getAdrScheme(schemeId, today) : null;
  } catch {
    scheme = null;
  }
  if (!scheme || scheme.unverified.length === 0) return null;
  return (
    <Text size="xs" c="orange.9" data-notice="scheme-unverified">
      {t('schemeCheck.settings', { facts: schemeFactsIn(t, locale, scheme.unverified), website: scheme.website })}
    </Text>
  );
}
