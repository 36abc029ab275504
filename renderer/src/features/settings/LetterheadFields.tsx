// The letterhead's fields (company, address, postcode, phone, email, logo): one set for the desk's first provider in
// Settings and for every provider in Settings → Providers, so both say the same thing in every language.
import { useT } from '#lib/i18n/index';
import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { LetterheadForm } from '#shared/model/settings';
import { ADDRESS_LINE_MAX_CHARS, ADDRESS_MAX_LINES } from '#shared/model/stored';
import { LogoField } from './LogoField';

export function LetterheadFields<F extends LetterheadForm>({ form }: { form: UseFormReturnType<F> }) {
  const t = useT();
  const logo = form.getInputProps('logoDataUrl');
  return (
    <>
      <TextInput label={t('settings.companyName')} withAsterisk {...form.getInputProps('companyName')} />
      <Textarea
        label={t('settings.address')}
        description={t('settings.addressHint', { lines: ADDRESS_MAX_LINES, chars: ADDRESS_LINE_MAX_CHARS })}
        autosize
        minRows={3}
        withAsterisk
        {...form.getInputProps('addressLines')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('settings.postcode')} withAsterisk {...form.getInputProps('postcode')} />
        <TextInput label={t('settings.phone')} {...form.getInputProps('phone')} />
        <TextInput label={t('settings.email')} {...form.getInputProps('email')} />
      </SimpleGrid>
      <LogoField
        value={form.values.logoDataUrl}
        error={typeof logo.error === 'string' ? logo.error : undefined}
        onChange={(dataUrl) => logo.onChange(dataUrl)}
      />
    </>
  );
}
