// On a case page: the fields changed at two desks to different values, until a person settles each one. The case
// holds the value kept (the same at every desk); the other is shown beside it with who and where. A field two people
// settled differently (each not knowing of the other) is shown again, saying so, with each person's choice.
import { type Translate, useLocale, useT } from '#lib/i18n/index';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatTimestamp } from '#lib/format';
import { db } from '#db/schema';
import { settleCaseClash } from '#sync';
import { clashFieldIn, clashValueIn } from './clash-words';
import { otherSides, settledDifferently, type ClashSide } from '#shared/sync/merge';

/**
 * Who gave a side its value, and where. A choice made settling the field says when; a value from a desk's revision
 * does not, as its time is the desk's last change to the whole case, not when this field was set (explore34-team #6):
 * the timeline says when each edit was made.
 */
const who = (t: Translate, side: ClashSide, choice: boolean) =>
  [side.by, side.writer && t('clash.at', { desk: side.writer }), choice && side.at && formatTimestamp(side.at)]
    .filter(Boolean)
    .join(', ');

export function CaseClashes({ caseId, by, today }: { caseId: string; by: string; today: string }) {
  const row = useLiveQuery(() => db().conflicts.get(caseId), [caseId]);
  const t = useT();
  const { locale } = useLocale();
  if (!row || row.clashes.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title={t('clash.title')} role="region" aria-label={t('clash.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('clash.intro')}</Text>
        {row.clashes.map((clash) => {
          const key = clash.path.join('.');
          const value = (v: unknown) => clashValueIn(t, locale, clash.path, v);
          const choices = settledDifferently(row.settled, clash.path);
          const settle = (choice: 'kept' | number) =>
            void settleCaseClash(db(), caseId, clash.path, choice, { by, today });
          return (
            <Stack key={key} gap={4} data-clash={key}>
              <Text size="sm" fw={600}>
                {clashFieldIn(t, clash.path)}
              </Text>
              {choices && <Text size="sm">{t('clash.settledDifferently')}</Text>}
              <Text size="sm">
                {t('clash.now', { value: value(clash.kept.value), who: who(t, clash.kept, choices) })}
              </Text>
              {otherSides(clash).map((side, i) => (
                <Text size="sm" key={i}>
                  {t('clash.other', { value: value(side.value), who: who(t, side, choices) })}
                </Text>
              ))}
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => settle('kept')}>
                  {t('clash.keep', { value: value(clash.kept.value) })}
                </Button>
                {otherSides(clash).map((side, i) => (
                  <Button size="xs" variant="default" key={i} onClick={() => settle(i)}>
                    {t('clash.use', { value: value(side.value) })}
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
