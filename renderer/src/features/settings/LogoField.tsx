// The letterhead's logo: chosen from a file, checked before it is read (./logo.ts), shown as it will print.
import { useT } from '#lib/i18n/index';
import { Button, FileButton, Group, Image, Input, Paper, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { LOGO_MAX_BYTES } from '#shared/model/settings';
import { logoProblemIn, readLogoFile } from './logo';

export function LogoField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (dataUrl: string) => void;
  error?: string;
}) {
  const labelId = useId();
  const t = useT();
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const shown = problem ?? error ?? null;
  return (
    <div>
      <Input.Label id={labelId}>{t('settings.logo')}</Input.Label>
      <Input.Description mb={6}>{t('settings.logoHint', { kb: Math.round(LOGO_MAX_BYTES / 1024) })}</Input.Description>
      <Group gap="md" align="center">
        <Paper
          withBorder
          radius="sm"
          w={180}
          h={72}
          p={6}
          style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}
        >
          {value ? (
            <Image src={value} alt={t('settings.logoAlt')} fit="contain" mah={58} maw={166} />
          ) : (
            <Text size="xs" c="dimmed">
              {t('settings.noLogo')}
            </Text>
          )}
        </Paper>
        <FileButton
          accept="image/png,image/jpeg"
          onChange={async (file) => {
            if (!file) return;
            setReading(true);
            const result = await readLogoFile(file);
            setReading(false);
            if (result.ok) {
              setProblem(null);
              onChange(result.dataUrl);
            } else setProblem(logoProblemIn(t, result.problem));
          }}
        >
          {(props) => (
            <Button {...props} variant="default" size="xs" loading={reading} aria-describedby={labelId}>
              {value ? t('settings.logoChooseAnother') : t('settings.logoChoose')}
            </Button>
          )}
        </FileButton>
        {value && (
          <Button
            variant="subtle"
            color="gray"
            size="xs"
            onClick={() => {
              setProblem(null);
              onChange('');
            }}
          >
            {t('settings.logoRemove')}
          </Button>
        )}
      </Group>
      {shown && (
        <Text size="sm" c="red.8" mt={6} role="alert">
          {shown}
        </Text>
      )}
    </div>
  );
}
