// The sharing status, always in the header while the desk belongs to a team: "Synced 2 minutes ago",
// "Offline: changes to 3 cases waiting", "The server refused a change" (a link to the team screen, which says which
// and why).
import { useT } from '#lib/i18n/index';
import { Anchor, Group, Text } from '@mantine/core';
import { useLocation } from 'wouter';
import { statusLine } from '#sync';
import { useConflicts, useSharingStatus } from './hooks';
import { useNow } from '#lib/now';

const COLOURS: Record<string, string> = {
  synced: 'teal.9',
  syncing: 'blue.9',
  downloading: 'blue.9',
  starting: 'gray.8',
  offline: 'orange.9',
  unreachable: 'orange.9',
  'signed-out': 'red.9',
  'update-needed': 'red.9',
  follower: 'gray.8',
};

export function SyncStatus() {
  const status = useSharingStatus();
  const conflicts = useConflicts();
  const now = useNow();
  const [, navigate] = useLocation();
  const t = useT();
  if (status.state.kind === 'off') return null;
  const refused = status.refusals.length;
  const clashes = conflicts?.length ?? 0;
  return (
    <Group gap="xs" wrap="nowrap" role="status" aria-label={t('sync.header')}>
      <Anchor
        href="#/team"
        size="sm"
        c={COLOURS[status.state.kind]}
        onClick={(e) => {
          e.preventDefault();
          navigate('/team');
        }}
      >
        {statusLine(status.state, now, t)}
      </Anchor>
      {refused > 0 && (
        <Text size="sm" c="red.9" fw={600}>
          {t('sync.refused', { n: refused })}
        </Text>
      )}
      {clashes > 0 && (
        <Text size="sm" c="orange.9" fw={600}>
          {t('sync.clashes', { n: clashes })}
        </Text>
      )}
    </Group>
  );
}
