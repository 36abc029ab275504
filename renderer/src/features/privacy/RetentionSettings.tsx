// Settings › Retention: how long closed cases keep their personal data (issue #7).
import { Anchor, Button, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { checkRetentionYears, retentionPolicy } from '#shared/privacy/retention';
import { useSettings } from '#db/hooks';
import { db } from '#db/schema';
import { saveRetentionPolicy } from './policy';

export function RetentionSettings() {
  const settings = useSettings();
  const stored = retentionPolicy(settings);
  const [enabled, setEnabled] = useState(stored.enabled);
  const [years, setYears] = useState(String(stored.anonymiseAfterYears));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    if (settings && !loaded) {
      const p = retentionPolicy(settings);
      setEnabled(p.enabled);
      setYears(String(p.anonymiseAfterYears));
      setLoaded(true);
    }
  }, [settings, loaded]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const checked = checkRetentionYears(years);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setError(null);
    setSaving(true);
    try {
      await saveRetentionPolicy(db(), { enabled, anonymiseAfterYears: checked.years });
      notifications.show({
        color: 'teal',
        title: 'Retention policy saved',
        message: enabled
          ? `Closed cases are anonymised ${checked.years === 1 ? '1 year' : `${checked.years} years`} after they closed.`
          : 'Closed cases are not anonymised automatically.',
      });
    } catch (err) {
      notifications.show({
        color: 'red',
        title: 'Retention policy not saved',
        message: err instanceof Error ? err.message : String(err),
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="retention-title">
      <form onSubmit={save} noValidate aria-label="Retention policy">
        <Stack gap="sm">
          <Title order={3} size="h4" id="retention-title">
            Retention of personal data
          </Title>
          <Text size="sm" c="dimmed">
            Once a complaint is over, the customer&rsquo;s details are kept only as long as needed. Anonymising removes
            names, contact details, vulnerability details, every note and the letters, and keeps the reference, dates,
            categories, stages and payment amounts, so reports stay the same.
          </Text>
          <Switch
            label="Anonymise closed cases automatically when the app starts"
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
          />
          <Group align="flex-start" gap="sm">
            <TextInput
              label="Years after the case closed"
              description="6 years is the usual period for a claim about a contract"
              value={years}
              onChange={(e) => setYears(e.currentTarget.value)}
              error={error}
              inputMode="numeric"
              w={260}
            />
          </Group>
          <Text size="xs" c="dimmed">
            A case resolved but never closed counts from its last timeline entry. Open cases are never anonymised
            automatically.
          </Text>
          <Group>
            <Button type="submit" loading={saving} variant="default">
              Save retention policy
            </Button>
            <Anchor href="#/privacy" size="sm">
              See what would be anonymised now
            </Anchor>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
