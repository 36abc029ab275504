// Saving a provider set up in a way that does not fit together (issue #16): the warning, and the reason asked for,
// which is saved with the provider. The same on the Settings page (the usual provider) and in the providers' dialog.
import { Textarea, type TextareaProps } from '@mantine/core';
import type { ProviderMismatch } from '#shared/rules/index';
import { useT } from '#lib/i18n/index';
import { MismatchWarning } from '#ui/MismatchWarning';

/** Nothing when everything fits; else the mismatches and the reason's field (`reason`: its value, change and error). */
export function MismatchReason({
  warnings,
  reason,
}: {
  warnings: readonly ProviderMismatch[];
  reason: Pick<TextareaProps, 'value' | 'onChange' | 'onBlur' | 'onFocus' | 'error'>;
}) {
  const t = useT();
  if (warnings.length === 0) return null;
  return (
    <>
      <MismatchWarning role="alert" title={t('providers.check')} mismatches={warnings} />
      <Textarea
        label={t('providers.why')}
        description={t('providers.whyHint')}
        autosize
        minRows={2}
        withAsterisk
        {...reason}
      />
    </>
  );
}
