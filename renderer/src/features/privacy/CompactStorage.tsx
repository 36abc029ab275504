// "Compact storage now" (issue #12, finding 12): after an erasure the erased data is gone from the database, but the
// browser's files can still hold its bytes until they are compacted. This copies the database to a fresh place and
// deletes the old one (db/storage.ts), then reloads every window onto the new copy.
import { Alert, Button, Card, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { db } from '#db/schema';
import { browserStorageHost, compactStorage, localStoragePointer, STORAGE_CHANNEL } from '#db/storage';

export function CompactStorageCard() {
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
          ? `Storage compacted: ${result.rows} rows copied to a fresh store and the old store's files deleted.`
          : `Storage compacted: ${result.rows} rows copied to a fresh store; the old database was deleted and its files written over (best effort).`,
      );
      new BroadcastChannel(STORAGE_CHANNEL).postMessage('moved');
      window.location.reload();
    } catch (error) {
      setState(null);
      setProblem(`Nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const done = sessionStorage.getItem('redress.compacted');

  return (
    <Card withBorder component="section" aria-labelledby="compact-heading">
      <Title order={3} size="h4" id="compact-heading" mb="xs">
        Compact storage
      </Title>
      <Stack gap="sm">
        <Text size="sm">
          Erased data is gone from the desk at once, but the browser&rsquo;s files on this computer can still hold its
          old bytes until they are compacted. &ldquo;Compact storage now&rdquo; copies the desk to a fresh store and
          deletes the old one, so nothing erased is left in them. The desk reloads when it is done; if it is stopped
          part-way, the desk keeps the old copy and tidies up at the next start.
        </Text>
        {!host.buckets && (
          <Text size="sm" c="dimmed">
            This browser cannot delete a store&rsquo;s files directly: the old copy is deleted and written over instead,
            which removes it in Chromium but is not guaranteed elsewhere.
          </Text>
        )}
        <Text size="sm" c="dimmed">
          Backups made before the erasure still hold the erased data, and so may copies of this computer&rsquo;s disk
          (system backups, a disk image): replace or destroy them as your retention policy says.
        </Text>
        {done && <Alert color="teal">{done}</Alert>}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {state && (
          <Progress value={state.total ? (100 * state.copied) / state.total : 0} aria-label="Copying the desk" />
        )}
        <div>
          <Button onClick={() => void compact()} loading={state !== null}>
            Compact storage now
          </Button>
        </div>
      </Stack>
    </Card>
  );
}
