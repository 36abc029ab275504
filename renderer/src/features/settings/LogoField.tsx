// The letterhead's logo: chosen from a file, checked before it is read (./logo.ts), shown as it will print.
import { Button, FileButton, Group, Image, Input, Paper, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { LOGO_MAX_BYTES } from '#shared/model/settings';
import { readLogoFile } from './logo';

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
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const shown = problem ?? error ?? null;
  return (
    <div>
      <Input.Label id={labelId}>Logo</Input.Label>
      <Input.Description mb={6}>
        A PNG or JPEG of at most {Math.round(LOGO_MAX_BYTES / 1024)} KB, printed at the top of every letter.
      </Input.Description>
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
            <Image src={value} alt="The company's logo" fit="contain" mah={58} maw={166} />
          ) : (
            <Text size="xs" c="dimmed">
              No logo
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
            } else setProblem(result.error);
          }}
        >
          {(props) => (
            <Button {...props} variant="default" size="xs" loading={reading} aria-describedby={labelId}>
              {value ? 'Choose another logo…' : 'Choose a logo…'}
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
            Remove logo
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
