// "Compact storage now" (issue #12, finding 12): after an erasure the erased data is gone from the database, but the
// browser's files can still hold its bytes until they are compacted. This copies the database to a fresh place and
// deletes the old one (db/storage.ts), then reloads every window onto the new copy.
import { errorDetailIn, useT } from '#lib/i18n/index';
import { Alert, Button, Card, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { db } from '#db/schema';
import {
  browserStorageHost,
  compactStorage,
  currentLocation,
  localStoragePointer,
  tellOtherWindows,
} from '#db/storage';

export function CompactStorageCard() {
  const t = useT();
  const [state, setState] = useState<{ copied: number; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const host = browserStorageHost();

  const compact = async () => {
    setProblem(null);
    setState({ copied: 0, total: 0 });
    try {
      const result = await compactStorage(db(), host, localStoragePointer(), {
        onProgress: (copied, total) => setState({ copied, total }),
      });
      sessionStorage.setItem(
        'redress.compacted',
        result.oldFilesRemoved
          ? t('compact.done', { rows: result.rows })
          : t('compact.doneBestEffort', { rows: result.rows }),
      );
      tellOtherWindows('moved');
      window.location.reload();
    } catch (error) {
      setState(null);
      setProblem(t('compact.failed', { error: errorDetailIn(t, error) }));
    }
  };
  const done = sessionStorage.getItem('redress.compacted');

  return (
    <Card withBorder component="section" aria-labelledby="compact-heading">
      <Title order={2} size="h4" id="compact-heading" mb="xs">
        {t('compact.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('compact.intro')}</Text>
        {/* Only a copy into a bucket has a store of its own to open: without buckets it shares the old one's files. */}
        {host.buckets && (
          <Text size="sm" c="dimmed">
            {t('compact.slowOpen')}
          </Text>
        )}
        {!host.buckets && (
          <Text size="sm" c="dimmed">
            {t('compact.noBuckets')}
          </Text>
        )}
        {/* A desk made before desks started in a bucket of their own (db/storage.ts placeWithoutNote). */}
        {host.buckets && currentLocation().bucket === null && (
          <Text size="sm" c="dimmed">
            {t('compact.inDefault')}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('compact.backups')}
        </Text>
        {done && (
          <Alert color="teal" role="status">
            {done}
          </Alert>
        )}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {state && (
          <Progress value={state.total ? (100 * state.copied) / state.total : 0} aria-label={t('compact.copying')} />
        )}
        <div>
          <Button onClick={() => void compact()} loading={state !== null}>
            {t('compact.now')}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}
