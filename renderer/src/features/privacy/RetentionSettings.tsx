// Settings › Retention: how long closed cases keep their personal data (issue #7).
import { Anchor, Button, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import {
  checkRetentionYears,
  CONTRACT_LIMITATION_STATUTES,
  CONTRACT_LIMITATION_YEARS,
  limitationRegions,
  retentionPolicy,
} from '#shared/privacy/retention';
import { deskProviders } from '#shared/model/provider';
import { useSettings } from '#db/hooks';
import { db } from '#db/schema';
import { errorIn, messageIn, useT } from '#lib/i18n/index';
import { previewRetention } from '#db/repositories/retention';
import { todayIso } from '#lib/today';
import { openConfirm } from '#ui/confirm';
import { saveRetentionPolicy } from './policy';

export function RetentionSettings() {
  const settings = useSettings();
  const t = useT();
  const stored = retentionPolicy(settings);
  const [enabled, setEnabled] = useState(stored.enabled);
  const [years, setYears] = useState(String(stored.anonymiseAfterYears));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [loaded, setLoaded] = useState(false);
  // The usual limitation period where the desk's providers are (England & Wales 6 years, Québec 3, …): a hint.
  const regions = settings ? limitationRegions(deskProviders(settings)) : [];

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
      setError(messageIn(t, checked.error));
      return;
    }
    setError(null);
    const policy = { enabled, anonymiseAfterYears: checked.years };
    // A policy that reaches further than the one saved (turned on, or fewer years) anonymises at the next start, for
    // good, every closed case now past it: a slip (1 for 10) must not do that unseen (explore36-manager #3).
    const before = retentionPolicy(settings);
    const further = enabled && (!before.enabled || checked.years < before.anonymiseAfterYears);
    const count = further ? (await previewRetention(db(), policy, todayIso())).items.length : 0;
    if (count > 0) {
      openConfirm({
        title: t('retention.furtherTitle', { count }),
        children: <Text size="sm">{t('retention.furtherBody', { count, years: checked.years })}</Text>,
        labels: { confirm: t('retention.furtherConfirm', { count }), cancel: t('retention.furtherCancel') },
        confirmProps: { color: 'red' },
        onConfirm: () => void store(policy),
      });
      return;
    }
    await store(policy);
  };

  const store = async (policy: { enabled: boolean; anonymiseAfterYears: number }) => {
    const checked = { years: policy.anonymiseAfterYears };
    setSaving(true);
    try {
      await saveRetentionPolicy(db(), policy);
      notifications.show({
        color: 'teal',
        title: t('retention.saved'),
        message: enabled ? t('retention.savedOn', { years: checked.years }) : t('retention.savedOff'),
      });
    } catch (err) {
      notifications.show({
        color: 'red',
        title: t('retention.notSaved'),
        message: errorIn(t, err),
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="retention-title">
      <form onSubmit={save} noValidate aria-label={t('retention.form')}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="retention-title">
            {t('retention.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('retention.intro')}
          </Text>
          <Switch
            label={t('retention.enabled')}
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
          />
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('retention.years')}
              description={
                <>
                  {t('retention.yearsHint')}
                  {regions.map((r) => (
                    <span key={r} style={{ display: 'block' }} data-limitation={r}>
                      {t(`retention.limitation.${r}`, {
                        years: CONTRACT_LIMITATION_YEARS[r],
                        statute: CONTRACT_LIMITATION_STATUTES[r] ?? '',
                      })}
                    </span>
                  ))}
                </>
              }
              value={years}
              onChange={(e) => setYears(e.currentTarget.value)}
              error={error}
              inputMode="numeric"
              maw={560}
              styles={{ input: { maxWidth: 240 } }}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {t('retention.note')}
          </Text>
          <Group>
            <Button type="submit" loading={saving} variant="default">
              {t('retention.save')}
            </Button>
            <Anchor href="#/privacy" size="sm">
              {t('retention.preview')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
