// On a case page: the fields changed at two desks to different values, until a person settles each one. The case
// holds the value kept (the same at every desk); the other is shown beside it with who and when.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatTimestamp } from '#lib/format';
import { db } from '#db/schema';
import { describeValue, fieldHeading, settleCaseClash } from '#sync';
import { otherSides, type ClashSide } from '#shared/sync/merge';

const who = (side: ClashSide) =>
  [side.by, side.writer && `at ${side.writer}`, side.at && formatTimestamp(side.at)].filter(Boolean).join(', ');

export function CaseClashes({ caseId, by, today }: { caseId: string; by: string; today: string }) {
  const row = useLiveQuery(() => db().conflicts.get(caseId), [caseId]);
  if (!row || row.clashes.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title="Changed at two desks" role="region" aria-label="Changed at two desks">
      <Stack gap="sm">
        <Text size="sm">
          Two desks changed these details while apart. The case shows the first value at every desk; confirm it or use
          the other one.
        </Text>
        {row.clashes.map((clash) => {
          const key = clash.path.join('.');
          const settle = (choice: 'kept' | number) =>
            void settleCaseClash(db(), caseId, clash.path, choice, { by, today });
          return (
            <Stack key={key} gap={4} data-clash={key}>
              <Text size="sm" fw={600}>
                {fieldHeading(clash.path)}
              </Text>
              <Text size="sm">
                Now: “{describeValue(clash.kept.value)}” — {who(clash.kept)}
              </Text>
              {otherSides(clash).map((side, i) => (
                <Text size="sm" key={i}>
                  Other: “{describeValue(side.value)}” — {who(side)}
                </Text>
              ))}
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => settle('kept')}>
                  Keep “{describeValue(clash.kept.value)}”
                </Button>
                {otherSides(clash).map((side, i) => (
                  <Button size="xs" variant="default" key={i} onClick={() => settle(i)}>
                    Use “{describeValue(side.value)}”
                  </Button>
                ))}
              </Group>
            </Stack>
          );
        })}
      </Stack>
    </Alert>
  );
}
